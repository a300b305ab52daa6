// Package cmstest holds the expectations of the CMS-shape fixtures in
// core/article/testdata/cms (a WordPress REST post and an Arc XP ANS story
// of our own writing), so that the article, server and CLI tests check the
// same findings: each fixture's sidecar FILE.want lists, one a line,
//
//	line:column <TAB> rule <TAB> category <TAB> JSON pointer <TAB> element <TAB> source text at line:column
//
// where element is "_id@index" for an ANS content element, "name@path" for
// a Gutenberg block (path: block indexes joined by dots) and "-" for
// fields outside the body. Blank lines and lines starting with # are
// comments.
package cmstest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article"
)

// Fixtures are the fixture files, by name.
var Fixtures = []string{"ans-story.json", "wordpress-post.json"}

// Dir is the absolute path of core/article/testdata/cms.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "testdata", "cms")
}

// Path is a fixture's absolute path.
func Path(name string) string { return filepath.Join(Dir(), name) }

// Want is one expected finding.
type Want struct {
	Line, Column                           int
	Rule, Category, Pointer, Element, Text string
}

func (w Want) String() string {
	return fmt.Sprintf("%d:%d %s (%s) at %s [%s]", w.Line, w.Column, w.Rule, w.Category, w.Pointer, w.Element)
}

// Got is a finding as a test received it.
type Got struct {
	Line, Column   int
	Rule, Category string
	Location       *article.Location
}

// Element names the element of a location as the sidecar does.
func Element(l *article.Location) string {
	switch {
	case l == nil:
		return "-"
	case l.Index != nil:
		return fmt.Sprintf("%s@%d", l.ID, *l.Index)
	case l.Block != nil:
		return l.BlockName + "@" + l.BlockNumber()
	}
	return "-"
}

// Load reads the sidecar of the named fixture.
func Load(t testing.TB, name string) []Want {
	t.Helper()
	f, err := os.Open(Path(name) + ".want")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []Want
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		var w Want
		if len(fs) != 6 {
			t.Fatalf("%s.want:%d: %d fields, want 6 separated by tabs", name, n, len(fs))
		}
		if _, err := fmt.Sscanf(fs[0], "%d:%d", &w.Line, &w.Column); err != nil {
			t.Fatalf("%s.want:%d: %q is not line:column", name, n, fs[0])
		}
		w.Rule, w.Category, w.Pointer, w.Element, w.Text = fs[1], fs[2], fs[3], fs[4], fs[5]
		out = append(out, w)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Check compares findings with a fixture's sidecar: every expected finding
// must be there with its category, location and, when positions is set,
// its line and column; every finding of a rule the sidecar names must be
// expected. src is the document as it was sent: the text at each finding's
// line and column in it must be the sidecar's (positions or not, so a test
// that sends the fixture compacted to one line still checks them). With
// only, the sidecar's findings of those rules alone are expected.
func Check(t testing.TB, name string, src []byte, got []Got, positions bool, only ...string) {
	t.Helper()
	var wants []Want
	for _, w := range Load(t, name) {
		if len(only) == 0 || slices.Contains(only, w.Rule) {
			wants = append(wants, w)
		}
	}
	rules := map[string]bool{}
	for _, w := range wants {
		rules[w.Rule] = true
	}
	lines := strings.Split(string(src), "\n")
	textAt := func(line, col int) string {
		if line < 1 || line > len(lines) || col < 1 {
			return ""
		}
		l := lines[line-1]
		for i := 1; i < col && l != ""; i++ {
			_, n := utf8.DecodeRuneInString(l)
			l = l[n:]
		}
		return l
	}
	used := make([]bool, len(got))
	for _, w := range wants {
		found := false
		for i, g := range got {
			if used[i] || g.Rule != w.Rule || g.Category != w.Category || Element(g.Location) != w.Element ||
				g.Location == nil && w.Pointer != "-" || g.Location != nil && g.Location.Pointer != w.Pointer {
				continue
			}
			if positions && (g.Line != w.Line || g.Column != w.Column) {
				continue
			}
			if !strings.HasPrefix(textAt(g.Line, g.Column), w.Text) {
				continue
			}
			used[i], found = true, true
			break
		}
		if !found {
			t.Errorf("%s: missing %s %q", name, w, w.Text)
		}
	}
	var extra []string
	for i, g := range got {
		if !used[i] && rules[g.Rule] {
			ptr := "-"
			if g.Location != nil {
				ptr = g.Location.Pointer
			}
			extra = append(extra, fmt.Sprintf("%d:%d %s (%s) at %s [%s] %.20q", g.Line, g.Column, g.Rule, g.Category, ptr, Element(g.Location), textAt(g.Line, g.Column)))
		}
	}
	sort.Strings(extra)
	for _, e := range extra {
		t.Errorf("%s: unexpected %s", name, e)
	}
}
