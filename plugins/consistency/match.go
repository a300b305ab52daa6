package consistency

import (
	"sort"
	"strings"
	"sync"
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
}

// scanned is what scan needs to know about an article whatever the groups:
// its blocks, the proper names in it, its text in lower case and the words
// present. Both rules scan (spelling-system twice), so it is worked out
// once per article.
type scanned struct {
	blocks  []blockInfo
	named   []sdk.Span
	lower   string
	present map[string]bool
}

type blockInfo struct {
	span   sdk.Span
	quoted []sdk.Span
	table  bool
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

// The last article prepared, for the next rule's scan of it. Holding the
// article keeps its address from being reused by another.
var (
	cacheMu    sync.Mutex
	cacheArt   *sdk.Article
	cacheText  string
	cacheNames []string
	cacheScan  *scanned
)

func prepared(a *sdk.Article, names []string) *scanned {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if cacheScan != nil && cacheArt == a && cacheText == a.Text && sameStrings(cacheNames, names) {
		return cacheScan
	}
	sc := prepare(a, names)
	cacheArt, cacheText, cacheNames, cacheScan = a, a.Text, names, sc
	return sc
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
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
		sc.blocks = append(sc.blocks, blockInfo{span: b.Span, quoted: quotedSpans(a.Text, b.Span), table: table})
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
func scan(a *sdk.Article, groups []*group, names []string) []occurrence {
	sc := prepared(a, names)
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
					if b == nil || within(named, st, en) || (g.kind == numberKind && b.table) || !counts(a.Text, b.span, g, f, st, en) {
						continue
					}
					out = append(out, occurrence{g: g, style: s, form: fi, span: sdk.Span{Start: st, End: en}, quoted: inside(b.quoted, st)})
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
	case abbrKind:
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
