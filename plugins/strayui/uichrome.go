package strayui

import (
	"fmt"

	"github.com/copydesk/copydesk/core/sdk"
	"github.com/pemistahl/lingua-go"
)

// UIChrome reports known CMS and widget strings, in any language.
var UIChrome = &sdk.Rule{
	// Every strayui rule judges a line against the article's own
	// language, whatever that is: chrome in data/chrome.txt's 27
	// languages, or in any other, is stray in copy of any language.
	Languages: anyLanguage,
	Name:      "ui-chrome",
	Category:  sdk.CategoryStrayUI,
	Severity:  sdk.Warning,
	Summary:   "comment forms, share widgets, ad labels and other page chrome left in the copy",
	Doc:       uiChromeDoc,
	Example: sdk.Example{
		Before: "...the ministry said on Tuesday.\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *",
		After:  "...the ministry said on Tuesday.",
	},
	Check: checkUIChrome,
}

func checkUIChrome(p *sdk.Pass) {
	st := stateOf(p)
	l := layoutOf.Of(p)
	units, matches := l.units, l.chrome
	articleLang, _ := st.languageOf(p)
	for i, m := range matches {
		if m == nil || m.Kind == kindFooter || l.inRun[i] {
			continue // site-footer and furniture-run report those
		}
		if m == datePhrase && (i >= l.first || storyDate(l, i)) {
			continue // a date in or after the story, or under its headline, is the story's
		}
		if m.weak && i < l.tail && m != datePhrase && !(i > 0 && matches[i-1] != nil) && !(i+1 < len(matches) && matches[i+1] != nil) && !st.plainlyForeign(units, m, &articleLang) {
			continue // "Comment" or "Website" alone mid-story may be a subhead
		}
		u := units[i]
		lang := ""
		if l := languageFromCode(m.Lang); l != lingua.Unknown && l != lingua.English {
			lang = languageName(l) + " "
		}
		report(p, u, u.span.End, fmt.Sprintf("%s%s left in the copy (%s): delete it", lang, kindWords[m.Kind], clip(u.text)), "delete the "+kindWords[m.Kind])
	}
}

const uiChromeDoc = `Reports a whole line that is a known CMS or widget string: WordPress comment
forms ("Leave a Reply", "Your email address will not be published. Required
fields are marked *", "Post Comment"), Jetpack share and like widgets ("Share
this:", "Like this:", "Click to share on X"), read-more and related-post
headings, newsletter and cookie prompts, advertising and image labels
("Advertisement", "Sponsored", "Image copyright"), in English and 25 other
languages.

Only whole lines are matched, so the same words inside a sentence are never
reported. Lines are matched tolerant of counts and separators: "Comments (12)", "12
Comments", "Share | Tweet | Email". Lines of navigation items joined by
separators ("News | Sport | Weather", "Home » Politics »") and widget time
stamps and counters ("2h ago", "5 min read", "3 of 12") are reported too,
and so is a page's date stamp alone on a line ("Updated 10:01 pm PST, Tuesday,
November 19, 2019") before the story, but not on the line under the headline
(the story's own date line) nor in or after the story.

A single everyday word ("Comment", "Website", "Reply") is reported
only at the end of the article (after the last story paragraph) or next to
other chrome, because mid-story it could be a subhead; a single word in
another language ("Skomentuj") is reported mid-story too when the language
identifier agrees it is not in the article's language.

Options (plugin-wide): chrome adds entries in data/chrome.txt's format,
e.g. chrome = ["de | comment | Kommentar schreiben"].`

// storyDate is the named heuristic "story date": a date stamp on the line
// right under the headline is the story's own date line, which many
// desks' copy carries (dev-set articles do), not a page's stamp.
func storyDate(l *layout, i int) bool {
	h := 0 // the headline: the headline block, else the first line
	for j, u := range l.units {
		if u.headline {
			h = j
			break
		}
	}
	return i == h+1
}
