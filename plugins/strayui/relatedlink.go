package strayui

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// RelatedLink reports "READ <other headline>" lines injected between
// paragraphs.
var RelatedLink = &sdk.Rule{
	// Every strayui rule judges a line against the article's own
	// language, whatever that is: chrome in data/chrome.txt's 27
	// languages, or in any other, is stray in copy of any language.
	Languages: anyLanguage,
	Name:      "related-link",
	Category:  sdk.CategoryStrayUI,
	Severity:  sdk.Warning,
	Summary:   "a READ / RELATED / Also read link to another story inside the body",
	Doc:       relatedDoc,
	Example: sdk.Example{
		Before: "...the talks resumed.\n\nREAD\u00a0 Storm closes ports along the coast\n\nOfficials said...",
		After:  "...the talks resumed.\n\nOfficials said...",
	},
	Check: checkRelated,
}

func checkRelated(p *sdk.Pass) {
	st := stateOf(p)
	units := linesOf(p)
	for i := 0; i < len(units); i++ {
		if !layoutOf.Of(p).related[i] {
			continue
		}
		last, ok := st.relatedLink(units, i)
		if !ok {
			continue
		}
		u := units[i]
		msg := fmt.Sprintf("related-article link %s inside the body: delete it", clip(u.text))
		if last > i {
			msg = fmt.Sprintf("related-article link %s + %s inside the body: delete it", clip(u.text), clip(units[last].text))
		}
		report(p, u, units[last].span.End, msg, "delete the related-article link")
		i = last
	}
}

// relatedLink reports whether line i starts a related-article link, and
// the index of its last line: a label and a headline on one line, or an
// upper-case label alone with the headline on the next.
func (st *state) relatedLink(units []unit, i int) (int, bool) {
	if units[i].skip {
		return 0, false
	}
	lbl, rest := st.table.label(units[i].text)
	if lbl == nil {
		return 0, false
	}
	upper := !strings.ContainsAny(lbl.Text, "abcdefghijklmnopqrstuvwxyz")
	if rest != "" {
		return i, headlineShaped(rest, upper)
	}
	if upper && i+1 < len(units) && !units[i+1].skip && headlineShaped(units[i+1].text, false) {
		return i + 1, true
	}
	return 0, false
}

const relatedDoc = `Reports a related-article link injected between paragraphs: a label such as
READ, RELATED, ALSO READ, "Read more:" or "See also:" (or its translation),
followed on the same line or the next by a headline-shaped line.

Upper-case labels may be followed by spaces alone ("READ\u00a0 Storm closes
ports"); mixed-case ones need a colon, bar or dash ("Related: ..."), so a
sentence that starts "Read the report..." is never taken for a link.`
