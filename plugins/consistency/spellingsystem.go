package consistency

import (
	"fmt"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// SpellingSystem reports British spellings in American copy and the reverse.
var SpellingSystem = &sdk.Rule{
	Name:     "spelling-system",
	Category: sdk.CategoryConsistency,
	Severity: sdk.Warning,
	Summary:  "a British spelling in American copy, or an American one in British copy (organise/organize, colour/color)",
	Doc: `Reports a word spelt in the other spelling system from the rest of the
article: "organized" in copy that writes "favour", "centre" and "labour", or
"colour" in American copy, or "realized" in copy that writes "organised" and
"recognised". The British | American pairs live in data/variants.txt (lines of
kind "spelling" and "ize"), with their inflections. One finding per word,
at its first place, with the others related.

Every pair votes for the article's system. -ise/-ize votes on its own: -ize
is also Oxford British spelling, so "organize" beside "colour" is not a
slip, but "organize" beside "recognise" is. With no house system set
(consistency.spelling = "any"), the minority system's words are reported
when the majority has at least three words, of two different words or
more, and three times as many as the minority. With "british" or
"american", every word of the other system is reported, even a single one.
A word written both ways in the article is mixed-forms' finding.

Not counted: capitalised forms, mostly names that keep their own spelling
(the World Trade Center, the Labour Party, the World Health Organization);
"analyses" and "paralyses" except after a subject ("she analyses"), since
they are also the plurals of analysis and paralysis in both systems; and
"program", which British English writes for software, except beside
"programme". Words inside quotation marks count towards the majority but
are not reported.`,
	Example: sdk.Example{
		Before: "The harbour centre will be run by volunteers, and the colors of the flag will be shown in its favour.",
		After:  "The harbour centre will be run by volunteers, and the colours of the flag will be shown in its favour.",
	},
	Languages: sdk.English,
	Check:     checkSpelling,
}

// Real copy is seldom pure: wire services based in London wrote "totalled"
// beside American spellings. A system is only taken as
// the article's when it has minSystemVotes words and systemRatio times as
// many as the other.
// Real copy is seldom pure: wire services based in London wrote "totalled"
// beside American spellings. A system is only taken as the article's when
// it has minSystemVotes words, systemRatio times as many as the other, and
// minSystemWords different words: one word repeated is one habit (or a
// name, "the Defense Department"), not the article's spelling.
const (
	minSystemVotes = 3
	systemRatio    = 3
	minSystemWords = 2
)

// system is an article's spelling system in one dimension (British |
// American, or -ise | -ize): the style its words should take, or -1.
type system struct {
	want     int
	house    bool
	names    [2]string
	examples []string // a few words of the article in that system
}

// dimensions are the two spelling dimensions. They vote separately: -ize is
// also Oxford British, so "organize" beside "colour" is not a slip, but
// "organize" beside "recognise" is.
var dimensions = []struct {
	kind  kind
	names [2]string
}{
	{spellingKind, [2]string{"British", "American"}},
	{izeKind, [2]string{"-ise", "-ize"}},
}

// articleSystems decides each dimension's system: the house's when set,
// else the article's clear majority.
func articleSystems(cfg *config, f *found) map[kind]system {
	out := map[kind]system{}
	for _, dim := range dimensions {
		occ := f.of(func(g *group) bool { return g.kind == dim.kind })
		voting := occ[:0:0]
		for _, o := range occ {
			if !o.shared() {
				voting = append(voting, o)
			}
		}
		occ = voting
		var count [2]int
		words := [2]map[*group]bool{{}, {}}
		for _, o := range occ {
			count[o.style]++
			words[o.style][o.g] = true
		}
		sys := system{want: -1, names: dim.names, house: true}
		switch cfg.spelling {
		case "british":
			sys.want = 0
		case "american":
			sys.want = 1
		default:
			sys.house = false
			for s := 0; s < 2; s++ {
				if count[s] >= minSystemVotes && count[s] >= systemRatio*count[1-s] && count[1-s] > 0 && len(words[s]) >= minSystemWords {
					sys.want = s
				}
			}
		}
		if sys.want >= 0 {
			// Name a few of the article's words so the writer sees what
			// it uses.
			seen := map[string]bool{}
			for _, o := range occ {
				w := strings.ToLower(f.text(o))
				if o.style == sys.want && !seen[w] && len(sys.examples) < 3 {
					seen[w] = true
					sys.examples = append(sys.examples, w)
				}
			}
			sort.Strings(sys.examples)
		}
		out[dim.kind] = sys
	}
	return out
}

func checkSpelling(pass *sdk.Pass) {
	cfg := configOf(pass)
	f := forms.Of(pass)
	systems := articleSystems(cfg, f)
	for _, dim := range dimensions {
		sys := systems[dim.kind]
		if sys.want < 0 {
			continue
		}
		// A group written both ways is mixed-forms' finding; here each
		// group written only in the other system gets one.
		var order []*group
		styles := map[*group]map[int]bool{}
		for _, o := range f.of(func(g *group) bool { return g.kind == dim.kind }) {
			if styles[o.g] == nil {
				styles[o.g] = map[int]bool{}
				order = append(order, o.g)
			}
			styles[o.g][o.style] = true
		}
		for _, g := range order {
			if len(styles[g]) > 1 || g.preferred >= 0 {
				continue
			}
			v := verdict{want: sys.want, house: sys.house}
			if sys.house {
				v.why = fmt.Sprintf("house spelling is %s", sys.names[sys.want])
			} else {
				v.label = sys.names[1-sys.want] + " spelling"
				v.why = fmt.Sprintf("the article is written in %s spelling (%s)", sys.names[sys.want], strings.Join(sys.examples, ", "))
			}
			var occ []occurrence
			for _, o := range f.byGroup[g] {
				if !o.shared() {
					occ = append(occ, o)
				}
			}
			reportGroup(pass, occ, v)
		}
	}
}
