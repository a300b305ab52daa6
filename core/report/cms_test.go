package report

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/article/cmstest"
	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
)

// cmsResult is one finding in the ANS fixture's quote, placed as the
// runner places it.
func cmsResult(t *testing.T) *runner.Result {
	t.Helper()
	data, err := os.ReadFile(cmstest.Path("ans-story.json"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.ParseCMS("ans-story.json", data)
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(a.Text, "takes takes") + len("takes ")
	ss, se := a.SourceRange(at, at+len("takes"))
	p, e := a.SourcePosition(ss), a.SourcePosition(se)
	d := runner.Diagnostic{Rule: "repetition/doubled-word", Category: "repetition", Severity: sdk.Warning, Message: "\"takes\" is repeated",
		Line: p.Line, Column: p.Column, EndLine: e.Line, EndColumn: e.Column, Offset: ss, EndOffset: se,
		Suggestions: []runner.Suggestion{}, Location: a.Location(at)}
	return &runner.Result{Files: []*runner.File{{Path: "ans-story.json", Article: a, Diagnostics: []runner.Diagnostic{d}}}}
}

// TestCMSElementInReports: the JSON report carries the location object,
// SARIF a logical location (the JSON Pointer and a readable name) and still
// validates, and the HTML report names the element.
func TestCMSElementInReports(t *testing.T) {
	r := cmsResult(t)
	const name = "content_elements[4] (quote, _id ELQUOTE4RIDER)"
	const ptr = "/content_elements/4/content_elements/0/content"

	var j struct {
		Files []struct{ Diagnostics []map[string]any }
	}
	if err := json.Unmarshal([]byte(render(t, "json", ciOptions(), r)), &j); err != nil {
		t.Fatal(err)
	}
	loc, _ := j.Files[0].Diagnostics[0]["location"].(map[string]any)
	if loc["pointer"] != ptr || loc["_id"] != "ELQUOTE4RIDER" || loc["index"] != 4.0 || loc["type"] != "quote" || loc["shape"] != "ans" || loc["field"] != "content_elements" {
		t.Errorf("JSON location = %v", loc)
	}

	out := render(t, "sarif", ciOptions(), r)
	validateSARIF(t, sarifValidator(t), out)
	var s struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					LogicalLocations []struct{ Name, FullyQualifiedName, Kind string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	ll := s.Runs[0].Results[0].Locations[0].LogicalLocations
	if len(ll) != 1 || ll[0].Name != name || ll[0].FullyQualifiedName != ptr || ll[0].Kind != "element" {
		t.Errorf("SARIF logical locations = %+v", ll)
	}

	if html := renderHTML(t, r); !strings.Contains(html, "in "+name) {
		t.Errorf("the HTML report does not name the element %q", name)
	}
}
