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
	Summary:  "a weekday that does not match its date, a span that ends before it starts, an age that does not fit a birth year",
	Doc: `Three ways a date contradicts itself:

- a weekday with a full date that falls on another day ("Sunday, June 20,
  2023": 20 June 2023 was a Tuesday). Datelines with the correct weekday are
  left alone, and dates without a year are never guessed at;
- a span whose end precedes its start ("from 2015 to 2012", "June 19-18");
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
	weekdayRe    = `(` + weekdayNames + `)`
	monthRe      = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	dayRe        = `(\d{1,2})(?:st|nd|rd|th)?`
	yearRe       = `(\d{4})`
)

var (
	// "Friday, May 8, 2009", "Friday May 8th 2009"
	weekdayMonthFirst = regexp.MustCompile(`\b` + weekdayRe + `,?\s+(?:the\s+)?` + monthRe + `\s+` + dayRe + `,?\s+` + yearRe + `\b`)
	// "Friday, 8 May 2009", "Friday 8th of May, 2009"
	weekdayDayFirst = regexp.MustCompile(`\b` + weekdayRe + `,?\s+(?:the\s+)?` + dayRe + `\s+(?:of\s+)?` + monthRe + `,?\s+` + yearRe + `\b`)
	// The same without a year: "on Tuesday, June 19", "Tuesday 19 June".
	weekdayNoYear = regexp.MustCompile(`\b` + weekdayRe + `,?\s+(?:the\s+)?(?:` + monthRe + `\s+` + dayRe + `|` + dayRe + `\s+(?:of\s+)?` + monthRe + `)\b`)
	yearAfter     = regexp.MustCompile(`^,?\s+\d{4}\b`)
	// "from 2015 to 2012", "between 2010 and 2008"
	yearSpan = regexp.MustCompile(`\b(?:[Ff]rom|[Bb]etween)\s+(\d{4})\s+(?:to|until|till|through|and)\s+(\d{4})\b`)
	// "June 19-18", "June 19 to 18"
	daySpan = regexp.MustCompile(`\b` + monthRe + `\s+(\d{1,2})(?:[-–]|\s+(?:to|until|through)\s+)(\d{1,2})\b`)
	// "born in 1980", "born on March 3, 1980", "born 3 March 1980"
	bornRe = regexp.MustCompile(`\bborn\s+(?:(?:in|on)\s+)?(?:(?:` + monthRe + `\s+\d{1,2},?|\d{1,2}\s+` + monthRe + `,?)\s+)?(\d{4})\b`)
	ageRe  = regexp.MustCompile(`\b(\d{1,3})-year-old\b|,\s(\d{1,3}),\s`)
	// The article's own date: a full date that opens a block, after at
	// most the dateline's place and a weekday ("WASHINGTON, Sunday, June
	// 20, 2023 -", "Friday, May 8, 2009"). "On Oct. 18, 1898, the flag was
	// raised" is history, not the dateline.
	datelineDate = regexp.MustCompile(`^(?:\p{Lu}[\p{L} .'’-]{0,40},\s*)?(?:(?:` + weekdayNames + `),?\s+)?(?:` + monthRe + `\s+` + dayRe + `,?\s+` + yearRe + `|` + dayRe + `\s+` + monthRe + `,?\s+` + yearRe + `)\b`)
	// A year named anywhere in a sentence ("the 291st day of 1999").
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
	for _, s := range sentencesOf.Of(pass) {
		// Every date pattern below holds a digit and a keyword (a weekday,
		// a month, "from", "born"); most sentences lack them, and skipping
		// those saves the regexps' scans.
		if s.kw&kwDigit == 0 {
			continue
		}
		text, base := s.text, s.span.Start
		if s.kw&kwWeekday != 0 {
			checkWeekdays(pass, base, text)
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

func checkWeekdays(pass *sdk.Pass, base int, text string) {
	for _, re := range []*regexp.Regexp{weekdayMonthFirst, weekdayDayFirst} {
		dayFirst := re == weekdayDayFirst
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			g := func(i int) string { return text[m[2*i]:m[2*i+1]] }
			wd, monS, dayS := g(1), g(2), g(3)
			if dayFirst {
				dayS, monS = g(2), g(3)
			}
			mon, ok := parseMonth(monS)
			if !ok {
				continue
			}
			day, _ := strconv.Atoi(dayS)
			year, _ := strconv.Atoi(g(4))
			date, ok := makeDate(year, mon, day)
			if !ok || date.Weekday().String() == wd {
				continue
			}
			dateStart, dateEnd := m[2*2], m[2*4+1]
			pass.Report(sdk.Diagnostic{
				Span:    sdk.Span{Start: base + m[2], End: base + m[3]},
				Message: fmt.Sprintf("%s does not match its date: %s was a %s", wd, date.Format("2 January 2006"), date.Weekday()),
				Related: []sdk.Related{{
					Span:    sdk.Span{Start: base + dateStart, End: base + dateEnd},
					Message: fmt.Sprintf("this date falls on a %s", date.Weekday()),
				}},
			})
		}
	}
}

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
		wd, monS, dayS := g(1), g(2), g(3)
		if monS == "" {
			dayS, monS = g(4), g(5)
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
		if !found || date.Weekday().String() == wd {
			continue
		}
		pass.Report(sdk.Diagnostic{
			Span:    sdk.Span{Start: base + m[2], End: base + m[3]},
			Message: fmt.Sprintf("%s does not match its date: %s was a %s", wd, date.Format("2 January 2006"), date.Weekday()),
			Related: []sdk.Related{{
				Span:    sdk.Span{Start: base + m[3], End: base + m[1]},
				Message: fmt.Sprintf("this date, in an article dated %s, falls on a %s", on.Format("2 January 2006"), date.Weekday()),
			}},
		})
	}
}

// fitsYearNamed reports whether the weekday fits the date in a year the
// sentence itself names ("Today is Monday, Oct. 18, the 291st day of
// 1999"): the copy may mean that year rather than the article's.
func fitsYearNamed(text string, mon time.Month, day int, wd string) bool {
	for _, y := range yearWord.FindAllString(text, -1) {
		year, _ := strconv.Atoi(y)
		if d, ok := makeDate(year, mon, day); ok && d.Weekday().String() == wd {
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
		to, _ := strconv.Atoi(text[m[6]:m[7]])
		// A following figure or "per cent" makes it a quantity, not days.
		rest := strings.TrimLeft(text[m[1]:], " ")
		if to >= from || from > 31 || strings.HasPrefix(rest, "%") || startsWithMonth(rest) {
			continue
		}
		pass.Report(sdk.Diagnostic{
			Span:    sdk.Span{Start: base + m[6], End: base + m[7]},
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
