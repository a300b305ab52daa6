// Package quotes is copydesk's built-in quotes plugin: quotation marks that
// do not pair up, and quotation styles that do not belong in English copy or
// in the house style.
package quotes

import (
	"embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
)

// Plugin is the quotes ruleset.
var Plugin = &sdk.Plugin{
	Name:    "quotes",
	Version: "0.1.0",
	Doc:     "Quotation marks: low-9 openings in English copy, quotations never closed, mixed quotation styles.",
	Options: []sdk.Option{{
		Name: "style",
		Type: sdk.Enumeration,
		Doc: `House style for double quotation marks: "curly" (“ ”), "straight" (") or
"any" (either, as long as one article does not mix them).`,
		Default: "any",
		Choices: []string{"any", "curly", "straight"},
	}},
	Configure: configure,
	Rules:     []*sdk.Rule{LowOpening, Unclosed, Unopened, Mixed},
}

// Style is the house style for double quotation marks.
type Style string

const (
	AnyStyle Style = "any"
	Curly    Style = "curly"
	Straight Style = "straight"
)

type config struct{ style Style }

func configure(o sdk.Options) (any, error) {
	s := Style(o.String("style"))
	switch s {
	case "":
		s = AnyStyle
	case AnyStyle, Curly, Straight:
	default:
		return nil, fmt.Errorf("quotes: style %q is not one of any, curly, straight", s)
	}
	return &config{style: s}, nil
}

func styleOf(p *sdk.Pass) Style {
	if c, ok := p.State.(*config); ok {
		return c.style
	}
	return AnyStyle
}

//go:embed data
var dataFS embed.FS

// The quotation marks the plugin knows.
const (
	straightDouble = '"'
	leftDouble     = '“' // U+201C: English opening; German closing
	rightDouble    = '”' // U+201D: English closing
	lowDouble      = '„' // U+201E: German, Polish, Czech... opening
)

// mark is one double quotation mark in a block, with what its surroundings
// say about it.
type mark struct {
	pos        int
	r          rune
	prev, next rune // the characters either side (' ' at the block's edges)
	open       bool // reads as an opening mark
	close      bool // reads as a closing mark
	// weak marks have unusual neighbours (said:"Yes", "Yes,"he said):
	// they open a quotation only when none is open.
	weak bool
	// lineStart marks the first character of a line: in copy written one
	// paragraph a line, the start of a paragraph.
	lineStart bool
}

func (m mark) span() sdk.Span { return sdk.Span{Start: m.pos, End: m.pos + utf8.RuneLen(m.r)} }

// quotation is an opening mark and, when one was found, its closing mark.
type quotation struct {
	open   mark
	close  mark
	closed bool
	// converted quotations close with a single mark after punctuation
	// (,' .'): the wire's '' converted to one mark, not the desk's style.
	converted bool
	// lineEnded marks an unclosed quotation whose line ended before the
	// next quotation opened.
	lineEnded bool
}

// runOn is a quotation left open at the end of a line whose next line
// reopens with a quotation mark: the news convention for a quotation that
// runs over several paragraphs, in copy written one paragraph a line.
type runOn struct {
	q   quotation
	end int // the end of the line the quotation was left open on
}

// blockQuotes is what pairing found in one block.
type blockQuotes struct {
	quotes []quotation
	// unclosed are quotations left open inside the block: another
	// quotation opened before they closed.
	unclosed []quotation
	// running are quotations left open at a line end, the next line
	// reopening with a quotation mark.
	running []runOn
	// trailing is a quotation still open at the end of the block, which
	// news style allows when the next paragraph reopens with a quote.
	trailing *quotation
	// stray are closing marks with no quotation open in their paragraph.
	stray []mark
}

// marks lists the double quotation marks of text[from:to] and classifies
// each by what stands on either side of it.
func marks(text string, from, to int) []mark {
	var out []mark
	for i := from; i < to; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == straightDouble || r == leftDouble || r == rightDouble || r == lowDouble {
			var prev, next rune = ' ', ' '
			if i > from {
				prev, _ = utf8.DecodeLastRuneInString(text[from:i])
			}
			if i+n < to {
				next, _ = utf8.DecodeRuneInString(text[i+n : to])
			}
			m := mark{pos: i, r: r, prev: prev, next: next, lineStart: atLineStart(text, from, i),
				open: opensAfter(prev) && !closesBefore(next), close: closesBefore(next) && !opensAfter(prev)}
			switch {
			case opensAfter(prev) && closesBefore(next):
				// Free-standing (" between spaces): let pairing decide.
				m.open, m.close = true, true
			case !m.open && !m.close:
				// Unusual neighbours (said:"Yes", "yes"*): a mark
				// before a word opens, a mark after one closes.
				m.open = !isWordRune(prev) && isWordRune(next)
				m.close = isWordRune(prev) && !isWordRune(next)
				m.weak = true
			}
			out = append(out, m)
		}
		i += n
	}
	return out
}

// atLineStart reports whether only blanks stand between the start of the
// block or of a line and text[i].
func atLineStart(text string, from, i int) bool {
	head := strings.TrimRight(text[from:i], " \t")
	return head == "" || strings.HasSuffix(head, "\n")
}

// lineEnd returns the offset of the end of the line holding text[i], no
// further than to.
func lineEnd(text string, i, to int) int {
	if k := strings.IndexByte(text[i:to], '\n'); k >= 0 {
		return i + k
	}
	return to
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// opensAfter reports whether a quotation can open after r.
func opensAfter(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("([{—–-/‘'", r)
}

// closesBefore reports whether a quotation can close before r.
func closesBefore(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(".,;:!?)]}—–-/’'…", r)
}

// convertedClose finds, in text[from:to] inside an open double quotation,
// a single closing mark after punctuation (fear,' or abuse.') that closes
// no single quotation of its own: the wire's 7-bit ” turned into one mark
// by conversion. It returns the mark's offset and true, or false.
func convertedClose(text string, from, to int) (int, bool) {
	inner := 0 // single quotations open inside the double one
	prev := ' '
	for i := from; i < to; {
		r, n := utf8.DecodeRuneInString(text[i:])
		var next rune = ' '
		if i+n < to {
			next, _ = utf8.DecodeRuneInString(text[i+n:])
		}
		switch {
		case (r == '\'' || r == '‘') && opensAfter(prev) && isWordRune(next):
			inner++
		case (r == '\'' || r == '’') && strings.ContainsRune(".,?!", prev) && (unicode.IsSpace(next) || i+n >= to):
			if inner == 0 {
				return i, true
			}
			inner--
		case (r == '\'' || r == '’') && isWordRune(prev) && !isWordRune(next) && inner > 0:
			inner-- // 'never again'
		}
		prev = r
		i += n
	}
	return 0, false
}

// convertedOpen reports whether the line of text[from:at] holds a single
// opening mark ('The permit... or ‘The permit...) that no single mark closes
// before at: a quotation the wire opened with “ that conversion turned into
// one mark, so the double closing mark at at has its opening after all.
func convertedOpen(text string, from, at int) bool {
	if nl := strings.LastIndexByte(text[from:at], '\n'); nl >= 0 {
		from += nl + 1
	}
	open := 0
	prev := ' '
	for i := from; i < at; {
		r, n := utf8.DecodeRuneInString(text[i:])
		var next rune = ' '
		if i+n < at {
			next, _ = utf8.DecodeRuneInString(text[i+n:])
		}
		switch {
		case (r == '\'' || r == '‘') && opensAfter(prev) && isWordRune(next):
			open++
		case (r == '\'' || r == '’') && !isWordRune(next) && (isWordRune(prev) || strings.ContainsRune(".,?!", prev)) && open > 0:
			open--
		}
		prev = r
		i += n
	}
	return open > 0
}

// pair walks a block's marks and pairs openings with closings. Double
// quotation marks do not nest (a quote within a quote takes single marks),
// so a second opening while a quotation is open means the first was never
// closed, with two exceptions: a quotation in brackets inside another
// ("if ("Phantom") didn't") is self-contained, and an opening mark at the
// start of a line reopens a quotation running on from the line before.
func pair(text string, b article.Block) blockQuotes {
	var bq blockQuotes
	var cur *quotation
	ms := marks(text, b.Span.Start, b.Span.End)
	// closeConverted closes cur at a converted single mark before to.
	closeConverted := func(to int) {
		if cur == nil {
			return
		}
		if at, ok := convertedClose(text, cur.open.span().End, to); ok {
			cur.close, cur.closed, cur.converted = mark{pos: at, r: '\''}, true, true
			bq.quotes = append(bq.quotes, *cur)
			cur = nil
		}
	}
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		closeConverted(m.pos)
		if cur != nil {
			if m.prev == '(' && m.open && k+1 < len(ms) && ms[k+1].next == ')' && ms[k+1].r != lowDouble {
				k++ // ("Phantom") inside an open quotation
				continue
			}
			if m.r == straightDouble && unicode.IsDigit(m.prev) && k+1 < len(ms) && ms[k+1].close && !ms[k+1].open &&
				!strings.Contains(text[m.pos:ms[k+1].pos], "\n") {
				continue // "They sent 12" tiles," he said: an inch mark
			}
			if m.lineStart && m.open && !m.close && m.r != rightDouble {
				bq.running = append(bq.running, runOn{q: *cur, end: lineEnd(text, cur.open.pos, b.Span.End)})
				bq.quotes = append(bq.quotes, *cur)
				cur = &quotation{open: m}
				continue
			}
			closes := false
			switch {
			case m.r == lowDouble:
				closes = false
			case cur.open.r == lowDouble && m.r == leftDouble:
				closes = true // „...“, the German pair
			case m.r == rightDouble:
				closes = !m.open || m.close
			default:
				closes = m.close || !m.open || m.weak
			}
			if closes {
				cur.close, cur.closed = m, true
				bq.quotes = append(bq.quotes, *cur)
				cur = nil
				continue
			}
			cur.lineEnded = strings.Contains(text[cur.open.pos:m.pos], "\n")
			bq.unclosed = append(bq.unclosed, *cur)
			bq.quotes = append(bq.quotes, *cur)
			cur = &quotation{open: m}
			continue
		}
		switch {
		case m.r == lowDouble || m.r == leftDouble:
			cur = &quotation{open: m}
		case m.r == straightDouble && m.open:
			cur = &quotation{open: m}
		case m.r == rightDouble && m.open && !m.close:
			cur = &quotation{open: m} // ”Swedish style”, handled by the mixed-style rule
		case m.close && !unicode.IsDigit(m.prev) && !convertedOpen(text, b.Span.Start, m.pos):
			// A closing mark with nothing open. (After a digit it is
			// an inch mark: 12".)
			bq.stray = append(bq.stray, m)
		}
	}
	closeConverted(b.Span.End)
	if cur != nil {
		bq.trailing = cur
		bq.quotes = append(bq.quotes, *cur)
	}
	return bq
}

// paired is the pairing of every checkable block, shared by the rules.
var paired = &sdk.Analysis[map[int]blockQuotes]{
	Name: "quotes: paired marks",
	Run: func(a *sdk.Article, _ any) map[int]blockQuotes {
		out := map[int]blockQuotes{}
		for _, i := range checkable(a) {
			out[i] = pair(a.Text, a.Blocks[i])
		}
		return out
	},
}

// checkable lists the blocks whose quotation marks the rules read.
func checkable(a *sdk.Article) []int {
	var out []int
	for i, b := range a.Blocks {
		if b.Kind != article.Code {
			out = append(out, i)
		}
	}
	return out
}

func opensWithQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return strings.ContainsRune(`"“„”'‘«»`, r)
}

// Spans returns the direct quotations of an article, for other plugins that
// say when a finding lies in quoted speech: each closed quotation from its
// opening mark to its closing mark, and each quotation running on into the
// next paragraph to the end of its paragraph. A quotation never closed is
// left out (where it ends is unknown), and so are quotations in single
// marks (a single mark is also an apostrophe).
func Spans(a *sdk.Article) []sdk.Span {
	var out []sdk.Span
	blocks := checkable(a)
	for k, i := range blocks {
		b := a.Blocks[i]
		bq := pair(a.Text, b)
		for _, q := range bq.quotes {
			if q.closed {
				out = append(out, sdk.Span{Start: q.open.pos, End: q.close.pos + utf8.RuneLen(q.close.r)})
			}
		}
		for _, r := range bq.running {
			out = append(out, sdk.Span{Start: r.q.open.pos, End: r.end})
		}
		if bq.trailing != nil && k+1 < len(blocks) && opensWithQuote(a.BlockText(a.Blocks[blocks[k+1]])) {
			out = append(out, sdk.Span{Start: bq.trailing.open.pos, End: b.Span.End})
		}
	}
	return out
}
