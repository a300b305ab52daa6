package plugins

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
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
				if got := sdktest.CheckText(t, p, cfg, format, before); len(got) == 0 {
					t.Errorf("%s: its example is not flagged:\n%s", id, r.Example.Before)
				}
				if got := sdktest.CheckText(t, p, cfg, format, after); len(got) != 0 {
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
