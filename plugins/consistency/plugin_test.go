package consistency_test

import (
	"os"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/sdktest"
	"github.com/copydesk/copydesk/plugins/consistency"
)

func TestFixtures(t *testing.T) {
	sdktest.Run(t, sdktest.TestData(), consistency.Plugin)
}

func check(t *testing.T, cfg sdktest.Config, text string) []sdktest.Result {
	t.Helper()
	return sdktest.CheckText(t, consistency.Plugin, cfg, article.FormatText, text)
}

func flagged(rs []sdktest.Result) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Text)
	}
	return strings.Join(out, "|")
}

func TestMixedForms(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // text of the flagged occurrences, in order
	}{
		{"US majority", "Headline\n\nThe US said. The US agreed. The U.S. left.", "U.S."},
		{"U.S. majority", "Headline\n\nThe U.S. said. The U.S. agreed. The US left.", "US"},
		{"tie says nothing", "Headline\n\nThe U.S. said. The US left.", ""},
		{"tie settled by the family", "Headline\n\nThe U.S. said. The US left. The U.K. and the U.N. agreed.", "US"},
		{"tie with a split family stays silent", "Headline\n\nThe U.S. said. The US left. The U.K. and the UN agreed.", ""},
		{"million for a population is no wire slip", "Headline\n\nIt rose 4 pct to 9 mln dlrs. The country has 168 million people.", ""},
		{"dollars in prose beside dlrs", "Headline\n\nIt was 18 dlrs and then 16.67 dlrs. It fell three dollars below a high of 19 dollars.", ""},
		{"wire tie settled by mln", "Headline\n\nIt rose 4 pct to 9 mln dlrs from 7 mln dlrs. It fell 2%.", "%"},
		{"percent tie not settled by million", "Headline\n\nIt rose 4% to 9 million. Sales rose 2 per cent to 7 million.", ""},
		{"one form only", "Headline\n\nThe U.S. said. The U.S. agreed.", ""},
		{"USB and USA are other words", "Headline\n\nThe US said. The US agreed. USB sticks and the USA.", ""},
		{"US$ is a currency code", "Headline\n\nThe U.S. said. The U.S. agreed. It cost US$5 million.", ""},
		{"us the pronoun", "Headline\n\nThe U.S. said. The U.S. agreed. Let us go.", ""},
		{"all-caps headline", "WORLD LEADERS TELL US TO ACT NOW\n\nThe U.S. said. The U.S. agreed.", ""},
		{"all-caps dateline", "Headline\n\nWASHINGTON, US CAPITAL BUREAU - The U.S. said. The U.S. agreed.", ""},
		{"proper name keeps its form", "Headline\n\nThe US said. The US agreed. She won the U.S. Open.", ""},
		{"U.S.-led", "Headline\n\nThe US said. The US agreed. A U.S.-led force.", "U.S."},
		{"UK", "Headline\n\nThe UK said. The UK agreed. The U.K. left.", "U.K."},
		{"Mr and Mr.", "Headline\n\nMr Smith said. Mr Jones agreed. Mr. Brown left.", "Mr."},
		{"email tie settled by online", "Headline\n\nSend an email or an e-mail. Book online, or on the website.", "e-mail"},
		{"Mr tie settled by Mrs", "Headline\n\nMr Smith said. Mrs Jones and Mrs Lee agreed. Mr. Brown left.", "Mr."},
		{"Mrs is not Mr", "Headline\n\nMr Smith said. Mr Jones agreed. Mrs Brown left.", ""},
		{"per cent among %", "Headline\n\nIt rose 4%. It fell 1.5%. It lost 50 per cent.", "per cent"},
		{"pct among %", "Headline\n\nIt rose 4 pct. It fell 2 pct. It lost 9%.", "%"},
		{"percentage is not percent", "Headline\n\nIt rose 4%. It fell 2%. The percentage was high.", ""},
		{"% in a table", "Headline\n\nIt rose 4 per cent. It fell 2 per cent.\n\nA\t4%\nB\t2%", ""},
		{"quoted form not flagged", "Headline\n\nIt rose 4%. It fell 2%. \"It will grow 12 percent,\" he said.", ""},
		{"quoted form counts", "Headline\n\nIt rose 4%. \"It grew 2%,\" he said. It fell 5 per cent.", "per cent"},
		{"mln and million", "Headline\n\nProfit was 4 mln dlrs. Sales were 9 mln dlrs. Costs were 2 million dlrs.", "million"},
		{"dollars among dlrs", "Headline\n\nProfit was 4 mln dlrs. Sales were 9 mln dlrs. Costs were 2 billion dollars.", "dollars"},
		{"dollars after a currency word", "Headline\n\nProfit was 4 mln dlrs. Sales were 9 mln dlrs. Debt was 60 mln Canadian dollars.", "dollars"},
		{"the currency in prose", "Headline\n\nProfit was 4 mln dlrs. Sales were 9 mln dlrs. Traders sold dollars for yen.", ""},
		{"million tie settled inside its phrase", "Headline\n\nSales were 112 mln Canadian dlrs. Debt was 60 million dlrs.", "million"},
		{"million against a majority of mln", "Headline\n\nSales were 112 mln Canadian dlrs. Debt was 60 million dlrs. Cash was 9 mln dlrs.", "million"},
		{"US tie settled by pct", "Headline\n\nThe U.S. Treasury said rates rose to 5 pct. The US said bills rose to 6 pct.", "US"},
		{"Mr tie settled by UK", "Headline\n\nMr Smith said the UK and the US agreed. Mr. Brown left.", "Mr."},
		{"Mr tie settled by per cent", "Headline\n\nMr Smith said sales rose 4 per cent. Mr. Brown said costs rose 2 per cent.", "Mr."},
		{"Mr. tie settled by percent", "Headline\n\nMr. Smith said sales rose 4 percent. Mr Brown said costs rose 2 percent.", "Mr"},
		{"e-mail inflections", "Headline\n\nSend an email. Emails arrive. She e-mailed him.", "e-mailed"},
		{"same word both spellings", "Headline\n\nThey organised it. It was organised well. It is organized now.", "organized"},
		{"names keep their spelling", "Headline\n\nThe centre opened. The centre is big. It is near the World Trade Center.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			only := sdktest.Config{Rules: map[string]sdk.RuleSettings{"spelling-system": {Enabled: false}}}
			if got := flagged(check(t, only, tt.text)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSuggestions(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Headline\n\nIt rose 4%. It fell 1.5%. It lost 50 per cent.", "Headline\n\nIt rose 4%. It fell 1.5%. It lost 50%."},
		{"Headline\n\nIt rose 4 pct. It fell 2 pct. It lost 9%.", "Headline\n\nIt rose 4 pct. It fell 2 pct. It lost 9 pct."},
		{"Headline\n\nSend an email. Emails arrive. E-mails pile up.", "Headline\n\nSend an email. Emails arrive. Emails pile up."},
		{"Headline\n\nThe US said. The US agreed. The U.S. left.", "Headline\n\nThe US said. The US agreed. The US left."},
	} {
		got := check(t, sdktest.Config{}, tt.in)
		if len(got) != 1 || len(got[0].Suggestions) != 1 {
			t.Fatalf("%q: want one finding with one suggestion, got %v", tt.in, got)
		}
		s := got[0].Suggestions[0]
		if fixed := tt.in[:s.Span.Start] + s.Replacement + tt.in[s.Span.End:]; fixed != tt.want {
			t.Errorf("fixed %q, want %q", fixed, tt.want)
		}
	}
}

func TestSpellingSystem(t *testing.T) {
	british := "Headline\n\nThe centre was organised in favour of the harbour. "
	tests := []struct {
		name, text, spelling, want string
	}{
		{"one American word in British copy", british + "The color was red.", "any", "color"},
		{"too little evidence", "Headline\n\nThe centre was in favour. The color was red.", "any", ""},
		{"quoted word not flagged", british + "\"The color was red,\" he said.", "any", ""},
		{"-ize is Oxford British", british + "It was realized late.", "any", ""},
		{"-ize beside -ise", "Headline\n\nThey organised, recognised and apologised. It was realized late.", "any", "realized"},
		{"capitalised name", british + "It is near the Kennedy Center.", "any", ""},
		{"house says American", british, "american", "centre|organised|favour|harbour"},
		{"house says British", "Headline\n\nThe color was realized.", "british", "color|realized"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := sdktest.Config{PluginOptions: sdk.Options{"spelling": tt.spelling}, Rules: map[string]sdk.RuleSettings{"mixed-forms": {Enabled: false}}}
			if got := flagged(check(t, cfg, tt.text)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHouseForms(t *testing.T) {
	cfg := sdktest.Config{PluginOptions: sdk.Options{"prefer": []any{"U.S.", "per cent"}}}
	// With a house form, even an article consistent in another form is
	// reported, and so is a lone occurrence.
	got := check(t, cfg, "Headline\n\nThe US said. The US agreed. It rose 4%.")
	if f := flagged(got); f != "US|US|%" {
		t.Errorf("got %q, want US|US|%%", f)
	}
	for _, r := range got {
		if !strings.Contains(r.Message, "house style") {
			t.Errorf("message %q does not name the house style", r.Message)
		}
	}
	// Extra groups from rules.toml, with a house form.
	cfg = sdktest.Config{PluginOptions: sdk.Options{"groups": []any{"word: Peking | Beijing"}, "prefer": []any{"Beijing"}}}
	if f := flagged(check(t, cfg, "Headline\n\nTalks in Peking ended.")); f != "Peking" {
		t.Errorf("extra group: got %q, want Peking", f)
	}
}

func TestBadOptions(t *testing.T) {
	for _, opts := range []sdk.Options{
		{"prefer": []any{"Untied States"}},
		{"groups": []any{"Peking | Beijing"}},
		{"groups": []any{"colour: Peking | Beijing"}},
		{"groups": []any{"word: Peking"}},
	} {
		if _, err := sdk.NewSession(consistency.Plugin, opts, nil); err == nil {
			t.Errorf("options %v accepted", opts)
		}
	}
}

func TestRuleDocs(t *testing.T) {
	for _, r := range consistency.Plugin.Rules {
		if r.Summary == "" || r.Doc == "" || r.Example.Before == "" || r.Example.After == "" || r.Category != sdk.CategoryConsistency {
			t.Errorf("rule %s: Summary, Doc, Example and category %q are required", r.Name, sdk.CategoryConsistency)
		}
		only := sdktest.Config{Rules: map[string]sdk.RuleSettings{}}
		for _, o := range consistency.Plugin.Rules {
			only.Rules[o.Name] = sdk.RuleSettings{Enabled: o == r}
		}
		if got := check(t, only, "Headline\n\n"+r.Example.Before); len(got) == 0 {
			t.Errorf("rule %s: its example's Before is not flagged", r.Name)
		}
		if got := check(t, only, "Headline\n\n"+r.Example.After); len(got) != 0 {
			t.Errorf("rule %s: its example's After is flagged: %v", r.Name, got)
		}
	}
}

// TestDevSet scores the plugin on the shared dev set and on clean
// professional copy (skipped when ../shared is absent).
func TestDevSet(t *testing.T) {
	sdktest.Score(t, consistency.Plugin, sdktest.Config{}, sdk.CategoryConsistency).Require(t, sdk.CategoryConsistency,
		sdktest.Targets{Recall: 0.8, Precision: 0.9, MaxControl: 0, MaxClean: 1})
}

// BenchmarkSession measures what one plugin process does for one article:
// configure the session (parse the embedded groups) and check it.
func BenchmarkSession(b *testing.B) {
	data, err := os.ReadFile("testdata/british.txt")
	if err != nil {
		b.Fatal(err)
	}
	a, err := article.Parse("british.txt", article.FormatText, data)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s, err := sdk.NewSession(consistency.Plugin, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		s.Check(a)
	}
}
