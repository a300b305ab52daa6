package runner

import (
	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/quoted"
)

// QuotedNote ends the message of a finding inside a direct quotation. A desk
// never changes a quotation's words without checking the source; --fix
// leaves such findings' suggestions alone unless given --fix-quoted.
const QuotedNote = " (inside a quotation: check the source before changing the quoted words)"

// markQuoted sets InQuote on the findings that lie inside a direct
// quotation of the article (package quoted) and says so in their message.
// Quotations are found in the article's text and compared in source
// offsets, where findings are placed.
func markQuoted(a *article.Article, ds []Diagnostic) []Diagnostic {
	if a == nil || len(ds) == 0 {
		return ds
	}
	spans := quoted.Spans(a)
	if len(spans) == 0 {
		return ds
	}
	src := make([]article.Span, len(spans))
	for i, s := range spans {
		src[i] = article.Span{Start: a.SourceOffset(s.Start), End: a.SourceEndOffset(s.End)}
	}
	for i := range ds {
		if quoted.Inside(src, ds[i].Offset, ds[i].EndOffset) {
			ds[i].InQuote = true
			ds[i].Message += QuotedNote
		}
	}
	return ds
}
