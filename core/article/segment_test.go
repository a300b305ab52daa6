package article

import (
	"reflect"
	"testing"
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
		// A line break always ends a sentence in Segment.
		{"Revenue rose 3 pct\nShare this article", []string{"Revenue rose 3 pct", "Share this article"}},
		{"  padded.  ", []string{"padded."}},
		{"", nil},
	} {
		got := []string(nil)
		for _, s := range Segment(c.text, Span{0, len(c.text)}) {
			got = append(got, c.text[s.Span.Start:s.Span.End])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Segment(%q)\n got  %q\n want %q", c.text, got, c.want)
		}
	}
}

func TestSegmentSpanInsideText(t *testing.T) {
	text := "Before. Inside one. Inside two. After."
	span := Span{8, 31}
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
