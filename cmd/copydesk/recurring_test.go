package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// recurringDiag is a finding as the JSON report gives it, end included.
type recurringDiag struct {
	Rule      string `json:"rule"`
	Message   string `json:"message"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
}

// recurringRun checks the fixture directory in one run and returns the
// recurring-line findings by file (relative to the directory).
func recurringRun(t *testing.T, dir string, args ...string) map[string][]recurringDiag {
	t.Helper()
	r := runCLI(t, "", "", append(append([]string{"check", "--format", "json"}, args...), dir)...)
	if r.code != 0 && r.code != 1 {
		t.Fatalf("copydesk exited %d\n%s", r.code, r.stderr)
	}
	var out struct {
		Files []struct {
			Path        string          `json:"path"`
			Diagnostics []recurringDiag `json:"diagnostics"`
		} `json:"files"`
		Failures []any `json:"plugin_failures"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, r.stdout)
	}
	if len(out.Failures) > 0 {
		t.Fatalf("plugin failures: %v", out.Failures)
	}
	got := map[string][]recurringDiag{}
	for _, f := range out.Files {
		rel, err := filepath.Rel(dir, f.Path)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Diagnostics {
			if d.Rule == "strayui/recurring-line" {
				got[rel] = append(got[rel], d)
			}
		}
	}
	return got
}

// covered returns the source text from line:col to endLine:endCol (1-based,
// columns in characters, end exclusive).
func covered(src string, line, col, endLine, endCol int) string {
	lines := strings.SplitAfter(src, "\n")
	if line < 1 || endLine > len(lines) || endLine < line {
		return ""
	}
	var b strings.Builder
	for i := line; i <= endLine; i++ {
		r := []rune(lines[i-1])
		from, to := 0, len(r)
		if i == line {
			from = col - 1
		}
		if i == endLine {
			to = endCol - 1
		}
		if from < 0 || to > len(r) || from > to {
			return ""
		}
		b.WriteString(string(r[from:to]))
	}
	return b.String()
}

var recurringWant = regexp.MustCompile(`^(\d+) recurring-line ("(?:[^"\\]|\\.)*") on ("(?:[^"\\]|\\.)*") col (\d+)$`)

// TestRecurringLineAcrossFiles checks strayui/recurring-line end to end:
// plugins/strayui/testdata/recurring holds two sources (directories) of
// small articles written for the test; each NAME.want lists the findings
// expected in NAME.txt with their line, column, covered text and message.
// The rule needs the whole run: no single-article fixture can show it.
func TestRecurringLineAcrossFiles(t *testing.T) {
	dir := repoFile(t, "plugins/strayui/testdata/recurring")
	got := recurringRun(t, dir)
	texts, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil || len(texts) < 7 {
		t.Fatalf("fixtures: %v %v", texts, err)
	}
	for _, path := range texts {
		rel, _ := filepath.Rel(dir, path)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var wants []string
		if w, err := os.ReadFile(strings.TrimSuffix(path, ".txt") + ".want"); err == nil {
			for _, l := range strings.Split(strings.TrimSpace(string(w)), "\n") {
				if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
					wants = append(wants, l)
				}
			}
		}
		found := got[rel]
		if len(found) != len(wants) {
			t.Errorf("%s: %d findings, want %d: %+v", rel, len(found), len(wants), found)
			continue
		}
		for i, w := range wants {
			m := recurringWant.FindStringSubmatch(w)
			if m == nil {
				t.Fatalf("%s.want: bad line %q", rel, w)
			}
			line, _ := strconv.Atoi(m[1])
			pat, _ := strconv.Unquote(m[2])
			text, _ := strconv.Unquote(m[3])
			col, _ := strconv.Atoi(m[4])
			d := found[i]
			if d.Line != line || d.Column != col {
				t.Errorf("%s: finding %d at %d:%d, want %d:%d", rel, i+1, d.Line, d.Column, line, col)
			}
			if c := covered(string(src), d.Line, d.Column, d.EndLine, d.EndColumn); c != text {
				t.Errorf("%s:%d: covers %q, want %q", rel, d.Line, c, text)
			}
			if !regexp.MustCompile(pat).MatchString(d.Message) {
				t.Errorf("%s:%d: message %q does not match %q", rel, d.Line, d.Message, pat)
			}
		}
	}

	// The desk's own tag line, listed in recurring_allow, is no longer
	// reported; the newsletter box still is.
	allowed := recurringRun(t, dir, "--config", filepath.Join(dir, "harbour.toml"))
	n := 0
	for rel, ds := range allowed {
		src, _ := os.ReadFile(filepath.Join(dir, rel))
		for _, d := range ds {
			c := covered(string(src), d.Line, d.Column, d.EndLine, d.EndColumn)
			if strings.Contains(c, "news for the coast") {
				t.Errorf("%s:%d: the allowed tag line is still reported: %q", rel, d.Line, d.Message)
			}
			if strings.Contains(c, "Get the Harbour Briefing") {
				n++
			}
		}
	}
	if n != 4 {
		t.Errorf("with the allow-list: the newsletter box reported in %d files, want 4", n)
	}

	// One file alone has no cross-file signal.
	if alone := recurringRun(t, filepath.Join(dir, "harbour", "a.txt")); len(alone) != 0 {
		t.Errorf("a single file: %v", alone)
	}
}
