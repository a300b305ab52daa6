package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
)

// ciStory has a character outside the Basic Multilingual Plane before the
// finding on line 3, so a column counted in UTF-16 units would be off by one.
const ciStory = "Council approves budget\n\nThe 🏛 council approved the the budget, 50% \"for\" it.\n\nThe mayor said: yes.\n"

// ciResult builds a result over ciStory with findings placed by their text,
// as the runner would: byte offsets into the source, lines and character
// columns.
func ciResult(t *testing.T) *runner.Result {
	t.Helper()
	a, err := article.Parse("desk/story one.txt", article.FormatText, []byte(ciStory))
	if err != nil {
		t.Fatal(err)
	}
	place := func(needle string) (off, end int, p1, p2 article.Position) {
		off = strings.Index(ciStory, needle)
		if off < 0 {
			t.Fatalf("%q not in story", needle)
		}
		end = off + len(needle)
		return off, end, a.SourcePosition(off), a.SourcePosition(end)
	}
	o1, e1, p1, q1 := place("the the")
	o2, e2, p2, q2 := place("yes")
	ro, re, rp, rq := place("Council")
	_, _, _ = ro, re, rq
	so, se, sp, sq := place("the ")
	_ = so
	return &runner.Result{
		Files: []*runner.File{
			{Path: "desk/story one.txt", Article: a, Diagnostics: []runner.Diagnostic{
				{Rule: "repetition/doubled-word", Category: "repetition", Severity: sdk.Warning,
					Line: p1.Line, Column: p1.Column, EndLine: q1.Line, EndColumn: q1.Column, Offset: o1, EndOffset: e1,
					Message:     "\"the\" is repeated, 100%\nsure: yes, really",
					Suggestions: []runner.Suggestion{{Line: sp.Line, Column: sp.Column, EndLine: sq.Line, EndColumn: sq.Column, Offset: so, EndOffset: se, Replacement: ""}},
					Related:     []runner.Related{{Line: rp.Line, Column: rp.Column, EndLine: rq.Line, EndColumn: rq.Column, Message: "the headline"}}},
				{Rule: "quotes/colon-quote", Category: "quotes", Severity: sdk.Error,
					Line: p2.Line, Column: p2.Column, EndLine: q2.Line, EndColumn: q2.Column, Offset: o2, EndOffset: e2,
					Message: "a quotation without quotation marks", Suggestions: []runner.Suggestion{{Line: p2.Line, Column: p2.Column, EndLine: q2.Line, EndColumn: q2.Column, Offset: o2, EndOffset: e2, Replacement: "\"yes\"", Description: "quote it"}}},
				{Rule: "style/info-only", Category: "consistency", Severity: sdk.Info,
					Line: p2.Line, Column: p2.Column, EndLine: q2.Line, EndColumn: q2.Column, Offset: o2, EndOffset: e2,
					Message: "an info finding", Suggestions: []runner.Suggestion{}},
			}},
			{Path: "desk/clean.txt", Diagnostics: []runner.Diagnostic{}},
			{Path: "desk/bad.txt", Diagnostics: []runner.Diagnostic{}, Error: "desk/bad.txt: the file is empty"},
		},
		Failures: []runner.Failure{{Plugin: "fragment", Path: "desk/clean.txt", Error: "plugin crashed\nstack"}},
	}
}

func ciOptions() Options {
	return Options{
		Version: "9.9.9",
		FailOn:  sdk.Warning,
		Declarations: []*sdk.Plugin{{Name: "repetition", Rules: []*sdk.Rule{{
			Name: "doubled-word", Category: "repetition", Severity: sdk.Warning, Summary: "a word typed twice",
			Doc: "A word repeated back to back is almost always a typing slip.", Example: sdk.Example{Before: "the the budget", After: "the budget"},
		}}}, {Name: "quotes", Rules: []*sdk.Rule{{Name: "colon-quote", Category: "quotes", Severity: sdk.Warning, Summary: "quote after a colon"}}}},
		Rules: []runner.RuleInfo{
			{ID: "repetition/doubled-word", Category: "repetition", Severity: sdk.Warning, Enabled: true, Summary: "a word typed twice"},
			{ID: "quotes/colon-quote", Category: "quotes", Severity: sdk.Error, Enabled: true, Summary: "quote after a colon"},
		},
	}
}

func render(t *testing.T, format string, o Options, r *runner.Result) string {
	t.Helper()
	rep, err := New(format, o)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := rep.Report(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func sarifValidator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := "file://" + filepath.ToSlash(path)
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validateSARIF(t *testing.T, s *jsonschema.Schema, out string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("SARIF is not JSON: %v", err)
	}
	if err := s.Validate(inst); err != nil {
		t.Fatalf("SARIF does not validate against the 2.1.0 schema: %v\n%s", err, out)
	}
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	s := sarifValidator(t)
	validateSARIF(t, s, render(t, "sarif", ciOptions(), ciResult(t)))
	// No declarations, no files: still a valid log.
	validateSARIF(t, s, render(t, "sarif", Options{}, &runner.Result{Files: []*runner.File{}}))
	// The validator is not vacuous: a result without a message fails.
	bad := strings.Replace(render(t, "sarif", ciOptions(), ciResult(t)), `"level": "warning"`, `"level": "loud"`, 1)
	inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if s.Validate(inst) == nil {
		t.Fatal("a SARIF log with an invalid level validated")
	}
}

type sarifOut struct {
	Runs []struct {
		ColumnKind string
		Tool       struct {
			Driver struct {
				Name, Version string
				Rules         []struct {
					ID                                string
					ShortDescription, FullDescription struct{ Text string }
					Help                              struct{ Text, Markdown string }
					DefaultConfiguration              struct {
						Level   string
						Enabled bool
					}
					Properties struct{ Category string }
				}
			}
		}
		Invocations []struct {
			ExecutionSuccessful        bool
			ToolExecutionNotifications []struct {
				Level   string
				Message struct{ Text string }
			}
		}
		Results []struct {
			RuleID    string
			RuleIndex *int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string }
					Region           struct {
						StartLine, StartColumn, EndLine, EndColumn int
						Snippet                                    struct{ Text string }
					}
				}
			}
			RelatedLocations []struct {
				Message          struct{ Text string }
				PhysicalLocation struct {
					Region struct{ StartLine, StartColumn int }
				}
			}
			Fixes []struct {
				Description     struct{ Text string }
				ArtifactChanges []struct {
					Replacements []struct {
						DeletedRegion   struct{ StartLine, StartColumn, EndLine, EndColumn int }
						InsertedContent *struct{ Text string }
					}
				}
			}
			PartialFingerprints map[string]string
		}
	}
}

func TestSARIFContent(t *testing.T) {
	res := ciResult(t)
	var out sarifOut
	if err := json.Unmarshal([]byte(render(t, "sarif", ciOptions(), res)), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Runs) != 1 {
		t.Fatalf("want one run, got %d", len(out.Runs))
	}
	run := out.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	d := run.Tool.Driver
	if d.Name != "copydesk" || d.Version != "9.9.9" || len(d.Rules) != 2 {
		t.Fatalf("driver: %+v", d)
	}
	r0 := d.Rules[0]
	if r0.ID != "repetition/doubled-word" || r0.ShortDescription.Text != "a word typed twice" ||
		!strings.Contains(r0.FullDescription.Text, "typing slip") || !strings.Contains(r0.Help.Text, "Flagged: the the budget") ||
		!strings.Contains(r0.Help.Markdown, "**Fixed:**") || r0.DefaultConfiguration.Level != "warning" || r0.Properties.Category != "repetition" {
		t.Errorf("rule metadata: %+v", r0)
	}
	// The effective severity (rules.toml) wins over the declared default.
	if r1 := d.Rules[1]; r1.ID != "quotes/colon-quote" || r1.DefaultConfiguration.Level != "error" {
		t.Errorf("effective level: %+v", r1)
	}
	if len(run.Results) != 3 {
		t.Fatalf("want 3 results, got %d", len(run.Results))
	}
	first := run.Results[0]
	loc := first.Locations[0].PhysicalLocation
	if first.RuleID != "repetition/doubled-word" || first.RuleIndex == nil || *first.RuleIndex != 0 || first.Level != "warning" {
		t.Errorf("result: %+v", first)
	}
	if loc.ArtifactLocation.URI != "desk/story%20one.txt" {
		t.Errorf("uri %q", loc.ArtifactLocation.URI)
	}
	// Columns count characters: "The 🏛 council approved " is 23 characters
	// (24 UTF-16 units), so the finding starts at column 24.
	line := strings.Split(ciStory, "\n")[2]
	wantCol := utf8.RuneCountInString(line[:strings.Index(line, "the the")]) + 1
	if loc.Region.StartLine != 3 || loc.Region.StartColumn != wantCol || loc.Region.EndColumn != wantCol+7 || loc.Region.Snippet.Text != "the the" {
		t.Errorf("region %+v, want line 3 col %d..%d", loc.Region, wantCol, wantCol+7)
	}
	if first.Message.Text != res.Files[0].Diagnostics[0].Message {
		t.Errorf("message changed: %q", first.Message.Text)
	}
	if len(first.RelatedLocations) != 1 || first.RelatedLocations[0].Message.Text != "the headline" || first.RelatedLocations[0].PhysicalLocation.Region.StartLine != 1 {
		t.Errorf("related: %+v", first.RelatedLocations)
	}
	if len(first.Fixes) != 1 || first.Fixes[0].Description.Text != "Delete it" || first.Fixes[0].ArtifactChanges[0].Replacements[0].InsertedContent != nil {
		t.Errorf("deletion fix: %+v", first.Fixes)
	}
	second := run.Results[1]
	if second.Level != "error" || len(second.Fixes) != 1 || second.Fixes[0].Description.Text != "quote it" ||
		second.Fixes[0].ArtifactChanges[0].Replacements[0].InsertedContent.Text != "\"yes\"" {
		t.Errorf("replacement fix: %+v", second)
	}
	third := run.Results[2]
	if third.Level != "note" || third.RuleIndex != nil {
		t.Errorf("an info finding of an undeclared rule: %+v", third)
	}
	if first.PartialFingerprints["copydeskFinding/v1"] == "" || first.PartialFingerprints["copydeskFinding/v1"] == second.PartialFingerprints["copydeskFinding/v1"] {
		t.Errorf("fingerprints: %v %v", first.PartialFingerprints, second.PartialFingerprints)
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 2 ||
		!strings.Contains(inv.ToolExecutionNotifications[0].Message.Text, "empty") ||
		!strings.Contains(inv.ToolExecutionNotifications[1].Message.Text, "plugin fragment failed") {
		t.Errorf("invocation: %+v", inv)
	}
}

// A finding's fingerprint follows its text, not its line: the same defect
// moved down by an inserted paragraph keeps it.
func TestSARIFFingerprintIgnoresLineNumbers(t *testing.T) {
	fp := func(story string) string {
		a, err := article.Parse("s.txt", article.FormatText, []byte(story))
		if err != nil {
			t.Fatal(err)
		}
		off := strings.Index(story, "the the")
		p, q := a.SourcePosition(off), a.SourcePosition(off+7)
		res := &runner.Result{Files: []*runner.File{{Path: "s.txt", Article: a, Diagnostics: []runner.Diagnostic{{
			Rule: "repetition/doubled-word", Severity: sdk.Warning, Line: p.Line, Column: p.Column, EndLine: q.Line, EndColumn: q.Column,
			Offset: off, EndOffset: off + 7, Message: "m"}}}}}
		var out sarifOut
		if err := json.Unmarshal([]byte(render(t, "sarif", Options{}, res)), &out); err != nil {
			t.Fatal(err)
		}
		return out.Runs[0].Results[0].PartialFingerprints["copydeskFinding/v1"]
	}
	a := fp(ciStory)
	b := fp("Inserted paragraph.\n\nAnother one.\n\n" + ciStory)
	c := fp(strings.Replace(ciStory, "budget,", "budgets,", 1))
	if a != b {
		t.Errorf("inserting lines above changed the fingerprint")
	}
	if a == c {
		t.Errorf("editing the finding's line kept the fingerprint")
	}
}
