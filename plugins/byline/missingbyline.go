package byline

import (
	"strings"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
)

// MissingByline reports a CMS article whose byline field is empty.
var MissingByline = &sdk.Rule{
	Name:     "missing-byline",
	Category: sdk.CategoryByline,
	Severity: sdk.Warning,
	Summary:  "the CMS byline field is empty (off unless the house requires a byline)",
	Doc: `For houses that require every story to carry a byline: a CMS JSON article
whose byline field is missing or empty is reported at its headline. Off by
default; enable it with [byline.rules.missing-byline] enabled = true.`,
	Example: sdk.Example{
		Before: `{"headline": "Council backs new bridge", "byline": "", "body": "The city council approved the new bridge on Tuesday."}`,
		After:  `{"headline": "Council backs new bridge", "byline": "Jane Doe", "body": "The city council approved the new bridge on Tuesday."}`,
	},
	Disabled:  true,
	Languages: []string{sdk.AnyLanguage},
	Check: func(p *sdk.Pass) {
		a := p.Article
		if a.Format != article.FormatJSON || metaByline(a) != "" {
			return
		}
		span := sdk.Span{}
		for _, b := range a.Blocks {
			if b.Kind == article.Byline && strings.TrimSpace(a.BlockText(b)) != "" {
				return
			}
		}
		for _, b := range a.Blocks {
			if b.Kind == article.Headline {
				span = b.Span
				break
			}
		}
		if span.End == 0 && len(a.Blocks) > 0 {
			span = a.Blocks[0].Span
		}
		p.Report(sdk.Diagnostic{Span: span, Message: "the byline field is empty: the house requires a byline on every story"})
	},
}
