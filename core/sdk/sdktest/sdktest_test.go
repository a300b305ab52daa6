package sdktest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/sdk"
)

// doubled reports "the the" on the second copy and suggests deleting it
// with the space before it: a small rule whose span and fix the fixtures pin.
var doubled = &sdk.Rule{
	Name: "doubled", Category: "repetition", Severity: sdk.Warning, Summary: "doubled the",
	Check: func(p *sdk.Pass) {
		t := p.Article.Text
		for i := 0; ; {
			j := strings.Index(t[i:], "the the ")
			if j < 0 {
				return
			}
			at := i + j + 4
			p.Report(sdk.Diagnostic{
				Span:        sdk.Span{Start: at, End: at + 3},
				Message:     "repeated word",
				Suggestions: []sdk.Suggestion{{Span: sdk.Span{Start: at - 1, End: at + 3}}},
			})
			i = at
		}
	},
}

var other = &sdk.Rule{
	Name: "other", Category: "x", Severity: sdk.Info, Summary: "every article",
	Check: func(p *sdk.Pass) { p.Reportf(sdk.Span{Start: 0, End: 1}, "first letter") },
}

var plugin = &sdk.Plugin{Name: "t", Rules: []*sdk.Rule{doubled}}

func TestFixturesPinSpansAndFixes(t *testing.T) {
	Run(t, filepath.Join(TestData(), "pass"), plugin)
}

// TestWrongSpanOrFixFails runs the failing fixtures in a child test process
// and checks that they fail, and why.
func TestWrongSpanOrFixFails(t *testing.T) {
	if dir := os.Getenv("SDKTEST_FIXTURES"); dir != "" {
		Run(t, filepath.Join(TestData(), dir), plugin)
		return
	}
	for dir, want := range map[string]string{
		"wrongspan": `a finding matched but covers "the", want "the the"`,
		"wrongfix":  "the fixes give",
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWrongSpanOrFixFails$")
		cmd.Env = append(os.Environ(), "SDKTEST_FIXTURES="+dir)
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Errorf("%s: the fixtures passed, want a failure", dir)
		}
		if !strings.Contains(string(out), want) {
			t.Errorf("%s: output lacks %q:\n%s", dir, want, out)
		}
	}
}

func TestOnlyKeepsOneRulesFindings(t *testing.T) {
	p := &sdk.Plugin{Name: "t", Rules: []*sdk.Rule{doubled, other}}
	got := CheckText(t, p, Config{Only: []string{"doubled"}}, "txt", "So the the end.")
	if len(got) != 1 || got[0].Rule != "doubled" || got[0].Column != 8 {
		t.Fatalf("got %v, want only the doubled finding at column 8", got)
	}
}
