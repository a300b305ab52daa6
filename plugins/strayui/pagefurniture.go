package strayui

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
)

// PageFurniture reports a page's menus, header, footer, sidebar boxes and
// forms in an imported HTML page.
var PageFurniture = &sdk.Rule{
	Languages: anyLanguage,
	Name:      "page-furniture",
	Category:  sdk.CategoryStrayUI,
	Severity:  sdk.Warning,
	Summary:   "a web page's menu, header, footer, sidebar box or form imported with the story (HTML pages)",
	Doc:       pageFurnitureDoc,
	Example: sdk.Example{
		Before: "<html><body><nav><a href=\"/\">Home</a> <a href=\"/ports\">Ports</a></nav><article><h1>Port strike ends</h1>" +
			"<p>Dock workers returned to work on Wednesday after unions accepted a two-year pay deal.</p></article>" +
			"<footer><p>About us</p><p>Contact</p></footer></body></html>",
		After: "<html><body><article><h1>Port strike ends</h1>" +
			"<p>Dock workers returned to work on Wednesday after unions accepted a two-year pay deal.</p></article></body></html>",
	},
	Check: checkPageFurniture,
}

// Named thresholds of the page-furniture rule.
const (
	// minWrapperProse is the fewest lines of story prose (20 words or
	// more) that make a furniture element a page wrapper (see
	// pageWrapper).
	minWrapperProse = 3
	// minDeckWords is the fewest words of a deck (standfirst) in the
	// story's own header (see storyHeaderLine).
	minDeckWords = 6
)

// furnitureWords names an element's kind in a message.
var furnitureWords = map[string]string{
	"nav": "navigation menu", "header": "page header", "footer": "page footer",
	"aside": "sidebar box", "form": "form",
}

func checkPageFurniture(p *sdk.Pass) {
	if p.Article.Format != article.FormatHTML {
		return // a CMS body (JSON) is the story alone: its asides are the desk's
	}
	st := stateOf(p)
	l := layoutOf.Of(p)
	units := l.units
	for i := 0; i < len(units); {
		el := outerElement(units[i].element)
		if el == "" {
			i++
			continue
		}
		j := i
		for j < len(units) && outerElement(units[j].element) == el {
			j++
		}
		if !factBox(st, l, i, j) && !pageWrapper(l, i, j) {
			reportFurniture(p, l, i, j, el)
		}
		i = j
	}
}

// outerElement is the outermost furniture element of a line's place
// ("header" for "header>nav", "article>footer" for "article>footer>form"):
// one finding covers one such element, whatever it nests.
func outerElement(el string) string {
	rest, pre := el, ""
	if r, ok := strings.CutPrefix(el, "article>"); ok {
		rest, pre = r, "article>"
	}
	if i := strings.IndexByte(rest, '>'); i >= 0 {
		rest = rest[:i]
	}
	return pre + rest
}

// reportFurniture reports the lines from..to-1 of one element, one finding
// a stretch, leaving out the story's own lines (storyHeaderLine) and lines
// a furniture run already reports.
func reportFurniture(p *sdk.Pass, l *layout, from, to int, el string) {
	kind, where := strings.TrimPrefix(el, "article>"), ""
	if kind != el {
		where = " in the story's <article>"
	}
	for i := from; i < to; {
		if l.inRun[i] || storyHeaderLine(l, i) {
			i++
			continue
		}
		j, letters := i, false
		for j < to && !l.inRun[j] && !storyHeaderLine(l, j) {
			letters = letters || hasLetter(l.units[j].text)
			j++
		}
		if letters {
			first, last := l.units[i], l.units[j-1]
			what := fmt.Sprintf("%s of the web page (<%s>%s", furnitureWords[kind], kind, where)
			msg := what + fmt.Sprintf(") imported with the story: %s: delete it", clip(first.text))
			if j-i > 1 {
				msg = what + fmt.Sprintf(", %d lines) imported with the story, from %s to %s: delete it", j-i, clip(first.text), clip(last.text))
			}
			report(p, first, last.span.End, msg, "delete the "+furnitureWords[kind])
		}
		i = j
	}
}

// factBox is the named heuristic "fact box": an <aside> inside the
// story's <article> is the story's fact box or pull quote, unless one of
// its lines is known chrome ("Related", "Read more", "Share"), which makes
// it a widget.
func factBox(st *state, l *layout, from, to int) bool {
	if outerElement(l.units[from].element) != "article>aside" {
		return false
	}
	for i := from; i < to; i++ {
		if st.lineChrome(l.units[i].text) != nil {
			return false
		}
	}
	return true
}

// pageWrapper is the named heuristic "page wrapper": a furniture element
// with minWrapperProse lines of story prose or more wraps the story itself
// (ASP.NET pages put the whole page in one <form>); it is not furniture.
func pageWrapper(l *layout, from, to int) bool {
	n := 0
	for i := from; i < to; i++ {
		if moreWords(l.units[i].text, 19) {
			if n++; n >= minWrapperProse {
				return true
			}
		}
	}
	return false
}

// storyHeaderLine is the named heuristic "story header": in a <header>
// inside the story's <article>, a deck of minDeckWords words or more that
// is not known chrome is the story's own; anywhere, a line that repeats
// the story's title is. The rest of such a header (section label, date,
// share buttons) is furniture.
func storyHeaderLine(l *layout, i int) bool {
	u := l.units[i]
	if l.title != "" && len(u.text) >= 12 && strings.HasPrefix(l.title, normalize(u.text)) {
		return true
	}
	return strings.HasPrefix(u.element, "article>header") && moreWords(u.text, minDeckWords-1) && !navLine(u.text) && !copyrightLine(u.text)
}

const pageFurnitureDoc = `Reports, in an HTML page (a .html file: a whole web page imported as the
story), the page's own furniture: its navigation menus (nav elements), site
header (header), footer (footer), sidebar boxes (aside) and forms (form: a
comment form, a newsletter sign-up, a search box). The HTML reader marks
those elements as furniture and the line rules leave them alone; but when a
whole page is imported, everything in them would be published with the
story, and the desk must hear about it. One finding covers a stretch of one
element, from its first line to its last, so deleting it removes the block.

Left alone, as the story's own: an aside inside the story's article element
(a fact box, a pull quote) unless a line of it is known chrome ("Related",
"Share"); in the story's own header, a deck of six words or more; a line
that repeats the story's title; an element that holds three or more
paragraphs of story prose (a page wrapper, as ASP.NET's page-wide form);
figure captions, which are not furniture elements. CMS bodies (JSON) are
the story alone and are not judged.`
