// Package quotes is copydesk's built-in quotes plugin: quotation marks that
// do not pair up, and quotation styles that do not belong in English copy or
// in the house style.
package quotes

import (
	"embed"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/wordlist"
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

// englishWords are common English words; see isEnglish.
var englishWords = sync.OnceValue(func() map[string]bool {
	return wordlist.MustSet(dataFS, "data/en/common.txt", wordlist.Lower)
})

// isEnglish reports whether the article reads as English: at least one word
// in six is a common English function word. English news copy runs at
// about one in three; German, Polish or Czech copy at close to none.
// The host's language decision comes first; this is the fallback for an
// article whose language was not decided.
func isEnglish(a *sdk.Article) bool {
	if a.Language != "" {
		return strings.EqualFold(a.Language, "en")
	}
	words := englishWords()
	total, hits := 0, 0
	for _, f := range strings.FieldsFunc(a.Text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		total++
		if words[strings.ToLower(f)] {
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

// LowOpening reports „ opening quotation marks in English copy.
var LowOpening = &sdk.Rule{
	Name:      "low-opening-quote",
	Category:  sdk.CategoryQuotes,
	Severity:  sdk.Warning,
	Languages: sdk.English,
	Summary:   "a „ (low-9) opening quotation mark in English copy",
	Doc: `Reports the low-9 opening quotation mark „ (U+201E) in English copy. It is the
right opening mark in German, Polish, Czech and other languages, and it
survives machine translation and copy pasted from those editions, usually
paired with an English closing mark: „We are at a critical juncture,” the
official said.

The suggestion replaces it with the English opening mark: “ under the "curly"
or "any" house style, " under "straight". When the quotation is closed with
the German closing mark “, the suggestion fixes that too.

The rule reads English copy only, as the host decides the article's
language; when no language was decided, copy in which common English words
are rare is left alone.`,
	Example: sdk.Example{
		Before: "„We are at a critical juncture,” the official said.",
		After:  "“We are at a critical juncture,” the official said.",
	},
	Check: checkLowOpening,
}

func checkLowOpening(pass *sdk.Pass) {
	a := pass.Article
	if !strings.ContainsRune(a.Text, lowDouble) || !isEnglish(a) {
		return
	}
	style := styleOf(pass)
	openWith, closeWith := "“", "”"
	if style == Straight {
		openWith, closeWith = `"`, `"`
	}
	pq := paired.Of(pass)
	for _, i := range checkable(a) {
		for _, q := range pq[i].quotes {
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
	Name:      "unclosed-quote",
	Category:  sdk.CategoryQuotes,
	Severity:  sdk.Warning,
	Languages: []string{"en", "de"},
	Summary:   "a quotation opened and never closed",
	Doc: `Reports a double quotation mark that opens a quotation which is never closed:
another quotation opens before it ends, or the paragraph ends with the
quotation still open and the next paragraph does not reopen with a quotation
mark.

News convention is not an error: a quotation that runs over several
paragraphs leaves each paragraph open and reopens the next one with a
quotation mark, closing only at the end of the last. That holds whether the
quotation starts the paragraph or starts after an attribution in its middle
("...," Newton said. "They feel...), and in copy written one paragraph a
line as in copy with blank lines between paragraphs. A paragraph left open
is still reported when its quotation cannot be running on: the open text
ends in its own attribution ("That is the reason, Wilson said.") or it is a
partial quote that starts in lower case (called it "a gamble). A quotation
resumed after an attribution (he said, "because...) is not a partial quote.

A quotation in brackets inside another ("if ("Phantom") didn't") is
self-contained. A quotation closed by a single mark after punctuation
(fear,' even) was closed by the wire's '' and converted to one mark; it
counts as closed.

The attribution words (", he said", ", sagte er") are read from the
article's language: English and German.

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
	pq := paired.Of(pass)
	lang := attributionFor(a.Language)
	blocks := checkable(a)
	for k, i := range blocks {
		bq := pq[i]
		for _, q := range bq.unclosed {
			msg := "this quotation is not closed before the next one opens"
			if q.lineEnded {
				msg = "this quotation is never closed: the next quotation opens on a later line; add the closing mark where the quoted words end"
			}
			pass.Report(sdk.Diagnostic{Span: q.open.span(), Message: msg})
		}
		for _, r := range bq.running {
			// The next line reopens: a quotation running on, unless it
			// cannot be one.
			reportCannotRun(pass, lang, r.q.open, r.end)
		}
		if bq.trailing == nil {
			continue
		}
		open := bq.trailing.open
		next := k + 1
		for next < len(blocks) && furniture(a.BlockText(a.Blocks[blocks[next]])) {
			// A related link, an advertisement label or a subhead
			// between the two paragraphs of a running quotation.
			next++
		}
		if next < len(blocks) && opensWithQuote(a.BlockText(a.Blocks[blocks[next]])) {
			reportCannotRun(pass, lang, open, a.Blocks[i].Span.End)
			continue
		}
		pass.Report(sdk.Diagnostic{
			Span:    open.span(),
			Message: "this quotation is never closed: the paragraph ends and the next one does not reopen it",
		})
	}
}

// reportCannotRun reports a quotation left open at end, where the next
// paragraph reopens, when it cannot be running on: it ends in its own
// attribution ("..., he said.") or it is a partial quote, which starts in
// lower case and never runs over a paragraph.
func reportCannotRun(pass *sdk.Pass, lang *regexp.Regexp, open mark, end int) {
	a := pass.Article
	rest := a.Text[open.span().End:end]
	switch {
	case lang != nil && lang.MatchString(rest):
		pass.Report(sdk.Diagnostic{Span: open.span(), Message: "this quotation is never closed: close it before its attribution"})
	case partial(a.Text, open, rest):
		pass.Report(sdk.Diagnostic{Span: open.span(), Message: "this quotation is never closed: a partial quote cannot run on into the next paragraph"})
	}
}

// attribution patterns per language: the words that end a quotation and
// name its speaker (", he said", ", said the minister", ", Smith told
// reporters", ", the company said", ", according to"), built from
// data/LANG/attribution.txt on first use to keep the plugin's start-up
// cheap.
var attributionLangs = []string{"en", "de"}

var attributions = sync.OnceValue(func() map[string]*regexp.Regexp {
	out := map[string]*regexp.Regexp{}
	for _, l := range attributionLangs {
		s := wordlist.MustSections(dataFS, "data/"+l+"/attribution.txt", "verbs", "pronouns", "determiners", "phrases")
		alt := func(name string) string {
			var q []string
			for _, e := range s.Entries(name) {
				q = append(q, strings.ReplaceAll(regexp.QuoteMeta(e.Text), " ", `\s+`))
			}
			return "(?:" + strings.Join(q, "|") + ")"
		}
		verbs, prons, dets := alt("verbs"), alt("pronouns"), alt("determiners")
		out[l] = regexp.MustCompile(`[,?!]\s+(?:` +
			prons + `\s+` + verbs + `\b` +
			`|` + verbs + `\s+(?:` + prons + `\b|` + dets + `\s|\p{Lu})` +
			`|` + alt("phrases") + `\s` +
			`|` + dets + `\s+(?:[\p{L}'’-]+\s+){1,3}` + verbs + `\b` +
			`|(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}` + verbs + `\b)`)
	}
	return out
})

// attributionFor returns the attribution pattern of a language, English
// for an article whose language was not decided, nil for a language
// without one.
func attributionFor(lang string) *regexp.Regexp {
	if lang == "" {
		lang = "en"
	}
	return attributions()[strings.ToLower(lang)]
}

// partial reports whether a quotation starts in lower case: a few words
// quoted inside the writer's own sentence ("called it \"a gamble"). A
// quotation resumed after an attribution that interrupts it ("...," he
// said, "because...) starts in lower case too, but after a comma.
func partial(text string, open mark, rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsLower(r) {
		return false
	}
	before := strings.TrimRight(text[:open.pos], " \t")
	return !strings.HasSuffix(before, ",")
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

// Unopened reports closing quotation marks with no opening mark.
var Unopened = &sdk.Rule{
	Name:      "unopened-quote",
	Category:  sdk.CategoryQuotes,
	Severity:  sdk.Warning,
	Languages: []string{sdk.AnyLanguage},
	Summary:   "a closing quotation mark with no opening mark in its paragraph",
	Doc: `Reports a double quotation mark that closes a quotation no mark opened in its
paragraph: the opening mark was left out (...by the end of the week." she
said), or a bracket was closed with a quotation mark ((a mismatched pair”
like this).

A mark reads as closing when it follows a word or punctuation and is
followed by a space or punctuation. Not reported: a straight " after a
digit (an inch mark: 12"), a free-standing " between spaces (a ditto mark
in a table), a paragraph whose quotation was opened in the paragraph
before and not reopened (unclosed-quote reports that once, at its
opening), and a mark closing a quotation opened with a single mark
('The permit...," said): the wire's two opening backquotes, converted
to one mark.

The rule reads only quotation marks and works in any language whose
closing double mark is ” or ".`,
	Example: sdk.Example{
		Before: "The mayor said the work would be done by the end of the week.\" No date was set.",
		After:  "The mayor said \"the work would be done by the end of the week.\" No date was set.",
	},
	Check: checkUnopened,
}

func checkUnopened(pass *sdk.Pass) {
	a := pass.Article
	pq := paired.Of(pass)
	openBefore := false // the previous block left a quotation open
	for _, i := range checkable(a) {
		bq := pq[i]
		firstOpen := a.Blocks[i].Span.End
		if len(bq.quotes) > 0 {
			firstOpen = bq.quotes[0].open.pos
		}
		for _, m := range bq.stray {
			if openBefore && m.pos < firstOpen {
				continue // the quotation the paragraph before left open
			}
			msg := "this closing quotation mark has no opening mark in its paragraph"
			if br := unmatchedBracket(a.Text, a.Blocks[i].Span.Start, m.pos); br >= 0 {
				msg = "this quotation mark closes a bracket: ( is closed with " + string(m.r) + "; close it with ) or open a quotation"
			}
			pass.Report(sdk.Diagnostic{Span: m.span(), Message: msg})
		}
		openBefore = bq.trailing != nil
	}
}

// unmatchedBracket returns the offset of the last "(" in text[from:to]
// that no ")" closes, or -1.
func unmatchedBracket(text string, from, to int) int {
	var open []int
	for i := from; i < to; i++ {
		switch text[i] {
		case '(':
			open = append(open, i)
		case ')':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	if len(open) == 0 {
		return -1
	}
	return open[len(open)-1]
}

// Mixed reports quotations that break the house style, or the article's own
// style when the house takes either.
var Mixed = &sdk.Rule{
	Name:      "mixed-style",
	Category:  sdk.CategoryQuotes,
	Severity:  sdk.Info,
	Languages: []string{sdk.AnyLanguage},
	Summary:   "straight and curly double quotation marks mixed, or against the house style",
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
	pq := paired.Of(pass)
	for _, i := range checkable(a) {
		for _, q := range pq[i].quotes {
			if q.open.r == lowDouble || !q.closed || q.converted {
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
