package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Location names the element of a CMS document a finding lies in, so that
// a CMS can show it, or apply a fix, through its own API.
type Location struct {
	// Shape is "wordpress" or "ans".
	Shape string `json:"shape"`
	// Pointer is the JSON Pointer (RFC 6901) of the string holding the
	// text: "/content/raw", "/content_elements/3/content".
	Pointer string `json:"pointer"`
	// Field is the document's top-level field the text is in ("title",
	// "content", "excerpt", "headlines", "content_elements"...).
	Field string `json:"field"`

	// ANS: the index of the content element in the story's
	// content_elements, its _id and type. For text nested in a quote or a
	// list these name the top-level element; Pointer names the string.
	Index *int   `json:"index,omitempty"`
	ID    string `json:"_id,omitempty"`
	Type  string `json:"type,omitempty"`

	// WordPress: the index of the top-level Gutenberg block in the post's
	// content as the block editor lists them (wp.blocks.parse: white space
	// between blocks is not a block; other HTML outside any block is one
	// classic block), the path of indexes down to the innermost block when
	// it is nested (innerBlocks), and that block's name ("core/paragraph";
	// "core/freeform" for HTML outside any block).
	Block     *int   `json:"block,omitempty"`
	BlockPath []int  `json:"block_path,omitempty"`
	BlockName string `json:"block_name,omitempty"`
}

// String describes the element for people: "content_elements[4] (quote,
// _id ELQUOTE4RIDER)", "content block 6.0 (core/paragraph)", "title".
func (l *Location) String() string {
	switch {
	case l.Index != nil:
		s := fmt.Sprintf("%s[%d] (%s", l.Field, *l.Index, l.Type)
		if l.ID != "" {
			s += ", _id " + l.ID
		}
		return s + ")"
	case l.Block != nil:
		return fmt.Sprintf("%s block %s (%s)", l.Field, l.BlockNumber(), l.BlockName)
	}
	return l.Field
}

// BlockNumber is the WordPress block's place as the block editor numbers
// it: "6", or "6.0" for the first block nested in block 6.
func (l *Location) BlockNumber() string {
	path := l.BlockPath
	if len(path) == 0 && l.Block != nil {
		path = []int{*l.Block}
	}
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = strconv.Itoa(p)
	}
	return strings.Join(parts, ".")
}

// Bound says that source[Start:End], the inside of a JSON string or a
// part of one, holds text of Loc (nil for the fields of copydesk's own
// shape, which are bounds but no CMS element).
type Bound struct {
	Start, End int
	Loc        *Location
}

// rangeAt returns the smallest recorded range holding source offset src
// (with a Location, when withLoc is set), or nil.
func (a *Article) rangeAt(src int, withLoc bool) *Bound {
	var best *Bound
	for i := range a.locations {
		r := &a.locations[i]
		if r.Start <= src && src < r.End && (!withLoc || r.Loc != nil) && (best == nil || r.End-r.Start < best.End-best.Start) {
			best = r
		}
	}
	return best
}

// Location returns the CMS element the text at textOffset comes from, or
// nil when the article is not a CMS document of a known shape. The result
// is the caller's to keep.
func (a *Article) Location(textOffset int) *Location {
	if len(a.locations) == 0 {
		return nil
	}
	best := a.rangeAt(a.SourceOffset(textOffset), true)
	if best == nil {
		return nil
	}
	l := *best.Loc
	l.BlockPath = append([]int(nil), l.BlockPath...)
	return &l
}

// SourceRange maps the span [start, end) of Text to a range of the source,
// as SourceOffset and SourceEndOffset do, with one more guarantee for JSON
// input: the range never leaves the string (or, in WordPress content, the
// Gutenberg block) its start lies in. A span that runs on into the next
// string (a deletion taking the blank line after a block, say; the next
// string may even come earlier in the file) ends where the last block it
// covers in the first string ends, so that replacing the range keeps the
// document valid JSON and its markup whole.
func (a *Article) SourceRange(start, end int) (int, int) {
	ss, se := a.SourceOffset(start), a.SourceEndOffset(end)
	if len(a.locations) == 0 {
		return ss, se
	}
	r := a.rangeAt(ss, false)
	if r == nil || se >= ss && se <= r.End {
		return ss, se
	}
	for i := len(a.Blocks) - 1; i >= 0; i-- {
		b := a.Blocks[i].Span
		if b.End > end || b.End <= start {
			continue
		}
		if e := a.SourceEndOffset(b.End); e >= ss && e <= r.End {
			return ss, e
		}
	}
	return ss, r.End
}
