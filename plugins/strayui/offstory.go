package strayui

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// OffStory reports short lines of a web page outside its story, where the
// host's main-content extractor and the lines' shape and place agree.
var OffStory = &sdk.Rule{
	Languages: anyLanguage,
	Name:      "off-story",
	Category:  sdk.CategoryStrayUI,
	Severity:  sdk.Warning,
	Summary:   "short lines of a web page outside its story: the main-content extractor leaves them out (HTML pages)",
	Doc:       offStoryDoc,
	Example: sdk.Example{
		Before: "<html><body><div><p>Trending now</p><p>Ferry fares rise for the summer season</p></div><div class=\"story\"><h1>Port strike ends</h1>" +
			"<p>Dock workers at the port returned to work on Wednesday after unions accepted a two-year pay deal, ending a strike that had stranded dozens of container ships.</p>" +
			"<p>The agreement raises wages by 7 percent this year and 4 percent next year, the union said, and limits night shifts for workers over 60.</p>" +
			"<p>Shipping lines had diverted vessels to Antwerp and Hamburg during the eight-day stoppage, and the port authority said it would take about a week to clear the backlog.</p></div></body></html>",
		After: "<html><body><div class=\"story\"><h1>Port strike ends</h1>" +
			"<p>Dock workers at the port returned to work on Wednesday after unions accepted a two-year pay deal, ending a strike that had stranded dozens of container ships.</p>" +
			"<p>The agreement raises wages by 7 percent this year and 4 percent next year, the union said, and limits night shifts for workers over 60.</p>" +
			"<p>Shipping lines had diverted vessels to Antwerp and Hamburg during the eight-day stoppage, and the port authority said it would take about a week to clear the backlog.</p></div></body></html>",
	},
	Check: checkOffStory,
}

// Named thresholds of the off-story rule.
const (
	// minExtractedStoryWords is the fewest words of a line that sets the
	// extracted story's extent: its first and last such line the
	// extractor keeps (a short kept line may be a menu entry that also
	// occurs in the story).
	minExtractedStoryWords = 8
	// maxOffStoryWords is the most words of a line off-story reports;
	// longer lines and lines ending in a full stop may be the story's own
	// prose the extractor missed.
	maxOffStoryWords = 12
)

func checkOffStory(p *sdk.Pass) {
	l := layoutOf.Of(p)
	units := l.units
	if len(units) == 0 || !units[0].offMainSet {
		return // not a web page, or the extractor found no main content
	}
	lo, hi := -1, -1
	for i, u := range units {
		if !u.skip && !u.offMain && moreWords(u.text, minExtractedStoryWords-1) {
			if lo < 0 {
				lo = i
			}
			hi = i
		}
	}
	if lo < 0 {
		return
	}
	cand := func(i int) bool { return (i < lo || i > hi) && offStoryLine(l, i) }
	for i := 0; i < len(units); {
		if !cand(i) {
			i++
			continue
		}
		j, letters := i, false
		for j < len(units) && cand(j) {
			letters = letters || hasLetter(units[j].text)
			j++
		}
		if letters {
			first, last := units[i], units[j-1]
			where := "before"
			if i > hi {
				where = "after"
			}
			msg := fmt.Sprintf("page line %s the story, left out by the main-content extractor: %s: delete it", where, clip(first.text))
			if j-i > 1 {
				msg = fmt.Sprintf("%d page lines %s the story, left out by the main-content extractor, from %s to %s: delete them", j-i, where, clip(first.text), clip(last.text))
			}
			report(p, first, last.span.End, msg, "delete the page lines")
		}
		i = j
	}
}

// offStoryLine is the named heuristic "off-story line": a line the
// extractor leaves out that is short (at most maxOffStoryWords words, no
// closing full stop, no closing colon: that introduces a list of the
// story's own), is not the story's headline, byline or title, and
// that no other strayui rule reports (known chrome, a related link, a
// furniture run, a furniture element).
func offStoryLine(l *layout, i int) bool {
	u := l.units[i]
	if u.skip || !u.offMain || l.chrome[i] != nil || l.related[i] || l.inRun[i] || storyHeaderLine(l, i) {
		return false
	}
	t := strings.TrimRight(u.text, "\"'”’»)")
	return !moreWords(t, maxOffStoryWords) && !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, ":") && !creditLine.MatchString(t) && !dateline.MatchString(t)
}

const offStoryDoc = `Reports, in an HTML page (a .html file: a whole web page imported as the
story), short lines outside the story that no other strayui rule names:
related headlines, dates, labels, teasers with no furniture element around
them (older pages do not use nav, aside or footer). Three signals must
agree: the host's main-content extractor (go-readability, the Firefox
Reader View algorithm) leaves the line out of the page's main content; the
line stands before the first or after the last line of eight words or more
that the extractor keeps; and it is short (twelve words at most, no closing
full stop or colon). An extractor alone also drops some of a story's own lines;
the shape and place keep those silent. The story's headline, byline, title
and credit lines are never reported. Plain text, Markdown and CMS bodies
carry no such signal and are not judged.`
