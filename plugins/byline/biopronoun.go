package byline

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// BioPronoun reports a bio whose pronouns contradict the staff roster.
var BioPronoun = &sdk.Rule{
	Name:     "bio-pronoun",
	Category: sdk.CategoryByline,
	Severity: sdk.Warning,
	Summary:  "an author bio uses pronouns the staff roster says the person does not use",
	Doc: `When rules.toml lists a staff member's pronouns ([[byline.staff]] pronouns =
"she/her"), a bio of that person that says "He covers..." is wrong, often
the work of machine translation from a language without gendered pronouns.
Without a roster the rule is silent.`,
	Example: sdk.Example{
		Before: "Council backs new bridge\n\nThe city council approved the new bridge on Tuesday, officials said.\n\nReporting by Jane Doe\n\nJane Doe is a correspondent in Paris. He covers trade.",
		After:  "Council backs new bridge\n\nThe city council approved the new bridge on Tuesday, officials said.\n\nReporting by Jane Doe\n\nJane Doe is a correspondent in Paris. She covers trade.",
	},
	Languages: sdk.English,
	Check: func(p *sdk.Pass) {
		an := analyse(p)
		for _, b := range an.bios {
			s, ok := an.rosterEntry(b.Name)
			if !ok {
				continue
			}
			wrong := wrongPronouns(s.Pronouns)
			if wrong == nil {
				continue
			}
			blk := p.Article.Blocks[b.Block]
			text := p.Article.BlockText(blk)
			for _, m := range wordRE.FindAllStringIndex(text, -1) {
				w := text[m[0]:m[1]]
				if !wrong[strings.ToLower(w)] || m[0] < b.Name.End()-blk.Span.Start {
					continue
				}
				p.Report(sdk.Diagnostic{
					Span:    sdk.Span{Start: blk.Span.Start + m[0], End: blk.Span.Start + m[1]},
					Message: fmt.Sprintf("the bio says %q but the staff roster gives %s's pronouns as %s", w, s.Name, s.Pronouns),
					Related: []sdk.Related{{Span: sdk.Span{Start: b.Name.Start, End: b.Name.End()}, Message: "the bio's subject"}},
				})
				break
			}
		}
	},
}

var wordRE = lazy(`\pL+`)

func (an *analysis) rosterEntry(n Name) (staffEntry, bool) {
	for _, s := range an.cfg.staff {
		for _, sn := range s.names {
			if sameName(n, sn) {
				return s, true
			}
		}
	}
	for _, s := range an.cfg.staff {
		for _, sn := range s.names {
			if variantOf(n, sn) {
				return s, true
			}
		}
	}
	return staffEntry{}, false
}

// wrongPronouns is the set of pronouns a bio of someone with the given
// roster pronouns should not use.
func wrongPronouns(p string) map[string]bool {
	he := map[string]bool{"he": true, "him": true, "his": true, "himself": true}
	she := map[string]bool{"she": true, "her": true, "hers": true, "herself": true}
	first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(p)), "/")
	switch first {
	case "she":
		return he
	case "he":
		return she
	case "they":
		for k := range she {
			he[k] = true
		}
		return he
	}
	return nil
}

// authorRoles are the roles that name who wrote the story, as opposed to
// who edited it or added reporting.
var authorRoles = map[string]bool{"by": true, "reporting": true, "reported": true, "writing": true, "written": true, "": true}

func authors(c CreditLine) []Name {
	var out []Name
	for _, s := range c.Segments {
		if authorRoles[strings.ToLower(s.Role)] {
			out = append(out, s.Names...)
		}
	}
	return out
}
