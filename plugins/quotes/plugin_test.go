package quotes_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/sdktest"
	"github.com/copydesk/copydesk/plugins/quotes"
)

func TestFixtures(t *testing.T) {
	sdktest.Run(t, sdktest.TestData(), quotes.Plugin)
}

func check(t *testing.T, cfg sdktest.Config, text string) []sdktest.Result {
	t.Helper()
	return sdktest.CheckText(t, quotes.Plugin, cfg, article.FormatText, "Headline\n\n"+text)
}

func rules(rs []sdktest.Result) string {
	var names []string
	for _, r := range rs {
		names = append(names, r.Rule)
	}
	return strings.Join(names, ",")
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // rules reported, in order
	}{
		{"balanced straight", `"Yes," he said. "We will."`, ""},
		{"balanced curly", `“Yes,” he said. “We will.”`, ""},
		{"low-9 with curly close", `„Yes,” he said.`, "low-opening-quote"},
		{"low-9 with straight close", `„Yes," he said.`, "low-opening-quote"},
		{"unclosed at end of article", `"Yes, he said.`, "unclosed-quote"},
		{"unclosed, next paragraph plain", "\"Yes, he said.\n\nThe talks resumed.", "unclosed-quote"},
		{"multi-paragraph quotation", "\"We will go on.\n\n\"And we will win,\" he said.", ""},
		{"multi-paragraph curly", "“We will go on.\n\n“And we will win,” he said.", ""},
		{"attribution inside the open quote", "\"We will go on, he said.\n\n\"And we will win.\"", "unclosed-quote"},
		{"named attribution inside", "\"We will go on, Minister Jane Doe told reporters.\n\n\"And we will win.\"", "unclosed-quote"},
		{"the official said inside", "\"We will decide in spring, the mayor said.\n\n\"It is a fair plan.\"", "unclosed-quote"},
		{"according to inside", "\"Punishing intervention is coming, according to Horner.\n\n\"It is near.\"", "unclosed-quote"},
		{"partial quote runs to the end", "He called it \"a gamble with savings.\n\n\"We disagree,\" she said.", "unclosed-quote"},
		{"continued quote after attribution", "\"We will go on,\" he said. \"We will not stop, whatever they say.\n\n\"And we will win.\"", ""},
		{"said as a participle in a continued quote", "\"The report, said to be damning, will come out.\n\n\"Soon,\" he said.", ""},
		{"said the minister", "\"It will come out, said the minister.\n\n\"Soon,\" he said.", "unclosed-quote"},
		{"a related link inside a running quotation", "\"We will go on.\n\nREAD\u00a0 Storm closes ports along the coast\n\n\"And we will win,\" he said.", ""},
		{"a subhead inside a running quotation", "“We will go on.\n\nAdvertisement\n\n“And we will win,” he said.", ""},
		{"a sentence between is no furniture", "\"We will go on.\n\nThe talks resumed.\n\n\"And we will win,\" he said.", "unclosed-quote"},
		{"three paragraphs", "\"One.\n\n\"Two.\n\n\"Three,\" he said.", ""},
		{"second opens before first closes", `"Yes, he said. "We will."`, "unclosed-quote"},
		{"apostrophes", `China’s leaders don’t like rock ’n’ roll from the ’90s.`, ""},
		{"straight apostrophes", `China's leaders don't like rock 'n' roll from the '90s.`, ""},
		{"single inside double", `"He told me 'never again'," she said.`, ""},
		{"headline single quotes", `Mayor says bypass 'would cut toll'`, ""},
		{"inch marks", `The 12" tiles and 40' containers arrived.`, ""},
		{"inch mark inside a quotation", `"They sent 12" tiles," he said.`, ""},
		{"closing with no opening", `and that was that," he said.`, "unopened-quote"},
		{"quote ends with dash", `"I was going to say --" he began.`, ""},
		{"quote after colon", `He said: "It is over."`, ""},
		{"quote after colon without space", `He said:"It is over."`, ""},
		{"no space after closing", `"It is over,"he said. "We lost."`, ""},
		{"unclosed after colon without space", "He said:\"It is over.\n\nThe talks resumed.", "unclosed-quote"},
		{"quote in parentheses", `The plan ("Project X") failed.`, ""},
		// One paragraph a line, as wire copy is stored.
		{"running quotation opened mid-paragraph, one paragraph a line", "\"We tried,\" he said. \"They refused.\n\"So we left,\" he said.", ""},
		{"running quotation opened mid-paragraph, blank lines", "\"We tried,\" he said. \"They refused.\n\n\"So we left,\" he said.", ""},
		{"running quotation at paragraph start, one paragraph a line", "\"We tried.\n\"So we left,\" he said.", ""},
		{"attribution inside, one paragraph a line", "\"We will go on, he said.\n\"And we will win.\"", "unclosed-quote"},
		{"partial quote, one paragraph a line", "He called it \"a gamble with savings.\n\"We disagree,\" she said.", "unclosed-quote"},
		{"resumed after an attribution is not partial", "\"It will not surprise them,\" he said, \"because they watch closely.\n\"They know,\" he said.", ""},
		{"unclosed, next line another quotation mid-line", "He said: \"We tried.\nLater she said: \"No.\"", "unclosed-quote"},
		{"bracketed quotation inside a quotation", `"If ("Phantom") fails, we lose," he said.`, ""},
		{"closed by a converted single mark", `He said China was "moving away from fear,' even so.`, ""},
		{"closed by a converted single mark at paragraph end", `"It is the worst abuse.'`, ""},
		{"converted mark does not close a single quote inside", `"He told me 'never again,' then left," she said.`, ""},
		{"opened by a converted single mark", `'The permit was misused," said Rosenberg.`, ""},
		{"stray closing mark", `The work would be done by the end of the week." No date was set.`, "unopened-quote"},
		{"stray closing mark before attribution", `Prices will rise," said the analyst.`, "unopened-quote"},
		{"curly stray closing mark", `The work would be done soon,” he said.`, "unopened-quote"},
		{"bracket closed by a quotation mark", `It was (a mismatched pair” like this.`, "unopened-quote"},
		{"doubled closing", `"We are done."" he said.`, "unopened-quote"},
		{"quotation left open, closed in the next paragraph", "\"We will go on.\n\nAnd we will win,\" he said.", "unclosed-quote"},
		{"closing mark at the start of a wrapped line", "\"We will go on and we will\n\" he said, \"win.\"", ""},
		{"ditto mark", "Apples  3\nPears  \"  \"", ""},
		{"seconds of arc", `The site lies at 45°30'15" north.`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rules(check(t, sdktest.Config{}, tt.text)); got != tt.want {
				t.Errorf("got [%s], want [%s]", got, tt.want)
			}
		})
	}
}

func TestLowOpeningSuggestion(t *testing.T) {
	for _, tt := range []struct {
		style, text, want string
	}{
		{"any", `„Yes,” he said.`, `“Yes,” he said.`},
		{"curly", `„Yes“, he said, and that was all he said.`, `“Yes”, he said, and that was all he said.`},
		{"straight", `„Yes," he said.`, `"Yes," he said.`},
	} {
		cfg := sdktest.Config{PluginOptions: sdk.Options{"style": tt.style}, Rules: map[string]sdk.RuleSettings{"low-opening-quote": {Enabled: true}}}
		got := check(t, cfg, tt.text)
		var low []sdktest.Result
		for _, r := range got {
			if r.Rule == "low-opening-quote" {
				low = append(low, r)
			}
		}
		if len(low) != 1 {
			t.Fatalf("%s: want one low-opening finding, got %v", tt.text, got)
		}
		if fixed := applyAll("Headline\n\n"+tt.text, low[0].Suggestions); fixed != "Headline\n\n"+tt.want {
			t.Errorf("style %s: fixed %q, want %q", tt.style, fixed, tt.want)
		}
	}
}

func TestHouseStyle(t *testing.T) {
	text := "“Yes,” he said. \"We will.\"\n\n“Soon,” she said."
	for _, tt := range []struct{ style, want string }{
		{"any", "mixed-style"},      // the straight one is the minority
		{"curly", "mixed-style"},    // the straight one breaks house style
		{"straight", "mixed-style"}, // both curly ones do
	} {
		cfg := sdktest.Config{PluginOptions: sdk.Options{"style": tt.style}}
		got := check(t, cfg, text)
		want := 1
		if tt.style == "straight" {
			want = 2
		}
		if len(got) != want || rules(got[:1]) != tt.want {
			t.Errorf("style %s: got %v, want %d %s", tt.style, got, want, tt.want)
		}
	}
	// A tie under "any" says nothing about which style is the slip.
	if got := check(t, sdktest.Config{}, "“Yes,” he said. \"We will.\""); len(got) != 0 {
		t.Errorf("tie: got %v, want nothing", got)
	}
	// A quotation opened in one style and closed in the other.
	if got := rules(check(t, sdktest.Config{}, "“Yes,\" he said.")); got != "mixed-style" {
		t.Errorf("mismatched pair: got [%s]", got)
	}
}

func TestBadStyleOption(t *testing.T) {
	if _, err := sdk.NewSession(quotes.Plugin, sdk.Options{"style": "fancy"}, nil); err == nil {
		t.Error("style \"fancy\" accepted")
	}
}

func applyAll(text string, ss []sdk.Suggestion) string {
	// Apply from the end so earlier spans stay valid.
	for i := len(ss) - 1; i >= 0; i-- {
		s := ss[i]
		text = text[:s.Span.Start] + s.Replacement + text[s.Span.End:]
	}
	return text
}

func TestRuleDocs(t *testing.T) {
	for _, r := range quotes.Plugin.Rules {
		if r.Summary == "" || r.Doc == "" || r.Example.Before == "" || r.Example.After == "" || r.Category != sdk.CategoryQuotes {
			t.Errorf("rule %s: Summary, Doc, Example and category %q are required", r.Name, sdk.CategoryQuotes)
		}
		only := sdktest.Config{Rules: map[string]sdk.RuleSettings{}}
		for _, o := range quotes.Plugin.Rules {
			only.Rules[o.Name] = sdk.RuleSettings{Enabled: o == r}
		}
		if got := check(t, only, r.Example.Before); len(got) == 0 {
			t.Errorf("rule %s: its example's Before is not flagged", r.Name)
		}
		if got := check(t, only, r.Example.After); len(got) != 0 {
			t.Errorf("rule %s: its example's After is flagged: %v", r.Name, got)
		}
	}
}

// TestDevSet scores the plugin on the shared dev set and on clean
// professional copy (skipped when ../shared is absent).
func TestDevSet(t *testing.T) {
	sdktest.Score(t, quotes.Plugin, sdktest.Config{}, sdk.CategoryQuotes).Require(t, sdk.CategoryQuotes,
		sdktest.Targets{Recall: 0.8, Precision: 0.9, MaxControl: 0, MaxClean: 1})
}

// checkLang checks text under a headline as an article in lang.
func checkLang(t *testing.T, lang, text string) []sdktest.Result {
	t.Helper()
	return sdktest.CheckText(t, quotes.Plugin, sdktest.Config{Language: lang}, article.FormatText, "Headline\n\n"+text)
}

// TestLanguages checks that attribution is read in the article's language
// and that the English-only rule stays out of German copy.
func TestLanguages(t *testing.T) {
	for _, tt := range []struct{ lang, text, want string }{
		{"de", "\"Wir machen weiter, sagte der Minister.\n\n\"Und wir gewinnen.\"", "unclosed-quote"},
		{"de", "\"Wir machen weiter, so der Minister.\n\n\"Und wir gewinnen.\"", "unclosed-quote"},
		{"de", "\"Wir machen weiter.\n\n\"Und wir gewinnen\", sagte er.", ""},
		{"de", "„Wir machen weiter“, sagte er.", ""},
		{"en", "„We go on,” he said.", "low-opening-quote"},
		{"de", "„We go on,” he said.", ""}, // the host decided German
		{"en", "\"We will go on, he said.\n\n\"And we will win.\"", "unclosed-quote"},
	} {
		if got := rules(checkLang(t, tt.lang, tt.text)); got != tt.want {
			t.Errorf("%s %q: got [%s], want [%s]", tt.lang, tt.text, got, tt.want)
		}
	}
	for _, r := range quotes.Plugin.Rules {
		if len(r.Languages) == 0 {
			t.Errorf("rule %s declares no Languages", r.Name)
		}
	}
}

func TestUnopenedMessages(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{`It was (a mismatched pair” like this.`, "closes a bracket"},
		{`Prices will rise," said the analyst.`, "no opening mark in its paragraph"},
	} {
		got := check(t, sdktest.Config{}, tt.text)
		if len(got) != 1 || !strings.Contains(got[0].Message, tt.want) {
			t.Errorf("%q: got %v, want one finding saying %q", tt.text, got, tt.want)
		}
	}
}
