package lsp

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/config"
	"github.com/copydesk/copydesk/core/runner"
)

// errStopped is a check asked for after shutdown, or on an engine that a
// rules.toml change retired.
var errStopped = errors.New("copydesk lsp is shutting down")

// engines keeps one warm runner.Engine per rules.toml in use. An engine
// starts when the first document that needs it is checked, and is replaced
// when its rules.toml changes.
type engines struct {
	s      *Server
	mu     sync.Mutex
	byPath map[string]*engine // key: rules.toml path, "" for the built-in one
	closed bool
}

type engine struct {
	path  string
	ready chan struct{} // closed when loading finished (eng or err set)
	eng   *runner.Engine
	err   error
	// mu is held for reading by checks and for writing by close, so an
	// engine is never closed under a running check.
	mu      sync.RWMutex
	retired bool
}

func newEngines(s *Server) *engines {
	return &engines{s: s, byPath: map[string]*engine{}}
}

// configFor is the rules.toml that applies to a document: --config, else
// the nearest rules.toml from the document's folder upward, else "" (the
// built-in one).
func (es *engines) configFor(docPath string) string {
	if es.s.opt.ConfigPath != "" {
		return es.s.opt.ConfigPath
	}
	dir := "."
	if docPath != "" {
		dir = filepath.Dir(docPath)
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	p, err := config.Find("", dir)
	if err != nil {
		return ""
	}
	return p
}

// get returns the engine for a rules.toml, starting it on first use. It
// waits until the engine has started (or failed to).
func (es *engines) get(path string) *engine {
	es.mu.Lock()
	if es.closed {
		es.mu.Unlock()
		e := &engine{path: path, ready: make(chan struct{}), err: errStopped}
		close(e.ready)
		return e
	}
	e := es.byPath[path]
	if e == nil {
		e = &engine{path: path, ready: make(chan struct{})}
		es.byPath[path] = e
		es.mu.Unlock()
		es.load(e)
		return e
	}
	es.mu.Unlock()
	<-e.ready
	return e
}

// load reads the rules.toml and starts its plugins, then publishes the
// rules.toml's problems (or none) as its diagnostics.
func (es *engines) load(e *engine) {
	defer close(e.ready)
	s := es.s
	src, name := s.opt.DefaultRules, "(built-in rules.toml)"
	if e.path != "" {
		b, err := os.ReadFile(e.path)
		if err != nil {
			e.err = err
			es.publishConfig(e)
			return
		}
		src, name = b, e.path
	}
	names := make([]string, len(s.opt.Builtins))
	for i, p := range s.opt.Builtins {
		names[i] = p.Name
	}
	cfg, err := config.Parse(name, src, names)
	if err == nil {
		e.eng, err = runner.Start(s.ctx, runner.Options{Config: cfg, Builtins: s.opt.Builtins, Logger: s.opt.PluginLogger})
	}
	e.err = err
	if err != nil {
		s.logf("%v", err)
	}
	es.publishConfig(e)
	// A shutdown that came while the plugins started closes them now.
	es.mu.Lock()
	closed := es.closed
	es.mu.Unlock()
	if closed {
		e.close()
	}
}

// publishConfig shows a rules.toml's errors on rules.toml itself, or
// clears them.
func (es *engines) publishConfig(e *engine) {
	if e.path == "" {
		return
	}
	var diags []protocol.Diagnostic
	if e.err != nil {
		var one *config.Error
		var many config.Errors
		switch {
		case errors.As(e.err, &many):
			for _, ce := range many {
				diags = append(diags, configDiagnostic(e.path, ce.Line, ce.Msg))
			}
		case errors.As(e.err, &one):
			diags = append(diags, configDiagnostic(e.path, one.Line, one.Msg))
		default:
			diags = append(diags, configDiagnostic(e.path, 0, e.err.Error()))
		}
	}
	es.s.publish(&protocol.PublishDiagnosticsParams{URI: uri.File(e.path), Diagnostics: diags})
}

func configDiagnostic(path string, line int, msg string) protocol.Diagnostic {
	l := newLines("")
	if b, err := os.ReadFile(path); err == nil {
		l = newLines(string(b))
	}
	start := 0
	if line > 0 {
		start = l.lineColumn(line, 1)
	}
	end := l.lineEnd(int(l.position(start).Line))
	return protocol.Diagnostic{
		Range:    l.rangeOf(start, end),
		Severity: protocol.DiagnosticSeverityError,
		Code:     protocol.String("copydesk/config"),
		Source:   protocol.NewOptional("copydesk"),
		Message:  protocol.String(msg),
	}
}

// check runs one article through the engine. errStopped means the engine
// was retired meanwhile: ask get again.
func (e *engine) check(ctx context.Context, a *article.Article) (*runner.Result, error) {
	if e.err != nil {
		return nil, e.err
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	if e.retired {
		return nil, errStopped
	}
	return e.eng.Check(ctx, []*article.Article{a}), nil
}

func (e *engine) close() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.retired && e.eng != nil {
		e.eng.Close()
	}
	e.retired = true
}

// invalidate retires the engine of a rules.toml that changed; the next
// check starts a fresh one from the new file.
func (es *engines) invalidate(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	es.mu.Lock()
	var old []*engine
	for p, e := range es.byPath {
		if p != "" && sameFile(p, path) {
			old = append(old, e)
			delete(es.byPath, p)
		}
	}
	es.mu.Unlock()
	for _, e := range old {
		go func() {
			<-e.ready
			e.close()
		}()
	}
}

func sameFile(a, b string) bool {
	if a == b {
		return true
	}
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// closeAll stops every engine's plugins and refuses new ones.
func (es *engines) closeAll() {
	es.mu.Lock()
	es.closed = true
	all := make([]*engine, 0, len(es.byPath))
	for _, e := range es.byPath {
		all = append(all, e)
	}
	es.byPath = map[string]*engine{}
	es.mu.Unlock()
	for _, e := range all {
		<-e.ready
		e.close()
	}
}

// declarations of the engine for hover, when it has started.
func (e *engine) rules() *runner.Engine {
	if e == nil || e.err != nil {
		return nil
	}
	select {
	case <-e.ready:
		return e.eng
	default:
		return nil
	}
}
