// Package fix applies the replacements and deletions that plugins suggest
// (copydesk check --fix) and shows them as a unified diff (--diff).
//
// Each finding's suggestions form one fix, applied whole or not at all: a
// quotation whose opening and closing marks are both restyled must not come
// out half-restyled. Fixes are taken in source order; a fix that overlaps
// one already taken is skipped and counted, never merged, because two rules
// rewriting the same words disagree about what they should say.
//
// Deletions get one adjustment, so that removing page furniture does not
// leave holes: a deletion that covers whole lines also removes their line
// break, and then, when the removed lines stood between two blank lines (or
// between a blank line and the start or end of the file), one of those blank
// lines. In HTML, a deletion of all of an element's text on one line takes
// the element's tags with it. See Plan for the exact rule.
package fix

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/aymanbagabas/go-udiff"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/runner"
)

// Edit replaces Source[Start:End] with New; an empty New deletes.
type Edit struct {
	Start, End int
	New        string
}

// Fix is one finding's suggestions, applied together or not at all.
type Fix struct {
	Rule    string
	Line    int
	Message string
	Edits   []Edit
}

// Skip is a fix that was not applied, and why.
type Skip struct {
	Fix    Fix
	Reason string
}

// FromDiagnostics turns the suggestions attached to findings into fixes.
// Findings without suggestions are not fixes: nothing is ever changed that a
// plugin did not spell out.
func FromDiagnostics(ds []runner.Diagnostic) []Fix {
	var out []Fix
	for _, d := range ds {
		if len(d.Suggestions) == 0 {
			continue
		}
		f := Fix{Rule: d.Rule, Line: d.Line, Message: d.Message}
		for _, s := range d.Suggestions {
			f.Edits = append(f.Edits, Edit{Start: s.Offset, End: s.EndOffset, New: s.Replacement})
		}
		out = append(out, f)
	}
	return out
}

// Plan is what fixing one source would do.
type Plan struct {
	Source  []byte
	Format  article.Format
	Applied []Fix  // in source order
	Skipped []Skip // in source order
	// Edits are the applied fixes' edits as written to the file: sorted,
	// escaped for the file's format, deletions widened to whole lines.
	Edits []Edit
}

// Make plans the fixes over src, a file of the given format.
//
// The rules, in order:
//
//  1. Fixes are sorted by their first edit's start (ties keep input order,
//     which is the report's order).
//  2. An edit outside the source, reversed, or cutting a UTF-8 character is
//     invalid, and so is its whole fix. Edits that would change nothing are
//     dropped; a fix left with none is skipped as already applied.
//  3. Replacement text is escaped for the format: &, < and > in HTML; JSON
//     string escapes in CMS JSON (edits there land inside string values).
//     In a file whose line breaks are CRLF, "\n" in a replacement becomes
//     "\r\n".
//  4. A fix is applied when none of its edits overlaps an edit already
//     applied. Two ranges overlap when they share a byte, or when both start
//     at the same offset (an insertion there would have no defined order).
//     An edit identical to one already applied counts as applied (two rules
//     suggesting the same correction are not in conflict).
//  5. Then deletions that touch (one ends where the next starts) are joined,
//     and each deletion is widened (see widen) so whole-line deletions leave
//     no empty line behind. A widening that would reach a neighbouring edit
//     is reduced to the whole lines alone, else to the deletion as suggested.
func Make(src []byte, format article.Format, fixes []Fix) *Plan {
	p := &Plan{Source: src, Format: format}
	order := make([]int, len(fixes))
	for i := range order {
		order[i] = i
	}
	first := func(f Fix) int {
		m := -1
		for _, e := range f.Edits {
			if m < 0 || e.Start < m {
				m = e.Start
			}
		}
		return m
	}
	sort.SliceStable(order, func(i, j int) bool { return first(fixes[order[i]]) < first(fixes[order[j]]) })
	crlf := usesCRLF(src)
	var taken []Edit
	for _, i := range order {
		f := fixes[i]
		if reason := invalid(src, f); reason != "" {
			p.Skipped = append(p.Skipped, Skip{Fix: f, Reason: reason})
			continue
		}
		var want []Edit
		for _, e := range f.Edits {
			e.New = escape(e.New, format, crlf)
			if string(src[e.Start:e.End]) == e.New {
				continue
			}
			want = append(want, e)
		}
		if len(want) == 0 {
			p.Skipped = append(p.Skipped, Skip{Fix: f, Reason: "already applied"})
			continue
		}
		var add []Edit
		conflict := ""
		for _, e := range want {
			if dup(taken, e) {
				continue
			}
			if c := overlapping(append(taken, add...), e); c != nil {
				conflict = fmt.Sprintf("overlaps an earlier fix at line %d", lineOf(src, c.Start))
				break
			}
			add = append(add, e)
		}
		if conflict != "" {
			p.Skipped = append(p.Skipped, Skip{Fix: f, Reason: conflict})
			continue
		}
		taken = append(taken, add...)
		p.Applied = append(p.Applied, f)
	}
	sort.SliceStable(taken, func(i, j int) bool { return taken[i].Start < taken[j].Start })
	if format != article.FormatJSON {
		taken = widenAll(src, format, taken)
	}
	p.Edits = taken
	return p
}

// widenAll joins touching deletions (a plugin deleting a line and another
// the next line delete one block) and widens each deletion as far as its
// neighbours allow.
func widenAll(src []byte, format article.Format, edits []Edit) []Edit {
	var joined []Edit
	for _, e := range edits {
		if n := len(joined); n > 0 && e.New == "" && joined[n-1].New == "" && joined[n-1].End == e.Start && e.Start < e.End {
			joined[n-1].End = e.End
			continue
		}
		joined = append(joined, e)
	}
	for i, e := range joined {
		if e.New != "" || e.Start == e.End {
			continue
		}
		lines, full := widen(src, e, format)
		for _, w := range []Edit{full, lines} {
			clear := (i == 0 || !overlaps(joined[i-1], w) && joined[i-1].End <= w.Start) &&
				(i+1 == len(joined) || !overlaps(w, joined[i+1]) && w.End <= joined[i+1].Start)
			if clear {
				joined[i] = w
				break
			}
		}
	}
	return joined
}

// Changed reports whether the plan changes anything.
func (p *Plan) Changed() bool { return len(p.Edits) > 0 }

// Result is the source with the plan's edits applied.
func (p *Plan) Result() []byte {
	var b bytes.Buffer
	last := 0
	for _, e := range p.Edits {
		b.Write(p.Source[last:e.Start])
		b.WriteString(e.New)
		last = e.End
	}
	b.Write(p.Source[last:])
	return b.Bytes()
}

// Diff is the plan as a unified diff of the file at path ("--- path",
// "+++ path", three lines of context), or "" when nothing changes. It is
// what `patch -p0` applies.
//
// The diff compares the lines before and after, not the edits: an edit
// that crosses a line break without changing the line after it (a deletion
// from one HTML paragraph's text to the next one's start tag) must not show
// that unchanged line as removed and added back.
func (p *Plan) Diff(path string) (string, error) {
	if !p.Changed() {
		return "", nil
	}
	before, after := string(p.Source), string(p.Result())
	if before == after {
		return "", nil
	}
	return udiff.Unified(path, path, before, after), nil
}

func invalid(src []byte, f Fix) string {
	for _, e := range f.Edits {
		if e.Start < 0 || e.End < e.Start || e.End > len(src) {
			return fmt.Sprintf("suggestion range %d-%d lies outside the file", e.Start, e.End)
		}
		if !runeBoundary(src, e.Start) || !runeBoundary(src, e.End) {
			return "suggestion range cuts a character in two"
		}
		if !utf8.ValidString(e.New) {
			return "replacement is not valid UTF-8"
		}
	}
	es := append([]Edit(nil), f.Edits...)
	sort.Slice(es, func(i, j int) bool { return es[i].Start < es[j].Start })
	for i := 1; i < len(es); i++ {
		if overlaps(es[i-1], es[i]) {
			return "its own suggestions overlap"
		}
	}
	return ""
}

func runeBoundary(src []byte, i int) bool { return i == len(src) || utf8.RuneStart(src[i]) }

func overlaps(a, b Edit) bool {
	return a.Start < b.End && b.Start < a.End || a.Start == b.Start
}

func overlapping(taken []Edit, e Edit) *Edit {
	for i := range taken {
		if overlaps(taken[i], e) {
			return &taken[i]
		}
	}
	return nil
}

func dup(taken []Edit, e Edit) bool {
	for _, t := range taken {
		if t == e {
			return true
		}
	}
	return false
}

func lineOf(src []byte, off int) int { return bytes.Count(src[:off], []byte("\n")) + 1 }

// usesCRLF reports whether most of the file's line breaks are CRLF.
func usesCRLF(src []byte) bool {
	crlf := bytes.Count(src, []byte("\r\n"))
	return crlf > 0 && crlf*2 >= bytes.Count(src, []byte("\n"))
}

func escape(s string, format article.Format, crlf bool) string {
	switch format {
	case article.FormatHTML:
		s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
	case article.FormatJSON:
		b, _ := json.Marshal(s) // a Go string always marshals
		return string(b[1 : len(b)-1])
	}
	if crlf {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
	}
	return s
}
