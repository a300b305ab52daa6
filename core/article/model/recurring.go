package model

import (
	"unicode"
	"unicode/utf8"
)

// Recurrence is what the host's cross-file pre-pass found about an article's
// lines in one run (core/runner/recurring.go): a line that recurs verbatim in
// many articles of the same source is page furniture whatever its words.
//
// It is nil when the run gave no cross-file signal: a single-article run
// (one file, standard input, the language server, a hook request of one
// article) or a test that builds one article. Rules must treat nil as "don't
// know", never as "no line recurs".
type Recurrence struct {
	// Source names the group the article was compared within: its
	// "source" or "site" metadata field when it has one (CMS JSON, front
	// matter), else the directory of its file.
	Source string `json:"source"`
	// GroupFiles is how many articles of that source the run checked, this
	// one included.
	GroupFiles int `json:"group_files"`
	// Lines are the article's lines that occur in at least one other
	// article of the group, in text order.
	Lines []RecurringLine `json:"lines,omitempty"`
}

// RecurringLine is one line of the article that recurs in other articles
// of its source, compared after normalisation (NormaliseLine).
type RecurringLine struct {
	// Span is the line in Text, without its surrounding spaces.
	Span Span `json:"span"`
	// Files is how many articles of the group contain the line, this one
	// included (2 or more).
	Files int `json:"files"`
	// Others names up to three of the other articles that contain it, by
	// Path, for messages.
	Others []string `json:"others,omitempty"`
}

// FoldDigitsMaxWords: digit runs are folded only in lines of at most this
// many words. Widgets, counters and footers are short and carry counts
// that change from page to page ("Comments (12)", "© 2025", "5 min
// read"); a longer line that differs only in its numbers is a templated
// story sentence (a result, a price, a forecast), not furniture.
const FoldDigitsMaxWords = 6

// NormaliseLine appends to buf the form in which the cross-file pre-pass
// compares a line: spaces of any kind collapsed to one, letters
// lower-cased, and, in a line of at most FoldDigitsMaxWords words, each
// run of digits as one "0". It returns nil for a line with no letter
// ("___", "* * *", "12"), which says nothing about its source. Rules that
// compare lines with the pre-pass (an allow-list) use it too.
func NormaliseLine(buf []byte, line string) []byte {
	fold := wordCount(line) <= FoldDigitsMaxWords
	letters := false
	space, digit := false, false
	for _, r := range line {
		switch {
		case unicode.IsSpace(r):
			space, digit = true, false
			continue
		case fold && unicode.IsDigit(r):
			if digit {
				continue
			}
			digit = true
			r = '0'
		default:
			digit = false
			if unicode.IsLetter(r) {
				letters = true
				r = unicode.ToLower(r)
			}
		}
		if space && len(buf) > 0 {
			buf = append(buf, ' ')
		}
		space = false
		buf = utf8.AppendRune(buf, r)
	}
	if !letters {
		return nil
	}
	return buf
}

// wordCount counts the space-separated words of s, stopping early past
// FoldDigitsMaxWords.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
			if n > FoldDigitsMaxWords {
				return n
			}
		}
	}
	return n
}
