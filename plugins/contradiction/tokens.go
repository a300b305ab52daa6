package contradiction

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word, number or punctuation mark of a sentence, with its byte
// span in the article text.
type token struct {
	text       string
	start, end int
	word       bool // letters or digits, as opposed to punctuation
}

// lower is the token's text in lower case with typographic apostrophes made
// plain, for comparisons that ignore case.
func (t token) lower() string { return strings.ToLower(normApos(t.text)) }

// capitalised reports whether the token starts with an upper-case letter.
func (t token) capitalised() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

// number reports whether the token is a figure such as 12, 1,200 or 37.5.
func (t token) number() bool {
	if !t.word || t.text == "" {
		return false
	}
	digits := 0
	for _, r := range t.text {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.' || r == ',':
		default:
			return false
		}
	}
	return digits > 0
}

func normApos(s string) string { return strings.ReplaceAll(s, "’", "'") }

// tokenize splits text[start:end] into tokens. A word keeps its inner
// hyphens, apostrophes and full stops ("military-to-military", "don't",
// "U.S."), a figure its separators ("1,200.5"); a possessive "'s" is a token
// of its own so "China's" yields "China" and "'s".
func tokenize(text string, start, end int) []token {
	var out []token
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !isWordRune(r) {
			if isApos(r) && possessiveAt(text, i, end) {
				n := size + 1
				out = append(out, token{text: text[i : i+n], start: i, end: i + n, word: true})
				i += n
				continue
			}
			out = append(out, token{text: text[i : i+size], start: i, end: i + size})
			i += size
			continue
		}
		j := i + size
		for j < end {
			r, size := utf8.DecodeRuneInString(text[j:end])
			if isWordRune(r) {
				j += size
				continue
			}
			next, _ := utf8.DecodeRuneInString(text[j+size : end])
			if j+size >= end {
				next = 0
			}
			switch {
			case r == '.' && isWordRune(next):
			case r == ',' && isDigit(lastRune(text[i:j])) && isDigit(next) && thousandsGroup(text, j+size, end):
			case (r == '-' || r == '‑') && isWordRune(next):
			case isApos(r) && unicode.IsLetter(next) && !possessiveAt(text, j, end):
			default:
				goto done
			}
			j += size
		}
	done:
		// An initialism keeps its last full stop: "U.S." not "U.S".
		if j < end && text[j] == '.' && isInitialism(text[i:j]) {
			j++
		}
		out = append(out, token{text: text[i:j], start: i, end: j, word: true})
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
func isDigit(r rune) bool    { return r >= '0' && r <= '9' }
func isApos(r rune) bool     { return r == '\'' || r == '’' }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// thousandsGroup reports whether text[i:] starts with exactly three digits,
// so "1,200" is one figure and "12,15" (a list) is two.
func thousandsGroup(text string, i, end int) bool {
	n := 0
	for i+n < end && isDigit(rune(text[i+n])) {
		n++
	}
	return n == 3
}

// possessiveAt reports whether the apostrophe at text[i] opens a possessive
// "'s" that ends the word.
func possessiveAt(text string, i, end int) bool {
	_, size := utf8.DecodeRuneInString(text[i:end])
	j := i + size
	if j >= end || (text[j] != 's' && text[j] != 'S') {
		return false
	}
	if j+1 < end {
		r, _ := utf8.DecodeRuneInString(text[j+1 : end])
		if isWordRune(r) {
			return false
		}
	}
	return i > 0
}

// isInitialism reports whether s looks like "U.S" or "D.C": single letters
// separated by full stops.
func isInitialism(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}
