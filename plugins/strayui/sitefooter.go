package strayui

import (
	"fmt"

	"github.com/copydesk/copydesk/core/sdk"
)

// SiteFooter reports standards and copyright boilerplate at the end.
var SiteFooter = &sdk.Rule{
	// Every strayui rule judges a line against the article's own
	// language, whatever that is: chrome in data/chrome.txt's 27
	// languages, or in any other, is stray in copy of any language.
	Languages: anyLanguage,
	Name:      "site-footer",
	Category:  sdk.CategoryStrayUI,
	Severity:  sdk.Info,
	Summary:   "site footer or standards boilerplate at the end of the body, or a copyright notice anywhere",
	Doc:       footerDoc,
	Example: sdk.Example{
		Before: "Reporting by Ana Ruiz; Editing by Tom Hale\n\nOur Standards: The Trust Principles.",
		After:  "Reporting by Ana Ruiz; Editing by Tom Hale",
	},
	Check: checkFooter,
}

func checkFooter(p *sdk.Pass) {
	l := layoutOf.Of(p)
	for i, m := range l.chrome {
		if m == nil || m.Kind != kindFooter {
			continue
		}
		// A listed footer ("Our Standards: ...") is one only at the end; a
		// copyright notice (copyrightLine) is one anywhere.
		if i < l.tail && m != copyrightPhrase {
			continue
		}
		u := l.units[i]
		report(p, u, u.span.End, fmt.Sprintf("site footer %s: delete it", clip(u.text)), "delete the site footer")
	}
}

const footerDoc = `Reports site footer and standards boilerplate after the last story
paragraph ("Our Standards: The Thomson Reuters Trust Principles.", a bare
"Thomson Reuters" line), and a site's copyright notice anywhere: a short line
with a © sign or "All rights reserved" (or its translation). A wire's plain
"Copyright 1999 The New York Times Co." credit line has neither and is left
alone. Its severity is info; turn it off or raise it in rules.toml
([strayui.rules.site-footer]). Add footers of other sites with the chrome
option, kind footer.`
