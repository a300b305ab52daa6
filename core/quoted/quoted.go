// Package quoted finds the direct quotations in an article's text, so that
// the host can tell a desk which findings fall inside someone's words: a
// desk never changes a quotation without checking the source, and --fix
// leaves such findings' suggestions alone unless asked (--fix-quoted).
//
// It reads quotation marks only, no language model: straight double quotes
// ("…"), English curly quotes (“…”), German low-high quotes („…“) and
// guillemets («…»). Quotations are paragraph-aware, as news copy writes
// them: a quotation that runs on into the next paragraph is left open at the
// end of its paragraph (the next one reopens it), so an opening mark without
// a closing one quotes to the end of its paragraph, and nothing carries from
// one paragraph into the next. A closing mark with no opening one is
// ignored. Single quotes are not read: they double as apostrophes.
package quoted

import (
	"sort"
	"strings"

	"github.com/copydesk/copydesk/core/article"
)

// Span is a quotation's words: the text between its marks, without them.
type Span = article.Span

// closers maps each opening mark to the marks that close it. A straight
// double quote closes itself. “ opens in English and closes „ in German: it
// is read as a closing mark while „ is open. „ closed by ” is a mixed style
// (the quotes plugin reports it), but the words between are still quoted.
var closers = map[rune]string{
	'"': `"`,
	'“': `”`,
	'„': `“”`,
	'«': `»`,
}

// Spans returns the quotations in a's text, in order and not overlapping
// (a quotation inside another is part of the outer one).
func Spans(a *article.Article) []Span {
	if a == nil {
		return nil
	}
	var out []Span
	for _, p := range paragraphs(a) {
		out = append(out, inParagraph(a.Text, p)...)
	}
	return out
}

// paragraphs are the article's blocks, or its text split at blank lines
// when it has none.
func paragraphs(a *article.Article) []Span {
	if len(a.Blocks) > 0 {
		out := make([]Span, 0, len(a.Blocks))
		for _, b := range a.Blocks {
			if b.Kind != article.Code {
				out = append(out, b.Span)
			}
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
		return out
	}
	var out []Span
	start := 0
	for start < len(a.Text) {
		i := strings.Index(a.Text[start:], "\n\n")
		if i < 0 {
			out = append(out, Span{Start: start, End: len(a.Text)})
			break
		}
		out = append(out, Span{Start: start, End: start + i})
		start += i + 2
	}
	return out
}

func inParagraph(text string, p Span) []Span {
	var out []Span
	var open []rune // the open quotations' opening marks, innermost last
	start := 0      // where the outermost open quotation's words begin
	for i, r := range text[p.Start:p.End] {
		off := p.Start + i
		if len(open) > 0 && strings.ContainsRune(closers[open[len(open)-1]], r) {
			open = open[:len(open)-1]
			if len(open) == 0 && off > start {
				out = append(out, Span{Start: start, End: off})
			}
			continue
		}
		if _, ok := closers[r]; !ok {
			continue
		}
		if len(open) > 0 && r == '"' {
			// A straight quote inside curly ones is the inner
			// quotation's mark either way; the outer one covers it.
			continue
		}
		if len(open) == 0 {
			start = off + len(string(r))
		}
		open = append(open, r)
	}
	if len(open) > 0 && p.End > start {
		out = append(out, Span{Start: start, End: p.End})
	}
	return out
}

// Inside reports whether [start, end) lies within one of spans (sorted, as
// Spans returns them). An empty range counts when it is strictly inside.
func Inside(spans []Span, start, end int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End >= end })
	return i < len(spans) && spans[i].Start <= start && end <= spans[i].End && start < spans[i].End
}
