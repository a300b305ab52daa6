package byline

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/sdk"
)

// GarbledName reports a stray line that is a distorted copy of a credited
// name.
var GarbledName = &sdk.Rule{
	Name:     "garbled-name",
	Category: sdk.CategoryByline,
	Severity: sdk.Error,
	Summary:  "a stray line after the article is a garbled copy of a credited name",
	Doc: `Scrapers and machine translation leave lines such as "Humera cotton" after the
credit: a reporter's name with one part misspelt and another replaced by a
common word (here a literal translation: Pamuk is Turkish for cotton). A
short stand-alone line after the body, not itself a sentence, is reported
when it is a credited or bio name garbled:
- word for word, each word a near spelling of the corresponding part
  (letters swapped, changed or dropped: "Hmyra Pmuk") or a lower-case word
  where a name belongs, with at least one near spelling;
- or with the family name first, every part a near spelling ("pamuk
  humeyra", "wallis danel" for Daniel Wallis).
The name written correctly on its own line is left alone, and so is a
correct part beside a capitalised stranger ("Jane Austen" is not Jane
Doe).`,
	Example: sdk.Example{
		Before: "Council backs new bridge\n\nThe city council approved the new bridge on Tuesday, officials said.\n\nReporting by Jane Doe; Editing by John Roe\n\nJane Doe is a correspondent in Paris.\n\nJne dough",
		After:  "Council backs new bridge\n\nThe city council approved the new bridge on Tuesday, officials said.\n\nReporting by Jane Doe; Editing by John Roe\n\nJane Doe is a correspondent in Paris.",
	},
	Languages: sdk.English,
	Check: func(p *sdk.Pass) {
		an := analyse(p)
		// The bio's spelling first: the credit may itself be misspelt.
		var refs []Name
		for _, b := range an.bios {
			refs = append(refs, b.Name)
		}
		refs = append(refs, an.creditedNames()...)
	lines:
		for _, l := range an.stray {
			for _, r := range refs {
				if l.text == r.Text {
					continue lines
				}
			}
			for _, r := range refs {
				if !garbled(l.text, r) {
					continue
				}
				d := sdk.Diagnostic{
					Span:    sdk.Span{Start: l.start, End: l.start + len(l.text)},
					Message: fmt.Sprintf("%q looks like a garbled copy of %q: delete the line", l.text, r.Text),
					Suggestions: []sdk.Suggestion{{
						Span: sdk.Span{Start: l.start, End: l.start + len(l.text)}, Description: "delete the garbled name line",
					}},
				}
				if r.Start >= 0 {
					d.Related = []sdk.Related{{Span: sdk.Span{Start: r.Start, End: r.End()}, Message: "the name it garbles"}}
				}
				p.Report(d)
				break
			}
		}
	},
}

// garbled reports whether line is a garbled copy of name n: word for word,
// each word a near spelling of the matching part or a stand-in for it
// (garbledInOrder), or with the family name first and both parts there
// ("pamuk humeyra", "wallis danel").
func garbled(line string, n Name) bool {
	var words []string
	for _, w := range strings.Fields(line) {
		if !particles[fold(w)] {
			words = append(words, w)
		}
	}
	if len(words) != len(n.Key) || len(words) < 2 {
		return false
	}
	if garbledInOrder(words, n.Key) {
		return true
	}
	// Family name first: every part must be there, each a near spelling,
	// since a stand-in word in a reordered line matches too much.
	rotated := append([]string{n.Key[len(n.Key)-1]}, n.Key[:len(n.Key)-1]...)
	for i, w := range words {
		if !nearPart(fold(strings.Trim(w, ".")), rotated[i]) {
			return false
		}
	}
	return true
}

// garbledInOrder reports whether words are the name's parts in order, each
// a near spelling of its part or a stand-in for it, with at least one near
// spelling and at least one part damaged.
func garbledInOrder(words, key []string) bool {
	close, exact, other := 0, 0, 0
	for i, w := range words {
		f := fold(strings.Trim(w, "."))
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case nearPart(f, key[i]):
			close++
			if f == key[i] && unicode.IsUpper(r) {
				exact++
			}
		case unicode.IsLower(r):
			// A common word where a name belongs: a literal translation
			// ("cotton" for Pamuk) or a scraper's guess.
		default:
			other++
		}
	}
	// One capitalised stranger is allowed beside a misspelt part
	// ("Humera Cotton"), not beside a correct one ("Jane Austen" is
	// somebody else).
	misspelt := close - exact
	return close > 0 && exact < len(words) && (other == 0 || other == 1 && misspelt >= 1)
}

// nearPart reports whether a folded word is a name part, misspelt or with
// letters dropped.
func nearPart(w, part string) bool {
	return tokenClose(w, part) || looseClose(w, part) || dropped(w, part)
}

// Letters dropped from a name part ("Hmyra" for Humeyra, "amuk" for
// Pamuk) still name it when enough are left: half of them from the first
// letter on, or keptWithoutFirst of them when the first is gone too.
const (
	minKept          = 3
	keptWithoutFirst = 2.0 / 3
)

// dropped reports whether w is part with letters left out.
func dropped(w, part string) bool {
	rw, rp := []rune(w), []rune(part)
	if len(rw) < minKept || len(rw) >= len(rp) || !subsequence(rw, rp) {
		return false
	}
	if rw[0] == rp[0] {
		return 2*len(rw) >= len(rp)
	}
	return len(rw) > minKept && float64(len(rw)) >= keptWithoutFirst*float64(len(rp))
}

// subsequence reports whether a's letters appear in b in order.
func subsequence(a, b []rune) bool {
	i := 0
	for _, r := range b {
		if i < len(a) && a[i] == r {
			i++
		}
	}
	return i == len(a)
}

// looseClose allows a garbled line more damage than a misspelt credit: a
// third of the letters of a name of five or more.
func looseClose(a, b string) bool {
	n := min(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	d := osa(a, b)
	return n >= 3 && d <= 1 || n >= 5 && d <= n/3
}
