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
	"U.S. officials met in Washington D.C. at 3.5 p.m.",
	"see x.com or my-site.org or ab.c or foo.b²² or X(AT)Y.PL",
	"Kontakt: redaktion [at] example . de, Tel. 030.12",
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

var rightsSamples = []string{
	"© 2019 Associated Press. All Rights Reserved.",
	"ALL RIGHTS RESERVED",
	"Alle Rechte vorbehalten.",
	"Copyright 1998 The New York Times Co.",
	"Все права защищены",
	"TÜM HAKLARI SAKLIDIR",
	"all rightſ reserved", // long s: (?i) folds it to s
	"The council reserved all rights to appeal.",
	"",
}

func TestRightsReservedGateChangesNothing(t *testing.T) {
	if len(rightsPhrases) != 20 || rightsPhrases[0] != foldCase("all rights reserved") {
		t.Fatalf("rightsPhrases = %q, want rightsReserved's 20 phrases", rightsPhrases)
	}
	for _, s := range rightsSamples {
		if got, want := mayBeRightsReserved(s) && rightsReserved.MatchString(s), rightsReserved.MatchString(s); got != want {
			t.Errorf("%q: gated %v, regexp %v", s, got, want)
		}
	}
}

func FuzzRightsReservedGate(f *testing.F) {
	for _, s := range rightsSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if rightsReserved.MatchString(s) && !mayBeRightsReserved(s) {
			t.Errorf("%q: the regexp matches but the gate says it cannot", s)
		}
	})
}
