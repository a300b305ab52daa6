package quotes

import (
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// LowOpening reports „ opening quotation marks in English copy.
var LowOpening = &sdk.Rule{
	Name:      "low-opening-quote",
	Category:  sdk.CategoryQuotes,
	Severity:  sdk.Warning,
	Languages: sdk.English,
	Summary:   "a „ (low-9) opening quotation mark in English copy",
	Doc: `Reports the low-9 opening quotation mark „ (U+201E) in English copy. It is the
right opening mark in German, Polish, Czech and other languages, and it
survives machine translation and copy pasted from those editions, usually
paired with an English closing mark: „We are at a critical juncture,” the
official said.

The suggestion replaces it with the English opening mark: “ under the "curly"
or "any" house style, " under "straight". When the quotation is closed with
the German closing mark “, the suggestion fixes that too.

The rule reads English copy only, as the host decides the article's
language.`,
	Example: sdk.Example{
		Before: "„We are at a critical juncture,” the official said.",
		After:  "“We are at a critical juncture,” the official said.",
	},
	Check: checkLowOpening,
}

func checkLowOpening(pass *sdk.Pass) {
	a := pass.Article
	if !strings.ContainsRune(a.Text, lowDouble) {
		return
	}
	style := styleOf(pass)
	openWith, closeWith := "“", "”"
	if style == Straight {
		openWith, closeWith = `"`, `"`
	}
	pq := paired.Of(pass)
	for _, i := range checkable(a) {
		for _, q := range pq[i].quotes {
			if q.open.r != lowDouble {
				continue
			}
			sugg := []sdk.Suggestion{{Span: q.open.span(), Replacement: openWith, Description: "use the English opening mark " + openWith}}
			if q.closed && q.close.r == leftDouble {
				sugg = append(sugg, sdk.Suggestion{Span: q.close.span(), Replacement: closeWith, Description: "use the English closing mark " + closeWith})
			}
			pass.Report(sdk.Diagnostic{
				Span:        q.open.span(),
				Message:     "„ is not an English quotation mark: open the quotation with " + openWith,
				Suggestions: sugg,
			})
		}
	}
}
