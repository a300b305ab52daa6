package fragment

import (
	"github.com/copydesk/copydesk/core/sdk"
)

// Orphan reports a short sentence that has nothing to do with its
// surroundings.
var Orphan = &sdk.Rule{
	Name:      "orphan",
	Category:  sdk.CategoryFragment,
	Languages: sdk.English,
	Severity:  sdk.Warning,
	Summary:   "a short sentence unrelated to anything in the article",
	Doc: `Broken machine translation leaves short sentences that are grammatical
on their face but mean nothing where they stand ("There is no spin in
collision."). A sentence that merely repeats no word of its neighbours is
not enough: "The case is pending." and "No date was set." refer back
through their subject. So the rule wants positive evidence on both sides:
nothing ties the sentence to the article (no content word shared with
another sentence, no pronoun, name or figure, no connective opening, no
definite or quantified subject such as "the", "no", "neither", "the rest"),
and an odd word combination marks it as garbled (a bare singular noun
after a preposition closing the sentence: "in collision").
Articles shorter than min-sentences body sentences are not checked, nor
sentences longer than max-words. The sentence before is attached as
related: it often ends unfinished, its verb left without the complement
the orphan replaced. ` + "`copydesk explain --trace FILE:LINE`" + ` shows which of these
held.`,
	Example: sdk.Example{
		Before: "He will work to establish channels to ensure competition between the two countries. There is no spin in collision.",
		After:  "He will work to establish channels to ensure competition between the two countries does not veer into conflict.",
	},
	Options: []sdk.Option{
		{Name: "max-words", Type: sdk.Int, Default: 8, Doc: "longer sentences are not considered orphans"},
		{Name: "min-sentences", Type: sdk.Int, Default: 8, Doc: "articles with fewer body sentences are not checked: in a short piece every sentence brings new words"},
	},
	Check: checkOrphan,
}

func checkOrphan(pass *sdk.Pass) {
	b := bodyOf(pass)
	maxWords := pass.Options.Int("max-words")
	if b.Sentences() < pass.Options.Int("min-sentences") {
		return
	}
	for _, para := range b.Paras {
		for _, s := range para {
			n := s.Words()
			if n < 3 || n > maxWords {
				continue
			}
			c, ok := candidate(s, para, b)
			if !ok || !hasFiniteVerb(s.Toks()) {
				continue
			}
			if on(hRefersOutside, c) || on(hConnective, c) || on(hRefersBack, c) || !on(hOddPhrase, c) || !on(hUnanchored, c) {
				continue
			}
			s.trace.Note("orphan", "reported")
			pass.Report(sdk.Diagnostic{
				Span:    s.Span,
				Message: "this sentence has nothing to do with the story around it, as a garbled translation leaves: check the sentence before for a lost ending, then rewrite or delete this one",
				Related: []sdk.Related{{Span: c.prev().Span, Message: "the sentence before, which may have lost its ending"}},
			})
		}
	}
}

// unanchored reports a sentence none of whose content words occurs in
// another sentence of the article.
func unanchored(s *sentence, b *body) bool {
	stems := contentStems(s)
	if len(stems) == 0 {
		return false
	}
	for st := range stems {
		if b.Vocabulary[st] > 1 {
			return false
		}
	}
	return true
}

// opensClause reports a sentence that opens with a conjunction, a
// connecting adverb or a relative pronoun: either it is tied to the one
// before, or the stranded-clause rule judges it.
func opensClause(s *sentence) bool {
	i := firstWord(s.Toks())
	if i >= len(s.Toks()) {
		return false
	}
	w := s.Toks()[i].Lower
	switch s.Toks()[i].Tag {
	case "WDT", "WP", "CC", "RB":
		// A conjunction or adverb ("Then there was...", "But...")
		// ties the sentence to the one before it.
		return true
	}
	return subordinators[w] || relatives[w]
}

// refersOutside reports a sentence that points into its context: a
// pronoun or demonstrative ("It denied this."), a name or a figure. Such a
// sentence may share no word with its neighbours and still belong.
func refersOutside(s *sentence) bool {
	for i, t := range s.Toks() {
		switch t.Tag {
		case "PRP", "PRP$", "NNP", "NNPS", "CD":
			if t.Tag == "NNP" && i == firstWord(s.Toks()) && !isProperName(t.Text) {
				continue // a capitalised first word is tagged NNP by position
			}
			return true
		}
		switch t.Lower {
		case "this", "that", "these", "those", "such", "here", "there", "so":
			if t.Lower == "there" && i+1 < len(s.Toks()) && isFiniteTag(s.Toks()[i+1].Tag) {
				continue // existential "there is", not a place
			}
			return true
		}
	}
	return false
}

// isProperName is a weak test for a name at the start of a sentence, where
// capitals prove nothing: an all-capital acronym or an internal capital.
func isProperName(w string) bool {
	caps := 0
	for _, r := range w {
		if r >= 'A' && r <= 'Z' {
			caps++
		}
	}
	return caps > 1
}

// refersBack reports a sentence that points at something already named
// without repeating its word: a definite description ("The case is
// pending."), or a quantifier or negation over a set the reader knows ("No
// date was set.", "Neither man is in custody.", "The rest is history.").
// Only the subject is read: after the verb, "no" and "the" introduce as
// often as they refer ("There is no spin in collision.").
func refersBack(toks []token) bool {
	for i, t := range toks {
		if finiteAt(toks, i) {
			return false // only the subject is read: "has no wind" is new
		}
		if anaphors[t.Lower] {
			return true
		}
	}
	return false
}

var anaphors = map[string]bool{"the": true, "no": true, "none": true, "neither": true, "either": true,
	"other": true, "others": true, "another": true, "some": true, "many": true, "few": true, "most": true,
	"rest": true, "each": true, "both": true, "all": true, "same": true, "else": true, "one": true,
	"anything": true, "nothing": true, "everything": true, "something": true, "nobody": true, "anyone": true, "everyone": true}

// oddPhrase returns the index of the word combination that marks a garbled
// sentence, or -1: a bare singular noun as the object of a preposition,
// closing the sentence ("There is no spin in collision."), where English
// wants an article ("in a collision") or an idiom the article would share.
func oddPhrase(toks []token) int {
	for k := 0; k+2 < len(toks); k++ {
		if toks[k].Tag == "IN" && toks[k+1].Tag == "NN" && !isWordToken(toks[k+2].Text) {
			return k + 1
		}
	}
	return -1
}
