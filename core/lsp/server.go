// Package lsp is `copydesk lsp`: a Language Server Protocol server over
// stdio that checks the documents an editor has open with warm plugins and
// answers with diagnostics, quick fixes and explanations. It is built on
// go.lsp.dev/protocol (types) and go.lsp.dev/jsonrpc2 (transport), and on
// the same runner.Engine as `copydesk check` and `copydesk serve`.
//
// What it does, in protocol terms (docs/editor.md has the user's view):
//
//   - textDocument/publishDiagnostics after didOpen, didSave and (debounced)
//     didChange, for .txt, .md, .html and CMS .json documents. Positions are
//     in UTF-16 code units. Each document is checked by at most one check at
//     a time and only the newest version's result is published: a check
//     that finishes after the text changed again is dropped.
//   - textDocument/codeAction: each finding's suggestions as a quickfix
//     (escaped and widened exactly as `check --fix` would), "Ignore this
//     finding here" in Markdown and HTML, and a source.fixAll.
//   - textDocument/hover: the rule's summary, the finding's message, the
//     rule's documentation and its before/after example.
//   - The nearest rules.toml for each document (or --config); it is read
//     again when it changes (workspace/didChangeWatchedFiles, or didSave of
//     rules.toml); its errors are diagnostics on rules.toml.
//   - A plugin that crashes or hangs is one diagnostic at the top of the
//     document, and the engine restarts it on the next check.
//   - shutdown stops every plugin process; exit ends Serve.
package lsp

import (
	"context"
	"fmt"
	"io"
	"log"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-hclog"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/copydesk/copydesk/core/sdk"
)

// DefaultDebounce is how long the server waits after a change before it
// checks the document: long enough that a burst of keystrokes is checked
// once, short enough that findings follow typing.
const DefaultDebounce = 300 * time.Millisecond

// Options configure a Server.
type Options struct {
	// Builtins are the plugins this binary serves.
	Builtins []*sdk.Plugin
	// DefaultRules is the built-in rules.toml, used where no rules.toml is
	// found above a document.
	DefaultRules []byte
	// ConfigPath, when set, is the rules.toml for every document (--config).
	ConfigPath string
	// Debounce after didChange; zero means DefaultDebounce.
	Debounce time.Duration
	// Log receives the server's own log lines (stderr: editors keep it).
	Log io.Writer
	// PluginLogger receives the plugin host's log.
	PluginLogger hclog.Logger
	// Version is reported in serverInfo.
	Version string
	// DocsURL is the base of each diagnostic's codeDescription link; the
	// rule id's anchor is appended (see RuleDocURL).
	DocsURL string
}

// Server is one editor session's language server.
type Server struct {
	protocol.UnimplementedServer

	opt     Options
	log     *log.Logger
	client  protocol.Client
	conn    jsonrpc2.Conn
	engines *engines

	mu       sync.Mutex
	docs     map[uri.URI]*document
	init     atomic.Bool
	shutdown atomic.Bool
	exited   chan struct{}
	exitOnce sync.Once
	// watchRegistration: the client lets us ask for rules.toml events.
	watchRegistration bool

	// ctx lives as long as the connection; checks run under it.
	ctx    context.Context
	cancel context.CancelFunc
}

// Serve runs a server over the client's stdio until the client sends exit
// or closes the stream. It returns the process's exit code: 0 after
// shutdown and exit, 1 when the client exited without shutdown or
// vanished.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opt Options) int {
	s := newServer(opt)
	return s.serve(ctx, in, out)
}

func newServer(opt Options) *Server {
	if opt.Debounce <= 0 {
		opt.Debounce = DefaultDebounce
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.PluginLogger == nil {
		opt.PluginLogger = hclog.NewNullLogger()
	}
	if opt.DocsURL == "" {
		opt.DocsURL = DefaultDocsURL
	}
	s := &Server{
		opt:    opt,
		log:    log.New(opt.Log, "copydesk lsp: ", log.LstdFlags),
		docs:   map[uri.URI]*document{},
		exited: make(chan struct{}),
	}
	s.engines = newEngines(s)
	return s
}

type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }

func (s *Server) serve(ctx context.Context, in io.Reader, out io.Writer) int {
	s.ctx, s.cancel = context.WithCancel(ctx)
	defer s.cancel()
	stream := newStream(stdio{in, out}, s.logf)
	s.conn = jsonrpc2.NewConn(stream, jsonrpc2.WithCodec(codec{}))
	s.client = protocol.ClientDispatcher(s.conn)
	s.conn.Go(s.ctx, s.handler())

	code := 0
	select {
	case <-s.exited:
		if !s.shutdown.Load() {
			code = 1
		}
	case <-s.conn.Done():
		if err := s.conn.Err(); err != nil {
			s.logf("connection ended: %v", err)
		}
		code = 1
	case <-ctx.Done():
		code = 1
	}
	s.stopAll()
	return code
}

// stopAll stops the timers and every plugin process. It is safe to call
// more than once.
func (s *Server) stopAll() {
	s.mu.Lock()
	for _, d := range s.docs {
		d.close()
	}
	s.mu.Unlock()
	s.engines.closeAll()
}

func (s *Server) logf(format string, args ...any) {
	s.log.Printf(format, args...)
}

func (s *Server) initialized() bool       { return s.init.Load() }
func (s *Server) shutdownRequested() bool { return s.shutdown.Load() }

// Initialize answers with the server's capabilities.
func (s *Server) Initialize(ctx context.Context, p *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	if caps := p.Capabilities.Workspace; caps != nil && caps.DidChangeWatchedFiles != nil && caps.DidChangeWatchedFiles.DynamicRegistration != nil {
		s.watchRegistration = *caps.DidChangeWatchedFiles.DynamicRegistration
	}
	s.init.Store(true)
	full := protocol.TextDocumentSyncKindFull
	return &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			PositionEncoding: protocol.PositionEncodingKindUTF16,
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: ptr(true),
				Change:    &full,
				Save:      &protocol.SaveOptions{IncludeText: ptr(true)},
			},
			HoverProvider: protocol.Boolean(true),
			CodeActionProvider: &protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix, protocol.CodeActionKindSourceFixAll},
			},
		},
		ServerInfo: protocol.ServerInfo{Name: "copydesk", Version: protocol.NewOptional(s.opt.Version)},
	}, nil
}

// Initialized asks the client to report changes to rules.toml files, when
// it can.
func (s *Server) Initialized(ctx context.Context, _ *protocol.InitializedParams) error {
	if !s.watchRegistration {
		return nil
	}
	opts, err := protocol.Marshal(&protocol.DidChangeWatchedFilesRegistrationOptions{
		Watchers: []protocol.FileSystemWatcher{{GlobPattern: protocol.Pattern("**/rules.toml")}},
	})
	if err != nil {
		return err
	}
	// A request to the client must not run on the read loop, which is the
	// one that will read the answer.
	go func() {
		err := s.client.RegisterCapability(s.ctx, &protocol.RegistrationParams{Registrations: []protocol.Registration{{
			ID: "copydesk-rules-toml", Method: protocol.MethodWorkspaceDidChangeWatchedFiles, RegisterOptions: opts,
		}}})
		if err != nil {
			s.logf("the client did not watch rules.toml for us (%v); save rules.toml in the editor to reload it", err)
		}
	}()
	return nil
}

// Shutdown stops every plugin process; the client sends exit next.
func (s *Server) Shutdown(ctx context.Context) error {
	s.shutdown.Store(true)
	s.stopAll()
	return nil
}

// Exit ends Serve.
func (s *Server) Exit(ctx context.Context) error {
	s.exitOnce.Do(func() { close(s.exited) })
	return nil
}

// DidChangeConfiguration is accepted and ignored: copydesk's settings live
// in rules.toml.
func (s *Server) DidChangeConfiguration(context.Context, *protocol.DidChangeConfigurationParams) error {
	return nil
}

// SetTrace is accepted and ignored.
func (s *Server) SetTrace(context.Context, *protocol.SetTraceParams) error { return nil }

// DidChangeWatchedFiles reloads the rules.toml files that changed.
func (s *Server) DidChangeWatchedFiles(ctx context.Context, p *protocol.DidChangeWatchedFilesParams) error {
	reload := false
	for _, ev := range p.Changes {
		if isRulesFile(ev.URI) {
			s.engines.invalidate(ev.URI.FsPath())
			reload = true
		}
	}
	if reload {
		s.recheckAll()
	}
	return nil
}

func isRulesFile(u uri.URI) bool {
	return u.IsFile() && strings.EqualFold(uri.Basename(u), "rules.toml")
}

func ptr[T any](v T) *T { return &v }

// notify sends a notification, logging a failure (the client has gone).
func (s *Server) publish(p *protocol.PublishDiagnosticsParams) {
	if p.Diagnostics == nil {
		p.Diagnostics = []protocol.Diagnostic{}
	}
	if err := s.client.PublishDiagnostics(s.ctx, p); err != nil && s.ctx.Err() == nil {
		s.logf("publishing diagnostics for %s: %v", p.URI, err)
	}
}

func (s *Server) showError(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	s.logf("%s", msg)
	_ = s.client.ShowMessage(s.ctx, &protocol.ShowMessageParams{Type: protocol.MessageTypeError, Message: "copydesk: " + msg})
}
