package contradiction

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/copydesk/copydesk/core/sdk"
)

// ConflictingTitle flags a person given two offices, or an office the house
// facts say they do not hold.
var ConflictingTitle = &sdk.Rule{
	Name:     "conflicting-title",
	Category: sdk.CategoryContradiction,
	Severity: sdk.Warning,
	Summary:  "a person is given two conflicting titles, or a title the house facts contradict",
	Doc: `A name that comes with one office in one place and another elsewhere
("Foreign Minister Qin Gang" ... "Defence Minister Qin Gang"). Titles marked
as past ("former Defence Minister", "ex-", "then-") do not count, nor do two
offices named together ("Deputy Prime Minister and Finance Minister X").
Only government offices are compared (see data/titles.txt): a head of state
who also leads a party is not a conflict.

With [[contradiction.facts]] in rules.toml, a title before a listed person
is also checked against the offices the facts give them on the article's
date (from its "date" metadata or dateline), or at any time when the
article has no date.`,
	Example: sdk.Example{
		Before: "Foreign Minister Qin Gang met Blinken. ... Defence Minister Qin Gang said ...",
		After:  "Foreign Minister Qin Gang met Blinken. ... Foreign Minister Qin Gang said ...",
	},
	Languages: sdk.English,
	Check:     checkConflictingTitle,
}

// titleTable holds the offices of data/titles.txt.
type titleTable struct {
	byFirst map[string][][]string // first token -> titles as tokens, longest first
	canon   map[string]string     // spelling -> the office it names
}

func loadTitles() *titleTable {
	t := &titleTable{byFirst: map[string][][]string{}, canon: map[string]string{}}
	for _, l := range dataLines("titles.txt") {
		name, same, ok := strings.Cut(l, "=")
		name = strings.TrimSpace(name)
		if ok {
			t.canon[name] = strings.TrimSpace(same)
			continue
		}
		t.add(name)
	}
	return t
}

func (t *titleTable) add(name string) {
	var toks []string
	for _, tk := range tokenize(name, 0, len(name)) {
		toks = append(toks, tk.text)
	}
	if len(toks) == 0 {
		return
	}
	t.byFirst[toks[0]] = append(t.byFirst[toks[0]], toks)
	sort.SliceStable(t.byFirst[toks[0]], func(i, j int) bool { return len(t.byFirst[toks[0]][i]) > len(t.byFirst[toks[0]][j]) })
}

func (t *titleTable) office(title string) string {
	if c, ok := t.canon[title]; ok {
		return c
	}
	return title
}

// titled is one "Title Firstname Lastname" in the article.
type titled struct {
	office, title string
	person        string
	titleSpan     sdk.Span
	personSpan    sdk.Span
	past          bool
	joint         []string // other offices named with it: "X and Finance Minister"
}

// pastMarkers make a title a past one ("former Defence Minister").
var pastMarkers = map[string]bool{
	"former": true, "then": true, "ex": true, "outgoing": true, "previous": true, "late": true,
	"erstwhile": true, "one-time": true, "onetime": true, "past": true, "once": true, "retired": true,
	"was": true, "became": true, "as": true, "until": true, "elected": true, "named": true, "appointed": true,
}

// nameStop are capitalised words that do not start or continue a name.
var nameStop = map[string]bool{"The": true, "On": true, "In": true, "And": true, "Of": true, "But": true, "He": true, "She": true}

func (st *state) findTitled(sents []proseSentence) []titled {
	var out []titled
	for _, s := range sents {
		toks := s.toks
		var prevTitle *titled
		prevEnd := -1
		for i := 0; i < len(toks); i++ {
			n, title := st.titles.match(toks, i)
			if n == 0 {
				continue
			}
			// The name: two or three capitalised words right after.
			k := i + n
			for k < len(toks) && k < i+n+3 && toks[k].word && toks[k].capitalised() && !nameStop[toks[k].text] && !toks[k].number() {
				k++
			}
			if k-(i+n) < 2 {
				if k == i+n && k < len(toks) && toks[k].lower() == "and" {
					// "Deputy Prime Minister and Finance Minister X"
					tt := titled{office: st.titles.office(title), title: title}
					prevTitle, prevEnd = &tt, k+1
				}
				i += n - 1
				continue
			}
			parts := make([]string, 0, k-i-n)
			for _, tk := range toks[i+n : k] {
				parts = append(parts, tk.text)
			}
			t := titled{
				office:     st.titles.office(title),
				title:      title,
				person:     strings.Join(parts, " "),
				titleSpan:  sdk.Span{Start: toks[i].start, End: toks[i+n-1].end},
				personSpan: sdk.Span{Start: toks[i+n].start, End: toks[k-1].end},
			}
			for p := i - 1; p >= 0 && p >= i-3 && toks[p].word; p-- {
				if pastMarkers[toks[p].lower()] {
					t.past = true
				}
			}
			if prevTitle != nil && prevEnd == i {
				t.joint = append(t.joint, prevTitle.office)
			}
			prevTitle = nil
			out = append(out, t)
			i = k - 1
		}
	}
	return out
}

// match returns the length in tokens and the text of the office starting at
// toks[i], or 0.
func (t *titleTable) match(toks []token, i int) (int, string) {
	for _, cand := range t.byFirst[toks[i].text] {
		if i+len(cand) > len(toks) {
			continue
		}
		ok := true
		for k, s := range cand {
			if toks[i+k].text != s {
				ok = false
				break
			}
		}
		if ok {
			return len(cand), strings.Join(cand, " ")
		}
	}
	return 0, ""
}

func checkConflictingTitle(pass *sdk.Pass) {
	st := stateOf(pass)
	all := st.findTitled(sentencesOf.Of(pass))
	joint := map[string]map[string]bool{} // person -> offices held together
	for _, t := range all {
		for _, j := range t.joint {
			if joint[t.person] == nil {
				joint[t.person] = map[string]bool{}
			}
			joint[t.person][j], joint[t.person][t.office] = true, true
		}
	}
	first := map[string]titled{}
	for _, t := range all {
		if t.past {
			continue
		}
		f, seen := first[t.person]
		if !seen {
			first[t.person] = t
			continue
		}
		if f.office == t.office || joint[t.person][f.office] && joint[t.person][t.office] {
			continue
		}
		pass.Report(sdk.Diagnostic{
			Span:    t.titleSpan,
			Message: fmt.Sprintf("%s is %q here but %q earlier in the article", t.person, t.title, f.title),
			Related: []sdk.Related{{Span: f.titleSpan, Message: fmt.Sprintf("%s is %q here", f.person, f.title)}},
		})
	}
	checkFacts(pass, st, all)
}

// fact is one [[contradiction.facts]] table: who held which office when.
type fact struct {
	Person    string `json:"person"`
	Title     string `json:"title"`
	ValidFrom string `json:"valid_from"`
	ValidTo   string `json:"valid_to"`
	from, to  time.Time
}

func decodeFacts(opts sdk.Options) ([]fact, error) {
	var facts []fact
	if err := opts.Decode("facts", &facts); err != nil {
		return nil, err
	}
	for i := range facts {
		f := &facts[i]
		if strings.TrimSpace(f.Person) == "" || strings.TrimSpace(f.Title) == "" {
			return nil, fmt.Errorf("contradiction.facts[%d]: person and title are required", i)
		}
		for _, d := range []struct {
			s   string
			dst *time.Time
			key string
		}{{f.ValidFrom, &f.from, "valid_from"}, {f.ValidTo, &f.to, "valid_to"}} {
			if d.s == "" {
				continue
			}
			t, err := time.Parse("2006-01-02", d.s)
			if err != nil {
				return nil, fmt.Errorf("contradiction.facts[%d] (%s): %s %q is not a date such as 2023-07-25", i, f.Person, d.key, d.s)
			}
			*d.dst = t
		}
	}
	return facts, nil
}

func (f fact) validOn(d time.Time) bool {
	day := d.Truncate(24 * time.Hour)
	return (f.from.IsZero() || !day.Before(f.from)) && (f.to.IsZero() || !day.After(f.to))
}

func checkFacts(pass *sdk.Pass, st *state, all []titled) {
	if len(st.facts) == 0 {
		return
	}
	date, dated := articleDate(pass.Article)
	for _, t := range all {
		if t.past {
			continue
		}
		var held []string
		known := false
		for _, f := range st.facts {
			if f.Person != t.person {
				continue
			}
			known = true
			if dated && !f.validOn(date) {
				continue
			}
			if st.titles.office(f.Title) == t.office {
				held = nil
				known = false
				break
			}
			held = append(held, f.Title)
		}
		if !known {
			continue
		}
		msg := fmt.Sprintf("the house facts do not give %s the title %q", t.person, t.title)
		if len(held) > 0 {
			msg = fmt.Sprintf("%s is %q here, but the house facts give %s", t.person, t.title, strings.Join(held, ", "))
			if dated {
				msg += " on " + date.Format("2 January 2006")
			}
		}
		pass.Report(sdk.Diagnostic{
			Span:    t.titleSpan,
			Message: msg,
			Related: []sdk.Related{{Span: t.personSpan, Message: "the person the facts describe"}},
		})
	}
}
