// Package quotes is copydesk's built-in quotes plugin: quotation marks that
// do not pair up, and quotation styles that do not belong in English copy or
// in the house style.
package quotes

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"sync"
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
	Rules:     []*sdk.Rule{LowOpening, Unclosed, Mixed},
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

//go:embed english.txt
var englishData string

var (
	englishOnce  sync.Once
	englishWords map[string]bool
)

func loadEnglish() {
	englishWords = map[string]bool{}
	for _, line := range strings.Split(englishData, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			englishWords[line] = true
		}
	}
}

// isEnglish reports whether the article reads as English: at least one word
// in six is a common English function word. English news copy runs at
// about one in three; German, Polish or Czech copy at close to none.
func isEnglish(text string) bool {
	englishOnce.Do(loadEnglish)
	total, hits := 0, 0
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		total++
		if englishWords[strings.ToLower(f)] {
			hits++
		}
	}
	return total > 0 && hits*6 >= total
}

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
	pos   int
	r     rune
	open  bool // reads as an opening mark
	close bool // reads as a closing mark
	// weak marks have unusual neighbours (said:"Yes", "Yes,"he said):
	// they open a quotation only when none is open.
	weak bool
}

func (m mark) span() sdk.Span { return sdk.Span{Start: m.pos, End: m.pos + utf8.RuneLen(m.r)} }

// quotation is an opening mark and, when one was found, its closing mark.
type quotation struct {
	open   mark
	close  mark
	closed bool
}

// blockQuotes is what pairing found in one block.
type blockQuotes struct {
	quotes []quotation
	// unclosed are quotations left open inside the block: another
	// quotation opened before they closed.
	unclosed []quotation
	// trailing is a quotation still open at the end of the block, which
	// news style allows when the next paragraph reopens with a quote.
	trailing *quotation
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
			m := mark{pos: i, r: r, open: opensAfter(prev) && !closesBefore(next), close: closesBefore(next) && !opensAfter(prev)}
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

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// opensAfter reports whether a quotation can open after r.
func opensAfter(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("([{—–-/‘'", r)
}

// closesBefore reports whether a quotation can close before r.
func closesBefore(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(".,;:!?)]}—–-/’'…", r)
}

// pair walks a block's marks and pairs openings with closings. Double
// quotation marks do not nest (a quote within a quote takes single marks),
// so a second opening while a quotation is open means the first was never
// closed.
func pair(text string, b article.Block) blockQuotes {
	var bq blockQuotes
	var cur *quotation
	for _, m := range marks(text, b.Span.Start, b.Span.End) {
		if cur != nil {
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
		default:
			// A closing mark with nothing open: an inch mark (12"), or
			// the end of a quotation whose opening is in an earlier
			// block. Neither is something this pass can judge.
		}
	}
	if cur != nil {
		bq.trailing = cur
		bq.quotes = append(bq.quotes, *cur)
	}
	return bq
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

// LowOpening reports „ opening quotation marks in English copy.
var LowOpening = &sdk.Rule{
	Name:     "low-opening-quote",
	Category: sdk.CategoryQuotes,
	Severity: sdk.Warning,
	Summary:  "a „ (low-9) opening quotation mark in English copy",
	Doc: `Reports the low-9 opening quotation mark „ (U+201E) in English copy. It is the
right opening mark in German, Polish, Czech and other languages, and it
survives machine translation and copy pasted from those editions, usually
paired with an English closing mark: „We are at a critical juncture,” the
official said.

The suggestion replaces it with the English opening mark: “ under the "curly"
or "any" house style, " under "straight". When the quotation is closed with
the German closing mark “, the suggestion fixes that too.

Copy that is not English (judged from the share of common English words) is
left alone.`,
	Example: sdk.Example{
		Before: "„We are at a critical juncture,” the official said.",
		After:  "“We are at a critical juncture,” the official said.",
	},
	Check: checkLowOpening,
}

func checkLowOpening(pass *sdk.Pass) {
	a := pass.Article
	if !strings.ContainsRune(a.Text, lowDouble) || !isEnglish(a.Text) {
		return
	}
	style := styleOf(pass)
	openWith, closeWith := "“", "”"
	if style == Straight {
		openWith, closeWith = `"`, `"`
	}
	for _, i := range checkable(a) {
		for _, q := range pair(a.Text, a.Blocks[i]).quotes {
			if q.open.r != lowDouble {
				continue
			}
			sugg := []sdk.Suggestion{{Span: q.open.span(), Replacement: openWith, Description: "use the English opening mark " + openWith}}
			if q.closed && q.close.r == leftDouble {
				sugg = append(sugg, sdk.Suggestion{Span: q.close.span(), Replacement: closeWith, Description: "use the English closing mark " + closeWith})
			}
			pass.Report(sdk.Diagnostic{
				Span:        q.open.span(),
				Message:     "„ is not an English quotation mark: open the quotation with " + openWith,
				Suggestions: sugg,
			})
		}
	}
}

// Unclosed reports quotations that are never closed.
var Unclosed = &sdk.Rule{
	Name:     "unclosed-quote",
	Category: sdk.CategoryQuotes,
	Severity: sdk.Warning,
	Summary:  "a quotation opened and never closed",
	Doc: `Reports a double quotation mark that opens a quotation which is never closed:
another quotation opens before it ends, or the paragraph ends with the
quotation still open and the next paragraph does not reopen with a quotation
mark.

News convention is not an error: a quotation that runs over several
paragraphs leaves each paragraph open and reopens the next one with a
quotation mark, closing only at the end of the last. A paragraph left open
is still reported when its quotation cannot be running on: the open text
ends in its own attribution ("That is the reason, Wilson said.") or it is a
partial quote that starts in lower case (called it "a gamble).

Single quotation marks are not checked: ’ and ' are also apostrophes (don’t,
China’s, the ’90s, rock ’n’ roll), and single quotes are normal inside double
quotes and in headlines ('would cut toll'). A straight " after a digit with no
quotation open is an inch mark.`,
	Example: sdk.Example{
		Before: "\"That is the reason why the dollar is higher, Wilson told the House.",
		After:  "\"That is the reason why the dollar is higher,\" Wilson told the House.",
	},
	Check: checkUnclosed,
}

func checkUnclosed(pass *sdk.Pass) {
	a := pass.Article
	blocks := checkable(a)
	for k, i := range blocks {
		bq := pair(a.Text, a.Blocks[i])
		for _, q := range bq.unclosed {
			pass.Report(sdk.Diagnostic{
				Span:    q.open.span(),
				Message: "this quotation is not closed before the next one opens",
			})
		}
		if bq.trailing == nil {
			continue
		}
		open := bq.trailing.open
		rest := a.Text[open.span().End:a.Blocks[i].Span.End]
		next := k + 1
		for next < len(blocks) && furniture(a.BlockText(a.Blocks[blocks[next]])) {
			// A related link, an advertisement label or a subhead
			// between the two paragraphs of a running quotation.
			next++
		}
		if next < len(blocks) && opensWithQuote(a.BlockText(a.Blocks[blocks[next]])) {
			// A quotation running on into the next paragraph, unless
			// it cannot be one: it ends in its own attribution ("...,
			// he said.") or it is a partial quote, which starts in
			// lower case and never runs over a paragraph.
			switch {
			case attributed(rest):
				pass.Report(sdk.Diagnostic{Span: open.span(), Message: "this quotation is never closed: close it before its attribution"})
			case partial(rest):
				pass.Report(sdk.Diagnostic{Span: open.span(), Message: "this quotation is never closed: a partial quote cannot run on into the next paragraph"})
			}
			continue
		}
		pass.Report(sdk.Diagnostic{
			Span:    open.span(),
			Message: "this quotation is never closed: the paragraph ends and the next one does not reopen it",
		})
	}
}

// attribution matches the words that end a quotation and name its speaker:
// ", he said", ", said the minister", ", Smith told reporters", ", the
// company said", ", according to". Compiled on first use to keep the plugin's start-up cheap.
var (
	attributionOnce sync.Once
	attribution     *regexp.Regexp
)

func attributed(s string) bool {
	attributionOnce.Do(func() {
		verbs := `(?:said|says|told|added|asked|explained|wrote|writes|stated|declared|warned|insisted|argued|noted|continued|concluded)`
		attribution = regexp.MustCompile(`[,?!]\s+(?:` +
			`(?:he|she|they|we|I|it)\s+` + verbs +
			`|` + verbs + `\s+(?:the\s|an?\s|[A-Z])` +
			`|according\s+to\s` +
			`|(?:the|an?|his|her|their|its)\s+(?:[\p{L}'’-]+\s+){1,3}` + verbs + `\b` +
			`|(?:[A-Z][\p{L}.'’-]*\s+){1,3}` + verbs + `\b)`)
	})
	return attribution.MatchString(s)
}

// partial reports whether a quotation starts in lower case: a few words
// quoted inside the writer's own sentence ("called it \"a gamble").
func partial(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// furniture reports a short line that is not a sentence (no closing
// punctuation): a related link ("READ  Storm closes ports"), a widget label
// or a subhead, which a running quotation steps over.
func furniture(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, "\n\"“”„«»") || len(strings.Fields(s)) > 20 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?…:;,'’)", r)
}

func opensWithQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return strings.ContainsRune(`"“„”'‘«»`, r)
}

// Mixed reports quotations that break the house style, or the article's own
// style when the house takes either.
var Mixed = &sdk.Rule{
	Name:     "mixed-style",
	Category: sdk.CategoryQuotes,
	Severity: sdk.Info,
	Summary:  "straight and curly double quotation marks mixed, or against the house style",
	Doc: `Reports double quotations whose marks break the house style set by the
plugin option style:

  - "curly": quotations in straight marks ("...") are reported, with “ ” as
    the suggested replacement;
  - "straight": quotations in curly marks (“...”) are reported;
  - "any" (the default): either style is fine, but one article should not
    use both; the quotations in the style the article uses less are
    reported (nothing is reported on a tie).

A single quotation that opens in one style and closes in the other (“...")
is always reported. Quotations opened with „ are left to low-opening-quote,
and apostrophes are never counted.`,
	Example: sdk.Example{
		Before: "“We will go,” she said. “Soon.” Her aide added: \"Very soon.\"",
		After:  "“We will go,” she said. “Soon.” Her aide added: “Very soon.”",
	},
	Check: checkMixed,
}

func checkMixed(pass *sdk.Pass) {
	a := pass.Article
	var straight, curly []quotation
	for _, i := range checkable(a) {
		for _, q := range pair(a.Text, a.Blocks[i]).quotes {
			if q.open.r == lowDouble || !q.closed {
				continue
			}
			so, sc := q.open.r == straightDouble, q.close.r == straightDouble
			switch {
			case so && sc:
				straight = append(straight, q)
			case !so && !sc:
				curly = append(curly, q)
			default:
				pass.Report(sdk.Diagnostic{
					Span:        sdk.Span{Start: q.open.pos, End: q.close.span().End},
					Message:     "this quotation opens with " + string(q.open.r) + " and closes with " + string(q.close.r),
					Suggestions: restyle(q, styleFor(pass, so)),
				})
			}
		}
	}
	var bad []quotation
	var want Style
	switch styleOf(pass) {
	case Curly:
		bad, want = straight, Curly
	case Straight:
		bad, want = curly, Straight
	default:
		switch {
		case len(straight) > len(curly):
			bad, want = curly, Straight
		case len(curly) > len(straight):
			bad, want = straight, Curly
		}
	}
	for _, q := range bad {
		msg := "curly quotation marks in an article that otherwise uses straight ones"
		if want == Curly {
			msg = "straight quotation marks in an article that otherwise uses curly ones"
		}
		if styleOf(pass) != AnyStyle {
			msg = fmt.Sprintf("house style is %s quotation marks", want)
		}
		pass.Report(sdk.Diagnostic{
			Span:        sdk.Span{Start: q.open.pos, End: q.close.span().End},
			Message:     msg,
			Suggestions: restyle(q, want),
		})
	}
}

// styleFor picks the style a mismatched quotation should take: the house
// style, or the style of its opening mark.
func styleFor(pass *sdk.Pass, straightOpen bool) Style {
	if s := styleOf(pass); s != AnyStyle {
		return s
	}
	if straightOpen {
		return Straight
	}
	return Curly
}

func restyle(q quotation, s Style) []sdk.Suggestion {
	o, c := "“", "”"
	if s == Straight {
		o, c = `"`, `"`
	}
	return []sdk.Suggestion{
		{Span: q.open.span(), Replacement: o, Description: "opening mark " + o},
		{Span: q.close.span(), Replacement: c, Description: "closing mark " + c},
	}
}
