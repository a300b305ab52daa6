package fragment

import (
	"slices"
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// NoSubject reports a sentence that opens with a prepositional phrase and
// goes straight to its verb.
var NoSubject = &sdk.Rule{
	Name:      "no-subject",
	Category:  sdk.CategoryFragment,
	Languages: sdk.English,
	Severity:  sdk.Warning,
	Summary:   "a sentence whose verb follows an opening phrase with no subject between (\"For the new rules is expected...\")",
	Doc: `A cut in the wrong place can leave the second half of a sentence with a
verb but no subject: "...a white paper on policy. For immigration and asylum
is expected to be published on Monday." The sentence opens with a
prepositional phrase and its finite verb follows the phrase directly, so
nothing is left to be the subject.

English does put the subject after the verb when a phrase of place opens
the sentence ("Among the dead were two children", "In the corner stood a
piano"), so a verb followed by a noun phrase is left alone; so are
questions, quoted speech, a phrase that holds its own subject ("In 2019
exports rose") and a paragraph's only sentence.`,
	Example: sdk.Example{
		Before: "The ministry will publish a white paper on policy. For immigration and asylum is expected on Monday.",
		After:  "The ministry's white paper on policy for immigration and asylum is expected on Monday.",
	},
	Check: checkNoSubject,
}

func checkNoSubject(pass *sdk.Pass) {
	b := bodyOf(pass)
	for _, para := range b.Paras {
		for _, s := range para {
			if !prepositions[s.FirstWord()] {
				continue // decided without tagging: most sentences open otherwise
			}
			c, ok := candidate(s, para, b)
			if !ok || isDateline(s) || !on(hVerbAfterPhrase, c) || on(hSubjectBefore, c) || on(hNoSubjectShape, c) {
				continue
			}
			toks := s.Toks()
			first := firstWord(toks)
			v := verbAfterPhrase(toks, first+1)
			s.trace.Note("no-subject", "reported")
			msg, related := c.belongs("no subject: the sentence opens with \"" + strings.Join(wordsOf(toks[first:v]), " ") + "\" and goes straight to \"" + toks[v].Text + "\"; it reads as the second half of a sentence cut in the wrong place")
			pass.Report(sdk.Diagnostic{
				Span:    s.Span,
				Message: msg,
				Related: related,
			})
		}
	}
}

// noSubjectVerb returns the finite verb that directly follows a sentence's
// opening prepositional phrase, or -1.
func noSubjectVerb(toks []token) int {
	first := firstWord(toks)
	if first >= len(toks) || toks[first].Tag != "IN" {
		return -1
	}
	return verbAfterPhrase(toks, first+1)
}

// asideIn reports a dash or bracket inside the opening phrase: an aside,
// then the subject ("With AWD — not four-wheel drive — power is").
func asideIn(toks []token) bool {
	return slices.IndexFunc(toks, func(t token) bool { return isSeparator(t.Text) && t.Text != "," }) >= 0
}

// mainClauseAfter reports a main clause after a comma following v: the
// "verb" was a participle the tagger read as a past tense ("In a report
// prepared/VBD for the meeting, the bank found").
func mainClauseAfter(toks []token, v int) bool {
	segs := clauses(toks[v+1:])
	return len(segs) > 1 && hasMainClause(segs[1:])
}

// verbAfterPhrase returns the index of a finite verb that directly follows
// the noun phrase of an opening preposition (from i on), or -1 when the
// phrase holds a subject of its own or the verb is followed by one.
func verbAfterPhrase(toks []token, i int) int {
	sawNoun, comma := false, false
	for j := i; j < len(toks); j++ {
		t := toks[j]
		switch {
		case isFiniteTag(t.Tag):
			if !sawNoun && j > i && toks[j-1].Tag != "RB" && toks[j-1].Tag != "CC" {
				return -1
			}
			if j == i {
				return -1
			}
			// Inversion after a phrase of place: "Among the dead were two
			// children", "In the corner stood a piano".
			k := j + 1
			for k < len(toks) && toks[k].Tag == "RB" {
				k++
			}
			if k < len(toks) && inversionVerbs[t.Lower] {
				switch n := toks[k].Tag; {
				case n == "DT" || n == "CD" || n == "PRP$" || n == "PRP" || n == "EX" || strings.HasPrefix(n, "NN") || strings.HasPrefix(n, "JJ"):
					return -1
				}
			}
			return j
		case t.Text == ",":
			// One comma, straight before the verb: "In Europe in the
			// first two months of the year, was resumed".
			if comma || j+1 >= len(toks) || !isFiniteTag(toks[j+1].Tag) {
				return -1
			}
			comma = true
		case t.Tag == "DT" || t.Tag == "PRP$":
			if sawNoun && !comma && toks[j-1].Tag != "IN" {
				return -1 // a second noun phrase: "On Monday the council voted"
			}
		case t.Tag == "CD":
			if sawNoun && toks[j-1].Tag != "IN" && toks[j-1].Tag != "TO" && toks[j-1].Tag != "DT" && !strings.HasPrefix(toks[j-1].Tag, "JJ") {
				return -1
			}
		case strings.HasPrefix(t.Tag, "NN"):
			if !comma && figuresOnly(toks, j) || sawNoun && toks[j-1].Tag == "NNP" && !strings.HasPrefix(t.Tag, "NNP") {
				return -1 // a date, then the subject: "In 2019 exports rose", "On Monday shares fell"
			}
			sawNoun = true
		case strings.HasPrefix(t.Tag, "JJ"), t.Tag == "POS", t.Tag == "CC", t.Tag == "RB":
		case t.Tag == "IN" && (t.Lower == "of" || comma || sawNoun), t.Tag == "TO" && sawNoun:
			// "the first two months of the year", "from 2006 to 2009":
			// nested phrases
		case t.Tag == "VBG" && j == i:
			sawNoun = true // a gerund after the preposition is its object: "On smoking on flights is"
		case t.Tag == "VBN" || t.Tag == "VBG":
			return -1 // "Among those killed were", "After leaving the hotel he"
		default:
			return -1
		}
	}
	return -1
}

// figuresOnly reports whether the words between the last preposition and
// j are figures ("In 1984 and 1985"): a noun after them starts the subject.
func figuresOnly(toks []token, j int) bool {
	n := 0
	for k := j - 1; k >= 0 && toks[k].Tag != "IN"; k-- {
		if toks[k].Tag != "CD" && toks[k].Tag != "CC" {
			return false
		}
		n++
	}
	return n > 0
}

func wordsOf(toks []token) []string {
	var out []string
	for _, t := range toks {
		if isWordToken(t.Text) {
			out = append(out, t.Text)
		}
	}
	return out
}

// auxiliaries are the copula, "have", "do" and the modals: verbs that are
// never anything else and always need a subject before them.
var auxiliaries = map[string]bool{"is": true, "are": true, "was": true, "were": true, "has": true, "have": true,
	"had": true, "does": true, "do": true, "did": true, "will": true, "would": true, "can": true, "could": true,
	"should": true, "may": true, "might": true, "must": true, "shall": true}

// phraseIdiom reports an opening that is not a prepositional phrase at
// all: a quantifier ("At least two groups are"), a linking phrase ("For
// instance,", "In all") or an inversion ("At stake will be", "At issue is").
func phraseIdiom(toks []token, first int) bool {
	if first+1 >= len(toks) {
		return false
	}
	switch toks[first].Lower + " " + toks[first+1].Lower {
	case "at least", "at most", "in all", "for instance", "for example", "at stake", "at issue", "in addition", "of course":
		return true
	}
	return false
}

// subjectOpens reports a subject just before the verb at v, after the
// opening phrase: "In 1987 the court has", "Throughout his career Putin
// has", "In the last 19 years advocates have".
func subjectOpens(toks []token, v int) bool {
	j := v - 1
	for j >= 0 && toks[j].Tag == "RB" {
		j--
	}
	if j < 0 || !isNoun(toks[j].Tag) && toks[j].Tag != "VBG" { // "advocates for home schooling/VBG have"
		return false
	}
	sg, pl := subjectBefore(toks, j)
	switch toks[v].Lower {
	case "is", "was", "has", "does":
		return sg // "For the winter crossings is": no subject agrees
	case "are", "were", "have", "do":
		return pl
	}
	return sg || pl
}

// inverted reports a verb group followed by its subject: "From the windows
// can be seen the shops", "Among the dead were two children".
func inverted(toks []token, v int) bool {
	k := v + 1
	for k < len(toks) && (toks[k].Tag == "RB" || toks[k].Tag == "VBN" || toks[k].Lower == "be" || toks[k].Lower == "been") {
		k++
	}
	if k >= len(toks) || k == v+1 {
		return false
	}
	n := toks[k].Tag
	return n == "DT" || n == "CD" || n == "PRP$" || strings.HasPrefix(n, "NN") || strings.HasPrefix(n, "JJ")
}

// finiteLater reports another finite verb after v in the same clause: the
// first was a noun the tagger made a verb ("From the picture windows/VBZ
// in the department can be seen").
func finiteLater(toks []token, v int) bool {
	for _, t := range toks[v+1:] {
		if isSeparator(t.Text) {
			return false
		}
		if isFiniteTag(t.Tag) {
			return true
		}
	}
	return false
}

// inversionVerbs are the verbs English puts before their subject after a
// phrase of place ("Among the dead were two children", "In the corner
// stood a piano"); any other verb followed by a noun phrase has lost its
// subject ("In its aerospace division fell 46 pct").
var inversionVerbs = map[string]bool{"is": true, "are": true, "was": true, "were": true, "stood": true, "stands": true,
	"lay": true, "lies": true, "sat": true, "sits": true, "came": true, "comes": true, "remain": true, "remains": true,
	"remained": true, "hung": true, "hangs": true, "rose": true, "rises": true, "lived": true, "lives": true, "went": true,
	"goes": true, "will": true, "would": true, "can": true, "could": true, "may": true, "might": true, "must": true,
	"should": true, "has": true, "have": true, "had": true}
