package report

import (
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
)

// HTML writes one self-contained page for a run, for editors who would rather
// look than read a log: each file's copy (the source of plain text and
// Markdown, the text a reader reads of HTML and CMS JSON) with every finding highlighted in
// its severity's colour (message on hover), a list of the findings beside it
// linking to their highlights, and a summary by category and severity. CSS
// and script are inline and nothing is fetched, so the page can be mailed,
// archived or opened offline.
//
// Highlights come from the findings' source byte offsets. Findings that nest
// nest as elements; findings that cross are split into several elements
// sharing one data-d attribute, so every finding's elements, read in order,
// hold exactly its span of the source.
type HTML struct {
	Version string
}

var htmlTemplate = template.Must(template.New("html").Parse(htmlPageTemplate))

// severities in display order, most severe first.
var htmlSeverities = []sdk.Severity{sdk.Error, sdk.Warning, sdk.Info}

type htmlPage struct {
	Version    string
	Totals     htmlCounts
	Categories []htmlCategory
	Files      []*htmlFile
	Failures   []runner.Failure
	Checked    int
}

// htmlCounts are finding counts by severity.
type htmlCounts struct{ Error, Warning, Info int }

func (c *htmlCounts) add(s sdk.Severity) {
	switch s {
	case sdk.Error:
		c.Error++
	case sdk.Warning:
		c.Warning++
	default:
		c.Info++
	}
}

func (c htmlCounts) Total() int { return c.Error + c.Warning + c.Info }

type htmlCategory struct {
	Name string
	htmlCounts
}

type htmlFile struct {
	ID       string
	Path     string
	Error    string
	Counts   htmlCounts
	Tokens   []htmlToken
	Findings []*htmlFinding
}

type htmlFinding struct {
	ID, Severity, Rule, Category, Message string
	Element                               string // the CMS element (WordPress block, ANS content element), if any
	Line, Column                          int
	Suggestions, Related                  []string
	Empty                                 bool // a point, not a span
}

// Title is the hover text of a highlight.
func (f *htmlFinding) Title() string {
	return fmt.Sprintf("%s: %s [%s]", f.Severity, f.Message, f.Rule)
}

// htmlToken is a run of source text, or the opening or closing of a
// highlight.
type htmlToken struct {
	Text    string
	Open    *htmlFinding
	First   bool // the finding's first element: it carries the anchor id
	Close   bool
	Caret   bool // a zero-width finding: an empty marker element
	Finding *htmlFinding
}

func (h *HTML) Report(w io.Writer, r *runner.Result) error {
	page := &htmlPage{Version: h.Version, Failures: r.Failures}
	cats := map[string]*htmlCategory{}
	for i, f := range r.Files {
		hf := &htmlFile{ID: fmt.Sprintf("f%d", i), Path: f.Path, Error: f.Error}
		page.Files = append(page.Files, hf)
		if f.Error != "" {
			continue
		}
		page.Checked++
		var spans []htmlSpan
		var src []byte
		// place maps a finding's source offset to the page's text.
		place := func(off int) int { return off }
		placeStart := place
		if a := f.Article; a != nil {
			src = a.Source()
			if readerText(a) {
				// HTML markup and JSON escapes are not what a reader
				// reads: show the article's text, findings mapped onto it.
				src, place = []byte(a.Text), func(off int) int { return textOffset(a, off) }
				placeStart = func(off int) int { return textStart(a, off) }
			}
		}
		for j, d := range f.Diagnostics {
			hd := &htmlFinding{
				ID: fmt.Sprintf("%s-d%d", hf.ID, j), Severity: d.Severity.String(), Rule: d.Rule,
				Category: d.Category, Message: d.Message, Line: d.Line, Column: d.Column,
			}
			if d.Location != nil {
				hd.Element = d.Location.String()
			}
			for _, s := range d.Suggestions {
				hd.Suggestions = append(hd.Suggestions, suggestionText(s))
			}
			for _, rel := range d.Related {
				hd.Related = append(hd.Related, fmt.Sprintf("line %d: %s", rel.Line, rel.Message))
			}
			hf.Findings = append(hf.Findings, hd)
			hf.Counts.add(d.Severity)
			page.Totals.add(d.Severity)
			c := cats[d.Category]
			if c == nil {
				c = &htmlCategory{Name: d.Category}
				cats[d.Category] = c
			}
			c.add(d.Severity)
			if src != nil {
				s, e := runeFloor(src, placeStart(d.Offset)), runeFloor(src, place(d.EndOffset))
				if e < s {
					e = s
				}
				hd.Empty = s == e
				spans = append(spans, htmlSpan{start: s, end: e, f: hd})
			}
		}
		if src != nil {
			hf.Tokens = highlight(src, spans)
		}
	}
	for _, c := range cats {
		page.Categories = append(page.Categories, *c)
	}
	sort.Slice(page.Categories, func(i, j int) bool { return page.Categories[i].Name < page.Categories[j].Name })
	return htmlTemplate.Execute(w, page)
}

// readerText reports whether the page shows an article's text rather than
// its source: for HTML and CMS JSON, whose sources are markup and escapes.
// Plain text and Markdown are shown as written.
func readerText(a *article.Article) bool {
	return a.Format == article.FormatHTML || a.Format == article.FormatJSON
}

// textOffset maps a source byte offset back to the article's text: the
// first text offset whose source offset reaches it (source offsets grow
// with text offsets). Source that has no text (a tag, a comment) maps to
// the next text after it.
func textOffset(a *article.Article, src int) int {
	return sort.Search(len(a.Text), func(t int) bool { return a.SourceOffset(t) >= src })
}

// textStart maps the start of a finding: as textOffset, then past text
// that the reader inserted there (the blank line between two blocks maps
// to the start of the next block's source, and must not be highlighted as
// the start of a finding in that block).
func textStart(a *article.Article, src int) int {
	t := textOffset(a, src)
	for t < len(a.Text) && a.SourceOffset(t+1) == a.SourceOffset(t) {
		t++
	}
	return t
}

func suggestionText(s runner.Suggestion) string {
	if s.Description != "" {
		return s.Description
	}
	if s.Replacement == "" {
		return "delete it"
	}
	return fmt.Sprintf("replace with %q", s.Replacement)
}

// runeFloor clamps a byte offset into src and moves it back to the start of
// the character it falls in, so no highlight splits a character.
func runeFloor(src []byte, i int) int {
	i = max(0, min(i, len(src)))
	for i > 0 && i < len(src) && !utf8.RuneStart(src[i]) {
		i--
	}
	return i
}

type htmlSpan struct {
	start, end int
	f          *htmlFinding
}

// highlight turns the source and the findings' spans into text and
// highlight tokens. At each boundary it closes the highlights that end
// there; one that is not innermost is closed by closing those inside it
// first and reopening them after it (a crossing finding becomes several
// elements). Then it opens the highlights that start there, longest first,
// so a span that contains another is its parent element.
func highlight(src []byte, spans []htmlSpan) []htmlToken {
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	cuts := map[int]bool{0: true, len(src): true}
	for _, s := range spans {
		cuts[s.start], cuts[s.end] = true, true
	}
	var points []int
	for p := range cuts {
		points = append(points, p)
	}
	sort.Ints(points)

	var out []htmlToken
	var stack []htmlSpan
	next := 0 // spans[next:] have not been opened
	for k, p := range points {
		// Close every span ending here, with the spans above it.
		low := -1
		for i, s := range stack {
			if s.end == p {
				low = i
				break
			}
		}
		if low >= 0 {
			above := stack[low:]
			for i := len(above) - 1; i >= 0; i-- {
				out = append(out, htmlToken{Close: true})
			}
			var keep []htmlSpan
			for _, s := range above {
				if s.end != p {
					keep = append(keep, s)
				}
			}
			stack = append(stack[:low:low], keep...)
			for _, s := range keep {
				out = append(out, htmlToken{Open: s.f})
			}
		}
		for next < len(spans) && spans[next].start == p {
			s := spans[next]
			next++
			if s.end == s.start {
				out = append(out, htmlToken{Caret: true, Finding: s.f, First: true})
				continue
			}
			out = append(out, htmlToken{Open: s.f, First: true})
			stack = append(stack, s)
		}
		if k+1 < len(points) {
			out = append(out, htmlToken{Text: string(src[p:points[k+1]])})
		}
	}
	for range stack { // only spans ending past the source, which clamping prevents
		out = append(out, htmlToken{Close: true})
	}
	return out
}

// String summarises the counts: "2 errors, 1 warning".
func (c htmlCounts) String() string {
	var parts []string
	for _, s := range htmlSeverities {
		n := map[sdk.Severity]int{sdk.Error: c.Error, sdk.Warning: c.Warning, sdk.Info: c.Info}[s]
		if n > 0 {
			parts = append(parts, plural(n, s.String()))
		}
	}
	if len(parts) == 0 {
		return "no findings"
	}
	return strings.Join(parts, ", ")
}

// htmlPageTemplate is the page. Inside <pre> every character counts: the
// tokens are written on one line, and the line break right after <pre> is
// the one HTML parsers drop, so a source that starts with a blank line keeps
// it.
const htmlPageTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>copydesk report: {{.Totals}}</title>
<style>
:root { --error: #c8102e; --warning: #d98e04; --info: #1f6fb2; --ink: #1d1d1f; --muted: #6b6b70; --line: #e2e2e0; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #f6f5f1; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header { background: #fff; border-bottom: 1px solid var(--line); padding: 1.2rem 2rem; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
h1 small { font-weight: normal; color: var(--muted); font-size: .8rem; }
h2 { font-size: 1.05rem; margin: 0 0 .8rem; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
h2 .counts { font-family: system-ui, sans-serif; font-weight: normal; color: var(--muted); font-size: .9rem; margin-left: .6rem; }
.totals { margin: 0 0 1rem; color: var(--muted); }
.overview { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
table.summary { border-collapse: collapse; font-size: .9rem; }
table.summary th, table.summary td { padding: .25rem .8rem; border-bottom: 1px solid var(--line); text-align: right; }
table.summary th:first-child { text-align: left; font-weight: 600; }
table.summary thead th { font-weight: 600; color: var(--muted); }
table.summary tfoot th, table.summary tfoot td { font-weight: 700; border-bottom: none; }
td.zero { color: #c4c4c4; }
th.sev-error, td.sev-error { color: var(--error); }
th.sev-warning, td.sev-warning { color: var(--warning); }
th.sev-info, td.sev-info { color: var(--info); }
nav ul { margin: 0; padding-left: 1.1rem; font-size: .9rem; }
nav a { color: var(--ink); }
.failures { border-left: 4px solid var(--error); background: #fff4f4; padding: .5rem .8rem; margin-top: 1rem; }
main { padding: 1.2rem 2rem 3rem; }
section.file { margin-bottom: 2.5rem; }
.file-error { color: var(--error); background: #fff; border: 1px solid var(--line); padding: .8rem 1rem; }
.cols { display: grid; grid-template-columns: minmax(0, 3fr) minmax(17rem, 2fr); gap: 1.5rem; align-items: start; }
pre.source { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1.2rem 1.5rem;
  white-space: pre-wrap; overflow-wrap: anywhere; font: 16px/1.75 Georgia, "Times New Roman", serif; }
mark { color: inherit; background: none; border-radius: 2px; }
mark.sev-error { background: rgba(200, 16, 46, .14); border-bottom: 2px solid var(--error); }
mark.sev-warning { background: rgba(217, 142, 4, .18); border-bottom: 2px solid var(--warning); }
mark.sev-info { background: rgba(31, 111, 178, .12); border-bottom: 2px dotted var(--info); }
mark mark { padding-bottom: 1px; }
mark.caret::before { content: "\2038"; font-weight: bold; }
mark.caret.sev-error::before { color: var(--error); }
mark.caret.sev-warning::before { color: var(--warning); }
mark.caret.sev-info::before { color: var(--info); }
body.hide-error mark.sev-error, body.hide-warning mark.sev-warning, body.hide-info mark.sev-info { background: none; border-bottom-color: transparent; }
body.hide-error mark.caret.sev-error::before, body.hide-warning mark.caret.sev-warning::before, body.hide-info mark.caret.sev-info::before { content: none; }
body.hide-error li.sev-error, body.hide-warning li.sev-warning, body.hide-info li.sev-info { display: none; }
.filters { margin: 0 0 1rem; font-size: .9rem; }
.filters label { margin-right: 1rem; cursor: pointer; }
mark.hot, mark:target { outline: 2px solid var(--ink); outline-offset: 1px; }
ol.findings { list-style: none; margin: 0; padding: 0; position: sticky; top: .8rem; max-height: calc(100vh - 1.6rem); overflow: auto; }
ol.findings li { background: #fff; border: 1px solid var(--line); border-left: 4px solid; border-radius: 4px; padding: .45rem .7rem; margin-bottom: .45rem; font-size: .9rem; }
ol.findings li.hot { box-shadow: 0 0 0 2px var(--ink); }
li.sev-error { border-left-color: var(--error) !important; }
li.sev-warning { border-left-color: var(--warning) !important; }
li.sev-info { border-left-color: var(--info) !important; }
ol.findings a { color: var(--ink); text-decoration: none; }
ol.findings a:hover .msg { text-decoration: underline; }
.pos { font-family: ui-monospace, Menlo, monospace; color: var(--muted); font-size: .8rem; }
.badge { display: inline-block; font-size: .7rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: #fff; border-radius: 3px; padding: 0 .35rem; margin: 0 .3rem; }
.badge.sev-error { background: var(--error); } .badge.sev-warning { background: var(--warning); } .badge.sev-info { background: var(--info); }
.rule, .sugg, .rel { display: block; color: var(--muted); font-size: .8rem; }
.rule { font-family: ui-monospace, Menlo, monospace; }
.none { color: var(--muted); }
@media (max-width: 900px) { .cols { grid-template-columns: 1fr; } ol.findings { position: static; max-height: none; } }
</style>
</head>
<body>
<header>
<h1>copydesk report{{if .Version}} <small>copydesk {{.Version}}</small>{{end}}</h1>
<p class="totals">{{.Totals}} in {{.Checked}} {{if eq .Checked 1}}file{{else}}files{{end}}{{if .Failures}}; {{len .Failures}} plugin {{if eq (len .Failures) 1}}failure{{else}}failures{{end}}{{end}}</p>
<p class="filters">Show:
<label class="sev-error"><input type="checkbox" data-sev="error" checked> errors</label>
<label class="sev-warning"><input type="checkbox" data-sev="warning" checked> warnings</label>
<label class="sev-info"><input type="checkbox" data-sev="info" checked> info</label></p>
<div class="overview">
<table class="summary">
<thead><tr><th>Category</th><th class="sev-error">Errors</th><th class="sev-warning">Warnings</th><th class="sev-info">Info</th><th>Total</th></tr></thead>
<tbody>
{{range .Categories}}<tr data-category="{{.Name}}"><th scope="row">{{.Name}}</th><td class="{{if .Error}}sev-error{{else}}zero{{end}}">{{.Error}}</td><td class="{{if .Warning}}sev-warning{{else}}zero{{end}}">{{.Warning}}</td><td class="{{if .Info}}sev-info{{else}}zero{{end}}">{{.Info}}</td><td>{{.Total}}</td></tr>
{{else}}<tr><th scope="row" class="none">no findings</th><td></td><td></td><td></td><td></td></tr>
{{end}}</tbody>
<tfoot><tr><th scope="row">All</th><td>{{.Totals.Error}}</td><td>{{.Totals.Warning}}</td><td>{{.Totals.Info}}</td><td>{{.Totals.Total}}</td></tr></tfoot>
</table>
<nav><ul>
{{range .Files}}<li><a href="#{{.ID}}">{{.Path}}</a> <span class="none">{{if .Error}}could not be checked{{else}}{{.Counts}}{{end}}</span></li>
{{end}}</ul></nav>
</div>
{{if .Failures}}<div class="failures"><strong>Findings are missing:</strong><ul>
{{range .Failures}}<li>plugin {{.Plugin}} failed on {{if .Path}}{{.Path}}{{else}}every file{{end}}: {{.Error}}</li>
{{end}}</ul></div>{{end}}
</header>
<main>
{{range .Files}}<section class="file" id="{{.ID}}">
<h2>{{.Path}}<span class="counts">{{if .Error}}could not be checked{{else}}{{.Counts}}{{end}}</span></h2>
{{if .Error}}<p class="file-error">{{.Error}}</p>
{{else}}<div class="cols">
<pre class="source">
{{range .Tokens}}{{if .Open}}<mark class="sev-{{.Open.Severity}}" data-d="{{.Open.ID}}"{{if .First}} id="{{.Open.ID}}"{{end}} title="{{.Open.Title}}">{{else if .Close}}</mark>{{else if .Caret}}<mark class="caret sev-{{.Finding.Severity}}" data-d="{{.Finding.ID}}" id="{{.Finding.ID}}" title="{{.Finding.Title}}"></mark>{{else}}{{.Text}}{{end}}{{end}}</pre>
<ol class="findings">
{{range .Findings}}<li id="l-{{.ID}}" class="sev-{{.Severity}}" data-for="{{.ID}}" data-category="{{.Category}}"><a href="#{{.ID}}"><span class="pos">{{.Line}}:{{.Column}}</span><span class="badge sev-{{.Severity}}">{{.Severity}}</span><span class="msg">{{.Message}}</span></a><span class="rule">{{.Rule}}</span>{{if .Element}}<span class="rel">in {{.Element}}</span>{{end}}{{range .Suggestions}}<span class="sugg">suggestion: {{.}}</span>{{end}}{{range .Related}}<span class="rel">see {{.}}</span>{{end}}</li>
{{else}}<li class="none">no findings</li>
{{end}}</ol>
</div>
{{end}}</section>
{{end}}</main>
<script>
// Hovering a highlight or a list entry outlines both, and every piece of a
// finding that crosses another.
(function () {
  function mark(id, on) {
    document.querySelectorAll('mark[data-d="' + id + '"]').forEach(function (m) { m.classList.toggle("hot", on); });
    var li = document.getElementById("l-" + id);
    if (li) li.classList.toggle("hot", on);
  }
  function target(e) {
    var el = e.target.closest && e.target.closest("[data-d],[data-for]");
    return el ? (el.getAttribute("data-d") || el.getAttribute("data-for")) : null;
  }
  document.addEventListener("mouseover", function (e) { var id = target(e); if (id) mark(id, true); });
  document.addEventListener("mouseout", function (e) { var id = target(e); if (id) mark(id, false); });
  // The severity boxes hide a severity's highlights and list entries.
  document.querySelectorAll("input[data-sev]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-sev"), !box.checked);
    });
  });
})();
</script>
</body>
</html>
`
