package repetition_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/sdktest"
	"github.com/copydesk/copydesk/plugins/repetition"
)

func TestFixtures(t *testing.T) {
	sdktest.Run(t, sdktest.TestData(), repetition.Plugin)
}

func TestRepeats(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // text of the reported duplicate copies, in order
	}{
		{"doubled article", "Headline\n\nWe saw the the car.", []string{"the"}},
		{"capitalised article after a colon", "Headline\n\nRead more: The the council elections next year", []string{"the"}},
		{"capitalised letter before its double", "Headline\n\nIt was influenza A, a viral strain.", nil},
		{"doubled with comma", "Headline\n\nHe said the, the car was red.", []string{"the"}},
		{"phrase with comma", "Headline\n\nIt was the result of, the result of a deal.", []string{"the result of"}},
		{"phrase without comma", "Headline\n\nIt was the result of the result of a deal.", []string{"the result of"}},
		{"phrase across hard wrap", "Headline\n\nIf we want to make sure, if we\nwant to make sure, we act.", []string{"if we\nwant to make sure"}},
		{"case differs", "Headline\n\nSouth Korea's top car maker, south Korea's top car maker said so.", []string{"south Korea's top car maker"}},
		{"doubled comma", "Headline\n\nIt was 79 mln a year earlier,, a year earlier, when it fell.", []string{"a year earlier"}},
		{"colon", "Headline\n\nHe was told two things:, told two things: no.", []string{"told two things"}},
		{"longest repeat wins", "Headline\n\nThe pair missed, the pair missed a test.", []string{"the pair missed"}},
		{"capitalised words in lower-case copy", "Headline\n\nThe cuts on Australia in on Australia in the coming year hurt.", []string{"on Australia in"}},
		{"brackets carried with the copy", "Headline\n\nIt paid more than 75 cts (U.S.), than 75 cts (U.S.) a share.", []string{"than 75 cts (U.S"}},
		{"dash carried with the copy", "Headline\n\nJOHANNESBURG - Finance Minister, - Finance Minister Trevor Manuel spoke.", []string{"Finance Minister"}},
		{"apostrophe carried with the copy", "Headline\n\nThe share of the parents', the parents' income fell.", []string{"the parents"}},
		{"a title after a preposition", "Headline\n\nSimon McBurney for Measure for Measure won.", nil},
		{"emphasis across sentences", "Headline\n\n\"I am saved! I am saved!\" he cried.", nil},
		{"had had", "Headline\n\nShe had had enough.", nil},
		{"that that", "Headline\n\nHe said that that plan failed.", nil},
		{"very, very", "Headline\n\nIt was very, very cold.", nil},
		{"very very", "Headline\n\nIt was very very cold.", nil},
		{"many, many", "Headline\n\nMany, many people came.", nil},
		{"no, no", "Headline\n\n\"No, no,\" he said.", nil},
		{"bye-bye", "Headline\n\nIt was bye-bye to the old plan.", nil},
		{"emphatic content word", "Headline\n\nSlowly, slowly the water rose.", nil},
		{"name", "Headline\n\nHe was born in Walla Walla in 1950.", nil},
		{"title", "Headline\n\nShe directed Measure for Measure last year.", nil},
		{"numbers", "Headline\n\nThe scores were 10 10 and 9.", nil},
		{"across sentences", "Headline\n\nHe left. He left again the next day.", nil},
		{"different blocks", "Headline\n\nThe council met\n\nthe council met again.", nil},
		{"her her", "Headline\n\nHe gave her her keys.", nil},
		{"what it was was", "Headline\n\nWhat it was was a mistake.", nil},
		{"what it is is", "Headline\n\nWhat it is is a mess.", nil},
		// Doubles that are always slips.
		{"was was", "Headline\n\nThe vote was was delayed.", []string{"was"}},
		{"in in", "Headline\n\nSome families live in in Scottsdale.", []string{"in"}},
		{"We we", "Headline\n\nWe we will go on.", []string{"we"}},
		{"the the at a line break", "Headline\n\nWe saw the\nthe car.", []string{"the"}},
		{"The the at a sentence start", "Headline\n\nIt rained. The the council met anyway.", []string{"the"}},
		{"is is outside a pseudo-cleft", "Headline\n\nThe problem is is that nobody came.", []string{"is"}},
		{"was was after a cleft in another sentence", "Headline\n\nWhat he said was clear. The vote was was delayed.", []string{"was"}},
		{"by by", "Headline\n\nAccompanied by by his aide, he left.", []string{"by"}},
		{"phrase pasted twice", "Headline\n\nThe statistics put the figure at put the figure at 3,900 acres.", []string{"put the figure at"}},
		// Doubles with a reason in their context.
		{"all it was was", "Headline\n\nAll it was was a mistake.", nil},
		{"particle after its object", "Headline\n\nI'd turn him in in a heartbeat.", nil},
		{"particle directly after the verb", "Headline\n\nThey will carry on on Monday.", nil},
		{"particle after a function word", "Headline\n\nThe vote is set for the on on Monday.", []string{"on"}},
		{"three copies of a word", "Headline\n\nHe looked, was turned down, and yada yada yada, he bought it.", nil},
		{"three copies of a phrase", "Headline\n\n\"They fought it and fought it and fought it,\" he said.", nil},
		{"three copies with commas", "Headline\n\n\"Watch out, the indicator, the indicator, the indicator!\"", nil},
		{"coordinator reduplication", "Headline\n\nAnd on and on. The list grew.", nil},
		{"from X to X", "Headline\n\nThey move from state to state and from country to country to find schools.", nil},
		{"range end repeats its start", "Headline\n\nThe bill raises the penalty from 25 years to life in prison, to life in prison without parole.", nil},
		{"reduplicated word", "Headline\n\nThe rest was blah blah, he said, from way way back.", nil},
		{"proper name", "Headline\n\nShe grew up with Duran Duran records.", nil},
		{"emphasis in quoted speech", "Headline\n\n\"Wait, wait!\" she cried.", nil},
		{"a letter before a", "Headline\n\nThe illness was influenza A, a viral infection.", nil},
		{"heading line before its paragraph", "Headline\n\nMartin Margiela for Men\nFor men who like suits, this is news.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// English copy, as rules.toml's language = "en" would declare it:
			// some of these lines are too short, or too full of names, for
			// identification to call them English.
			got := sdktest.CheckText(t, repetition.Plugin, sdktest.Config{Language: "en"}, article.FormatText, tt.text)
			var texts []string
			for _, r := range got {
				texts = append(texts, r.Text)
			}
			if strings.Join(texts, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", texts, tt.want)
			}
		})
	}
}

// checkLang checks text under a headline as an article in lang.
func checkLang(t *testing.T, lang, text string) []sdktest.Result {
	t.Helper()
	return sdktest.CheckText(t, repetition.Plugin, sdktest.Config{Language: lang}, article.FormatText, "Headline\n\n"+text)
}

// TestGerman checks German doubles with the German lists, the host having
// decided the language. (The plugin never guesses: an article whose
// language was not decided is read with the English lists.)
func TestGerman(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"relative pronoun and article", "Kinder, die die vierte Klasse besuchen, lernen gern.", nil},
		{"after a preposition", "Das Haus, in der der Bursch lebt, ist alt.", nil},
		{"subject and object pronoun", "Dass sie sie gesehen hat, ist klar.", nil},
		{"verb at a clause boundary", "Wo er zu finden ist, ist unklar.", nil},
		{"demonstrative and relative", "Es hilft nur die, die handeln.", nil},
		{"noun and verb", "Sie sagt, die Macht macht ehrlich.", nil},
		{"coordinator reduplication", "Sie spielten Tag und Nacht und Nacht zum Tag.", nil},
		{"sentence in one copy only", "Er ging nach Syrien. Drahtzieher Der Drahtzieher der Anschläge ist bekannt.", nil},
		{"als als", "Sie verdienen mehr als als ein Tagelöhner.", []string{"als"}},
		{"nach nach", "Die Entscheidungen sollen nach nach dem Konsens fallen.", []string{"nach"}},
		{"die die at a sentence start", "Es regnete. Die die Stadt regieren, schweigen.", []string{"die"}},
		{"phrase pasted twice", "Flügeltüren und andere Aspekte und andere Aspekte machen ihn teuer.", []string{"und andere Aspekte"}},
	}
	for _, tt := range tests {
		got := checkLang(t, "de", tt.text)
		var texts []string
		for _, r := range got {
			texts = append(texts, r.Text)
		}
		if strings.Join(texts, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: got %q, want %q", tt.name, texts, tt.want)
		}
	}
	// English rules of thumb do not excuse German slips, nor German ones
	// English slips: "die die" is an English slip only as a word of the text.
	if got := checkLang(t, "en", "Headline text. They said that die die is German."); len(got) != 1 {
		t.Errorf("English article: got %v, want the English reading (one finding)", got)
	}
}

// TestQuotedSpeech checks that a finding inside a direct quotation says so,
// and one outside does not.
func TestQuotedSpeech(t *testing.T) {
	for _, tt := range []struct {
		text   string
		quoted bool
	}{
		{"\"We want to see the figures before, we want to see the figures before anyone signs,\" she said.", true},
		{"\"We have to see,\" she said.\n\"We will ask the the council.\n\"Then we decide,\" she said.", true},
		{"She said they want to see the figures before, want to see the figures before anyone signs.", false},
		{"Ketel One got an A+ for its \"clean finish — married life can be can be a morass.", false}, // never closed: no quotation known
	} {
		got := sdktest.CheckText(t, repetition.Plugin, sdktest.Config{}, article.FormatText, "Headline\n\n"+tt.text)
		if len(got) != 1 {
			t.Fatalf("%q: want one finding, got %v", tt.text, got)
		}
		if q := strings.Contains(got[0].Message, "in quoted speech"); q != tt.quoted {
			t.Errorf("%q: message %q, want quoted=%v", tt.text, got[0].Message, tt.quoted)
		}
	}
}

func TestLanguagesDeclared(t *testing.T) {
	for _, r := range repetition.Plugin.Rules {
		if len(r.Languages) == 0 {
			t.Errorf("rule %s declares no Languages", r.Name)
		}
	}
}

// TestRuleSplit checks that single words and phrases go to their own rules
// and that a phrase is never also reported as a doubled word.
func TestRuleSplit(t *testing.T) {
	got := sdktest.CheckText(t, repetition.Plugin, sdktest.Config{}, article.FormatText,
		"Headline\n\nWe saw the the car. The car, the car was red.")
	var rules []string
	for _, r := range got {
		rules = append(rules, r.Rule+":"+r.Text)
	}
	if want := "doubled-word:the|repeated-phrase:the car"; strings.Join(rules, "|") != want {
		t.Errorf("got %q, want %q", rules, want)
	}
	off := sdktest.Config{Rules: map[string]sdk.RuleSettings{"repeated-phrase": {Enabled: false}}}
	if got := sdktest.CheckText(t, repetition.Plugin, off, article.FormatText, "Headline\n\nThe car, the car was red."); len(got) != 0 {
		t.Errorf("with repeated-phrase off, a phrase was reported as: %v", got)
	}
}

// TestSuggestionDeletesCopy checks that applying the suggestion leaves one
// copy and a well-formed sentence.
func TestSuggestionDeletesCopy(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Headline\n\nIt was the result of, the result of a deal.", "Headline\n\nIt was the result of a deal."},
		{"Headline\n\nWe saw the the car.", "Headline\n\nWe saw the car."},
	} {
		got := sdktest.CheckText(t, repetition.Plugin, sdktest.Config{}, article.FormatText, tt.in)
		if len(got) != 1 || len(got[0].Suggestions) != 1 {
			t.Fatalf("%q: want one finding with one suggestion, got %v", tt.in, got)
		}
		s := got[0].Suggestions[0]
		if s.Replacement != "" {
			t.Errorf("%q: suggestion replaces with %q, want a deletion", tt.in, s.Replacement)
		}
		if fixed := apply(tt.in, s); fixed != tt.want {
			t.Errorf("fixed %q, want %q", fixed, tt.want)
		}
	}
}

func apply(text string, s sdk.Suggestion) string {
	return text[:s.Span.Start] + s.Replacement + text[s.Span.End:]
}

func TestRuleDocs(t *testing.T) {
	for _, r := range repetition.Plugin.Rules {
		if r.Summary == "" || r.Doc == "" || r.Example.Before == "" || r.Example.After == "" || r.Category != sdk.CategoryRepetition {
			t.Errorf("rule %s: Summary, Doc, Example and category %q are required", r.Name, sdk.CategoryRepetition)
		}
		only := sdktest.Config{Rules: map[string]sdk.RuleSettings{}}
		for _, o := range repetition.Plugin.Rules {
			only.Rules[o.Name] = sdk.RuleSettings{Enabled: o == r}
		}
		got := sdktest.CheckText(t, repetition.Plugin, only, article.FormatText, "Headline\n\n"+r.Example.Before)
		if len(got) == 0 {
			t.Errorf("rule %s: its example's Before is not flagged", r.Name)
		}
		if got := sdktest.CheckText(t, repetition.Plugin, only, article.FormatText, "Headline\n\n"+r.Example.After); len(got) != 0 {
			t.Errorf("rule %s: its example's After is flagged: %v", r.Name, got)
		}
	}
}

// TestDevSet scores the plugin on the shared dev set and on clean
// professional copy (skipped when ../shared is absent).
func TestDevSet(t *testing.T) {
	sdktest.Score(t, repetition.Plugin, sdktest.Config{}, sdk.CategoryRepetition).Require(t, sdk.CategoryRepetition,
		sdktest.Targets{Recall: 0.8, Precision: 0.9, MaxControl: 0, MaxClean: 1})
}

// TestLineBreakInEveryFormat checks "the the" split by a line break in
// Markdown (a soft break) and HTML (<br>).
func TestLineBreakInEveryFormat(t *testing.T) {
	for _, tt := range []struct {
		format article.Format
		text   string
	}{
		{article.FormatMarkdown, "# Headline\n\nWe saw the\nthe car.\n"},
		{article.FormatHTML, "<h1>Headline</h1><p>We saw the<br>the car.</p>"},
	} {
		got := sdktest.CheckText(t, repetition.Plugin, sdktest.Config{}, tt.format, tt.text)
		if len(got) != 1 || got[0].Rule != "doubled-word" || got[0].Text != "the" {
			t.Errorf("%s: got %v, want one doubled-word on \"the\"", tt.format, got)
		}
	}
}
