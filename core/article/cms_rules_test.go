package article_test

import (
	"os"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/article/cmstest"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/plugins"
)

// TestCMSFixtureFindings runs the built-in rules in-process over the
// WordPress and ANS fixtures and places each finding as the runner does
// (SourceRange, SourcePosition, Location): the category, the element, and
// the line and column in the JSON file must be the sidecar's. The same
// fixtures go through check, --ndjson, --fix and serve in cmd/copydesk.
func TestCMSFixtureFindings(t *testing.T) {
	for _, name := range cmstest.Fixtures {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(cmstest.Path(name))
			if err != nil {
				t.Fatal(err)
			}
			a, err := article.ParseCMS(name, data)
			if err != nil {
				t.Fatal(err)
			}
			var got []cmstest.Got
			for _, p := range plugins.Builtin {
				s, err := sdk.NewSession(p, nil, nil)
				if err != nil {
					t.Fatal(err)
				}
				found, failures := s.Check(a)
				for _, f := range failures {
					t.Errorf("%s/%s failed: %s", p.Name, f.Rule, f.Error)
				}
				for _, f := range found {
					start, _ := a.SourceRange(f.Span.Start, f.Span.End)
					pos := a.SourcePosition(start)
					got = append(got, cmstest.Got{Line: pos.Line, Column: pos.Column, Rule: p.Name + "/" + f.Rule, Category: f.Category, Location: a.Location(f.Span.Start)})
				}
			}
			cmstest.Check(t, name, data, got, true)
		})
	}
}
