// Package repetition is copydesk's built-in repetition plugin: it finds words
// and phrases written twice in a row ("the the", "if we want to make sure, if
// we want to make sure"), the trace of a botched edit or a paste that landed
// twice.
package repetition

import (
	"embed"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/wordlist"
	"github.com/copydesk/copydesk/plugins/quotes"
)

// Plugin is the repetition ruleset.
var Plugin = &sdk.Plugin{
	Name:    "repetition",
	Version: "0.1.0",
	Doc:     "Words and phrases repeated by accident.",
	Rules:   []*sdk.Rule{DoubledWord, RepeatedPhrase},
}

//go:embed data
var dataFS embed.FS

// languages are the languages with word lists in data/LANG/.
var languages = []string{"en", "de"}

// lists are one language's word lists: the function words, and the words
// that may follow themselves, by the reason they may (data/LANG/doubled.txt
// documents each section).
type lists struct {
	function     map[string]bool
	grammatical  map[string]bool
	cleft        map[string]bool
	cleftOpeners map[string]bool
	emphatic     map[string]bool
	particles    map[string]bool
	afterObject  map[string]bool
	objects      map[string]bool
	reduplicated map[string]bool
	phrases      map[string]bool
	coordinators map[string]bool
	relative     map[string]bool
	clauseComma  map[string]bool
	prepositions map[string]bool
	ranges       [][2]string // {"from", "to"}
}

// The lists are parsed on first use, not at package load: the plugin
// process is started on every run.
var allLists = sync.OnceValue(func() map[string]*lists {
	out := map[string]*lists{}
	for _, l := range languages {
		d := wordlist.MustSections(dataFS, "data/"+l+"/doubled.txt", "grammatical", "cleft", "cleft-openers",
			"emphatic", "particles", "particles-after-object", "objects", "reduplicated", "phrases",
			"coordinators", "ranges", "relative", "prepositions", "clause-comma")
		set := func(name string) map[string]bool {
			m := map[string]bool{}
			for _, e := range d.Entries(name) {
				m[strings.ToLower(e.Text)] = true
			}
			return m
		}
		ls := &lists{
			function:     wordlist.MustSet(dataFS, "data/"+l+"/function.txt", wordlist.Lower),
			grammatical:  set("grammatical"),
			cleft:        set("cleft"),
			cleftOpeners: set("cleft-openers"),
			emphatic:     set("emphatic"),
			particles:    set("particles"),
			afterObject:  set("particles-after-object"),
			objects:      set("objects"),
			reduplicated: set("reduplicated"),
			phrases:      set("phrases"),
			coordinators: set("coordinators"),
			relative:     set("relative"),
			clauseComma:  set("clause-comma"),
			prepositions: set("prepositions"),
		}
		for _, e := range d.Entries("ranges") {
			f := strings.Fields(strings.ToLower(e.Text))
			if len(f) != 2 {
				panic("repetition: data/" + l + "/doubled.txt:" + strconv.Itoa(e.Line) + ": a [ranges] line is two words, the range's opening and closing word")
			}
			ls.ranges = append(ls.ranges, [2]string{f[0], f[1]})
		}
		out[l] = ls
	}
	return out
})

// listsFor returns the lists of the article's language as the host decided
// it; English for a language without lists and for an article whose
// language was not decided.
func listsFor(a *sdk.Article) *lists {
	all := allLists()
	if ls, ok := all[strings.ToLower(a.Language)]; ok {
		return ls
	}
	return all["en"]
}

// word is one word of a block: a run of letters and digits, with internal
// apostrophes, hyphens and dots kept ("Korea's", "bye-bye", "U.S").
type word struct {
	start, end int
	lower      string
}

func words(text string, from, to int) []word {
	var out []word
	i := from
	for i < to {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		for i < to {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += n
				continue
			}
			// A joiner counts only between two word characters.
			if isJoiner(r) && i+n < to {
				r2, _ := utf8.DecodeRuneInString(text[i+n:])
				if isWordRune(r2) {
					i += n
					continue
				}
			}
			break
		}
		out = append(out, word{start: start, end: i, lower: strings.ToLower(text[start:i])})
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isJoiner(r rune) bool {
	return r == '\'' || r == '’' || r == '-' || r == '‐' || r == '.'
}

// checkRepeats reports the repeats of minLen to maxLen words. Both rules
// find every repeat, longest first, so that a phrase is never also
// reported as a doubled word, and each keeps the ones of its own length.
func checkRepeats(pass *sdk.Pass, minLen, maxLen int) {
	f := found.Of(pass)
	for _, r := range f.repeats {
		if n := r.n; minLen <= n && n <= maxLen {
			report(pass, f.quoted, r.ws[r.i:r.i+n], r.ws[r.i+n:r.i+2*n])
		}
	}
}

// repeat is a run of n words at ws[i] followed by a copy of itself.
type repeat struct {
	ws   []word
	i, n int
}

// findings are the repeats of one article and its quotations.
type findings struct {
	repeats []repeat
	quoted  []sdk.Span
}

// found is shared by the two rules: one pass over the article finds every
// repeat.
var found = &sdk.Analysis[findings]{
	Name: "repetition: repeats",
	Run: func(a *sdk.Article, _ any) findings {
		ls := listsFor(a)
		var out []repeat
		for _, b := range a.Blocks {
			if b.Kind == article.Code {
				continue
			}
			ws := words(a.Text, b.Span.Start, b.Span.End)
			for i := 0; i < len(ws); {
				n, skip := repeatAt(a.Text, ls, ws, i)
				if n == 0 {
					i += skip
					continue
				}
				out = append(out, repeat{ws, i, n})
				i += 2 * n
			}
		}
		var q []sdk.Span
		if len(out) > 0 {
			q = quotes.Spans(a)
		}
		return findings{repeats: out, quoted: q}
	},
}

func report(pass *sdk.Pass, quoted []sdk.Span, first, second []word) {
	a := pass.Article
	n := len(first)
	dup := sdk.Span{Start: second[0].start, End: second[n-1].end}
	phrase := a.Text[first[0].start:first[n-1].end]
	msg := "\"" + phrase + "\" is repeated"
	for _, q := range quoted {
		if q.Start <= first[0].start && dup.End <= q.End {
			msg += " in quoted speech: check the quotation against its source before changing it"
			break
		}
	}
	pass.Report(sdk.Diagnostic{
		Span:    dup,
		Message: msg,
		Suggestions: []sdk.Suggestion{{
			Span:        sdk.Span{Start: first[n-1].end, End: dup.End},
			Replacement: "",
			Description: "delete the repeated \"" + a.Text[dup.Start:dup.End] + "\"",
		}},
		Related: []sdk.Related{{Span: sdk.Span{Start: first[0].start, End: first[n-1].end}, Message: "first copy"}},
	})
}

// repeatAt returns the length n of the longest run of words starting at i
// that is immediately followed by a copy of itself and is not a legitimate
// repetition, or 0 and how many words to move on: past a run said three
// times, all three copies.
func repeatAt(text string, ls *lists, ws []word, i int) (int, int) {
	for n := maxPhrase; n >= 1; n-- {
		if i+2*n > len(ws) {
			continue
		}
		if !sameRun(text, ws[i:i+n], ws[i+n:i+2*n]) {
			continue
		}
		gap, ok := between(text, ws, i, n)
		if !ok {
			continue
		}
		if k := thirdCopy(text, ws, i, n); k > 0 {
			// Said three times: rhetoric, not a slip ("fought it and
			// fought it and fought it", "yada yada yada").
			return 0, 2*n + k
		}
		if legitimate(text, ls, ws, i, n, gap) {
			// A legitimate short double ("had had") does not excuse a
			// longer repeat starting at the same word, but nothing
			// shorter would be a better reading either.
			return 0, 1
		}
		return n, 0
	}
	return 0, 1
}

// between returns the text between the run of n words at ws[i] and its
// copy, and whether it lets them read as an immediate repeat.
func between(text string, ws []word, i, n int) (string, bool) {
	gap := text[ws[i+n-1].end:ws[i+n].start]
	if isSeparator(gap) {
		return gap, true
	}
	// The copied run may carry punctuation of its own at either end,
	// repeated with it: "75 cts (U.S.), 75 cts (U.S.)", "- Finance
	// Minister, - Finance Minister".
	core, ok := trimCarried(text, ws[i], ws[i+2*n-1], gap)
	if !ok || !isSeparator(core) {
		return "", false
	}
	return core, true
}

// thirdCopy returns how many words of a third copy follow the two copies of
// the run of n words at ws[i]: all n for a run of one or two words, at
// least n-1 for a longer run ("fought it and / fought it and / fought it"),
// or 0.
func thirdCopy(text string, ws []word, i, n int) int {
	need := n
	if n > 2 {
		need = n - 1
	}
	j := i + 2*n
	if j+need > len(ws) || !isSeparator(text[ws[j-1].end:ws[j].start]) {
		return 0
	}
	k := 0
	for k < n && j+k < len(ws) && ws[j+k].lower == ws[i+k].lower {
		k++
	}
	if k < need {
		return 0
	}
	return k
}

// sameRun reports whether two runs of words read the same, ignoring the
// amount of white space between words and the case of the first word. A
// later word capitalised in one copy and not in the other starts a sentence
// in one of them ("Drahtzieher Der Drahtzieher der"): different text.
func sameRun(text string, x, y []word) bool {
	for k := range x {
		if x[k].lower != y[k].lower {
			return false
		}
		if k > 0 {
			if upperAt(text, x[k].start) != upperAt(text, y[k].start) {
				return false
			}
			gx := strings.Join(strings.Fields(text[x[k-1].end:x[k].start]), " ")
			gy := strings.Join(strings.Fields(text[y[k-1].end:y[k].start]), " ")
			if gx != gy {
				return false
			}
		}
	}
	return true
}

func upperAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsUpper(r)
}

// trimCarried strips from the gap between two copies the punctuation that
// belongs to the copied run: a tail that also follows the second copy (a
// closing bracket, an apostrophe, a dash) and a head that also precedes the
// first (an opening dash or ellipsis). first is the first copy's first word,
// last the second copy's last.
func trimCarried(text string, first, last word, gap string) (string, bool) {
	after := text[last.end:]
	tail := 0
	for tail < len(gap) && tail < len(after) && gap[tail] == after[tail] && !isSepByte(gap[tail]) {
		tail++
	}
	before := text[:first.start]
	head := 0
	for head < len(gap)-tail && head < len(before) && gap[len(gap)-1-head] == before[len(before)-1-head] && (head == 0 && gap[len(gap)-1] == ' ' || !isSepByte(gap[len(gap)-1-head])) {
		head++
	}
	// Punctuation that ends a sentence makes the copies two sentences:
	// emphasis ("I am saved! I am saved!"), not a paste.
	if strings.ContainsAny(gap[:tail], "!?") || strings.HasSuffix(gap[:tail], ".") || strings.ContainsAny(gap[len(gap)-head:], "!?.") {
		return "", false
	}
	// Keep the space that separates the head from the second copy.
	if head > 0 && gap[len(gap)-1] == ' ' {
		head--
		if head == 0 {
			return gap[tail:], tail > 0
		}
		return gap[tail:len(gap)-1-head] + " ", true
	}
	return gap[tail : len(gap)-head], tail > 0 || head > 0
}

func isSepByte(b byte) bool { return b == ' ' || b == ',' || b == ';' || b == ':' || b == '\t' }

// isSeparator reports whether the text between two copies lets them read as
// an immediate repeat: white space, with at most two commas, semicolons or
// colons (a paste that doubled a phrase often doubles its comma too:
// "a year earlier,, a year earlier,").
func isSeparator(gap string) bool {
	if gap == "" {
		return false
	}
	punct := 0
	for _, r := range gap {
		switch {
		case r == ',' || r == ';' || r == ':':
			punct++
		case unicode.IsSpace(r):
		default:
			return false
		}
	}
	return punct <= 2
}

// legitimate reports whether the run of n words at ws[i], followed by its
// copy with gap between them, is a repetition good copy makes, for a
// reason its context shows.
func legitimate(text string, ls *lists, ws []word, i, n int, gap string) bool {
	first, second := ws[i:i+n], ws[i+n:i+2*n]
	phrase := joinLower(first)
	if ls.phrases[phrase] || ls.reduplicated[phrase] {
		return true
	}
	allNumbers := true
	for _, w := range first {
		if !isNumber(w.lower) {
			allNumbers = false
		}
	}
	if allNumbers {
		return true
	}
	comma := strings.ContainsAny(gap, ",;:")
	if !comma && titleCase(text, ls, second) {
		// A capitalised copy with nothing between the copies reads as a
		// name or a title: "Walla Walla", "New York New York". A run
		// that opens in lower case or has lower-case content words is
		// copy ("on Australia in on Australia in").
		return true
	}
	if strings.Contains(gap, "\n") && upperAt(text, second[0].start) && !upperAt(text, first[0].start) {
		// A heading line ending in the words its paragraph opens with:
		// "Martin Margiela for Men" / "For men who...".
		return true
	}
	if upperAt(text, first[0].start) && !upperAt(text, second[0].start) && !sentenceStart(text, first[0].start) &&
		!(ls.function[first[0].lower] && strings.TrimSpace(gap) == "") {
		// A capitalised word inside a sentence before its lower-case
		// double is a name or a noun, the double another word:
		// "influenza A, a viral", "Die Macht macht", "der Klug klug".
		// Not a function word doubled with nothing between: "Read more:
		// The the council" is a slip after a colon.
		return true
	}
	if inRange(text, ls, ws, i, n) {
		return true
	}
	if n == 2 {
		// One content word and a coordinator, doubled: "And on and on",
		// "Tag und Nacht und Nacht".
		a, b := first[0].lower, first[1].lower
		if ls.coordinators[a] && !ls.function[b] || ls.coordinators[b] && !ls.function[a] {
			return true
		}
	}
	if n > 1 {
		return false
	}
	return legitimateWord(text, ls, ws, i, comma)
}

// sentenceStart reports whether text[i] opens a sentence: only quotation
// marks, brackets and blanks stand between it and the start of the text, a
// line, or a full stop, question or exclamation mark.
func sentenceStart(text string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case r == '\n' || r == '.' || r == '!' || r == '?':
			return true
		case unicode.IsSpace(r) || strings.ContainsRune("\"“”„'‘’([—–-", r):
			i -= n
		default:
			return false
		}
	}
	return true
}

// sentenceWords returns the words of ws before ws[i] in its sentence.
func sentenceWords(text string, ws []word, i int) []word {
	k := i
	for k > 0 {
		g := text[ws[k-1].end:ws[k].start]
		if strings.ContainsAny(g, ".!?\n") {
			break
		}
		k--
	}
	return ws[k:i]
}

// inRange reports a repeat that a range explains: "from country to country
// to" (the run is X and the range's closing word, after the opening word),
// or a run that starts with the closing word of a range opened earlier in
// the sentence ("from 25 years to life in prison, to life in prison
// without parole").
func inRange(text string, ls *lists, ws []word, i, n int) bool {
	for _, r := range ls.ranges {
		if n == 2 && ws[i+1].lower == r[1] && i > 0 && ws[i-1].lower == r[0] {
			return true
		}
		if ws[i].lower != r[1] {
			continue
		}
		for _, w := range sentenceWords(text, ws, i) {
			if w.lower == r[0] {
				return true
			}
		}
	}
	return false
}

// titleCase reports whether a run capitalises every word but the function
// words and ends on a capitalised one, as names and titles do ("Walla
// Walla", "for Measure" in "Measure for Measure"); "on Australia in" is
// copy.
func titleCase(text string, ls *lists, ws []word) bool {
	for k, w := range ws {
		r, _ := utf8.DecodeRuneInString(text[w.start:])
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			continue
		}
		if k == len(ws)-1 || !ls.function[w.lower] {
			return false
		}
	}
	return true
}

func joinLower(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.lower
	}
	return strings.Join(parts, " ")
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '.' && r != '-' {
			return false
		}
	}
	return true
}
