// Package model is copydesk's model of one piece of copy: the visible text
// every plugin reads, split into blocks and sentences with exact spans, and the
// map from that text back to source lines and columns.
//
// Plugins only ever see Text and spans into it. The readers in core/article
// parse each input once (plain text, Markdown, HTML or CMS JSON) with a
// Builder and segment its blocks into sentences; the host maps every span a
// plugin reports back to the line and column of the file the user opened.
//
// The package imports no parser (no Markdown, HTML or sentence-segmentation
// library), so that core/sdk, which re-exports these types, and a third-party
// plugin built on it link none either. core/article aliases every type here.
package model

import (
	"sort"
	"unicode/utf8"
)

// Format names the kind of input an article was parsed from.
type Format string

const (
	FormatText     Format = "txt"
	FormatMarkdown Format = "md"
	FormatHTML     Format = "html"
	FormatJSON     Format = "json" // a CMS JSON article
)

// BlockKind says what a block is on the page. Rules use it to tell body copy
// (paragraphs) from furniture (headlines, list items, captions).
type BlockKind string

const (
	Headline   BlockKind = "headline"
	Byline     BlockKind = "byline"   // a CMS byline field
	Dateline   BlockKind = "dateline" // a CMS dateline field
	Paragraph  BlockKind = "paragraph"
	Heading    BlockKind = "heading" // a subhead inside the body
	ListItem   BlockKind = "list-item"
	BlockQuote BlockKind = "blockquote"
	Caption    BlockKind = "caption" // figcaption, image credits
	Aside      BlockKind = "aside"   // aside, nav, footer and other page furniture elements
	Code       BlockKind = "code"    // code and preformatted text; rules skip it
	Line       BlockKind = "line"    // a bare line of text outside any structure
)

// Span is a half-open byte range [Start, End) of Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Sentence is one sentence of a block.
type Sentence struct {
	Span Span `json:"span"`
}

// Block is one structural unit of the article: a headline, a paragraph, a list
// item... Its sentences lie inside its span, in order.
type Block struct {
	Kind      BlockKind  `json:"kind"`
	Span      Span       `json:"span"`
	Sentences []Sentence `json:"sentences,omitempty"`
	// Element is the HTML element (or Markdown node kind) the block came
	// from, when there was one: "p", "li", "figcaption", "aside"...
	Element string `json:"element,omitempty"`
}

// Article is a parsed piece of copy.
type Article struct {
	// Path is the file the article came from ("-" or a --stdin-name for
	// standard input).
	Path   string `json:"path"`
	Format Format `json:"format"`
	// Text is the visible text: markup removed, entities decoded, line
	// endings normalised to "\n", blocks separated by blank lines.
	Text   string            `json:"text"`
	Blocks []Block           `json:"blocks"`
	Meta   map[string]string `json:"meta,omitempty"`
	// Language is the article's language as an ISO 639-1 code ("en", "de"),
	// or "" when unknown. The host sets it before any rule runs: from the
	// CMS JSON "language" field or front matter, the configuration, or by
	// identifying the text once. Rules declare the languages they
	// understand (sdk.Rule.Languages) and only see articles in them.
	Language string `json:"language,omitempty"`
	// Recurrence is the cross-file signal of the run (recurring.go); nil
	// in single-article runs.
	Recurrence *Recurrence `json:"recurrence,omitempty"`

	// source and anchors map Text offsets back to the input. They stay in
	// the host; plugins receive Text, Blocks and Meta only.
	source  []byte
	anchors []anchor
	lines   []int // byte offset of the start of each source line
	// locations are the source ranges holding the article's strings, with
	// the CMS elements they name (location.go).
	locations []Bound
}

// Slice returns the text under s, clamped to the article.
func (a *Article) Slice(s Span) string {
	st, en := clamp(s.Start, len(a.Text)), clamp(s.End, len(a.Text))
	if en < st {
		return ""
	}
	return a.Text[st:en]
}

// SentenceText returns the text of a sentence.
func (a *Article) SentenceText(s Sentence) string { return a.Slice(s.Span) }

// BlockText returns the text of a block.
func (a *Article) BlockText(b Block) string { return a.Slice(b.Span) }

// Source returns the input bytes the article was parsed from.
func (a *Article) Source() []byte { return a.source }

// anchor says that Text[text : text+n] came from source[src : src+n] byte for
// byte. Text offsets between anchors (inserted separators, decoded entities)
// map to the end of the preceding anchor.
type anchor struct {
	text, src, n int
	// srcN is, for inserted text that decodes one escape of the source
	// (a JSON \" or \u201c), the escape's length: a span ending after
	// that text ends after the whole escape.
	srcN int
}

// Builder assembles an article's Text from pieces of the source, recording
// where each piece came from. Parsers use it (core/article wraps it with
// sentence segmentation); nothing else should need to.
type Builder struct {
	a   Article
	buf []byte
}

// NewBuilder starts an article for the given source.
func NewBuilder(path string, format Format, source []byte) *Builder {
	return &Builder{a: Article{Path: path, Format: format, source: source}}
}

// Len is the length of the text built so far.
func (b *Builder) Len() int { return len(b.buf) }

// Bytes returns the text built so far. The caller must not modify it.
func (b *Builder) Bytes() []byte { return b.buf }

// Copy appends text that appears verbatim in the source at srcOffset.
func (b *Builder) Copy(text string, srcOffset int) {
	if text == "" {
		return
	}
	if n := len(b.a.anchors); n > 0 {
		last := &b.a.anchors[n-1]
		if last.text+last.n == len(b.buf) && last.src+last.n == srcOffset {
			last.n += len(text)
			b.buf = append(b.buf, text...)
			return
		}
	}
	b.a.anchors = append(b.a.anchors, anchor{text: len(b.buf), src: srcOffset, n: len(text)})
	b.buf = append(b.buf, text...)
}

// Insert appends text that is not in the source as such (a separator, a
// decoded entity). It maps to srcOffset.
func (b *Builder) Insert(text string, srcOffset int) {
	if text == "" {
		return
	}
	b.a.anchors = append(b.a.anchors, anchor{text: len(b.buf), src: srcOffset, n: 0})
	b.buf = append(b.buf, text...)
}

// InsertEscape appends the decoded text of the escape sequence at
// source[srcOffset : srcOffset+srcLen].
func (b *Builder) InsertEscape(text string, srcOffset, srcLen int) {
	if text == "" {
		return
	}
	b.a.anchors = append(b.a.anchors, anchor{text: len(b.buf), src: srcOffset, srcN: srcLen})
	b.buf = append(b.buf, text...)
}

// AddBlock records a block over Text[start:end]; core/article's Builder
// segments its sentences when the article is finished.
func (b *Builder) AddBlock(kind BlockKind, element string, start, end int) {
	if end <= start {
		return
	}
	b.a.Blocks = append(b.a.Blocks, Block{Kind: kind, Element: element, Span: Span{start, end}})
}

// SetMeta records a metadata field.
func (b *Builder) SetMeta(key, value string) {
	if b.a.Meta == nil {
		b.a.Meta = map[string]string{}
	}
	b.a.Meta[key] = value
}

// Blocks returns the blocks recorded so far; a reader may change their kind
// and element in place.
func (b *Builder) Blocks() []Block { return b.a.Blocks }

// SetBounds records the source ranges that hold the article's strings and,
// for a CMS document, the element each lies in (see Article.Location and
// Article.SourceRange).
func (b *Builder) SetBounds(bounds []Bound) { b.a.locations = bounds }

// Finish sets the article's Text and returns the article. Blocks have no
// sentences yet: segmenting them is the caller's (core/article's Builder).
func (b *Builder) Finish() *Article {
	a := &b.a
	a.Text = string(b.buf)
	a.lines = lineStarts(a.source)
	return a
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return starts
}

// SourceOffset maps an offset in Text to a byte offset in the source.
func (a *Article) SourceOffset(textOffset int) int {
	if len(a.anchors) == 0 {
		return clamp(textOffset, len(a.source))
	}
	i := sort.Search(len(a.anchors), func(i int) bool { return a.anchors[i].text > textOffset }) - 1
	if i < 0 {
		return clamp(a.anchors[0].src, len(a.source))
	}
	an := a.anchors[i]
	d := textOffset - an.text
	if d > an.n {
		d = an.n
	}
	return clamp(an.src+d, len(a.source))
}

// SourceEndOffset maps the end of a span in Text to the source. It differs
// from SourceOffset at block boundaries: a span that ends where a separator
// begins ends after the last character of its own block, not at the start of
// the next one.
func (a *Article) SourceEndOffset(textOffset int) int {
	i := sort.Search(len(a.anchors), func(i int) bool { return a.anchors[i].text >= textOffset }) - 1
	if i < 0 {
		return a.SourceOffset(textOffset)
	}
	an := a.anchors[i]
	if an.n == 0 && an.srcN > 0 {
		next := len(a.Text)
		if i+1 < len(a.anchors) {
			next = a.anchors[i+1].text
		}
		if textOffset >= next { // the span takes the whole escape
			return clamp(an.src+an.srcN, len(a.source))
		}
	}
	d := textOffset - an.text
	if d > an.n {
		d = an.n
	}
	return clamp(an.src+d, len(a.source))
}

// Position is a place in the source file as editors count it: 1-based line,
// 1-based column in characters (runes), not bytes.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Position maps an offset in Text to a line and column of the source.
func (a *Article) Position(textOffset int) Position {
	return a.SourcePosition(a.SourceOffset(textOffset))
}

// SourcePosition maps a byte offset of the source to a line and column.
func (a *Article) SourcePosition(src int) Position {
	if a.lines == nil {
		a.lines = lineStarts(a.source)
	}
	src = clamp(src, len(a.source))
	li := sort.Search(len(a.lines), func(i int) bool { return a.lines[i] > src }) - 1
	if li < 0 {
		li = 0
	}
	start := a.lines[li]
	col := utf8.RuneCount(a.source[start:src]) + 1
	if li == 0 && hasBOM(a.source) {
		if src >= 3 {
			col-- // the byte-order mark is not a character the editor shows
		}
	}
	return Position{Line: li + 1, Column: col}
}

// PositionIn maps a byte offset of source to a line and column, for a
// reader that reports a problem before it has an article.
func PositionIn(source []byte, off int) Position {
	a := &Article{source: source}
	return a.SourcePosition(off)
}

// SourceLine returns the text of a 1-based source line without its line
// ending, for printing under a diagnostic.
func (a *Article) SourceLine(line int) string {
	if a.lines == nil {
		a.lines = lineStarts(a.source)
	}
	if line < 1 || line > len(a.lines) {
		return ""
	}
	start := a.lines[line-1]
	end := len(a.source)
	if line < len(a.lines) {
		end = a.lines[line]
	}
	s := a.source[start:end]
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	if line == 1 && hasBOM(s) {
		s = s[3:]
	}
	return string(s)
}

func hasBOM(b []byte) bool { return len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF }

func clamp(v, hi int) int {
	if v < 0 {
		return 0
	}
	if v > hi {
		return hi
	}
	return v
}

// FromWire rebuilds an article received by a plugin: text, blocks and
// metadata, with no source map (plugins never need one).
func FromWire(path string, format Format, text string, blocks []Block, meta map[string]string, language string) *Article {
	return &Article{Path: path, Format: format, Text: text, Blocks: blocks, Meta: meta, Language: language, source: []byte(text)}
}

// MetaOffMain is the Meta key under which a web page's article lists, as
// comma-separated indexes into Blocks, the blocks that a maintained
// main-content extractor (go-readability, the Firefox Reader View
// algorithm) leaves out of the page's main content. It is set for whole
// HTML pages only, and only when the extractor found main content; rules
// use it as one signal of page furniture among others (strayui/off-story),
// never alone: an extractor also drops some of a story's own lines.
const MetaOffMain = "html-off-main"
