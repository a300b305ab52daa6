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
	out := suppress(a, in)
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
	if out := suppress(a, in); len(out) != 1 || out[0].Rule != "x/y" {
		t.Errorf("plain text has no comments: directives must not apply, got %+v", out)
	}
}
