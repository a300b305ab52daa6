package quoted

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
)

// Each case marks the expected quotations' words with [ and ] around the
// text after the quotation marks are written; the brackets are removed
// before detection.
func TestSpans(t *testing.T) {
	cases := []struct{ name, text string }{
		{"straight", `He said "[we will go]" and left.`},
		{"curly", `He said “[we will go]” and left.`},
		{"german", `Er sagte „[wir gehen]“ und ging.`},
		{"guillemets", `Il a dit «[nous partons]» hier.`},
		{"two quotations", `"[One,]" she said, "[two.]"`},
		{"nested", `“[He told me 'no' and "never"]” she said.`},
		{"runs on to the paragraph's end", "“[We will go.]\n\n“[And we will stay.]”"},
		{"stray closing mark", `The 12” pipe and “[a quote]”.`},
		{"no quotation", `An apostrophe's not a quote.`},
		{"german closing is english opening", `„[Ja]“, sagte er. “[Yes]”, he said.`},
		{"mixed style", `„[If we want to go,]” he said.`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var text strings.Builder
			var want []Span
			for _, r := range c.text {
				switch r {
				case '[':
					want = append(want, Span{Start: text.Len()})
				case ']':
					want[len(want)-1].End = text.Len()
				default:
					text.WriteRune(r)
				}
			}
			a := &article.Article{Text: text.String()}
			got := Spans(a)
			if len(got) != len(want) {
				t.Fatalf("%q: got %v, want %v", a.Text, got, want)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%q: quotation %d is %q, want %q", a.Text, i, a.Text[got[i].Start:got[i].End], a.Text[want[i].Start:want[i].End])
				}
			}
		})
	}
}

func TestSpansFollowBlocks(t *testing.T) {
	text := "“Open without a close\nHeadline “quoted”"
	a := &article.Article{Text: text, Blocks: []article.Block{
		{Kind: article.Paragraph, Span: Span{Start: 0, End: strings.Index(text, "\n")}},
		{Kind: article.Headline, Span: Span{Start: strings.Index(text, "\n") + 1, End: len(text)}},
	}}
	got := Spans(a)
	if len(got) != 2 || a.Text[got[0].Start:got[0].End] != "Open without a close" || a.Text[got[1].Start:got[1].End] != "quoted" {
		t.Fatalf("got %v", got)
	}
}

func TestInside(t *testing.T) {
	spans := []Span{{Start: 5, End: 10}, {Start: 20, End: 30}}
	for _, c := range []struct {
		start, end int
		want       bool
	}{
		{5, 10, true}, {6, 8, true}, {4, 8, false}, {8, 11, false}, {21, 29, true},
		{12, 15, false}, {10, 10, false}, {25, 25, true}, {35, 36, false}, {9, 21, false},
	} {
		if got := Inside(spans, c.start, c.end); got != c.want {
			t.Errorf("Inside(%d, %d) = %v, want %v", c.start, c.end, got, c.want)
		}
	}
}
