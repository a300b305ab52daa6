package quotes

import (
	"fmt"

	"github.com/copydesk/copydesk/core/sdk"
)

// Mixed reports quotations that break the house style, or the article's own
// style when the house takes either.
var Mixed = &sdk.Rule{
	Name:      "mixed-style",
	Category:  sdk.CategoryQuotes,
	Severity:  sdk.Info,
	Languages: []string{sdk.AnyLanguage},
	Summary:   "straight and curly double quotation marks mixed, or against the house style",
	Doc: `Reports double quotations whose marks break the house style set by the
plugin option style:

  - "curly": quotations in straight marks ("...") are reported, with “ ” as
    the suggested replacement;
  - "straight": quotations in curly marks (“...”) are reported;
  - "any" (the default): either style is fine, but one article should not
    use both; the quotations in the style the article uses less are
    reported (nothing is reported on a tie).

A single quotation that opens in one style and closes in the other (“...")
is always reported. Quotations opened with „ are left to low-opening-quote,
and apostrophes are never counted.`,
	Example: sdk.Example{
		Before: "“We will go,” she said. “Soon.” Her aide added: \"Very soon.\"",
		After:  "“We will go,” she said. “Soon.” Her aide added: “Very soon.”",
	},
	Check: checkMixed,
}

func checkMixed(pass *sdk.Pass) {
	a := pass.Article
	var straight, curly []quotation
	pq := paired.Of(pass)
	for _, i := range checkable(a) {
		for _, q := range pq[i].quotes {
			if q.open.r == lowDouble || !q.closed || q.converted {
				continue
			}
			so, sc := q.open.r == straightDouble, q.close.r == straightDouble
			switch {
			case so && sc:
				straight = append(straight, q)
			case !so && !sc:
				curly = append(curly, q)
			default:
				pass.Report(sdk.Diagnostic{
					Span:        sdk.Span{Start: q.open.pos, End: q.close.span().End},
					Message:     "this quotation opens with " + string(q.open.r) + " and closes with " + string(q.close.r),
					Suggestions: restyle(q, styleFor(pass, so)),
				})
			}
		}
	}
	var bad []quotation
	var want Style
	switch styleOf(pass) {
	case Curly:
		bad, want = straight, Curly
	case Straight:
		bad, want = curly, Straight
	default:
		switch {
		case len(straight) > len(curly):
			bad, want = curly, Straight
		case len(curly) > len(straight):
			bad, want = straight, Curly
		}
	}
	for _, q := range bad {
		msg := "curly quotation marks in an article that otherwise uses straight ones"
		if want == Curly {
			msg = "straight quotation marks in an article that otherwise uses curly ones"
		}
		if styleOf(pass) != AnyStyle {
			msg = fmt.Sprintf("house style is %s quotation marks", want)
		}
		pass.Report(sdk.Diagnostic{
			Span:        sdk.Span{Start: q.open.pos, End: q.close.span().End},
			Message:     msg,
			Suggestions: restyle(q, want),
		})
	}
}

// styleFor picks the style a mismatched quotation should take: the house
// style, or the style of its opening mark.
func styleFor(pass *sdk.Pass, straightOpen bool) Style {
	if s := styleOf(pass); s != AnyStyle {
		return s
	}
	if straightOpen {
		return Straight
	}
	return Curly
}

func restyle(q quotation, s Style) []sdk.Suggestion {
	o, c := "“", "”"
	if s == Straight {
		o, c = `"`, `"`
	}
	return []sdk.Suggestion{
		{Span: q.open.span(), Replacement: o, Description: "opening mark " + o},
		{Span: q.close.span(), Replacement: c, Description: "closing mark " + c},
	}
}
