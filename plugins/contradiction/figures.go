package contradiction

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// RestatedFigure flags a passage restated later with a different figure.
var RestatedFigure = &sdk.Rule{
	Name:     "restated-figure",
	Category: sdk.CategoryContradiction,
	Severity: sdk.Warning,
	Summary:  "a passage is restated later in the article with a different figure",
	Doc: `A sentence, or a long run of one, that comes back later in the article word
for word except for a figure: "the survey puts the ruling party at 41
percent and the opposition at 33 percent" in one paragraph and "... the
opposition at 23 percent" in a later one. Recaps ("As mentioned, ...", "To recap, ...") are where it
happens: the copy is re-keyed and a figure slips.

News copy is full of different numbers with the same unit, so the rule
demands much more than a shared noun: at least eight words in the same order
around the figure, with only figures differing, covering most of the later
sentence. "12 people were killed and 15 injured", ranges and updates ("rose
from 12 to 15") never qualify. The finding sits on the later figure and
points at the earlier one.`,
	Example: sdk.Example{
		Before: "Exporters have pushed copper cathodes above 8,200 dollars a tonne this week. ... As noted, exporters have pushed copper cathodes above 8,700 dollars a tonne this week.",
		After:  "Exporters have pushed copper cathodes above 8,200 dollars a tonne this week. ... As noted, exporters have pushed copper cathodes above 8,200 dollars a tonne this week.",
	},
	Languages: sdk.English,
	Check:     checkRestatedFigure,
}

// Thresholds for a restatement: the shared run of words (figures masked) must
// be this long, cover this share of the later sentence's words and all of
// the earlier sentence but maxEarlierLoss words at its start, so two
// sentences that merely share a template ("Net profit 5.3 mln vs 4.2 mln")
// do not count.
const (
	minSharedRun   = 8
	minRunCoverage = 0.7
	maxEarlierLoss = 2
	maxLeadIn      = 6
)

// commaBefore reports whether a comma, colon, dash or quotation mark opens a
// clause right before word k of s.
// A conjunction after the comma still opens one: ", and officials said".
func commaBefore(text string, s figureSentence, k int) bool {
	gap := text[s.words[k-1].end:s.words[k].start]
	// " - " is the wire's dateline dash: "LONDON, March 26 - Britain's ...".
	if strings.ContainsAny(gap, ",:;—–\"“”") || strings.Contains(gap, " - ") {
		return true
	}
	switch s.words[k-1].lower() {
	case "and", "but", "while", "whereas", "as":
		return k >= 2 && commaBefore(text, s, k-1)
	}
	return false
}

// figureSentence is a sentence read as words, figures masked as "#".
type figureSentence struct {
	block int
	words []token
	shape []string
}

// numberWords are figures spelled out, with their value, so "six" and "6"
// are one figure.
var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
	"fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
	"nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
	"seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100", "dozen": "12",
}

// isFigureWord reports whether a word, given in lower case and as written,
// states a quantity: "12", "1,200", "six", and words carrying digits such as
// "5m", "1.8bn" or "20th".
func isFigureWord(lower, text string) bool {
	_, spelled := numberWords[lower]
	return spelled || strings.ContainsAny(text, "0123456789")
}

func readFigures(sents []proseSentence) []figureSentence {
	out := make([]figureSentence, 0, len(sents))
	for _, s := range sents {
		fs := figureSentence{block: s.block}
		for _, t := range s.toks {
			if !t.word {
				continue
			}
			fs.words = append(fs.words, t)
			if w := t.lower(); isFigureWord(w, t.text) {
				fs.shape = append(fs.shape, "#")
			} else {
				fs.shape = append(fs.shape, w)
			}
		}
		out = append(out, fs)
	}
	return out
}

func checkRestatedFigure(pass *sdk.Pass) {
	sents := readFigures(sentencesOf.Of(pass))
	// Only sentences that share a run of gramLen words with an
	// earlier one are compared word by word, so long copy stays fast.
	seen := map[uint64][]int{}
	for j := range sents {
		later := sents[j]
		if len(later.shape) < minSharedRun || !hasFigure(later) {
			continue
		}
		candidates := map[int]bool{}
		gs := grams(later.shape)
		for _, g := range gs {
			for _, i := range seen[g] {
				candidates[i] = true
			}
		}
		for _, g := range gs {
			seen[g] = append(seen[g], j)
		}
		for i := 0; i < j; i++ {
			earlier := sents[i]
			if !candidates[i] {
				continue
			}
			ei, li, n := longestCommonRun(earlier.shape, later.shape)
			if n < minSharedRun || float64(n) < minRunCoverage*float64(len(later.shape)) {
				continue
			}
			// A restatement copies the whole earlier sentence, or the later
			// sentence is a lead-in ("As mentioned,") plus a whole clause
			// of the earlier one. Two sentences built on one template
			// ("Net profit in the first quarter ...", "... in the second
			// quarter ...") share only a frame and qualify as neither.
			// The copy runs to the end of the earlier sentence: two
			// sentences that differ in their last words ("in the morning
			// session", "in the afternoon session") report two things,
			// and so do three or more sentences on one template.
			whole := ei <= maxEarlierLoss && ei+n == len(earlier.shape)
			clause := li+n == len(later.shape) && li <= maxLeadIn &&
				(li == 0 || commaBefore(pass.Article.Text, later, li)) &&
				(ei == 0 || commaBefore(pass.Article.Text, earlier, ei))
			if !whole && !clause {
				continue
			}
			if li > 0 && datedApart(stateOf(pass), later.shape[:li]) {
				continue
			}
			if parallelList(sents, later.shape[li:li+n]) {
				continue
			}
			if reportFigureChange(pass, earlier, later, ei, li, n) {
				break
			}
		}
	}
}

// parallelList reports whether three or more sentences of the article
// share the run: a template that describes several things in turn ("It has
// an average life of 7.11 years and matures 2018." for each tranche of an
// offering), not one passage restated.
func parallelList(sents []figureSentence, run []string) bool {
	key := " " + strings.Join(run, " ") + " "
	n := 0
	for _, s := range sents {
		if len(s.shape) >= len(run) && strings.Contains(" "+strings.Join(s.shape, " ")+" ", key) {
			n++
		}
	}
	return n >= 3
}

// gramLen is the length of the word n-grams that pick candidate pairs: a run
// of minSharedRun words contains one.
const gramLen = 4

// grams returns the distinct word n-grams of a shape, each as a hash: two
// sentences that share a gram share its hash, and a collision only adds a
// candidate that the word-by-word comparison then turns down.
func grams(shape []string) []uint64 {
	var out []uint64
	done := map[uint64]bool{}
	for i := 0; i+gramLen <= len(shape); i++ {
		g := gramHash(shape[i : i+gramLen])
		if !done[g] {
			done[g] = true
			out = append(out, g)
		}
	}
	return out
}

// gramHash is FNV-1a over the words, each followed by a zero byte.
func gramHash(words []string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			h = (h ^ uint64(w[i])) * prime
		}
		h *= prime // the separator: XOR with 0, then multiply
	}
	return h
}

func hasFigure(s figureSentence) bool {
	for _, w := range s.shape {
		if w == "#" {
			return true
		}
	}
	return false
}

// reportFigureChange compares the figures of the shared run and reports the
// one that differs. When more than one differs the two sentences state two
// facts on one template ("Sales rose 11% to 292 billion yen from 263
// billion yen" and "Net income rose 31% to 7.6 billion yen from 5.8 billion
// yen"): a re-keyed restatement slips one figure, not all of them.
func reportFigureChange(pass *sdk.Pass, earlier, later figureSentence, ei, li, n int) bool {
	at := -1
	for k := 0; k < n; k++ {
		if earlier.shape[ei+k] != "#" || sameFigure(earlier.words[ei+k].text, later.words[li+k].text) {
			continue
		}
		if at >= 0 {
			return false // a second figure differs too
		}
		at = k
	}
	if at < 0 {
		return false
	}
	e, l := earlier.words[ei+at], later.words[li+at]
	pass.Report(sdk.Diagnostic{
		Span: sdk.Span{Start: l.start, End: l.end},
		Message: fmt.Sprintf("%q restates an earlier passage (%q) with a different figure: %s there, %s here",
			phraseAround(later, li+at), phraseAround(earlier, ei+at), e.text, l.text),
		Related: []sdk.Related{{
			Span:    sdk.Span{Start: e.start, End: e.end},
			Message: fmt.Sprintf("the same passage gives %s here", e.text),
		}},
	})
	return true
}

// phraseAround returns a few words either side of word k, for messages.
func phraseAround(s figureSentence, k int) string {
	from, to := k-3, k+3
	if from < 0 {
		from = 0
	}
	if to > len(s.words) {
		to = len(s.words)
	}
	parts := make([]string, 0, to-from)
	for _, w := range s.words[from:to] {
		parts = append(parts, w.text)
	}
	return strings.Join(parts, " ")
}

func sameFigure(a, b string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.ReplaceAll(s, ",", ""))
		if v, ok := numberWords[s]; ok {
			return v
		}
		return s
	}
	return norm(a) == norm(b)
}

// longestCommonRun returns the start in a, the start in b and the length of
// the longest run of equal words the two share.
func longestCommonRun(a, b []string) (int, int, int) {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	bestA, bestB, best := 0, 0, 0
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
				if cur[j] > best {
					best, bestA, bestB = cur[j], i-cur[j], j-cur[j]
				}
			} else {
				cur[j] = 0
			}
		}
		prev, cur = cur, prev
	}
	return bestA, bestB, best
}

// datedApart reports a lead-in that sets the later sentence in another
// period ("In January,", "In 1985,", "For the year,"): the same wording
// with another figure is then a second fact, not a slipped restatement.
func datedApart(st *state, leadIn []string) bool {
	for _, w := range leadIn {
		if w == "#" || st.lex.periods[w] {
			return true
		}
	}
	return false
}
