// Package wordlist reads the plain-text data files rules are built from: one
// entry a line, "#" comments and blank lines skipped, optionally grouped in
// [sections]. Every built-in plugin reads its data/ files through it, so
// there is one format and one set of error messages.
//
//	//go:embed data/*.txt
//	var dataFS embed.FS
//
//	var roles = wordlist.MustSet(dataFS, "data/roles.txt", wordlist.Lower)
//	var lex = wordlist.MustSections(dataFS, "data/lexicon.txt", "locative", "harm")
//	lex.Set("locative") // panics on a name that was not declared
//
// A "#" starts a comment only at the start of a line (after blanks), so
// entries may contain "#". Entries are trimmed of surrounding blanks.
// Data files are compiled in: the Must functions panic, naming the file and
// line, when a file is missing or malformed — a build defect, caught by any
// test that loads the plugin.
package wordlist

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// Entry is one entry with the line it was read from (1-based).
type Entry struct {
	Text string
	Line int
}

// Fold transforms entries as they are read (for example Lower).
type Fold func(string) string

// Lower folds entries to lower case.
var Lower Fold = strings.ToLower

// Parse reads entries from data. name is used in errors. With sections
// given, the file must be grouped under "[name]" headers from that list:
// an entry before the first header, or an unknown header, is an error.
// Without sections, a header is an error too.
func Parse(name string, data []byte, sections ...string) (map[string][]Entry, error) {
	out := map[string][]Entry{}
	known := map[string]bool{}
	for _, s := range sections {
		known[s] = true
		out[s] = nil
	}
	cur := ""
	for i, raw := range strings.Split(string(data), "\n") {
		l := strings.TrimSpace(raw)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]") && !strings.Contains(l[1:len(l)-1], " ") && len(l) > 2 {
			sec := l[1 : len(l)-1]
			if len(sections) == 0 {
				return nil, fmt.Errorf("%s:%d: section [%s] in a file without sections", name, i+1, sec)
			}
			if !known[sec] {
				return nil, fmt.Errorf("%s:%d: unknown section [%s]; the sections are %s", name, i+1, sec, strings.Join(sorted(sections), ", "))
			}
			cur = sec
			continue
		}
		if len(sections) > 0 && cur == "" {
			return nil, fmt.Errorf("%s:%d: entry %q before the first [section]", name, i+1, l)
		}
		out[cur] = append(out[cur], Entry{Text: l, Line: i + 1})
	}
	return out, nil
}

func sorted(s []string) []string {
	c := append([]string(nil), s...)
	sort.Strings(c)
	return c
}

func read(fsys fs.FS, path string, sections ...string) map[string][]Entry {
	b, err := fs.ReadFile(fsys, path)
	if err != nil {
		panic(fmt.Sprintf("wordlist: %v", err))
	}
	m, err := Parse(path, b, sections...)
	if err != nil {
		panic("wordlist: " + err.Error())
	}
	return m
}

// MustEntries returns the entries of a file without sections, with lines.
func MustEntries(fsys fs.FS, path string) []Entry {
	return read(fsys, path)[""]
}

// MustLines returns the entries of a file without sections, folded.
func MustLines(fsys fs.FS, path string, fold ...Fold) []string {
	return texts(MustEntries(fsys, path), fold)
}

// MustSet returns the entries of a file without sections as a set.
func MustSet(fsys fs.FS, path string, fold ...Fold) map[string]bool {
	return set(MustLines(fsys, path, fold...))
}

func texts(es []Entry, fold []Fold) []string {
	out := make([]string, len(es))
	for i, e := range es {
		t := e.Text
		for _, f := range fold {
			t = f(t)
		}
		out[i] = t
	}
	return out
}

func set(lines []string) map[string]bool {
	m := make(map[string]bool, len(lines))
	for _, l := range lines {
		m[l] = true
	}
	return m
}

// Sections is a file read in named sections.
type Sections struct {
	path    string
	entries map[string][]Entry
}

// MustSections reads a file whose entries are grouped under the named
// sections. A header in the file that is not named here panics when the
// file is read; a name asked for later that is not named here panics then.
func MustSections(fsys fs.FS, path string, names ...string) *Sections {
	if len(names) == 0 {
		panic("wordlist: MustSections needs the section names")
	}
	return &Sections{path: path, entries: read(fsys, path, names...)}
}

// Entries returns a section's entries with their lines.
func (s *Sections) Entries(name string) []Entry {
	es, ok := s.entries[name]
	if !ok {
		panic(fmt.Sprintf("wordlist: %s has no section [%s]", s.path, name))
	}
	return es
}

// Lines returns a section's entries, folded.
func (s *Sections) Lines(name string, fold ...Fold) []string {
	return texts(s.Entries(name), fold)
}

// Set returns a section's entries as a set, folded.
func (s *Sections) Set(name string, fold ...Fold) map[string]bool {
	return set(s.Lines(name, fold...))
}

// Fields splits an entry on sep, trimming each field; a convenience for
// files of "a | b | c" or "key = value" entries.
func Fields(entry, sep string) []string {
	parts := strings.Split(entry, sep)
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}
