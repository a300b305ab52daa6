package byline

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// CreditBioMismatch reports a bio about someone the credit does not name.
var CreditBioMismatch = &sdk.Rule{
	Name:     "credit-bio-mismatch",
	Category: sdk.CategoryByline,
	Severity: sdk.Error,
	Summary:  "the author bio describes someone the credit line does not name",
	Doc: `An author bio at the foot of the article belongs to one of the people credited
for it. When the bio's name matches no credited name, not even as a
misspelling, the credit or the bio was taken from another story.`,
	Example: sdk.Example{
		Before: "Council backs new bridge\n\nThe city council approved the new bridge on Tuesday, officials said.\n\nReporting by Jane Doe; Editing by John Roe\n\nMary Major is a correspondent in Paris.",
		After:  "Council backs new bridge\n\nThe city council approved the new bridge on Tuesday, officials said.\n\nReporting by Mary Major; Editing by John Roe\n\nMary Major is a correspondent in Paris.",
	},
	Languages: sdk.English,
	Check: func(p *sdk.Pass) {
		an := analyse(p)
		credited := an.creditedNames()
		if len(credited) == 0 {
			return
		}
	bios:
		for _, b := range an.bios {
			for _, n := range credited {
				if sameName(n, b.Name) || variantOf(n, b.Name) {
					continue bios
				}
			}
			c, ok := an.creditBefore(b.Block)
			if !ok {
				continue
			}
			first := c.Names()[0]
			var list []string
			for _, n := range c.Names() {
				list = append(list, n.Text)
			}
			p.Report(sdk.Diagnostic{
				Span:    sdk.Span{Start: first.Start, End: first.End()},
				Message: fmt.Sprintf("the bio describes %s, who is not credited (credit: %s)", b.Name.Text, strings.Join(list, ", ")),
				Related: []sdk.Related{{Span: sdk.Span{Start: b.Name.Start, End: b.Name.End()}, Message: "the bio"}},
			})
		}
	},
}

// creditBefore is the credit line in the text nearest before block, or the
// first one in the text.
func (an *analysis) creditBefore(block int) (CreditLine, bool) {
	var best CreditLine
	found := false
	for _, c := range an.credits {
		if c.Start < 0 || len(c.Names()) == 0 || c.Names()[0].Start < 0 {
			continue
		}
		if !found || c.Block < block {
			best, found = c, true
		}
	}
	return best, found
}
