// Package sdktest runs a plugin's rules in-process over fixture articles and
// checks their findings against expectations written next to the text, in
// the manner of golang.org/x/tools/go/analysis/analysistest.
//
// Expectations:
//   - Markdown and HTML fixtures carry them inline, on the offending line:
//     <!-- want rule-name "message regexp" -->  (several per comment allowed)
//   - Plain-text and CMS JSON fixtures (NAME.txt, NAME.json) carry them in a
//     sidecar NAME.want, one per line:  LINE rule-name "message regexp"
//     (blank lines and lines starting with # are ignored).
//
// A want may pin the finding's span after its regexp, as analysistest pins
// positions: `on "covered text"` (the exact text the finding underlines)
// and/or `col N` (the 1-based character column where it starts):
//
//	<!-- want repetition/doubled-word "repeated" on "the" col 31 -->
//
// Rule name "*" matches any rule of the plugin. A finding with no matching
// expectation and an expectation with no matching finding both fail the test,
// so a fixture with no expectations asserts that the plugin stays silent.
//
// Language: every article gets a language before the plugin sees it, decided
// as copydesk decides it (core/language): the article's own language field
// (CMS JSON "language", Markdown front matter "language: de"), else
// Config.Language, else identification of the text (English when the text
// is too short to tell). A fixture may declare its language: a line
// "language: de" in its sidecar NAME.want, or <!-- language: de --> in a
// Markdown or HTML fixture. A rule declared for other languages does not run
// on it, as in copydesk. German fixtures declare their language.
//
// Fixes: when NAME.golden sits beside a fixture, every suggestion of every
// finding is applied to the fixture's source (as --fix would: each
// finding's suggestions together, overlapping ones skipped) and the result
// must equal the golden file byte for byte. Run the tests with
// -update-golden to write the golden files from the current fixes.
package sdktest

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/language"
	"github.com/copydesk/copydesk/core/sdk"
)

var updateGolden = flag.Bool("update-golden", false, "write sdktest golden files from the current fixes")

// Config sets plugin-wide options and per-rule settings for a run.
type Config struct {
	PluginOptions sdk.Options
	Rules         map[string]sdk.RuleSettings
	// Only, when set, keeps only these rules' findings (by name), so a
	// table test of one rule is not broken by another rule of the plugin.
	Only []string
	// Language is the language articles without a language field are in,
	// as `language` in rules.toml sets it ("" or "auto": identified from
	// the text). An article whose Language is already set keeps it.
	Language string
}

// TestData returns the absolute path of ./testdata.
func TestData() string {
	p, err := filepath.Abs("testdata")
	if err != nil {
		panic(err)
	}
	return p
}

// Run checks every fixture in dir with the plugin's default settings.
func Run(t *testing.T, dir string, p *sdk.Plugin) {
	t.Helper()
	RunWithConfig(t, dir, p, Config{})
}

// RunWithConfig checks every fixture in dir with the given settings.
func RunWithConfig(t *testing.T, dir string, p *sdk.Plugin, cfg Config) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("reading fixtures: %v", err)
	}
	ran := 0
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		path := filepath.Join(dir, e.Name())
		if _, ok := article.FormatFromPath(path); !ok {
			continue
		}
		ran++
		t.Run(e.Name(), func(t *testing.T) { checkFixture(t, path, p, cfg) })
	}
	if ran == 0 {
		t.Fatalf("no fixtures in %s", dir)
	}
}

type want struct {
	line int
	rule string
	re   *regexp.Regexp
	met  bool
	// Optional span pins: the covered text and the start column.
	text    *string
	col     int
	spanErr string // why the closest candidate's span did not match
}

// matches reports whether r meets w, recording a span mismatch.
func (w *want) matches(r Result) bool {
	if w.met || w.line != r.Line || (w.rule != "*" && w.rule != r.Rule) || !w.re.MatchString(r.Message) {
		return false
	}
	if w.text != nil && r.Text != *w.text {
		w.spanErr = fmt.Sprintf("covers %q, want %q", r.Text, *w.text)
		return false
	}
	if w.col != 0 && r.Column != w.col {
		w.spanErr = fmt.Sprintf("starts at column %d, want %d", r.Column, w.col)
		return false
	}
	return true
}

// Check runs the plugin over one article and returns its findings with source
// lines, for table tests that build articles in code. Like copydesk, it
// first decides the article's language when a.Language is empty (see the
// package doc), and runs only the rules that read that language.
func Check(t *testing.T, p *sdk.Plugin, cfg Config, a *article.Article) []Result {
	t.Helper()
	language.Decide(a, cfg.Language, "sdktest.Config")
	s, err := sdk.NewSession(p, cfg.PluginOptions, cfg.Rules)
	if err != nil {
		t.Fatalf("configuring %s: %v", p.Name, err)
	}
	found, failures := s.Check(a)
	if cfg.Only != nil {
		kept := found[:0]
		for _, f := range found {
			for _, name := range cfg.Only {
				if f.Rule == name {
					kept = append(kept, f)
					break
				}
			}
		}
		found = kept
	}
	for _, f := range failures {
		t.Errorf("rule %s failed: %s", f.Rule, f.Error)
	}
	out := make([]Result, 0, len(found))
	for _, f := range found {
		if f.Span.Start < 0 || f.Span.End > len(a.Text) || f.Span.End < f.Span.Start {
			t.Errorf("rule %s reported span %v outside the article (%d bytes)", f.Rule, f.Span, len(a.Text))
			continue
		}
		pos := a.Position(f.Span.Start)
		out = append(out, Result{Finding: f, Line: pos.Line, Column: pos.Column, Text: a.Slice(f.Span)})
	}
	return out
}

// Result is a finding with the source line and column it starts on and the
// text it covers.
type Result struct {
	sdk.Finding
	Line   int
	Column int
	Text   string
}

func (r Result) String() string {
	return fmt.Sprintf("%d: %s %q (%s)", r.Line, r.Rule, r.Message, r.Text)
}

// CheckText parses text in the given format and runs the plugin over it.
func CheckText(t *testing.T, p *sdk.Plugin, cfg Config, format article.Format, text string) []Result {
	t.Helper()
	a, err := article.Parse("test."+string(format), format, []byte(text))
	if err != nil {
		t.Fatalf("parsing: %v", err)
	}
	return Check(t, p, cfg, a)
}

func checkFixture(t *testing.T, path string, p *sdk.Plugin, cfg Config) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	format, _ := article.FormatFromPath(path)
	a, err := article.Parse(path, format, data)
	if err != nil {
		t.Fatalf("parsing fixture: %v", err)
	}
	var wants []*want
	var lang string
	switch format {
	case article.FormatMarkdown, article.FormatHTML:
		wants, lang, err = inlineWants(string(data))
	default:
		wants, lang, err = sidecarWants(strings.TrimSuffix(path, filepath.Ext(path)) + ".want")
	}
	if err != nil {
		t.Fatal(err)
	}
	a.Language = lang // "" when the fixture declares none: decided in Check
	results := Check(t, p, cfg, a)
	sort.Slice(results, func(i, j int) bool { return results[i].Line < results[j].Line })
	for _, r := range results {
		matched := false
		for _, w := range wants {
			if w.matches(r) {
				w.met, matched = true, true
				break
			}
		}
		if !matched {
			t.Errorf("%s:%d:%d: unexpected finding [%s] %s (on %q)", filepath.Base(path), r.Line, r.Column, r.Rule, r.Message, r.Text)
		}
	}
	for _, w := range wants {
		if !w.met {
			why := ""
			if w.spanErr != "" {
				why = ": a finding matched but " + w.spanErr
			}
			t.Errorf("%s:%d: no finding of %s matching %q%s", filepath.Base(path), w.line, w.rule, w.re, why)
		}
	}
	checkGolden(t, path, data, a, results)
}

// checkGolden compares the fixture with every suggestion applied to
// NAME.golden, when that file exists (or -update-golden is given).
func checkGolden(t *testing.T, path string, src []byte, a *article.Article, results []Result) {
	t.Helper()
	golden := strings.TrimSuffix(path, filepath.Ext(path)) + ".golden"
	want, err := os.ReadFile(golden)
	if os.IsNotExist(err) && !*updateGolden {
		return
	}
	got := ApplySuggestions(src, a, results)
	if *updateGolden {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: the fixes give\n%s\nwant (from %s)\n%s", filepath.Base(path), got, filepath.Base(golden), want)
	}
}

// ApplySuggestions applies each finding's suggestions, all of them
// together, to src in source order, skipping a finding whose edits overlap
// one already applied. It is the plain core of --fix (which also widens
// whole-line deletions): enough to see that a rule's fix says what it means.
func ApplySuggestions(src []byte, a *article.Article, results []Result) []byte {
	type edit struct {
		start, end int
		repl       string
	}
	var taken []edit
	overlaps := func(e edit) bool {
		for _, o := range taken {
			if e.start < o.end && o.start < e.end || (e.start == e.end && e.start == o.start) {
				return true
			}
		}
		return false
	}
	sorted := append([]Result(nil), results...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Span.Start < sorted[j].Span.Start })
	for _, r := range sorted {
		var es []edit
		ok := len(r.Suggestions) > 0
		for _, s := range r.Suggestions {
			e := edit{a.SourceOffset(s.Span.Start), a.SourceEndOffset(s.Span.End), s.Replacement}
			if e.end < e.start || overlaps(e) {
				ok = false
				break
			}
			es = append(es, e)
		}
		if ok {
			taken = append(taken, es...)
		}
	}
	sort.Slice(taken, func(i, j int) bool { return taken[i].start < taken[j].start })
	var out []byte
	last := 0
	for _, e := range taken {
		out = append(out, src[last:e.start]...)
		out = append(out, e.repl...)
		last = e.end
	}
	return append(out, src[last:]...)
}

var (
	inlineWant     = regexp.MustCompile(`<!--\s*want\s+(.*?)\s*-->`)
	inlineLanguage = regexp.MustCompile(`<!--\s*language:\s*(\S*)\s*-->`)
)

// inlineWants reads a Markdown or HTML fixture's expectations and its
// declared language ("" when it declares none).
func inlineWants(src string) (out []*want, lang string, err error) {
	for i, line := range strings.Split(src, "\n") {
		for _, m := range inlineWant.FindAllStringSubmatch(line, -1) {
			ws, err := parseWantList(i+1, m[1])
			if err != nil {
				return nil, "", fmt.Errorf("line %d: %v", i+1, err)
			}
			out = append(out, ws...)
		}
		if m := inlineLanguage.FindStringSubmatch(line); m != nil {
			if lang, err = declaredLanguage(m[1]); err != nil {
				return nil, "", fmt.Errorf("line %d: %v", i+1, err)
			}
		}
	}
	return out, lang, nil
}

// declaredLanguage checks a fixture's "language: xx".
func declaredLanguage(s string) (string, error) {
	l := language.Normalise(s)
	if l == "" {
		return "", fmt.Errorf("language: %q is not an ISO 639-1 code (write language: de)", s)
	}
	return l, nil
}

// sidecarWants reads a sidecar NAME.want: its expectations and the
// fixture's declared language ("" when it declares none).
func sidecarWants(path string) (out []*want, lang string, err error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, "", nil // no sidecar: the plugin must stay silent
	}
	if err != nil {
		return nil, "", err
	}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if v, ok := strings.CutPrefix(line, "language:"); ok {
			if lang, err = declaredLanguage(strings.TrimSpace(v)); err != nil {
				return nil, "", fmt.Errorf("%s:%d: %v", path, i+1, err)
			}
			continue
		}
		num, rest, ok := strings.Cut(line, " ")
		n, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, "", fmt.Errorf("%s:%d: want LINE rule \"regexp\" or language: xx, got %q", path, i+1, line)
		}
		ws, err := parseWantList(n, rest)
		if err != nil {
			return nil, "", fmt.Errorf("%s:%d: %v", path, i+1, err)
		}
		out = append(out, ws...)
	}
	return out, lang, nil
}

// parseWantList reads `rule "re" [rule "re" ...]`.
func parseWantList(line int, s string) ([]*want, error) {
	var out []*want
	s = strings.TrimSpace(s)
	for s != "" {
		rule, rest, ok := strings.Cut(s, " ")
		if !ok {
			return nil, fmt.Errorf("want needs a rule and a quoted regexp: %q", s)
		}
		rest = strings.TrimSpace(rest)
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return nil, fmt.Errorf("want %s: message must be a quoted regexp: %q", rule, rest)
		}
		pat, _ := strconv.Unquote(q)
		re, err := regexp.Compile(pat)
		if err != nil {
			return nil, fmt.Errorf("want %s: %v", rule, err)
		}
		w := &want{line: line, rule: rule, re: re}
		s = strings.TrimSpace(rest[len(q):])
		for {
			switch {
			case strings.HasPrefix(s, "on "):
				rest := strings.TrimSpace(s[3:])
				q, err := strconv.QuotedPrefix(rest)
				if err != nil {
					return nil, fmt.Errorf("want %s: `on` takes the quoted text the finding covers: %q", rule, rest)
				}
				text, _ := strconv.Unquote(q)
				w.text = &text
				s = strings.TrimSpace(rest[len(q):])
				continue
			case strings.HasPrefix(s, "col "):
				num, rest, _ := strings.Cut(strings.TrimSpace(s[4:]), " ")
				n, err := strconv.Atoi(num)
				if err != nil || n < 1 {
					return nil, fmt.Errorf("want %s: `col` takes a column number, got %q", rule, num)
				}
				w.col = n
				s = strings.TrimSpace(rest)
				continue
			}
			break
		}
		out = append(out, w)
	}
	return out, nil
}
