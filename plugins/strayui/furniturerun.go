package strayui

import (
	"fmt"

	"github.com/copydesk/copydesk/core/sdk"
)

// FurnitureRun reports runs of menu, widget and related-headline lines
// around the story that carry no label phrase.
var FurnitureRun = &sdk.Rule{
	Languages: anyLanguage,
	Name:      "furniture-run",
	Category:  sdk.CategoryStrayUI,
	Severity:  sdk.Warning,
	Summary:   "a run of related-story headlines, menu items or widget lines before or after the story",
	Doc:       runDoc,
	Example: sdk.Example{
		Before: "Port strike ends\n\nDock workers returned to work on Wednesday after unions accepted a two-year pay deal, the port authority said.\n\nMore from the desk\n\nFerry fares rise for the summer season\n\nNew bridge opens to traffic",
		After:  "Port strike ends\n\nDock workers returned to work on Wednesday after unions accepted a two-year pay deal, the port authority said.",
	},
	Check: checkRun,
}

// checkRun reports furniture runs (see findRuns).
func checkRun(p *sdk.Pass) {
	l := layoutOf.Of(p)
	for _, r := range l.runs {
		u := l.units[r.from]
		what := "block of %d menu or widget lines"
		fix := "delete the menu or widget lines"
		if r.headlines*2 > r.members {
			what = "run of %d related-story headlines"
			fix = "delete the related-story headlines"
		}
		where := "after the story"
		switch {
		case r.to < l.first:
			where = "before the story"
		case r.from < l.tail:
			where = "between paragraphs"
		}
		msg := fmt.Sprintf(what+" %s, from %s to %s: page furniture, delete it", r.members, where, clip(u.text), clip(l.units[r.to].text))
		report(p, u, l.units[r.to].span.End, msg, fix)
	}
}

const runDoc = `Reports page furniture that carries no label phrase: a run of two or more
lines in a row that are headline-shaped (title or sentence case, no closing
full stop, at most 20 words: related-story links) or short items (at most four
words: menu entries, network names, section names, counts) or known chrome,
standing before the story's first paragraph or after its last one. Between
paragraphs a run is reported only when it opens or closes with known chrome
that is more than one everyday word ("Most read", "More from the desk").

The article's own material stays silent: credit lines, datelines, bylines and
author bios, quotations, list items (a bullet, a dash, "1.", or a run after a
line that ends in a colon), wire list entries ("ACTRESS, DRAMA: ..."), lists
whose lines share their make-up (three in four start or end with a figure, or
have a colon or a spaced dash inside: schedules, results), a title and air
time above a "Written and directed by" credit, the story's own title repeated
above it, clipped or wrapped sentences (a line ending in "of", "the"...), and
sentences, which end in a full stop. Before the story, a run's last
headline-shaped lines are left out (the story's title, deck or photo caption).

The story is the heaviest cluster of prose lines (gaps of at most 40 other
lines), so reader comments or a footer blurb further down a page do not move
its end. One finding covers the whole run, and its fix deletes it.`
