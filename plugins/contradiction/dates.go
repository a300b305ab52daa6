package contradiction

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/copydesk/copydesk/core/sdk"
)

// ImpossibleDate flags dates that contradict themselves.
var ImpossibleDate = &sdk.Rule{
	Name:     "impossible-date",
	Category: sdk.CategoryContradiction,
	Severity: sdk.Warning,
	Summary:  "a weekday that does not match its date, a day the month does not have, a span that ends before it starts, an age that does not fit a birth year",
	Doc: `Four ways a date contradicts itself:

- a weekday with a full date that falls on another day ("Sunday, June 20,
  2023": 20 June 2023 was a Tuesday), written in full or abbreviated ("Tue,
  3 March 2015", "Thurs."), with the date spelled out or numeric
  ("Wednesday, 12/08/2026", "2019-05-17 (Thursday)", "Friday 9.1.2015").
  ISO and dotted dates (day first) have one reading. "12/08/2026" has two
  unless the article settles the order with another date of the same
  separator ("25/12/2026"); with two readings the weekday is reported only
  when it fits neither.
  A date without a year takes the article's year (its "date" metadata or a
  dateline date), never a year from a far paragraph, and a weekday that
  fits a year the sentence itself names is left alone. Datelines with the
  correct weekday are left alone;
- a day the month does not have ("June 31", "29 February 2023"); without a
  year the date must read as one ("on June 31", "by February 30."), not as
  a month and a count ("in April 31 people");
- a span whose end precedes its start ("from 2015 to 2012", "June 19-18",
  "March 12 – 4, 2018");
- an age that cannot follow from a birth date given in the same sentence
  and the article's own date ("born in 1980 ... the 52-year-old" in a 2023
  article).`,
	Example: sdk.Example{
		Before: "Sunday, June 20, 2023",
		After:  "Tuesday, June 20, 2023",
	},
	Languages: sdk.English,
	Check:     checkImpossibleDate,
}

const (
	weekdayNames = `Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`
	// A weekday in full or abbreviated ("Tue, 3 March 2015", "Thurs.,"):
	// an abbreviation counts only with its full stop or comma (abbrevOK).
	weekdayRe = `(` + weekdayNames + `|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?`
	// A numeric date: ISO "2019-05-17", or "12/08/2026", "9.1.2015".
	numericRe = `(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4}))`
	monthRe   = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	dayRe     = `(\d{1,2})(?:st|nd|rd|th)?`
	yearRe    = `(\d{4})`
)

var (
	// "Friday, May 8, 2009", "Friday May 8th 2009"
	weekdayMonthFirst = regexp.MustCompile(`\b` + weekdayRe + `,?\s+(?:the\s+)?` + monthRe + `\s+` + dayRe + `,?\s+` + yearRe + `\b`)
	// "Friday, 8 May 2009", "Friday 8th of May, 2009"
	weekdayDayFirst = regexp.MustCompile(`\b` + weekdayRe + `,?\s+(?:the\s+)?` + dayRe + `\s+(?:of\s+)?` + monthRe + `,?\s+` + yearRe + `\b`)
	// The same without a year: "on Tuesday, June 19", "Tuesday 19 June".
	weekdayNoYear = regexp.MustCompile(`\b` + weekdayRe + `,?\s+(?:the\s+)?(?:` + monthRe + `\s+` + dayRe + `|` + dayRe + `\s+(?:of\s+)?` + monthRe + `)\b`)
	yearAfter     = regexp.MustCompile(`^,?\s+\d{4}\b`)
	// "Wednesday, 12/08/2026", "Friday 9.1.2015", "Thursday, 2019-05-17"
	weekdayNumeric = regexp.MustCompile(`\b` + weekdayRe + `,?\s+` + numericRe + `\b`)
	// "2019-05-17 (Thursday)", "12/08/2026, Wednesday"
	numericWeekday = regexp.MustCompile(`\b` + numericRe + `(?:,\s*|\s*\(\s*)` + weekdayRe + `(?:\b|\))`)
	// Every numeric day-month date, for the article's notation.
	numericDMY = regexp.MustCompile(`\b(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4})\b`)
	// A month and a day, for days the month does not have: "June 31",
	// "29 February 2023".
	monthDay = regexp.MustCompile(`\b` + monthRe + `\s+` + dayRe + `\b(?:,?\s+` + yearRe + `\b)?`)
	dayMonth = regexp.MustCompile(`\b` + dayRe + `\s+(?:of\s+)?` + monthRe + `(?:,?\s+` + yearRe + `\b)?`)
	// What may stand before a date that carries no year for it to be a
	// date rather than a month and a count ("on June 31", "Friday, June 31").
	dateLead = regexp.MustCompile(`(?:\b[Oo]n|\b(?:` + weekdayNames + `),?)\s+$`)
	// "from 2015 to 2012", "between 2010 and 2008"
	yearSpan = regexp.MustCompile(`\b(?:[Ff]rom|[Bb]etween)\s+(\d{4})\s+(?:to|until|till|through|and)\s+(\d{4})\b`)
	// "June 19-18", "June 19 to 18", "March 12 – 4, 2018" (group 3: a
	// spaced dash)
	daySpan = regexp.MustCompile(`\b` + monthRe + `\s+(\d{1,2})(?:[-–]|(\s+[-–—]\s*|\s*[-–—]\s+)|\s+(?:to|until|through)\s+)(\d{1,2})\b`)
	// What ends a spaced span of days: a year or the end of the clause,
	// not a count ("LONDON, March 26 - 12 companies said").
	spacedSpanEnd = regexp.MustCompile(`^(?:,\s*\d{4}\b|\s*(?:[.;:)]|$))`)
	// "born in 1980", "born on March 3, 1980", "born 3 March 1980"
	bornRe = regexp.MustCompile(`\bborn\s+(?:(?:in|on)\s+)?(?:(?:` + monthRe + `\s+\d{1,2},?|\d{1,2}\s+` + monthRe + `,?)\s+)?(\d{4})\b`)
	ageRe  = regexp.MustCompile(`\b(\d{1,3})-year-old\b|,\s(\d{1,3}),\s`)
	// The article's own date: a full date that opens a block, after at
	// most the dateline's place and a weekday ("WASHINGTON, Sunday, June
	// 20, 2023 -", "Friday, May 8, 2009"). "On May 2, 1921, the bridge
	// opened" is history, not the dateline.
	datelineDate = regexp.MustCompile(`^(?:\p{Lu}[\p{L} .'’-]{0,40},\s*)?(?:(?:` + weekdayNames + `),?\s+)?(?:` + monthRe + `\s+` + dayRe + `,?\s+` + yearRe + `|` + dayRe + `\s+` + monthRe + `,?\s+` + yearRe + `)\b`)
	// A year named anywhere in a sentence ("the 122nd day of 2005").
	yearWord = regexp.MustCompile(`\b(1[6-9]\d\d|20\d\d)\b`)
)

var months = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April, "may": time.May,
	"jun": time.June, "jul": time.July, "aug": time.August, "sep": time.September, "oct": time.October,
	"nov": time.November, "dec": time.December,
}

func parseMonth(s string) (time.Month, bool) {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0, false
	}
	m, ok := months[s[:3]]
	return m, ok
}

// makeDate builds a date, refusing days the month does not have.
func makeDate(y int, m time.Month, d int) (time.Time, bool) {
	t := time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
	return t, t.Day() == d && t.Month() == m
}

func checkImpossibleDate(pass *sdk.Pass) {
	a := pass.Article
	articleDate, haveDate := articleDate(a)
	notation := &numericNotation{text: a.Text}
	for _, s := range sentencesOf.Of(pass) {
		// Every date pattern below holds a digit and a keyword (a weekday,
		// a month, "from", "born"); most sentences lack them, and skipping
		// those saves the regexps' scans.
		if s.kw&kwDigit == 0 {
			continue
		}
		text, base := s.text, s.span.Start
		if s.kw&kwMonth != 0 {
			checkMissingDays(pass, base, text)
		}
		if s.kw&kwWeekday != 0 {
			checkWeekdays(pass, base, text, notation)
			if haveDate {
				checkWeekdaysNoYear(pass, base, text, articleDate)
			}
		}
		checkSpans(pass, base, text, s.kw)
		if haveDate && s.kw&kwBorn != 0 {
			checkAge(pass, base, text, articleDate)
		}
	}
}

// weekdayOf reads a weekday as written, in full or abbreviated.
func weekdayOf(s string) (time.Weekday, bool) {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0, false
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.HasPrefix(strings.ToLower(d.String()), s[:3]) {
			return d, true
		}
	}
	return 0, false
}

// abbrevOK reports whether the weekday text[start:end] may be read as one: a
// full name without a full stop after it, or an abbreviation with a full
// stop or comma ("Tue," "Thurs.") and no article before it, so "Sun" and
// "Sat" as words stay words.
func abbrevOK(text string, start, end int) bool {
	next := byte(0)
	if end < len(text) {
		next = text[end]
	}
	if end-start >= 6 {
		return next != '.'
	}
	// "The Sun, 3 March 2015" cites a newspaper.
	before := strings.TrimRight(text[:start], " ")
	if i := strings.LastIndexByte(before, ' '); strings.EqualFold(before[i+1:], "the") {
		return false
	}
	return next == '.' || next == ','
}

func checkWeekdays(pass *sdk.Pass, base int, text string, notation *numericNotation) {
	for _, re := range []*regexp.Regexp{weekdayMonthFirst, weekdayDayFirst} {
		dayFirst := re == weekdayDayFirst
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			g := func(i int) string { return text[m[2*i]:m[2*i+1]] }
			wdS, monS, dayS := g(1), g(2), g(3)
			if dayFirst {
				dayS, monS = g(2), g(3)
			}
			wd, ok := weekdayOf(wdS)
			if !ok || !abbrevOK(text, m[2], m[3]) {
				continue
			}
			mon, ok := parseMonth(monS)
			if !ok {
				continue
			}
			day, _ := strconv.Atoi(dayS)
			year, _ := strconv.Atoi(g(4))
			date, ok := makeDate(year, mon, day)
			if !ok || date.Weekday() == wd {
				continue
			}
			reportWeekday(pass, base, wdS, m[2], m[3], m[2*2], m[2*4+1], []time.Time{date})
		}
	}
	checkNumericWeekdays(pass, base, text, notation)
}

// reportWeekday reports a weekday [ws, we) that fits none of the readings
// of the date [ds, de).
func reportWeekday(pass *sdk.Pass, base int, wdS string, ws, we, ds, de int, readings []time.Time) {
	wdS = strings.TrimSuffix(wdS, ".")
	msg := fmt.Sprintf("%s does not match its date: %s was a %s", wdS, readings[0].Format("2 January 2006"), readings[0].Weekday())
	rel := fmt.Sprintf("this date falls on a %s", readings[0].Weekday())
	if len(readings) == 2 {
		msg = fmt.Sprintf("%s does not match its date read either way: %s was a %s, %s a %s", wdS,
			readings[0].Format("2 January 2006"), readings[0].Weekday(), readings[1].Format("2 January 2006"), readings[1].Weekday())
		rel = "this date, day first or month first"
	}
	pass.Report(sdk.Diagnostic{
		Span:    sdk.Span{Start: base + ws, End: base + we},
		Message: msg,
		Related: []sdk.Related{{Span: sdk.Span{Start: base + ds, End: base + de}, Message: rel}},
	})
}

// numericNotation is how the article orders day and month in numeric dates
// with each separator, learnt from dates whose order is plain ("25/12/2026"
// is day first). It is read once per article, when a numeric date with a
// weekday asks for it.
type numericNotation struct {
	text     string
	read     bool
	dayFirst map[byte]int // separator -> +1 day first, -1 month first, 0 unknown or mixed
}

func (n *numericNotation) order(sep byte) int {
	if !n.read {
		n.read = true
		n.dayFirst = map[byte]int{}
		seen := map[byte][2]bool{}
		for _, m := range numericDMY.FindAllStringSubmatch(n.text, -1) {
			if m[2] != m[4] {
				continue
			}
			a, _ := strconv.Atoi(m[1])
			b, _ := strconv.Atoi(m[3])
			v := seen[m[2][0]]
			switch {
			case a > 12 && b <= 12:
				v[0] = true
			case b > 12 && a <= 12:
				v[1] = true
			}
			seen[m[2][0]] = v
		}
		for sep, v := range seen {
			switch {
			case v[0] && !v[1]:
				n.dayFirst[sep] = 1
			case v[1] && !v[0]:
				n.dayFirst[sep] = -1
			}
		}
	}
	if o := n.dayFirst[sep]; o != 0 {
		return o
	}
	if sep == '.' {
		return 1 // "9.1.2015": dotted dates are day first wherever they are written
	}
	return 0
}

// numericReadings returns the dates a numeric date can mean: one for ISO
// dates, for an order the numbers or the article settle, and for dotted
// dates; two when "12/08/2026" could be either.
func numericReadings(text string, m []int, off int, notation *numericNotation) []time.Time {
	g := func(i int) string {
		if m[off+2*i] < 0 {
			return ""
		}
		return text[m[off+2*i]:m[off+2*i+1]]
	}
	num := func(i int) int { v, _ := strconv.Atoi(g(i)); return v }
	if g(1) != "" {
		if d, ok := makeDate(num(1), time.Month(num(2)), num(3)); ok {
			return []time.Time{d}
		}
		return nil
	}
	if g(5) != g(7) {
		return nil // "12/08-2026" is no date
	}
	a, b, y := num(4), num(6), num(8)
	dayFirst, okD := makeDate(y, time.Month(b), a)
	monthFirst, okM := makeDate(y, time.Month(a), b)
	switch {
	case okD && !okM, okD && a == b:
		return []time.Time{dayFirst}
	case okM && !okD:
		return []time.Time{monthFirst}
	case !okD && !okM:
		return nil
	}
	switch notation.order(g(5)[0]) {
	case 1:
		return []time.Time{dayFirst}
	case -1:
		return []time.Time{monthFirst}
	}
	return []time.Time{dayFirst, monthFirst}
}

// checkNumericWeekdays checks a weekday beside a numeric date. Where the
// order of day and month is open, the weekday is wrong only when it fits
// neither reading.
func checkNumericWeekdays(pass *sdk.Pass, base int, text string, notation *numericNotation) {
	for _, m := range weekdayNumeric.FindAllStringSubmatchIndex(text, -1) {
		wd, ok := weekdayOf(text[m[2]:m[3]])
		if !ok || !abbrevOK(text, m[2], m[3]) {
			continue
		}
		readings := numericReadings(text, m, 2, notation)
		if len(readings) > 0 && !fitsAny(readings, wd) {
			ds := m[4] // the ISO year, or the first figure of "12/08/2026"
			if ds < 0 {
				ds = m[10]
			}
			reportWeekday(pass, base, text[m[2]:m[3]], m[2], m[3], ds, m[1], readings)
		}
	}
	for _, m := range numericWeekday.FindAllStringSubmatchIndex(text, -1) {
		ws, we := m[2*9], m[2*9+1]
		wd, ok := weekdayOf(text[ws:we])
		if !ok || !closesDate(text, we) {
			continue
		}
		readings := numericReadings(text, m, 0, notation)
		if len(readings) > 0 && !fitsAny(readings, wd) {
			ds := m[2]
			if ds < 0 {
				ds = m[8]
			}
			reportWeekday(pass, base, text[ws:we], ws, we, ds, ws, readings)
		}
	}
}

// closesDate reports whether a weekday after a numeric date ends the date's
// phrase ("2019-05-17 (Thursday)", "12/08/2026, Wed."), so "12/08/2026, Sun
// Microsystems said" or "Friday's vote" is not read as the date's weekday.
func closesDate(text string, end int) bool {
	return end == len(text) || strings.IndexByte(").,;:", text[end]) >= 0
}

func fitsAny(dates []time.Time, wd time.Weekday) bool {
	for _, d := range dates {
		if d.Weekday() == wd {
			return true
		}
	}
	return false
}

// checkMissingDays flags a day the month does not have: "June 31",
// "29 February 2023". A day without a year must read as a date ("on June
// 31", "June 31." or "Friday, June 31"), not as a month and a count ("in
// April 31 people").
func checkMissingDays(pass *sdk.Pass, base int, text string) {
	for _, re := range []*regexp.Regexp{monthDay, dayMonth} {
		dayFirst := re == dayMonth
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			ms, me, ds, de := m[2], m[3], m[4], m[5]
			if dayFirst {
				ds, de, ms, me = m[2], m[3], m[4], m[5]
			}
			mon, ok := parseMonth(text[ms:me])
			if !ok || me < len(text) && isASCIILetter(text[me]) {
				continue
			}
			day, _ := strconv.Atoi(text[ds:de])
			year := 0
			if m[6] >= 0 {
				year, _ = strconv.Atoi(text[m[6]:m[7]])
			}
			days := daysIn(mon, year)
			if day <= days || day > 31 {
				continue
			}
			if year == 0 && !dateLead.MatchString(text[:m[0]]) && !spacedSpanEnd.MatchString(text[m[1]:]) {
				continue
			}
			when := mon.String()
			if year != 0 {
				when = fmt.Sprintf("%s %d", mon, year)
			}
			pass.Report(sdk.Diagnostic{
				Span:    sdk.Span{Start: base + ds, End: base + de},
				Message: fmt.Sprintf("%s has %d days: there is no %s %d", when, days, mon, day),
				Related: []sdk.Related{{Span: sdk.Span{Start: base + ms, End: base + me}, Message: fmt.Sprintf("%s has %d days", when, days)}},
			})
		}
	}
}

// daysIn returns the days of the month; year 0 means any year, so February
// has 29.
func daysIn(m time.Month, year int) int {
	if year == 0 {
		year = 2000 // a leap year
	}
	return time.Date(year, m+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// nearWindow is how far from the article's date a date without a year may
// lie for the rule to take the article's year (or the one before or after)
// as its year.
const nearWindow = 60 * 24 * time.Hour

// checkWeekdaysNoYear checks "Tuesday, June 19" against the nearest such date
// to the article's own.
func checkWeekdaysNoYear(pass *sdk.Pass, base int, text string, on time.Time) {
	for _, m := range weekdayNoYear.FindAllStringSubmatchIndex(text, -1) {
		if yearAfter.MatchString(text[m[1]:]) {
			continue // a full date: checkWeekdays has it
		}
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return text[m[2*i]:m[2*i+1]]
		}
		wdS, monS, dayS := g(1), g(2), g(3)
		if monS == "" {
			dayS, monS = g(4), g(5)
		}
		wd, ok := weekdayOf(wdS)
		if !ok || !abbrevOK(text, m[2], m[3]) {
			continue
		}
		mon, ok := parseMonth(monS)
		if !ok {
			continue
		}
		day, _ := strconv.Atoi(dayS)
		if fitsYearNamed(text, mon, day, wd) {
			continue
		}
		var date time.Time
		found := false
		for _, y := range []int{on.Year(), on.Year() - 1, on.Year() + 1} {
			d, ok := makeDate(y, mon, day)
			if ok && d.Sub(on) <= nearWindow && on.Sub(d) <= nearWindow {
				date, found = d, true
				break
			}
		}
		if !found || date.Weekday() == wd {
			continue
		}
		pass.Report(sdk.Diagnostic{
			Span:    sdk.Span{Start: base + m[2], End: base + m[3]},
			Message: fmt.Sprintf("%s does not match its date: %s was a %s", strings.TrimSuffix(wdS, "."), date.Format("2 January 2006"), date.Weekday()),
			Related: []sdk.Related{{
				Span:    sdk.Span{Start: base + m[3], End: base + m[1]},
				Message: fmt.Sprintf("this date, in an article dated %s, falls on a %s", on.Format("2 January 2006"), date.Weekday()),
			}},
		})
	}
}

// fitsYearNamed reports whether the weekday fits the date in a year the
// sentence itself names ("Today is Monday, May 2, the 122nd day of
// 1999"): the copy may mean that year rather than the article's.
func fitsYearNamed(text string, mon time.Month, day int, wd time.Weekday) bool {
	for _, y := range yearWord.FindAllString(text, -1) {
		year, _ := strconv.Atoi(y)
		if d, ok := makeDate(year, mon, day); ok && d.Weekday() == wd {
			return true
		}
	}
	return false
}

func checkSpans(pass *sdk.Pass, base int, text string, kw keywords) {
	if kw&kwSpan != 0 {
		checkYearSpans(pass, base, text)
	}
	if kw&kwMonth != 0 {
		checkDaySpans(pass, base, text)
	}
}

func checkYearSpans(pass *sdk.Pass, base int, text string) {
	for _, m := range yearSpan.FindAllStringSubmatchIndex(text, -1) {
		from, _ := strconv.Atoi(text[m[2]:m[3]])
		to, _ := strconv.Atoi(text[m[4]:m[5]])
		// Only years: "from 2000 to 1500 tonnes" is a quantity.
		rest := text[m[1]:]
		if to >= from || from < 1800 || from > 2100 || to < 1800 || rest != "" && !strings.ContainsAny(rest[:1], ",.;:)") {
			continue
		}
		pass.Report(sdk.Diagnostic{
			Span:    sdk.Span{Start: base + m[4], End: base + m[5]},
			Message: fmt.Sprintf("the span ends (%d) before it starts (%d)", to, from),
			Related: []sdk.Related{{Span: sdk.Span{Start: base + m[2], End: base + m[3]}, Message: "the start of the span"}},
		})
	}
}

func checkDaySpans(pass *sdk.Pass, base int, text string) {
	for _, m := range daySpan.FindAllStringSubmatchIndex(text, -1) {
		from, _ := strconv.Atoi(text[m[4]:m[5]])
		to, _ := strconv.Atoi(text[m[8]:m[9]])
		// A following figure or "per cent" makes it a quantity, not days.
		rest := strings.TrimLeft(text[m[1]:], " ")
		if to >= from || from > 31 || strings.HasPrefix(rest, "%") || startsWithMonth(rest) {
			continue
		}
		if spaced := m[6] >= 0; spaced && !spacedSpanEnd.MatchString(text[m[1]:]) {
			continue
		}
		pass.Report(sdk.Diagnostic{
			Span:    sdk.Span{Start: base + m[8], End: base + m[9]},
			Message: fmt.Sprintf("the span of days ends (%d) before it starts (%d)", to, from),
			Related: []sdk.Related{{Span: sdk.Span{Start: base + m[4], End: base + m[5]}, Message: "the start of the span"}},
		})
	}
}

// checkAge compares an age with a birth year given in the same sentence.
func checkAge(pass *sdk.Pass, base int, text string, on time.Time) {
	born := bornRe.FindStringSubmatchIndex(text)
	if born == nil {
		return
	}
	year, _ := strconv.Atoi(text[born[6]:born[7]])
	for _, m := range ageRe.FindAllStringSubmatchIndex(text, -1) {
		gi := 2
		if m[2] < 0 {
			gi = 4
		}
		age, _ := strconv.Atoi(text[m[gi]:m[gi+1]])
		// Without the birthday, the age is one of two values.
		hi := on.Year() - year
		lo := hi - 1
		if age >= lo && age <= hi || age > 120 || hi < 0 {
			continue
		}
		pass.Report(sdk.Diagnostic{
			Span:    sdk.Span{Start: base + m[gi], End: base + m[gi+1]},
			Message: fmt.Sprintf("an age of %d does not fit a birth year of %d in an article dated %d (expected %d or %d)", age, year, on.Year(), lo, hi),
			Related: []sdk.Related{{Span: sdk.Span{Start: base + born[6], End: base + born[7]}, Message: "the birth year"}},
		})
	}
}

// articleDate finds the article's own date: a "date" metadata field, or a
// dateline date opening one of the first blocks. A date further into the
// copy is an event's, never the article's.
func articleDate(a *sdk.Article) (time.Time, bool) {
	if d := a.Meta["date"]; d != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02"} {
			if t, err := time.Parse(layout, d); err == nil {
				return t, true
			}
		}
	}
	for i, b := range a.Blocks {
		if i > 2 {
			break
		}
		m := datelineDate.FindStringSubmatch(a.BlockText(b))
		if m == nil {
			continue
		}
		monS, dayS, yS := m[1], m[2], m[3]
		if monS == "" {
			dayS, monS, yS = m[4], m[5], m[6]
		}
		mon, ok := parseMonth(monS)
		if !ok {
			continue
		}
		d, _ := strconv.Atoi(dayS)
		y, _ := strconv.Atoi(yS)
		if t, ok := makeDate(y, mon, d); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

var leadingMonth = regexp.MustCompile(`^` + monthRe + `\b`)

func startsWithMonth(s string) bool { return leadingMonth.MatchString(s) }
