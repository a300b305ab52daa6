package strayui

import (
	"strings"
	"testing"
)

// slowStripNonWords is stripNonWords without its gates: the regexps on
// every line that passes the first test.
func slowStripNonWords(s string) string {
	if !strings.ContainsAny(s, "@#./_=()[]") && !camelCase.MatchString(s) {
		return s
	}
	s = nonWord.ReplaceAllString(s, " ")
	s = camelCase.ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(s), " ")
}

var gateSamples = []string{
	"The council met on Tuesday.",
	"Write to jan.kowalski(at)example.pl or visit WWW.example.com today",
	"Follow @copydesk and #news for more",
	"Call initConfig() and set max_len=3 in config.yaml",
	"The iPhone and eBay and McDonald's",
	"Dr. Smith vs. Mr. Jones at 3.5 per cent",
	"www.-odd and http://x and ftp://y",
	"Zürich's ÉcoleNormale isn't éaaBé",
	"Kommentar (3) [at] wörtlich.de",
	"",
	"   spaced    out .  line ",
}

func TestStripNonWordsGatesChangeNothing(t *testing.T) {
	for _, s := range gateSamples {
		if got, want := stripNonWords(s), slowStripNonWords(s); got != want {
			t.Errorf("stripNonWords(%q) = %q, without gates %q", s, got, want)
		}
	}
}

func FuzzStripNonWordsGates(f *testing.F) {
	for _, s := range gateSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := stripNonWords(s), slowStripNonWords(s); got != want {
			t.Errorf("stripNonWords(%q) = %q, without gates %q", s, got, want)
		}
	})
}

// slowStripCount is stripCount without its digit gate.
func slowStripCount(n string) (string, bool) {
	for _, c := range countRe.FindAllString(n, -1) {
		if yearRe.MatchString(c) {
			return n, false
		}
	}
	paren := strings.ContainsAny(n, "([")
	out := strings.TrimRight(strings.TrimSpace(countRe.ReplaceAllString(n, "")), " :*.!?|")
	return out, paren && out != n
}

func TestStripCountGateChangesNothing(t *testing.T) {
	for _, s := range []string{"comments (12)", "share | tweet", "read more:", "(sponsored)", "in 2014", " 5 min read", "[ad]", "x"} {
		o1, p1 := stripCount(s)
		o2, p2 := slowStripCount(s)
		if o1 != o2 || p1 != p2 {
			t.Errorf("stripCount(%q) = %q, %v; without the gate %q, %v", s, o1, p1, o2, p2)
		}
	}
}
