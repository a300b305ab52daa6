package fragment

import "strings"

// isNoun reports a noun or pronoun tag: a possible subject.
func isNoun(tag string) bool {
	return strings.HasPrefix(tag, "NN") || tag == "PRP" || tag == "CD"
}

// hasFiniteVerb reports whether a tagged sentence has a verb that can carry a
// main clause. Beyond the finite tags (VBD, VBP, VBZ, MD) it forgives the
// tagger's usual slips on clean copy: a past tense read as a participle
// ("the match ended/VBN with...") and a present read as a base form after
// its subject ("exports grow/VB"); a base form that opens the sentence is an
// imperative.
func hasFiniteVerb(toks []token) bool { return finiteVerb(toks, true) }

// hasStrictFiniteVerb is hasFiniteVerb without the noun-for-verb
// allowances, for judging a clause after a comma, where a list of nouns
// ("warps, space bubbles and void traps in order...") would pass for one.
func hasStrictFiniteVerb(toks []token) bool { return finiteVerb(toks, false) }

func finiteVerb(toks []token, forgiveNouns bool) bool {
	first := firstWord(toks)
	for i, t := range toks {
		switch t.Tag {
		case "VBZ":
			// A sentence cannot open on a finite -s verb with no subject;
			// before a preposition it is a plural noun ("Strikes by...").
			if i == first && i+1 < len(toks) && (toks[i+1].Tag == "IN" || toks[i+1].Tag == "CC") {
				continue
			}
			return true
		case "VBD", "VBN":
			// A past form straight after an article or a possessive
			// is an adjective or a noun ("the injured", "with the
			// intended"), whatever the tagger says.
			if i > 0 && (articles[toks[i-1].Lower] || toks[i-1].Tag == "PRP$") {
				continue
			}
			// A participle after a noun and before "by" and its agent is
			// a reduced relative clause ("projections made by Dixons").
			if t.Tag == "VBN" && i > 0 && i+2 < len(toks) && toks[i+1].Lower == "by" && reducedRelative(toks[i-1], toks[i+2]) {
				continue
			}
			if t.Tag == "VBD" || i > 0 && !auxBefore(toks, i) {
				return true
			}
		case "VBP", "MD":
			return true
		case "VB":
			if i == first || nounBefore(toks, i) {
				return true
			}
		case "NNS":
			if forgiveNouns && !inOpeningPhrase(toks, i) && (verbReadAsPlural(toks, i) || nounBeforeDeterminer(toks, i)) {
				return true
			}
		case "NN":
			if forgiveNouns && !inOpeningPhrase(toks, i) && nounBeforeDeterminer(toks, i) {
				return true
			}
		case "JJ":
			if forgiveNouns && !inOpeningPhrase(toks, i) && adjectiveReadForVerb(toks, i) {
				return true
			}
		}
	}
	return false
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
		if finiteVerb(toks[i:i+1], false) || t.Tag == "VBN" || t.Tag == "VB" {
			return false
		}
		aside = aside || isSeparator(t.Text)
	}
	if rel < 0 {
		return false
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
	groups, in := 0, false
	for i := rel + 1; i < len(toks); i++ {
		f := isFinite(toks, i)
		// A finite verb after a participle opens the next clause: "those
		// who were tripped were crushed".
		if f && (!in || toks[i-1].Tag == "VBN" || toks[i-1].Tag == "VBG") {
			groups++
		}
		in = f || (in && (toks[i].Tag == "RB" || strings.HasPrefix(toks[i].Tag, "VB")))
	}
	return groups == 1
}

// isFinite reports whether token i is a finite verb by the forgiving test of
// hasFiniteVerb.
func isFinite(toks []token, i int) bool {
	switch toks[i].Tag {
	case "VBD", "VBP", "VBZ", "MD":
		return true
	case "VBN":
		return !auxBefore(toks, i)
	case "NNS":
		return verbReadAsPlural(toks, i)
	}
	return false
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
