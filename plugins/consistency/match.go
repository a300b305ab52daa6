package consistency

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
)

// occurrence is one form of a group found in the text.
type occurrence struct {
	g      *group
	style  int
	form   int // index of the inflection within its style
	span   sdk.Span
	quoted bool // inside a quotation, where copy may keep the source's wording
	// currency is the currency a form of a currency group names, from the
	// words before it: "Hong Kong" in "1.6 billion Hong Kong dollars", ""
	// for the wire's own currency ("dlrs", "U.S. dlrs").
	currency string
}

// scanned is what scan needs to know about an article whatever the groups:
// its blocks, the proper names in it, its text in lower case and the words
// present.
type scanned struct {
	blocks  []blockInfo
	named   []sdk.Span
	lower   string
	present map[string]bool
}

type blockInfo struct {
	span     sdk.Span
	quoted   []sdk.Span
	table    bool
	headline bool
}

// blockAt finds the block holding [st, en), or nil: forms are matched over
// the whole text at once and then placed.
func (sc *scanned) blockAt(st, en int) *blockInfo {
	blocks := sc.blocks
	i := sort.Search(len(blocks), func(i int) bool { return blocks[i].span.End >= en })
	if i < len(blocks) && blocks[i].span.Start <= st {
		return &blocks[i]
	}
	return nil
}

// found is every counted form of every group in one article, worked out
// once per article and shared by both rules.
type found struct {
	src     string       // the article's text
	all     []occurrence // in text order
	byGroup map[*group][]occurrence
}

var forms = &sdk.Analysis[*found]{Name: "consistency forms", Run: findForms}

func findForms(a *sdk.Article, state any) *found {
	cfg := configFrom(state)
	f := &found{src: a.Text, all: scan(a, prepare(a, cfg.names), cfg.groups), byGroup: map[*group][]occurrence{}}
	for _, o := range f.all {
		f.byGroup[o.g] = append(f.byGroup[o.g], o)
	}
	return f
}

// of returns the occurrences of the groups of the given kinds.
func (f *found) of(pred func(*group) bool) []occurrence {
	var out []occurrence
	for _, o := range f.all {
		if pred(o.g) {
			out = append(out, o)
		}
	}
	return out
}

func prepare(a *sdk.Article, names []string) *scanned {
	sc := &scanned{}
	for _, b := range a.Blocks {
		if b.Kind == article.Code {
			continue
		}
		table := looksTabular(a.Text[b.Span.Start:b.Span.End])
		switch b.Element {
		case "table", "thead", "tbody", "tr", "td", "th":
			table = true
		}
		sc.blocks = append(sc.blocks, blockInfo{span: b.Span, quoted: quotedSpans(a.Text, b.Span), table: table, headline: b.Kind == article.Headline})
	}
	// Proper names keep their own form whatever the article's style: the
	// US Open is the US Open even in copy that writes "U.S.".
	for _, n := range names {
		for off := 0; ; {
			i := strings.Index(a.Text[off:], n)
			if i < 0 {
				break
			}
			sc.named = append(sc.named, sdk.Span{Start: off + i, End: off + i + len(n)})
			off += i + len(n)
		}
	}
	sc.lower = asciiLower(a.Text)
	// Most forms do not occur in a given article: look each one up by its
	// first word before searching the text for it.
	sc.present = map[string]bool{}
	for _, w := range strings.FieldsFunc(sc.lower, func(r rune) bool { return !isWordRune(r) }) {
		sc.present[w] = true
	}
	return sc
}

// scan finds every counted occurrence of the groups' forms in the article.
func scan(a *sdk.Article, sc *scanned, groups []*group) []occurrence {
	named, lower, present := sc.named, sc.lower, sc.present
	blockAt := sc.blockAt
	var out []occurrence
	for _, g := range groups {
		for s, forms := range g.styles {
			for fi, f := range forms {
				if k := g.keys[s][fi]; k != "" && !present[k] {
					continue
				}
				hay, needle := a.Text, f
				if g.kind == wordKind || g.kind.spelling() {
					hay, needle = lower, asciiLower(f)
				}
				for off := 0; off < len(hay); {
					i := strings.Index(hay[off:], needle)
					if i < 0 {
						break
					}
					st, en := off+i, off+i+len(needle)
					off = st + 1
					b := blockAt(st, en)
					// A headline is written in headline style ("US" over a
					// body that writes "U.S.", "55%" over "percent"), which
					// says nothing about the body's abbreviations and
					// figures: it neither votes nor is reported. Its
					// spelling is the article's.
					if b == nil || b.headline && !g.kind.spelling() || within(named, st, en) || ((g.kind == numberKind || g.kind == currencyKind) && b.table) || !counts(a.Text, b.span, g, f, st, en) {
						continue
					}
					o := occurrence{g: g, style: s, form: fi, span: sdk.Span{Start: st, End: en}, quoted: inside(b.quoted, st)}
					if g.kind == currencyKind {
						o.currency = currencyBefore(a.Text[b.span.Start:st])
					}
					out = append(out, o)
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].span.Start < out[j].span.Start })
	return out
}

// counts decides whether the form f found at text[st:en] is a use of the
// term in the group's style, and not part of another word or form.
func counts(text string, blk sdk.Span, g *group, f string, st, en int) bool {
	prev, next := ' ', ' '
	if st > blk.Start {
		prev, _ = utf8.DecodeLastRuneInString(text[blk.Start:st])
	}
	if en < blk.End {
		next, _ = utf8.DecodeRuneInString(text[en:blk.End])
	}
	if f == "%" {
		// A percentage: after a figure, with or without a space.
		p := strings.TrimRight(text[blk.Start:st], " ")
		r, _ := utf8.DecodeLastRuneInString(p)
		return unicode.IsDigit(r)
	}
	if f == "dollars" {
		return afterAmount(text[blk.Start:st])
	}
	if greekPlural(f) && !afterSubject(text[blk.Start:st]) {
		// "analyses" is the plural of "analysis" in every spelling
		// system; only the verb ("she analyses") is British.
		return false
	}
	if isWordRune(prev) || prev == '.' && isWordRune(firstRune(f)) {
		return false
	}
	if isWordRune(next) {
		return false
	}
	if next == '.' && !strings.HasSuffix(f, ".") {
		// "Mr." is the other style of "Mr", and "U.S" is the start of
		// "U.S.". A full stop that ends the sentence after "US" is fine.
		if g.styleOf(f+".") >= 0 {
			return false
		}
		if en+1 < blk.End && isWordRune(rune(text[en+1])) {
			return false
		}
	}
	switch g.kind {
	case abbrKind, currencyKind:
		if next == '$' {
			return false // US$, a currency code
		}
		if isAllCaps(f) && shouting(text, blk, st, en) {
			return false
		}
	case spellingKind, izeKind:
		// Capitalised forms are mostly names that keep their own
		// spelling: the World Trade Center, the Labour Party.
		if unicode.IsUpper(firstRune(text[st:en])) {
			return false
		}
	case wordKind:
		// A capitalised form after a capitalised word, not at the start
		// of a sentence, is part of a name: America Online, the Official
		// Linda Tripp Web Site.
		if unicode.IsUpper(firstRune(text[st:en])) && inName(text[blk.Start:st]) {
			return false
		}
	}
	return true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters > 0
}

// shouting reports whether the text around st..en is set in capitals (a
// headline, a dateline, a label), where an all-capital form says nothing
// about how the article spells it: "US" in "US AND CHINA AGREE" may be the
// pronoun.
func shouting(text string, blk sdk.Span, st, en int) bool {
	from, to := st-30, en+30
	if from < blk.Start {
		from = blk.Start
	}
	if to > blk.End {
		to = blk.End
	}
	upper, letters := 0, 0
	for i, r := range text[from:to] {
		if from+i >= st && from+i < en {
			continue
		}
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 6 && upper*10 >= letters*7
}

// looksTabular reports whether a block is a table rather than prose: tabs,
// runs of spaces used as columns, rows between pipes, or lines that are
// mostly figures. Tables
// keep their own conventions (a % column beside "per cent" in the copy).
func looksTabular(s string) bool {
	if strings.ContainsRune(s, '\t') || strings.Contains(strings.TrimSpace(s), "   ") {
		return true
	}
	// A Markdown table read as a paragraph: rows of cells between pipes.
	rows := 0
	for _, line := range strings.Split(s, "\n") {
		if strings.Count(line, "|") >= 2 {
			rows++
		}
	}
	if rows >= 2 {
		return true
	}
	fields := strings.Fields(s)
	if len(fields) < 4 {
		return false
	}
	num := 0
	for _, f := range fields {
		if strings.IndexFunc(f, unicode.IsDigit) >= 0 {
			num++
		}
	}
	return num*2 > len(fields)
}

// quotedSpans returns the stretches of a block inside double quotation
// marks. A quotation still open at the end of the block runs to its end.
func quotedSpans(text string, blk sdk.Span) []sdk.Span {
	var out []sdk.Span
	open := -1
	for i, r := range text[blk.Start:blk.End] {
		pos := blk.Start + i
		switch r {
		case '“', '„':
			if open < 0 {
				open = pos
			}
		case '”':
			if open >= 0 {
				out = append(out, sdk.Span{Start: open, End: pos})
				open = -1
			}
		case '"':
			if open < 0 {
				open = pos
			} else {
				out = append(out, sdk.Span{Start: open, End: pos})
				open = -1
			}
		}
	}
	if open >= 0 {
		out = append(out, sdk.Span{Start: open, End: blk.End})
	}
	return out
}

func inside(spans []sdk.Span, pos int) bool {
	for _, s := range spans {
		if s.Start < pos && pos < s.End {
			return true
		}
	}
	return false
}

// asciiLower lowers ASCII letters only, so that offsets in the result are
// offsets in s (strings.ToLower may change the length of other letters).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func within(spans []sdk.Span, st, en int) bool {
	for _, s := range spans {
		if s.Start <= st && en <= s.End {
			return true
		}
	}
	return false
}

// firstWord is the first run of letters and digits in s, or "" (for "%").
func firstWord(s string) string {
	start := strings.IndexFunc(s, isWordRune)
	if start < 0 {
		return ""
	}
	end := strings.IndexFunc(s[start:], func(r rune) bool { return !isWordRune(r) })
	if end < 0 {
		return s[start:]
	}
	return s[start : start+end]
}

// amountWords end an amount that a currency word may follow.
// Figures in words count too: "almost three dollars below".
var amountWords = map[string]bool{"mln": true, "million": true, "billion": true, "bln": true, "trillion": true,
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "eleven": true, "twelve": true, "twenty": true, "thirty": true, "forty": true,
	"fifty": true, "hundred": true, "thousand": true, "few": true, "several": true}

// afterAmount reports whether before ends in an amount, directly or with one
// capitalised currency word between ("60 mln", "112 mln Canadian"), so that
// "dollars" there is a sum of money and not the currency in prose.
func afterAmount(before string) bool {
	fields := strings.Fields(before)
	for k := 0; k < 2 && k < len(fields); k++ {
		w := fields[len(fields)-1-k]
		r, _ := utf8.DecodeLastRuneInString(w)
		if unicode.IsDigit(r) || amountWords[w] {
			return true
		}
		if !unicode.IsUpper(firstRune(w)) {
			return false
		}
	}
	return false
}

// greekPlural reports whether a form is also the plural of a Greek noun in
// -sis, spelled the same in British and American English: "analyses"
// (analysis), "paralyses" (paralysis). The plural of an -isis noun is
// -ises ("crises") and has no -ize counterpart, so only -yses forms of the
// lists are ambiguous.
func greekPlural(form string) bool { return strings.HasSuffix(asciiLower(form), "yses") }

// subjects are the words after which a form in -yses is a verb: "it
// analyses", "a lab that analyses". After anything else ("post-mortem
// analyses", "two analyses of") it is read as the noun.
var subjects = map[string]bool{"he": true, "she": true, "it": true, "who": true, "which": true, "that": true, "also": true}

func afterSubject(before string) bool {
	fields := strings.Fields(before)
	return len(fields) > 0 && subjects[asciiLower(fields[len(fields)-1])]
}

// currencyBefore names the currency of a form from the capitalised words
// directly before it ("Hong Kong" dollars, "Canadian" dlrs). The wire's own
// currency, written bare or as "U.S." or "US", is "".
func currencyBefore(before string) string {
	fields := strings.Fields(before)
	var words []string
	for k := len(fields) - 1; k >= 0 && len(words) < 3; k-- {
		w := fields[k]
		open := strings.HasPrefix(w, "(")
		w = strings.TrimLeft(w, "(")
		if !unicode.IsUpper(firstRune(w)) || strings.ContainsAny(w, ",;:") {
			break
		}
		words = append([]string{w}, words...)
		if open {
			break
		}
	}
	switch c := strings.Join(words, " "); c {
	case "U.S.", "US", "American":
		return ""
	default:
		return c
	}
}

// text is the occurrence as written.
func (f *found) text(o occurrence) string { return f.src[o.span.Start:o.span.End] }

// shared reports whether the occurrence is a form both spelling systems
// write ("program"), which does not vote on the article's system.
func (o occurrence) shared() bool { return o.g.shared[o.g.styles[o.style][o.form]] }

// inName reports whether the text before a capitalised word ends in a
// capitalised word within the sentence, so that the two are one name.
func inName(before string) bool {
	fields := strings.Fields(before)
	if len(fields) == 0 {
		return false
	}
	prev := fields[len(fields)-1]
	last, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune(".!?:;\"”’)", last) {
		return false // the form opens a sentence or a quotation
	}
	prev = strings.TrimLeft(prev, "\"“‘(")
	return unicode.IsUpper(firstRune(prev)) && !determiners[asciiLower(prev)]
}

// determiners open a sentence with a capital without starting a name:
// "The Web site" is prose.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "its": true,
	"his": true, "her": true, "their": true, "our": true, "my": true, "your": true, "every": true, "each": true}
