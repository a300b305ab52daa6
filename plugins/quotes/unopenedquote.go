package quotes

import (
	"github.com/copydesk/copydesk/core/sdk"
)

// Unopened reports closing quotation marks with no opening mark.
var Unopened = &sdk.Rule{
	Name:      "unopened-quote",
	Category:  sdk.CategoryQuotes,
	Severity:  sdk.Warning,
	Languages: []string{sdk.AnyLanguage},
	Summary:   "a closing quotation mark with no opening mark in its paragraph",
	Doc: `Reports a double quotation mark that closes a quotation no mark opened in its
paragraph: the opening mark was left out (...by the end of the week." she
said), or a bracket was closed with a quotation mark ((a mismatched pair”
like this).

A mark reads as closing when it follows a word or punctuation and is
followed by a space or punctuation. Not reported: a straight " after a
digit (an inch mark: 12"), a free-standing " between spaces (a ditto mark
in a table), a paragraph whose quotation was opened in the paragraph
before and not reopened (unclosed-quote reports that once, at its
opening), and a mark closing a quotation opened with a single mark
('The permit...," said): the wire's two opening backquotes, converted
to one mark.

The rule reads only quotation marks and works in any language whose
closing double mark is ” or ".`,
	Example: sdk.Example{
		Before: "The mayor said the work would be done by the end of the week.\" No date was set.",
		After:  "The mayor said \"the work would be done by the end of the week.\" No date was set.",
	},
	Check: checkUnopened,
}

func checkUnopened(pass *sdk.Pass) {
	a := pass.Article
	pq := paired.Of(pass)
	openBefore := false // the previous block left a quotation open
	for _, i := range checkable(a) {
		bq := pq[i]
		firstOpen := a.Blocks[i].Span.End
		if len(bq.quotes) > 0 {
			firstOpen = bq.quotes[0].open.pos
		}
		for _, m := range bq.stray {
			if openBefore && m.pos < firstOpen {
				continue // the quotation the paragraph before left open
			}
			msg := "this closing quotation mark has no opening mark in its paragraph"
			if br := unmatchedBracket(a.Text, a.Blocks[i].Span.Start, m.pos); br >= 0 {
				msg = "this quotation mark closes a bracket: ( is closed with " + string(m.r) + "; close it with ) or open a quotation"
			}
			pass.Report(sdk.Diagnostic{Span: m.span(), Message: msg})
		}
		openBefore = bq.trailing != nil
	}
}

// unmatchedBracket returns the offset of the last "(" in text[from:to]
// that no ")" closes, or -1.
func unmatchedBracket(text string, from, to int) int {
	var open []int
	for i := from; i < to; i++ {
		switch text[i] {
		case '(':
			open = append(open, i)
		case ')':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	if len(open) == 0 {
		return -1
	}
	return open[len(open)-1]
}
