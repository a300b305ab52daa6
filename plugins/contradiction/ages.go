package contradiction

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// ConflictingAge flags one person given two ages.
var ConflictingAge = &sdk.Rule{
	Name:     "conflicting-age",
	Category: sdk.CategoryContradiction,
	Severity: sdk.Warning,
	Summary:  "a person is given two different ages (Smith, 20, ... the 22-year-old Smith)",
	Doc: `An age is one of the figures that can only have one value in a story: "John
Smith, 20, ..." and "the 22-year-old John Smith" cannot both be right. The
rule reads the three ways copy states an age — "Name, 20,", "20-year-old
Name" and "Name (20)" — and links a later surname to the one full name
that carries it. Sentences that place an age in the past ("when he was
20", "turned 21", "at the time", "years ago") are not compared.`,
	Example: sdk.Example{
		Before: "John Smith, 20, was arrested. ... The 22-year-old John Smith denies the charge.",
		After:  "John Smith, 20, was arrested. ... The 20-year-old John Smith denies the charge.",
	},
	Check: checkConflictingAge,
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

func findAges(a *sdk.Article) []statedAge {
	var out []statedAge
	for _, b := range a.Blocks {
		if !proseBlock(b.Kind) {
			continue
		}
		for _, s := range b.Sentences {
			text := a.Slice(s.Span)
			if ageTimeShift.MatchString(text) {
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
				age, _ := strconv.Atoi(text[ageStart:ageEnd])
				if age == 0 || age > 120 {
					return
				}
				out = append(out, statedAge{name: name, age: age, span: sdk.Span{Start: s.Span.Start + ageStart, End: s.Span.Start + ageEnd}})
			}
			for _, re := range []*regexp.Regexp{ageAfterName, ageInParens} {
				for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
					add(text[m[2]:m[3]], m[4], m[5])
				}
			}
			for _, m := range ageBeforeName.FindAllStringSubmatchIndex(text, -1) {
				add(text[m[4]:m[5]], m[2], m[3])
			}
		}
	}
	return out
}

func checkConflictingAge(pass *sdk.Pass) {
	ages := findAges(pass.Article)
	// A surname stands for the one full name that ends with it.
	full := map[string][]string{}
	for _, a := range ages {
		if i := strings.LastIndex(a.name, " "); i > 0 {
			sur := a.name[i+1:]
			if !contains(full[sur], a.name) {
				full[sur] = append(full[sur], a.name)
			}
		}
	}
	key := func(name string) string {
		if !strings.Contains(name, " ") && len(full[name]) == 1 {
			return full[name][0]
		}
		return name
	}
	first := map[string]statedAge{}
	for _, a := range ages {
		k := key(a.name)
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
