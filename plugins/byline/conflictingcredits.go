package byline

import (
	"fmt"

	"github.com/copydesk/copydesk/core/sdk"
)

// ConflictingCredits reports two credit lines that name different authors.
var ConflictingCredits = &sdk.Rule{
	Name:     "conflicting-credits",
	Category: sdk.CategoryByline,
	Severity: sdk.Warning,
	Summary:  "two credit lines (or the CMS byline and a credit line) name different authors",
	Doc: `A story may carry a byline at the top and a wire credit at the foot, or a CMS
byline field and a credit line in the copy. They must agree: when the
authors one names ("By", "Reporting by", "Writing by") share nobody with the
people the other credits, one of them belongs to another story.

When two or more credits stand between paragraphs of body copy, each heads
a section of its own, as in excerpts of several court opinions ("By Justice
Stevens" ... "By Justice Breyer") or a page of letters: they credit their
sections, not the story, and are not compared.`,
	Example: sdk.Example{
		Before: "Council backs new bridge\n\nBy Jane Doe\n\nThe city council approved the new bridge on Tuesday, officials said.\n\nReporting by John Roe; Editing by Mary Major",
		After:  "Council backs new bridge\n\nBy Jane Doe\n\nThe city council approved the new bridge on Tuesday, officials said.\n\nReporting by Jane Doe; Editing by Mary Major",
	},
	Languages: sdk.English,
	Check: func(p *sdk.Pass) {
		an := analyse(p)
		for j := 1; j < len(an.credits); j++ {
			cj := an.credits[j]
			aj := authors(cj)
			if cj.Start < 0 || len(aj) == 0 || an.sectionCredit(cj) {
				continue
			}
			for i := 0; i < j; i++ {
				ci := an.credits[i]
				if len(authors(ci)) == 0 || overlap(ci.Names(), cj.Names()) {
					continue
				}
				d := sdk.Diagnostic{
					Span:    sdk.Span{Start: aj[0].Start, End: aj[0].End()},
					Message: fmt.Sprintf("this credit names %s but an earlier credit names %s", aj[0].Text, authors(ci)[0].Text),
				}
				if ci.Start >= 0 {
					d.Related = []sdk.Related{{Span: sdk.Span{Start: ci.Start, End: ci.End}, Message: "the other credit"}}
				}
				p.Report(d)
				break
			}
		}
	},
}

func overlap(a, b []Name) bool {
	for _, x := range a {
		for _, y := range b {
			if sameName(x, y) || variantOf(x, y) {
				return true
			}
		}
	}
	return false
}
