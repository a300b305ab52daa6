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
func hasFiniteVerb(toks []token) bool {
	for i, t := range toks {
		switch t.Tag {
		case "VBD", "VBP", "VBZ", "MD":
			return true
		case "VBN":
			if i > 0 && !auxBefore(toks, i) {
				return true
			}
		case "VB":
			if i == firstWord(toks) || nounBefore(toks, i) {
				return true
			}
		case "NNS":
			if verbReadAsPlural(toks, i) {
				return true
			}
		}
	}
	return false
}

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
// preposition, "to", a determiner, a number or a possessive.
func verbReadAsPlural(toks []token, i int) bool {
	if i == 0 || i+1 >= len(toks) || !strings.HasSuffix(toks[i].Lower, "s") {
		return false
	}
	prev := toks[i-1].Tag
	if !strings.HasPrefix(prev, "NN") && !strings.HasPrefix(prev, "JJ") {
		return false
	}
	switch toks[i+1].Tag {
	case "IN", "TO", "DT", "CD", "PRP$", "PRP":
		return true
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
