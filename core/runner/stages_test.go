package runner

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/config"
	"github.com/copydesk/copydesk/core/sdk"
)

func diag(rule string, line int, sev sdk.Severity) Diagnostic {
	return Diagnostic{Rule: rule, Line: line, Column: 1, Severity: sev, Offset: line * 10, EndOffset: line*10 + 3, Message: "m"}
}

func rules(ds []Diagnostic) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Rule + ":" + d.Severity.String()
	}
	return out
}

func scope(t *testing.T, toml, path string) *fileScope {
	t.Helper()
	cfg, err := config.Parse("rules.toml", []byte(toml), []string{"p"})
	if err != nil {
		t.Fatal(err)
	}
	return newFileScope(cfg, map[string]sdk.Severity{"p/loud": sdk.Error}, &File{Path: path})
}

func TestStagesAreNamedAndOrdered(t *testing.T) {
	var names []string
	for _, s := range stages {
		if s.doc == "" || s.run == nil {
			t.Errorf("stage %q needs a doc and a function", s.name)
		}
		names = append(names, s.name)
	}
	want := "quoted suppress severity overrides min-severity dedupe sort"
	if got := join(names); got != want {
		t.Fatalf("stages %q, want %q", got, want)
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

func TestStageSeverity(t *testing.T) {
	got := stageSeverity(scope(t, "", "a.txt"), []Diagnostic{diag("p/loud", 1, sdk.Warning), diag("p/quiet", 2, sdk.Info)})
	if join(rules(got)) != "p/loud:error p/quiet:info" {
		t.Fatalf("got %v", rules(got))
	}
}

func TestStageOverridesLaterWins(t *testing.T) {
	sc := scope(t, `
[[overrides]]
paths = ["desk/*.md"]
[overrides.rules."p/a"]
enabled = false
[overrides.rules."p/b"]
severity = "error"

[[overrides]]
paths = ["desk/live.md"]
[overrides.rules."p/a"]
enabled = true
`, "desk/live.md")
	got := stageOverrides(sc, []Diagnostic{diag("p/a", 1, sdk.Info), diag("p/b", 2, sdk.Info), diag("p/c", 3, sdk.Info)})
	if join(rules(got)) != "p/a:info p/b:error p/c:info" {
		t.Fatalf("got %v", rules(got))
	}
	got = stageOverrides(scope(t, `
[[overrides]]
paths = ["desk/*.md"]
[overrides.rules."p/a"]
enabled = false
`, "desk/draft.md"), []Diagnostic{diag("p/a", 1, sdk.Info), diag("p/b", 2, sdk.Info)})
	if join(rules(got)) != "p/b:info" {
		t.Fatalf("draft: got %v", rules(got))
	}
}

func TestStageMinSeverity(t *testing.T) {
	ds := func() []Diagnostic {
		return []Diagnostic{diag("p/i", 1, sdk.Info), diag("p/w", 2, sdk.Warning), diag("p/e", 3, sdk.Error)}
	}
	if got := stageMinSeverity(scope(t, `min_severity = "warning"`, "a.txt"), ds()); join(rules(got)) != "p/w:warning p/e:error" {
		t.Fatalf("got %v", rules(got))
	}
	sc := scope(t, "min_severity = \"warning\"\n[[overrides]]\npaths = [\"*.md\"]\nmin_severity = \"error\"\n", "x.md")
	if got := stageMinSeverity(sc, ds()); join(rules(got)) != "p/e:error" {
		t.Fatalf("override: got %v", rules(got))
	}
}

func TestStageDedupeAndSort(t *testing.T) {
	a, b := diag("p/x", 2, sdk.Info), diag("p/a", 2, sdk.Info)
	c := diag("p/z", 1, sdk.Info)
	got := stageSort(nil, stageDedupe(nil, []Diagnostic{a, b, a, c}))
	if join(rules(got)) != "p/z:info p/a:info p/x:info" {
		t.Fatalf("got %v", rules(got))
	}
}

func TestStageSuppress(t *testing.T) {
	src := "Title\n\n<!-- copydesk:ignore p/x -- a name, spelled as the source spells it -->\nThe the line.\n"
	a, err := article.Parse("a.md", article.FormatMarkdown, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	sc := scope(t, "", "a.md")
	sc.article = a
	d := diag("p/x", 4, sdk.Warning)
	got := stageSuppress(sc, []Diagnostic{d})
	for _, g := range got {
		if g.Rule == "p/x" {
			t.Fatalf("the finding under the ignore comment survived: %v", rules(got))
		}
	}
	other := diag("p/y", 4, sdk.Warning)
	if got := stageSuppress(sc, []Diagnostic{other}); len(got) == 0 || got[0].Rule != "p/y" {
		t.Fatalf("a finding of another rule was silenced: %v", rules(got))
	}
}

func TestStageQuoted(t *testing.T) {
	a, err := article.Parse("q.txt", article.FormatText, []byte("He said “the the plan” and the the rest.\n"))
	if err != nil {
		t.Fatal(err)
	}
	in := strings.Index(string(a.Source()), "the the plan")
	out := strings.LastIndex(string(a.Source()), "the the")
	ds := []Diagnostic{{Rule: "p/doubled", Offset: in, EndOffset: in + 7, Message: "doubled"}, {Rule: "p/doubled", Offset: out, EndOffset: out + 7, Message: "doubled"}}
	got := stageQuoted(&fileScope{article: a}, ds)
	if !got[0].InQuote || !strings.HasSuffix(got[0].Message, QuotedNote) || got[1].InQuote || got[1].Message != "doubled" {
		t.Errorf("got %+v", got)
	}
}
