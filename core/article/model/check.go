package model

import (
	"fmt"
	"strings"
)

// CheckAnchors reports the first piece of Text recorded as copied from the
// source that is not what the source holds there (a lone CR may stand for
// the "\n" it became). The readers' tests call it on every article they
// parse.
func CheckAnchors(a *Article) error {
	for _, an := range a.anchors {
		if an.n == 0 {
			continue
		}
		if an.text < 0 || an.text+an.n > len(a.Text) || an.src < 0 || an.src+an.n > len(a.source) {
			return fmt.Errorf("anchor %+v outside text (%d) or source (%d)", an, len(a.Text), len(a.source))
		}
		got, want := a.Text[an.text:an.text+an.n], string(a.source[an.src:an.src+an.n])
		if got != want && got != strings.ReplaceAll(want, "\r", "\n") {
			return fmt.Errorf("anchor %+v: text %.200q but source %.200q", an, got, want)
		}
	}
	return nil
}

// CheckBounds reports the first block or sentence whose SourceRange (to its
// own end, or to the end of Text) leaves the source string its start lies
// in: the guarantee SourceRange gives a CMS document. It checks nothing in
// an article without bounds.
func CheckBounds(a *Article) error {
	if len(a.locations) == 0 {
		return nil
	}
	for _, b := range a.Blocks {
		for _, s := range append([]Sentence{{Span: b.Span}}, b.Sentences...) {
			for _, end := range []int{s.Span.End, len(a.Text)} {
				ss, se := a.SourceRange(s.Span.Start, end)
				r := a.rangeAt(ss, false)
				if r == nil || se < ss || se > r.End {
					return fmt.Errorf("range %d..%d of text %v leaves its string %+v", ss, se, s.Span, r)
				}
			}
		}
	}
	return nil
}
