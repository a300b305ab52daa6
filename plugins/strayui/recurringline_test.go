package strayui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/sdktest"
)

// Each heuristic fires on its positive example and not on its negative.
// An example's second line, when it has one, is the article's next line,
// which does not recur.
func TestRecurringHeuristics(t *testing.T) {
	cand := func(s string) *recurCand {
		line, next, _ := strings.Cut(s, "\n")
		return &recurCand{text: line, next: next}
	}
	for _, h := range recurringHeuristics {
		if !h.Test(cand(h.Positive)) {
			t.Errorf("%s: does not fire on its positive example %q", h.Name, h.Positive)
		}
		if h.Test(cand(h.Negative)) {
			t.Errorf("%s: fires on its negative example %q", h.Name, h.Negative)
		}
	}
	story := func(s string) *recurStory {
		st := &recurStory{}
		fmt.Sscanf(s, "%d of %d", &st.recurring, &st.prose)
		return st
	}
	if !hVersions.Test(story(hVersions.Positive)) || hVersions.Test(story(hVersions.Negative)) {
		t.Errorf("%s: wrong on its examples", hVersions.Name)
	}
	for _, s := range []string{"Reporting by Ana Ruiz; Editing by Tom Hale", "(dpa/AFP)", "ans/dpa/rtr", "ENDS", "Mit Material von dpa", "Additional reporting by Tom Hale in Lisbon", "On the Net:"} {
		if !hCreditLine.Test(cand(s)) {
			t.Errorf("credit-line: does not fire on %q", s)
		}
	}
	for _, s := range []string{"Sign up for our newsletter", "Most Popular", "Related Coverage", "By continuing you agree to our terms", "By signing up, you agree to receive emails"} {
		if hCreditLine.Test(cand(s)) || hDateline.Test(cand(s)) {
			t.Errorf("credit-line or dateline fires on furniture %q", s)
		}
	}
}

// runOf parses texts as one run of files in one directory and marks it as
// copydesk check does.
func runOf(t *testing.T, texts ...string) []*article.Article {
	t.Helper()
	var out []*article.Article
	for i, s := range texts {
		a, err := article.Parse(fmt.Sprintf("desk/%c.txt", 'a'+i), article.FormatText, []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	runner.MarkRecurring(out)
	return out
}

func recurringFindings(t *testing.T, opts sdk.Options, a *article.Article) []sdktest.Result {
	t.Helper()
	cfg := sdktest.Config{Rules: map[string]sdk.RuleSettings{"recurring-line": {Enabled: true, Options: opts}}, Only: []string{"recurring-line"}}
	return sdktest.Check(t, Plugin, cfg, a)
}

func story(n int, tail string) string {
	words := []string{"harbour", "ferry", "crane", "berth", "pilot", "tug", "quay", "dock", "marina", "lighthouse"}
	return fmt.Sprintf("Story %d\n\nThe council met and agreed a plan of its own for the %s.\n\n%s\n", n, words[n%len(words)], tail)
}

func TestRecurringThresholds(t *testing.T) {
	const box = "Subscribe to the Coast Weekly for more"
	// 3 of 10 files: over the default minimum (3) and share (0.25).
	texts := []string{story(1, box), story(2, box), story(3, box)}
	for i := 4; i <= 10; i++ {
		texts = append(texts, story(i, ""))
	}
	arts := runOf(t, texts...)
	got := recurringFindings(t, nil, arts[0])
	if len(got) != 1 || got[0].Text != box || got[0].Line != 5 || !strings.Contains(got[0].Message, "in 3 of the 10 articles from desk/ (also in b.txt, c.txt)") {
		t.Fatalf("default thresholds: %v", got)
	}
	if got := recurringFindings(t, nil, arts[4]); len(got) != 0 {
		t.Errorf("an article without the line: %v", got)
	}
	// A higher share or minimum silences it.
	if got := recurringFindings(t, sdk.Options{"recurring_share": 0.5}, arts[0]); len(got) != 0 {
		t.Errorf("share 0.5: %v", got)
	}
	if got := recurringFindings(t, sdk.Options{"recurring_min_files": int64(4)}, arts[0]); len(got) != 0 {
		t.Errorf("min files 4: %v", got)
	}
	// The allow-list, exact or by prefix, compared as the pre-pass
	// compares lines.
	for _, allow := range []string{"subscribe to the  COAST weekly for more", "Subscribe to the Coast*"} {
		if got := recurringFindings(t, sdk.Options{"recurring_allow": []any{allow}}, arts[0]); len(got) != 0 {
			t.Errorf("allowed by %q: %v", allow, got)
		}
	}
	// Two files are below the minimum.
	if got := recurringFindings(t, nil, runOf(t, story(1, box), story(2, box))[0]); len(got) != 0 {
		t.Errorf("two files: %v", got)
	}
}

func TestRecurringSilentAlone(t *testing.T) {
	// One article, as the language server or stdin checks it: nil
	// Recurrence, nothing to say.
	a, err := article.Parse("a.txt", article.FormatText, []byte(story(1, "Subscribe to the Coast Weekly for more")))
	if err != nil {
		t.Fatal(err)
	}
	if got := recurringFindings(t, nil, a); len(got) != 0 {
		t.Errorf("single article: %v", got)
	}
}

func TestRecurringBadOptions(t *testing.T) {
	// Wrong values are refused when the session starts (Rule.Validate),
	// naming the rule and the option, before any article is read.
	for _, opts := range []sdk.Options{{"recurring_min_files": int64(1)}, {"recurring_share": 0.0}, {"recurring_share": 1.5}} {
		_, err := sdk.NewSession(Plugin, nil, map[string]sdk.RuleSettings{"recurring-line": {Enabled: true, Options: opts}})
		if err == nil || !strings.Contains(err.Error(), "rule recurring-line: recurring_") {
			t.Errorf("%v: want the session refused naming the option, got %v", opts, err)
		}
	}
}

// The rule's example, checked inside a run as plugins/docs_test.go does
// (TestRuleExamples skips this cross-file rule).
func TestRecurringExample(t *testing.T) {
	before, after := "Headline\n\n"+RecurringLine.Example.Before+"\n", "Headline\n\n"+RecurringLine.Example.After+"\n"
	sibling := strings.Replace(before, strings.SplitN(RecurringLine.Example.Before, "\n", 2)[0], "A paragraph of another story.", 1)
	sibling = strings.Replace(sibling, "Headline", "Another headline", 1)
	if got := recurringFindings(t, nil, runOf(t, before, sibling, strings.Replace(sibling, "another", "a third", 1))[0]); len(got) != 1 {
		t.Errorf("example before: %v, want one finding", got)
	}
	if got := recurringFindings(t, nil, runOf(t, after, sibling, strings.Replace(sibling, "another", "a third", 1))[0]); len(got) != 0 {
		t.Errorf("example after: %v", got)
	}
}

// Versions of one story checked together: their shared paragraphs are the
// story, not furniture.
func TestRecurringVersionsOfOneStory(t *testing.T) {
	body := "The council voted on Tuesday to close the northern berths for repairs after the storm.\n\n" +
		"Members voted five to two.\n\n" +
		"Ships will use the southern terminal until the fenders are replaced, the harbour master said.\n\n" +
		"Subscribe to the Coast Weekly for more"
	var texts []string
	for i, update := range []string{"first", "second", "third"} {
		texts = append(texts, fmt.Sprintf("Berths close, version %d\n\nThe %s update of the story adds a line of news that none of the others carry.\n\n%s\n", i+1, update, body))
	}
	// Their shared sentences, short ones too, are not reported; the
	// newsletter line, a label, still is.
	if got := recurringFindings(t, nil, runOf(t, texts...)[0]); len(got) != 1 || got[0].Text != "Subscribe to the Coast Weekly for more" {
		t.Errorf("versions of one story: %v, want only the newsletter line", got)
	}
}
