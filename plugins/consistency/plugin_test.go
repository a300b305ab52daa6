package consistency_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/sdktest"
	"github.com/copydesk/copydesk/plugins/consistency"
)

func TestFixtures(t *testing.T) {
	sdktest.Run(t, sdktest.TestData(), consistency.Plugin)
	// Fixtures under a house spelling.
	american := sdktest.Config{PluginOptions: sdk.Options{"spelling": "american"}}
	sdktest.RunWithConfig(t, filepath.Join(sdktest.TestData(), "american"), consistency.Plugin, american)
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
		{"a tie reports the later form", "Headline\n\nThe U.S. said. The US left.", "US"},
		{"a tie the other way round", "Headline\n\nThe US said. The U.S. left.", "U.S."},
		{"tie settled by the family", "Headline\n\nThe U.S. said. The US left. The U.K. and the U.N. agreed.", "US"},
		{"tie with a split family: the later form", "Headline\n\nThe U.S. said. The US left. The U.K. and the UN agreed.", "US"},
		{"million for a population is no wire slip", "Headline\n\nIt rose 4 pct to 9 mln dlrs. The country has 168 million people.", ""},
		{"dollars in prose beside dlrs", "Headline\n\nIt was 18 dlrs and then 16.67 dlrs. It fell three dollars below a high of 19 dollars.", ""},
		{"wire tie settled by mln", "Headline\n\nIt rose 4 pct to 9 mln dlrs from 7 mln dlrs. It fell 2%.", "%"},
		{"percent tie: the later form", "Headline\n\nIt rose 4% to 9 million. Sales rose 2 per cent to 7 million.", "per cent"},
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
		{"a local currency beside dlrs", "Headline\n\nProfit was 4 mln dlrs. Sales were 9 mln dlrs. Debt was 60 mln Canadian dollars.", ""},
		{"a local currency and its U.S. conversion", "Headline\n\nThe ransom was 1.6 billion Hong Kong dollars (U.S. dlrs 205 million). Fees were 2 mln dlrs.", ""},
		{"one local currency written two ways", "Headline\n\nDebt was 60 mln Canadian dlrs. Cash was 9 mln Canadian dlrs. Sales were 70 mln Canadian dollars.", "dollars"},
		{"U.S. dlrs is the wire's dlrs", "Headline\n\nDebt was U.S. dlrs 60 mln. Cash was 9 mln dlrs. Sales were 70 mln dollars.", "dollars"},
		{"headline is not a vote", "US leads talks on trade\n\nThe U.S. said. The U.S. agreed.", ""},
		{"headline in capitals is not a vote", "FATTENING OF AMERICA: 55% NOW OVERWEIGHT\n\nIt rose 4 percent. It fell 2 percent.", ""},
		{"headline online", "ON-LINE SHOPS GROW\n\nShop online. Sales online grew. Online banks too.", ""},
		{"headline does not hide a body mix", "US leads talks\n\nThe U.S. said. The U.S. agreed. The US left.", "US"},
		{"Mr tie settled by a British spelling", "Headline\n\nMr. Smith said the colour was wrong. Mr Brown left.", "Mr."},
		{"Mr tie settled by -ise", "Headline\n\nMr. Smith was modernising it. Mr Brown left.", "Mr."},
		{"Mr tie settled by an American spelling", "Headline\n\nMr Smith said the color was wrong. Mr. Brown left.", "Mr"},
		{"Mr tie not settled by -ize", "Headline\n\nMr. Smith was modernizing it. Mr Brown left.", "Mr"},
		{"Mr tie settled by one per cent", "Headline\n\nMr. Smith said sales rose 4 per cent. Mr Brown left.", "Mr."},
		{"US tie not settled by spelling", "Headline\n\nThe U.S. said the colour was wrong. The US left.", "US"},
		{"a company's name keeps its form", "Headline\n\nShop on-line today. America Online said it grew.", ""},
		{"after a determiner it is prose", "Headline\n\nVisit the website. The Web site is new.", "Web site"},
		{"a form opening a sentence counts", "Headline\n\nShop on-line today. Online sales rose.", "Online"},
		{"Mr tie", "Headline\n\nMr Smith said. Mr. Brown left.", "Mr."},
		{"Dr tie", "Headline\n\nDr. Smith said. Dr Brown left.", "Dr"},
		{"e-mail tie", "Headline\n\nSend an e-mail to the desk. Emails arrive daily.", "Emails"},
		{"web site tie", "Headline\n\nVisit the web site. The website is new.", "website"},
		{"aluminium tie in one sentence", "Headline\n\nIt is made of aluminium, not aluminum.", "aluminum"},
		{"catalogue tie", "Headline\n\nThe catalog lists it. The catalogue is free.", "catalogue"},
		{"programme and program", "Headline\n\nThe programme starts today. The program ends soon.", "program"},
		{"co-operate tie", "Headline\n\nThey co-operate. They cooperate.", "cooperate"},
		{"a quoted later form in a tie", "Headline\n\nThe U.S. said. \"The US is wrong,\" he said.", ""},
		{"a quoted earlier form does not set the style", "Headline\n\n\"The US is wrong,\" he said. The U.S. said.", ""},
		{"a quoted form counts towards the majority", "Headline\n\n\"The US is wrong,\" he said. The U.S. said. The US left.", "U.S."},
		{"mln tie is no slip", "Headline\n\nProfit was 4 mln dlrs. The town has 2 million people.", ""},
		{"one finding per group", "Headline\n\nThe US said. The US agreed. The U.S. left. The U.S. came. The US went.", "U.S."},
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

// TestOneFindingPerGroup: the minority's first place carries the finding,
// its other places are related, every place has a suggestion, and the
// message names them.
func TestOneFindingPerGroup(t *testing.T) {
	text := "Headline\n\nThe US said.\nThe US agreed.\nThe U.S. left.\nThe US came.\nThe U.S. went."
	got := check(t, sdktest.Config{}, text)
	if len(got) != 1 {
		t.Fatalf("want one finding, got %v", got)
	}
	r := got[0]
	if r.Line != 5 || len(r.Suggestions) != 2 || len(r.Related) != 2 {
		t.Errorf("finding %+v: want line 5, 2 suggestions, 2 related", r)
	}
	if want := `"U.S." here and on line 7, but the article mostly writes "US" (3 times)`; r.Message != want {
		t.Errorf("message %q, want %q", r.Message, want)
	}
	fixed := text
	for i := len(r.Suggestions) - 1; i >= 0; i-- {
		s := r.Suggestions[i]
		fixed = fixed[:s.Span.Start] + s.Replacement + fixed[s.Span.End:]
	}
	if strings.Contains(fixed, "U.S.") {
		t.Errorf("fixed text still has U.S.: %q", fixed)
	}
}

// TestTieMessage: a tie is reported at the later form, naming the line of
// the earlier one.
func TestTieMessage(t *testing.T) {
	text := "Headline\n\nThe US said so.\n\nLater the U.S. left."
	got := check(t, sdktest.Config{}, text)
	if len(got) != 1 || got[0].Line != 5 || got[0].Message != `"U.S." here, but "US" on line 3` {
		t.Errorf("got %v", got)
	}
	if len(got) == 1 && (len(got[0].Related) != 1 || got[0].Related[0].Span.Start != strings.Index(text, "US")) {
		t.Errorf("related %+v, want the US on line 3", got[0].Related)
	}
}

// TestHouseSpellingSettlesAMix: with a house spelling, a word written both
// ways is reported in the other system, even when that form came first.
func TestHouseSpellingSettlesAMix(t *testing.T) {
	for _, tt := range []struct{ spelling, want string }{{"british", "aluminum"}, {"american", "aluminium"}, {"any", "aluminium"}} {
		cfg := sdktest.Config{PluginOptions: sdk.Options{"spelling": tt.spelling}}
		if got := flagged(check(t, cfg, "Headline\n\nIt is made of aluminum, not aluminium.")); got != tt.want {
			t.Errorf("spelling %s: got %q, want %q", tt.spelling, got, tt.want)
		}
	}
}

func TestSuggestions(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Headline\n\nIt rose 4%. It fell 1.5%. It lost 50 per cent.", "Headline\n\nIt rose 4%. It fell 1.5%. It lost 50%."},
		{"Headline\n\nIt rose 4 pct. It fell 2 pct. It lost 9%.", "Headline\n\nIt rose 4 pct. It fell 2 pct. It lost 9 pct."},
		{"Headline\n\nSend an email. Emails arrive. E-mails pile up.", "Headline\n\nSend an email. Emails arrive. Emails pile up."},
		{"Headline\n\nThe US said. The US agreed. The U.S. left.", "Headline\n\nThe US said. The US agreed. The US left."},
	} {
		// English, as rules.toml's language = "en" says: identification
		// calls some of these three-sentence texts French.
		got := check(t, sdktest.Config{Language: "en"}, tt.in)
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
		{"house says American, one word", "Headline\n\nThe theatre opened.", "american", "theatre"},
		{"one finding per word group", "Headline\n\nThe colour faded. The colours ran.", "american", "colour"},
		{"one word repeated is not a system", "Headline\n\nThe defense said. The defense left. The defense came. It endeavoured to win.", "any", ""},
		{"program is also British", british + "The program crashed.", "any", ""},
		{"programme with too little evidence", "Headline\n\nThe center favored the programme.", "any", ""},
		{"programme in American copy with evidence", "Headline\n\nThe center favored the labor programme. Its color was gray.", "any", "programme"},
		{"analyses is the plural of analysis", "Headline\n\nThe center favored the labor plan. Post-mortem analyses found nothing.", "any", ""},
		{"analyses as a verb", "Headline\n\nThe center favored the labor plan. She analyses the data.", "any", "analyses"},
		{"analyses the noun under a house spelling", "Headline\n\nTwo analyses of the data differ.", "american", ""},
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
	if f := flagged(got); f != "US|%" {
		t.Errorf("got %q, want US|%%", f)
	}
	if len(got) > 0 && (len(got[0].Suggestions) != 2 || len(got[0].Related) != 1) {
		t.Errorf("one finding for both US: %+v", got[0])
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
