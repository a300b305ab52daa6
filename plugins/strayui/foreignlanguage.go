package strayui

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/sdk"
	"github.com/pemistahl/lingua-go"
)

// ForeignLanguage reports short lines in another language than the
// article's, found by language identification.
var ForeignLanguage = &sdk.Rule{
	// Every strayui rule judges a line against the article's own
	// language, whatever that is: chrome in data/chrome.txt's 27
	// languages, or in any other, is stray in copy of any language.
	Languages: anyLanguage,
	Name:      "foreign-language",
	Category:  sdk.CategoryStrayUI,
	Severity:  sdk.Warning,
	Summary:   "a short line in another language than the article's, such as a translated comment form",
	Doc:       foreignDoc,
	Example: sdk.Example{
		Before: "Talks resume\n\nThe two sides will meet again next week to settle the remaining issues, the ministry said on Tuesday in a statement.\n\nPřejít k obsahu webu",
		After:  "Talks resume\n\nThe two sides will meet again next week to settle the remaining issues, the ministry said on Tuesday in a statement.",
	},
	Check: checkForeign,
}

const foreignDoc = `Reports a short line in another language than the article's: a comment form or
widget in a language data/chrome.txt does not list.

Cheap signals pick the few lines worth identifying: a short line with UI
vocabulary (data/ui-words.txt: stems such as koment, publi, e-mail, udostęp in
26 languages), or one written in another script than the article's. Lines in
a script none of the identifier's languages use (Japanese, Arabic, Hebrew...)
are reported by script.

The article's language is the article_language option, else the language the
host set on the article (CMS field, configuration or identification), else
it is taken from the copy's function words when it is plainly English, and
otherwise identified from its longest paragraphs. A host language the
identifier does not know (not in languages) turns the rule off for that
article. URLs, e-mail addresses (also "name(at)example.com"), @handles,
hashtags and code-like tokens are removed before a line is judged, and a line
that is mostly such tokens is left alone; a line with four or more words in
lower case is identified by those alone, so that names do not lend it their
language. A line is a
candidate only when it is short (at most 20 words), not a quotation, not a
credit line or dateline, has almost no English function words, does not read
as an English sentence, and is not a name: lines whose words are all
capitalised ("Wang Yi", "Bundestag") or repeat names used elsewhere in the
article (a garbled byline) are left alone. Candidates go to the language
identifier, and the line is reported when the identifier gives the article's
language less than max_confidence (0.1) and prefers another language.

Options (plugin-wide): languages (the identifier's candidates, ISO 639-1),
article_language (skip identification of the copy), max_confidence.`

// uiVocab holds the stems of data/ui-words.txt.
type uiVocab struct {
	stems  []string // word prefixes
	whole  map[string]bool
	phrase []string // several words, matched at a word boundary
}

// parseVocab reads the entries of data/ui-words.txt, in lower case.
func parseVocab(lines []string) *uiVocab {
	v := &uiVocab{whole: map[string]bool{}}
	for _, line := range lines {
		switch {
		case strings.HasPrefix(line, "="):
			v.whole[line[1:]] = true
		case strings.Contains(line, " "):
			v.phrase = append(v.phrase, line)
		default:
			v.stems = append(v.stems, line)
		}
	}
	return v
}

// has reports whether a line contains UI vocabulary.
func (v *uiVocab) has(text string) bool {
	n := normalize(text)
	for _, w := range words(n) {
		w = strings.ReplaceAll(w, "’", "'")
		if v.whole[w] {
			return true
		}
		for _, s := range v.stems {
			if strings.HasPrefix(w, s) {
				return true
			}
		}
	}
	padded := " " + n
	for _, p := range v.phrase {
		if strings.Contains(padded, " "+p) {
			return true
		}
	}
	return false
}

// Cheap signals decide which lines the language identifier looks at at all.
// Language identification on one- to five-word strings is unreliable (short
// English lines are routinely taken for Ganda, Swedish or Tagalog), so it is
// only asked about lines that already look like UI text: short, standalone,
// not a sentence of English, not a name, not a credit line or a dateline.

const maxForeignWords = 20

var (
	creditLine = regexp.MustCompile(`(?i)(^by\s|\sby\s|;\s*editing|^(reporting|writing|editing|additional reporting)\b)`)
	dateline   = regexp.MustCompile(`(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?,?\s+\d`)
)

func checkForeign(p *sdk.Pass) {
	st := stateOf(p)
	units := linesOf(p)
	var names map[string]bool
	articleLang, ok := st.languageOf(p)
	if !ok {
		return // the copy is in a language the identifier cannot compare with
	}
	articleScript := ""
	for i, u := range units {
		if u.skip {
			continue
		}
		// URLs, e-mail addresses, handles and code are in no language:
		// the line is judged by its words alone.
		text := stripNonWords(u.text)
		if text != u.text && len(words(text))*2 < len(words(u.text)) {
			continue // mostly code, links or handles: nothing to identify
		}
		sc := scriptOf(text)
		if sc != "" && articleScript == "" {
			articleScript = dominantScript(units)
		}
		otherScript := sc != "" && sc != articleScript
		if !suspicious(st, text, otherScript) {
			continue
		}
		own, top, topConf := st.id.confidences(namesAside(text), articleLang)
		if own >= st.maxConf || top == articleLang {
			continue
		}
		if top == lingua.Unknown {
			// A script none of the identifier's languages is written in
			// (Japanese, Arabic, Hebrew... unless added to languages):
			// the script alone says the line is not the article's.
			if otherScript {
				report(p, u, u.span.End,
					fmt.Sprintf("line in %s script inside %s copy (%s): UI text left by the scraper? delete it", sc, languageName(articleLang), clip(u.text)),
					"delete the "+sc+" line")
			}
			continue
		}
		// One or two plain-ASCII words carry too few trigrams to tell a
		// foreign label from a clipped English one: ask for less English.
		if isASCII(text) && len(words(text)) <= 2 && own >= st.maxConf/5 {
			continue
		}
		if names == nil {
			names = capitalisedWords(units)
		}
		// Names and titles are left alone unless the identifier is sure.
		if nameLike(text, names, i, units, topConf >= 0.9) {
			continue
		}
		report(p, u, u.span.End,
			fmt.Sprintf("line in %s inside %s copy (%s): UI text left by the scraper? delete it", languageName(top), languageName(articleLang), clip(u.text)),
			"delete the "+languageName(top)+" line")
	}
}

// nonWord matches the tokens of a line that are in no language, so that the
// foreign-language rule neither counts nor identifies them (named heuristic
// "non-word tokens", tested in TestStripNonWords):
//   - URLs and bare domains: https://example.com/a, www.example.com,
//     example.com/path, shia-explained.com;
//   - e-mail addresses, also written with (at) or [at]: name@example.com,
//     name(at)example.com;
//   - handles and hashtags: @dinara_snizhevskaya, #Browns;
//   - code-like tokens: a name with a dot, underscore, bracket or "=" inside
//     it, two letters or more each side (player.setav, dp3_1_en, foo(),
//     max_conf=0.1; "U.S." and "a.m." are abbreviations), or a word that mixes lower
//     and upper case after its first letter (camelCase, iPhone is spared:
//     one capital after a lower-case start is a brand).
var nonWord = regexp.MustCompile(`(?i)(` +
	`\b(?:https?://|www\.)\S+` + // URLs
	`|\S+(?:@|\(at\)|\[at\])\S+\.\pL{2,}\S*` + // e-mail addresses
	`|(?:^|\s)[@#][\pL\pN_.]+` + // handles, hashtags
	`|\b[\pL\pN-]+\.(?:com|org|net|edu|gov|info|io|co|uk|de|pl|ru|fr|it|es|nl|eu|at|ch|cz)\b\S*` + // domains
	`|\b\pL[\pL\pN]+(?:_[\pL\pN]+|[.=][\pL\pN]{2,}|\(\))[\pL\pN._=()]*` + // code
	`)`)

// camelCase matches a word with an upper-case letter after two lower-case
// ones ("setAv", "getElementById"), which prose does not write.
var camelCase = regexp.MustCompile(`\b\pL*\p{Ll}\p{Ll}\p{Lu}\pL*\b`)

// stripNonWords removes the non-word tokens from a line (see nonWord).
func stripNonWords(s string) string {
	camel := mayBeCamelCase(s)
	if !strings.ContainsAny(s, "@#./_=()[]") && !(camel && camelCase.MatchString(s)) {
		return s
	}
	// The regexps run only where they can match: most prose lines pass
	// the test above for a full stop alone, and the two replacements were
	// a fifth of the plugin's time (bench/NOTES.md). The gates are
	// necessary conditions, so the result is the same.
	if mayBeNonWord(s) {
		s = nonWord.ReplaceAllString(s, " ")
	}
	if camel {
		s = camelCase.ReplaceAllString(s, " ")
	}
	return strings.Join(strings.Fields(s), " ")
}

// mayBeNonWord reports whether nonWord can match s: every alternative
// needs one of @ # _ =, "()", "://", "(at)" or "[at]", "www.", or a full
// stop after a letter, digit or hyphen and before two letters or digits
// (a domain's or a code name's; "U.S." and "3.5" have no such stop).
func mayBeNonWord(s string) bool {
	if strings.ContainsAny(s, "@#_=") || strings.Contains(s, "()") || strings.Contains(s, "://") {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			if i+4 <= len(s) && strings.EqualFold(s[i+1:i+3], "at") && (s[i+3] == ')' || s[i+3] == ']') {
				return true
			}
		case '.':
			if i >= 3 && strings.EqualFold(s[i-3:i], "www") {
				return true
			}
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			if !(alnum(before) || before == '-') {
				continue
			}
			r1, n1 := utf8.DecodeRuneInString(s[i+1:])
			r2, _ := utf8.DecodeRuneInString(s[i+1+n1:])
			if alnum(r1) && alnum(r2) {
				return true
			}
		}
	}
	return false
}

func alnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) } // \pL, \pN

// mayBeCamelCase reports whether camelCase can match s: it needs two
// lower-case letters directly before an upper-case one.
func mayBeCamelCase(s string) bool {
	lower := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			lower++
		case unicode.IsUpper(r) && lower >= 2:
			return true
		default:
			lower = 0
		}
	}
	return false
}

// minCommonWords is the fewest words in lower case namesAside needs to
// judge a line by them alone.
const minCommonWords = 4

// namesAside is the named heuristic "names aside": the identifier judges a
// line by its words in lower case when it has at least minCommonWords of
// them, so that names ("Jan Kowalski can be reached at ... via e-mail")
// do not lend the line their language. A short label ("Dodaj komentarz")
// is judged whole.
func namesAside(text string) string {
	var common []string
	for _, w := range strings.Fields(text) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) {
			common = append(common, w)
		}
	}
	if len(common) < minCommonWords {
		return text
	}
	return strings.Join(common, " ")
}

// suspicious applies the cheap signals: a short line that is not a known
// string (other rules report those), not a related-link label, not quoted,
// not a credit line or dateline, and not a sentence with English function
// words in it.
func suspicious(st *state, text string, otherScript bool) bool {
	w := words(text)
	if len(w) == 0 || len(w) > maxForeignWords {
		return false
	}
	if isASCII(text) && !strings.ContainsAny(text, "aeiouyAEIOUY") {
		return false // no vowel: an abbreviation or a code, not a language
	}
	if !otherScript && !st.vocab.has(text) {
		return false // no UI vocabulary: a title, a name, a quotation
	}
	if st.table.match(text) != nil {
		return false
	}
	if l, _ := st.table.label(text); l != nil {
		return false
	}
	if r := []rune(text)[0]; strings.ContainsRune("\"'“‘«„‹", r) {
		return false // a quotation belongs to the story
	}
	if creditLine.MatchString(text) || dateline.MatchString(text) {
		return false
	}
	letters := 0
	for _, x := range w {
		for _, r := range x {
			if unicode.IsLetter(r) {
				letters++
				break
			}
		}
	}
	if letters == 0 {
		return false // scores, figures
	}
	eng := 0
	for _, x := range w {
		if englishLineWords[strings.ToLower(x)] {
			eng++
		}
	}
	if eng*4 >= len(w) {
		return false
	}
	return true
}

// englishLineWords are the English function words that other languages do
// not also use ("a", "in", "to", "is", "at" are words in Portuguese,
// Italian, Polish, Dutch, Danish...).
var englishLineWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range englishWords {
		switch w {
		case "a", "in", "to", "is", "at", "on", "be", "an", "as", "was", "it", "or", "we", "her", "will":
			continue
		}
		m[w] = true
	}
	return m
}()

// scripts are the writing systems scriptOf tells apart.
var scripts = []struct {
	name  int // index in scriptNames
	table *unicode.RangeTable
}{
	{0, unicode.Latin}, {1, unicode.Cyrillic}, {2, unicode.Greek},
	{3, unicode.Arabic}, {4, unicode.Hebrew}, {5, unicode.Han},
	{6, unicode.Hiragana}, {6, unicode.Katakana}, {7, unicode.Hangul},
	{8, unicode.Thai}, {9, unicode.Devanagari}, {10, unicode.Bengali},
	{11, unicode.Tamil}, {12, unicode.Georgian}, {13, unicode.Armenian},
	{14, unicode.Ethiopic},
}

// scriptNames names the scripts; Latin must stay first (scriptOf).
var scriptNames = [...]string{
	"Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Han", "Japanese", "Hangul",
	"Thai", "Devanagari", "Bengali", "Tamil", "Georgian", "Armenian", "Ethiopic",
}

// scriptOf returns the script that holds at least 60% of a line's letters,
// or "" for lines with no letters or no clear script. (Counts are kept by
// position in scripts, not in a map: this runs over every letter of the
// copy, and plain ASCII letters are Latin without a table lookup.)
func scriptOf(text string) string {
	var counts [len(scriptNames)]int
	letters := 0
	for _, r := range text {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				letters++
				counts[0]++ // Latin
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		for _, sc := range scripts {
			if unicode.Is(sc.table, r) {
				counts[sc.name]++
				break
			}
		}
	}
	for name, n := range counts {
		if n > 0 && n*5 >= letters*3 {
			return scriptNames[name]
		}
	}
	return ""
}

// dominantScript is the script of most of the article's letters.
func dominantScript(units []unit) string {
	counts := map[string]int{}
	for _, u := range units {
		if sc := scriptOf(u.text); sc != "" {
			counts[sc] += len(u.text)
		}
	}
	best, n := "", 0
	for sc, c := range counts {
		if c > n {
			best, n = sc, c
		}
	}
	return best
}

// capitalisedWords collects the lower-cased capitalised words of the
// article, by line, so that a line repeating (or misspelling) names used
// elsewhere is recognised as names.
func capitalisedWords(units []unit) map[string]bool {
	out := map[string]bool{}
	for _, u := range units {
		for _, w := range words(u.text) {
			r := []rune(w)
			if len(r) >= 3 && unicode.IsUpper(r[0]) {
				out[strings.ToLower(w)] = true
			}
		}
	}
	return out
}

// nameLike reports whether a line is a name or a title rather than UI text:
// every word capitalised ("Wang Yi", "Bundestag", "Korea Republic"), or half
// its words are, or nearly are, capitalised words found elsewhere in the
// article (a garbled reporter's name such as "Samel nakmura").
func nameLike(text string, names map[string]bool, self int, units []unit, sure bool) bool {
	w := words(text)
	caps, near := 0, 0
	for _, x := range w {
		r := []rune(x)
		if unicode.IsUpper(r[0]) || unicode.IsDigit(r[0]) {
			caps++
		}
		lx := strings.ToLower(x)
		if names[lx] && otherLineHas(units, self, x) {
			near++ // the same word is capitalised on another line
			continue
		}
		if len([]rune(lx)) < 4 {
			continue
		}
		for n := range names {
			if n != lx && closeWords(lx, n) {
				near++
				break
			}
		}
	}
	return (caps == len(w) && !sure) || near*2 >= len(w)
}

func otherLineHas(units []unit, self int, w string) bool {
	for i, u := range units {
		if i != self && strings.Contains(u.text, w) {
			return true
		}
	}
	return false
}

// closeWords reports whether a and b differ by at most two edits (one for
// short words).
func closeWords(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	max := 2
	if len(ra) < 6 {
		max = 1
	}
	if d := len(ra) - len(rb); d > max || -d > max {
		return false
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= max
}
