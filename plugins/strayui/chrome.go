package strayui

import (
	"embed"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/sdk/wordlist"
)

// dataFS holds the built-in lists: data/chrome.txt (known UI strings; see
// its header for the format) and data/ui-words.txt.
//
//go:embed data/*.txt
var dataFS embed.FS

// Kinds of chrome, as named in data/chrome.txt.
const (
	kindComment    = "comment"
	kindShare      = "share"
	kindRelated    = "related"
	kindNav        = "nav"
	kindNewsletter = "newsletter"
	kindCookie     = "cookie"
	kindAd         = "ad"
	kindMedia      = "media"
	kindFooter     = "footer"
	kindLabel      = "label"
)

var kindWords = map[string]string{
	kindComment:    "comment-form text",
	kindShare:      "share/like widget text",
	kindRelated:    "related-posts or read-more link",
	kindNav:        "site navigation text",
	kindNewsletter: "newsletter prompt",
	kindCookie:     "cookie prompt",
	kindAd:         "advertising label",
	kindMedia:      "image or video label",
	kindFooter:     "site footer",
	kindLabel:      "related-link label",
}

// phrase is one known UI string.
type phrase struct {
	Lang, Kind, Text string
	norm             string
	pattern          *lazyPattern // for phrases with "…" wildcards
	lead             string       // the pattern's literal start, a cheap first test
	core             string       // its longest literal part, another
	weak             bool         // a single everyday word: needs corroboration
}

// chromeTable indexes known phrases by their normalised text.
type chromeTable struct {
	exact map[string][]*phrase
	// exactFields is the most words (strings.Fields) of an exact entry:
	// a line with more words that stripCount cannot remove matches none.
	exactFields int
	patterns    []*phrase
	labels      []*phrase // related-link labels, longest first
}

// optionEntries numbers the entries of a list option (1-based) for
// parseChrome's messages.
func optionEntries(opts []string) []wordlist.Entry {
	out := make([]wordlist.Entry, 0, len(opts))
	for i, o := range opts {
		if o = strings.TrimSpace(o); o != "" {
			out = append(out, wordlist.Entry{Text: o, Line: i + 1})
		}
	}
	return out
}

// parseChrome reads entries in the data file's format. src names the source
// for error messages.
func parseChrome(src string, entries []wordlist.Entry, t *chromeTable) error {
	if t.exact == nil {
		t.exact = map[string][]*phrase{}
	}
	for _, e := range entries {
		line, i := e.Text, e.Line-1
		parts := strings.SplitN(line, "|", 3)
		if len(parts) != 3 {
			return fmt.Errorf("%s:%d: want \"LANG | KIND | PHRASE\", got %q", src, i+1, line)
		}
		p := &phrase{Lang: strings.TrimSpace(parts[0]), Kind: strings.TrimSpace(parts[1]), Text: strings.TrimSpace(parts[2])}
		if _, ok := kindWords[p.Kind]; !ok {
			return fmt.Errorf("%s:%d: unknown kind %q (use one of comment, share, related, nav, newsletter, cookie, ad, media, footer, label)", src, i+1, p.Kind)
		}
		if strings.Contains(p.Text, "…") && p.Kind != kindLabel {
			re, err := wildcard(p.Text)
			if err != nil {
				return fmt.Errorf("%s:%d: %v", src, i+1, err)
			}
			p.pattern = re
			if lead, _, _ := strings.Cut(p.Text, "…"); strings.TrimSpace(lead) != "" {
				p.lead = normalize(lead)
			}
			for _, part := range strings.Split(p.Text, "…") {
				if n := strings.TrimSpace(normalize(part)); len(n) > len(p.core) {
					p.core = n
				}
			}
			t.patterns = append(t.patterns, p)
			continue
		}
		p.norm = normalize(p.Text)
		if p.norm == "" {
			return fmt.Errorf("%s:%d: empty phrase", src, i+1)
		}
		if p.Kind == kindLabel {
			t.labels = append(t.labels, p)
			if strings.Contains(p.norm, " ") {
				// A label of several words on a line of its own ("Read
				// next", "More on this story") is the widget's title,
				// left behind without its links.
				bare := *p
				bare.Kind = kindRelated
				t.addExact(p.norm, &bare)
			}
			continue
		}
		p.weak = !strings.Contains(p.norm, " ") && isASCII(p.norm) && p.Kind != kindAd
		t.addExact(p.norm, p)
	}
	return nil
}

func (t *chromeTable) addExact(norm string, p *phrase) {
	t.exact[norm] = append(t.exact[norm], p)
	t.exactFields = max(t.exactFields, len(strings.Fields(norm)))
}

// keptFields counts the words of a normalised line that stripCount always
// keeps: those with a letter and no digit (it removes only counts, and
// trims only " :*.!?|"). A line with more of them than exactFields cannot
// become an exact entry by losing its counts.
func keptFields(n string) int {
	k := 0
	for _, f := range strings.Fields(n) {
		if !strings.ContainsAny(f, "0123456789") && strings.IndexFunc(f, unicode.IsLetter) >= 0 {
			k++
		}
	}
	return k
}

// maxPatternWords is the longest line a wildcard phrase may match.
const maxPatternWords = 20

// lazyPattern is a wildcard phrase's regexp, compiled on first use: the
// prefix and core tests in match rule out nearly every line first, and
// compiling the few hundred built-in patterns cost the strayui process
// several milliseconds at start. The pattern is quoted literals and fixed
// syntax, so it cannot fail to compile.
type lazyPattern struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

func (l *lazyPattern) MatchString(s string) bool {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re.MatchString(s)
}

// wildcard turns a phrase with "…" wildcards into a pattern over
// normalised lines. A literal part ending in a letter must end at a word
// boundary, so "Tagged …" does not match "Taggedness".
func wildcard(text string) (*lazyPattern, error) {
	parts := strings.Split(text, "…")
	var b strings.Builder
	b.WriteString("^")
	for i, part := range parts {
		if i > 0 {
			b.WriteString(".*")
		}
		n := normalize(part)
		if i > 0 {
			n = strings.TrimLeft(n, " ")
		}
		if n == "" {
			continue
		}
		b.WriteString(regexp.QuoteMeta(n))
		if r, _ := utf8.DecodeLastRuneInString(n); unicode.IsLetter(r) {
			b.WriteString(`(?:$|[^\pL])`)
		}
	}
	if b.Len() == 1 {
		return nil, fmt.Errorf("phrase %q is only wildcards", text)
	}
	return &lazyPattern{src: b.String()}, nil
}

// normalize folds the differences that do not distinguish one UI string from
// another: case, runs of spaces (including no-break spaces), curly
// apostrophes, and the trailing colon, asterisk, full stop or ellipsis that
// widgets add or drop.
func normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f':
			space = true
			continue
		case r == '’' || r == '‘' || r == 'ʼ':
			r = '\''
		case r == '…':
			r = '.'
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimRight(b.String(), " :*.!?|")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// joined matches a row of widget labels joined by separators.
func (t *chromeTable) joined(n string) *phrase {
	pieces := navSep.Split(n, -1)
	if len(pieces) < 2 {
		return nil
	}
	var first *phrase
	for _, piece := range pieces {
		piece = strings.TrimSpace(piece)
		if piece == "" {
			continue
		}
		c, _ := stripCount(piece)
		p := t.part(c)
		if p == nil {
			return nil
		}
		if first == nil {
			first = p
		}
	}
	if first == nil {
		return nil
	}
	out := *first
	out.weak = false
	return &out
}

// match finds the known phrase a whole line is, or a run of known phrases
// it is made of ("Your email address will not be published. Required fields
// are marked *"). It returns nil when the line is anything else.
func (t *chromeTable) match(line string) *phrase {
	n := normalize(line)
	if n == "" {
		return nil
	}
	if ps := t.exact[n]; len(ps) > 0 {
		return ps[0]
	}
	// A count beside a label: "Comments (12)", "12 Comments", "Shares 4".
	// (keptFields: a line too long to be a label with a count skips the
	// regexps.)
	if keptFields(n) <= t.exactFields {
		if c, paren := stripCount(n); c != n && c != "" {
			if ps := t.exact[c]; len(ps) > 0 {
				if !paren {
					return ps[0]
				}
				out := *ps[0]
				out.weak = false // "(12)" is a widget's counter, never a subhead's
				return &out
			}
		}
	}
	// Widget labels joined by separators: "Share | Tweet | Email this",
	// "Print this page · Back to top". Every piece must be known. (The
	// length test comes first: splitting every paragraph was costly.)
	if !moreWords(n, maxPatternWords) {
		if p := t.joined(n); p != nil {
			return p
		}
	}
	// Two widget labels run together: "Leave a reply Cancel reply",
	// "Print this page Back to top".
	if p := t.pair(n); p != nil {
		return p
	}
	// A share bar's service names run together: "Facebook Twitter Email".
	if strings.Contains(n, " ") && !moreWords(n, 8) {
		if p := t.services(n); p != nil {
			return p
		}
	}
	// Wildcard phrases ("Click to share on …") match short lines only: a
	// sentence that happens to begin "Posted in" or "More from" is copy.
	if !moreWords(n, maxPatternWords) {
		for _, p := range t.patterns {
			if strings.HasPrefix(n, p.lead) && strings.Contains(n, p.core) && p.pattern.MatchString(n) && (p.Kind == kindCookie || p.Kind == kindFooter || !strings.HasSuffix(strings.TrimSpace(line), ".")) {
				return p
			}
		}
	}
	// Several phrases on one line: split after sentence punctuation and
	// require every piece to be known.
	parts := splitSentences(n)
	if len(parts) < 2 {
		return nil
	}
	var first *phrase
	for _, part := range parts {
		p := t.part(normalize(part))
		if p == nil {
			return nil
		}
		if first == nil {
			first = p
		}
	}
	out := *first
	out.weak = false
	return &out
}

// countRe matches a widget's counter beside its label: "(12)", "[3]",
// "1.2k" at the start or the end of a normalised line.
var countRe = regexp.MustCompile(`^\d[\d,.]*[km]?\s+|\s*[(\[]\d[\d,.]*[km]?[)\]]|\s+\d[\d,.]*[km]?$`)

var yearRe = regexp.MustCompile(`^\D*(1[89]|20)\d\d\D*$`)

// stripCount removes counters from a normalised line (named heuristic
// "widget counter"); paren reports a counter in brackets, which only widgets
// write.
func stripCount(n string) (out string, paren bool) {
	paren = strings.ContainsAny(n, "([")
	if !strings.ContainsAny(n, "0123456789") {
		// countRe needs a digit: what the regexps give when nothing
		// matches, without running them (bench/NOTES.md).
		out = strings.TrimRight(strings.TrimSpace(n), " :*.!?|")
		return out, paren && out != n
	}
	for _, c := range countRe.FindAllString(n, -1) {
		if yearRe.MatchString(c) {
			return n, false // "In 2014", "Election 2020": a year, not a count
		}
	}
	out = strings.TrimSpace(countRe.ReplaceAllString(n, ""))
	out = strings.TrimRight(out, " :*.!?|")
	return out, paren && out != n
}

// maxPairWords is the longest line pair tries to cut in two known phrases.
const maxPairWords = 10

// pair returns the first of two known phrases of several words each that
// make up a normalised line, cut at a space.
func (t *chromeTable) pair(n string) *phrase {
	if moreWords(n, maxPairWords) {
		return nil
	}
	for i := 0; i < len(n); i++ {
		if n[i] != ' ' {
			continue
		}
		left, right := n[:i], n[i+1:]
		if !strings.Contains(left, " ") || !strings.Contains(right, " ") {
			continue // one everyday word is too weak a half
		}
		if lp, rp := t.exact[strings.TrimRight(left, " :*.!?|")], t.exact[right]; len(lp) > 0 && len(rp) > 0 {
			out := *lp[0]
			out.weak = false
			return &out
		}
	}
	return nil
}

// services returns the first of a line's words when every word is a share
// service or share label of one word ("facebook twitter email").
func (t *chromeTable) services(n string) *phrase {
	var first *phrase
	for _, w := range strings.Fields(n) {
		var hit *phrase
		for _, p := range t.exact[w] {
			if p.Kind == kindShare {
				hit = p
				break
			}
		}
		if hit == nil {
			return nil
		}
		if first == nil {
			first = hit
		}
	}
	out := *first
	out.weak = false
	return &out
}

// part finds a piece of a multi-phrase line: a known phrase, or a run of
// known single words ("twitter facebook" after "Share this:").
func (t *chromeTable) part(n string) *phrase {
	if ps := t.exact[n]; len(ps) > 0 {
		return ps[0]
	}
	var first *phrase
	for _, w := range strings.Fields(n) {
		ps := t.exact[w]
		if len(ps) == 0 {
			return nil
		}
		if first == nil {
			first = ps[0]
		}
	}
	return first
}

// splitSentences cuts normalised text after ". ", "? ", "! ", "* ", ": "
// and "| ".
func splitSentences(n string) []string {
	var out []string
	start := 0
	for i := 0; i+1 < len(n); i++ {
		switch n[i] {
		case '.', '?', '!', '*', ':', '|':
			if n[i+1] == ' ' {
				out = append(out, n[start:i+1])
				start = i + 2
			}
		}
	}
	if start < len(n) {
		out = append(out, n[start:])
	}
	return out
}

// label returns the related-link label a line starts with and the rest of
// the line after it and its separator ("READ\u00a0 Headline" -> READ,
// "Headline"). Upper-case labels may be followed by spaces alone; mixed-case
// ones ("Read more") need a colon, bar or dash, so that an ordinary sentence
// beginning "Read the..." is never taken for a link.
func (t *chromeTable) label(line string) (*phrase, string) {
	for _, p := range t.labels {
		lp := p.Text
		if len(line) < len(lp) || !strings.EqualFold(line[:len(lp)], lp) {
			continue
		}
		upper := line[:len(lp)] == strings.ToUpper(lp) && strings.ToUpper(lp) != strings.ToLower(lp)
		rest := line[len(lp):]
		trimmed := strings.TrimLeftFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' })
		if rest != "" && trimmed == rest {
			// "READING" or "Relatedness": the label must end at a word boundary.
			r, _ := utf8.DecodeRuneInString(rest)
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue
			}
		}
		sep := false
		for _, c := range []string{":", "|", "-", "–", "—", "»", ">"} {
			if strings.HasPrefix(trimmed, c) {
				sep = true
				trimmed = strings.TrimLeftFunc(trimmed[len(c):], func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' })
				break
			}
		}
		if !sep && !upper {
			continue
		}
		// Without a separator, an upper-case label needs the gap a widget
		// leaves (a no-break space or two spaces): "READ the report" with
		// one space is a sentence in capitals, not a link.
		// One plain space will do before a capitalised headline with no
		// closing full stop ("READ Storm closes ports"), which no sentence
		// in capitals looks like.
		if gap := rest[:len(rest)-len(strings.TrimLeft(rest, " \t\u00a0"))]; !sep && rest != "" && !strings.Contains(gap, "\u00a0") && len(gap) < 2 && !capitalisedTitle(trimmed) {
			continue
		}
		return p, trimmed
	}
	return nil, ""
}

// capitalisedTitle reports text that opens with a capital letter, a figure
// or a quotation mark, has a lower-case letter (it is not a line in
// capitals) and does not end as a sentence does.
func capitalisedTitle(s string) bool {
	s = strings.TrimSpace(s)
	r, _ := utf8.DecodeRuneInString(s)
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘", r)) {
		return false
	}
	return strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyz") && !strings.HasSuffix(s, ".")
}
