package plugins

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/sdktest"
)

// TestEveryRuleIsDocumentedAndDemonstrated: each built-in rule has a
// summary, documentation and an example; the example's "before" is flagged
// by that rule (with the rule switched on) and its "after" is not; and the
// plugin's fixtures (plugins/NAME/testdata) expect the rule somewhere.
func TestEveryRuleIsDocumentedAndDemonstrated(t *testing.T) {
	for _, p := range Builtin {
		fixtures := fixtureText(t, p.Name)
		for _, r := range p.Rules {
			id := p.Name + "/" + r.Name
			t.Run(id, func(t *testing.T) {
				if r.Summary == "" || strings.TrimSpace(r.Doc) == "" {
					t.Errorf("%s needs a summary and documentation", id)
				}
				if r.Example.Before == "" || r.Example.After == "" {
					t.Fatalf("%s needs an example, before and after", id)
				}
				cfg := sdktest.Config{
					PluginOptions: exampleOptions[id],
					Rules:         map[string]sdk.RuleSettings{r.Name: {Enabled: true, Options: exampleRuleOptions[id]}},
					Only:          []string{r.Name},
				}
				// An example is body copy: a headline goes above it, as
				// the plugins' own example tests do. A CMS article (JSON)
				// or a web page (HTML) is taken as it is.
				format, before, after := article.FormatText, "Headline\n\n"+r.Example.Before+"\n", "Headline\n\n"+r.Example.After+"\n"
				if strings.HasPrefix(r.Example.Before, "{") {
					format, before, after = article.FormatJSON, r.Example.Before, r.Example.After
				}
				if strings.HasPrefix(r.Example.Before, "<") { // a web page (HTML), taken as it is
					format, before, after = article.FormatHTML, r.Example.Before, r.Example.After
				}
				check := func(text string) []sdktest.Result { return sdktest.CheckText(t, p, cfg, format, text) }
				if n := crossFile[id]; n > 0 {
					check = func(text string) []sdktest.Result { return checkInRun(t, p, cfg, text, before, after, n) }
				}
				if got := check(before); len(got) == 0 {
					t.Errorf("%s: its example is not flagged:\n%s", id, r.Example.Before)
				}
				if got := check(after); len(got) != 0 {
					t.Errorf("%s: the fixed example is still flagged: %v", id, got)
				}
				want := regexp.MustCompile(`(?m)(^\d+|want)\s+(.*\s)?` + regexp.QuoteMeta(r.Name) + `\s+"`)
				if !want.MatchString(fixtures) {
					t.Errorf("%s: no fixture in plugins/%s/testdata expects it", id, p.Name)
				}
			})
		}
	}
}

// crossFile names the rules that judge an article against the other
// articles of its run (the host's cross-file pre-pass, article.Recurrence):
// one article alone gives them nothing to compare, so their example is
// checked inside a run of this many articles of one source (checkInRun).
var crossFile = map[string]int{
	"strayui/recurring-line": 3,
}

// checkInRun checks text as one of a run of n articles in one directory.
// The other n-1 are the example's before with every line the example keeps
// in its after rewritten to a line of their own: what the example removes
// recurs in every article of the run, the story does not. The host's
// pre-pass (runner.MarkRecurring) marks the run, as copydesk check does.
func checkInRun(t *testing.T, p *sdk.Plugin, cfg sdktest.Config, text, before, after string, n int) []sdktest.Result {
	t.Helper()
	kept := map[string]bool{}
	for _, l := range strings.Split(after, "\n") {
		kept[strings.TrimSpace(l)] = true
	}
	run := []*article.Article{parseExample(t, "desk/0.txt", text)}
	for i := 1; i < n; i++ {
		lines := strings.Split(before, "\n")
		for j, l := range lines {
			if l = strings.TrimSpace(l); l != "" && kept[l] {
				lines[j] = fmt.Sprintf("Line %d of another story of the desk, number %c.", j+1, 'A'+i)
			}
		}
		run = append(run, parseExample(t, fmt.Sprintf("desk/%d.txt", i), strings.Join(lines, "\n")))
	}
	runner.MarkRecurring(run)
	return sdktest.Check(t, p, cfg, run[0])
}

func parseExample(t *testing.T, path, text string) *article.Article {
	t.Helper()
	a, err := article.Parse(path, article.FormatText, []byte(text))
	if err != nil {
		t.Fatalf("parsing the example: %v", err)
	}
	return a
}

// exampleOptions are the plugin settings a rule's example needs to be
// flagged, when it needs any.
var exampleOptions = map[string]sdk.Options{
	// The pronoun check reads the staff roster.
	"byline/bio-pronoun": {"staff": []any{map[string]any{"name": "Jane Doe", "pronouns": "she/her"}}},
}

// exampleRuleOptions are rule settings an example needs.
var exampleRuleOptions = map[string]sdk.Options{
	// The orphan rule reads only articles of some length; the example is
	// two sentences.
	"fragment/orphan": {"min-sentences": 0.0},
}

// fixtureText is every file under plugins/NAME/testdata, concatenated.
func fixtureText(t *testing.T, plugin string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(filepath.Join(plugin, "testdata"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err == nil {
			b.Write(data)
			b.WriteByte('\n')
		}
		return nil
	})
	return b.String()
}
