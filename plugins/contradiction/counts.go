package contradiction

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// ConflictingCount flags one quantity given two values: a person's age, the
// number of people killed or injured.
var ConflictingCount = &sdk.Rule{
	Name:     "conflicting-count",
	Category: sdk.CategoryContradiction,
	Severity: sdk.Warning,
	Summary:  "a person's age or a casualty count is stated twice with different values",
	Doc: `Some figures can only have one value in a story. An age: "John Smith, 20,
..." and "the 22-year-old John Smith" cannot both be right. The rule reads
the three ways copy states an age — "Name, 20,", "20-year-old Name" and
"Name (20)" — and links a later surname to the one full name that carries
it, once that full name has been given (a bare surname before it, as in
"Porter, 61, his wife, Ellen Grace Porter, 58", is another person).
Organisations, places and peoples ("the University, 125,") carry no age. A
casualty count: "killed 12 people" and "the 15 people killed".

Different quantities that share a noun ("12 people were killed and 15
injured") are different counts. Sentences that place a figure in another
time or event, or mark it as an update or an estimate ("when he was 20",
"the toll rose to 15", "at least 12", "another 15", "last year") are not
compared, nor are two counts that one sentence of the article states
together (a total and its part: "eight died: five in the hall and three
outside").`,
	Example: sdk.Example{
		Before: "John Smith, 20, was arrested. ... The 22-year-old John Smith denies the charge.",
		After:  "John Smith, 20, was arrested. ... The 20-year-old John Smith denies the charge.",
	},
	Languages: sdk.English,
	Check:     checkConflictingCount,
}

const nameRe = `([A-Z][\p{L}'’-]+(?:\s[A-Z][\p{L}'’-]+){0,2})`

var (
	ageAfterName  = regexp.MustCompile(nameRe + `,\s(\d{1,3}),\s`)
	ageInParens   = regexp.MustCompile(nameRe + `\s\((\d{1,3})\)`)
	ageBeforeName = regexp.MustCompile(`\b(\d{1,3})-year-old\s(?:[a-z]+\s){0,3}?` + nameRe)
	// Words that put an age in the past or the future.
	ageTimeShift = regexp.MustCompile(`(?i)\b(when|then|turned|turns|turning|birthday|ago|at the time|as a|until|since|by the age|will be)\b`)
)

// notNames are capitalised words that start sentences and never people.
var notNames = map[string]bool{
	"The": true, "A": true, "An": true, "In": true, "On": true, "At": true, "But": true, "And": true,
	"However": true, "Police": true, "Officials": true, "He": true, "She": true, "They": true,
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
}

type statedAge struct {
	name string
	age  int
	span sdk.Span // the age
}

// notPerson reports whether a name that an age follows is something that has
// an age but is no person: an organisation or place ("the University, 125,")
// or a people ("Chinese, 40," in a table of groups).
func (st *state) notPerson(name string) bool {
	last := name[strings.LastIndex(name, " ")+1:]
	if st.lex.notpersons[strings.ToLower(last)] {
		return true
	}
	for _, w := range []string{last, strings.TrimSuffix(last, "s")} {
		if a := st.aliases.byText[w]; a != nil && a.kind == kindDemonym {
			return true
		}
	}
	return false
}

// allMatches runs re over text when cue says it can match there.
func allMatches(cue bool, re *regexp.Regexp, text string) [][]int {
	if !cue {
		return nil
	}
	return re.FindAllStringSubmatchIndex(text, -1)
}

// figureAfter reports whether text holds open, one whitespace and a digit
// (", 2" of "Name, 20,"), or with spaceFirst one whitespace, open and a
// digit (" (2" of "Name (20)"): the cue the age patterns cannot match
// without.
func figureAfter(text string, open byte, spaceFirst bool) bool {
	for i := 0; i+2 < len(text); i++ {
		a, b := text[i], text[i+1]
		if spaceFirst {
			a, b = b, a
		}
		if a == open && isSpaceByte(b) && isDigit(rune(text[i+2])) {
			return true
		}
	}
	return false
}

// isSpaceByte is regexp's \s.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// otherPerson reports whether the words between "20-year-old" and a name
// make the name somebody else's: "the 20-year-old son of John Smith" gives
// the son's age, not Smith's.
func (st *state) otherPerson(between string) bool {
	for _, w := range strings.Fields(between) {
		if st.lex.agebreaks[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

func findAges(st *state, sents []proseSentence) []statedAge {
	var out []statedAge
	for _, s := range sents {
		// Every age pattern holds a digit, and a comma, a bracket or
		// "-year-old" before it; the time-shift words are a long
		// alternation, asked only when a pattern matched.
		if s.kw&kwDigit == 0 {
			continue
		}
		text := s.text
		after := allMatches(figureAfter(text, ',', false), ageAfterName, text)
		parens := allMatches(figureAfter(text, '(', true), ageInParens, text)
		before := allMatches(strings.Contains(text, "-year-old"), ageBeforeName, text)
		if len(after)+len(parens)+len(before) == 0 || ageTimeShift.MatchString(text) {
			continue
		}
		add := func(name string, ageStart, ageEnd int) {
			name = strings.TrimSpace(name)
			first, _, _ := strings.Cut(name, " ")
			if notNames[first] {
				_, name, _ = strings.Cut(name, " ")
				if name == "" {
					return
				}
			}
			if _, isMonth := parseMonth(name); isMonth && len(name) <= 9 {
				return
			}
			if st.notPerson(name) {
				return
			}
			age, _ := strconv.Atoi(text[ageStart:ageEnd])
			if age == 0 || age > 120 {
				return
			}
			out = append(out, statedAge{name: name, age: age, span: sdk.Span{Start: s.span.Start + ageStart, End: s.span.Start + ageEnd}})
		}
		for _, ms := range [][][]int{after, parens} {
			for _, m := range ms {
				add(text[m[2]:m[3]], m[4], m[5])
			}
		}
		for _, m := range before {
			if st.otherPerson(text[m[3]:m[4]]) {
				continue
			}
			add(text[m[4]:m[5]], m[2], m[3])
		}
	}
	return out
}

func checkConflictingCount(pass *sdk.Pass) {
	checkCasualties(pass)
	ages := findAges(stateOf(pass), sentencesOf.Of(pass))
	// A surname stands for the one full name that ends with it, once that
	// name has been given: copy names a person in full before it shortens
	// the name, so a bare surname ahead of the full name ("Porter, 61, his
	// wife, Ellen Grace Porter, 58") is somebody else.
	full := map[string][]statedAge{} // surname -> first statement of each full name
	for _, a := range ages {
		if i := strings.LastIndex(a.name, " "); i > 0 {
			sur := a.name[i+1:]
			known := false
			for _, f := range full[sur] {
				known = known || f.name == a.name
			}
			if !known {
				full[sur] = append(full[sur], a)
			}
		}
	}
	key := func(a statedAge) string {
		if f := full[a.name]; !strings.Contains(a.name, " ") && len(f) == 1 && f[0].span.Start < a.span.Start {
			return f[0].name
		}
		return a.name
	}
	first := map[string]statedAge{}
	for _, a := range ages {
		k := key(a)
		f, seen := first[k]
		if !seen {
			first[k] = a
			continue
		}
		if f.age == a.age {
			continue
		}
		pass.Report(sdk.Diagnostic{
			Span:    a.span,
			Message: fmt.Sprintf("%s is %d here but %d earlier in the article", k, a.age, f.age),
			Related: []sdk.Related{{Span: f.span, Message: fmt.Sprintf("%s is %d here", k, f.age)}},
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var (
	// "killed 12 people", "killing 12 civilians"
	killedN = regexp.MustCompile(`\b(killed|killing|kills|injured|injuring|wounded|wounding)\s+(\d{1,5}|[a-z]+)\s+(?:[a-z]+\s+)?(people|persons|civilians|soldiers|children|passengers|workers|miners|police(?:men)?|officers|troops|protesters|students|pilgrims)\b`)
	// "12 people were killed", "the 12 people killed", "12 people died"
	nKilled = regexp.MustCompile(`\b(\d{1,5}|[A-Za-z]+)\s+(?:[a-z]+\s+)?(people|persons|civilians|soldiers|children|passengers|workers|miners|police(?:men)?|officers|troops|protesters|students|pilgrims)\s+(?:(?:were|have been|had been|was|are)\s+)?(killed|dead|died|injured|wounded|hurt)\b`)
	// Sentences whose count may rightly differ: estimates, updates, other
	// events, other times, parts of a total.
	countShift = regexp.MustCompile(`(?i)\b(at least|more than|over|nearly|almost|about|around|some|up to|as many as|fewer than|less than|an estimated|approximately|roughly|toll|rose|risen|climbed|increased|updated|revised|initially|previously|earlier|later|another|other|further|similar|last|ago|since|including|among|of whom|total|brings|bringing|brought|raising|a further|additional|more|reported|according|claimed|said to|if|would|could|may|might)\b|\b(19|20)\d\d\b`)
)

// harmWords are the stems killedN and nKilled cannot match without.
var harmWords = []string{"kill", "injur", "wound", "dead", "died", "hurt"}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// casualty is one stated count of people killed or injured.
type casualty struct {
	harm  string // "killed" or "injured"
	noun  string
	value string
	span  sdk.Span
}

func harmOf(verb string) string {
	switch verb {
	case "killed", "killing", "kills", "dead", "died":
		return "killed"
	}
	return "injured"
}

func checkCasualties(pass *sdk.Pass) {
	var counts []casualty
	for _, s := range sentencesOf.Of(pass) {
		// killedN and nKilled need one of these words; most sentences
		// have none, and countShift is a long alternation, asked only
		// when a count matched.
		text := s.text
		if !containsAny(text, harmWords) {
			continue
		}
		killed := killedN.FindAllStringSubmatchIndex(text, -1)
		nkilled := nKilled.FindAllStringSubmatchIndex(text, -1)
		if len(killed)+len(nkilled) == 0 || countShift.MatchString(text) || strings.ContainsAny(text, "\"“”") {
			continue
		}
		add := func(verb, value, noun string, vs, ve int) {
			v := strings.ToLower(value)
			if n, ok := numberWords[v]; ok {
				v = n
			} else if _, err := strconv.Atoi(v); err != nil {
				return
			}
			counts = append(counts, casualty{harm: harmOf(verb), noun: noun, value: v, span: sdk.Span{Start: s.span.Start + vs, End: s.span.Start + ve}})
		}
		for _, m := range killed {
			add(text[m[2]:m[3]], text[m[4]:m[5]], text[m[6]:m[7]], m[4], m[5])
		}
		for _, m := range nkilled {
			add(text[m[6]:m[7]], text[m[2]:m[3]], text[m[4]:m[5]], m[2], m[3])
		}
	}
	first := map[string]casualty{}
	for _, c := range counts {
		key := c.harm + " " + c.noun
		f, seen := first[key]
		if !seen {
			first[key] = c
			continue
		}
		if f.value == c.value || statedTogether(sentencesOf.Of(pass), f.value, c.value) {
			continue
		}
		pass.Report(sdk.Diagnostic{
			Span:    c.span,
			Message: fmt.Sprintf("%s %s %s here but %s earlier in the article", c.value, c.noun, c.harm, f.value),
			Related: []sdk.Related{{Span: f.span, Message: fmt.Sprintf("the first count: %s %s %s", f.value, f.noun, f.harm)}},
		})
	}
}

// statedTogether reports whether one sentence of the article gives both
// figures: a total and its part ("eight died: five in the hall and three
// outside"), or two counts set side by side on purpose. A re-keyed count
// slips in one place; the writer does not put it beside the other.
func statedTogether(sents []proseSentence, x, y string) bool {
	for _, s := range sents {
		hasX, hasY := false, false
		for _, t := range s.toks {
			v := figureValue(t)
			hasX, hasY = hasX || v == x, hasY || v == y
		}
		if hasX && hasY {
			return true
		}
	}
	return false
}

// figureValue returns a whole-number figure as digits ("Twelve" and "12"
// give "12", "1,200" gives "1200"), or "".
func figureValue(t token) string {
	w := t.lower()
	if v, ok := numberWords[w]; ok {
		return v
	}
	w = strings.ReplaceAll(w, ",", "")
	if _, err := strconv.Atoi(w); err != nil {
		return ""
	}
	return w
}
