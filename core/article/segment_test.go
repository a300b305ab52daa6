package article

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/neurosnap/sentences/english"
)

func TestSegment(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"U.S. officials said the talks failed. They left.", []string{"U.S. officials said the talks failed.", "They left."}},
		{"He lives in the U.S. The company disagreed.", []string{"He lives in the U.S.", "The company disagreed."}},
		{"Gen. Smith arrived on Jan. 5 at No. 10 Downing Street. He left.",
			[]string{"Gen. Smith arrived on Jan. 5 at No. 10 Downing Street.", "He left."}},
		{"Dr. Jones and Mr. Brown met in St. Louis. Ms. Lee did not.", []string{"Dr. Jones and Mr. Brown met in St. Louis.", "Ms. Lee did not."}},
		// Wire style writes pct, mln and dlrs without a full stop, so one
		// after them ends the sentence.
		{"Profit rose 3.5 pct. The company expects 1.2 mln dlrs. Shares fell.",
			[]string{"Profit rose 3.5 pct.", "The company expects 1.2 mln dlrs.", "Shares fell."}},
		{"More than 95 pct of the business has left the floor, it said.", []string{"More than 95 pct of the business has left the floor, it said."}},
		// Decimals and numbers ending a sentence.
		{"Net rose to 12.4 mln from 11.2 mln. Sales were 3.5 bln.", []string{"Net rose to 12.4 mln from 11.2 mln.", "Sales were 3.5 bln."}},
		{"He was born in 1950. He died in 2001. The rest rose to 1,200. “It ended,” she said.",
			[]string{"He was born in 1950.", "He died in 2001.", "The rest rose to 1,200.", "“It ended,” she said."}},
		// Quotations ending with a full stop inside the marks.
		{`"We will win," he said. "It is over." Then he left.`, []string{`"We will win," he said.`, `"It is over."`, "Then he left."}},
		{`He said: "it is over." Then he left.`, []string{`He said: "it is over."`, "Then he left."}},
		{"“Are you sure?” she asked. “Yes.”", []string{"“Are you sure?” she asked.", "“Yes.”"}},
		{"The vote was 5-4. The U.N. said so.", []string{"The vote was 5-4.", "The U.N. said so."}},
		// An abbreviation with a possessive does not end the sentence.
		{"He ran Chrysler Corp.'s Chrysler division. He left.", []string{"He ran Chrysler Corp.'s Chrysler division.", "He left."}},
		{"It bought May Co.’s Caldor chain for $500 million. It said so.", []string{"It bought May Co.’s Caldor chain for $500 million.", "It said so."}},
		// A line break always ends a sentence in Segment.
		{"Revenue rose 3 pct\nShare this article", []string{"Revenue rose 3 pct", "Share this article"}},
		{"  padded.  ", []string{"padded."}},
		{"", nil},
	} {
		got := []string(nil)
		for _, s := range Segment(c.text, Span{Start: 0, End: len(c.text)}) {
			got = append(got, c.text[s.Span.Start:s.Span.End])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Segment(%q)\n got  %q\n want %q", c.text, got, c.want)
		}
	}
}

func TestSegmentSpanInsideText(t *testing.T) {
	text := "Before. Inside one. Inside two. After."
	span := Span{Start: 8, End: 31}
	var got []string
	for _, s := range Segment(text, span) {
		if !span.Contains(s.Span) {
			t.Errorf("sentence %v outside %v", s.Span, span)
		}
		got = append(got, text[s.Span.Start:s.Span.End])
	}
	if want := []string{"Inside one.", "Inside two."}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestFastTokenizerAgrees checks that the shortcuts in newTokenizer change no
// decision: it segments the test fixtures and, when the shared material is
// present, the clean dev-set articles with both tokenizers.
func TestFastTokenizerAgrees(t *testing.T) {
	lib, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		t.Fatal(err)
	}
	fast, err := newTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"U.S. officials said. Gen. Smith left on Jan. 5 at 5 p.m. The F.B.I. agreed... Then 3.5 pct. It was 1987. “Yes.” He (Mr. X.) left!",
		"1. First item. 2) Second item. N°. 5. The end? Yes! “Really?” she asked. 'No.' He left. Washington, D.C. Officials said.",
		"Prices rose 2.5 percent in the U.K. The Bank of England said. Inc. and Corp. are abbreviations, e.g. this one, i.e. that one.",
	}
	if dir := sharedArticles(); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err == nil {
				texts = append(texts, string(data))
			}
		}
	}
	n := 0
	for _, text := range texts {
		a, b := lib.Tokenize(text), fast.Tokenize(text)
		if len(a) != len(b) {
			t.Fatalf("library found %d sentences, fast %d, in %.80q", len(a), len(b), text)
		}
		for i := range a {
			if a[i].Start != b[i].Start || a[i].End != b[i].End {
				t.Fatalf("sentence %d: library %q, fast %q", i, a[i].Text, b[i].Text)
			}
		}
		n += len(a)
	}
	t.Logf("%d texts, %d sentences agree", len(texts), n)
}

// sharedArticles finds the shared dev set's clean articles, if present.
func sharedArticles() string {
	for _, d := range []string{"../../../shared/eval-public/articles", "/work/shared/eval-public/articles"} {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	return ""
}

func BenchmarkTokenizer(b *testing.B) {
	text := strings.Join(benchParagraphs(), "\n\n")
	lib, _ := english.NewSentenceTokenizer(nil)
	fast, _ := newTokenizer()
	b.Run("library", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			lib.Tokenize(text)
		}
	})
	b.Run("fast", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			fast.Tokenize(text)
		}
	})
}
