package strayui

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/sdktest"
)

func TestCopyrightLine(t *testing.T) {
	for _, s := range []string{
		"© 2019 Example Media, LLC. All Rights Reserved",
		"Copyright © 2020 Example Daily",
		"All rights reserved.",
		"© Example Verlag GmbH. Alle Rechte vorbehalten.",
		"Wszelkie prawa zastrzeżone",
	} {
		if !copyrightLine(s) {
			t.Errorf("copyrightLine(%q) = false, want true", s)
		}
	}
	for _, s := range []string{
		"Copyright 1998 The New York Times Co.", // a wire's credit line, kept on purpose
		"Band files copyright lawsuit",
		"The court ruled the copyright had lapsed.",
		strings.Repeat("word ", 40) + "all rights reserved",
	} {
		if copyrightLine(s) {
			t.Errorf("copyrightLine(%q) = true, want false", s)
		}
	}
}

func TestWidgetStamp(t *testing.T) {
	for _, s := range []string{"2h ago", "17 minutes ago", "Updated 12 minutes ago", "5 min read", "3 of 12", "1/8"} {
		if !widgetStamp.MatchString(s) {
			t.Errorf("widgetStamp(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"2 hours later", "Three of 12 jurors", "In 2014", "12 years ago, he left.", "5 minutes"} {
		if widgetStamp.MatchString(s) {
			t.Errorf("widgetStamp(%q) = true, want false", s)
		}
	}
}

func TestNavLine(t *testing.T) {
	for _, s := range []string{
		"News | Sport | Weather | Travel",
		"About / Advertise / Tip us / Contact",
		"Home » Politics »",
		"World • U.S. • Business",
	} {
		if !navLine(s) {
			t.Errorf("navLine(%q) = false, want true", s)
		}
	}
	for _, s := range []string{
		"Tom / Jerry", // two items, no breadcrumb
		"He said | she said | and they all left.", // a sentence
		"The 9/11 commission met on Monday",
		"Price: $5 | Size: 10 | Colour: red, blue and green and more, all in stock",
		"1 | 2 | 3",
	} {
		if navLine(s) {
			t.Errorf("navLine(%q) = true, want false", s)
		}
	}
}

// Known chrome is matched whatever counts, separators and case it carries.
func TestChromeTolerance(t *testing.T) {
	st := stateFrom(nil)
	for _, s := range []string{
		"Read Comments (3)", "Comments (12)", "12 Comments", "SHARE | TWEET | EMAIL THIS",
		"Share · Tweet · Email", "Leave a reply Cancel reply", "Print this page Back to top",
		"Facebook Twitter Pinterest Email",
	} {
		if m := st.lineChrome(s); m == nil {
			t.Errorf("%q: not matched", s)
		}
	}
	for _, s := range []string{"In 2014", "Election 2020", "Live music returns", "Twitter chief resigns", "More on the economy"} {
		if m := st.lineChrome(s); m != nil && !m.weak {
			t.Errorf("%q: matched as %s %q, want no (strong) match", s, m.Kind, m.Text)
		}
	}
}

// articleWith returns baseArticle with extra lines after the last one (or
// before the first paragraph, with head), as text, and the 1-based line of
// the first extra line.
func articleWith(head bool, extra ...string) (string, int) {
	var lines []string
	first := 0
	if head {
		lines = append(lines, baseArticle[0])
		first = 2*len(lines) + 1
		lines = append(lines, extra...)
		lines = append(lines, baseArticle[1:]...)
	} else {
		lines = append(lines, baseArticle...)
		first = 2*len(lines) + 1
		lines = append(lines, extra...)
	}
	return strings.Join(lines, "\n\n") + "\n", first
}

func TestFurnitureRun(t *testing.T) {
	positive := []struct {
		name  string
		head  bool
		lines []string
	}{
		{"related headlines after the story", false, []string{
			"Ferry fares rise for the summer season",
			"New bridge opens to traffic in Rotterdam",
			"Dock strike talks to resume next week",
		}},
		{"headlines with a widget title and time stamps", false, []string{
			"More from the port desk",
			"Ferry fares rise for the summer season",
			"2h ago",
			"New bridge opens to traffic",
		}},
		{"a menu before the story", true, []string{"Home", "Business", "Shipping", "Ports and harbours"}},
		{"menu items and names after the story", false, []string{"Masthead", "Jane Doe", "Careers", "Sitemap"}},
	}
	for _, c := range positive {
		text, line := articleWith(c.head, c.lines...)
		got := strayFindings(t, sdktest.Config{}, text)
		if len(got) == 0 || got[0].Line != line {
			t.Errorf("%s: want a finding from line %d, got %v", c.name, line, got)
		}
	}
	negative := []struct {
		name  string
		lines []string
	}{
		{"a list after a colon", []string{
			"Ports closed during the strike:",
			"Rotterdam",
			"Antwerp and Ghent",
			"Zeebrugge",
		}},
		{"a parallel list (results)", []string{
			"Ajax d. PSV 2-1",
			"Feyenoord d. Utrecht 3-0",
			"Twente d. Vitesse 1-0",
		}},
		{"a schedule", []string{
			"1st round: June 12 – Rotterdam",
			"2nd round: July 3 – Antwerp",
			"3rd round: August 8 – Hamburg",
		}},
		{"a credit box", []string{
			"Strike at the Port",
			"8 p.m. ET Tuesday on PBS",
			"Written and directed by Ana Ruiz.",
		}},
		{"short sentences", []string{"He declined to comment.", "Talks resume Monday.", "No date was set."}},
		{"bulleted items", []string{"- wages up 7 percent", "- fewer night shifts", "- a two-year term"}},
		{"wrapped prose", []string{"The union said the deal was the best it could get before", "the holiday season, when traffic peaks."}},
	}
	for _, c := range negative {
		text, _ := articleWith(false, c.lines...)
		if got := strayFindings(t, sdktest.Config{}, text); len(got) != 0 {
			t.Errorf("%s: want no finding, got %v", c.name, got)
		}
	}
	// Subheads between paragraphs are the story's own: a run between
	// paragraphs needs known chrome at its edge.
	text, _ := insert(2, "What the deal means\n\nWho gains most")
	if got := strayFindings(t, sdktest.Config{}, text); len(got) != 0 {
		t.Errorf("two subheads mid-story: want no finding, got %v", got)
	}
	text, line := insert(2, "Most read\n\nFerry fares rise for the summer season\n\nNew bridge opens to traffic")
	if got := strayFindings(t, sdktest.Config{}, text); len(got) != 1 || got[0].Line != line || got[0].Rule != "furniture-run" {
		t.Errorf("a most-read box mid-story: want one furniture-run finding on line %d, got %v", line, got)
	}
}

// The article's language comes from Article.Language when the host set it:
// chrome in any other language is stray, the article's own is not judged
// by the identifier, and an English contact line with an obfuscated
// address is not Polish.
func TestArticleLanguage(t *testing.T) {
	de := "Streik im Hafen beendet\n\nDie Hafenarbeiter in Rotterdam haben am Mittwoch die Arbeit wieder aufgenommen, nachdem die Gewerkschaften einem Tarifvertrag über zwei Jahre zugestimmt hatten.\n\nDie Reedereien hatten ihre Schiffe während des achttägigen Streiks nach Antwerpen und Hamburg umgeleitet.\n\nLeave a Reply\n\nDodaj komentarz\n"
	a, err := article.Parse("de.txt", article.FormatText, []byte(de))
	if err != nil {
		t.Fatal(err)
	}
	a.Language = "de"
	var got []sdktest.Result
	for _, r := range sdktest.Check(t, Plugin, sdktest.Config{}, a) {
		if r.Category == sdk.CategoryStrayUI {
			got = append(got, r)
		}
	}
	if len(got) != 2 || got[0].Line != 7 || got[1].Line != 9 {
		t.Errorf("German article with English and Polish chrome: want findings on lines 7 and 9, got %v", got)
	}

	en, _ := insert(len(baseArticle), "Jan Kowalski can be reached at jan.kowalski(at)example.com via e-mail.")
	a, err = article.Parse("en.txt", article.FormatText, []byte(en))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"", "en"} {
		a.Language = lang
		for _, r := range sdktest.Check(t, Plugin, sdktest.Config{}, a) {
			if r.Category == sdk.CategoryStrayUI {
				t.Errorf("English contact line (Language %q): want no finding, got %v", lang, r)
			}
		}
	}
}

// Every rule's example is flagged by that rule alone, and its fix is not.
func TestRuleExamples(t *testing.T) {
	for _, r := range Plugin.Rules {
		if r == RecurringLine {
			continue // a cross-file rule: its example is checked in a run by recurringline_test.go
		}
		if r.Summary == "" || r.Doc == "" || r.Example.Before == "" || r.Example.After == "" || len(r.Languages) == 0 {
			t.Errorf("rule %s: Summary, Doc, Example and Languages are required", r.Name)
		}
		only := sdktest.Config{Rules: map[string]sdk.RuleSettings{}}
		for _, o := range Plugin.Rules {
			only.Rules[o.Name] = sdk.RuleSettings{Enabled: o == r}
		}
		format := article.FormatText
		if strings.HasPrefix(r.Example.Before, "<") {
			format = article.FormatHTML // a web page
		}
		if got := strayFindingsIn(t, only, format, r.Example.Before+"\n"); len(got) == 0 {
			t.Errorf("rule %s: its example's Before is not flagged", r.Name)
		}
		if got := strayFindingsIn(t, only, format, r.Example.After+"\n"); len(got) != 0 {
			t.Errorf("rule %s: its example's After is flagged: %v", r.Name, got)
		}
	}
}

// The story's own lists and boxes after its last long paragraph stay
// silent (introduced list, venue box, story goes on); widget prompts,
// long boxes and runs the story does not enclose are still furniture.
func TestFurnitureRunStoryBoxes(t *testing.T) {
	negative := []struct {
		name  string
		lines []string
	}{
		{"a feature list after a short exclamation", []string{
			"New in this version!", "Better Android support", "Faster start-up", "Bugs fixed",
		}},
		{"a feature list after a short question", []string{
			"What is new in 2.0?", "Offline maps for every city", "A darker night mode",
		}},
		{"a venue box with an address", []string{
			"Harbour Gallery", "12 Quay Street, Rotterdam", "Open daily from 10 a.m. to 6 p.m.",
		}},
		{"a venue box with a European address", []string{
			"Galleria Porto", "corso Garibaldi, 21, Milan", "Tickets cost 12 euros.",
		}},
		{"a subhead and a result inside a round-up", []string{
			"Melbourne (3-0): Ana Ruiz 2 goals. Eva Lind 1 goal.",
			"GIRLS SOCCER",
			"Viera d. Melbourne 1-0",
			"Viera (3-0): Tina Hale 1 goal. Mara Lee 5 saves.",
		}},
	}
	for _, c := range negative {
		text, _ := articleWith(false, c.lines...)
		if got := strayFindings(t, sdktest.Config{}, text); len(got) != 0 {
			t.Errorf("%s: want no finding, got %v", c.name, got)
		}
	}
	positive := []struct {
		name  string
		lines []string
		from  int // index of the first line the finding must start on
	}{
		{"a prompt above long related headlines", []string{
			"Enjoyed this story?",
			"Ferry fares rise for the summer season across the region",
			"New bridge opens to traffic in Rotterdam after years of delay",
		}, 1},
		{"a prompt above one-word menu entries", []string{"Pants on fire!", "Articles", "Subjects", "People"}, 1},
		{"a long box with the publisher's address", []string{
			"About us", "Advertise", "Careers", "Contact", "Masthead", "1100 Harbour Street, Rotterdam",
		}, 0},
		{"topic-and-clause headlines (not a parallel list)", []string{
			"Port shock: Dock workers walk out again over the new night-shift rota",
			"Ferry news: Summer fares rise for the third year running on every route",
			"Bridge row: Council delays the vote on the new crossing until next spring",
		}, 0},
		{"related headlines followed by a sentence", []string{
			"Ferry fares rise for the summer season",
			"New bridge opens to traffic in Rotterdam",
			"Dock strike talks to resume next week",
			"Sign up to get the port desk's stories in your inbox.",
		}, 0},
	}
	for _, c := range positive {
		text, line := articleWith(false, c.lines...)
		want := line + 2*c.from
		got := strayFindings(t, sdktest.Config{}, text)
		if len(got) == 0 || got[0].Line != want {
			t.Errorf("%s: want a finding from line %d, got %v", c.name, want, got)
		}
	}
}

func TestAddressLine(t *testing.T) {
	for _, s := range []string{"corso Monforte, 15, Milan", "12 Baker Street", "Hauptstraße 5, Berlin", "ul. Długa 4", "1100 Connecticut Ave. NW", "rue de Rivoli 99"} {
		if !addressLine.MatchString(s) {
			t.Errorf("addressLine(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"Windows 10 1909 is now available", "Street food in 10 cities", "Route 66", "Drive 2019 review", "Main Street"} {
		if addressLine.MatchString(s) {
			t.Errorf("addressLine(%q) = true, want false", s)
		}
	}
}

// page-furniture leaves the story's own lines alone: a page-wide <form>
// wrapping the story (page wrapper), the story's title repeated in a
// sidebar list, a deck in the story's header; the rest of those elements
// is still reported.
func TestPageFurnitureExclusions(t *testing.T) {
	para := "<p>" + baseArticle[1] + "</p><p>" + baseArticle[2] + "</p><p>" + baseArticle[4] + "</p>"
	only := sdktest.Config{Rules: map[string]sdk.RuleSettings{}}
	for _, o := range Plugin.Rules {
		only.Rules[o.Name] = sdk.RuleSettings{Enabled: o == PageFurniture}
	}
	cases := []struct {
		name string
		page string
		want []string // the first line of each finding
	}{
		{"a page wrapper form", "<html><body><form><h1>" + baseArticle[0] + "</h1>" + para + "</form></body></html>", nil},
		{"the title in a sidebar list", "<html><body><article><h1>" + baseArticle[0] + "</h1>" + para + "</article>" +
			"<aside><p>Most read</p><p>" + baseArticle[0] + "</p><p>Ferry fares rise again</p></aside></body></html>",
			[]string{"Most read", "Ferry fares rise again"}},
		{"a deck in the story's header", "<html><body><article><header><p>Shipping</p><h1>" + baseArticle[0] + "</h1>" +
			"<p>Unions accept a two-year deal after eight days of stoppage</p><p>2h ago</p></header>" + para + "</article></body></html>",
			[]string{"Shipping", "2h ago"}},
		{"a fact box in the article", "<html><body><article><h1>" + baseArticle[0] + "</h1>" + para +
			"<aside><p>The strike in numbers</p><p>Eight days</p></aside></article></body></html>", nil},
		{"a sidebar outside the article", "<html><body><article><h1>" + baseArticle[0] + "</h1>" + para +
			"</article><aside><p>The strike in numbers</p><p>Eight days</p></aside></body></html>", []string{"The strike in numbers"}},
	}
	for _, c := range cases {
		var got []string
		for _, r := range strayFindingsIn(t, only, article.FormatHTML, c.page) {
			got = append(got, strings.SplitN(r.Text, "\n", 2)[0])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: findings start at %q, want %q", c.name, got, c.want)
		}
	}
	// Text and CMS bodies are not judged: the rule needs the page's markup.
	text, _ := articleWith(false, "Contact", "Advertise")
	if got := strayFindingsIn(t, only, article.FormatText, text); len(got) != 0 {
		t.Errorf("plain text: want no page-furniture finding, got %v", got)
	}
}

// off-story needs the extractor, the place and the shape to agree: a lone
// headline after the story is reported; a credit line, a line that
// introduces a list, a sentence and plain text are not.
func TestOffStory(t *testing.T) {
	only := sdktest.Config{Rules: map[string]sdk.RuleSettings{}}
	for _, o := range Plugin.Rules {
		only.Rules[o.Name] = sdk.RuleSettings{Enabled: o == OffStory}
	}
	story := "<html><head><title>" + baseArticle[0] + "</title></head><body><div class=\"story\"><h1>" + baseArticle[0] + "</h1><p>" +
		strings.Join(baseArticle[1:6], "</p><p>") + "</p></div>"
	for _, c := range []struct {
		after string
		want  bool
	}{
		{"Ferry fares rise for the summer season", true},
		{"Reporting by Ana Ruiz; Editing by Tom Hale", false},
		{"Photos of the strike:", false},
		{"Sign up to receive our stories from the port every morning.", false},
	} {
		page := story + "<div class=\"more\"><div><a href=\"/x\">" + c.after + "</a></div></div></body></html>"
		got := strayFindingsIn(t, only, article.FormatHTML, page)
		if (len(got) > 0) != c.want {
			t.Errorf("%q after the story: got %v, want a finding: %v", c.after, got, c.want)
		}
	}
	text, _ := articleWith(false, "Ferry fares rise for the summer season")
	if got := strayFindingsIn(t, only, article.FormatText, text); len(got) != 0 {
		t.Errorf("plain text: want no off-story finding, got %v", got)
	}
}

func TestDateStamp(t *testing.T) {
	for _, s := range []string{
		"November 18, 2019", "Nov. 20, 2019 5:52 AM EST", "Updated 10:01 pm PST, Tuesday, November 19, 2019",
		"PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 19, 2019 at 10:16 pm",
		"Published 2:16 AM EST Nov 20, 2019", "Monday, November 18, 2019", "20 Nov, 2019 05:47", "13.11.2019, 23:06",
	} {
		if !dateStamp.MatchString(s) {
			t.Errorf("dateStamp(%q) = false, want true", s)
		}
	}
	for _, s := range []string{
		"4:14 p.m.", "NEW YORK, Nov. 18, 2019", "On November 18, 2019, the court ruled.", "Election 2020", "2019", "Nov. 18",
	} {
		if dateStamp.MatchString(s) {
			t.Errorf("dateStamp(%q) = true, want false", s)
		}
	}
	// Before the story the stamp is reported; under the headline, in the
	// story and after it a date alone is the story's own.
	text, line := articleWith(true, "Sponsored", "Nov. 20, 2019 5:52 AM EST")
	if got := strayFindings(t, sdktest.Config{}, text); len(got) != 2 || got[1].Line != line+2 {
		t.Errorf("a stamp before the story: want a finding on line %d, got %v", line+2, got)
	}
	text, _ = insert(0, "Friday, July 21, 2017")
	if got := strayFindings(t, sdktest.Config{}, text); len(got) != 0 {
		t.Errorf("the story's date under its headline: want no finding, got %v", got)
	}
	text, _ = insert(2, "November 18, 2019")
	if got := strayFindings(t, sdktest.Config{}, text); len(got) != 0 {
		t.Errorf("a date mid-story: want no finding, got %v", got)
	}
}
