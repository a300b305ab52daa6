package consistency

import (
	"fmt"
	"sort"
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
	Doc: `Reports an occurrence of a term written differently from the rest of the
article: "U.S." in copy that otherwise says "US", "per cent" among "%",
"million" in wire copy that writes "mln", "Mr." where the article uses "Mr".
The variant groups live in variants.txt, embedded in the plugin; rules.toml
can add groups (consistency.groups) and fix the house form of any group
(consistency.prefer).

With a house form set, every other form of its group is reported. Otherwise
the article's majority decides: the forms used less often are reported, but
only when one form is used at least twice and more often than each other
form. A tie says nothing by itself about which form is the slip; it is
settled only by a style family (variants.txt, "family:" lines) when the
rest of the article keeps to one side of it: "U.S." once and "US" once in
copy that writes "U.K." and "U.N." reports the "US". Forms a family marks
as loose, such as "million", are settled only inside one phrase ("60
million dlrs" beside "112 mln dlrs"): wire copy that writes "mln dlrs" for
money still writes "a population of 168 million". Copy inside
quotation marks counts towards the majority but is not reported, since a
quotation may keep the speaker's or the source's wording.

Not counted: "US" next to words in capitals (a headline or dateline in
capitals, where it may be the pronoun), "US$" (a currency code), parts of
longer words (USB, USA), % not following a figure, and figures in tables.
Spelling pairs (organise/organize) are reported here when the same word
appears both ways; a lone word in the other spelling system is left to
spelling-system.`,
	Example: sdk.Example{
		Before: "Shares rose 4% on Monday and 1.5% on Tuesday, after falling 50 per cent last year.",
		After:  "Shares rose 4% on Monday and 1.5% on Tuesday, after falling 50% last year.",
	},
	Check: checkMixedForms,
}

func checkMixedForms(pass *sdk.Pass) {
	cfg := configOf(pass)
	groups := cfg.groups
	byGroup := map[*group][]occurrence{}
	for _, o := range scan(pass.Article, groups, cfg.names) {
		byGroup[o.g] = append(byGroup[o.g], o)
	}
	for _, g := range groups {
		occ := byGroup[g]
		if len(occ) == 0 {
			continue
		}
		counts := make([]int, len(g.styles))
		for _, o := range occ {
			counts[o.style]++
		}
		want, house := g.preferred, g.preferred >= 0
		var evidence string
		if !house {
			want = majority(counts)
			if want < 0 {
				want, evidence = tieBreak(pass.Article, g, counts, byGroup, cfg.families)
			}
			if want < 0 {
				continue
			}
		}
		for _, o := range occ {
			if o.style == want || (o.quoted && !house) {
				continue
			}
			reportForm(pass, o, want, counts, house, occ, evidence)
		}
	}
}

// tieBreak settles a tie between two styles of g with the article's other
// groups: when a family puts the two styles on different sides and the rest
// of the article keeps to one side only (at least twice), that side's style
// wins. It returns the style and a note for the message, or -1.
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
				if sd := f.side(og.styles[o.style][o.form]); sd >= 0 {
					votes[sd]++
					if first[sd] < 0 || o.span.Start < first[sd] {
						first[sd] = o.span.Start
						example[sd] = a.Text[o.span.Start:o.span.End]
					}
				}
			}
		}
		for sd := 0; sd < 2; sd++ {
			if votes[sd] >= 2 && votes[1-sd] == 0 {
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

func reportForm(pass *sdk.Pass, o occurrence, want int, counts []int, house bool, all []occurrence, evidence string) {
	a := pass.Article
	got := a.Text[o.span.Start:o.span.End]
	repl := replacement(o, want, got)
	var msg string
	if house {
		msg = fmt.Sprintf("house style is %q, not %q", repl, got)
	} else {
		msg = fmt.Sprintf("%q here, but the article writes %q %s", got, o.g.styles[want][0], times(counts[want]))
		if evidence != "" {
			msg += " and " + evidence
		}
	}
	span, sugg := suggestionSpan(a.Text, o.span, repl)
	d := sdk.Diagnostic{
		Span:        o.span,
		Message:     msg,
		Suggestions: []sdk.Suggestion{{Span: span, Replacement: sugg, Description: fmt.Sprintf("write %q", repl)}},
	}
	for _, other := range all {
		if other.style == want {
			d.Related = append(d.Related, sdk.Related{Span: other.span, Message: fmt.Sprintf("%q used here", a.Text[other.span.Start:other.span.End])})
			break
		}
	}
	pass.Report(d)
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

// SpellingSystem reports British spellings in American copy and the reverse.
var SpellingSystem = &sdk.Rule{
	Name:     "spelling-system",
	Category: sdk.CategoryConsistency,
	Severity: sdk.Warning,
	Summary:  "a British spelling in American copy, or an American one in British copy (organise/organize, colour/color)",
	Doc: `Reports a word spelt in the other spelling system from the rest of the
article: "organized" in copy that writes "favour", "centre" and "labour", or
"colour" in American copy, or "realized" in copy that writes "organised" and
"recognised". The British | American pairs live in variants.txt (lines of
kind "spelling" and "ize"), with their inflections.

Every pair votes for the article's system. -ise/-ize votes on its own: -ize
is also Oxford British spelling, so "organize" beside "colour" is not a
slip, but "organize" beside "recognise" is. With no house system set
(consistency.spelling = "any"), the minority system's words are reported
when the majority has at least two words and twice as many as the minority.
With "british" or "american", every word of the other system is reported.

Capitalised forms are not counted: they are mostly names that keep their
own spelling (the World Trade Center, the Labour Party, the World Health
Organization). Words inside quotation marks count towards the majority but
are not reported.`,
	Example: sdk.Example{
		Before: "The harbour centre will be run by volunteers, and the colors of the flag will be shown in its favour.",
		After:  "The harbour centre will be run by volunteers, and the colours of the flag will be shown in its favour.",
	},
	Check: checkSpelling,
}

// Real copy is seldom pure: wire services based in London wrote "totalled"
// beside American spellings. A system is only taken as
// the article's when it has minSystemVotes words and systemRatio times as
// many as the other.
const (
	minSystemVotes = 3
	systemRatio    = 3
)

func checkSpelling(pass *sdk.Pass) {
	cfg := configOf(pass)
	// The two dimensions vote separately: -ize is also Oxford British, so
	// "organize" beside "colour" is not a slip, but "organize" beside
	// "recognise" is.
	for _, dim := range []struct {
		kind   kind
		system [2]string
	}{
		{spellingKind, [2]string{"British", "American"}},
		{izeKind, [2]string{"-ise", "-ize"}},
	} {
		var groups []*group
		for _, g := range cfg.groups {
			if g.kind == dim.kind {
				groups = append(groups, g)
			}
		}
		checkSystem(pass, cfg.spelling, scan(pass.Article, groups, cfg.names), dim.system)
	}
}

func checkSystem(pass *sdk.Pass, houseSpelling string, occ []occurrence, system [2]string) {
	var count [2]int
	for _, o := range occ {
		count[o.style]++
	}
	want, house := -1, true
	switch houseSpelling {
	case "british":
		want = 0
	case "american":
		want = 1
	default:
		house = false
		for s := 0; s < 2; s++ {
			if count[s] >= minSystemVotes && count[s] >= systemRatio*count[1-s] && count[1-s] > 0 {
				want = s
			}
		}
	}
	if want < 0 {
		return
	}
	// Name a few majority words so the writer sees what the article uses.
	var examples []string
	seen := map[string]bool{}
	for _, o := range occ {
		w := strings.ToLower(pass.Article.Text[o.span.Start:o.span.End])
		if o.style == want && !seen[w] && len(examples) < 3 {
			seen[w] = true
			examples = append(examples, w)
		}
	}
	sort.Strings(examples)
	// A word whose own group has a majority in the article's spelling is
	// mixed-forms' finding ("organised" twice and "organized" once).
	perGroup := map[*group][]int{}
	for _, o := range occ {
		if perGroup[o.g] == nil {
			perGroup[o.g] = make([]int, len(o.g.styles))
		}
		perGroup[o.g][o.style]++
	}
	mixed := map[*group]bool{}
	for g, counts := range perGroup {
		mixed[g] = majority(counts) == want
	}
	for _, o := range occ {
		if o.style == want || (o.quoted && !house) || (mixed[o.g] && !house) {
			continue
		}
		got := pass.Article.Text[o.span.Start:o.span.End]
		repl := replacement(o, want, got)
		msg := fmt.Sprintf("%s spelling %q in an article written in %s spelling (%s)", system[o.style], got, system[want], strings.Join(examples, ", "))
		if house {
			msg = fmt.Sprintf("house spelling is %s: write %q, not %q", system[want], repl, got)
		}
		pass.Report(sdk.Diagnostic{
			Span:        o.span,
			Message:     msg,
			Suggestions: []sdk.Suggestion{{Span: o.span, Replacement: repl, Description: fmt.Sprintf("write %q", repl)}},
		})
	}
}
