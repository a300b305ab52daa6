package byline

import (
	"github.com/copydesk/copydesk/core/sdk"
)

// CreditInBody reports a credit line with body copy on both sides.
var CreditInBody = &sdk.Rule{
	Name:     "credit-in-body",
	Category: sdk.CategoryByline,
	Severity: sdk.Warning,
	Summary:  "a credit line sits in the middle of the body",
	Doc: `Credits go at the top (a byline) or at the foot (a wire credit). A credit line
with paragraphs of body copy before and after it was pasted in the wrong
place, or two stories were run together. Two or more such credits head the
sections of a piece by several hands (excerpts of court opinions, a page
of letters) and are not reported.`,
	Example: sdk.Example{
		Before: "Council backs new bridge\n\nThe city council approved the new bridge on Tuesday after a debate that lasted most of the night and ended in a narrow vote.\n\nReporting by Jane Doe\n\nWork will start in the spring and take two years, the council said, and the contract goes to tender next month.\n\nThe old bridge stays open until the new one is finished, and a ferry will run at peak hours.",
		After:  "Council backs new bridge\n\nThe city council approved the new bridge on Tuesday after a debate that lasted most of the night and ended in a narrow vote.\n\nWork will start in the spring and take two years, the council said, and the contract goes to tender next month.\n\nThe old bridge stays open until the new one is finished, and a ferry will run at peak hours.\n\nReporting by Jane Doe",
	},
	Languages: sdk.English,
	Check: func(p *sdk.Pass) {
		an := analyse(p)
		for _, c := range an.credits {
			if c.CMS || c.Start < 0 || an.sectionCredit(c) {
				continue
			}
			if an.bodyBefore(c.Block) >= 1 && an.bodyAfter(c.Block) >= 2 {
				p.Report(sdk.Diagnostic{
					Span:    sdk.Span{Start: c.Start, End: c.End},
					Message: "credit line in the middle of the body: move it to the top or the foot of the story",
				})
			}
		}
	},
}
