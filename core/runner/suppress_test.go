package runner

import (
	"strconv"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
)

func TestSuppress(t *testing.T) {
	src := "# Op-ed\n\n<!-- copydesk:ignore byline/credit-verb -- op-eds are credited this way -->\nStatement by A. Writer\n\nThe the line. <!-- copydesk:ignore repetition/* -- quoting a typo on purpose -->\n\n<!-- copydesk:ignore quotes/unclosed-quote -->\nAn “open quote.\n\n<!-- copydesk:ignore fragment/orphan -- nothing here -->\nClean line.\n"
	a, err := article.Parse("op.md", article.FormatMarkdown, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	in := []Diagnostic{
		{Rule: "byline/credit-verb", Line: 4},
		{Rule: "byline/name-variant", Line: 4},
		{Rule: "repetition/doubled-word", Line: 6},
		{Rule: "quotes/unclosed-quote", Line: 9},
	}
	out := suppress(a, in, nil)
	var got []string
	for _, d := range out {
		got = append(got, d.Rule+"@"+strconv.Itoa(d.Line)+":"+d.Message)
	}
	joined := strings.Join(got, "\n")
	for _, want := range []string{"byline/name-variant@4", "quotes/unclosed-quote@9", "copydesk/ignore@8:copydesk:ignore needs a reason", "copydesk/ignore@11:copydesk:ignore fragment/orphan silenced nothing"} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing %q in:\n%s", want, joined)
		}
	}
	for _, gone := range []string{"byline/credit-verb@4", "repetition/doubled-word@6"} {
		if strings.Contains(joined, gone) {
			t.Errorf("%s should be silenced:\n%s", gone, joined)
		}
	}
}

func TestSuppressIgnoresPlainText(t *testing.T) {
	a, _ := article.Parse("s.txt", article.FormatText, []byte("Head\n\n<!-- copydesk:ignore x/y -- r -->\nThe the.\n"))
	in := []Diagnostic{{Rule: "x/y", Line: 4}}
	if out := suppress(a, in, nil); len(out) != 1 || out[0].Rule != "x/y" {
		t.Errorf("plain text has no comments: directives must not apply, got %+v", out)
	}
}

func joinDiags(ds []Diagnostic) string {
	var got []string
	for _, d := range ds {
		got = append(got, d.Rule+"@"+strconv.Itoa(d.Line)+":"+d.Message)
	}
	return strings.Join(got, "\n")
}

func TestSuppressPlainTextMarker(t *testing.T) {
	src := "Op-ed\n\ncopydesk:ignore byline/credit-verb -- op-eds are credited this way\nStatement by A. Writer\n\n  copydesk:ignore repetition/doubled-word\nThe the line.\n\ncopydesk:ignore byline/credit-verbs -- typo in the name\nClean line.\n"
	a, err := article.Parse("op.txt", article.FormatText, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	in := []Diagnostic{
		{Rule: "fragment/no-verb", Line: 3}, // the marker line itself is not copy
		{Rule: "byline/credit-verb", Line: 4},
		{Rule: "byline/name-variant", Line: 4},
		{Rule: "repetition/doubled-word", Line: 7},
	}
	known := &catalog{ids: []string{"byline/credit-verb", "byline/name-variant", "repetition/doubled-word", "fragment/no-verb"}, running: map[string]bool{"byline": true, "repetition": true, "fragment": true}, idle: func(string) bool { return false }}
	joined := joinDiags(suppress(a, in, known))
	for _, want := range []string{"byline/name-variant@4", "repetition/doubled-word@7", "copydesk/ignore@6:copydesk:ignore needs a reason", `copydesk/ignore@9:copydesk:ignore names unknown rule "byline/credit-verbs"; did you mean byline/credit-verb?`} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing %q in:\n%s", want, joined)
		}
	}
	for _, gone := range []string{"byline/credit-verb@4", "fragment/no-verb@3"} {
		if strings.Contains(joined, gone) {
			t.Errorf("%s should be silenced:\n%s", gone, joined)
		}
	}
}

func TestSuppressCMSJSONField(t *testing.T) {
	src := `{"headline": "Op-ed", "byline": "Statement by A. Writer",
"copydesk_ignore": [{"rule": "byline/credit-verb", "reason": "op-eds are credited this way"}, {"rule": "quotes/*", "reason": "house style"}, {"rule": "repetition/doubled-word"}, {"rule": "nosuch/*", "reason": "x"}],
"body": "The the line."}`
	a, err := article.Parse("op.json", article.FormatJSON, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	in := []Diagnostic{
		{Rule: "byline/credit-verb", Line: 1},
		{Rule: "repetition/doubled-word", Line: 3},
	}
	known := &catalog{ids: []string{"byline/credit-verb", "quotes/mixed-style", "repetition/doubled-word"}, running: map[string]bool{"byline": true, "quotes": true, "repetition": true}, idle: func(string) bool { return false }}
	joined := joinDiags(suppress(a, in, known))
	for _, want := range []string{
		"repetition/doubled-word@3",
		`copydesk/ignore@2:a "copydesk_ignore" entry needs a "reason"`,
		"copydesk/ignore@2:copydesk:ignore quotes/* silenced nothing in this article",
		`copydesk/ignore@2:copydesk:ignore names unknown rule "nosuch/*"`,
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing %q in:\n%s", want, joined)
		}
	}
	if strings.Contains(joined, "byline/credit-verb@1") {
		t.Errorf("byline/credit-verb should be silenced:\n%s", joined)
	}

	bad, _ := article.Parse("bad.json", article.FormatJSON, []byte(`{"copydesk_ignore": "byline/credit-verb", "body": "Text."}`))
	if j := joinDiags(suppress(bad, nil, nil)); !strings.Contains(j, `"copydesk_ignore" must be a list`) {
		t.Errorf("a malformed field must be reported: %s", j)
	}
}
