package fragment

import "strings"

// isNoun reports a noun or pronoun tag: a possible subject.
func isNoun(tag string) bool {
	return strings.HasPrefix(tag, "NN") || tag == "PRP" || tag == "CD"
}

// finiteAt is the plugin's one definition of a finite verb: token i of a
// sentence is one when the tagger reads it as one (taggedFinite, which
// forgives the tagger's usual slips), or when the verb lexicon lists a
// finite form of the word and a plausible subject stands before it
// (lexiconFinite). A sentence is verbless only when no token has either
// reading.
func finiteAt(toks []token, i int) bool {
	return taggedFinite(toks, i) || lexiconFinite(toks, i)
}

// hasFiniteVerb reports whether a tagged sentence has a token that can be a
// finite verb (finiteAt).
func hasFiniteVerb(toks []token) bool {
	for i := range toks {
		if finiteAt(toks, i) {
			return true
		}
	}
	return false
}

// taggedFinite reads the tagger's tag at i. Beyond the finite tags (VBD,
// VBP, VBZ, MD) it forgives the tagger's usual slips on clean copy: a past
// tense read as a participle ("the match ended/VBN with...") and a present
// read as a base form after its subject ("exports grow/VB"); a base form
// that opens the sentence is an imperative; nouns and adjectives in a
// verb's position count too.
func taggedFinite(toks []token, i int) bool {
	t := toks[i]
	switch t.Tag {
	case "VBZ":
		// A sentence cannot open on a finite -s verb with no subject;
		// before a preposition it is a plural noun ("Strikes by...").
		return auxiliaries[t.Lower] || !(i == firstWord(toks) && i+1 < len(toks) && (toks[i+1].Tag == "IN" || toks[i+1].Tag == "CC"))
	case "VBD", "VBN":
		// A past form straight after an article or a possessive
		// is an adjective or a noun ("the injured", "with the
		// intended"), whatever the tagger says.
		if i > 0 && (articles[toks[i-1].Lower] || toks[i-1].Tag == "PRP$") {
			return false
		}
		if t.Tag == "VBN" && participleNoVerb(toks, i) {
			return false // ", followed by", "In remarks prepared for", "finding supplies curtailed"
		}
		// A participle after a noun and before "by" and its agent is
		// a reduced relative clause ("projections made by Dixons").
		if t.Tag == "VBN" && i > 0 && i+2 < len(toks) && toks[i+1].Lower == "by" && reducedRelative(toks[i-1], toks[i+2]) {
			return false
		}
		return t.Tag == "VBD" || i > 0 && !auxBefore(toks, i)
	case "VBP", "MD":
		return true
	case "VB":
		return i == firstWord(toks) || nounBefore(toks, i)
	case "NNS":
		return !inOpeningPhrase(toks, i) && !participleNoVerb(toks, i) && (verbReadAsPlural(toks, i) || nounBeforeDeterminer(toks, i))
	case "NN":
		return !inOpeningPhrase(toks, i) && nounBeforeDeterminer(toks, i)
	case "JJ":
		return !inOpeningPhrase(toks, i) && adjectiveReadForVerb(toks, i)
	}
	return false
}

// lexiconFinite reports a word the lexicon lists as a finite verb, in a
// position where a subject that agrees with it comes first: "the work
// proceeds/NN", "warplanes and artillery bombed/NN", "they number/NN". The
// word must not open the sentence, must follow a noun or pronoun (adverbs
// and a closed aside may stand between) and must not be followed by what
// follows a noun: "and", "of", a possessive ("Specialty steels and an
// electronics retailer" stays a noun phrase).
func lexiconFinite(toks []token, i int) bool {
	if Heuristics.IsOff("lexicon-verb") {
		return false
	}
	if i == 0 || i <= firstWord(toks) || i+1 < len(toks) && nounContinues(toks[i+1]) {
		return false
	}
	if (toks[i].Lower == "'s" || toks[i].Lower == "’s") && contracted[toks[i-1].Lower] {
		return true // "that's", "it's": "is" or "has"
	}
	f := lexiconForms(toks[i].Lower)
	if toks[i-1].Tag == "CD" {
		return false // "the 70 meter hall", "50 million barrels": a number counts a noun
	}
	if f.Past && !Heuristics.IsOff("participle-is-no-verb") && participlePhrase(toks, i) {
		return false // "37.5 pct, followed by the Alliance": a participle's phrase
	}
	if f.Past && !f.Present && !f.Present3 && i+2 < len(toks) && toks[i+1].Lower == "by" && reducedRelative(toks[i-1], toks[i+2]) {
		return false // "A decision welcomed by commuters": a participle and its agent
	}
	if !f.any() || isProperName(toks[i].Text) || toks[i].Text != toks[i].Lower && toks[i].Tag == "NNP" {
		return false
	}
	j := i - 1
	for j >= 0 && (toks[j].Tag == "RB" || toks[j].Tag == "RBR") {
		j--
	}
	if j < 0 {
		return false
	}
	if isSeparator(toks[j].Text) || toks[j].Text == ")" {
		// "Great expanses of water, more lake than river, stretch": the
		// subject is the sentence's first noun phrase, before the aside.
		j = firstNoun(toks, j)
		if j < 0 {
			return false
		}
	}
	possessed := strings.HasPrefix(toks[j].Tag, "JJ") && j > 0 && (toks[j-1].Tag == "POS" || toks[j-1].Tag == "PRP$")
	if !isNoun(toks[j].Tag) && !pluralPronouns[toks[j].Lower] && !possessed { // "Kennedy's routine/JJ struck"
		return false // "about closed roads": a verb needs its subject right before it
	}
	singular, plural := subjectBefore(toks, j)
	if singular && f.Present && !f.Present3 && !f.Past && i+1 < len(toks) && (toks[i+1].Tag == "NN" || toks[i+1].Tag == "NNS") {
		// "The North American box office": a base form before a bare
		// noun is a compound unless the subject is plainly plural ("the
		// rulers practice torture").
		return false
	}
	return f.Past && (singular || plural) || f.Present3 && singular || f.Present && plural
}

// subjectBefore reads the noun phrase that ends at j as the subject of a
// verb after it, and reports the numbers it can take (both false: no
// subject). It walks back over the phrase and the prepositional phrases on
// it ("His findings of fact bore", "Nature lovers and scientists from
// around the world come"), taking the number of every head it passes. The
// phrase must open its clause: at the start of the sentence, after a
// comma, a conjunction or an adverb, or after an opening phrase of time
// ("By 1981 that percentage dropped"). A phrase after any other preposition
// or after a verb is that word's object ("checking with the ploughing
// crews"). A bare singular common noun is no subject either: English gives
// it a determiner, so "Member firms" and "Specialty steels" are compounds.
func subjectBefore(toks []token, j int) (singular, plural bool) {
	determined := false
	head := true // the next noun walking back is a head
	for k := j; k >= 0; k-- {
		t := toks[k]
		if k < j && isNoun(t.Tag) && !head && (toks[k+1].Tag == "IN" || toks[k+1].Tag == "RB") {
			head = true // the noun a prepositional phrase hangs on
		}
		if k < j && boundaryAfter(toks, k) {
			// "on that subject | Bush has", "in the last 19 years |
			// advocates have", "in the mid-50s | new cars could": the
			// phrase before ends here and the subject starts after it.
			return clauseOpensAt(toks, k, determined, singular, plural)
		}
		switch {
		case pluralPronouns[t.Lower] && (k == j || t.Tag == "DT" || t.Tag == "JJ"):
			plural, determined = true, true
		case t.Tag == "PRP":
			switch t.Lower {
			case "he", "she", "it":
				singular = true
			case "i", "you", "we", "they":
				plural = true
			default:
				return false, false // "them", "him": objects
			}
			determined = true
		case t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "WP$":
			if k > 1 && toks[k-1].Tag == "CC" && isNoun(toks[k-2].Tag) {
				plural, head = true, true // "the police and the ploughing crews": one coordinated phrase
				k--
				continue
			}
			if k > 1 && toks[k-1].Tag == "VBG" && isNoun(toks[k-2].Tag) {
				head = true // "Republicans attending the convention": a clause on the noun before
				k--
				continue
			}
			if k > 0 && prepOnNoun(toks, k-1) {
				determined = true // "scientists from around the world": walk on to the noun
				continue
			}
			return clauseOpensAt(toks, k-1, true, singular, plural)
		case t.Lower == "than" || t.Lower == "least" || t.Lower == "at" && k < j && toks[k+1].Lower == "least":
			// "more than half", "at least two groups": part of the quantifier
		case t.Tag == "POS" || t.Tag == "CD" || t.Tag == "$":
			determined = true
			if head && t.Tag == "CD" && k == j {
				plural, head = true, false
			}
		case strings.HasPrefix(t.Tag, "NN"):
			name := t.Tag == "NNP" || t.Tag == "NNPS"
			if name && k == firstWord(toks) && !t.Name && !isProperName(t.Text) {
				name = false // a capital at the start of a sentence proves no name
			}
			if name || t.Tag == "NNS" {
				determined = true
			}
			if head {
				switch {
				case name:
					singular, plural = true, true // a name may be a group: "Microsoft", "the Yankees"
				case t.Tag == "NNS":
					plural = true
				default:
					singular = true
				}
				head = false
			}
		case strings.HasPrefix(t.Tag, "JJ") || t.Tag == "VBG" || t.Tag == "HYPH":
			if head && k == j {
				singular, head = true, false // an adjective read for the head noun
			}
		case t.Lower == "and" && k > 0 && isNoun(toks[k-1].Tag):
			plural, determined, head = true, true, true // "President and Hillary Clinton plan"
		case prepOnNoun(toks, k):
			// a prepositional phrase on the noun before
		default:
			return clauseOpensAt(toks, k, determined, singular, plural)
		}
	}
	return clauseOpensAt(toks, -1, determined, singular, plural)
}

// boundaryAfter reports a noun at k that ends a phrase rather than
// modifying the noun after it: a common noun before a name, a plural before
// a plural, or a time word or a figure ("years", "mid-50s", "1987").
func boundaryAfter(toks []token, k int) bool {
	t, next := toks[k], toks[k+1]
	switch {
	case !strings.HasPrefix(t.Tag, "NN"):
		return strings.HasPrefix(t.Tag, "JJ") && strings.ContainsAny(t.Text, "0123456789") // "the mid-50s"
	case !strings.HasPrefix(t.Tag, "NNP") && strings.HasPrefix(next.Tag, "NNP"):
		return true
	case t.Tag == "NNS" && next.Tag == "NNS":
		return true
	case timeWords[strings.TrimSuffix(t.Lower, "s")] && t.Tag == "NNS" || strings.ContainsAny(t.Text, "0123456789"):
		return !strings.ContainsAny(next.Text, "0123456789")
	}
	return false
}

// prepOnNoun reports a preposition at k (possibly of two words, "from
// around") that hangs on the noun before it.
func prepOnNoun(toks []token, k int) bool {
	if toks[k].Tag != "IN" && toks[k].Tag != "RB" {
		return false
	}
	for k--; k >= 0 && (toks[k].Tag == "IN" || toks[k].Tag == "RB"); k-- {
	}
	return k >= 0 && isNoun(toks[k].Tag)
}

// clauseOpensAt finishes subjectBefore: the phrase is a subject when token k,
// just before it, opens a clause.
func clauseOpensAt(toks []token, k int, determined, singular, plural bool) (bool, bool) {
	if !determined {
		return false, false
	}
	if k < firstWord(toks) {
		return singular, plural
	}
	t := toks[k]
	if t.Tag == "CC" {
		return singular, plural // only reached at the start of the sentence or after a comma
	}
	if isSeparator(t.Text) || t.Tag == "RB" || t.Tag == "CD" || strings.ContainsAny(t.Text, "0123456789") || strings.HasPrefix(t.Tag, "NN") || t.Tag == "WDT" || t.Tag == "WP" {
		return singular, plural
	}
	return false, false
}

// contracted are the words whose "'s" is a verb, not a possessive.
var contracted = map[string]bool{"that": true, "it": true, "he": true, "she": true, "there": true, "here": true,
	"what": true, "who": true, "where": true, "this": true, "everything": true, "nothing": true, "something": true}

// pluralPronouns stand for a plural subject: "Some experience...", "Most
// strike...".
var pluralPronouns = map[string]bool{"some": true, "most": true, "many": true, "few": true, "both": true,
	"all": true, "half": true, "those": true, "these": true, "several": true, "others": true}

// nounContinues reports a token after which the word before it is a noun,
// not a verb: "steels and", "rites of", "company's".
func nounContinues(t token) bool {
	return t.Tag == "CC" || t.Tag == "POS" || t.Lower == "of"
}

// firstNoun returns the index of the head of the sentence's first noun
// phrase before j (the last noun of its first run of nouns), or -1.
func firstNoun(toks []token, j int) int {
	at := -1
	for k := 0; k < j; k++ {
		if isNoun(toks[k].Tag) {
			at = k
			continue
		}
		if at >= 0 {
			return at
		}
	}
	return at
}

// reducedRelative reports whether a participle between a common noun and
// "by" + next reads as a clause on the noun ("projections made by the
// bidder") rather than as the verb: a name before it may be the subject
// ("Congress cut by"), and after "by" a gerund or an amount is the verb's
// manner or measure ("retaliated by firing", "cut by $30 million").
func reducedRelative(before, after token) bool {
	if before.Tag != "NN" && before.Tag != "NNS" {
		return false
	}
	return after.Tag != "VBG" && after.Tag != "CD" && after.Tag != "$"
}

// articles are the determiners after which a past form is never the verb.
var articles = map[string]bool{"the": true, "a": true, "an": true}

// nounBefore reports a noun or pronoun just before i, skipping adverbs
// ("scenes not only fill").
func nounBefore(toks []token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if toks[j].Tag == "RB" {
			continue
		}
		return isNoun(toks[j].Tag)
	}
	return false
}

// verbReadAsPlural catches the tagger's commonest slip on clean copy: a
// present-tense verb ending in -s read as a plural noun after its subject
// ("the event grows/NNS in popularity", "the request results/NNS from").
// It takes a word in -s that follows a noun or adjective and is itself
// followed by what follows a verb rather than ends a noun phrase: a
// preposition other than "of" (which follows nouns: "the final rites of"),
// "to", a determiner, a number or a possessive.
func verbReadAsPlural(toks []token, i int) bool {
	if i == 0 || i+1 >= len(toks) || !strings.HasSuffix(toks[i].Lower, "s") {
		return false
	}
	prev := toks[i-1].Tag
	if !strings.HasPrefix(prev, "NN") && !strings.HasPrefix(prev, "JJ") {
		return false
	}
	if quantifiers[toks[i-1].Lower] {
		// "several times their value", "many years the norm": a plural
		// after a quantifier heads a noun phrase; no verb takes one as
		// its subject.
		return false
	}
	if timeAfter(toks, i+1) {
		return false // "sales figures this week"
	}
	switch toks[i+1].Tag {
	case "IN":
		return toks[i+1].Lower != "of"
	case "TO", "DT", "CD", "PRP$", "PRP":
		return true
	}
	// An indefinite pronoun follows a verb, not a noun: "the government
	// charges/NNS nothing".
	return indefinites[toks[i+1].Lower]
}

// timeAfter reports a phrase of time at j: "this summer", "last week",
// "every Monday".
func timeAfter(toks []token, j int) bool {
	if j+1 >= len(toks) {
		return false
	}
	switch toks[j].Lower {
	case "this", "last", "next", "every", "that":
		return timeWords[toks[j+1].Lower]
	}
	return false
}

var indefinites = map[string]bool{"nothing": true, "something": true, "everything": true, "anything": true}

// adjectiveReadForVerb catches a verb the tagger made an adjective after a
// plural subject and before an amount: "the fields total/JJ 50 million
// barrels", "shipments annually total/JJ some $38 billion".
func adjectiveReadForVerb(toks []token, i int) bool {
	j := i - 1
	for j >= 0 && toks[j].Tag == "RB" {
		j--
	}
	if j < 0 || toks[j].Tag != "NNS" || i+1 >= len(toks) {
		return false
	}
	next := toks[i+1]
	if next.Tag == "CD" || next.Tag == "$" {
		return true
	}
	return next.Tag == "DT" && i+2 < len(toks) && (toks[i+2].Tag == "CD" || toks[i+2].Tag == "$")
}

// participleNoVerb is the participle-is-no-verb heuristic's reading of the
// word at i: a past participle that opens a phrase after a comma, sits in
// an opening prepositional phrase or follows a participle's object, or a
// plural that follows a participle's object, is no finite verb.
func participleNoVerb(toks []token, i int) bool {
	if Heuristics.IsOff("participle-is-no-verb") {
		return false
	}
	if toks[i].Tag == "VBN" && (participlePhrase(toks, i) || inOpeningPhrase(toks, i)) {
		return true
	}
	return objectOfParticiple(toks, i)
}

// participlePhrase reports a past participle that opens a phrase after a
// comma and takes its agent: ", followed by the Alliance", ", led by".
func participlePhrase(toks []token, i int) bool {
	return i > 0 && i+1 < len(toks) && toks[i-1].Text == "," && toks[i+1].Lower == "by"
}

// objectOfParticiple reports a word at i right after the noun phrase a
// participle inside the sentence takes as its object ("asking religious
// schools/NNS to pay", "finding supplies curtailed/VBN"): that phrase is
// the participle's object, not a subject, so the word is no finite verb.
// A participle that opens the sentence may qualify its subject instead
// ("Growing demand fuels prices").
func objectOfParticiple(toks []token, i int) bool {
	j := i - 1
	for j >= 0 && (toks[j].Tag == "DT" || toks[j].Tag == "CD" || strings.HasPrefix(toks[j].Tag, "JJ") || strings.HasPrefix(toks[j].Tag, "NN")) {
		j--
	}
	return j > firstWord(toks) && j < i-1 && toks[j].Tag == "VBG"
}

// nounBeforeDeterminer catches a verb read as a common noun where the
// phrase shape gives it away: a noun directly followed by a determiner or
// possessive starts a second noun phrase with nothing to join them, which a
// verb does ("our visitor bore/NN every mark").
func nounBeforeDeterminer(toks []token, i int) bool {
	if i == 0 || i+1 >= len(toks) || quantifiers[toks[i-1].Lower] {
		return false // "several times their value": a noun phrase, not a verb
	}
	if w := toks[i+1].Lower; (w == "a" || w == "an") && figureBefore(toks, i) {
		return false // "1.61 dlrs a share", "3,500 tonnes a year": a rate
	}
	if timeAfter(toks, i+1) {
		return false // "drugs tests this summer": a noun and its time
	}
	switch toks[i+1].Tag {
	case "DT":
		// "each", "all" and "both" float after nouns ("31 pct each").
		w := toks[i+1].Lower
		return w != "each" && w != "all" && w != "both"
	case "PRP$":
		return true
	}
	return false
}

// inOpeningPhrase reports a noun at i inside the prepositional phrase a
// sentence opens with ("At larger venues in the UK.", "On auction websites
// at..."): the noun is the preposition's object, so the tagger's -s slip
// cannot make a verb of it. A subject after the phrase is set off by a
// comma in news copy, which ends the phrase here.
func inOpeningPhrase(toks []token, i int) bool {
	first := firstWord(toks)
	if first >= i || toks[first].Tag != "IN" || subordinators[toks[first].Lower] {
		return false
	}
	sawNoun := false
	for j := first + 1; j < i; j++ {
		switch t := toks[j].Tag; {
		case t == "DT" || t == "PRP$":
			if sawNoun {
				return false // "In most years the river floods": a subject follows
			}
		case t == "CD" || t == "POS" || t == "CC" || strings.HasPrefix(t, "JJ"):
		case strings.HasPrefix(t, "NN"):
			sawNoun = true
		default:
			return false
		}
	}
	return true
}

// figureBefore reports a figure in the two words before i ("1.61 dlrs",
// "3,500 tonnes", "10 mln dlrs").
func figureBefore(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if toks[j].Tag == "CD" || strings.ContainsAny(toks[j].Text, "0123456789") {
			return true
		}
	}
	return false
}

// auxBefore reports whether a participle at i hangs on an auxiliary or a
// preposition ("has been placed", "with X supported by"), so is not itself
// a misread past tense.
func auxBefore(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch toks[j].Lower {
		case "have", "has", "had", "having", "be", "been", "being", "is", "are", "was", "were", "get", "got":
			return true
		}
		if toks[j].Tag == "IN" || toks[j].Tag == "," {
			return false
		}
	}
	return false
}

// firstWord is the index of the first token that is a word, past opening
// quotes and brackets.
func firstWord(toks []token) int {
	for i, t := range toks {
		if isWordToken(t.Text) {
			return i
		}
	}
	return len(toks)
}

func isWordToken(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127 && r != '“' && r != '”' && r != '‘' && r != '’' && r != '„' && r != '–' && r != '—' {
			return true
		}
	}
	return false
}

// onlyRelativeVerb reports a noun or prepositional phrase whose only finite
// verb sits in a relative clause: "Specialty steels which it sells to
// retailers.", "During the 1991 pilgrimage, in which hundreds were
// trampled." A main verb after the relative clause ("The report that was
// released on Monday shows...") makes a second verb group, and then the
// sentence is whole.
func onlyRelativeVerb(toks []token) bool {
	first := firstWord(toks)
	if first >= len(toks) || !opensNounPhrase(toks[first]) && toks[first].Tag != "IN" {
		return false // a relative clause after a verb is not the point
	}
	rel, aside := -1, false
	for i := first; i < len(toks); i++ {
		t := toks[i]
		if t.Tag == "WDT" || t.Tag == "WP" || t.Tag == "WP$" {
			rel = i
			break
		}
		if finiteAt(toks[i:i+1], 0) || t.Tag == "VBN" || t.Tag == "VB" {
			return false
		}
		aside = aside || isSeparator(t.Text)
	}
	if rel < 0 || toks[rel].Lower == "that" && rel+1 < len(toks) && strings.HasPrefix(toks[rel+1].Tag, "NN") {
		return false // "By 1981 that percentage dropped": a determiner
	}
	if aside {
		// A relative clause set off by commas, dashes or brackets is an
		// aside when something closes it: the main verb comes after,
		// whatever the tagger made of it ("The company - which controls
		// half the market - aims/NNS to..."). One that runs to the full
		// stop leaves the sentence without a main clause.
		for _, t := range toks[rel+1:] {
			if isSeparator(t.Text) || t.Text == ")" {
				return false
			}
		}
	}
	// The antecedent's number: a later word the lexicon lists as a verb
	// that agrees with it is the main verb the tagger missed ("Those who
	// did so retain/NN the right").
	var ante token
	for k := rel - 1; k >= first; k-- {
		if isNoun(toks[k].Tag) || pluralPronouns[toks[k].Lower] {
			ante = toks[k]
			break
		}
	}
	groups, in := 0, false
	for i := rel + 1; i < len(toks); i++ {
		f := finiteAt(toks, i) || groups > 0 && !in && agreesWith(ante, toks, i)
		// A finite verb after a participle opens the next clause: "those
		// who were tripped were crushed".
		if f && (!in || toks[i-1].Tag == "VBN" || toks[i-1].Tag == "VBG" || isFiniteTag(toks[i-1].Tag) && isFiniteTag(toks[i].Tag)) {
			// (two finite verbs in a row are two clauses: "which it sells are")
			groups++
		}
		in = f || (in && (toks[i].Tag == "RB" || strings.HasPrefix(toks[i].Tag, "VB")))
	}
	return groups == 1
}

// agreesWith reports a word at i that the lexicon lists as a finite verb
// agreeing in number with the noun ante, in a verb's position (not after a
// determiner, an adjective, a preposition or "to").
func agreesWith(ante token, toks []token, i int) bool {
	if ante.Tag == "" || i == 0 {
		return false
	}
	switch p := toks[i-1].Tag; {
	case p == "DT" || p == "PRP$" || p == "IN" || p == "TO" || strings.HasPrefix(p, "JJ") || strings.HasPrefix(p, "VB") || p == "MD":
		return false
	}
	if i+1 < len(toks) && nounContinues(toks[i+1]) {
		return false
	}
	f := lexiconForms(toks[i].Lower)
	plural := ante.Tag == "NNS" || ante.Tag == "NNPS" || pluralPronouns[ante.Lower]
	return f.Past || f.Present && plural || f.Present3 && !plural
}

// opensNounPhrase reports a word that can begin a noun phrase: a
// determiner, a possessive, a figure, an adjective or a noun.
func opensNounPhrase(t token) bool {
	return t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "CD" || strings.HasPrefix(t.Tag, "JJ") || strings.HasPrefix(t.Tag, "NN")
}

// isSeparator reports punctuation that sets off an aside or a clause.
func isSeparator(s string) bool {
	switch s {
	case ",", ":", "(", "-", "--", "–", "—":
		return true
	}
	return false
}
