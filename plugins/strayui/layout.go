package strayui

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/sdk"
)

// layout is the plugin's view of one article, computed once and shared by
// its rules: the lines, the known string each line is, where the story
// begins and ends, and the runs of furniture around it.
type layout struct {
	units []unit
	// chrome is the known string each line is (data/chrome.txt, or a
	// pattern heuristic: navLine, widgetStamp), nil for other lines.
	chrome []*phrase
	// related marks the lines of related-article links (label + headline).
	related []bool
	// first is the first line of story prose, tail the first line after
	// the last story paragraph (see tailFrom).
	first, tail int
	// title is the normalised headline (the headline block, else the
	// first line).
	title string
	// runs are the furniture runs (see findRuns); inRun marks their lines.
	runs  []run
	inRun []bool
}

var layoutOf = &sdk.Analysis[*layout]{
	Name: "strayui layout",
	Run: func(a *sdk.Article, s any) *layout {
		return analyse(stateFrom(s), splitLines(a))
	},
}

// linesOf returns the lines of the pass's article.
func linesOf(p *sdk.Pass) []unit { return layoutOf.Of(p).units }

func analyse(st *state, units []unit) *layout {
	l := &layout{
		units:   units,
		chrome:  make([]*phrase, len(units)),
		related: make([]bool, len(units)),
		inRun:   make([]bool, len(units)),
	}
	for i := 0; i < len(units); i++ {
		if units[i].skip {
			continue
		}
		if last, ok := st.relatedLink(units, i); ok {
			for j := i; j <= last; j++ {
				l.related[j] = true
			}
			i = last
			continue
		}
		l.chrome[i] = st.lineChrome(units[i].text)
	}
	// The title is the headline block (an HTML page's <h1> sits below its
	// menus), else the first line.
	if len(units) > 0 {
		l.title = normalize(units[0].text)
	}
	for _, u := range units {
		if u.headline {
			l.title = normalize(u.text)
			break
		}
	}
	l.first, l.tail = storyExtent(units)
	l.runs = findRuns(l)
	for _, r := range l.runs {
		for j := r.from; j <= r.to; j++ {
			l.inRun[j] = true
		}
	}
	return l
}

// lineChrome is the known string a line is: an entry of data/chrome.txt
// (matched tolerant of counts and separators, see chromeTable.match), a
// line of navigation items (navLine), a widget's time stamp or counter
// (widgetStamp), or a copyright line (copyrightLine).
func (st *state) lineChrome(text string) *phrase {
	if m := st.table.match(text); m != nil {
		return m
	}
	switch {
	case copyrightLine(text):
		return copyrightPhrase
	case widgetStamp.MatchString(text):
		return stampPhrase
	case dateStamp.MatchString(text):
		return datePhrase
	case navLine(text):
		return navPhrase
	}
	return nil
}

var (
	copyrightPhrase = &phrase{Lang: "any", Kind: kindFooter, Text: "copyright line"}
	stampPhrase     = &phrase{Lang: "any", Kind: kindNav, Text: "time stamp or counter"}
	// datePhrase is weak: ui-chrome reports a date stamp alone only
	// before the story (a date in the story or after it may head a diary
	// entry or close a letter); in a furniture run it is known chrome.
	datePhrase = &phrase{Lang: "any", Kind: kindNav, Text: "date stamp", weak: true}
	navPhrase  = &phrase{Lang: "any", Kind: kindNav, Text: "navigation items"}
)

// copyrightLine is the named heuristic "copyright line": a short line with
// a © sign or "all rights reserved" (in the languages of data/chrome.txt)
// is a site's copyright notice, wherever it stands. A wire's plain
// "Copyright 1998 The New York Times Co." credit, which desks keep on
// purpose, has neither and is left alone.
func copyrightLine(text string) bool {
	if moreWords(text, 40) {
		return false
	}
	if strings.ContainsRune(text, '©') {
		return true
	}
	return mayBeRightsReserved(text) && rightsReserved.MatchString(text)
}

// rightsPhrases are rightsReserved's phrases, case-folded (foldCase).
var rightsPhrases = func() []string {
	src := rightsReserved.String()
	src = src[strings.Index(src, "(")+1:]
	src = src[strings.Index(src, "(")+1 : strings.LastIndex(src, ")")]
	var out []string
	for _, p := range strings.Split(src, "|") {
		out = append(out, foldCase(p))
	}
	return out
}()

// mayBeRightsReserved reports whether rightsReserved can match text: it
// needs one of its phrases, compared as (?i) compares them. Running the
// regexp on every line was a twentieth of the plugin's time.
func mayBeRightsReserved(text string) bool {
	f := foldCase(text)
	for _, p := range rightsPhrases {
		if strings.Contains(f, p) {
			return true
		}
	}
	return false
}

// foldCase maps each rune to the least rune of its Unicode simple case
// folding orbit, so that two strings equal under (?i) map to the same
// string.
func foldCase(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}

var rightsReserved = regexp.MustCompile(`(?i)\b(all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|wszelkie prawa zastrzeżone|všechna práva vyhrazena|všetky práva vyhradené|все права защищены|усі права захищені|tüm hakları saklıdır|alle rettigheter reservert|alla rättigheter förbehållna|alle rettigheder forbeholdes|kaikki oikeudet pidätetään|minden jog fenntartva|toate drepturile rezervate|sva prava pridržana)\b`)

// widgetStamp is the named heuristic "widget stamp": a line that is only a
// widget's relative time ("2h ago", "Updated 12 minutes ago"), reading
// time ("5 min read") or gallery counter ("3 of 12"). Copy writes dates,
// not ages, and never a counter on a line of its own.
var widgetStamp = regexp.MustCompile(`(?i)^(?:(?:updated|published|posted|last updated)\s*:?\s*)?(?:\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|y|yrs?|years?)\s+ago|\d+\s*(?:min|mins|minutes?)\.?\s+read|\d+\s*(?:of|/)\s*\d+)$`)

// Parts of the date-stamp heuristic.
const (
	stampMonth   = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	stampWeekday = `(?:mon|tues|wednes|thurs|fri|satur|sun)day`
	stampDate    = `(?:` + stampWeekday + `,?\s+)?(?:` + stampMonth + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\.?\s+` + stampMonth + `,?\s+\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})`
	stampTime    = `\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?`
	stampLabel   = `(?:(?:published|updated|posted|last updated)(?:\s+on)?\s*:?\s*)?`
	stampSep     = `\s*(?:at|@|,|\||·|•|-|–)?\s*`
)

// dateStamp is the named heuristic "date stamp": a line that is only a
// page's publication stamp, a date with an optional weekday, time, time
// zone and "Published"/"Updated" label ("Nov. 20, 2019 5:52 AM EST",
// "Updated 10:01 pm PST, Tuesday, November 19, 2019", "PUBLISHED: November
// 19, 2019 at 8:59 pm | UPDATED: ..."). Copy writes dates inside
// sentences or datelines with a place; a time alone ("4:14 p.m.") heads
// live-blog entries and is left alone.
var dateStamp = regexp.MustCompile(`(?i)^\|?\s*` + stampLabel + `(?:` + stampTime + stampSep + `)?` + stampDate +
	`(?:` + stampSep + `(?:` + stampLabel + `(?:` + stampDate + `|` + stampTime + `|` + stampWeekday + `)))*\s*\|?$`)

// navSep splits a line of navigation items.
var navSep = regexp.MustCompile(`\s*(?:\||•|·|»|›|\s/\s|\s>\s)\s*`)

// navLine is the named heuristic "navigation line": three or more short
// items joined by separators ("News | Sport | Weather", "About / Advertise /
// Contact"), or two in a breadcrumb that ends or starts with one ("Home »
// Politics »"). Each item has a letter, at most five words and no
// sentence punctuation at its end; a sentence that contains a "|" or a
// "/" is longer than that.
func navLine(text string) bool {
	if moreWords(text, 30) || !navSep.MatchString(text) {
		return false
	}
	parts := navSep.Split(text, -1)
	items := 0
	edge := false
	for i, it := range parts {
		it = strings.TrimSpace(it)
		if it == "" {
			if i == 0 || i == len(parts)-1 {
				edge = true
				continue
			}
			return false
		}
		w := words(it)
		if len(w) == 0 || len(w) > 5 || !hasLetter(it) {
			return false
		}
		if r, _ := utf8.DecodeLastRuneInString(it); strings.ContainsRune(".!?,;:", r) && !(len(w) <= 2 && strings.HasSuffix(it, ".") && strings.Count(it, ".") >= 2) {
			return false // a sentence, not an item ("U.S." is an item)
		}
		items++
	}
	return items >= 3 || (items == 2 && edge && strings.ContainsAny(text, "»›>"))
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// maxStoryGap is the most lines that are not prose (see isProse) between
// two paragraphs of one story; a longer gap separates the story from other
// prose of the page (reader comments, a footer blurb, a cookie notice).
// Tables and lists inside a story run to a few dozen short lines.
const maxStoryGap = 40

// storyExtent is the named heuristic "story extent": the story is the
// heaviest cluster of prose lines (by words) whose gaps are at most
// maxStoryGap lines. It returns the story's first line and the first line
// of its tail (see tailFrom: bios and credit lines belong to the tail).
// With no prose at all, first is len(units) and tail is 0.
func storyExtent(units []unit) (first, tail int) {
	bestFrom, bestTo, best := -1, -1, 0
	from, to, weight, gap := -1, -1, 0, 0
	for i, u := range units {
		if u.skip || !isProse(u.text) {
			gap++
			continue
		}
		if from >= 0 && gap > maxStoryGap {
			if weight > best {
				bestFrom, bestTo, best = from, to, weight
			}
			from, weight = -1, 0
		}
		if from < 0 {
			from = i
		}
		to = i
		weight += len(words(u.text))
		gap = 0
	}
	if from >= 0 && weight > best {
		bestFrom, bestTo = from, to
	}
	if bestFrom < 0 {
		return len(units), 0
	}
	return bestFrom, tailFrom(units[:bestTo+1])
}

func isProse(s string) bool {
	if moreWords(s, 19) {
		return true
	}
	if !moreWords(s, 7) {
		return false
	}
	s = strings.TrimRight(s, "\"'”’»)")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

// run is a furniture run: lines from..to (indexes into layout.units).
type run struct {
	from, to  int
	headlines int // members that are headline-shaped (3 words or more)
	members   int
}

// member kinds of a line, for findRuns.
const (
	notMember = iota // ends a run
	member           // counts towards a run
	filler           // may sit inside a run but does not count (a figure)
)

// runMember classifies a line for the named heuristic "furniture run"
// (findRuns): known chrome, a headline-shaped line (title or sentence
// case, no closing full stop, at most 20 words) or a short item (at most
// four words with a letter: a menu entry, a label, a name) is a member; a
// line with no letter (a count, "— —"), a line that is mostly code or
// links, and a block the markup marks as furniture are filler. Credit lines, datelines,
// quotations, list items and "LABEL: value" lines of wire lists are not
// members, and neither is story prose or a short sentence.
func runMember(l *layout, i int) int {
	u := l.units[i]
	if u.aside {
		return filler // marked as furniture by the markup: the run goes on
	}
	if u.skip || u.quote || l.related[i] {
		return notMember // a blockquote's lines (a quotation, its citation) are the story's
	}
	if m := l.chrome[i]; m != nil {
		if m.Kind == kindFooter {
			return notMember // site-footer reports it
		}
		return member
	}
	t := u.text
	if !hasLetter(t) {
		if moreWords(t, 4) {
			return notMember
		}
		return filler
	}
	if isProse(t) || moreWords(t, 20) {
		return notMember
	}
	if c := stripNonWords(t); c != t && len(words(c))*2 < len(words(t)) {
		return filler // mostly code or links: no sign either way
	}
	r, _ := utf8.DecodeRuneInString(t)
	if strings.ContainsRune("\"'“‘«„‹-–—_•*·(", r) || listNumber.MatchString(t) {
		return notMember // a quotation or a list item
	}
	if creditLine.MatchString(t) || dateline.MatchString(t) || authorBio.MatchString(t) || capsLabel.MatchString(t) {
		return notMember
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, "\"'”’»)"))
	if last == '.' || last == ';' || last == ',' {
		return notMember // a sentence or a clause
	}
	if last == ':' || last == '!' || last == '?' {
		return notMember // introduces a list that follows; an exclamation or a question
	}
	if l.title != "" && len(t) >= 12 && strings.HasPrefix(l.title, normalize(t)) {
		return notMember // the story's own title repeated above it
	}
	if w := words(t); endWords[strings.ToLower(w[len(w)-1])] {
		return notMember // a clipped or wrapped sentence ("...two weeks before")
	}
	if !moreWords(t, 4) {
		return member
	}
	if headlineShaped(t, false) {
		return member
	}
	return notMember
}

// endWords are function words no headline or menu item ends with, in the
// languages of the shared pages and the clean copy.
var endWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "at": true, "to": true, "for": true,
	"and": true, "or": true, "with": true, "by": true, "from": true, "on": true, "as": true, "that": true,
	"before": true, "after": true, "his": true, "her": true, "their": true, "its": true, "is": true, "was": true,
	"der": true, "die": true, "das": true, "den": true, "dem": true, "des": true, "ein": true, "eine": true,
	"und": true, "oder": true, "mit": true, "von": true, "zu": true, "für": true, "im": true, "am": true,
	"le": true, "la": true, "les": true, "de": true, "du": true, "et": true, "un": true, "une": true,
}

var (
	listNumber = regexp.MustCompile(`^\d{1,2}[.)]\s`)
	// capsLabel is a wire list entry: "ACTRESS, DRAMA: Cate Blanchett".
	capsLabel = regexp.MustCompile(`^[\p{Lu}\d ,&'/-]{3,}:\s`)
)

// Named thresholds of the furniture-run heuristic.
const (
	// minRunMembers is the fewest member lines a run needs.
	minRunMembers = 2
)

// findRuns finds the named heuristic "furniture run": two or more member
// lines in a row (see runMember) before the story's first paragraph or
// after its last, or between paragraphs when one of them is known chrome
// that is not a single everyday word (a "Most read" box between
// paragraphs). A run is a list of the story's own, not furniture, when the
// line before it ends in a colon.
func findRuns(l *layout) []run {
	var out []run
	n := len(l.units)
	for i := 0; i < n; {
		if runMember(l, i) != member {
			i++
			continue
		}
		r := run{from: i, to: i}
		strong, known := 0, 0
		j := i
		for ; j < n; j++ {
			k := runMember(l, j)
			if k == notMember {
				break
			}
			if k == member {
				r.to = j
				r.members++
				if m := l.chrome[j]; m != nil {
					known++
					if !m.weak {
						strong++
					}
				} else if moreWords(l.units[j].text, 2) {
					r.headlines++
				}
			}
		}
		i = j
		if r.to < l.first {
			trimOpening(l, &r)
		}
		if r.members < minRunMembers || known == r.members {
			continue // too short, or all known chrome, which ui-chrome names line by line
		}
		if introducedList(l, r) || parallelList(l, r) || venueBox(l, r) || storyGoesOn(l, r) {
			continue
		}
		if next := r.to + 1; next < n && !l.units[next].skip && creditLine.MatchString(l.units[next].text) && r.from >= l.tail {
			continue // named heuristic "credit box": a title and air time above "Written and directed by ..." belong to the story
		}
		outside := r.to < l.first || r.from >= l.tail
		if !outside && strong == 0 {
			continue
		}
		if !outside && l.chrome[r.from] == nil && l.chrome[r.to] == nil {
			continue // a widget's title or last line is known chrome
		}
		out = append(out, r)
	}
	return out
}

// Named thresholds of the introduced-list heuristic.
const (
	// maxIntroWords is the most words of a question or exclamation that
	// introduces a feature list ("What's new in version 2?").
	maxIntroWords = 6
	// maxFeatureWords is the most words of a feature list's item; each
	// has at least two (a one-word item is a menu entry).
	maxFeatureWords = 6
)

// introducedList is the named heuristic "introduced list": a run right
// after a line that ends in a colon ("On the Net:", "Winners were:") is a
// list the story introduces, not furniture. So is a feature list after a
// short question or exclamation ("New in this version!", then "Better
// Android support", "Bugs fixed"): at most maxIntroWords words above items
// of two to maxFeatureWords words, none of them known chrome. A widget's
// prompt ("Like this article?", "Sharing is caring!") heads known chrome
// or one-word menu entries, and a reader comment's last line is longer.
func introducedList(l *layout, r run) bool {
	prev := r.from - 1
	for prev >= 0 && l.units[prev].skip && !l.units[prev].aside {
		prev--
	}
	if prev < 0 || l.units[prev].aside || l.chrome[prev] != nil {
		return false
	}
	t := strings.TrimRight(strings.TrimSpace(l.units[prev].text), "\"'”’»)")
	last, _ := utf8.DecodeLastRuneInString(t)
	if last == ':' {
		return true
	}
	if last != '?' && last != '!' || !moreWords(t, 1) || moreWords(t, maxIntroWords) {
		return false
	}
	for j := r.from; j <= r.to; j++ {
		if l.units[j].skip {
			continue
		}
		if w := l.units[j].text; l.chrome[j] != nil || !moreWords(w, 1) || moreWords(w, maxFeatureWords) {
			return false
		}
	}
	return true
}

// addressLine matches a street address: a street word beside a house
// number ("corso Monforte, 15", "12 Baker Street", "Hauptstraße 5",
// "ul. Długa 4").
var addressLine = regexp.MustCompile(`(?i)(^|[\s,(])(via|viale|corso|piazza|piazzale|largo|rue|avenue|boulevard|calle|avenida|plaza|paseo|rua|praça|ulica|ul\.|aleja|al\.|náměstí)\s+(\pL[\pL'’.-]*,?\s+){1,3}\d{1,4}[a-z]?\b|\pL(straße|strasse|str\.|gasse|weg|allee|platz|plein|straat|laan)\s+\d{1,4}[a-z]?\b|\b\d{1,4}[a-z]?,?\s+(\pL[\pL'’.-]*\s+){1,3}(street|st\.|road|rd\.|avenue|ave\.|lane|drive|boulevard|blvd\.|square|place)(\s|,|$)`)

// Named thresholds of the venue-box heuristic.
const (
	// maxVenueMembers is the most lines of a venue box: a name, an
	// address, opening hours, a telephone number.
	maxVenueMembers = 4
	// maxAddressWords is the most words of an address line.
	maxAddressWords = 8
)

// venueBox is the named heuristic "venue box": a run after the story with
// a street address in it, or followed by one, is the box with the name,
// address and opening hours of the show, shop or restaurant the story is
// about, which reviews and listings end with. It is short (at most
// maxVenueMembers lines); a long menu or related-links box with a
// publisher's address in it is still furniture.
func venueBox(l *layout, r run) bool {
	if r.from < l.tail || r.members > maxVenueMembers {
		return false
	}
	for j := r.from; j <= r.to+1 && j < len(l.units); j++ {
		if t := l.units[j].text; !l.units[j].skip && !moreWords(t, maxAddressWords) && addressLine.MatchString(t) {
			return true
		}
	}
	return false
}

// Named thresholds of the story-goes-on heuristic.
const (
	// maxInsetMembers is the most lines of a run that sentences of the
	// story's tail enclose and that are still a subhead and its line.
	maxInsetMembers = 2
	// minInsetSentenceWords is the fewest words of each enclosing sentence.
	minInsetSentenceWords = 5
)

// storyGoesOn is the named heuristic "story goes on": a run of at most
// maxInsetMembers lines after the last long paragraph, with a sentence
// of the story's on both sides ("GIRLS SOCCER" / "Viera d. Melbourne 1-0"
// between the lines of a results round-up), is a subhead and a heading
// line of the story's tail, not a widget: related headlines and menus are
// followed by more furniture, not by the story's sentences.
func storyGoesOn(l *layout, r run) bool {
	if r.from < l.tail || r.members > maxInsetMembers || r.headlines*2 > r.members+1 {
		return false
	}
	sentence := func(j int) bool {
		if j < 0 || j >= len(l.units) || l.units[j].skip || l.chrome[j] != nil || l.related[j] {
			return false
		}
		t := strings.TrimRight(l.units[j].text, "\"'”’»)")
		return moreWords(t, minInsetSentenceWords-1) && (strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?"))
	}
	return sentence(r.from-1) && sentence(r.to+1)
}

// Named thresholds of the parallel-list heuristic.
const (
	// parallelShare is the share of a run's lines that must share a
	// feature for the run to be a list of the story's own.
	parallelShare = 0.75
	// maxListValueWords is the most words after the colon of a list
	// entry ("England (Group A): Kane, Sterling"); a headline's clause
	// after a topic ("NASA shock: Veteran astronaut reveals what ...")
	// is longer.
	maxListValueWords = 6
)

// parallelList is the named heuristic "parallel list": a run whose lines
// mostly share their make-up is a list of the story's own (a schedule, a
// results table, a list of qualified teams), where related headlines and
// menus vary. The features: the line starts with a figure ("1a etapa:
// ...", "10th appearance"), has a colon inside it ("England (Group A):
// ..." with at most maxListValueWords words after the colon), has a
// spaced dash inside it ("Palm Bay 18 22 — 70"), ends with a
// figure ("Viera d. Melbourne 1-0"). (A shared first word is no sign:
// related headlines often all begin "How to".) Known chrome lines are
// left out of the count.
func parallelList(l *layout, r run) bool {
	var n int
	var counts [4]int
	for j := r.from; j <= r.to; j++ {
		if l.chrome[j] != nil || !hasLetter(l.units[j].text) {
			continue
		}
		t := l.units[j].text
		n++
		first, _ := utf8.DecodeRuneInString(t)
		last, _ := utf8.DecodeLastRuneInString(t)
		if unicode.IsDigit(first) {
			counts[0]++
		}
		if i := strings.Index(t, ": "); i > 0 && !moreWords(t[i+2:], maxListValueWords) {
			counts[1]++
		}
		if strings.Contains(t, " – ") || strings.Contains(t, " — ") || strings.Contains(t, " - ") {
			counts[2]++
		}
		if unicode.IsDigit(last) {
			counts[3]++
		}
	}
	if n < 2 {
		return false
	}
	for _, c := range counts {
		if float64(c) >= parallelShare*float64(n) {
			return true
		}
	}
	return false
}

// trimOpening is the named heuristic "story opening": a run before the
// story's first paragraph may end in the story's own opening lines, a title, a deck or a photo caption ("Soccer ball on
// grass"), which are headline-shaped too. The run is cut back to its last
// known chrome or short item (at most four words: a menu entry, a label).
func trimOpening(l *layout, r *run) {
	for r.to >= r.from {
		t := l.units[r.to].text
		if l.chrome[r.to] != nil || (hasLetter(t) && !moreWords(t, 4)) {
			return
		}
		if hasLetter(t) {
			r.members--
			if moreWords(t, 2) {
				r.headlines--
			}
		}
		r.to--
	}
}
