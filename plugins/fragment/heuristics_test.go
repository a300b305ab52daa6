package fragment

import "testing"

// TestHeuristicExamples is generated from the heuristics themselves: every
// registered heuristic must fire on its positive example and not on its
// negative one (each traced as the last sentence of its text).
func TestHeuristicExamples(t *testing.T) {
	list := Heuristics.List()
	if len(list) < 20 {
		t.Fatalf("only %d heuristics registered", len(list))
	}
	for _, h := range list {
		t.Run(h.Name, func(t *testing.T) {
			for _, ex := range []struct {
				text string
				want bool
			}{{h.Positive, true}, {h.Negative, false}} {
				tr, err := TraceText(ex.text)
				if err != nil {
					t.Fatal(err)
				}
				if got := tr.Fired(h.Name); got != ex.want {
					t.Errorf("%s on %q: fired = %v, want %v; trace:\n%s", h.Name, ex.text, got, ex.want, tr)
				}
			}
		})
	}
}

// TestHeuristicSwitch checks that a heuristic switched off stops firing and
// that an unknown name is refused.
func TestHeuristicSwitch(t *testing.T) {
	if err := Heuristics.SetOff("no-such-heuristic"); err == nil {
		t.Error("an unknown heuristic was accepted")
	}
	if err := Heuristics.SetOff(hLexicon.Name); err != nil {
		t.Fatal(err)
	}
	defer Heuristics.SetOff()
	tr, err := TraceText(hLexicon.Positive)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Fired(hLexicon.Name) || !tr.Fired("verbless") {
		t.Errorf("with lexicon-verb off, want the sentence reported as verbless; trace:\n%s", tr)
	}
}
