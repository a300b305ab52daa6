package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
)

// finding places a finding of rule on the n-th occurrence (0-based) of
// needle, as the runner would.
type finding struct {
	rule, needle string
	n            int
}

func result(t *testing.T, path, story string, fs ...finding) *runner.Result {
	t.Helper()
	a, err := article.Parse(path, article.FormatText, []byte(story))
	if err != nil {
		t.Fatal(err)
	}
	file := &runner.File{Path: path, Article: a, Diagnostics: []runner.Diagnostic{}}
	for _, f := range fs {
		off := -1
		for i, from := 0, 0; i <= f.n; i++ {
			j := strings.Index(story[from:], f.needle)
			if j < 0 {
				t.Fatalf("occurrence %d of %q not in story", f.n, f.needle)
			}
			off, from = from+j, from+j+len(f.needle)
		}
		p, q := a.SourcePosition(off), a.SourcePosition(off+len(f.needle))
		file.Diagnostics = append(file.Diagnostics, runner.Diagnostic{Rule: f.rule, Severity: sdk.Warning, Line: p.Line, Column: p.Column,
			EndLine: q.Line, EndColumn: q.Column, Offset: off, EndOffset: off + len(f.needle), Message: "m " + f.needle})
	}
	return &runner.Result{Files: []*runner.File{file}}
}

func same(p string) string { return p }

const story = "Council approves budget\n\nThe council approved the the budget on Tuesday.\n\nThe mayor said said it was fair.\n"

func TestFilter(t *testing.T) {
	dw := "repetition/doubled-word"
	base := FromResult(result(t, "desk/s.txt", story, finding{dw, "the the", 0}, finding{dw, "said said", 0}), same)
	for _, tt := range []struct {
		name     string
		path     string
		story    string
		findings []finding
		hidden   int
		left     []string // messages of the findings still reported
	}{
		{"unchanged", "desk/s.txt", story, []finding{{dw, "the the", 0}, {dw, "said said", 0}}, 2, nil},
		{"paragraphs inserted above", "desk/s.txt", "Update: new lead.\n\nAnother new paragraph.\n\n" + story,
			[]finding{{dw, "the the", 0}, {dw, "said said", 0}}, 2, nil},
		{"a new defect is reported", "desk/s.txt", story + "\nThe vote was was close.\n",
			[]finding{{dw, "the the", 0}, {dw, "said said", 0}, {dw, "was was", 0}}, 2, []string{"m was was"}},
		{"another rule on the same text", "desk/s.txt", story, []finding{{"quotes/other", "the the", 0}}, 0, []string{"m the the"}},
		{"another file", "desk/t.txt", story, []finding{{dw, "the the", 0}}, 0, []string{"m the the"}},
		{"the defect's line was edited", "desk/s.txt", strings.Replace(story, "on Tuesday", "on Wednesday", 1),
			[]finding{{dw, "the the", 0}, {dw, "said said", 0}}, 1, []string{"m the the"}},
		// The line is part of the key: the line with a second "said said"
		// differs from the recorded one, so neither copy is hidden.
		{"a second copy added to the defect's line", "desk/s.txt",
			strings.Replace(story, "said said it was fair.", "said said it was fair, said said.", 1),
			[]finding{{dw, "said said", 0}, {dw, "said said", 1}}, 0, []string{"m said said", "m said said"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := result(t, tt.path, tt.story, tt.findings...)
			hidden := base.Filter(r, same)
			var left []string
			for _, d := range r.Files[0].Diagnostics {
				left = append(left, d.Message)
			}
			if hidden != tt.hidden || strings.Join(left, "|") != strings.Join(tt.left, "|") {
				t.Errorf("hidden %d, left %q; want %d, %q", hidden, left, tt.hidden, tt.left)
			}
		})
	}
}

// Two identical findings recorded, three now: exactly one is reported.
func TestFilterCountsCopies(t *testing.T) {
	s := "Headline\n\nIt was was late. It was was late. It was was late.\n"
	dw := "repetition/doubled-word"
	base := FromResult(result(t, "a.txt", s, finding{dw, "was was", 0}, finding{dw, "was was", 1}), same)
	r := result(t, "a.txt", s, finding{dw, "was was", 0}, finding{dw, "was was", 1}, finding{dw, "was was", 2})
	if hidden := base.Filter(r, same); hidden != 2 || len(r.Files[0].Diagnostics) != 1 {
		t.Errorf("hidden %d, left %d; want 2 hidden and 1 reported", hidden, len(r.Files[0].Diagnostics))
	}
}

func TestPathsAreMapped(t *testing.T) {
	dw := "repetition/doubled-word"
	// Recorded from the archive's root, checked from inside desk/.
	base := FromResult(result(t, "desk/s.txt", story, finding{dw, "the the", 0}), same)
	r := result(t, "s.txt", story, finding{dw, "the the", 0})
	if hidden := base.Filter(r, func(p string) string { return "desk/" + p }); hidden != 1 {
		t.Errorf("the path mapping must be applied when matching")
	}
}

func TestRoundTripAndNoLineNumbers(t *testing.T) {
	dw := "repetition/doubled-word"
	b := FromResult(result(t, "desk/s.txt", story, finding{dw, "said said", 0}, finding{dw, "the the", 0}), same)
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := b.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if bytes.Contains(data, []byte(`"line"`)) || !bytes.Contains(data, []byte(`"text": "the the"`)) || !bytes.Contains(data, []byte(`"line_hash"`)) {
		t.Errorf("a baseline records text and line hashes, not line numbers:\n%s", data)
	}
	got, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Findings) != 2 || got.Findings[0].Text != "said said" || got.Findings[1].Text != "the the" {
		t.Errorf("read back (sorted by text within a rule): %+v", got.Findings)
	}
	for _, bad := range []string{`{"version": 2, "findings": []}`, `{"version": 1, "findings": [{"rule": "", "path": "x"}]}`, `[1,2]`, `{"version":1,"findings":[],"extra":1}`} {
		if _, err := Read(strings.NewReader(bad)); err == nil {
			t.Errorf("accepted a bad baseline: %s", bad)
		}
	}
}

// TestWriteFileMode: a baseline is meant to be committed and read by
// others: a new one is written 0644, and a replaced one keeps its mode.
func TestWriteFileMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, ".copydesk-baseline.json")
	f := &File{Version: 1}
	if err := f.WriteFile(p); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o644 {
		t.Errorf("new baseline: mode %v, want 0644", st.Mode().Perm())
	}
	if err := os.Chmod(p, 0o664); err != nil {
		t.Fatal(err)
	}
	if err := f.WriteFile(p); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o664 {
		t.Errorf("replaced baseline: mode %v, want 0664 kept", st.Mode().Perm())
	}
}
