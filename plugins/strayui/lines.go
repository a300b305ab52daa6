package strayui

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
)

// unit is one line of the article's body: stray chrome always arrives as
// whole lines, so lines, not sentences, are what the rules judge.
type unit struct {
	text string
	span sdk.Span
	// skip marks lines the rules leave alone: the headline, CMS byline and
	// dateline fields, and blocks the markup already marks as furniture
	// (aside, nav, footer, figcaption), which are not stray in the body.
	skip bool
	// aside marks skipped lines the markup marks as furniture (aside,
	// nav, footer, figcaption): a furniture run goes on across them.
	aside bool
	// quote marks lines of a blockquote (a quotation and its citation):
	// part of the story, never a furniture run.
	quote bool
	// element is the place of a line of an Aside block in HTML: the
	// furniture elements around it ("nav", "article>aside"; see
	// Block.Element); "" for every other line.
	element string
	// headline marks the lines of the headline block.
	headline bool
	// offMain marks, in a web page, lines of blocks the host's
	// main-content extractor leaves out (article.MetaOffMain); offMainSet
	// says whether the article carries that signal at all.
	offMain, offMainSet bool
}

func splitLines(a *sdk.Article) []unit {
	var out []unit
	raw, offSet := a.Meta[article.MetaOffMain]
	off := map[int]bool{}
	for _, f := range strings.Split(raw, ",") {
		if n, err := strconv.Atoi(f); err == nil {
			off[n] = true
		}
	}
	for bi, b := range a.Blocks {
		if b.Kind == article.Code {
			continue
		}
		// The first line is the headline, except in a web page, where the
		// headline is its own block (the page may open with a menu).
		skip := bi == 0 && a.Format != article.FormatHTML
		aside := false
		switch b.Kind {
		case article.Headline, article.Byline, article.Dateline:
			skip = true
		case article.Aside, article.Caption:
			skip, aside = true, bi > 0
		}
		start := b.Span.Start
		text := a.BlockText(b)
		for _, line := range strings.SplitAfter(text, "\n") {
			l := strings.TrimRight(line, "\n")
			lead := len(l) - len(strings.TrimLeft(l, " \t"))
			trimmed := strings.TrimSpace(l)
			if trimmed != "" {
				s := start + lead
				u := unit{text: trimmed, span: sdk.Span{Start: s, End: s + len(trimmed)}, skip: skip, aside: aside, quote: b.Kind == article.BlockQuote, headline: b.Kind == article.Headline}
				if b.Kind == article.Aside && a.Format == article.FormatHTML {
					u.element = b.Element
				}
				u.offMain, u.offMainSet = off[bi], offSet
				out = append(out, u)
			}
			start += len(line)
		}
	}
	return out
}

// deletion widens span to take the line break after it (or, for the last
// line, before it) so that deleting it leaves no blank gap.
func deletion(text string, span sdk.Span) sdk.Span {
	end := span.End
	for end < len(text) && (text[end] == '\n' || text[end] == ' ' || text[end] == '\t') {
		end++
	}
	if end < len(text) {
		return sdk.Span{Start: span.Start, End: end}
	}
	start := span.Start
	for start > 0 && (text[start-1] == '\n' || text[start-1] == ' ' || text[start-1] == '\t') {
		start--
	}
	return sdk.Span{Start: start, End: end}
}

// words splits a line into its words (letters and digits, with inner
// apostrophes and hyphens).
func words(s string) []string {
	return strings.FieldsFunc(s, notWordRune)
}

func notWordRune(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-')
}

// moreWords reports len(words(s)) > n without splitting all of s: most
// lines are paragraphs of copy, far over any limit.
func moreWords(s string, n int) bool {
	count, in := 0, false
	for _, r := range s {
		if notWordRune(r) {
			in = false
			continue
		}
		if !in {
			in = true
			if count++; count > n {
				return true
			}
		}
	}
	return false
}

// headlineShaped reports whether s reads like a linked headline: a few words
// to a couple of dozen, starting with a capital, digit or quotation mark,
// one sentence at most, and not ending in a colon. After an upper-case
// label ("READ  iPhone sales slow") the headline may start in lower case.
func headlineShaped(s string, lowerOK bool) bool {
	s = strings.TrimSpace(s)
	w := words(s)
	if len(w) < 2 || len(w) > 25 {
		return false
	}
	r := []rune(s)[0]
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘«„", r) || (lowerOK && unicode.IsLetter(r))) {
		return false
	}
	if strings.HasSuffix(s, ":") {
		return false
	}
	// Two or more sentences are a paragraph, not a headline.
	for i := 0; i+2 < len(s); i++ {
		// "U.S. Senate" and "Mr. Li" are not sentence breaks: the word
		// before the stop must end in two lower-case letters.
		if (s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i+1] == ' ' && unicode.IsUpper(rune(s[i+2])) &&
			i >= 2 && unicode.IsLower(rune(s[i-1])) && unicode.IsLower(rune(s[i-2])) {
			return false
		}
	}
	return true
}
