package byline

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/sdktest"
)

// TestFixtures runs every rule over the fixture articles in testdata: each
// .want sidecar lists the findings expected, and a fixture without one must
// draw none.
func TestFixtures(t *testing.T) {
	sdktest.Run(t, sdktest.TestData(), Plugin)
}

func roster(members ...map[string]any) sdktest.Config {
	var list []any
	for _, m := range members {
		list = append(list, m)
	}
	return sdktest.Config{PluginOptions: sdk.Options{"staff": list}}
}

func TestParseCreditForms(t *testing.T) {
	type seg struct {
		Role, Prep string
		Names      []string
	}
	tests := []struct {
		line string
		want []seg // nil: not a credit line
	}{
		{"Reporting by Jane Doe and John Roe; Additional reporting by Mary Major; Writing by Ann Lee; Editing by Tom Hale",
			[]seg{{"Reporting", "by", []string{"Jane Doe", "John Roe"}}, {"Additional reporting", "by", []string{"Mary Major"}}, {"Writing", "by", []string{"Ann Lee"}}, {"Editing", "by", []string{"Tom Hale"}}}},
		{"Reporting by Jane Doe in Hong Kong and Beijing and John Roe in São Paulo; Editing by Tom Hale",
			[]seg{{"Reporting", "by", []string{"Jane Doe", "John Roe"}}, {"Editing", "by", []string{"Tom Hale"}}}},
		{"By Jane Doe", []seg{{"By", "by", []string{"Jane Doe"}}}},
		{"By Jane Doe and John Roe, Associated Press", []seg{{"By", "by", []string{"Jane Doe", "John Roe"}}}},
		{"By Jane Doe, John Roe and Mary Major, Staff Writers", []seg{{"By", "by", []string{"Jane Doe", "John Roe", "Mary Major"}}}},
		{"Contributors: Jane Doe, John Roe", []seg{{"Contributors", ":", []string{"Jane Doe", "John Roe"}}}},
		{"Jane Doe and John Roe contributed reporting.", []seg{{"contributed", "contributed", []string{"Jane Doe", "John Roe"}}}},
		{"Reporting by Jane Doe, Editing by Tom Hale.", []seg{{"Reporting", "by", []string{"Jane Doe"}}, {"Editing", "by", []string{"Tom Hale"}}}},
		{"Statement by Humeya Pamuk; Editing by Daniel Wallis", []seg{{"Statement", "by", []string{"Humeya Pamuk"}}, {"Editing", "by", []string{"Daniel Wallis"}}}},
		{"Coverage of Zeynep Kaya; Edited from Tom Hale", []seg{{"Coverage", "of", []string{"Zeynep Kaya"}}, {"Edited", "from", []string{"Tom Hale"}}}},
		{"Reporting by Will Said and Al Do; Editing by Tom Hale", []seg{{"Reporting", "by", []string{"Will Said", "Al Do"}}, {"Editing", "by", []string{"Tom Hale"}}}},
		{"Writing by J. R. Okafor and Ursula von der Leyen", []seg{{"Writing", "by", []string{"J. R. Okafor", "Ursula von der Leyen"}}}},
		// Not credits.
		{"Our Standards: Thomson Reuters Trust Principles.", []seg{}},
		{"By the end of the year, prices had doubled. Traders were alarmed.", nil},
		{"Thomson Reuters", nil},
	}
	for _, tt := range tests {
		c, ok := parseCredit(tt.line, 0, false)
		if tt.want == nil {
			if ok {
				t.Errorf("%q: parsed as a credit: %+v", tt.line, c.Segments)
			}
			continue
		}
		if len(tt.want) == 0 {
			// Parses, but a colon role the house does not use is not a credit.
			if ok && (&analysis{cfg: &config{roles: defaultRoleSet()}}).acceptCredit(c, line{standalone: true}) {
				t.Errorf("%q: accepted as a credit", tt.line)
			}
			continue
		}
		if !ok {
			t.Errorf("%q: not parsed as a credit", tt.line)
			continue
		}
		var got []seg
		for _, s := range c.Segments {
			g := seg{Role: s.Role, Prep: s.Prep}
			for _, n := range s.Names {
				g.Names = append(g.Names, n.Text)
				if tt.line[n.Start:n.End()] != n.Text {
					t.Errorf("%q: name %q has span text %q", tt.line, n.Text, tt.line[n.Start:n.End()])
				}
			}
			if tt.line[s.RoleStart:s.RoleStart+len(s.Role)] != s.Role && s.Prep != "contributed" {
				t.Errorf("%q: role %q has span text %q", tt.line, s.Role, tt.line[s.RoleStart:s.RoleStart+len(s.Role)])
			}
			got = append(got, g)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.line, got, tt.want)
		}
	}
}

func defaultRoleSet() roleSet {
	rs := roleSet{}
	for _, r := range defaultRoles {
		rs[r] = true
	}
	return rs
}

func TestHouseRoles(t *testing.T) {
	rs := defaultRoleSet()
	good := []string{"Reporting", "Additional reporting", "Writing", "Editing", "Compiled", "Produced", "Reporting and writing", "With additional reporting", "Reporting from London", "By"}
	for _, r := range good {
		if !rs.known(r, "by") {
			t.Errorf("%q by: not a house role", r)
		}
	}
	bad := [][2]string{{"Statement", "by"}, {"Report", "by"}, {"Edited", "from"}, {"Coverage", "of"}, {"Redaction", "by"}, {"Reporting", "of"}}
	for _, r := range bad {
		if rs.known(r[0], r[1]) {
			t.Errorf("%q %s: accepted as a house role", r[0], r[1])
		}
	}
	if got := rs.suggest("Report"); got != "Reporting by" {
		t.Errorf("suggest(Report) = %q, want Reporting by", got)
	}
	if got := rs.suggest("Edited"); got != "Edited by" {
		t.Errorf("suggest(Edited) = %q, want Edited by", got)
	}
}

func TestNameVariants(t *testing.T) {
	tests := []struct {
		a, b          string
		same, variant bool
	}{
		{"Humeya Pamuk", "Humeyra Pamuk", false, true},
		{"Rania Zimmeramnn", "Rania Zimmermann", false, true},
		{"Hasan Mason", "Hassan Mason", false, true},
		{"José Álvarez", "Jose Alvarez", true, false},
		{"Ursula von der Leyen", "Ursula Leyen", true, false},
		{"J. Smith", "John Smith", true, false},
		{"Dr Jane Doe", "Jane Doe", true, false},
		{"Jane Dow", "Jane Doe", false, true},
		{"Lukas Goldberg", "Lukas Schwarz", false, false},
		{"Matthias Castillo", "Miriam Castillo", false, false},
		{"Gabriel Turner", "Miriam Castillo", false, false},
		{"Li Wei", "Lu Wei", false, false}, // too short to call a misspelling
	}
	for _, tt := range tests {
		a, b := newName(tt.a, 0), newName(tt.b, 0)
		if got := sameName(a, b); got != tt.same {
			t.Errorf("sameName(%q, %q) = %v", tt.a, tt.b, got)
		}
		if got := variantOf(a, b); got != tt.variant {
			t.Errorf("variantOf(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestGarbledLines(t *testing.T) {
	tests := []struct {
		line, name string
		want       bool
	}{
		{"Humera cotton", "Humeyra Pamuk", true},
		{"Samel nakmura", "Samuel Nakamura", true},
		{"samuel nakamura", "Samuel Nakamura", true},
		{"Samuel Nakamura", "Samuel Nakamura", false}, // the name itself
		{"Thomson Reuters", "Mark Thompson", false},   // words out of place
		{"Leave a Reply", "Leila Reyes", false},
		{"Humera Cotton", "Humeyra Pamuk", true},
		{"Humeyra Cotton", "Humeyra Pamuk", false}, // somebody else
		{"Share Post", "Sharon Thiss", false},      // capitalised and not close
		// Family name first, in lower case or not.
		{"pamuk humeyra", "Humeyra Pamuk", true},
		{"wallis danel", "Daniel Wallis", true},
		{"Okafor Ingrid", "Ingrid Okafor", true},
		{"wallis said", "Daniel Wallis", false}, // a stand-in needs the name's order
		{"Read more", "Marta Reed", false},
		// Letters dropped from both parts.
		{"Hmyra Pmuk", "Humeyra Pamuk", true},
		{"umeyra amuk", "Humeyra Pamuk", true},
		{"dnl wlls", "Daniel Wallis", true},
		{"Dan Wall", "Daniel Wallis", true}, // both parts cut short
		{"Dana Scully", "Daniel Wallis", false},
		{"Al Wa", "Daniel Wallis", false}, // too little left
		// A part rendered as ordinary words.
		{"Humeyra cotton", "Humeyra Pamuk", true},
		{"Daniel walls", "Daniel Wallis", true},
		{"Contact us", "Constance Usher", false},
		{"Related articles", "Rebecca Artis", false},
	}
	for _, tt := range tests {
		if got := garbled(tt.line, newName(tt.name, 0)); got != tt.want {
			t.Errorf("garbled(%q, %q) = %v", tt.line, tt.name, got)
		}
	}
}

func TestCreditFormsInArticle(t *testing.T) {
	body := "Headline here\n\nThe council approved the budget on Monday after a debate that lasted most of the night and ended in a narrow vote.\n\n"
	bio := "\n\nJane Doe is a correspondent in Madrid covering politics."
	tests := []struct {
		credit string
		want   []string // rules expected, in order
	}{
		{"Reporting by Jane Doe; Editing by Tom Hale", nil},
		{"Reporting by Jane Doe in Madrid and John Roe in Seville; Additional reporting by Mary Major; Editing by Tom Hale", nil},
		{"Jane Doe and John Roe contributed reporting", nil},
		{"Contributors: Jane Doe, John Roe", nil},
		{"Report by Jane Doe; Editing by Tom Hale", []string{"credit-verb"}},
		{"Reporting by Jane Doe; Edited from Tom Hale", []string{"credit-verb"}},
		{"Redaction by Jane Doe", []string{"credit-verb"}}, // alone, but the bio knows her
		{"Reporting by Jane Dow; Editing by Tom Hale", []string{"name-variant"}},
		{"Reporting by Jnae Doe; Editing by Tom Hale", []string{"name-variant"}},
		{"Reporting by John Roe; Editing by Tom Hale", []string{"credit-bio-mismatch"}},
		{"Reporting by Jane Doe and Jana Doe; Editing by Tom Hale", nil}, // two credited people
	}
	for _, tt := range tests {
		res := sdktest.CheckText(t, Plugin, sdktest.Config{}, article.FormatText, body+tt.credit+bio)
		var got []string
		for _, r := range res {
			got = append(got, r.Rule)
			if r.Line != 5 {
				t.Errorf("%q: finding on line %d, want the credit line 5: %v", tt.credit, r.Line, r)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.credit, got, tt.want)
		}
	}
}

// TestBioBeforeChrome: page chrome after the bio that reads like a sentence
// does not make the bio a paragraph of the body.
func TestBioBeforeChrome(t *testing.T) {
	text := "Headline here\n\nThe council approved the budget on Monday after a debate that lasted most of the night and ended in a narrow vote.\n\n" +
		"Reporting by Jane Dow; Editing by Tom Hale\n\nJane Doe covers city politics and is based in Leeds.\n\n" +
		"Save my name, email, and website in this browser for the next time I comment.\n"
	res := sdktest.CheckText(t, Plugin, sdktest.Config{}, article.FormatText, text)
	if len(res) != 1 || res[0].Rule != "name-variant" || res[0].Line != 5 {
		t.Errorf("got %v, want name-variant on line 5", res)
	}
	// A bio-shaped paragraph between body paragraphs is about someone in
	// the story.
	text = "Headline here\n\nBy Jane Dow\n\nThe council approved the budget on Monday after a debate that lasted most of the night and ended in a narrow vote.\n\n" +
		"Jane Doe covers city politics for the council and is based in Leeds, where she chairs the budget committee.\n\n" +
		"The vote was the closest in a decade, and the opposition said it would challenge the result in the courts next week.\n"
	if res := sdktest.CheckText(t, Plugin, sdktest.Config{}, article.FormatText, text); len(res) != 0 {
		t.Errorf("a paragraph about someone: %v", res)
	}
}

func TestConflictingCredits(t *testing.T) {
	para := "The council approved the budget on Monday after a debate that lasted most of the night and ended in a narrow vote.\n\n"
	tests := []struct {
		name, text string
		want       []string // rule@line
	}{
		{"byline and foot credit disagree", "Headline\n\nBy Jane Doe\n\n" + para + para + "Reporting by John Roe; Editing by Tom Hale\n",
			[]string{"conflicting-credits@9"}},
		{"byline and foot credit agree", "Headline\n\nBy Jane Doe\n\n" + para + para + "Reporting by Jane Doe; Editing by Tom Hale\n", nil},
		{"one credit pasted mid-body", "Headline\n\nBy Jane Doe\n\n" + para + "By John Roe\n\n" + para + para,
			[]string{"credit-in-body@7", "conflicting-credits@7"}},
		{"sections by several hands", "Headline\n\n" + para + "By Justice Stevens\n\n" + para + para + "By Justice Breyer\n\n" + para + para, nil},
		{"sections in one block of wire copy", "Headline\n\n" + strings.TrimSpace(para) + "\nBy Justice Stevens\n" + strings.TrimSpace(para) + "\nBy Justice Scalia\n" + strings.TrimSpace(para) + "\nBy Justice Breyer\n" + para, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range sdktest.CheckText(t, Plugin, sdktest.Config{}, article.FormatText, tt.text) {
			got = append(got, fmt.Sprintf("%s@%d", r.Rule, r.Line))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestRoster(t *testing.T) {
	text := "Headline here\n\nThe council approved the budget on Monday after a debate that lasted most of the night and ended in a narrow vote.\n\nReporting by Humeya Pamuk; Editing by Tom Hale\n"
	if res := sdktest.CheckText(t, Plugin, sdktest.Config{}, article.FormatText, text); len(res) != 0 {
		t.Errorf("without a roster: %v", res)
	}
	cfg := roster(map[string]any{"name": "Humeyra Pamuk", "pronouns": "she/her", "desk": "Washington"})
	res := sdktest.CheckText(t, Plugin, cfg, article.FormatText, text)
	if len(res) != 1 || res[0].Rule != "name-variant" || !strings.Contains(res[0].Message, `did you mean "Humeyra Pamuk"`) {
		t.Errorf("with a roster: %v", res)
	}
	// An initial on the roster vouches for nobody's full spelling.
	cfg = roster(map[string]any{"name": "Humeyra Pamuk", "aliases": []any{"H. Pamuk"}})
	if res := sdktest.CheckText(t, Plugin, cfg, article.FormatText, text); len(res) != 1 || res[0].Rule != "name-variant" {
		t.Errorf("initial alias: %v", res)
	}
	// An alias is a known spelling.
	cfg = roster(map[string]any{"name": "Humeyra Pamuk", "aliases": []any{"Humeya Pamuk"}})
	if res := sdktest.CheckText(t, Plugin, cfg, article.FormatText, text); len(res) != 0 {
		t.Errorf("alias on the roster: %v", res)
	}
	// The bio's pronouns against the roster's.
	bio := text + "\nHumeyra Pamuk is a correspondent in Washington. He covers the State Department.\n"
	cfg = roster(map[string]any{"name": "Humeyra Pamuk", "pronouns": "she/her"})
	res = sdktest.CheckText(t, Plugin, cfg, article.FormatText, strings.Replace(bio, "Humeya", "Humeyra", 1))
	if len(res) != 1 || res[0].Rule != "bio-pronoun" || res[0].Text != "He" {
		t.Errorf("pronoun: %v", res)
	}
	cfg = roster(map[string]any{"name": "Humeyra Pamuk", "pronouns": "he/him"})
	if res := sdktest.CheckText(t, Plugin, cfg, article.FormatText, strings.Replace(bio, "Humeya", "Humeyra", 1)); len(res) != 0 {
		t.Errorf("matching pronoun: %v", res)
	}
}

func TestRosterErrors(t *testing.T) {
	for _, staff := range []map[string]any{{"pronouns": "she/her"}, {"name": "Jane Doe", "pronouns": "sometimes"}} {
		if _, err := sdk.NewSession(Plugin, sdk.Options{"staff": []any{staff}}, nil); err == nil {
			t.Errorf("staff %v: no error", staff)
		}
	}
	if _, err := sdk.NewSession(Plugin, sdk.Options{"staff": []any{map[string]any{"name": "Jane Doe", "pronouns": "they/them", "aliases": []any{"J. Doe"}}}}, nil); err != nil {
		t.Errorf("valid staff: %v", err)
	}
}

func TestMissingByline(t *testing.T) {
	on := sdktest.Config{Rules: map[string]sdk.RuleSettings{"missing-byline": {Enabled: true}}}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	empty := read("cms_empty.json")
	if res := sdktest.CheckText(t, Plugin, sdktest.Config{}, article.FormatJSON, empty); len(res) != 0 {
		t.Errorf("off by default, got %v", res)
	}
	res := sdktest.CheckText(t, Plugin, on, article.FormatJSON, empty)
	if len(res) != 1 || res[0].Rule != "missing-byline" {
		t.Errorf("enabled on an empty byline: %v", res)
	}
	list := `{"headline": "Bank holds rates", "byline": ["Mira Patel"], "body": "The central bank kept its main rate unchanged."}`
	if res := sdktest.CheckText(t, Plugin, on, article.FormatJSON, list); len(res) != 0 {
		t.Errorf("byline given as a list: %v", res)
	}
	if res := sdktest.CheckText(t, Plugin, on, article.FormatJSON, read("cms_byline.json")); len(res) != 1 || res[0].Rule != "name-variant" {
		t.Errorf("byline present: %v", res)
	}
}

func readSeed(t *testing.T) *article.Article {
	path := filepath.Join(sdktest.SharedDir(t), "corpus", "seed", "blinken-china-trip.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed not found: %v", err)
	}
	a, err := article.Parse(path, article.FormatText, data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestSeed checks the reference article's byline entries: the wrong credit
// verb and the misspelt name on line 35 (related to the bio on line 43), the
// garbled name on line 39, and nothing elsewhere.
func TestSeed(t *testing.T) {
	a := readSeed(t)
	res := sdktest.Check(t, Plugin, sdktest.Config{}, a)
	lines := map[int][]string{}
	for _, r := range res {
		lines[r.Line] = append(lines[r.Line], r.Rule)
		if r.Line != 35 && r.Line != 39 {
			t.Errorf("unexpected finding %v", r)
		}
		if r.Rule == "name-variant" || r.Rule == "garbled-name" {
			if len(r.Related) != 1 || a.Position(r.Related[0].Span.Start).Line != 43 {
				t.Errorf("%s should point at the bio on line 43: %+v", r.Rule, r.Related)
			}
		}
	}
	if !reflect.DeepEqual(lines[35], []string{"credit-verb", "name-variant"}) {
		t.Errorf("line 35: %v", lines[35])
	}
	if !reflect.DeepEqual(lines[39], []string{"garbled-name"}) {
		t.Errorf("line 39: %v", lines[39])
	}

	res = sdktest.Check(t, Plugin, roster(map[string]any{"name": "Humeyra Pamuk", "pronouns": "she/her"}), a)
	pron := false
	for _, r := range res {
		if r.Line == 43 && r.Rule == "bio-pronoun" && r.Text == "He" {
			pron = true
		}
		if r.Line != 35 && r.Line != 39 && r.Line != 43 {
			t.Errorf("with roster: unexpected finding %v", r)
		}
	}
	if !pron {
		t.Errorf("with roster: no bio-pronoun finding on line 43: %v", res)
	}
}

// TestDevSet scores the plugin on the shared dev set and the clean articles.
func TestDevSet(t *testing.T) {
	sdktest.Score(t, Plugin, sdktest.Config{}, sdk.CategoryByline).Require(t, sdk.CategoryByline,
		sdktest.Targets{Recall: 0.9, Precision: 0.9, MaxControl: 0, MaxClean: 0})
}

// TestExamples checks that each rule's documented example is true: the
// rule reports the Before text and not the After text.
func TestExamples(t *testing.T) {
	cfg := roster(map[string]any{"name": "Jane Doe", "pronouns": "she/her"})
	for _, r := range Plugin.Rules {
		if r.Name == "credit-in-body" || r.Name == "missing-byline" {
			continue // their examples abbreviate the body or show JSON
		}
		count := func(text string) int {
			n := 0
			for _, res := range sdktest.CheckText(t, Plugin, cfg, article.FormatText, "Headline\n\n"+text+"\n") {
				if res.Rule == r.Name {
					n++
				}
			}
			return n
		}
		if count(r.Example.Before) == 0 {
			t.Errorf("%s: example Before draws no finding", r.Name)
		}
		if n := count(r.Example.After); n != 0 {
			t.Errorf("%s: example After draws %d findings", r.Name, n)
		}
	}
}
