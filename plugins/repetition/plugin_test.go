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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sdktest.CheckText(t, repetition.Plugin, sdktest.Config{}, article.FormatText, tt.text)
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
