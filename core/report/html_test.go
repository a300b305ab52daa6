package report

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/chromedp/chromedp"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
)

var screenshot = flag.String("screenshot", "", "TestHTMLScreenshot: write a PNG of the HTML report of testdata/html to this path")

// span is a finding to place on a fixture: the n-th occurrence (0-based) of
// text, or the zero-width point before it when point is set.
type span struct {
	text     string
	n        int
	point    bool
	sev      sdk.Severity
	category string
	msg      string
}

// fixtureFile parses a testdata/html article and places findings on it.
func fixtureFile(t testing.TB, name string, spans []span) *runner.File {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "html", name))
	if err != nil {
		t.Fatal(err)
	}
	format, _ := article.FormatFromPath(name)
	a, err := article.Parse(name, format, src)
	if err != nil {
		t.Fatal(err)
	}
	f := &runner.File{Path: name, Article: a, Diagnostics: []runner.Diagnostic{}}
	for _, s := range spans {
		off := -1
		from := 0
		for i := 0; i <= s.n; i++ {
			j := bytes.Index(src[from:], []byte(s.text))
			if j < 0 {
				t.Fatalf("%s: %q occurs fewer than %d times", name, s.text, s.n+1)
			}
			off = from + j
			from = off + len(s.text)
		}
		end := off + len(s.text)
		if s.point {
			end = off
		}
		p, q := a.SourcePosition(off), a.SourcePosition(end)
		f.Diagnostics = append(f.Diagnostics, runner.Diagnostic{
			Rule: s.category + "/test", Category: s.category, Severity: s.sev, Message: s.msg,
			Line: p.Line, Column: p.Column, EndLine: q.Line, EndColumn: q.Column, Offset: off, EndOffset: end,
			Suggestions: []runner.Suggestion{{Offset: off, EndOffset: end, Replacement: "", Description: "delete it"}},
		})
	}
	return f
}

// fixtureResult has nested, crossing, zero-width, multi-line and multi-byte
// findings over a Markdown and a CRLF text file, plus a file that could not
// be read.
func fixtureResult(t testing.TB) *runner.Result {
	story := fixtureFile(t, "story.md", []span{
		{text: "By Mara Lind, Staff Writer — Reporting by Mara Lind", sev: sdk.Error, category: "byline", msg: "the credit line repeats the byline"},
		{text: "Reporting by", sev: sdk.Warning, category: "byline", msg: "credit verb inside the byline"},
		{text: " the", n: 1, sev: sdk.Warning, category: "repetition", msg: `"the" is repeated`},
		{text: "“a modest step for the waterfront.\nMembers voted", sev: sdk.Error, category: "quotes", msg: "the quotation is never closed"},
		{text: "5 to 2, with one abstention; the minutes record the vote as 6 to 1", sev: sdk.Error, category: "contradiction", msg: "5 to 2 contradicts 6 to 1 & <counts> differ"},
		{text: "voted 5 to 2", sev: sdk.Info, category: "consistency", msg: "numbers under 10 are spelt out"},
		{text: "Share this article", sev: sdk.Warning, category: "stray-ui", msg: "share widget text in the copy"},
		{text: "Café Ørsted", sev: sdk.Info, category: "consistency", msg: "check the spelling of the name"},
		{text: "<b>parking</b>", sev: sdk.Warning, category: "stray-ui", msg: "markup <b> in the copy"},
		{text: "東京 visitors", sev: sdk.Info, category: "consistency", msg: "multi-byte span"},
		{text: "Which the board", sev: sdk.Warning, category: "fragment", msg: "a sentence fragment"},
		{text: "Which", point: true, sev: sdk.Info, category: "fragment", msg: "a point finding"},
	})
	crlf := fixtureFile(t, "crlf.txt", []span{
		{text: " ferry", n: 1, sev: sdk.Warning, category: "repetition", msg: `"ferry" is repeated`},
		{text: "Advertisement", sev: sdk.Warning, category: "stray-ui", msg: "page furniture"},
		{text: "7:15 from Monday.\r\n\r\nAdvertisement", sev: sdk.Info, category: "consistency", msg: "spans CRLF lines"},
		{text: "€3", sev: sdk.Info, category: "consistency", msg: "currency"},
	})
	missing := &runner.File{Path: "missing.txt", Diagnostics: []runner.Diagnostic{}, Error: "missing.txt: no such file or directory"}
	return &runner.Result{
		Files:    []*runner.File{story, crlf, missing},
		Failures: []runner.Failure{{Plugin: "fragment", Path: "story.md", Error: "plugin crashed"}},
	}
}

func renderHTML(t testing.TB, r *runner.Result) string {
	t.Helper()
	rep, err := New("html", Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := rep.Report(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// tokenText reads the tokens as a browser reads the elements: the text of
// the whole source, and each finding's text (all its elements, in order,
// with the elements nested in them).
func tokenText(t *testing.T, toks []htmlToken) (string, map[string]string) {
	t.Helper()
	var all strings.Builder
	per := map[string]string{}
	var open []string
	for _, tk := range toks {
		switch {
		case tk.Open != nil:
			open = append(open, tk.Open.ID)
		case tk.Close:
			if len(open) == 0 {
				t.Fatal("a highlight is closed that was never opened")
			}
			open = open[:len(open)-1]
		case tk.Caret:
			per[tk.Finding.ID] += ""
		default:
			all.WriteString(tk.Text)
			for _, id := range open {
				per[id] += tk.Text
			}
		}
	}
	if len(open) != 0 {
		t.Fatalf("highlights left open: %v", open)
	}
	return all.String(), per
}

func TestHighlightNestingAndCrossing(t *testing.T) {
	src := []byte("aa bb cc dd ée")
	f := func(id string) *htmlFinding { return &htmlFinding{ID: id} }
	spans := []htmlSpan{
		{0, 8, f("outer")},  // aa bb cc
		{3, 5, f("inner")},  // bb, inside outer
		{6, 11, f("cross")}, // cc dd, crosses outer's end
		{9, 15, f("tail")},  // dd ée, crosses cross's end, multi-byte
		{9, 9, f("point")},
		{0, 8, f("same")}, // same span as outer
	}
	toks := highlight(src, spans)
	all, per := tokenText(t, toks)
	if all != string(src) {
		t.Errorf("text %q, want the whole source", all)
	}
	for _, s := range spans {
		if got, want := per[s.f.ID], string(src[s.start:s.end]); got != want {
			t.Errorf("%s holds %q, want %q", s.f.ID, got, want)
		}
	}
	firsts := map[string]int{}
	for _, tk := range toks {
		if tk.Open != nil && tk.First {
			firsts[tk.Open.ID]++
		}
	}
	for _, id := range []string{"outer", "inner", "cross", "tail", "same"} {
		if firsts[id] != 1 {
			t.Errorf("%s has %d first elements, want exactly 1 (the link target)", id, firsts[id])
		}
	}
}

func TestHTMLReport(t *testing.T) {
	r := fixtureResult(t)
	page := renderHTML(t, r)
	for _, want := range []string{
		"<!DOCTYPE html>",
		"the credit line repeats the byline", // a message in the side list
		`title="error: the credit line repeats the byline [byline/test]"`,
		"&lt;b&gt;parking&lt;/b&gt;", // source markup shown, not rendered
		"5 to 2 contradicts 6 to 1 &amp; &lt;counts&gt; differ",
		"missing.txt: no such file or directory",
		"plugin fragment failed on story.md",
		`<tr data-category="consistency"><th scope="row">consistency</th><td class="zero">0</td><td class="zero">0</td><td class="sev-info">5</td><td>5</td></tr>`,
		`<tfoot><tr><th scope="row">All</th><td>3</td><td>7</td><td>6</td><td>16</td></tr></tfoot>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// Self-contained: nothing is loaded from anywhere.
	for _, re := range []string{`(?i)\bsrc\s*=`, `(?i)<link\b`, `(?i)@import`, `(?i)url\(`, `(?i)https?://`} {
		if m := regexp.MustCompile(re).FindString(page); m != "" {
			t.Errorf("page refers to an outside resource: %q", m)
		}
	}
	if strings.Contains(page, "<b>parking") {
		t.Error("source markup reached the page unescaped")
	}
}

// chromium finds a Chromium or Chrome binary, or skips the test.
func chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium binary on PATH: the browser tests need one (.ci/run installs Debian's chromium; or: apt-get install chromium)")
	return ""
}

// browser starts a headless Chromium with no network features and returns
// a context for chromedp actions.
func browser(t testing.TB) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox, // CI containers run as root
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

func writePage(t testing.TB, page string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(p, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + filepath.ToSlash(p)
}

// inBrowser is what the page's DOM says about one finding, evaluated by
// Chromium: the text of all its elements, where its first element starts in
// its file's text (in UTF-16 units, as the DOM counts), its hover text, its
// background colour, and whether its side-list link leads to it.
type inBrowser struct {
	Text   string `json:"text"`
	Start  int    `json:"start"`
	Title  string `json:"title"`
	Color  string `json:"color"`
	Linked bool   `json:"linked"`
}

const inspectJS = `(() => {
  const out = {};
  document.querySelectorAll("pre.source").forEach(pre => {
    pre.querySelectorAll("mark[data-d]").forEach(m => {
      const id = m.getAttribute("data-d");
      if (!out[id]) {
        const r = document.createRange();
        r.setStart(pre, 0);
        r.setEndBefore(m);
        const a = document.querySelector('a[href="#' + id + '"]');
        out[id] = {text: "", start: r.toString().length, title: m.title,
          color: getComputedStyle(m).backgroundColor,
          linked: !!a && document.getElementById(id) === m};
      }
      out[id].text += m.textContent;
    });
  });
  return out;
})()`

// normalise is what an HTML parser does to line breaks.
func normalise(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func TestHTMLInBrowser(t *testing.T) {
	r := fixtureResult(t)
	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(writePage(t, renderHTML(t, r)))); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]inBrowser](inspectJS))
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	colors := map[sdk.Severity]map[string]bool{}
	n := 0
	for i, f := range r.Files {
		if f.Article == nil {
			continue
		}
		src := f.Article.Source()
		for j, d := range f.Diagnostics {
			n++
			id := fmt.Sprintf("f%d-d%d", i, j)
			b, ok := got[id]
			if !ok {
				t.Errorf("%s %q: no highlight in the page", id, d.Message)
				continue
			}
			if want := normalise(string(src[d.Offset:d.EndOffset])); b.Text != want {
				t.Errorf("%s %q: highlight holds %q, want %q", id, d.Message, b.Text, want)
			}
			if want := len(utf16.Encode([]rune(normalise(string(src[:d.Offset]))))); b.Start != want {
				t.Errorf("%s %q: highlight starts at character %d of the file, want %d", id, d.Message, b.Start, want)
			}
			if !strings.Contains(b.Title, d.Message) {
				t.Errorf("%s: hover text %q lacks the message %q", id, b.Title, d.Message)
			}
			if !b.Linked {
				t.Errorf("%s: the side list does not link to the highlight", id)
			}
			if colors[d.Severity] == nil {
				colors[d.Severity] = map[string]bool{}
			}
			colors[d.Severity][b.Color] = true
		}
	}
	if len(got) != n {
		t.Errorf("the page has %d highlighted findings, want %d", len(got), n)
	}
	// One colour per severity, different from each other (point findings
	// have no background; they are drawn as a caret).
	seen := map[string]sdk.Severity{}
	for sev, cs := range colors {
		for c := range cs {
			if c == "rgba(0, 0, 0, 0)" {
				continue
			}
			if other, ok := seen[c]; ok && other != sev {
				t.Errorf("%s and %s findings share the colour %s", other, sev, c)
			}
			seen[c] = sev
		}
	}
	if len(seen) != 3 {
		t.Errorf("want three highlight colours, one per severity; got %v", seen)
	}

	// Unticking "info" hides info highlights and list entries, not others.
	type shown struct {
		InfoMark, WarningMark, InfoItem, WarningItem string
	}
	const state = `({
		infoMark: getComputedStyle(document.querySelector("mark.sev-info:not(.caret)")).backgroundColor,
		warningMark: getComputedStyle(document.querySelector("mark.sev-warning")).backgroundColor,
		infoItem: getComputedStyle(document.querySelector("li.sev-info")).display,
		warningItem: getComputedStyle(document.querySelector("li.sev-warning")).display})`
	before, err := chromedp.Run(ctx, chromedp.Evaluate[shown](state))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('input[data-sev="info"]').click()`)); err != nil {
		t.Fatal(err)
	}
	after, err := chromedp.Run(ctx, chromedp.Evaluate[shown](state))
	if err != nil {
		t.Fatal(err)
	}
	transparent := "rgba(0, 0, 0, 0)"
	if before.InfoMark == transparent || before.InfoItem == "none" {
		t.Errorf("info findings hidden before unticking: %+v", before)
	}
	if after.InfoMark != transparent || after.InfoItem != "none" {
		t.Errorf("unticking info did not hide info findings: %+v", after)
	}
	if after.WarningMark != before.WarningMark || after.WarningItem != before.WarningItem {
		t.Errorf("unticking info changed warnings: %+v -> %+v", before, after)
	}
}

// TestHTMLScreenshot writes a picture of the report for people to look at:
//
//	go test ./core/report -run TestHTMLScreenshot -screenshot /tmp/report.png
func TestHTMLScreenshot(t *testing.T) {
	if *screenshot == "" {
		t.Skip("pass -screenshot FILE.png to write a screenshot of the HTML report")
	}
	ctx := browser(t)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1400, 1000),
		chromedp.Navigate(writePage(t, renderHTML(t, fixtureResult(t)))),
	); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	if err := os.WriteFile(*screenshot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", *screenshot, len(png))
}

// TestHTMLReportShowsReaderText: HTML and CMS JSON sources are shown as the
// text a reader reads — no markup, no escapes — with the findings
// highlighted on the right words.
func TestHTMLReportShowsReaderText(t *testing.T) {
	for name, src := range map[string]string{
		"story.html": "<html><body><h1>Fares rise</h1>\n<p>Fares on the <em>the</em> ferry &amp; bus rise.</p>\n<p>Second paragraph.</p></body></html>\n",
		"story.json": `{"headline": "Fares rise", "body": "Fares on the the ferry \u0026 bus rise.\n\nSecond paragraph."}`,
	} {
		t.Run(name, func(t *testing.T) {
			format, _ := article.FormatFromPath(name)
			a, err := article.Parse(name, format, []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			// The second "the", placed in the source as the host places it.
			ti := strings.Index(a.Text, "the the") + 4
			f := &runner.File{Path: name, Article: a, Diagnostics: []runner.Diagnostic{{
				Rule: "repetition/doubled-word", Category: "repetition", Severity: sdk.Warning, Message: "doubled",
				Offset: a.SourceOffset(ti), EndOffset: a.SourceEndOffset(ti + 3), Suggestions: []runner.Suggestion{},
			}}}
			var b bytes.Buffer
			if err := (&HTML{}).Report(&b, &runner.Result{Files: []*runner.File{f}}); err != nil {
				t.Fatal(err)
			}
			page := b.String()
			pre := page[strings.Index(page, `<pre class="source">`):strings.Index(page, "</pre>")]
			for _, raw := range []string{"&lt;p&gt;", "&lt;em&gt;", `\n`, `\u0026`, "&amp;amp;", `&#34;body&#34;`} {
				if strings.Contains(pre, raw) {
					t.Errorf("the copy shows source %q:\n%s", raw, pre)
				}
			}
			if !regexp.MustCompile(`the <mark class="sev-warning"[^>]*>the</mark> ferry &amp; bus`).MatchString(pre) || !strings.Contains(pre, "rise.\n\nSecond paragraph.") {
				t.Errorf("the finding is not highlighted on the reader's text:\n%s", pre)
			}
		})
	}
}
