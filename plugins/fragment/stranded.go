package fragment

import (
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// StrandedClause reports a subordinate or relative clause standing alone.
var StrandedClause = &sdk.Rule{
	Name:      "stranded-clause",
	Category:  sdk.CategoryFragment,
	Languages: sdk.English,
	Severity:  sdk.Warning,
	Summary:   "a subordinate or relative clause standing alone as a sentence",
	Doc: `A sentence that opens with a subordinating conjunction ("because",
"when", "although") or a relative pronoun ("which") needs a main clause.
When a cut leaves the clause on its own ("Because the talks had failed.",
"When the hotel collapsed, the cause of which is unknown.") the sentence has
no main clause, and the clause usually belongs to the sentence before.

A main clause is looked for after each comma: a finite verb that is not
itself inside a relative clause. Without a comma the conjunction must
plainly open a clause (one noun phrase, then its verb), so that "after",
"before" and "since" used as prepositions ("Since 2001 the firm has
grown.") are not mistaken for it; a main clause may also follow without a
comma ("As the game goes on you swap ...") or be an order ("If you can,
avoid the weekends."). Questions, quoted speech and a paragraph's only
sentence are left alone.`,
	Example: sdk.Example{
		Before: "At least 76 people were killed. When the hotel collapsed.",
		After:  "At least 76 people were killed when the hotel collapsed.",
	},
	Check: checkStranded,
}

// stranded reports whether the words after a subordinating conjunction
// leave the sentence without a main clause. With commas, a main clause is
// looked for after each of them. Without, the conjunction must plainly open
// a clause (one noun phrase, then its verb: "after the company announced",
// not "after the match the coach left" nor "since 2001 the firm has") and
// no second clause may follow but the verb's own complement ("announced
// that it had...").
func stranded(rest []token) bool {
	segs := clauses(rest)
	if len(segs) > 1 {
		if subjectThenVerb(segs[0]) < 0 && hasFiniteVerb(segs[0]) {
			return false // "As proof he cites ...": a preposition, then the main clause
		}
		if listedSubject(segs[0], segs[1]) {
			// "Where Ian MacNeil, Jean Kalman and Paul Arditti will be
			// ...": the clause's own subject, listed with commas.
			segs = segs[1:]
		}
		if bareNounPhrase(segs[0]) && !Heuristics.IsOff(hPredicateOnly.Name) {
			// "where Thanou, 29, won silver": the clause's subject, an
			// aside, then its verb; the main clause comes after that.
			for k := 1; k < len(segs); k++ {
				if hasNoun(segs[k]) && bareNounPhrase(segs[k]) {
					break // "As a child, Alex Fenyn, now 7, exasperated": the main clause's subject
				}
				if hasFiniteVerb(segs[k]) {
					if predicateOnly(segs[k]) {
						segs = segs[k:]
					}
					break
				}
			}
		}
		return !hasMainClause(segs[1:])
	}
	v := subjectThenVerb(rest)
	if v < 0 {
		return false
	}
	return secondClause(rest, v) < 0
}

// secondClause returns the index of a finite verb, after the clause whose
// subject and finite verb (at v) open rest, that is not the clause's own
// complement, or -1: a main clause written without a comma ("as the game
// progresses you swap", "As we entered he made..."). A relative clause's
// verb and a clause that "that" or a verb of saying announces ("after it
// became known that he left") are the clause's own.
func secondClause(rest []token, v int) int {
	end := v + 1
	// The verb group: auxiliaries, participles and adverbs after the verb;
	// a second finite verb starts another clause ("where the teen-agers
	// live is").
	for end < len(rest) && !isFiniteTag(rest[end].Tag) && (rest[end].Tag == "RB" || strings.HasPrefix(rest[end].Tag, "VB") ||
		strings.HasPrefix(rest[end].Tag, "JJ") && end+1 < len(rest) && rest[end+1].Lower == "that") { // "became known/JJ that"
		end++
	}
	that := end < len(rest) && rest[end].Lower == "that"
	if that {
		end++ // "after it became known that he left..."
	} else {
		// "because some said they expected...": a verb of saying takes
		// its clause without "that".
		that = reporting[rest[end-1].Lower]
	}
	relative := false
	for j := end; j < len(rest); j++ {
		switch rest[j].Tag {
		case "WDT", "WP", "WP$":
			relative = true // "...losing customers who drive in"
			continue
		}
		if !isFiniteTag(rest[j].Tag) {
			continue
		}
		if relative {
			relative = false // the relative clause's own verb
			continue
		}
		// A second finite verb is the clause's own complement only when
		// "that" announces it; otherwise ("As we entered he made...") it
		// may be the main clause, written without a comma.
		if that && j-end <= 3 && subjectThenVerb(rest[end:]) == j-end && !hasFiniteVerb(rest[j+1:]) {
			return -1
		}
		return j
	}
	return -1
}

// mainWithoutComma reports a sentence opening with a subordinator whose
// first comma-free stretch already holds a second clause: the main clause
// follows the subordinate one without a comma ("As the game progresses you
// swap between the factions, pig and cat, ...").
func mainWithoutComma(s *sentence) bool {
	toks := s.Toks()
	i := firstWord(toks)
	if i+1 >= len(toks) || !subordinators[toks[i].Lower] {
		return false
	}
	segs := clauses(toks[i+1:])
	if len(segs) < 2 {
		return false // stranded() already read the sentence as one stretch
	}
	seg := segs[0]
	v := subjectThenVerb(seg)
	if v < 0 {
		return false
	}
	j := secondClause(seg, v)
	if j <= v+1 {
		return false
	}
	// The main clause needs a subject of its own: a pronoun that can only
	// be one ("you swap", "he made"), or a noun phrase straight after an
	// intransitive verb ("as prices fell the bank raised").
	if p := seg[j-1].Lower; nominative[p] || p == "you" {
		return true
	}
	for k := v + 1; k < j; k++ {
		switch t := seg[k].Tag; {
		case t == "DT", t == "PRP$", t == "CD", t == "POS", strings.HasPrefix(t, "JJ"), strings.HasPrefix(t, "NN"):
		default:
			return false
		}
	}
	return strings.HasPrefix(seg[j-1].Tag, "NN")
}

// notImperative are verbs that open a phrase more often than an order.
var notImperative = map[string]bool{"like": true, "near": true, "past": true, "round": true, "down": true, "up": true,
	"out": true, "plus": true, "minus": true, "save": true, "except": true, "bar": true, "worth": true, "as": true}

// imperativeMain reports a clause after a comma that opens, after
// adverbs, with a verb in its base form and its object: an imperative main
// clause ("If you want to avoid the crowds, definitely avoid the
// weekends.").
func imperativeMain(s *sentence) bool {
	segs := clauses(s.Toks())
	for _, seg := range segs[1:] {
		k := 0
		for k < len(seg) && (seg[k].Tag == "RB" || seg[k].Tag == "RBR") {
			k++
		}
		// The tagger reads many an imperative as a preposition or a noun
		// ("definitely avoid/IN the weekends").
		if k+1 < len(seg) && verbLemmas[seg[k].Lower] && !prepositions[seg[k].Lower] && !notImperative[seg[k].Lower] &&
			(seg[k].Tag == "VB" || seg[k].Tag == "VBP" || seg[k].Tag == "IN" || seg[k].Tag == "NN") {
			switch n := seg[k+1].Tag; {
			case n == "DT", n == "PRP$", n == "PRP", strings.HasPrefix(n, "NN"):
				return true
			}
		}
	}
	return false
}

// subjectThenVerb returns the index of the finite verb when toks open with a
// single noun phrase followed by it, or -1.
func subjectThenVerb(toks []token) int {
	sawNoun := false
	for j, t := range toks {
		if isFiniteTag(t.Tag) || (t.Tag == "VBN" || lexiconFinite(toks, j)) && sawNoun {
			// A participle straight after its subject is the tagger's
			// reading of a past tense ("the original disappeared/VBN").
			if sawNoun {
				return j
			}
			return -1
		}
		if j == 0 && j+1 < len(toks) {
			// A preposition and its object, then the subject: "since
			// then sales have", "before that he was" (not "since that
			// plant closed", where "that" is a determiner).
			next := toks[j+1].Tag
			if (t.Lower == "then" || t.Lower == "now") && !isFiniteTag(next) ||
				(t.Lower == "that" || t.Lower == "this") && (next == "PRP" || next == "DT" || next == "PRP$" || next == "NNP") {
				return -1
			}
		}
		switch {
		case t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "PRP":
			if sawNoun {
				return -1 // a second noun phrase: the first was a prepositional object
			}
			sawNoun = sawNoun || t.Tag == "PRP"
		case t.Tag == "CD":
			if j == 0 {
				return -1 // "since 2001 the firm...": a date, not a subject
			}
		case strings.HasPrefix(t.Tag, "NN"), strings.HasPrefix(t.Tag, "JJ") && j > 0 && toks[j-1].Tag == "DT":
			sawNoun = true // an adjective after "the" may be the head: "the original"
		case strings.HasPrefix(t.Tag, "JJ") || t.Tag == "POS" || t.Tag == "RB" || t.Tag == "(" || t.Tag == ")":
		case t.Tag == "CC" && sawNoun && (t.Lower == "and" || t.Lower == "or"):
			sawNoun = false // a coordinated subject: "the mayor and two aides will"
		case t.Lower == "at" || t.Lower == "least" || t.Lower == "than":
		default:
			return -1
		}
	}
	return -1
}

func checkStranded(pass *sdk.Pass) {
	b := bodyOf(pass)
	for _, para := range b.Paras {
		for _, s := range para {
			c, ok := candidate(s, para, b)
			if !ok {
				continue
			}
			if w := s.FirstWord(); !relatives[w] && !subordinators[w] && !(len(s.words) > 1 && subordinators[w+" "+s.words[1]]) {
				if on(hPhraseClause, c) {
					s.trace.Note("stranded-clause", "reported")
					k := clauseAfterPhrase(s)
					msg, related := c.belongs("dependent clause without a main clause: a phrase, then a clause opening with \"" + s.Toks()[k].Text + "\", and no verb of its own; it probably belongs to the sentence before")
					pass.Report(sdk.Diagnostic{
						Span:    s.Span,
						Message: msg,
						Related: related,
					})
				}
				continue
			}
			if s.trace != nil {
				on(hPredicateOnly, c) // record whether a subjectless verb was passed over
			}
			if !on(hSubordinate, c) || on(hCommentWhich, c) || on(hMainNoComma, c) || on(hImperativeMain, c) {
				continue
			}
			s.trace.Note("stranded-clause", "reported")
			msg, related := c.belongs("dependent clause without a main clause: it opens with \"" + s.Toks()[firstWord(s.Toks())].Text + "\" and nothing completes it; it probably belongs to the sentence before")
			pass.Report(sdk.Diagnostic{
				Span:    s.Span,
				Message: msg,
				Related: related,
			})
		}
	}
}

// strandedOpening reports a sentence that opens with a subordinating
// conjunction or a relative pronoun and has no main clause after it.
func strandedOpening(s *sentence) bool {
	toks := s.Toks()
	i := firstWord(toks)
	if i >= len(toks) {
		return false
	}
	w := toks[i].Lower
	if t := toks[i].Text; len(t) > 1 && strings.ToUpper(t) == t {
		return false // an acronym ("WHO said..."), not a conjunction
	}
	if w == "once" && i+1 < len(toks) && (toks[i+1].Lower == "again" || toks[i+1].Lower == "more") {
		return false // "Once again, the council...": an adverb
	}
	switch {
	case relatives[w]:
		// A relative clause standing alone is stranded whatever the
		// tagger makes of its verb ("Which it denies/NNS.").
		return true
	case subordinators[w] || (i+1 < len(toks) && subordinators[w+" "+toks[i+1].Lower]):
		if !hasFiniteVerb(toks) {
			return false // the verbless rule reports it
		}
		k := i + 1
		if !subordinators[w] {
			k++ // a two-word conjunction: "even though"
		}
		return stranded(toks[k:])
	}
	return false
}

// nominative pronouns can only be subjects, never a preposition's object.
var nominative = map[string]bool{"i": true, "he": true, "she": true, "we": true, "they": true}

// commentVerbs open a comment clause on the sentence before ("Which is
// why...", "Which seems natural.", "Which makes sense."): a deliberate
// fragment, unlike a relative clause cut off its noun ("Which will
// determine the targets.").
var commentVerbs = map[string]bool{"is": true, "was": true, "seems": true, "seemed": true, "sounds": true,
	"means": true, "meant": true, "explains": true, "makes": true, "made": true}

// maxPhraseWords is the longest noun phrase phraseThenClause looks at
// before its subordinator.
const maxPhraseWords = 8

// phraseThenClause finds a sentence made of a noun phrase and a dependent
// clause with nothing else: "Weeks after he left the company.", "The
// village after at least one shell landed nearby." It returns the index of
// the subordinator, or 0. A main clause after a comma ("Two days after the
// vote, the minister resigned") makes the sentence whole.
func phraseThenClause(s *sentence) int {
	// Untagged first: most sentences hold no subordinator among their
	// first words, and the phrase before one is short.
	found := false
	for k, w := range s.words {
		if k > 0 && k <= maxPhraseWords && subordinators[w] {
			found = true
			break
		}
	}
	if !found {
		return 0
	}
	toks := s.Toks()
	first := firstWord(toks)
	if first >= len(toks) || !opensNounPhrase(toks[first]) {
		return 0
	}
	for k := first + 1; k < len(toks); k++ {
		t := toks[k]
		if finiteAt(toks, k) {
			return 0 // "Its range extends/NNS as far north as": a verb
		}
		if subordinators[t.Lower] && k+1 < len(toks) {
			if finiteAt(toks, k+1) || lexiconForms(toks[k+1].Lower).Past {
				return 0 // "A school once operated": an adverb before the verb
			}
			if t.Lower == "as" && !nominative[toks[k+1].Lower] {
				return 0 // "effect as a muscle builder was found": "as" is a preposition as often
			}
			if !stranded(toks[k+1:]) || verbReadAsNoun(s, toks[first]) {
				return 0
			}
			return k
		}
		switch {
		case t.Tag == "DT" || t.Tag == "CD" || t.Tag == "PRP$" || t.Tag == "POS" || t.Tag == "CC" || t.Tag == "IN" && t.Lower == "of",
			strings.HasPrefix(t.Tag, "NN"), strings.HasPrefix(t.Tag, "JJ"):
		default:
			return 0 // a verb, a comma or anything else: not a bare phrase
		}
	}
	return 0
}

// hasNoun reports a noun or pronoun among toks.
func hasNoun(toks []token) bool {
	for _, t := range toks {
		if strings.HasPrefix(t.Tag, "NN") || t.Tag == "PRP" {
			return true
		}
	}
	return false
}

// prepThenClause finds a sentence made of a prepositional phrase and a
// dependent clause with nothing else: "In Tel Aviv and Chicago, when they
// decided to fly back.", "In the first half as it ended 0-0." It returns
// the index of the subordinator, or 0. A comma may stand before the
// subordinator; a main clause after the clause makes the sentence whole.
func prepThenClause(s *sentence) int {
	toks := s.Toks()
	first := firstWord(toks)
	if first >= len(toks) || toks[first].Tag != "IN" || !prepositions[toks[first].Lower] || subordinators[toks[first].Lower] {
		return 0
	}
	for k := first + 1; k < len(toks) && k <= first+maxPhraseWords+1; k++ {
		t := toks[k]
		if subordinators[t.Lower] && k > first+1 && k+1 < len(toks) {
			if finiteAt(toks, k+1) || lexiconForms(toks[k+1].Lower).Past {
				return 0 // "In May once sold": an adverb before the verb
			}
			if t.Lower == "as" && !nominative[toks[k+1].Lower] {
				return 0 // "as" is a preposition as often
			}
			if !stranded(toks[k+1:]) {
				return 0
			}
			for _, seg := range clauses(toks[k+1:])[1:] {
				if len(seg) > 0 && opensNounPhrase(seg[0]) && hasFiniteVerb(seg) {
					return 0 // "the median income hovers/NNS": a main clause the tagger missed
				}
			}
			return k
		}
		if finiteAt(toks, k) {
			return 0
		}
		switch {
		case t.Text == "," && k+1 < len(toks) && subordinators[toks[k+1].Lower]:
		case t.Tag == "DT" || t.Tag == "CD" || t.Tag == "PRP$" || t.Tag == "POS" || t.Tag == "CC" || t.Tag == "IN" && t.Lower == "of",
			strings.HasPrefix(t.Tag, "NN"), strings.HasPrefix(t.Tag, "JJ"):
		default:
			return 0
		}
	}
	return 0
}

// clauseAfterPhrase is phraseThenClause or prepThenClause: the index of
// the subordinator after a bare phrase, or 0.
func clauseAfterPhrase(s *sentence) int {
	if k := phraseThenClause(s); k > 0 {
		return k
	}
	return prepThenClause(s)
}

// verbReadAsNoun reports an opening word the tagger took for a noun that is
// a verb in the imperative ("Stay home if you can."): put after "You", it
// tags as a verb.
func verbReadAsNoun(s *sentence, t token) bool {
	if !strings.HasPrefix(t.Tag, "NN") || isProperName(t.Text) || t.Name || !verbLemmas[t.Lower] {
		return false
	}
	at := strings.Index(s.Text, t.Text)
	if at < 0 {
		return false
	}
	again := tagSentence("You " + strings.ToLower(t.Text[:1]) + t.Text[1:] + s.Text[at+len(t.Text):])
	return len(again) > 1 && (again[1].Tag == "VBP" || again[1].Tag == "VB")
}

// clauses splits tokens at commas and dashes outside brackets.
func clauses(toks []token) [][]token {
	var out [][]token
	depth, start := 0, 0
	for i, t := range toks {
		switch t.Text {
		case "(", "[":
			depth++
		case ")", "]":
			if depth > 0 {
				depth--
			}
		case ",", "--", "—", "–":
			if depth == 0 {
				out = append(out, toks[start:i])
				start = i + 1
			}
		}
	}
	return append(out, toks[start:])
}

// listedSubject reports a bare noun phrase followed, after a comma, by the
// rest of a list ("Ian MacNeil, Jean Kalman and Paul Arditti will"): the
// first item opens a subject that the second segment completes.
func listedSubject(first, next []token) bool {
	if len(first) == 0 || len(first) > 4 || len(next) == 0 {
		return false
	}
	for _, t := range first {
		if t.Tag != "NNP" && t.Tag != "NNPS" {
			return false
		}
	}
	if next[0].Tag != "NNP" {
		return false
	}
	for _, t := range next[1:] {
		if isFiniteTag(t.Tag) {
			return false
		}
		if t.Lower == "and" || t.Lower == "or" {
			return true
		}
		if t.Tag != "NNP" && t.Tag != "NNPS" {
			return false
		}
	}
	return false
}

// predicateOnly reports a clause with no subject of its own: it opens
// (after "and", "or" and adverbs) on a finite verb ("..., posed hazards,
// irritated passengers, and created a risk"), or on a participle that runs
// the phrase ("given away by the city and bought from vendors"). It
// continues the clause before it, unless a bare noun phrase set off before
// it is its subject ("the mayor, a Democrat, said").
func predicateOnly(seg []token) bool {
	k := 0
	for k < len(seg) && (seg[k].Lower == "and" || seg[k].Lower == "or" || seg[k].Tag == "RB") {
		k++
	}
	if k >= len(seg) {
		return false
	}
	if seg[k].Lower == "do" && k+1 < len(seg) && (seg[k+1].Lower == "n't" || seg[k+1].Lower == "not") {
		return false // "don't think of zebras": an order, a main clause
	}
	switch seg[k].Tag {
	case "VBD", "VBZ", "VBP", "MD":
		// A second finite verb means the first word was its subject,
		// tagged as a verb ("witnesses/VBZ no longer afraid came").
		for j := k + 1; j < len(seg); j++ {
			if isFiniteTag(seg[j].Tag) && !isFiniteTag(seg[j-1].Tag) && seg[j-1].Tag != "RB" {
				return false
			}
		}
		return true
	case "VBN":
		// A participle before its noun is an adjective ("infected
		// mosquitoes can"); one with its complement runs a phrase.
		if k+1 < len(seg) && (strings.HasPrefix(seg[k+1].Tag, "NN") || strings.HasPrefix(seg[k+1].Tag, "JJ")) {
			return false
		}
		for j := k + 1; j+1 < len(seg); j++ {
			if nominative[seg[j].Lower] && isFiniteTag(seg[j+1].Tag) {
				return false // "given that they were": a clause of its own
			}
		}
		return true
	}
	return false
}

// bareNounPhrase reports a segment without a verb that opens on a noun
// phrase: a subject an aside cut off from its verb.
func bareNounPhrase(seg []token) bool {
	if len(seg) == 0 {
		return false
	}
	if (seg[0].Tag == "VBD" || seg[0].Tag == "VBN") && len(seg) >= 2 && len(seg) <= 4 && strings.HasPrefix(seg[len(seg)-1].Tag, "NN") {
		// "applied/VBD behavioral analysis": a past form before its
		// adjectives and noun, and nothing else, names a thing.
		np := true
		for _, t := range seg[1:] {
			np = np && (strings.HasPrefix(t.Tag, "JJ") || strings.HasPrefix(t.Tag, "NN"))
		}
		if np {
			return true
		}
	}
	if hasFiniteVerb(seg) {
		return false
	}
	if len(wordsOf(seg)) == 1 && (seg[0].Tag == "PRP" || seg[0].Lower == "that" || seg[0].Lower == "this") {
		return true // "that, too, was news"
	}
	start := 0
	if seg[0].Tag == "VBN" && len(seg) > 1 && (strings.HasPrefix(seg[1].Tag, "JJ") || strings.HasPrefix(seg[1].Tag, "NN")) {
		start = 1 // "applied behavioral analysis": a participle as an adjective
	}
	if !opensNounPhrase(seg[start]) {
		return false
	}
	for _, t := range seg[start:] {
		if strings.HasPrefix(t.Tag, "VB") {
			return false
		}
	}
	return true
}

// hasMainClause reports whether any segment holds a finite verb that is not
// governed by a relative pronoun or a subordinator of its own, and has a
// subject of its own or a bare noun phrase before it.
func hasMainClause(segs [][]token) bool {
	subject, predicates := false, false
	for _, seg := range segs {
		if bareNounPhrase(seg) && !predicates {
			subject = true // (after a run of predicates, a phrase is one of them: "irritated/JJ passengers")
		}
		if len(seg) == 0 || !hasFiniteVerb(seg) || isAttribution(seg) {
			continue
		}
		if !subject && !Heuristics.IsOff(hPredicateOnly.Name) && predicateOnly(seg) {
			predicates = true
			continue
		}
		fw := firstWord(seg) % len(seg)
		first := seg[fw].Lower
		demonstrative := (first == "that" || first == "this") && fw+1 < len(seg) && (isFiniteTag(seg[fw+1].Tag) || seg[fw+1].Tag == "RB")
		if !demonstrative && (subordinators[first] || relatives[first] || first == "who" || first == "where") {
			continue // "that could save": a demonstrative subject, not a relative
		}
		governed := false
		for k, t := range seg {
			if (t.Tag == "WDT" || t.Tag == "WP" || t.Tag == "WP$") && !(k == fw && demonstrative) {
				governed = true
				break
			}
			if isFiniteTag(t.Tag) {
				break
			}
		}
		// A relative clause, then the main verb: "the conglomerates that
		// own the houses are trying".
		if !governed || verbGroups(seg) >= 2 {
			return true
		}
	}
	return false
}

// verbGroups counts the runs of finite verbs (with their adverbs,
// auxiliaries and participles) in a clause, by the tagger's finite tags.
func verbGroups(toks []token) int {
	n, in := 0, false
	for _, t := range toks {
		f := isFiniteTag(t.Tag)
		if f && !in {
			n++
		}
		in = f || in && (t.Tag == "RB" || strings.HasPrefix(t.Tag, "VB"))
	}
	return n
}

// isAttribution reports a clause that only names a speaker: "the agency
// said", "Goodison added". It is no main clause for what comes before it.
func isAttribution(seg []token) bool {
	words := wordsOf(seg)
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	return reporting[strings.ToLower(words[len(words)-1])] || len(words) > 1 && reporting[strings.ToLower(words[1])] && len(words) == 2
}

// isFiniteTag reports a finite tag (VBD, VBP, VBZ, MD). It is no second
// definition of a finite verb (that is finiteAt): clause tests use it to
// read structure, where a verb group starts and where a clause ends, from
// what the tagger said. finiteAt's readings of nouns as verbs move those
// boundaries: used there, it read "the chairman said in remarks
// prepared/VBN" as two clauses and cost fragment labels on the synthetic
// sets.
func isFiniteTag(tag string) bool {
	return tag == "VBD" || tag == "VBP" || tag == "VBZ" || tag == "MD"
}
