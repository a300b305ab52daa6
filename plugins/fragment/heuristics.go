package fragment

import (
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// Heuristics registers every heuristic of the fragment rules. A
// measurement (cmd/measure) switches them off one at a time; TraceText
// shows which fired for a sentence; the tests run each one's examples.
var Heuristics sdk.HeuristicSet

// cand is what a sentence-level heuristic looks at: the sentence and its
// paragraph.
type cand struct {
	s    *sentence
	para []*sentence
	body *body
}

// prev is the sentence before; for the first of a paragraph (judged only
// when first-in-paragraph is switched off) an empty one at its start.
func (c cand) prev() *sentence {
	if c.s.Index == 0 {
		return &sentence{Span: sdk.Span{Start: c.s.Span.Start, End: c.s.Span.Start}}
	}
	return c.para[c.s.Index-1]
}

type heuristic = sdk.Heuristic[cand]

// on runs h on the candidate, recording it in the sentence's trace.
func on(h *heuristic, c cand) bool { return h.Fires(&Heuristics, c, c.s.trace) }

// Candidate heuristics: shared by every rule but broken-off.
var (
	hFirst = &heuristic{Name: "first-in-paragraph", Effect: sdk.Suppresses,
		Doc:      "a sentence that opens its paragraph has no sentence before it to have been cut from",
		Positive: "Conflicts between the two largest economies of the world dominate the talks.",
		Negative: "He arrived on Monday. Conflicts between the two largest economies of the world.",
		Test:     func(c cand) bool { return c.s.Index == 0 }}
	hQuoted = &heuristic{Name: "quoted-speech", Effect: sdk.Suppresses,
		Doc:      "quoted speech is not checked: people speak in fragments",
		Positive: "He arrived on Monday. \"Not the money, the principle.\"",
		Negative: "He arrived on Monday. Not the money, the principle.",
		Test:     func(c cand) bool { return c.s.Quoted }}
	hLineBreak = &heuristic{Name: "line-break", Effect: sdk.Suppresses,
		Doc:      "a sentence on a new line of its block (a list item, a listing) does not continue the sentence before",
		Positive: "The package will include tax cuts for families.\nA cut in estate taxes.",
		Negative: "The package will include tax cuts for families. A cut in estate taxes.",
		Test:     func(c cand) bool { return c.s.Broken }}
	hSpoken = &heuristic{Name: "spoken-style", Effect: sdk.Suppresses,
		Doc:      "questions, their answers and exclamations are spoken style, not cuts",
		Positive: "Who pays for the new bridge? The taxpayers, as ever.",
		Negative: "The city pays for the new bridge. The taxpayers, as ever.",
		Test: func(c cand) bool {
			p := strings.TrimSpace(c.prev().Text)
			return endsQuestion(c.s.Text) || endsQuestion(p) || strings.HasSuffix(strings.TrimSpace(c.s.Text), "!")
		}}
	hLabel = &heuristic{Name: "label-or-list", Effect: sdk.Suppresses,
		Doc:      "a sentence with a colon or semicolon, after a colon, or a credit line is a label, a list or a Q&A",
		Positive: "The plan has two parts. Part one: a cut in estate taxes.",
		Negative: "The plan has two parts. A cut in estate taxes.",
		Test: func(c cand) bool {
			return strings.ContainsAny(c.s.Text, ":;") || strings.HasSuffix(strings.TrimSpace(c.prev().Text), ":") || isCreditLine(c.s.Text)
		}}
	hSegmentation = &heuristic{Name: "segmentation-cut", Effect: sdk.Suppresses,
		Doc:      "the segmenter, not the writer, cut at an abbreviation (\"Sen.\", \"U.S.\") or inside brackets",
		Positive: "The bill was backed by two senators, Sens. Smith and Jones of the finance committee.",
		Negative: "The bill was backed by two senators. Smith and Jones of the finance committee.",
		Test: func(c cand) bool {
			return endsWithAbbreviation(strings.TrimSpace(c.prev().Text)) || endsWithAbbreviation(c.s.Text) || !balanced(c.s.Text)
		}}
	hLowerStart = &heuristic{Name: "lower-case-start", Effect: sdk.Suppresses,
		Doc:      "a sentence opening in lower case or with a bullet is a segmentation artefact",
		Positive: "He arrived on Monday. and the rest of the delegation.",
		Negative: "He arrived on Monday. And the rest, for the delegation.",
		Test: func(c cand) bool {
			for _, r := range c.s.Text {
				return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127 && r != '•' && r != '–' && r != '—')
			}
			return true
		}}
)

// The verbless rule's heuristics.
var (
	hNoVerb = &heuristic{Name: "no-finite-reading", Effect: sdk.Reports,
		Doc:      "no word of the sentence can be a finite verb, by the tagger or by the verb lexicon",
		Positive: "He arrived on Monday. Conflicts between the two largest economies.",
		Negative: "He arrived on Monday. Conflicts between the two economies grew.",
		Test:     func(c cand) bool { return !hasFiniteVerb(c.s.Toks()) }}
	hLexicon = &heuristic{Name: "lexicon-verb", Effect: sdk.Suppresses,
		Doc:      "a word WordNet lists as a finite verb, after a subject that agrees with it, is a verb whatever the tagger guessed",
		Positive: "The talks stalled. Cultural clashes aside, the work proceeds.",
		Negative: "The group sold its mills. Specialty steels and an electronics retailer.",
		Test: func(c cand) bool {
			toks := c.s.Toks()
			for i := range toks {
				if lexiconFinite(toks, i) && !taggedFinite(toks, i, true) {
					c.s.trace.Note("lexicon-verb", "\""+toks[i].Text+"\" read as a verb")
					return true
				}
			}
			return false
		}}
	hOnlyRelative = &heuristic{Name: "only-relative-verb", Effect: sdk.Reports,
		Doc:      "the only finite verb is inside a relative clause on a noun phrase",
		Positive: "The group sold its mills. Specialty steels which it sells to retailers.",
		Negative: "The group sold its mills. The steels which it sells are cheap.",
		Test:     func(c cand) bool { return onlyRelativeVerb(c.s.Toks()) }}
	hOnlyAttribution = &heuristic{Name: "only-attribution", Effect: sdk.Reports,
		Doc:      "the only finite verb is the attribution's (\"Member firms, the chairman said.\")",
		Positive: "The exchange changed its rules on Monday. Member firms, the chairman said in remarks prepared for delivery.",
		Negative: "The exchange changed its rules on Monday. The rules will change again, the exchange said.",
		Test:     func(c cand) bool { return onlyAttribution(c.s.Toks()) }}
	hDateline = &heuristic{Name: "dateline-or-figures", Effect: sdk.Suppresses,
		Doc:      "a dateline, a row of figures or a wire table line has no verb by design",
		Positive: "Results were as follows. Oper net 6,120,000 vs 5,190,000.",
		Negative: "Results were as follows. Operating profits of the group.",
		Test:     func(c cand) bool { return isDateline(c.s) || mostlyFigures(c.s) }}
	hListPara = &heuristic{Name: "list-paragraph", Effect: sdk.Suppresses,
		Doc:      "in a paragraph where verbless sentences are the rule (contents, results), one more is not a cut",
		Positive: "The menu changes daily. Soup of the day. Fish of the day. Cake of the day.",
		Negative: "The menu changes daily. Soup of the day.",
		Test:     func(c cand) bool { return isList(c.para) }}
	hImperative = &heuristic{Name: "imperative", Effect: sdk.Suppresses,
		Doc:      "an opening word the tagger made a noun is a verb in the imperative (\"Consider the case...\")",
		Positive: "The rules are strict. Imagine editing the paper every night.",
		Negative: "The rules are strict. Editions of the paper every night.",
		Test:     func(c cand) bool { return imperative(c.s) }}
	hParallel = &heuristic{Name: "parallel-openings", Effect: sdk.Suppresses,
		Doc:      "a sentence opening with the same two words as the one before is rhetoric, not a cut",
		Positive: "Managers who sidestep rules. Managers who take chances.",
		Negative: "Nobody sidestepped the rules. Managers who take chances.",
		Test:     func(c cand) bool { return parallel(c.s, c.prev()) }}
	hStylistic = &heuristic{Name: "deliberate-fragment", Effect: sdk.Suppresses,
		Doc:      "a short fragment for effect, or one opening with And/But/Or/Not that is not a comma-spliced pile of phrases",
		Positive: "The board said it had doubts. And for good reason.",
		Negative: "The board said it had doubts. And the showdown, for the chance.",
		Test:     func(c cand) bool { return isStylistic(c.s) || conjunctionFragment(c.s) }}
)

// The stranded-clause rule's heuristics.
var (
	hSubordinate = &heuristic{Name: "stranded-subordinate", Effect: sdk.Reports,
		Doc:      "the sentence opens with a subordinator or relative pronoun and no main clause follows",
		Positive: "The buses were called off. Because the crews had failed to clear the side streets.",
		Negative: "The buses were called off. Because the crews had failed, the schools closed.",
		Test:     func(c cand) bool { return strandedOpening(c.s) }}
	hCommentWhich = &heuristic{Name: "comment-which", Effect: sdk.Suppresses,
		Doc:      "\"Which is why...\", \"Which seems natural.\": a deliberate comment clause on the sentence before",
		Positive: "The chef trained in Lyon. Which is why the menu is French.",
		Negative: "The chef trained in Lyon. Which the owners denied.",
		Test: func(c cand) bool {
			toks := c.s.Toks()
			i := firstWord(toks)
			return i+1 < len(toks) && toks[i].Lower == "which" && commentVerbs[toks[i+1].Lower]
		}}
	hPhraseClause = &heuristic{Name: "phrase-then-clause", Effect: sdk.Reports,
		Doc:      "a bare noun phrase, then a dependent clause, and nothing else (\"Weeks after the army left.\")",
		Positive: "Shells hit the border town on Monday. Weeks after the army left the area.",
		Negative: "Shells hit the border town on Monday. Weeks after the army left, the town was shelled.",
		Test:     func(c cand) bool { return phraseThenClause(c.s) > 0 }}
)

// The no-subject rule's heuristics.
var (
	hVerbAfterPhrase = &heuristic{Name: "verb-after-phrase", Effect: sdk.Reports,
		Doc:      "an opening prepositional phrase runs straight into a finite verb",
		Positive: "The ministry will publish a white paper. For immigration and asylum is expected on Monday.",
		Negative: "The ministry will publish a white paper. For immigration, a new law is expected on Monday.",
		Test:     func(c cand) bool { return noSubjectVerb(c.s.Toks()) >= 0 }}
	hSubjectBefore = &heuristic{Name: "subject-before-verb", Effect: sdk.Suppresses,
		Doc:      "a noun phrase that agrees with the verb opens its clause after the phrase (\"In 1987 the court has\")",
		Positive: "The plant opened in 2001. In 1987 the court has ruled on the matter.",
		Negative: "The plant opened in 2001. For the winter crossings is expected to rise.",
		Test: func(c cand) bool {
			toks := c.s.Toks()
			v := verbAfterPhrase(toks, firstWord(toks)+1)
			return v >= 0 && subjectOpens(toks, v)
		}}
	hNoSubjectShape = &heuristic{Name: "not-a-lost-subject", Effect: sdk.Suppresses,
		Doc:      "an idiom (\"At least\", \"For instance\"), an inversion, an aside or a later verb explains the verb after the phrase",
		Positive: "The bus left the road. In all 439 munitions have been burned.",
		Negative: "The bus left the road. For the winter crossings is expected to rise.",
		Test: func(c cand) bool {
			toks := c.s.Toks()
			first := firstWord(toks)
			v := verbAfterPhrase(toks, first+1)
			return v >= 0 && (phraseIdiom(toks, first) || inverted(toks, v) || finiteLater(toks, v) || asideIn(toks[first:v]) || mainClauseAfter(toks, v))
		}}
)

// orphanLead is the article the orphan examples end: the rule reads
// articles of eight body sentences or more.
const orphanLead = "The councils met on Monday. They agreed a new timetable. Buses will run every hour. " +
	"Trains will run every two hours. Fares will rise by a tenth. The changes start in June. Drivers welcomed the plan. "

// The orphan rule's heuristics.
var (
	hUnanchored = &heuristic{Name: "unanchored", Effect: sdk.Reports,
		Doc:      "the sentence shares no content word with the rest of the article",
		Positive: orphanLead + "There is no spin in collision.",
		Negative: orphanLead + "There is no timetable in collision.",
		Test:     func(c cand) bool { return unanchored(c.s, c.body) }}
	hRefersOutside = &heuristic{Name: "refers-outside", Effect: sdk.Suppresses,
		Doc:      "a pronoun, demonstrative, name or figure points into the context",
		Positive: orphanLead + "It has no spin in collision.",
		Negative: orphanLead + "There is no spin in collision.",
		Test:     func(c cand) bool { return refersOutside(c.s) }}
	hRefersBack = &heuristic{Name: "refers-back", Effect: sdk.Suppresses,
		Doc:      "the subject is a definite description or a quantifier over a known set (\"The case is pending.\", \"No date was set.\")",
		Positive: orphanLead + "The spin is in collision.",
		Negative: orphanLead + "A spin is in collision.",
		Test:     func(c cand) bool { return refersBack(c.s.Toks()) }}
	hConnective = &heuristic{Name: "opens-with-connective", Effect: sdk.Suppresses,
		Doc:      "a conjunction, connecting adverb or relative pronoun ties the sentence to the one before",
		Positive: orphanLead + "Then spin is in collision.",
		Negative: orphanLead + "A spin is in collision.",
		Test:     func(c cand) bool { return opensClause(c.s) }}
	hOddPhrase = &heuristic{Name: "odd-bare-noun", Effect: sdk.Reports,
		Doc:      "positive evidence of garbling: a bare singular noun after a preposition ends the sentence (\"in collision\")",
		Positive: orphanLead + "A spin is in collision.",
		Negative: orphanLead + "A spin is in a collision.",
		Test:     func(c cand) bool { return oddPhrase(c.s.Toks()) >= 0 }}
)

func init() {
	for _, h := range []*heuristic{hFirst, hQuoted, hLineBreak, hSpoken, hLabel, hSegmentation, hLowerStart,
		hNoVerb, hLexicon, hOnlyRelative, hOnlyAttribution, hDateline, hListPara, hImperative, hParallel, hStylistic,
		hSubordinate, hCommentWhich, hPhraseClause,
		hVerbAfterPhrase, hSubjectBefore, hNoSubjectShape,
		hUnanchored, hRefersOutside, hRefersBack, hConnective, hOddPhrase} {
		Heuristics.Register(h.Info())
	}
}
