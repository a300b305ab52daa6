// Package article reads copy into copydesk's model of it: plain text,
// Markdown, HTML and CMS JSON become an Article (visible text, blocks and
// sentences with exact spans, and the map back to source lines and columns).
//
// The model itself lives in core/article/model, which imports no parser, so
// that the SDK a plugin links stays small; the types here are aliases of it.
// This package adds the readers (goldmark, x/net/html) and the sentence
// segmenter.
package article

import "github.com/copydesk/copydesk/core/article/model"

// The model's types (see core/article/model).
type (
	// Format names the kind of input an article was parsed from.
	Format = model.Format
	// BlockKind says what a block is on the page.
	BlockKind = model.BlockKind
	// Span is a half-open byte range [Start, End) of Article.Text.
	Span = model.Span
	// Sentence is one sentence of a block.
	Sentence = model.Sentence
	// Block is one structural unit of the article.
	Block = model.Block
	// Article is a parsed piece of copy.
	Article = model.Article
	// Position is a place in the source file as editors count it.
	Position = model.Position
	// Location names the element of a CMS document a finding lies in.
	Location = model.Location
	// Bound is a source range holding one of the article's strings.
	Bound = model.Bound
	// Recurrence is what the cross-file pre-pass found about an article.
	Recurrence = model.Recurrence
	// RecurringLine is one line that recurs in other articles of a source.
	RecurringLine = model.RecurringLine
)

// FoldDigitsMaxWords: see model.FoldDigitsMaxWords.
const FoldDigitsMaxWords = model.FoldDigitsMaxWords

// NormaliseLine is model.NormaliseLine: the form in which the cross-file
// pre-pass compares a line.
func NormaliseLine(buf []byte, line string) []byte { return model.NormaliseLine(buf, line) }

const (
	FormatText     = model.FormatText
	FormatMarkdown = model.FormatMarkdown
	FormatHTML     = model.FormatHTML
	FormatJSON     = model.FormatJSON // a CMS JSON article
)

const (
	Headline   = model.Headline
	Byline     = model.Byline   // a CMS byline field
	Dateline   = model.Dateline // a CMS dateline field
	Paragraph  = model.Paragraph
	Heading    = model.Heading // a subhead inside the body
	ListItem   = model.ListItem
	BlockQuote = model.BlockQuote
	Caption    = model.Caption // figcaption, image credits
	Aside      = model.Aside   // aside, nav, footer and other page furniture elements
	Code       = model.Code    // code and preformatted text; rules skip it
	Line       = model.Line    // a bare line of text outside any structure
)

// Builder assembles an article's Text from pieces of the source (see
// model.Builder) and segments its blocks into sentences when finished.
// Parsers use it; nothing else should need to.
type Builder struct {
	*model.Builder
	// lineMode says whether a "\n" inside a block ends a sentence: the
	// readers know whether a line break in their input is a visible break
	// (a <br>, a scraped line) or just wrapping (Markdown's soft breaks).
	lineMode lineMode
}

// NewBuilder starts an article for the given source.
func NewBuilder(path string, format Format, source []byte) *Builder {
	return &Builder{Builder: model.NewBuilder(path, format, source)}
}

// Finish segments every block into sentences and returns the article.
func (b *Builder) Finish() *Article {
	a := b.Builder.Finish()
	for i := range a.Blocks {
		blk := &a.Blocks[i]
		if blk.Kind == Code {
			continue
		}
		blk.Sentences = segmentLines(a.Text, blk.Span, b.lineMode)
	}
	return a
}

// FromWire rebuilds an article received by a plugin: text, blocks and
// metadata, with no source map (plugins never need one).
func FromWire(path string, format Format, text string, blocks []Block, meta map[string]string, language string) *Article {
	return model.FromWire(path, format, text, blocks, meta, language)
}
