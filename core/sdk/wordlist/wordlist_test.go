package wordlist

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseSkipsCommentsAndBlanks(t *testing.T) {
	m, err := Parse("x.txt", []byte("# header\n\n  alpha \n#c\nbeta # not a comment\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := m[""]
	if len(got) != 2 || got[0].Text != "alpha" || got[0].Line != 3 || got[1].Text != "beta # not a comment" {
		t.Fatalf("got %+v", got)
	}
}

func TestSectionsFailLoudly(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt":   {Data: []byte("[one]\nx\n[two]\ny\nZ\n")},
		"bad.txt": {Data: []byte("[one]\nx\n[tow]\ny\n")},
		"pre.txt": {Data: []byte("x\n[one]\n")},
	}
	s := MustSections(fsys, "a.txt", "one", "two")
	if got := s.Lines("two", Lower); strings.Join(got, ",") != "y,z" {
		t.Fatalf("two = %v", got)
	}
	if !s.Set("one")["x"] {
		t.Fatal("one lacks x")
	}
	mustPanic(t, "has no section [three]", func() { s.Lines("three") })
	mustPanic(t, "bad.txt:3: unknown section [tow]", func() { MustSections(fsys, "bad.txt", "one", "two") })
	mustPanic(t, "pre.txt:1: entry \"x\" before the first [section]", func() { MustSections(fsys, "pre.txt", "one") })
	mustPanic(t, "a.txt:1: section [one] in a file without sections", func() { MustLines(fsys, "a.txt") })
	mustPanic(t, "missing.txt", func() { MustLines(fsys, "missing.txt") })
}

func TestDeclaredEmptySectionIsEmpty(t *testing.T) {
	s := MustSections(fstest.MapFS{"a.txt": {Data: []byte("[one]\nx\n")}}, "a.txt", "one", "two")
	if len(s.Lines("two")) != 0 {
		t.Fatal("two should be empty")
	}
}

func TestFields(t *testing.T) {
	if got := Fields(" a | b|c ", "|"); strings.Join(got, ",") != "a,b,c" {
		t.Fatalf("got %v", got)
	}
}

func mustPanic(t *testing.T, want string, f func()) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			t.Fatalf("no panic, want one containing %q", want)
		}
		if !strings.Contains(r.(string), want) {
			t.Fatalf("panic %q, want it to contain %q", r, want)
		}
	}()
	f()
}
