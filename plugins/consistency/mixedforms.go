package consistency

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/sdk"
)

// MixedForms reports a term written in a form other than the one the article
// (or the house) uses for it.
var MixedForms = &sdk.Rule{
	Name:     "mixed-forms",
	Category: sdk.CategoryConsistency,
	Severity: sdk.Warning,
	Summary:  "a term written two ways in one article (U.S./US, per cent/%, Mr/Mr., e-mail/email)",
	Doc: `Reports a term written two ways in one article: "U.S." in copy that
otherwise says "US", "per cent" among "%", "million" in wire copy that
writes "mln", "Mr." where the article uses "Mr", "aluminium" beside
"aluminum". The variant groups live in data/variants.txt, embedded in the
plugin; rules.toml can add groups (consistency.groups) and fix the house
form of any group (consistency.prefer).

Each group mixed in an article gets one finding, at the first place of the
form to change, with its other places as related locations and a
suggestion for each (so --fix changes them together). Which form is right:
- the house form, when consistency.prefer names one (every other form is
  then reported, even in an article that uses it throughout);
- for spelling pairs, the house spelling (consistency.spelling) or the
  article's clear spelling system (see spelling-system);
- otherwise the article's majority: "the article mostly writes US";
- in a tie, a style family (data/variants.txt, "family:" lines) when the rest of
  the article keeps to one side of it ("U.S." once and "US" once in copy
  that writes "U.K." reports the "US"; "Mr." once and "Mr" once in British
  spelling reports the "Mr."); failing that, the form the article wrote
  first, and the later one is reported: "U.S." here, but "US" on line 5.
Forms a family marks as loose, such as "million", are settled only inside
one phrase ("60 million dlrs" beside "112 mln dlrs"): wire copy that writes
"mln dlrs" for money still writes "a population of 168 million". Copy
inside quotation marks counts towards the majority but is not reported,
since a quotation may keep the speaker's or the source's wording.

Not counted: abbreviations and figures in the headline, which is written
in headline style ("US" and "55%" over a body that writes "U.S." and
"percent"); "US" next to words in capitals (a dateline in capitals, where
it may be the pronoun); "US$" (a currency code); parts of longer words
(USB, USA); a capitalised word form inside a name ("America Online"
beside "on-line"); % not following a figure; figures in tables. A currency is
compared only with the same currency: "1.6 billion Hong Kong dollars (U.S.
dlrs 205 million)" is two currencies, not "dollars" against "dlrs".
Spelling pairs (organise/organize) are reported here when the same word
appears both ways; a word written only in the other spelling system is
left to spelling-system.`,
	Example: sdk.Example{
		Before: "Shares recover\n\nShares rose 4% on Monday and 1.5% on Tuesday, after falling 50 per cent last year.",
		After:  "Shares recover\n\nShares rose 4% on Monday and 1.5% on Tuesday, after falling 50% last year.",
	},
	Languages: sdk.English,
	Check:     checkMixedForms,
}

func checkMixedForms(pass *sdk.Pass) {
	cfg := configOf(pass)
	f := forms.Of(pass)
	systems := articleSystems(cfg, f)
	for _, g := range cfg.groups {
		for _, occ := range byCurrency(g, f.byGroup[g]) {
			judgeGroup(pass, cfg, f, g, occ, systems)
		}
	}
}

// byCurrency splits a currency group's occurrences by the currency they
// name: "Hong Kong dollars" and "U.S. dlrs" are two currencies, each
// written its own way. Other groups are one set.
func byCurrency(g *group, occ []occurrence) [][]occurrence {
	if g.kind != currencyKind {
		return [][]occurrence{occ}
	}
	var order []string
	sets := map[string][]occurrence{}
	for _, o := range occ {
		if _, ok := sets[o.currency]; !ok {
			order = append(order, o.currency)
		}
		sets[o.currency] = append(sets[o.currency], o)
	}
	out := make([][]occurrence, len(order))
	for i, c := range order {
		out[i] = sets[c]
	}
	return out
}

// verdict is which style of a group the article should write, and why.
type verdict struct {
	want  int
	house bool   // a house form or house spelling, not the article's own usage
	why   string // the reason, after "but" (or before "write" for the house)
	label string // what the reported form is, before it: "British spelling"
}

// judgeGroup decides the style of one group's occurrences and reports the
// others in one finding, at the first of them, with the rest as related
// places and a suggestion for each.
func judgeGroup(pass *sdk.Pass, cfg *config, f *found, g *group, occ []occurrence, systems map[kind]system) {
	if len(occ) == 0 {
		return
	}
	a := pass.Article
	counts := make([]int, len(g.styles))
	used := 0
	for _, o := range occ {
		if counts[o.style] == 0 {
			used++
		}
		counts[o.style]++
	}
	if used < 2 && g.preferred < 0 {
		return
	}
	var v verdict
	sys := systems[g.kind]
	switch {
	case g.preferred >= 0:
		v = verdict{want: g.preferred, house: true, why: fmt.Sprintf("house style is %q", g.styles[g.preferred][0])}
	case g.kind.spelling() && sys.want >= 0:
		v = verdict{want: sys.want, house: sys.house}
		if sys.house {
			v.why = fmt.Sprintf("house spelling is %s", sys.names[sys.want])
		} else {
			v.why = fmt.Sprintf("the article is written in %s spelling (%s)", sys.names[sys.want], strings.Join(sys.examples, ", "))
		}
	case majority(counts) >= 0:
		v.want = majority(counts)
		v.why = fmt.Sprintf("the article mostly writes %q (%s)", g.styles[v.want][0], times(counts[v.want]))
	default:
		want, evidence := tieBreak(a, g, counts, f.byGroup, cfg.families)
		if want >= 0 {
			v = verdict{want: want, why: fmt.Sprintf("the article also writes %q, and %s", g.styles[want][0], evidence)}
			break
		}
		if loose(g, cfg.families) {
			// "million" and "dollars" are written outside the wire style
			// too: a tie with them is settled only inside one phrase.
			return
		}
		// A tie: the form the article wrote first set its style, and the
		// later one is the slip.
		first := -1
		for _, o := range occ {
			if !o.quoted {
				first = o.style
				break
			}
		}
		if first < 0 {
			return
		}
		v.want = first
		for _, o := range occ {
			if o.style == first && !o.quoted {
				v.why = fmt.Sprintf("%q on line %d", a.Slice(o.span), a.Position(o.span.Start).Line)
				break
			}
		}
	}
	reportGroup(pass, occ, v)
}

// loose reports whether a style of g has a form some family marks loose.
func loose(g *group, families []family) bool {
	for _, fam := range families {
		for s := range g.styles {
			if fam.looseStyle(g, s) {
				return true
			}
		}
	}
	return false
}

// reportGroup reports the occurrences of occ not in the wanted style as one
// finding. Quoted occurrences are left alone unless the house decides: a
// quotation may keep the speaker's or the source's wording.
func reportGroup(pass *sdk.Pass, occ []occurrence, v verdict) {
	a := pass.Article
	var wrong []occurrence
	var example *occurrence
	for i, o := range occ {
		switch {
		case o.style == v.want:
			if example == nil || example.quoted && !o.quoted {
				example = &occ[i]
			}
		case !o.quoted || v.house:
			wrong = append(wrong, o)
		}
	}
	if len(wrong) == 0 {
		return
	}
	first := wrong[0]
	got := a.Slice(first.span)
	var also []string
	for _, o := range wrong[1:] {
		also = append(also, fmt.Sprint(a.Position(o.span.Start).Line))
	}
	where := "here"
	switch len(also) {
	case 0:
	case 1:
		where = "here and on line " + also[0]
	default:
		where = "here and on lines " + strings.Join(also, ", ")
	}
	msg := fmt.Sprintf("%q %s, but %s", got, where, v.why)
	if v.label != "" {
		msg = v.label + " " + msg
	}
	if v.house {
		msg = fmt.Sprintf("%s: write %q, not %q", v.why, replacement(first, v.want, got), got)
		if len(also) > 0 {
			msg += " (" + where + ")"
		}
	}
	d := sdk.Diagnostic{Span: first.span, Message: msg}
	for _, o := range wrong {
		w := a.Slice(o.span)
		repl := replacement(o, v.want, w)
		span, sugg := suggestionSpan(a.Text, o.span, repl)
		d.Suggestions = append(d.Suggestions, sdk.Suggestion{Span: span, Replacement: sugg, Description: fmt.Sprintf("write %q", repl)})
	}
	for _, o := range wrong[1:] {
		d.Related = append(d.Related, sdk.Related{Span: o.span, Message: fmt.Sprintf("%q here too", a.Slice(o.span))})
	}
	if example != nil {
		d.Related = append(d.Related, sdk.Related{Span: example.span, Message: fmt.Sprintf("%q used here", a.Slice(example.span))})
	}
	pass.Report(d)
}

func tieBreak(a *sdk.Article, g *group, counts []int, byGroup map[*group][]occurrence, families []family) (int, string) {
	var tied []int
	for s, n := range counts {
		if n > 0 {
			tied = append(tied, s)
		}
	}
	if len(tied) != 2 || counts[tied[0]] != counts[tied[1]] {
		return -1, ""
	}
	sideOf := func(f family, style int) int {
		for _, form := range g.styles[style] {
			if sd := f.side(form); sd >= 0 {
				return sd
			}
		}
		return -1
	}
	for _, f := range families {
		s0, s1 := sideOf(f, tied[0]), sideOf(f, tied[1])
		if s0 < 0 || s1 < 0 || s0 == s1 {
			continue
		}
		if f.looseStyle(g, tied[0]) || f.looseStyle(g, tied[1]) {
			if win, note := phraseClash(a, g, f, tied, byGroup); win >= 0 {
				return win, note
			}
			continue
		}
		var votes [2]int
		var example [2]string
		first := [2]int{-1, -1} // byGroup is a map: cite the earliest form, so the message is stable
		for og, occ := range byGroup {
			if og == g {
				continue
			}
			for _, o := range occ {
				sd := f.side(og.styles[o.style][o.form])
				if sd < 0 {
					sd = f.systemSide(o)
				}
				if sd >= 0 {
					votes[sd]++
					if first[sd] < 0 || o.span.Start < first[sd] {
						first[sd] = o.span.Start
						example[sd] = a.Text[o.span.Start:o.span.End]
					}
				}
			}
		}
		for sd := 0; sd < 2; sd++ {
			if votes[sd] >= minFamilyVotes && votes[1-sd] == 0 {
				win := tied[0]
				if s1 == sd {
					win = tied[1]
				}
				return win, fmt.Sprintf("its other forms follow that style (%q %s)", example[sd], times(votes[sd]))
			}
		}
	}
	return -1, ""
}

// minFamilyVotes is how many forms elsewhere in the article must keep to one
// side of a family, with none on the other, to settle a tie. A tie is
// reported either way; the family only says which form is the slip, so one
// form is evidence enough.
const minFamilyVotes = 1

// phraseClash settles a tie within one phrase: a tied form directly
// followed by a form of the family's other side ("60 million dlrs") is the
// slip, and the other tied style wins.
func phraseClash(a *sdk.Article, g *group, f family, tied []int, byGroup map[*group][]occurrence) (int, string) {
	for _, o := range byGroup[g] {
		mine := f.side(g.styles[o.style][o.form])
		if mine < 0 {
			continue
		}
		for og, occ := range byGroup {
			if og == g {
				continue
			}
			for _, n := range occ {
				if n.span.Start <= o.span.End || strings.TrimSpace(a.Text[o.span.End:n.span.Start]) != "" {
					continue
				}
				if next := f.side(og.styles[n.style][n.form]); next < 0 || next == mine {
					continue
				}
				win := tied[0]
				if win == o.style {
					win = tied[1]
				}
				return win, fmt.Sprintf("the same phrase writes %q", a.Text[n.span.Start:n.span.End])
			}
		}
	}
	return -1, ""
}

// majority returns the style used at least twice and more often than any
// other, or -1.
func majority(counts []int) int {
	best := -1
	for s, n := range counts {
		if best < 0 || n > counts[best] {
			best = s
		}
	}
	if best < 0 || counts[best] < 2 {
		return -1
	}
	used := 0
	for s, n := range counts {
		if n > 0 {
			used++
		}
		if s != best && n == counts[best] {
			return -1
		}
	}
	if used < 2 {
		return -1
	}
	return best
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	if n == 2 {
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// replacement is the form of style want with the same inflection as the
// occurrence, keeping an initial capital for words.
func replacement(o occurrence, want int, got string) string {
	forms := o.g.styles[want]
	r := forms[0]
	if o.form < len(forms) {
		r = forms[o.form]
	}
	if (o.g.kind == wordKind || o.g.kind.spelling()) && unicode.IsUpper(firstRune(got)) {
		f := firstRune(r)
		r = string(unicode.ToUpper(f)) + r[utf8.RuneLen(f):]
	}
	return r
}

// suggestionSpan adjusts the space before a percentage: "50 per cent"
// becomes "50%", and "36%" becomes "36 per cent".
func suggestionSpan(text string, span sdk.Span, repl string) (sdk.Span, string) {
	got := text[span.Start:span.End]
	switch {
	case repl == "%" && span.Start > 0 && text[span.Start-1] == ' ':
		return sdk.Span{Start: span.Start - 1, End: span.End}, repl
	case got == "%" && repl != "%" && span.Start > 0 && text[span.Start-1] != ' ':
		return span, " " + repl
	}
	return span, repl
}
