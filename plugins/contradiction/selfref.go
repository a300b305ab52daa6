package contradiction

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// SelfReference flags a state that deals with itself under another name.
var SelfReference = &sdk.Rule{
	Name:     "self-reference",
	Category: sdk.CategoryContradiction,
	Severity: sdk.Warning,
	Summary:  "an actor and its counterpart are the same state under two names (the US ... talks with Washington)",
	Doc: `A relation that needs two parties (talks with, sanctions on, a snub to, a
response from, relations between) whose two sides are one state: a country,
its capital used for its government, its demonym before a state noun
("Mexican negotiators"), or the building that stands for its government
("the Kremlin"). Machine translation and careless rewriting produce these
when one side's name is swapped for the other's.

The rule reads a capital as the government only where a government can
stand: "talks with Washington, despite" but not "Washington state" or "the
Washington Post"; a demonym only before officials, leaders, negotiators and
the like, so "China's talks with Chinese-American groups" is left alone.
The actor must be the subject of the relation (before it in the same clause,
or its agent after "by"); "Beijing said the US refused talks with China" is
two parties. A possessive owns the relation ("the envoy's talks with
China" are the envoy's, whoever stands before them), and a name inside a
relative clause set off by commas is not the subject ("the Arctic Council,
which Oslo hopes to lead, is pressing Norway"). A visit to one's own
country is no contradiction.

Names come from an embedded table of every country; add organisations and
local bodies with [[contradiction.aliases]] in rules.toml.`,
	Example: sdk.Example{
		Before: "The US has resisted regular military talks with Washington.",
		After:  "The US has resisted regular military talks with Beijing.",
	},
	Languages: sdk.English,
	Check:     checkSelfReference,
}

// relation is one entry of data/relations.txt.
type relation struct {
	head, prep string
	// foreign relations are had only with another state, so a demonym
	// before a state noun may be the counterpart.
	foreign bool
}

func loadRelations() map[string][]relation {
	out := map[string][]relation{}
	for _, l := range dataLines("relations.txt") {
		f := strings.Fields(strings.ToLower(l))
		r := relation{head: f[0]}
		if f[len(f)-1] == "+" {
			r.foreign = true
			f = f[:len(f)-1]
		}
		if len(f) > 1 {
			r.prep = f[1]
		}
		out[r.head] = append(out[r.head], r)
	}
	return out
}

// sentenceReader holds one sentence's tokens and names.
type sentenceReader struct {
	st       *state
	text     string // the article text the tokens point into
	toks     []token
	mentions []mention
}

func (s *state) reader(text string, toks []token) *sentenceReader {
	return &sentenceReader{st: s, text: text, toks: toks, mentions: s.aliases.find(toks)}
}

func (r *sentenceReader) lowerAt(i int) string {
	if i < 0 || i >= len(r.toks) {
		return ""
	}
	return r.toks[i].lower()
}

func (r *sentenceReader) wordAt(i int) bool { return i >= 0 && i < len(r.toks) && r.toks[i].word }

// partOfLongerName reports whether the mention is one word of a name such as
// "George Washington", "Bank of China" or "China Daily".
func (r *sentenceReader) partOfLongerName(m mention) bool {
	prev := m.i - 1
	if prev >= 0 && strings.EqualFold(r.toks[prev].text, "the") {
		prev--
	}
	if prev >= 1 && r.wordAt(prev) && r.toks[prev].capitalised() && !r.toks[prev].number() && !r.st.stateNouns[r.lowerAt(prev)] {
		return true
	}
	if prev >= 1 && r.lowerAt(prev) == "of" && r.wordAt(prev-1) && r.toks[prev-1].capitalised() && !r.st.stateNouns[r.lowerAt(prev-1)] {
		return true
	}
	if m.alias.kind != kindDemonym && m.j < len(r.toks) && r.wordAt(m.j) && r.toks[m.j].capitalised() && !r.st.stateNouns[r.lowerAt(m.j)] {
		return true
	}
	return false
}

// verbish reports whether a lower-case word after a name shows the name is a
// subject rather than a modifier.
func (r *sentenceReader) verbish(w string) bool {
	if r.st.lex.verbs[w] {
		return true
	}
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly"))
}

// stateHeadWithin reports whether a state noun heads the phrase starting at
// token i, looking at most n words ahead ("the Swedish leadership",
// "Chinese Foreign Minister").
func (r *sentenceReader) stateHeadWithin(i, n int) bool {
	for k := i; k < i+n && k < len(r.toks); k++ {
		if !r.wordAt(k) {
			return false
		}
		if r.st.stateNouns[r.lowerAt(k)] {
			return true
		}
		// Only offices and ranks may come between: "Chinese Foreign
		// Minister", "the top US diplomat", not "Russian business
		// leaders" or "American Airlines officials".
		if !r.st.lex.statemodifiers[r.lowerAt(k)] {
			return false
		}
	}
	return false
}

// governs reports whether the mention can stand for a state taking part in a
// relation: "the US has", "Mexican negotiators", "Beijing's talks", not
// "US farmers", "in China" or "China's neighbours". relHead is the token
// index of the relation, so "Beijing's talks with China" counts.
func (r *sentenceReader) governs(m mention, relHead int) bool {
	if r.partOfLongerName(m) {
		return false
	}
	if m.alias.kind == kindDemonym {
		return r.stateHeadWithin(m.j, 3)
	}
	prev := m.i - 1
	if prev >= 0 && strings.EqualFold(r.toks[prev].text, "the") {
		prev--
	}
	if r.st.lex.locative[r.lowerAt(prev)] {
		return false
	}
	if m.j >= len(r.toks) {
		return true
	}
	next := r.toks[m.j]
	switch {
	case next.lower() == "'s":
		return m.j+1 == relHead || r.stateHeadWithin(m.j+1, 3)
	case !next.word:
		return next.text != "-" && next.text != "–"
	case r.st.stateNouns[next.lower()]:
		return true
	default:
		return r.verbish(next.lower())
	}
}

// counterpart reports whether the mention, following a relation, names the
// other party itself ("talks with Washington, despite") rather than
// something of it ("talks with Washington state", "with China's
// neighbours"). Only a bare name counts: "met with Russian officials" or
// "with Russia's foreign minister" may well be a government meeting its own
// people.
func (r *sentenceReader) counterpart(m mention) bool {
	if r.partOfLongerName(m) {
		return false
	}
	if m.alias.kind == kindDemonym {
		// "accept the Swedish terms": what a state puts forward is the
		// state speaking, as with "Stockholm's proposal".
		return r.st.lex.proposals[r.lowerAt(m.j)]
	}
	if m.j >= len(r.toks) {
		return true
	}
	next := r.toks[m.j]
	switch {
	case next.lower() == "'s":
		// "rejected Stockholm's proposal": what a state puts forward
		// is the state speaking.
		return r.st.lex.proposals[r.lowerAt(m.j+1)]
	case !next.word:
		return next.text != "-" && next.text != "–"
	case next.capitalised():
		return false
	}
	w := next.lower()
	return !r.st.stateNouns[w] && (r.st.lex.function[w] || r.verbish(w))
}

// listedParty reports whether a mention in "between X and Y" names a party:
// a bare name, or a demonym before a state noun ("between the Swedish
// government and Stockholm").
func (r *sentenceReader) listedParty(m mention) bool {
	if m.alias.kind == kindDemonym {
		return !r.partOfLongerName(m) && r.stateHeadWithin(m.j, 3)
	}
	return r.counterpart(m)
}

// wholeState reports whether a demonym mention names a state as a whole:
// "the Swedish government", "the Swedish leadership", not "Swedish
// officials".
func (r *sentenceReader) wholeState(m mention) bool {
	return m.alias.kind == kindDemonym && !r.partOfLongerName(m) && r.st.lex.wholestate[r.lowerAt(m.j)]
}

// compatible reports whether two mentions of one entity are the same party:
// two government buildings are two branches, and a demonym's officials may
// belong to a branch other than the one a building names.
func compatible(a, b mention) bool {
	if !a.sameParty(b) {
		return false
	}
	ga, gb := a.alias.kind == kindGovernment, b.alias.kind == kindGovernment
	switch {
	case ga && gb:
		return a.alias == b.alias
	case ga && b.alias.kind == kindDemonym, gb && a.alias.kind == kindDemonym:
		return false
	}
	return true
}

// clauseBreak reports whether the tokens in [from, to) leave the clause the
// actor at from governs: a semicolon, a subordinator, reported speech whose
// subject is somebody new, or another state acting.
func (r *sentenceReader) clauseBreak(actor mention, from, to int) bool {
	for k := from; k < to; k++ {
		w := r.lowerAt(k)
		if w == ";" || w == ":" || w == "(" || w == ")" || r.st.lex.boundary[w] {
			return true
		}
		if r.st.lex.reporting[w] {
			n := k + 1
			for n < to && r.st.lex.daywords[r.lowerAt(n)] {
				n++
			}
			if n < to && r.lowerAt(n) == "the" {
				n++
			}
			// "said they had received no response from" keeps the
			// speaker as subject, and so does "said talks with".
			if !r.st.lex.pronouns[r.lowerAt(n)] && n != to {
				return true
			}
		}
	}
	for _, o := range r.mentions {
		if o.i >= from && o.j <= to && !o.sameParty(actor) && r.governs(o, -1) && !r.inClosedRelative(o, to) {
			return true
		}
	}
	return false
}

// maxActorDistance bounds how far before a relation its subject may stand.
const maxActorDistance = 18

func checkSelfReference(pass *sdk.Pass) {
	st := stateOf(pass)
	for _, s := range sentencesOf.Of(pass) {
		r := st.reader(pass.Article.Text, s.toks)
		if len(r.mentions) < 2 {
			continue
		}
		r.check(pass)
	}
}

func (r *sentenceReader) mentionAt(i int) (mention, bool) {
	if i < len(r.toks) && strings.EqualFold(r.toks[i].text, "the") {
		i++
	}
	for _, m := range r.mentions {
		if m.i == i {
			return m, true
		}
	}
	return mention{}, false
}

func (r *sentenceReader) check(pass *sdk.Pass) {
	reported := map[int]bool{}
	defer r.checkCoordinated(pass, reported)
	for h := range r.toks {
		for _, rel := range r.st.relations[r.lowerAt(h)] {
			start := h + 1
			if rel.prep != "" {
				start = -1
				for k := h + 1; k <= h+4 && k < len(r.toks); k++ {
					if !r.wordAt(k) {
						break
					}
					if r.lowerAt(k) == rel.prep {
						start = k + 1
						break
					}
					if w := r.lowerAt(k); r.st.lex.verbs[w] || len(w) > 4 && strings.HasSuffix(w, "ed") {
						// "the delegation returned to Tokyo": the
						// head noun is the subject of a verb of its
						// own, not a relation ("delegation to").
						break
					}
				}
				if start < 0 {
					continue
				}
			}
			if rel.prep == "" && r.checkOwnProposal(pass, h, reported) {
				continue
			}
			c, ok := r.mentionAt(start)
			if !ok || reported[c.i] {
				continue
			}
			// The relation as the copy words it: "talks on trade with".
			relText := r.text[r.toks[h].start:r.toks[start-1].end]
			if start-1 == h {
				relText = r.toks[h].text
			}
			if rel.prep == "between" {
				// "talks between Washington and the US": both sides listed.
				and := c.j
				for and < c.j+3 && and < len(r.toks) && r.wordAt(and) && r.lowerAt(and) != "and" {
					and++ // "between the Swedish government and ..."
				}
				if r.lowerAt(and) == "and" {
					if o, ok := r.mentionAt(and + 1); ok && compatible(c, o) && r.listedParty(c) && r.listedParty(o) {
						reported[c.i], reported[o.i] = true, true
						r.report(pass, o, c, relText)
					}
				}
				continue
			}
			// A state as a whole is the counterpart of any relation whose
			// actor is the state by name ("Stockholm lodged a complaint
			// with the Swedish government"); a demonym's people may deal
			// with their own government.
			named := r.counterpart(c) || rel.foreign && r.listedParty(c)
			whole := !named && r.wholeState(c)
			if !named && !whole {
				continue
			}
			if actor, ok := r.actorOf(c, h); ok {
				if whole && actor.alias.kind != kindName && actor.alias.kind != kindCapital {
					continue
				}
				reported[c.i] = true
				r.report(pass, c, actor, relText)
			}
		}
	}
}

// actorOf finds the subject of the relation at token h whose counterpart is c,
// when it is the same party as c.
func (r *sentenceReader) actorOf(c mention, h int) (mention, bool) {
	// The agent after the counterpart: "a snub to Stockholm by the Swedish
	// leadership".
	end := c.j
	if c.alias.kind == kindDemonym {
		for end < len(r.toks) && end < c.j+3 && !r.st.stateNouns[r.lowerAt(end)] {
			end++
		}
		end++ // past "leadership" in "the Swedish leadership"
	}
	// "a rebuke to Seoul from the South Korean leadership": the agent
	// after "from" too, once the relation is one a state has only with
	// another.
	if r.lowerAt(end) == "by" || r.lowerAt(end) == "from" && r.foreignAt(h) {
		if m, ok := r.mentionAt(end + 1); ok && compatible(c, m) && r.governs(m, h) {
			return m, true
		}
	}
	// A relation that opens the sentence has its actor in the attribution
	// that closes it: "Talks with Sweden will resume, Swedish officials
	// said."
	if h <= 2 {
		for _, m := range r.mentions {
			if m.i <= c.j || !compatible(c, m) || !r.governs(m, h) {
				continue
			}
			if r.attribution(m) {
				return m, true
			}
		}
	}
	// A possessive before the relation names its actor: "the envoy's
	// current talks with China", "Beijing's talks with China".
	if owner, ok := r.possessiveBefore(h); ok {
		for _, m := range r.mentions {
			if m.j == owner && compatible(c, m) && !r.partOfLongerName(m) {
				return m, true
			}
		}
		return mention{}, false
	}
	// The subject before the relation, nearest first.
	for k := len(r.mentions) - 1; k >= 0; k-- {
		m := r.mentions[k]
		if m.j > h || h-m.j > maxActorDistance {
			continue
		}
		if r.inClosedRelative(m, h) {
			continue
		}
		if !compatible(c, m) || !r.governs(m, h) {
			continue
		}
		if r.clauseBreak(m, m.j, h) {
			return mention{}, false
		}
		return m, true
	}
	return mention{}, false
}

// maxPossessiveGap is how many words may stand between a possessive and the
// relation it owns ("the envoy's current official talks with").
const maxPossessiveGap = 3

// possessiveBefore returns the index of the "'s" that owns the relation at
// token h, when lower-case words at most lie between them.
func (r *sentenceReader) possessiveBefore(h int) (int, bool) {
	for k := h - 1; k >= 0 && k >= h-1-maxPossessiveGap; k-- {
		w := r.lowerAt(k)
		if w == "'s" || w == "'" {
			return k, k > 0
		}
		if !r.wordAt(k) || r.toks[k].capitalised() || r.toks[k].number() {
			return 0, false
		}
	}
	return 0, false
}

// inClosedRelative reports whether the mention stands in a relative clause
// set off by commas that closes before the relation at h: in "the Arctic
// Council, which Oslo hopes to lead, is pressing Norway" the subject of
// "pressing" is the Union, not Ankara.
func (r *sentenceReader) inClosedRelative(m mention, h int) bool {
	open := -1
	for k := m.i - 1; k >= 1 && k >= m.i-maxRelativeLead; k-- {
		if r.st.lex.relatives[r.lowerAt(k)] && r.toks[k-1].text == "," {
			open = k
			break
		}
		if !r.wordAt(k) {
			return false
		}
	}
	if open < 0 {
		return false
	}
	for k := m.j; k < h; k++ {
		if r.toks[k].text == "," {
			return true
		}
	}
	return false
}

// maxRelativeLead is how many words may stand between a relative pronoun and
// a mention inside its clause ("which the government in Ankara").
const maxRelativeLead = 5

// checkOwnProposal flags a state turning down its own proposal under
// another name: "The Swedish delegation walked out after Stockholm
// rejected its proposal". h is a relation verb followed by "its" or "their"
// and something a state puts forward; its subject is the name just before
// it, and "its" refers to the party that governs the clause before the
// subordinator that introduced the subject. It reports whether it did.
func (r *sentenceReader) checkOwnProposal(pass *sdk.Pass, h int, reported map[int]bool) bool {
	if p := r.lowerAt(h + 1); p != "its" && p != "their" || !r.st.lex.proposals[r.lowerAt(h+2)] {
		return false
	}
	var subj mention
	found := false
	for _, m := range r.mentions {
		// the subject, at most one auxiliary or adverb before the verb
		if (m.j == h || m.j == h-1 && r.wordAt(h-1)) && m.alias.kind != kindDemonym && r.governs(m, h) {
			subj, found = m, true
		}
	}
	if !found || reported[subj.i] {
		return false
	}
	// The subordinator that opens the subject's clause.
	sub := subj.i - 1
	if sub >= 0 && strings.EqualFold(r.toks[sub].text, "the") {
		sub--
	}
	if !r.st.lex.subordinators[r.lowerAt(sub)] {
		return false
	}
	for k := len(r.mentions) - 1; k >= 0; k-- {
		m := r.mentions[k]
		if m.j > sub {
			continue
		}
		if !r.governs(m, -1) {
			continue
		}
		if !compatible(subj, m) {
			return false // "its" is the nearest party's, another state's
		}
		reported[subj.i] = true
		r.report(pass, subj, m, r.toks[h].text+" "+r.toks[h+1].text+" "+r.toks[h+2].text)
		return true
	}
	return false
}

// foreignAt reports whether a relation at token h is one a state has only
// with another (marked "+" in relations.txt).
func (r *sentenceReader) foreignAt(h int) bool {
	for _, rel := range r.st.relations[r.lowerAt(h)] {
		if rel.foreign {
			return true
		}
	}
	return false
}

// attribution reports whether the mention heads a closing attribution: a
// comma, the speaker, then a reporting verb ("..., the Swedish foreign
// minister said.").
func (r *sentenceReader) attribution(m mention) bool {
	p := m.i - 1
	if p >= 0 && strings.EqualFold(r.toks[p].text, "the") {
		p--
	}
	if p < 0 || r.toks[p].text != "," {
		return false
	}
	for k := m.j; k < len(r.toks) && k <= m.j+4; k++ {
		if r.st.lex.reporting[r.lowerAt(k)] {
			return true
		}
		if !r.wordAt(k) {
			return false
		}
	}
	return false
}

// checkCoordinated flags one state named twice as the two parties of a
// relation: "Sweden and Stockholm signed an agreement".
func (r *sentenceReader) checkCoordinated(pass *sdk.Pass, reported map[int]bool) {
	for i, x := range r.mentions {
		if i+1 >= len(r.mentions) {
			break
		}
		y := r.mentions[i+1]
		and := x.j
		if r.lowerAt(and) != "and" || y.i != and+1 && !(y.i == and+2 && r.lowerAt(and+1) == "the") {
			continue
		}
		if reported[y.i] || !compatible(x, y) || r.partOfLongerName(x) || r.st.lex.locative[r.lowerAt(x.i-1)] || !r.governs(y, -1) {
			continue
		}
		for k := y.j; k < len(r.toks) && k <= y.j+6; k++ {
			if !r.wordAt(k) {
				break
			}
			if r.st.relations[r.lowerAt(k)] != nil || r.st.lex.jointverbs[r.lowerAt(k)] {
				reported[y.i] = true
				r.report(pass, y, x, r.toks[k].text)
				break
			}
		}
	}
}

func (r *sentenceReader) span(m mention) sdk.Span {
	return sdk.Span{Start: r.toks[m.i].start, End: r.toks[m.j-1].end}
}

func (r *sentenceReader) report(pass *sdk.Pass, counterpart, actor mention, rel string) {
	name := r.st.aliases.entities[sharedEntity(counterpart, actor)].display
	ct, at := counterpart.alias.text, actor.alias.text
	var msg string
	if ct == at {
		msg = fmt.Sprintf("%q is on both sides of %q: %s cannot deal with itself; one side should name another country or body", ct, rel, name)
	} else {
		msg = fmt.Sprintf("%q and %q both mean %s, so %s is on both sides of %q: one of them should name the other country or body", at, ct, name, name, rel)
	}
	pass.Report(sdk.Diagnostic{
		Span:    r.span(counterpart),
		Message: msg,
		Related: []sdk.Related{{Span: r.span(actor), Message: fmt.Sprintf("the other side: %q is also %s", at, name)}},
	})
}

func sharedEntity(a, b mention) string {
	for _, x := range a.alias.entities {
		for _, y := range b.alias.entities {
			if x == y {
				return x
			}
		}
	}
	return ""
}
