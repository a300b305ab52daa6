package lsp

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/copydesk/copydesk"
	"github.com/copydesk/copydesk/core/host"
	"github.com/copydesk/copydesk/internal/proc"
	"github.com/copydesk/copydesk/plugins"
)

// The test binary serves the built-in plugins when the host re-executes it
// with __plugin NAME, as the copydesk binary does.
func TestMain(m *testing.M) {
	if host.ServeBuiltin(os.Args[1:], plugins.Lookup) {
		return
	}
	os.Exit(m.Run())
}

// recorder is the test's LSP client: it keeps every notification.
type recorder struct {
	protocol.UnimplementedClient
	mu       sync.Mutex
	diags    []*protocol.PublishDiagnosticsParams
	messages []string
	changed  chan struct{}
}

func (r *recorder) PublishDiagnostics(_ context.Context, p *protocol.PublishDiagnosticsParams) error {
	c, err := protocol.Clone(p)
	if err != nil {
		return err
	}
	r.mu.Lock()
	r.diags = append(r.diags, c)
	r.mu.Unlock()
	select {
	case r.changed <- struct{}{}:
	default:
	}
	return nil
}

func (r *recorder) ShowMessage(_ context.Context, p *protocol.ShowMessageParams) error {
	r.mu.Lock()
	r.messages = append(r.messages, p.Message)
	r.mu.Unlock()
	return nil
}

func (r *recorder) RegisterCapability(context.Context, *protocol.RegistrationParams) error {
	return nil
}

// harness runs a Server over pipes and drives it with a JSON-RPC client.
type harness struct {
	t      testing.TB
	s      *Server
	server protocol.Server // the client's view of the server
	conn   jsonrpc2.Conn
	rec    *recorder
	code   chan int
	dir    string
	// toServer is closed to simulate the editor going away.
	toServer *io.PipeWriter
}

type pipes struct {
	io.Reader
	io.WriteCloser
}

// startServer starts a server whose documents live in a temporary folder
// with a rules.toml: the built-in one (with a longer check timeout), or the
// given text.
func startServer(t testing.TB, debounce time.Duration, rules ...string) *harness {
	t.Helper()
	dir := t.TempDir()
	// The built-in rules with a long check timeout: under the race
	// detector on a busy machine a cold plugin can take over 10 s.
	text := strings.Replace(string(copydesk.DefaultRules), `check = "10s"`, `check = "60s"`, 1)
	if text == string(copydesk.DefaultRules) {
		t.Fatal(`the built-in rules.toml no longer sets check = "10s"; update the test`)
	}
	if len(rules) > 0 {
		text = rules[0]
	}
	writeFile(t, filepath.Join(dir, "rules.toml"), text)

	c2sR, c2sW := io.Pipe()
	s2cR, s2cW := io.Pipe()
	s := newServer(Options{
		Builtins: plugins.Builtin, DefaultRules: copydesk.DefaultRules,
		Debounce: debounce, Log: testLog{t}, Version: "test",
	})
	h := &harness{t: t, s: s, rec: &recorder{changed: make(chan struct{}, 1)}, code: make(chan int, 1), dir: dir, toServer: c2sW}
	go func() {
		h.code <- s.serve(context.Background(), c2sR, s2cW)
		s2cW.Close()
	}()
	stream := jsonrpc2.NewHeaderStream(pipes{s2cR, c2sW})
	_, h.conn, h.server = protocol.NewClient(context.Background(), h.rec, stream)
	t.Cleanup(func() {
		c2sW.Close()
		select {
		case <-h.code:
		case <-time.After(30 * time.Second):
			t.Error("the server did not stop when its input closed")
		}
		h.conn.Close()
	})
	res, err := h.server.Initialize(h.ctx(), &protocol.InitializeParams{
		RootURI: ptr(uri.File(dir)),
		Capabilities: protocol.ClientCapabilities{Workspace: &protocol.WorkspaceClientCapabilities{
			DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: ptr(true)},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Capabilities.PositionEncoding != protocol.PositionEncodingKindUTF16 {
		t.Errorf("position encoding %q, want utf-16", res.Capabilities.PositionEncoding)
	}
	if err := h.server.Initialized(h.ctx(), &protocol.InitializedParams{}); err != nil {
		t.Fatal(err)
	}
	return h
}

type testLog struct{ t testing.TB }

func (l testLog) Write(b []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(b), "\n"))
	return len(b), nil
}

func (h *harness) ctx() context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	h.t.Cleanup(cancel)
	return ctx
}

func writeFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// open writes the document to disk (so its rules.toml is found) and opens it.
func (h *harness) open(name, text string) uri.URI {
	h.t.Helper()
	path := filepath.Join(h.dir, name)
	writeFile(h.t, path, text)
	u := uri.File(path)
	err := h.server.DidOpen(h.ctx(), &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "plaintext", Version: 1, Text: text,
	}})
	if err != nil {
		h.t.Fatal(err)
	}
	return u
}

func (h *harness) change(u uri.URI, version int32, text string) {
	h.t.Helper()
	err := h.server.DidChange(h.ctx(), &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{&protocol.TextDocumentContentChangeWholeDocument{Text: text}},
	})
	if err != nil {
		h.t.Fatal(err)
	}
}

// stop shuts the server down and waits for it to end.
func (h *harness) stop() {
	h.t.Helper()
	if err := h.server.Shutdown(h.ctx()); err != nil {
		h.t.Fatal(err)
	}
	h.server.Exit(h.ctx())
	select {
	case code := <-h.code:
		h.code <- code // for the cleanup
	case <-time.After(30 * time.Second):
		h.t.Fatal("the server did not end on exit")
	}
}

// published returns every publication for u so far.
func (h *harness) published(u uri.URI) []*protocol.PublishDiagnosticsParams {
	h.rec.mu.Lock()
	defer h.rec.mu.Unlock()
	var out []*protocol.PublishDiagnosticsParams
	for _, p := range h.rec.diags {
		if p.URI == u {
			out = append(out, p)
		}
	}
	return out
}

// waitFor waits for a publication for u that satisfies ok and returns it.
func (h *harness) waitFor(u uri.URI, what string, ok func(*protocol.PublishDiagnosticsParams) bool) *protocol.PublishDiagnosticsParams {
	h.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		ps := h.published(u)
		for i := len(ps) - 1; i >= 0; i-- {
			if ok(ps[i]) {
				return ps[i]
			}
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("no diagnostics for %s %s within 60 s; got %d publications", uri.Basename(u), what, len(ps))
		}
		select {
		case <-h.rec.changed:
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func (h *harness) waitVersion(u uri.URI, v int32) *protocol.PublishDiagnosticsParams {
	h.t.Helper()
	return h.waitFor(u, "of version "+strconv.Itoa(int(v)), func(p *protocol.PublishDiagnosticsParams) bool {
		got, ok := p.Version.Get()
		return ok && got == v
	})
}

func code(d protocol.Diagnostic) string {
	if s, ok := d.Code.(protocol.String); ok {
		return string(s)
	}
	return ""
}

func message(d protocol.Diagnostic) string {
	switch m := d.Message.(type) {
	case protocol.String:
		return string(m)
	case *protocol.MarkupContent:
		return m.Value
	}
	return ""
}

func withCode(ds []protocol.Diagnostic, c string) []protocol.Diagnostic {
	var out []protocol.Diagnostic
	for _, d := range ds {
		if code(d) == c {
			out = append(out, d)
		}
	}
	return out
}

// utf16Col is an independent count of a rune column in UTF-16 units.
func utf16Col(line string, runeCol int) uint32 {
	r := []rune(line)
	return uint32(len(utf16.Encode(r[:min(runeCol, len(r))])))
}

// applyEdits applies LSP text edits to text, converting UTF-16 positions
// independently of the server's code.
func applyEdits(t *testing.T, text string, edits []protocol.TextEdit) string {
	t.Helper()
	offset := func(p protocol.Position) int {
		ls := strings.SplitAfter(text, "\n")
		off := 0
		for i := 0; i < int(p.Line) && i < len(ls); i++ {
			off += len(ls[i])
		}
		if int(p.Line) >= len(ls) {
			return len(text)
		}
		units := utf16.Encode([]rune(ls[p.Line]))
		prefix := string(utf16.Decode(units[:min(int(p.Character), len(units))]))
		return off + len(prefix)
	}
	type span struct {
		s, e int
		new  string
	}
	var spans []span
	for _, e := range edits {
		spans = append(spans, span{offset(e.Range.Start), offset(e.Range.End), e.NewText})
	}
	for i := len(spans) - 1; i >= 0; i-- { // edits come sorted and disjoint
		sp := spans[i]
		text = text[:sp.s] + sp.new + text[sp.e:]
	}
	return text
}

// pluginProcesses maps each built-in plugin of this test process to its pid.
func pluginProcesses(t testing.TB) map[string][]int {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("needs /proc")
	}
	out := map[string][]int{}
	for _, child := range proc.Children()[os.Getpid()] {
		if !proc.Alive(child) {
			continue
		}
		cmdline, _ := os.ReadFile(filepath.Join("/proc", strconv.Itoa(child), "cmdline"))
		args := strings.Split(strings.TrimRight(string(cmdline), "\x00"), "\x00")
		if len(args) == 3 && args[1] == host.BuiltinCommand {
			out[args[2]] = append(out[args[2]], child)
		}
	}
	return out
}

func sharedFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", rel)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Skipf("shared data not found: %v", err)
	}
	return string(b)
}
