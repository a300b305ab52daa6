// Package baseline lets a content archive adopt copydesk as a CI gate
// without first fixing years of existing copy: `copydesk baseline` records
// today's findings, and `copydesk check --baseline FILE` hides those and
// reports only new ones.
//
// A finding is recorded by its rule, its file, the text under its span and a
// hash of the text of the line it starts on — never its line number. So a
// paragraph inserted above a known defect does not bring it back, while
// editing the defect's own line (or fixing it and making it again elsewhere)
// does: whoever touches that line sees the finding. Findings match as a
// multiset: if the baseline holds one "the the" on a line and the line now
// has two, one is reported.
package baseline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/runner"
)

// Version is the baseline file format's version.
const Version = 1

// File is a baseline file.
type File struct {
	Version int `json:"version"`
	// Findings are sorted by path, rule, text and line hash, so a baseline
	// regenerated after small edits diffs small in review.
	Findings []Entry `json:"findings"`
}

// Entry is one recorded finding.
type Entry struct {
	Rule string `json:"rule"`
	// Path is slash-separated and relative to the baseline file's folder
	// (see Paths), so the baseline works from any working directory.
	Path string `json:"path"`
	// Text is the source text under the finding's span.
	Text string `json:"text"`
	// LineHash is the first 16 hex digits of the SHA-256 of the finding's
	// first source line, leading and trailing white space trimmed.
	LineHash string `json:"line_hash"`
	// Message is for people reading the file; it is not matched.
	Message string `json:"message,omitempty"`
}

// Key is what two findings must share to be the same finding.
type Key struct{ Rule, Path, Text, LineHash string }

func (e Entry) key() Key { return Key{e.Rule, e.Path, e.Text, e.LineHash} }

// KeyOf is a diagnostic's key; path is the file as the baseline names it.
// Without the article (a file that could not be read) only the rule and
// path are known.
func KeyOf(path string, a *article.Article, d runner.Diagnostic) Key {
	k := Key{Rule: d.Rule, Path: path}
	if a == nil {
		return k
	}
	src := a.Source()
	if d.Offset >= 0 && d.Offset <= d.EndOffset && d.EndOffset <= len(src) {
		k.Text = string(src[d.Offset:d.EndOffset])
	}
	k.LineHash = LineHash(a.SourceLine(d.Line))
	return k
}

// LineHash hashes a line's text.
func LineHash(line string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(line)))
	return hex.EncodeToString(sum[:8])
}

// Paths maps a file as copydesk names it to the name a baseline uses.
type Paths func(path string) string

// FromResult records every finding of a result.
func FromResult(r *runner.Result, name Paths) *File {
	f := &File{Version: Version, Findings: []Entry{}}
	for _, file := range r.Files {
		if file == nil || file.Error != "" {
			continue
		}
		p := name(file.Path)
		for _, d := range file.Diagnostics {
			k := KeyOf(p, file.Article, d)
			f.Findings = append(f.Findings, Entry{Rule: k.Rule, Path: k.Path, Text: k.Text, LineHash: k.LineHash, Message: d.Message})
		}
	}
	sort.SliceStable(f.Findings, func(i, j int) bool {
		a, b := f.Findings[i], f.Findings[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Text != b.Text {
			return a.Text < b.Text
		}
		return a.LineHash < b.LineHash
	})
	return f
}

// Write writes the baseline as indented JSON.
func (f *File) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(f)
}

// WriteFile writes the baseline to path, creating its folder, and replaces
// an existing file only once the new one is complete. A baseline is meant
// to be committed: a new file is readable by all (0644), a replaced one
// keeps its mode.
func (f *File) WriteFile(path string) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		mode = st.Mode().Perm()
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".copydesk-baseline-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := f.Write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil { // CreateTemp makes 0600
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Read parses a baseline.
func Read(r io.Reader) (*File, error) {
	var f File
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("not a copydesk baseline: %v", err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("baseline version %d; this copydesk reads version %d (regenerate it with copydesk baseline)", f.Version, Version)
	}
	for i, e := range f.Findings {
		if e.Rule == "" || e.Path == "" {
			return nil, fmt.Errorf("baseline finding %d has no rule or path", i+1)
		}
	}
	return &f, nil
}

// ReadFile reads a baseline file.
func ReadFile(path string) (*File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	f, err := Read(fh)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return f, nil
}

// Filter removes from r the findings the baseline holds and returns how
// many it removed. Each recorded finding hides at most one.
func (f *File) Filter(r *runner.Result, name Paths) int {
	left := map[Key]int{}
	for _, e := range f.Findings {
		left[e.key()]++
	}
	hidden := 0
	for _, file := range r.Files {
		if file == nil || file.Error != "" || len(file.Diagnostics) == 0 {
			continue
		}
		p := name(file.Path)
		kept := make([]runner.Diagnostic, 0, len(file.Diagnostics))
		for _, d := range file.Diagnostics {
			k := KeyOf(p, file.Article, d)
			if left[k] > 0 {
				left[k]--
				hidden++
				continue
			}
			kept = append(kept, d)
		}
		file.Diagnostics = kept
	}
	return hidden
}
