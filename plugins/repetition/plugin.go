// Package repetition is copydesk's built-in repetition plugin: it finds words
// and phrases written twice in a row ("the the", "if we want to make sure, if
// we want to make sure"), the trace of a botched edit or a paste that landed
// twice.
package repetition

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
)

// Plugin is the repetition ruleset.
var Plugin = &sdk.Plugin{
	Name:    "repetition",
	Version: "0.1.0",
	Doc:     "Words and phrases repeated by accident.",
	Rules:   []*sdk.Rule{DoubledWord, RepeatedPhrase},
}

//go:embed allowed.txt
var allowedData string

//go:embed function_words.txt
var functionData string

// The word lists are parsed on first use, not at package load: the plugin
// process is started on every run and most runs never reach this code path
// before the first article arrives anyway.
var (
	listsOnce sync.Once
	allowed   map[string]bool
	function  map[string]bool
)

func loadLists() {
	allowed = readList(allowedData)
	function = readList(functionData)
}

func readList(data string) map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out[strings.ToLower(line)] = true
	}
	return out
}

// maxPhrase is the longest run of words checked for an immediate repeat.
// Pasted-twice fragments in copy are clauses, rarely longer than this;
// checking longer runs costs little, since most fail on the first word.
const maxPhrase = 25

// DoubledWord reports a single word immediately followed by itself.
var DoubledWord = &sdk.Rule{
	Name:     "doubled-word",
	Category: sdk.CategoryRepetition,
	Severity: sdk.Warning,
	Summary:  "a word immediately repeated (\"the the\")",
	Doc: `Reports a word immediately followed by the same word, ignoring case: "the
the", "to, to". It is the commonest slip of fast editing, and spell checkers
pass it.

The suggestion deletes the second copy with the space or comma before it.

Legitimate doubles are left alone:
  - grammatical doubles such as "had had", "that that" and "what it is is";
  - emphasis such as "very, very", "many, many" and "no, no", and any single
    content word repeated after a comma ("slowly, slowly"); after a comma
    only function words ("the, the") are flagged;
  - reduplicated words and names: "bye-bye" (one hyphenated word), "Walla
    Walla", "Sirhan Sirhan" (a capitalised second copy is taken for a name);
  - numbers ("10 10" in a table).
The allowed words live in allowed.txt and the function words in
function_words.txt, both embedded in the plugin. Longer repeats are
repeated-phrase's.`,
	Example: sdk.Example{
		Before: "The council approved the the budget on Tuesday.",
		After:  "The council approved the budget on Tuesday.",
	},
	Check: func(p *sdk.Pass) { checkRepeats(p, 1, 1) },
}

// RepeatedPhrase reports a run of words immediately followed by itself.
var RepeatedPhrase = &sdk.Rule{
	Name:     "repeated-phrase",
	Category: sdk.CategoryRepetition,
	Severity: sdk.Warning,
	Summary:  "a phrase immediately repeated (\"the result of, the result of\")",
	Doc: `Reports a run of two or more words that is immediately followed by an
identical copy, ignoring case and allowing only spaces and up to two commas,
semicolons or colons between the two copies. Such doubles are the trace of
an edit that was not finished or of a paste that landed twice:

    Just before the Olympics, the pair dramatically missed, pair dramatically
    missed another test.

The suggestion deletes the second copy with the separator before it.

Copies with nothing but spaces between them are left alone when the second
copy has a capital letter: they read as a title or a name ("Measure for
Measure", "New York New York"). Phrases listed in allowed.txt are never
reported, nor are runs of numbers. Single words are doubled-word's.`,
	Example: sdk.Example{
		Before: "He said the inflow of funds is the result of, the result of confidence in the country.",
		After:  "He said the inflow of funds is the result of confidence in the country.",
	},
	Check: func(p *sdk.Pass) { checkRepeats(p, 2, maxPhrase) },
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
	for _, r := range repeatsOf(pass.Article) {
		if n := r.n; minLen <= n && n <= maxLen {
			report(pass, r.ws[r.i:r.i+n], r.ws[r.i+n:r.i+2*n])
		}
	}
}

// repeat is a run of n words at ws[i] followed by a copy of itself.
type repeat struct {
	ws   []word
	i, n int
}

// The two rules read the same repeats, found in one pass over the article
// and kept for the last article (holding it keeps its address from being
// reused by another).
var (
	cacheMu      sync.Mutex
	cacheArt     *sdk.Article
	cacheText    string
	cacheRepeats []repeat
)

func repeatsOf(a *sdk.Article) []repeat {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if cacheArt == a && cacheText == a.Text {
		return cacheRepeats
	}
	listsOnce.Do(loadLists)
	var out []repeat
	for _, b := range a.Blocks {
		if b.Kind == article.Code {
			continue
		}
		ws := words(a.Text, b.Span.Start, b.Span.End)
		for i := 0; i < len(ws); {
			n := repeatAt(a.Text, ws, i)
			if n == 0 {
				i++
				continue
			}
			out = append(out, repeat{ws, i, n})
			i += 2 * n
		}
	}
	cacheArt, cacheText, cacheRepeats = a, a.Text, out
	return out
}

func report(pass *sdk.Pass, first, second []word) {
	a := pass.Article
	n := len(first)
	dup := sdk.Span{Start: second[0].start, End: second[n-1].end}
	phrase := a.Text[first[0].start:first[n-1].end]
	pass.Report(sdk.Diagnostic{
		Span:    dup,
		Message: "\"" + phrase + "\" is repeated",
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
// repetition, or 0.
func repeatAt(text string, ws []word, i int) int {
	for n := maxPhrase; n >= 1; n-- {
		if i+2*n > len(ws) {
			continue
		}
		if !sameRun(text, ws[i:i+n], ws[i+n:i+2*n]) {
			continue
		}
		gap := text[ws[i+n-1].end:ws[i+n].start]
		if !isSeparator(gap) {
			// The copied run may carry punctuation of its own at
			// either end, repeated with it: "75 cts (U.S.), 75 cts
			// (U.S.)", "- Finance Minister, - Finance Minister".
			core, ok := trimCarried(text, ws[i], ws[i+2*n-1], gap)
			if !ok || !isSeparator(core) {
				continue
			}
			gap = core
		}
		if legitimate(text, ws[i:i+n], ws[i+n:i+2*n], gap) {
			// A legitimate short double ("had had") does not excuse a
			// longer repeat starting at the same word, but nothing
			// shorter would be a better reading either.
			return 0
		}
		return n
	}
	return 0
}

// sameRun reports whether two runs of words read the same, ignoring case and
// the amount of white space between words.
func sameRun(text string, x, y []word) bool {
	for k := range x {
		if x[k].lower != y[k].lower {
			return false
		}
		if k > 0 {
			gx := strings.Join(strings.Fields(text[x[k-1].end:x[k].start]), " ")
			gy := strings.Join(strings.Fields(text[y[k-1].end:y[k].start]), " ")
			if gx != gy {
				return false
			}
		}
	}
	return true
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

func legitimate(text string, first, second []word, gap string) bool {
	phrase := joinLower(first)
	if allowed[phrase] {
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
	if !comma && titleCase(text, second) {
		// A capitalised copy with nothing between the copies reads as a
		// name or a title: "Walla Walla", "New York New York". A run
		// that opens in lower case or has lower-case content words is
		// copy ("on Australia in on Australia in").
		return true
	}
	if len(first) > 1 {
		return false
	}
	// One word.
	r, _ := utf8.DecodeRuneInString(text[second[0].start:])
	if unicode.IsUpper(r) {
		return true // "Sirhan, Sirhan" or a heading in capitals
	}
	if comma && !function[phrase] {
		return true // emphasis: "slowly, slowly"
	}
	return false
}

// titleCase reports whether a run capitalises every word but the function
// words and ends on a capitalised one, as names and titles do ("Walla
// Walla", "for Measure" in "Measure for Measure"); "on Australia in" is
// copy.
func titleCase(text string, ws []word) bool {
	for k, w := range ws {
		r, _ := utf8.DecodeRuneInString(text[w.start:])
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			continue
		}
		if k == len(ws)-1 || !function[w.lower] {
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
