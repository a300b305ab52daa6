package sdk

import (
	"fmt"
	"testing"
)

func TestUnderstands(t *testing.T) {
	en := &Rule{Languages: English}
	anyRule := &Rule{}
	both := &Rule{Languages: []string{"en", "DE"}}
	for _, c := range []struct {
		r    *Rule
		lang string
		want bool
	}{
		{en, "en", true}, {en, "de", false}, {en, "", true},
		{anyRule, "de", true}, {both, "de", true}, {both, "fr", false},
		{&Rule{Languages: []string{AnyLanguage}}, "pl", true},
	} {
		if got := c.r.Understands(c.lang); got != c.want {
			t.Errorf("%v.Understands(%q) = %v, want %v", c.r.Languages, c.lang, got, c.want)
		}
	}
	if en.LanguageList() != "en" || anyRule.LanguageList() != "any" || both.LanguageList() != "en, DE" {
		t.Errorf("LanguageList: %q %q %q", en.LanguageList(), anyRule.LanguageList(), both.LanguageList())
	}
}

func TestAnalysisRunsOncePerArticleAndSkipsOtherLanguages(t *testing.T) {
	runs := 0
	words := &Analysis[int]{Name: "length", Run: func(a *Article, _ any) int { runs++; return len(a.Text) }}
	var seen []int
	mk := func(name string, langs []string) *Rule {
		return &Rule{Name: name, Category: "x", Severity: Info, Languages: langs, Check: func(p *Pass) {
			seen = append(seen, words.Of(p))
		}}
	}
	p := &Plugin{Name: "p", Rules: []*Rule{mk("a", English), mk("b", nil), mk("c", []string{"de"})}}
	s, err := NewSession(p, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Check(&Article{Text: "hello", Language: "en"})
	if runs != 1 || len(seen) != 2 {
		t.Fatalf("runs=%d seen=%v, want the analysis run once for the two English-capable rules", runs, seen)
	}
	s.Check(&Article{Text: "hallo welt", Language: "de"})
	if runs != 2 || len(seen) != 4 || seen[3] != 10 {
		t.Fatalf("second article: runs=%d seen=%v", runs, seen)
	}
	seen = nil
	s.CheckRules(&Article{Text: "x", Language: "en"}, []string{"b"})
	if len(seen) != 1 {
		t.Fatalf("CheckRules ran %d rules, want only b", len(seen))
	}
}

func TestRuleValidateRefusesAtSessionStart(t *testing.T) {
	checked := 0
	r := &Rule{Name: "r", Category: "x", Severity: Info,
		Options: []Option{{Name: "share", Type: Float, Default: 0.5}},
		Validate: func(o Options) error {
			if o.Float("share") > 1 {
				return fmt.Errorf("share: %v is above 1", o.Float("share"))
			}
			return nil
		},
		Check: func(*Pass) { checked++ }}
	p := &Plugin{Name: "p", Rules: []*Rule{r}}
	if _, err := NewSession(p, nil, nil); err != nil {
		t.Fatalf("defaults refused: %v", err)
	}
	_, err := NewSession(p, nil, map[string]RuleSettings{"r": {Enabled: true, Options: Options{"share": 2.0}}})
	if err == nil || err.Error() != "rule r: share: 2 is above 1" {
		t.Fatalf("err = %v, want the rule and option named", err)
	}
	if _, err := NewSession(p, nil, map[string]RuleSettings{"r": {Enabled: false, Options: Options{"share": 2.0}}}); err != nil {
		t.Fatalf("a rule that is off is not validated: %v", err)
	}
	if checked != 0 {
		t.Fatal("Validate ran a check")
	}
}
