package lsp

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/runner"
)

// document is an open text document. Its fields are guarded by Server.mu.
type document struct {
	uri    uri.URI
	path   string // file path; "" for an unsaved buffer
	format article.Format
	text   string
	// version is the editor's version of text.
	version int32

	timer    *time.Timer
	checking bool // a check goroutine is running for this document
	again    bool // a check was asked for while one ran
	closed   bool
	// retried: the last check lost a plugin's findings and one more check
	// was scheduled to bring them back (once, not in a loop).
	retried bool

	// shown is what was last published: the version, its text and the
	// findings, for hover and code actions on that same text.
	shown *checked
}

// checked is one check's outcome on one version of a document.
type checked struct {
	version int32
	lines   *lines
	format  article.Format
	diags   []runner.Diagnostic
	engine  *runner.Engine // for rule documentation in hover
}

func (d *document) close() {
	d.closed = true
	if d.timer != nil {
		d.timer.Stop()
	}
}

// formatOf picks the format from the file name, else the editor's language.
func formatOf(u uri.URI, languageID string) (article.Format, bool) {
	if f, ok := article.FormatFromPath(uri.Basename(u)); ok {
		return f, true
	}
	switch strings.ToLower(languageID) {
	case "markdown":
		return article.FormatMarkdown, true
	case "html":
		return article.FormatHTML, true
	case "json":
		return article.FormatJSON, true
	case "plaintext", "text":
		return article.FormatText, true
	}
	return "", false
}

// DidOpen checks a newly opened document at once.
func (s *Server) DidOpen(ctx context.Context, p *protocol.DidOpenTextDocumentParams) error {
	td := p.TextDocument
	if isRulesFile(td.URI) {
		s.rulesSaved(td.URI)
		return nil
	}
	format, ok := formatOf(td.URI, string(td.LanguageID))
	if !ok {
		return nil // not a document copydesk reads
	}
	d := &document{uri: td.URI, format: format, text: strings.Clone(td.Text), version: td.Version}
	if td.URI.IsFile() {
		d.path = td.URI.FsPath()
	} else {
		d.path = uri.Basename(td.URI)
	}
	s.mu.Lock()
	if old := s.docs[td.URI]; old != nil {
		old.close()
	}
	s.docs[td.URI] = d
	s.schedule(d, 0)
	s.mu.Unlock()
	return nil
}

// DidChange records the new text and checks it after the debounce delay.
func (s *Server) DidChange(ctx context.Context, p *protocol.DidChangeTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return nil
	}
	text := d.text
	for _, c := range p.ContentChanges {
		switch c := c.(type) {
		case *protocol.TextDocumentContentChangeWholeDocument:
			text = c.Text
		case *protocol.TextDocumentContentChangePartial:
			l := newLines(text)
			start, end := l.offset(c.Range.Start), l.offset(c.Range.End)
			if end < start {
				return fmt.Errorf("%s: change range ends before it starts", p.TextDocument.URI)
			}
			text = text[:start] + c.Text + text[end:]
		}
	}
	d.text = strings.Clone(text)
	d.version = p.TextDocument.Version
	s.schedule(d, s.opt.Debounce)
	return nil
}

// DidSave checks the saved text at once; a saved rules.toml is read again.
func (s *Server) DidSave(ctx context.Context, p *protocol.DidSaveTextDocumentParams) error {
	if isRulesFile(p.TextDocument.URI) {
		s.rulesSaved(p.TextDocument.URI)
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return nil
	}
	if p.Text != nil && *p.Text != d.text {
		// The saved text is the editor's current text; it bears no new
		// version number, so keep the one we have.
		d.text = strings.Clone(*p.Text)
	}
	s.schedule(d, 0)
	return nil
}

// DidClose forgets the document and clears its diagnostics.
func (s *Server) DidClose(ctx context.Context, p *protocol.DidCloseTextDocumentParams) error {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d != nil {
		d.close()
		delete(s.docs, p.TextDocument.URI)
	}
	s.mu.Unlock()
	if d != nil {
		s.publish(&protocol.PublishDiagnosticsParams{URI: p.TextDocument.URI})
	}
	return nil
}

// rulesSaved reloads a rules.toml the editor opened or saved, publishes its
// problems, and checks every open document again.
func (s *Server) rulesSaved(u uri.URI) {
	path := u.FsPath()
	s.engines.invalidate(path)
	go s.engines.get(path) // validates and publishes its diagnostics
	s.recheckAll()
}

// recheckAll checks every open document again (their rules.toml changed).
func (s *Server) recheckAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		s.schedule(d, 0)
	}
}

// schedule checks d after delay, replacing a check already scheduled. The
// caller holds s.mu.
func (s *Server) schedule(d *document, delay time.Duration) {
	if d.closed {
		return
	}
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(delay, func() { s.startCheck(d) })
}

// startCheck runs the document's check loop unless one is running, in
// which case that loop checks once more when it is done. So a document is
// checked by one goroutine at a time, in version order.
func (s *Server) startCheck(d *document) {
	s.mu.Lock()
	if d.closed {
		s.mu.Unlock()
		return
	}
	if d.checking {
		d.again = true
		s.mu.Unlock()
		return
	}
	d.checking = true
	s.mu.Unlock()
	go s.checkLoop(d)
}

func (s *Server) checkLoop(d *document) {
	for {
		s.mu.Lock()
		text, version, closed := d.text, d.version, d.closed
		d.again = false
		s.mu.Unlock()
		if closed || s.ctx.Err() != nil {
			s.mu.Lock()
			d.checking = false
			s.mu.Unlock()
			return
		}
		out := s.check(d, text, version)

		s.mu.Lock()
		// Publish only the newest version: a check of older text never
		// replaces (or precedes) the diagnostics of newer text.
		if out != nil && !d.closed && d.version == version && (d.shown == nil || d.shown.version <= version) && s.ctx.Err() == nil && !s.shutdownRequested() {
			d.shown = out.checked
			s.publish(&protocol.PublishDiagnosticsParams{URI: d.uri, Version: protocol.NewOptional(version), Diagnostics: out.lsp})
			// A plugin that failed is restarted by the engine on the next
			// check: run that check soon, so the findings come back
			// without an edit. Once: a plugin that fails on this very
			// text must not be restarted in a loop.
			switch {
			case !out.failed:
				d.retried = false
			case !d.retried:
				d.retried = true
				s.schedule(d, RetryDelay)
			}
		}
		if !d.again || d.closed {
			d.checking = false
			s.mu.Unlock()
			return
		}
		s.mu.Unlock()
	}
}

type checkOutput struct {
	*checked
	lsp    []protocol.Diagnostic
	failed bool // a plugin's findings are missing
}

// RetryDelay is how soon a document whose check lost a plugin's findings is
// checked again (with the plugin restarted).
const RetryDelay = time.Second

// check runs one version of a document through its rules.toml's engine and
// converts what comes back. It never fails: an unreadable document, a
// broken rules.toml and missing plugins are diagnostics too.
func (s *Server) check(d *document, text string, version int32) *checkOutput {
	l := newLines(text)
	out := &checkOutput{checked: &checked{version: version, lines: l, format: d.format}}
	if strings.TrimSpace(strings.TrimPrefix(text, "\ufeff")) == "" {
		return out // an empty buffer has nothing to report
	}
	a, err := article.Parse(d.path, d.format, []byte(text))
	if err != nil {
		out.lsp = append(out.lsp, topDiagnostic(l, inputLine(err), "copydesk/input", err.Error()))
		return out
	}
	cfgPath := s.engines.configFor(d.path)
	var res *runner.Result
	for try := 0; try < 3; try++ {
		e := s.engines.get(cfgPath)
		res, err = e.check(s.ctx, a)
		if errors.Is(err, errStopped) && s.ctx.Err() == nil && !s.shutdownRequested() {
			continue // its rules.toml changed under us: use the new one
		}
		if err == nil {
			out.engine = e.eng
		}
		break
	}
	if err != nil {
		if errors.Is(err, errStopped) {
			return nil
		}
		where := cfgPath
		if where == "" {
			where = "the built-in rules.toml"
		}
		out.lsp = append(out.lsp, topDiagnostic(l, 0, "copydesk/config", fmt.Sprintf("copydesk could not check this document with %s: %v", where, err)))
		return out
	}
	for _, f := range res.Failures {
		if f.Path != "" && f.Path != d.path {
			continue
		}
		out.failed = true
		out.lsp = append(out.lsp, topDiagnostic(l, 0, "copydesk/plugin-failure", fmt.Sprintf("findings of plugin %s are missing: %s (it is restarted for the next check)", f.Plugin, f.Error)))
	}
	if len(res.Files) == 1 {
		out.diags = res.Files[0].Diagnostics
		for _, rd := range out.diags {
			out.lsp = append(out.lsp, s.toLSP(d.uri, l, rd))
		}
	}
	return out
}

// inputLine is the line an input error names, or 0.
func inputLine(err error) int {
	var ie *article.InputError
	if errors.As(err, &ie) {
		return ie.Line
	}
	return 0
}

// topDiagnostic is a problem with the whole document, shown on the given
// 1-based line (the first when 0).
func topDiagnostic(l *lines, line int, code, msg string) protocol.Diagnostic {
	if line < 1 {
		line = 1
	}
	start := l.lineColumn(line, 1)
	return protocol.Diagnostic{
		Range:    l.rangeOf(start, l.lineEnd(int(l.position(start).Line))),
		Severity: protocol.DiagnosticSeverityError,
		Code:     protocol.String(code),
		Source:   protocol.NewOptional("copydesk"),
		Message:  protocol.String(msg),
	}
}
