package repetition

import (
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// DoubledWord reports a single word immediately followed by itself.
var DoubledWord = &sdk.Rule{
	Name:      "doubled-word",
	Category:  sdk.CategoryRepetition,
	Severity:  sdk.Warning,
	Languages: languages,
	Summary:   "a word immediately repeated (\"the the\")",
	Doc: `Reports a word immediately followed by the same word, ignoring case: "the
the", "to, to", "was was", "in in", "We we" and "The the" at the start of a
sentence, "the" at the end of one line and again at the start of the next.
It is the commonest slip of fast editing, and spell checkers pass it.

The suggestion deletes the second copy with the space or comma before it.

A double is left alone only for a reason in its context, read from the
article's language (data/en/doubled.txt, data/de/doubled.txt):
  - grammatical doubles: "had had", "that that", "gave her her keys"; "is
    is" and "was was" only in a pseudo-cleft ("what it is is"); German
    "sie sie", and "die die", "der der", "das das" where the first opens a
    relative clause ("Kinder, die die Schule besuchen", "in der der");
  - emphasis such as "very, very", "no, no", and any content word repeated
    after a comma ("Wait, wait!"); after a comma only function words are
    flagged ("the, the");
  - a particle ending a phrasal verb before a preposition of the same form
    ("carry on on Monday", "turn him in in a heartbeat");
  - a word repeated three times on purpose ("yada yada yada");
  - reduplicated words and names: "bye-bye" (one hyphenated word), "Walla
    Walla", "Duran Duran", "Sirhan, Sirhan" (a capitalised second copy is
    taken for a name); a capitalised first copy inside a sentence before a
    lower-case second is a different word ("influenza A, a viral", German
    "Die Macht macht");
  - numbers ("10 10" in a table).
A finding inside a direct quotation says so: the desk checks a quotation
against its source before changing it. Longer repeats are repeated-phrase's.`,
	Example: sdk.Example{
		Before: "The council approved the the budget on Tuesday.",
		After:  "The council approved the budget on Tuesday.",
	},
	Check: func(p *sdk.Pass) { checkRepeats(p, 1, 1) },
}

// legitimateWord reports whether the single word at ws[i], followed by its
// copy with a comma, semicolon or colon between them when comma is set, is
// a double good copy makes: a grammatical or emphatic double, a particle
// before a preposition of the same form, a pseudo-cleft's copula, a German
// relative pronoun, or a content word repeated after a comma.
func legitimateWord(text string, ls *lists, ws []word, i int, comma bool) bool {
	first, second := ws[i:i+1], ws[i+1:i+2]
	phrase := first[0].lower
	if upperAt(text, second[0].start) {
		return true // "Sirhan, Sirhan" or a heading in capitals
	}
	var before string
	if i > 0 {
		before = ws[i-1].lower
	}
	switch {
	case ls.grammatical[phrase], ls.emphatic[phrase]:
		return true
	case ls.particles[phrase]:
		// After a verb, not after a function word ("the on on").
		return i > 0 && !ls.function[before]
	case ls.cleft[phrase]:
		return cleftSubject(text, ls, ws, i)
	case ls.afterObject[phrase]:
		return ls.objects[before] && !strings.ContainsAny(text[ws[i-1].end:first[0].start], ",;:.")
	case ls.relative[phrase] && opensRelative(text, ls, ws, i):
		return true
	case comma && ls.clauseComma[phrase]:
		return true
	}
	if comma && !ls.function[phrase] {
		return true // emphasis: "slowly, slowly", "Wait, wait!"
	}
	return false
}

// cleftSubject reports whether the copula at ws[i] ends a pseudo-cleft's
// subject clause: "What it is is", "All it was was".
func cleftSubject(text string, ls *lists, ws []word, i int) bool {
	for _, w := range sentenceWords(text, ws, i) {
		if ls.cleftOpeners[w.lower] {
			return true
		}
	}
	return false
}

// opensRelative reports whether the word at ws[i] opens a relative clause:
// it follows a comma, or a preposition that follows one ("Kinder, die
// die", "das Haus, in der der").
func opensRelative(text string, ls *lists, ws []word, i int) bool {
	if i == 0 {
		return false
	}
	if strings.Contains(text[ws[i-1].end:ws[i].start], ",") {
		return true
	}
	return i > 1 && ls.prepositions[ws[i-1].lower] && strings.Contains(text[ws[i-2].end:ws[i-1].start], ",")
}
