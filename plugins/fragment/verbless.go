package fragment

import (
	"slices"
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// Verbless reports body sentences with no finite verb.
var Verbless = &sdk.Rule{
	Name:      "verbless",
	Category:  sdk.CategoryFragment,
	Languages: sdk.English,
	Severity:  sdk.Warning,
	Summary:   "a body sentence with no finite verb",
	Doc: `A sentence in a body paragraph that has no finite verb is usually the
tail of the sentence before it, cut off at the wrong place ("...on a long
list. Conflicts between the two largest economies."), or the debris of a
broken translation ("And the showdown, for the chance.").

Tags alone are not enough: the tagger misreads many verbs as nouns and
adjectives ("the work proceeds/NNS"), so a word that WordNet lists as a
finite verb, after a subject that agrees with it, counts as the verb
whatever the tag; only a sentence with no such reading is verbless. Clean
copy also has deliberate fragments: "And for good reason.", "Or perhaps
not entirely." are not warnings (a comma-spliced pile of phrases after
"And" is: "And the showdown, for the chance."). So the rule only
looks at a sentence that shares its paragraph with another (a paragraph of
one phrase is a label, a subhead or a dateline; the first of several may be
the head a cut left behind: "Delayed shipments from the port. Because of
strikes, exports have fallen."), is not quoted speech, does not answer a
question, is no longer than max-words, holds no colon (labels, lists, Q&A)
and is not mostly figures (scores, tables).
Short fragments for effect ("Not anymore.") are left alone unless the
stylistic option is on, and then reported as info.`,
	Example: sdk.Example{
		Before: "He arrives amid dim prospects for progress on a long list. Conflicts between the two largest economies.",
		After:  "He arrives amid dim prospects for progress on a long list of conflicts between the two largest economies.",
	},
	Options: []sdk.Option{
		{Name: "max-words", Type: sdk.Int, Default: 25, Doc: "longer verbless sentences are not reported: the longer the sentence, the likelier a missing verb is a tagging slip"},
		{Name: "stylistic", Type: sdk.Bool, Default: false, Doc: "also report short deliberate fragments (\"Not anymore.\"), as info"},
	},
	Check: checkVerbless,
}

func checkVerbless(pass *sdk.Pass) {
	b := bodyOf(pass)
	maxWords := pass.Options.Int("max-words")
	for _, para := range b.Paras {
		for _, s := range para {
			n := s.Words()
			if n < 3 || (maxWords > 0 && n > maxWords) || relatives[s.FirstWord()] {
				continue
			}
			c, ok := candidate(s, para, b)
			if !ok {
				continue
			}
			msg := "no verb of its own: this reads as a piece cut off the sentence before; join it to that sentence or complete it"
			if s.trace != nil {
				on(hParticiple, c) // record whether a participle was passed over
			}
			if !on(hNoVerb, c) {
				if s.trace != nil {
					on(hLexicon, c) // record whether the lexicon supplied the verb
				}
				switch {
				case on(hOnlyRelative, c):
					msg = "no verb of its own outside the \"which\"/\"who\" clause: this reads as a piece cut off the sentence before; join it to that sentence or complete it"
				case on(hOnlyAttribution, c):
					msg = "no verb of its own but the attribution's (\", X said\"): this reads as a piece cut off the sentence before; join it to that sentence or complete it"
				default:
					continue
				}
			}
			if on(hHeadVerbForm, c) || on(hDateline, c) || on(hListPara, c) || on(hImperative, c) || on(hParallel, c) {
				continue
			}
			if on(hStylistic, c) {
				if pass.Options.Bool("stylistic") {
					pass.Report(sdk.Diagnostic{Span: s.Span, Severity: sdk.Info,
						Message: "a short fragment with no verb of its own: fine for effect, otherwise join it to the sentence before"})
				}
				continue
			}
			s.trace.Note("verbless", "reported")
			msg, related := c.belongs(msg)
			pass.Report(sdk.Diagnostic{
				Span:    s.Span,
				Message: msg,
				Related: related,
			})
		}
	}
}

// onlyAttribution reports a noun phrase whose only verb is in a closing
// attribution: "Member firms, Goodison said in remarks prepared for
// delivery." Reported speech without quotation marks keeps a verb of its
// own ("Prices will rise, the minister said.").
func onlyAttribution(toks []token) bool {
	segs := clauses(toks)
	// A short phrase only: in a long one the tagger's missed verb is the
	// likelier story ("The firm and the NASD differ/NN over ..., he
	// added").
	if len(segs) != 2 || len(segs[0]) == 0 || len(segs[0]) > 6 || hasFiniteVerb(segs[0]) {
		return false
	}
	if toks[len(segs[0])].Text != "," {
		return false // a dateline's dash: "WASHINGTON (AP) — The government announced ..."
	}
	if first := firstWord(segs[0]); first >= len(segs[0]) || !opensNounPhrase(segs[0][first]) {
		return false // an opening phrase or a participle, then the subject
	}
	for _, t := range segs[0] {
		if strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" {
			return false
		}
	}
	// The attribution: a speaker of at most five words, then a verb of
	// saying, and no other finite verb.
	att := segs[1]
	v := -1
	for k, t := range att {
		if reporting[t.Lower] {
			v = k
			break
		}
		if k >= 5 || isFiniteTag(t.Tag) {
			return false
		}
	}
	if v < 1 {
		return false
	}
	for _, t := range att[v+1:] {
		if isFiniteTag(t.Tag) {
			return false
		}
	}
	return true
}

// candidate holds the conditions every fragment rule shares: the sentence
// follows another in its paragraph, is a statement (not a question, not an
// answer to one), is not quoted speech and is not a label or list entry.
func candidate(s *sentence, para []*sentence, b *body) (cand, bool) {
	c := cand{s: s, para: para, body: b}
	if s.Words() == 0 || !endsTerminal(s.Text) || danglingEnd(s) != "" {
		return c, false // a sentence that broke off is the broken-off rule's
	}
	if on(hFirst, c) {
		return c, false
	}
	for _, h := range []*heuristic{hQuoted, hLineBreak, hSpoken, hLabel, hSegmentation, hLowerStart} {
		if on(h, c) {
			return c, false
		}
	}
	return c, true
}

// parallel reports two sentences opening with the same two words: rhetoric
// ("Managers who sidestep rules. Managers who take chances."), not a cut.
func parallel(s, prev *sentence) bool {
	return len(s.words) > 1 && len(prev.words) > 1 && s.words[0] == prev.words[0] && s.words[1] == prev.words[1]
}

// balanced reports whether a sentence closes every bracket it opens and
// opens every one it closes.
func balanced(text string) bool {
	depth := 0
	for _, r := range text {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// isList reports a paragraph where verbless sentences are the rule, not
// the exception: a table of contents, a run of list entries or results. A
// cut leaves one fragment in a paragraph of sentences.
func isList(para []*sentence) bool {
	verbless := 0
	for _, s := range para {
		if !hasFiniteVerb(s.Toks()) || comparesFigures(s.Toks()) {
			verbless++
		}
	}
	return verbless >= 3 || (verbless >= 2 && 2*verbless > len(para))
}

// imperative gives the tagger a second look at a verbless sentence whose
// first word it read as a name or noun: capitals make it see names in
// imperatives ("Imagine/NNP editing...", "Consider/NNP the case..."). With
// a subject put before that word in lower case ("You imagine..."), a verb
// shows as one. Only the shapes an imperative takes are retried: the tagger
// makes a verb of almost anything after "You".
func imperative(s *sentence) bool {
	toks := s.Toks()
	i := firstWord(toks)
	if i+1 >= len(toks) || !strings.HasPrefix(toks[i].Tag, "NN") || isProperName(toks[i].Text) {
		return false
	}
	switch toks[i+1].Tag {
	case "VBG", "DT", "PRP", "PRP$":
		// what a verb takes and a noun does not: "Imagine editing",
		// "Consider the"; not "Conflicts between".
	default:
		return false
	}
	return verbReadAsNoun(s, toks[i])
}

// endsWithAbbreviation reports a sentence whose last word is an
// abbreviation ("U.K.", "Corp.", "Gen."): the segmenter may have cut there
// by mistake, and the next "sentence" is the rest of the same one.
func endsWithAbbreviation(text string) bool {
	text = strings.TrimRight(text, " ")
	i := strings.LastIndexAny(text, " (")
	last := text[i+1:]
	if !strings.HasSuffix(last, ".") {
		return false
	}
	word := strings.TrimSuffix(last, ".")
	if k := strings.LastIndex(word, "-"); k >= 0 {
		word = word[k+1:] // "D-Conn."
	}
	if strings.Contains(word, ".") {
		return true // U.K., a.m.
	}
	return len(abbreviations) > 0 && abbreviations[strings.ToLower(word)]
}

// isStylistic reports a deliberate short fragment: at most four words,
// opening with a word writers use that way ("Not anymore.", "Never again.").
func isStylistic(s *sentence) bool {
	i := firstWord(s.Toks())
	return s.Words() <= 4 && i < len(s.Toks()) && stylistic[s.Toks()[i].Lower]
}

// conjunctionFragment reports a verbless sentence opening with "And",
// "But", "Or" or "Not": a writer's deliberate fragment ("And for good
// reason.", "Or perhaps not entirely.", "But not to worry, either."),
// unless it is a pile of phrases spliced by a comma, longer than a quip,
// with no negation and no verb form at all ("And the showdown, for the
// chance.", "And a factory for the port, then."), which is what a broken
// translation leaves.
func conjunctionFragment(s *sentence) bool {
	toks := s.Toks()
	i := firstWord(toks)
	if i >= len(toks) {
		return false
	}
	if !contrastWords[toks[i].Lower] {
		// "Hope, but hardly ecstasy.": a conjunction after the first comma
		c := slices.IndexFunc(toks, func(t token) bool { return t.Text == "," })
		if c < 0 || c+1 >= len(toks) || !contrastWords[toks[c+1].Lower] {
			return false
		}
	}
	comma := -1
	for k, t := range toks {
		switch {
		case t.Lower == "not" || t.Lower == "no" || t.Lower == "n't" || t.Tag == "TO" || t.Tag == "MD" ||
			strings.HasPrefix(t.Tag, "VB") && !(k > 0 && articles[toks[k-1].Lower]): // "the intended" is no verb
			return true
		case t.Text == "," && comma < 0:
			comma = k
		}
	}
	// A single phrase ("And for good reason.") or a short quip ("And a
	// good thing, too.") is style; phrases spliced by a comma past five
	// words are debris.
	return comma < 0 || len(wordsOf(toks)) <= 5
}

var contrastWords = map[string]bool{"and": true, "but": true, "or": true, "nor": true, "yet": true, "so": true, "not": true}

// mostlyFigures reports a sentence that is half or more numbers: scores,
// results, table rows.
func mostlyFigures(s *sentence) bool {
	figures, words := 0, 0
	for _, t := range s.Toks() {
		if !isWordToken(t.Text) {
			continue
		}
		words++
		if t.Tag == "CD" {
			figures++
		}
	}
	return words > 0 && 2*figures >= words || comparesFigures(s.Toks())
}

// comparesFigures reports a wire-table row, a figure set against another
// with "vs" ("Oper net 6,120,000 vs 5,190,000", "Shr 42 cts vs 36 cts"):
// labels and units make it look like words, but it has no verb by design.
func comparesFigures(toks []token) bool {
	for i, t := range toks {
		if t.Lower != "vs" && t.Lower != "vs." {
			continue
		}
		before, after := false, false
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			before = before || toks[j].Tag == "CD"
		}
		for j := i + 1; j < len(toks) && j <= i+3; j++ {
			after = after || toks[j].Tag == "CD"
		}
		if before && after {
			return true
		}
	}
	return false
}

// isDateline reports a sentence made only of place names, dates and
// agency tags ("LONDON, March 3 (Reuters)."), which has no verb by design.
func isDateline(s *sentence) bool {
	for _, t := range s.Toks() {
		if !isWordToken(t.Text) {
			continue
		}
		switch t.Tag {
		case "NNP", "NNPS", "CD":
			continue
		}
		return false
	}
	return true
}
