package fragment

import (
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// BrokenOff reports a statement that ends on a word no sentence ends on.
var BrokenOff = &sdk.Rule{
	Name:      "broken-off",
	Category:  sdk.CategoryFragment,
	Languages: sdk.English,
	Severity:  sdk.Warning,
	Summary:   "a sentence that stops on \"and\", \"the\" or \"their\"",
	Doc: `A statement whose last word is a conjunction, an article or a possessive
determiner ("Just the binding and.", "Only the crowd near the.")
broke off in the middle of a phrase: a cut that lost the sentence's end, or
the debris of a broken translation. No tagging is needed and clean copy
never does it, so the rule reads every sentence of a body paragraph, the
first included, quoted speech too. A sentence that trails off on purpose
("and...", "and…") is left alone. The words are in data/danglers.txt.`,
	Example: sdk.Example{
		Before: "The council approved the plan. Only the ferry near the.",
		After:  "The council approved the plan.",
	},
	Check: checkBrokenOff,
}

func checkBrokenOff(pass *sdk.Pass) {
	for _, para := range bodyOf(pass).Paras {
		for _, s := range para {
			last := danglingEnd(s)
			if last == "" {
				continue
			}
			pass.Report(sdk.Diagnostic{
				Span:    s.Span,
				Message: "the sentence stops on \"" + last + "\": it broke off in the middle of a phrase, as a cut or a broken translation leaves",
			})
		}
	}
}

// danglingEnd returns the word a statement broke off on, or "". The other
// fragment rules leave such a sentence to this one.
func danglingEnd(s *sentence) string {
	// Quoted speech is read too: nobody says "near the." either, and a
	// paragraph inside a running quotation is still copy.
	if len(s.words) < 2 {
		return ""
	}
	text := strings.TrimRight(s.Text, " \t")
	if !strings.HasSuffix(text, ".") || strings.HasSuffix(text, "..") {
		return "" // an ellipsis trails off on purpose; "!" and "?" are not cuts
	}
	// The last word as written: lower case, so "Class A." and "Vitamin
	// A." are not the article "a".
	text = strings.TrimSuffix(text, ".")
	last := text[strings.LastIndexAny(text, " \t\n(\"'“‘")+1:]
	if !danglers[last] {
		return ""
	}
	return last
}
