package byline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Name is a person's name as it appears in the copy: a credit, a bio, a
// stray name line or the staff roster.
type Name struct {
	Text  string
	Start int // byte offset of Text in Article.Text; -1 when not in the text
	// Key is the folded tokens (lower case, no diacritics, particles
	// dropped): "Ursula von der Leyen" -> [ursula leyen].
	Key []string
}

// End is the byte offset just after the name.
func (n Name) End() int { return n.Start + len(n.Text) }

func newName(text string, start int) Name {
	n := Name{Text: text, Start: start}
	for _, tok := range strings.Fields(text) {
		f := fold(strings.Trim(tok, ".,"))
		if f == "" || particles[f] || titles[f] {
			continue
		}
		n.Key = append(n.Key, f)
	}
	return n
}

// foldRunes are letters that Unicode does not decompose into a base letter
// and a mark but that writers drop all the same.
var foldRunes = map[rune]string{'ß': "ss", 'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ı': "i", '’': "'"}

// fold lower-cases s and strips its diacritics, so that "José Álvarez" and
// "Jose Alvarez" compare equal: a missing accent is a house-style matter,
// not a different person.
func fold(s string) string {
	if ascii(s) {
		// Nothing to decompose or strip: the common case, a plain English
		// word, without the cost of normalisation.
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if rep, ok := foldRunes[r]; ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// sameName reports whether two names are the same spelling, allowing for
// diacritics, particles and initials ("J. Smith" is "John Smith").
func sameName(a, b Name) bool {
	if len(a.Key) == 0 || len(b.Key) == 0 {
		return false
	}
	if strings.Join(a.Key, " ") == strings.Join(b.Key, " ") {
		return true
	}
	ga, fa := a.Key[0], a.Key[len(a.Key)-1]
	gb, fb := b.Key[0], b.Key[len(b.Key)-1]
	return fa == fb && initialOf(ga, gb)
}

// spelledAs reports whether n is spelled as ref is, or abbreviates ref's
// given name to an initial. The reverse does not hold: an alias "H. Pamuk"
// on the roster does not vouch for "Humeya Pamuk".
func spelledAs(n, ref Name) bool {
	if len(n.Key) == 0 || len(ref.Key) == 0 {
		return false
	}
	if strings.Join(n.Key, " ") == strings.Join(ref.Key, " ") {
		return true
	}
	g := n.Key[0]
	return utf8.RuneCountInString(g) == 1 && n.Key[len(n.Key)-1] == ref.Key[len(ref.Key)-1] && initialOf(g, ref.Key[0])
}

// initialOf reports whether one given name is the other's initial or they
// are equal.
func initialOf(a, b string) bool {
	if a == b {
		return true
	}
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	if ra != rb {
		return false
	}
	return utf8.RuneCountInString(a) == 1 || utf8.RuneCountInString(b) == 1
}

// variantOf reports whether a and b look like two spellings of one person's
// name: given names and family names each equal or within a small edit
// distance, and not the same spelling. Comparing given and family names
// separately keeps "Lukas Goldberg" and "Lukas Schwarz" apart, which a
// whole-string distance would not.
func variantOf(a, b Name) bool {
	if len(a.Key) < 2 || len(b.Key) < 2 || sameName(a, b) {
		return false
	}
	ga, fa := a.Key[0], a.Key[len(a.Key)-1]
	gb, fb := b.Key[0], b.Key[len(b.Key)-1]
	givenOK := initialOf(ga, gb) || tokenClose(ga, gb)
	familyOK := fa == fb || tokenClose(fa, fb)
	// With the other half identical, one slip in a three-letter name is
	// still a slip: "Jane Dow" for "Jane Doe".
	if ga == gb && !familyOK {
		familyOK = oneSlip(fa, fb)
	}
	if fa == fb && !givenOK {
		givenOK = oneSlip(ga, gb)
	}
	return givenOK && familyOK
}

// tokenClose reports whether two folded name tokens differ by a slip of the
// keyboard: one edit for short names, two for longer ones. Very short names
// must match exactly: "Li" and "Lu" are different people.
func tokenClose(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	n := min(la, lb)
	limit := 0
	switch {
	case n >= 7:
		limit = 2
	case n >= 4:
		limit = 1
	}
	if limit == 0 {
		return false
	}
	if la-lb > limit || lb-la > limit {
		return false
	}
	return osa(a, b) <= limit
}

func oneSlip(a, b string) bool {
	return min(utf8.RuneCountInString(a), utf8.RuneCountInString(b)) >= 3 && osa(a, b) <= 1
}

// osa is the optimal string alignment distance: insertions, deletions,
// substitutions and transpositions of adjacent letters ("Zimmeramnn").
func osa(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// personName reports whether s is shaped like a person's name: two to five
// words, each capitalised, an initial, or a particle, with at least two that
// are not particles and none that marks an organisation or a title.
func personName(s string) bool {
	toks := strings.Fields(s)
	if len(toks) < 2 || len(toks) > 5 {
		return false
	}
	real := 0
	for i, t := range toks {
		f := fold(strings.Trim(t, ".,"))
		if particles[f] && i > 0 && i < len(toks)-1 || titles[f] && i == 0 {
			continue
		}
		if notName[f] || functionWords[f] || !nameToken(t) {
			return false
		}
		real++
	}
	return real >= 2
}

// nameToken reports whether t is a capitalised word ("O'Brien",
// "Jean-Luc", "McAllister") or an initial ("J.", "J.R.").
func nameToken(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) && !unicode.IsTitle(r) {
		return false
	}
	letters := 0
	for _, c := range t {
		switch {
		case unicode.IsLetter(c) || unicode.Is(unicode.Mn, c):
			letters++
		case c == '-' || c == '\'' || c == '’' || c == '.':
		default:
			return false
		}
	}
	if strings.Contains(t, ".") {
		// Initials are a letter and a dot, repeated: "J." or "J.R.".
		return strings.HasSuffix(t, ".") && letters <= 3 && letters*2 == utf8.RuneCountInString(t)
	}
	return letters >= 2
}
