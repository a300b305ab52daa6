package lsp

import (
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/copydesk/copydesk/internal/proc"
)

const seedPath = "corpus/seed/blinken-china-trip.txt"

// TestSeedDiagnostics opens the seed article: the findings arrive with the
// rule as code, a documentation link, severity and related spans, and every
// range is in UTF-16 code units, also on lines with „ and curly quotes.
func TestSeedDiagnostics(t *testing.T) {
	seed := sharedFile(t, seedPath)
	h := startServer(t, 50*time.Millisecond)
	u := h.open("seed.txt", seed)
	p := h.waitVersion(u, 1)

	h.s.mu.Lock()
	found := h.s.docs[u].shown.diags
	h.s.mu.Unlock()
	if len(p.Diagnostics) != len(found) || len(found) < 15 {
		t.Fatalf("published %d diagnostics for %d findings; the seed has at least 15", len(p.Diagnostics), len(found))
	}
	srcLines := strings.Split(seed, "\n")
	nonASCII := 0
	related := 0
	for i, ld := range p.Diagnostics {
		f := found[i]
		if code(ld) != f.Rule || message(ld) != f.Message {
			t.Errorf("diagnostic %d: code %q message %q, want %q %q", i, code(ld), message(ld), f.Rule, f.Message)
		}
		if href := string(ld.CodeDescription.Href); href != DefaultDocsURL+"#"+RuleAnchor(f.Rule) {
			t.Errorf("%s: codeDescription %q", f.Rule, href)
		}
		if ld.Severity != severity(f.Severity) {
			t.Errorf("%s: severity %d for %s", f.Rule, ld.Severity, f.Severity)
		}
		line := srcLines[f.Line-1]
		wantStart := protocol.Position{Line: uint32(f.Line - 1), Character: utf16Col(line, f.Column-1)}
		wantEnd := protocol.Position{Line: uint32(f.EndLine - 1), Character: utf16Col(srcLines[f.EndLine-1], f.EndColumn-1)}
		if ld.Range.Start != wantStart || ld.Range.End != wantEnd {
			t.Errorf("%s at %d:%d: range %v, want %v-%v", f.Rule, f.Line, f.Column, ld.Range, wantStart, wantEnd)
		}
		if prefix := []rune(line)[:f.Column-1]; len(string(prefix)) != len(prefix) {
			nonASCII++
		}
		if len(ld.RelatedInformation) != len(f.Related) {
			t.Errorf("%s: %d related, want %d", f.Rule, len(ld.RelatedInformation), len(f.Related))
		}
		related += len(ld.RelatedInformation)
	}
	if nonASCII == 0 {
		t.Error("no finding after a non-ASCII character on its line: the UTF-16 check proved nothing")
	}
	if related == 0 {
		t.Error("no finding carried related spans")
	}

	// Line 23 opens with „ (three bytes, one UTF-16 unit): the repeated
	// phrase after it starts at UTF-16 column 26, not byte column 28.
	rp := withCode(p.Diagnostics, "repetition/repeated-phrase")
	if len(rp) != 1 || rp[0].Range.Start != (protocol.Position{Line: 22, Character: 26}) {
		t.Errorf("repeated phrase on line 23: %+v", rp)
	}
}

// TestQuickFixHoverAndIgnore applies a finding's quick fix and sees the
// finding go; hovers over a finding; ignores one with a reason.
func TestQuickFixHoverAndIgnore(t *testing.T) {
	seed := sharedFile(t, seedPath)
	h := startServer(t, 50*time.Millisecond)
	u := h.open("seed.txt", seed)
	p := h.waitVersion(u, 1)
	rp := withCode(p.Diagnostics, "repetition/repeated-phrase")
	if len(rp) != 1 {
		t.Fatalf("want one repeated phrase, got %v", rp)
	}

	// Hover.
	hv, err := h.server.Hover(h.ctx(), &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: rp[0].Range.Start,
	}})
	if err != nil || hv == nil {
		t.Fatalf("hover: %v %v", hv, err)
	}
	mc, ok := hv.Contents.(*protocol.MarkupContent)
	if !ok {
		t.Fatalf("hover contents %T", hv.Contents)
	}
	for _, want := range []string{"**repetition/repeated-phrase** — ", message(rp[0]), "Flagged:", "Fixed:", "enabled = false"} {
		if !strings.Contains(mc.Value, want) {
			t.Errorf("hover lacks %q:\n%s", want, mc.Value)
		}
	}

	// Quick fix, applied as an editor would, then sent back.
	actions, err := h.server.CodeAction(h.ctx(), &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: rp[0].Range,
		Context: protocol.CodeActionContext{Diagnostics: rp},
	})
	if err != nil {
		t.Fatal(err)
	}
	var quick *protocol.CodeAction
	var titles []string
	for _, a := range actions {
		ca := a.(*protocol.CodeAction)
		titles = append(titles, ca.Title)
		if quick == nil && ca.Kind != nil && *ca.Kind == protocol.CodeActionKindQuickFix && len(ca.Diagnostics) == 1 && code(ca.Diagnostics[0]) == "repetition/repeated-phrase" {
			quick = ca
		}
	}
	if quick == nil || quick.Edit == nil {
		t.Fatalf("no quick fix for the repeated phrase among %q", titles)
	}
	fixed := applyEdits(t, seed, quick.Edit.Changes[u])
	if fixed == seed {
		t.Fatal("the quick fix changed nothing")
	}
	h.change(u, 2, fixed)
	p = h.waitVersion(u, 2)
	if got := withCode(p.Diagnostics, "repetition/repeated-phrase"); len(got) != 0 {
		t.Errorf("the repeated phrase is still reported after its fix: %v", got)
	}
	if len(p.Diagnostics) < 10 {
		t.Errorf("the other findings went too: %d left", len(p.Diagnostics))
	}
	// Saving checks again (the same version).
	n := len(h.published(u))
	if err := h.server.DidSave(h.ctx(), &protocol.DidSaveTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}, Text: &fixed}); err != nil {
		t.Fatal(err)
	}
	h.waitFor(u, "after the save", func(*protocol.PublishDiagnosticsParams) bool { return len(h.published(u)) > n })

	// A plain-text document has no comments: no ignore action there.
	for _, title := range titles {
		if strings.HasPrefix(title, "Ignore") {
			t.Errorf("ignore action offered for a .txt file: %q", title)
		}
	}

	// Markdown: "Ignore this finding here" inserts a directive that
	// silences the finding.
	md := "# Council budget\n\nThe council met on Tuesday.\nIt approved the the budget for the year.\n"
	mu := h.open("story.md", md)
	p = h.waitVersion(mu, 1)
	dw := withCode(p.Diagnostics, "repetition/doubled-word")
	if len(dw) != 1 {
		t.Fatalf("want one doubled word in the Markdown story, got %+v", p.Diagnostics)
	}
	actions, err = h.server.CodeAction(h.ctx(), &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: mu}, Range: dw[0].Range,
		Context: protocol.CodeActionContext{Diagnostics: dw},
	})
	if err != nil {
		t.Fatal(err)
	}
	var ignore *protocol.CodeAction
	for _, a := range actions {
		if ca := a.(*protocol.CodeAction); strings.HasPrefix(ca.Title, "Ignore this finding here") {
			ignore = ca
		}
	}
	if ignore == nil {
		t.Fatal("no ignore action in Markdown")
	}
	ignored := applyEdits(t, md, ignore.Edit.Changes[mu])
	if !strings.Contains(ignored, "<!-- copydesk:ignore repetition/doubled-word -- "+IgnoreReasonPlaceholder+" -->") {
		t.Errorf("ignore directive not inserted:\n%s", ignored)
	}
	h.change(mu, 2, ignored)
	p = h.waitVersion(mu, 2)
	if len(withCode(p.Diagnostics, "repetition/doubled-word")) != 0 || len(withCode(p.Diagnostics, "copydesk/ignore")) != 0 {
		t.Errorf("after the ignore directive: %+v", p.Diagnostics)
	}
}

// TestBurstPublishesOnlyTheNewest sends many changes at once: only the last
// version is checked and published.
func TestBurstPublishesOnlyTheNewest(t *testing.T) {
	h := startServer(t, 400*time.Millisecond)
	base := "Council budget\n\nThe council met on Tuesday. It approved the budget for the year.\n"
	u := h.open("burst.txt", base)
	h.waitVersion(u, 1)
	before := len(h.published(u))
	const last = 30
	for v := int32(2); v <= last; v++ {
		// Each version has one more doubled word than the one before.
		h.change(u, v, base+strings.Repeat("\nThe the council met again.\n", int(v-1)))
	}
	p := h.waitVersion(u, last)
	time.Sleep(800 * time.Millisecond) // anything late would arrive now
	after := h.published(u)[before:]
	for _, q := range after {
		if v, _ := q.Version.Get(); v != last {
			t.Errorf("version %d published during a burst that ended at %d", v, last)
		}
	}
	if len(after) != 1 {
		t.Errorf("%d publications after the burst, want 1", len(after))
	}
	if n := len(withCode(p.Diagnostics, "repetition/doubled-word")); n != last-1 {
		t.Errorf("the published diagnostics are not the newest text's: %d doubled words, want %d", n, last-1)
	}
}

// TestPluginCrashAndHang kills one plugin and stops another: each shows as
// one diagnostic at the top of the document, and a second check, without an
// edit, has the plugin back.
func TestPluginCrashAndHang(t *testing.T) {
	// Two plugins, and a short check timeout so that the hang is noticed
	// soon (long enough for the race detector on a busy machine).
	h := startServer(t, 50*time.Millisecond, `[timeouts]
check = "5s"
[byline]
enabled = false
[consistency]
enabled = false
[contradiction]
enabled = false
[fragment]
enabled = false
[strayui]
enabled = false
`)
	text := "Council budget\n\nThe council met on Tuesday. It approved the the budget for the year.\n"
	u := h.open("crash.txt", text)
	p := h.waitVersion(u, 1)
	if len(withCode(p.Diagnostics, "repetition/doubled-word")) != 1 {
		t.Fatalf("want the doubled word: %+v", p.Diagnostics)
	}
	before := pluginProcesses(t)
	for i, c := range []struct {
		plugin string
		sig    syscall.Signal
	}{{"repetition", syscall.SIGKILL}, {"quotes", syscall.SIGSTOP}} {
		pids := before[c.plugin]
		if len(pids) != 1 {
			t.Fatalf("want one %s process, have %v", c.plugin, before)
		}
		if err := syscall.Kill(pids[0], c.sig); err != nil {
			t.Fatal(err)
		}
		v := int32(2 + i)
		h.change(u, v, fmt.Sprintf("%s\nMore copy %d.\n", text, v))
		failed := func(p *protocol.PublishDiagnosticsParams) bool {
			got, _ := p.Version.Get()
			fails := withCode(p.Diagnostics, "copydesk/plugin-failure")
			return got == v && len(fails) == 1 && strings.Contains(message(fails[0]), "findings of plugin "+c.plugin+" are missing") && fails[0].Range.Start.Line == 0
		}
		h.waitFor(u, "with "+c.plugin+"'s findings missing", failed)
		// Without an edit, the document is checked once more with the
		// plugin restarted.
		p = h.waitFor(u, "with "+c.plugin+" back", func(p *protocol.PublishDiagnosticsParams) bool {
			got, _ := p.Version.Get()
			return got == v && len(withCode(p.Diagnostics, "copydesk/plugin-failure")) == 0
		})
		if len(withCode(p.Diagnostics, "repetition/doubled-word")) != 1 {
			t.Errorf("after the restart of %s: %+v", c.plugin, p.Diagnostics)
		}
		now := pluginProcesses(t)[c.plugin]
		if len(now) != 1 || now[0] == pids[0] {
			t.Errorf("%s was not restarted: %v then %v", c.plugin, pids, now)
		}
		if c.sig == syscall.SIGSTOP && proc.Alive(pids[0]) {
			syscall.Kill(pids[0], syscall.SIGKILL)
			t.Errorf("the hung %s process %d was left running", c.plugin, pids[0])
		}
	}
}

// TestRulesTOML: a bad rules.toml is a diagnostic on rules.toml and one at
// the top of the documents under it; fixing it and telling the server
// brings the findings back.
func TestRulesTOML(t *testing.T) {
	h := startServer(t, 50*time.Millisecond)
	sub := filepath.Join(h.dir, "desk")
	rules := filepath.Join(sub, "rules.toml")
	writeFile(t, rules, "fail_on = \"error\"\n\n[repetition]\nenabled = true\nbogus_option = 3\n")
	u := h.open("desk/story.txt", "Council budget\n\nThe council approved the the budget.\n")
	p := h.waitVersion(u, 1)
	if cfg := withCode(p.Diagnostics, "copydesk/config"); len(cfg) != 1 || !strings.Contains(message(cfg[0]), rules) {
		t.Errorf("document under a bad rules.toml: %+v", p.Diagnostics)
	}
	ru := uri.File(rules)
	rp := h.waitFor(ru, "with errors", func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) > 0 })
	if d := rp.Diagnostics[0]; !strings.Contains(message(d), "bogus_option") || d.Range.Start.Line != 4 {
		t.Errorf("rules.toml diagnostic: %+v", rp.Diagnostics)
	}

	// Turn the rule off, fixing the file; the client reports the change.
	writeFile(t, rules, "[repetition.rules.doubled-word]\nenabled = false\n")
	if err := h.server.DidChangeWatchedFiles(h.ctx(), &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{{URI: ru, Type: protocol.FileChangeTypeChanged}}}); err != nil {
		t.Fatal(err)
	}
	h.waitFor(ru, "cleared", func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })
	p = h.waitFor(u, "without config errors", func(p *protocol.PublishDiagnosticsParams) bool {
		return len(withCode(p.Diagnostics, "copydesk/config")) == 0
	})
	if len(withCode(p.Diagnostics, "repetition/doubled-word")) != 0 {
		t.Errorf("the rule turned off in the new rules.toml still reports: %+v", p.Diagnostics)
	}

	// Saving rules.toml in the editor reloads it too.
	writeFile(t, rules, "[repetition.rules.doubled-word]\nenabled = true\n")
	if err := h.server.DidSave(h.ctx(), &protocol.DidSaveTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: ru}}); err != nil {
		t.Fatal(err)
	}
	h.waitFor(u, "with the rule back on", func(p *protocol.PublishDiagnosticsParams) bool {
		return len(withCode(p.Diagnostics, "repetition/doubled-word")) == 1
	})
}

// TestBadInputKeepsServing sends what a broken client might: a frame that is
// not JSON, unknown methods, parameters of the wrong shape, changes to
// documents never opened, a CMS JSON file that is not an article. The
// server answers or ignores each and keeps working.
func TestBadInputKeepsServing(t *testing.T) {
	h := startServer(t, 50*time.Millisecond)
	fmt.Fprintf(h.toServer, "Content-Length: 9\r\n\r\nnot json!")
	var out any
	if _, err := h.conn.Call(h.ctx(), "copydesk/nonsense", nil, &out); err == nil {
		t.Error("an unknown request should get an error")
	}
	if err := h.conn.Notify(h.ctx(), "textDocument/didOpen", map[string]any{"textDocument": 42}); err != nil {
		t.Fatal(err)
	}
	if err := h.conn.Notify(h.ctx(), "copydesk/whatever", []int{1}); err != nil {
		t.Fatal(err)
	}
	h.change(uri.File(filepath.Join(h.dir, "never-opened.txt")), 3, "text")
	if _, err := h.conn.Call(h.ctx(), "textDocument/hover", map[string]any{"textDocument": "x"}, &out); err == nil {
		t.Error("a hover with bad parameters should get an error")
	}
	// A JSON file that is not a CMS article: one diagnostic naming the
	// problem. An empty buffer: nothing.
	ju := h.open("package.json", "{\"name\": 3}\n")
	p := h.waitVersion(ju, 1)
	if len(p.Diagnostics) != 1 || code(p.Diagnostics[0]) != "copydesk/input" {
		t.Errorf("non-article JSON: %+v", p.Diagnostics)
	}
	eu := h.open("empty.md", "")
	if p := h.waitVersion(eu, 1); len(p.Diagnostics) != 0 {
		t.Errorf("empty buffer: %+v", p.Diagnostics)
	}
	// Still serving.
	u := h.open("after.txt", "Council budget\n\nThe council approved the the budget.\n")
	if p := h.waitVersion(u, 1); len(withCode(p.Diagnostics, "repetition/doubled-word")) != 1 {
		t.Errorf("after bad input: %+v", p.Diagnostics)
	}
}

// TestShutdownExitLeavesNoProcess: shutdown stops every plugin process and
// exit ends the server with status 0.
func TestShutdownExitLeavesNoProcess(t *testing.T) {
	h := startServer(t, 50*time.Millisecond)
	u := h.open("story.txt", "Council budget\n\nThe council approved the the budget.\n")
	h.waitVersion(u, 1)
	running := pluginProcesses(t)
	if len(running) < 5 {
		t.Fatalf("plugins running: %v", running)
	}
	if err := h.server.Shutdown(h.ctx()); err != nil {
		t.Fatal(err)
	}
	for name, pids := range running {
		for _, pid := range pids {
			if proc.Alive(pid) {
				t.Errorf("plugin %s (%d) outlived shutdown", name, pid)
			}
		}
	}
	if left := pluginProcesses(t); len(left) != 0 {
		t.Errorf("plugin processes after shutdown: %v", left)
	}
	if err := h.server.Exit(h.ctx()); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-h.code:
		h.code <- code // for the cleanup
		if code != 0 {
			t.Errorf("exit status %d after shutdown and exit, want 0", code)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not end on exit")
	}
}
