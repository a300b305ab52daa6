package contradiction

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk/sdktest"
)

// The dev set has few contradictions. These tests plant our own defects, in
// phrasings of our own, into the clean shared articles to see that the rules
// hold up across countries, figures and article layouts, and that planting
// one defect yields one finding on its line and nothing elsewhere.

type planted struct {
	name string
	text string
	line int
}

// plant appends sentence to paragraph i (0-based, headline excluded) of a
// blank-line separated article and returns the new text and the line of the
// paragraph.
func plant(src string, i int, sentence string) (string, int) {
	blocks := strings.Split(src, "\n\n")
	blocks[i+1] = strings.TrimRight(blocks[i+1], " ") + " " + sentence
	line := 1
	for _, b := range blocks[:i+1] {
		line += strings.Count(b, "\n") + 2
	}
	return strings.Join(blocks, "\n\n"), line
}

// bodyParagraphs counts the paragraphs after the headline that look like
// running copy (long enough to hold a sentence).
func bodyParagraphs(src string) []int {
	var out []int
	for i, b := range strings.Split(src, "\n\n")[1:] {
		if len(b) > 120 && !strings.Contains(b, "\n") {
			out = append(out, i)
		}
	}
	return out
}

func scorePlanted(t *testing.T, cases []planted) (found int) {
	t.Helper()
	for _, c := range cases {
		got := sdktest.CheckText(t, Plugin, sdktest.Config{}, article.FormatText, c.text)
		hit := false
		for _, r := range got {
			if r.Line == c.line {
				hit = true
			} else {
				t.Errorf("%s: finding away from the planted line %d: %s", c.name, c.line, r)
			}
		}
		if hit {
			found++
		} else {
			t.Logf("%s: planted defect on line %d not found", c.name, c.line)
		}
	}
	return found
}

var selfRefTemplates = []string{
	"%[3]s ministers have so far refused direct talks with %[2]s, a spokesman said.",
	"%[1]s lodged a formal protest with %[2]s on Monday.",
	"In a statement, the %[3]s foreign ministry said relations with %[2]s had rarely been worse.",
	"%[2]s has threatened sanctions against %[1]s if the plan goes ahead.",
	"Observers saw the decision as a rebuke to %[2]s by the %[3]s government.",
	"%[3]s officials said they were still waiting for a reply from %[2]s.",
	"%[1]s has rejected %[2]s's proposal for a joint inquiry.",
	"Sources said the %[3]s delegation walked out of a meeting with %[2]s.",
	"%[2]s and %[1]s signed a memorandum on energy cooperation.",
	"Relations with %[1]s remain tense, the %[3]s prime minister said.",
}

func TestPlantedSelfReference(t *testing.T) {
	tab, err := loadAliases()
	if err != nil {
		t.Fatal(err)
	}
	// Each entity's first name, capital and demonym.
	type state struct{ name, capital, demonym string }
	states := map[string]*state{}
	for _, a := range tab.byText {
		for _, id := range a.entities {
			s := states[id]
			if s == nil {
				s = &state{}
				states[id] = s
			}
			switch {
			case a.kind == kindName && (s.name == "" || len(a.text) > len(s.name)):
				s.name = a.text
			case a.kind == kindCapital && s.capital == "":
				s.capital = a.text
			case a.kind == kindDemonym && s.demonym == "":
				s.demonym = a.text
			}
		}
	}
	complete := map[*state]*regexp.Regexp{}
	for _, s := range states {
		if s.name != "" && s.capital != "" && s.demonym != "" {
			complete[s] = regexp.MustCompile(`\b` + regexp.QuoteMeta(s.name) + `\b`)
		}
	}
	var cases []planted
	for _, path := range sdktest.CleanArticles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		src := string(data)
		// The first state the article names with all three names known.
		var st *state
		best := len(src)
		for s, re := range complete {
			if loc := re.FindStringIndex(src); loc != nil && loc[0] < best {
				st, best = s, loc[0]
			}
		}
		if st == nil {
			st = states["se"]
		}
		paras := bodyParagraphs(src)
		if len(paras) == 0 {
			continue
		}
		for k, tmpl := range selfRefTemplates {
			sentence := fmt.Sprintf(tmpl, st.name, st.capital, st.demonym)
			text, line := plant(src, paras[k%len(paras)], sentence)
			cases = append(cases, planted{name: path + ": " + sentence, text: text, line: line})
		}
	}
	found := scorePlanted(t, cases)
	t.Logf("planted self-references found: %d/%d", found, len(cases))
	if float64(found) < 0.9*float64(len(cases)) {
		t.Errorf("found %d/%d planted self-references, want 90%%", found, len(cases))
	}
}

var figureRe = regexp.MustCompile(`\b\d+(?:\.\d+)?\b`)

func TestPlantedRestatedFigure(t *testing.T) {
	leads := []string{"As noted earlier, ", "Again, ", "", "To repeat, "}
	var cases []planted
	for n, path := range sdktest.CleanArticles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		src := string(data)
		paras := bodyParagraphs(src)
		if len(paras) < 3 {
			continue
		}
		blocks := strings.Split(src, "\n\n")
		// The first sentence of an early paragraph that holds a figure
		// and is long enough to be worth restating.
		for _, p := range paras[:len(paras)-1] {
			a, err := article.Parse("x.txt", article.FormatText, []byte(blocks[p+1]))
			if err != nil {
				t.Fatal(err)
			}
			var sentence string
			for _, b := range a.Blocks {
				for _, s := range b.Sentences {
					txt := a.SentenceText(s)
					if sentence == "" && len(strings.Fields(txt)) >= 12 && figureRe.MatchString(txt) {
						sentence = txt
					}
				}
			}
			if sentence == "" {
				continue
			}
			// Vary which figure slips: the first, the second, the last...
			all := figureRe.FindAllStringIndex(sentence, -1)
			loc := all[n%len(all)]
			changed := sentence[:loc[0]] + bump(sentence[loc[0]:loc[1]]) + sentence[loc[1]:]
			lead := leads[n%len(leads)]
			if lead != "" {
				changed = lead + strings.ToLower(changed[:1]) + changed[1:]
			}
			text, line := plant(src, paras[len(paras)-1], changed)
			cases = append(cases, planted{name: path + ": " + changed, text: text, line: line})
			break
		}
	}
	found := scorePlanted(t, cases)
	t.Logf("planted restated figures found: %d/%d", found, len(cases))
	if len(cases) < 10 || float64(found) < 0.9*float64(len(cases)) {
		t.Errorf("found %d/%d planted restated figures, want 90%% of at least 10", found, len(cases))
	}
}

// bump changes a figure the way a slip does: another digit.
func bump(s string) string {
	b := []byte(s)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] >= '0' && b[i] <= '9' {
			if b[i] == '9' {
				b[i] = '7'
			} else {
				b[i]++
			}
			break
		}
	}
	return string(b)
}

var datelineRe = regexp.MustCompile(`(?m)^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [A-Z][a-z]+ \d{1,2}, \d{4}$`)

// TestPlantedWeekday moves each correct dateline weekday one day on.
func TestPlantedWeekday(t *testing.T) {
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	var cases []planted
	for _, path := range sdktest.CleanArticles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		src := string(data)
		loc := datelineRe.FindStringSubmatchIndex(src)
		if loc == nil {
			continue
		}
		wd := src[loc[2]:loc[3]]
		next := ""
		for i, d := range days {
			if d == wd {
				next = days[(i+1)%7]
			}
		}
		text := src[:loc[2]] + next + src[loc[3]:]
		cases = append(cases, planted{name: path, text: text, line: strings.Count(src[:loc[2]], "\n") + 1})
	}
	found := scorePlanted(t, cases)
	t.Logf("planted weekday slips found: %d/%d", found, len(cases))
	if len(cases) == 0 || found != len(cases) {
		t.Errorf("found %d/%d planted weekday slips", found, len(cases))
	}
}
