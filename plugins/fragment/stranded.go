package fragment

import (
	"github.com/copydesk/copydesk/core/sdk"
)

// StrandedClause reports a subordinate or relative clause standing alone.
var StrandedClause = &sdk.Rule{
	Name:     "stranded-clause",
	Category: sdk.CategoryFragment,
	Severity: sdk.Warning,
	Summary:  "a subordinate or relative clause standing alone as a sentence",
	Doc: `A sentence that opens with a subordinating conjunction ("because",
"when", "although") or a relative pronoun ("which") needs a main clause.
When a cut leaves the clause on its own ("Because the talks had failed.",
"When the hotel collapsed, the cause of which is unknown.") the sentence has
no main clause, and the clause usually belongs to the sentence before.

A main clause is looked for after each comma: a finite verb that is not
itself inside a relative clause. Conjunctions that double as prepositions
("after", "before", "since", "until", "once") are only trusted when a comma
marks where their clause ends. Questions, quoted speech and sentences that
open a paragraph are left alone.`,
	Example: sdk.Example{
		Before: "At least 76 people were killed. When the hotel collapsed.",
		After:  "At least 76 people were killed when the hotel collapsed.",
	},
	Check: checkStranded,
}

// prepositional subordinators also open plain prepositional phrases
// ("After the match the coach..."), so without a comma they prove nothing.
var prepositional = map[string]bool{"after": true, "before": true, "since": true, "until": true, "once": true}

func checkStranded(pass *sdk.Pass) {
	b := bodyOf(pass.Article)
	for _, para := range b.Paras {
		for _, s := range para {
			if !candidate(s, para) {
				continue
			}
			i := firstWord(s.Toks)
			if i >= len(s.Toks) {
				continue
			}
			w := s.Toks[i].Lower
			switch {
			case relatives[w]:
				// A relative clause standing alone is stranded whatever
				// the tagger makes of its verb ("Which it denies/NNS.").
			case subordinators[w]:
				if !hasFiniteVerb(s.Toks) {
					continue // the verbless rule reports it
				}
				segs := clauses(s.Toks[i+1:])
				if len(segs) == 1 && prepositional[w] {
					continue
				}
				if hasMainClause(segs[1:]) || (len(segs) == 1 && finiteCount(segs[0]) > 1) {
					continue
				}
			default:
				continue
			}
			pass.Report(sdk.Diagnostic{
				Span:    s.Span,
				Message: "dependent clause without a main clause: it opens with \"" + s.Toks[i].Text + "\" and nothing completes it; it probably belongs to the sentence before",
				Related: []sdk.Related{{Span: para[s.Index-1].Span, Message: "the sentence it may belong to"}},
			})
		}
	}
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

// hasMainClause reports whether any segment holds a finite verb that is not
// governed by a relative pronoun or a subordinator of its own.
func hasMainClause(segs [][]token) bool {
	for _, seg := range segs {
		if len(seg) == 0 || !hasFiniteVerb(seg) {
			continue
		}
		first := seg[firstWord(seg)%len(seg)].Lower
		if subordinators[first] || relatives[first] || first == "who" || first == "where" {
			continue
		}
		governed := false
		for _, t := range seg {
			if t.Tag == "WDT" || t.Tag == "WP" || t.Tag == "WP$" {
				governed = true
				break
			}
			if isFiniteTag(t.Tag) {
				break
			}
		}
		if !governed {
			return true
		}
	}
	return false
}

func isFiniteTag(tag string) bool {
	return tag == "VBD" || tag == "VBP" || tag == "VBZ" || tag == "MD"
}

// finiteCount counts the verb groups with a finite head: a subordinate
// clause without a comma needs a second one for its main clause.
func finiteCount(toks []token) int {
	n, in := 0, false
	for _, t := range toks {
		f := isFiniteTag(t.Tag)
		if f && !in {
			n++
		}
		in = f || (in && (t.Tag == "RB" || t.Tag == "VBN" || t.Tag == "VBG" || t.Tag == "VB"))
	}
	return n
}
