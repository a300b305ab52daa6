package fragment

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
)

// sentence is one sentence of a body paragraph. It is tagged on first
// use: tagging is nearly all of the plugin's cost, and most sentences are
// ruled out by cheaper tests first.
type sentence struct {
	Span    sdk.Span
	Text    string
	tagOnce sync.Once
	toks    []token
	words   []string // the sentence's words, lower-cased, untagged
	names   map[string]bool
	Index   int // position in its paragraph
	// Broken is set when the sentence starts on a new line of its block or
	// runs over a line break: the block was several paragraphs or a list
	// whose breaks the reader kept, so the sentence before is not its
	// neighbour (a list item after "will include:", a TV listing).
	Broken bool
	// trace records the heuristics run on the sentence, when tracing.
	trace *sdk.Trace
	// Quoted is set when the sentence is, or lies inside, quoted speech:
	// people speak in fragments, and the quotes plugin owns broken quotes.
	Quoted bool
}

// Toks returns the sentence's tagged tokens.
func (s *sentence) Toks() []token {
	s.tagOnce.Do(func() {
		s.toks = tagSentence(s.Text)
		if i := firstWord(s.toks); i < len(s.toks) {
			s.toks[i].Name = s.names[s.toks[i].Text]
		}
	})
	return s.toks
}

// Words counts the sentence's words.
func (s *sentence) Words() int { return len(s.words) }

// FirstWord returns the sentence's first word, lower-cased, or "".
func (s *sentence) FirstWord() string {
	if len(s.words) == 0 {
		return ""
	}
	return s.words[0]
}

// splitWords cuts text into lower-case words: runs of letters, digits,
// apostrophes and inner hyphens.
func splitWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-' && r != '.' && r != '%'
	})
}

// body is the part of an article the fragment rules read: its body
// paragraphs, split into tagged sentences.
type body struct {
	Paras [][]*sentence
	trace *sdk.Trace // article-level heuristics, when tracing
	// Vocabulary holds the stems of the article's content words, with the
	// number of sentences each occurs in.
	Vocabulary map[string]int
}

// tagged is the body the rules read, analysed once per article and shared
// among the plugin's rules.
var tagged = &sdk.Analysis[*body]{Name: "fragment body", Run: func(a *sdk.Article, _ any) *body { return analyse(a) }}

// Sentences counts the body sentences.
func (b *body) Sentences() int {
	n := 0
	for _, p := range b.Paras {
		n += len(p)
	}
	return n
}

func bodyOf(p *sdk.Pass) *body { return tagged.Of(p) }

func analyse(a *sdk.Article) *body {
	b := &body{Vocabulary: map[string]int{}}
	if tracing.Load() {
		b.trace = &sdk.Trace{}
	}
	if b.trace != nil {
		lastTraced.Store(b)
	}
	names := articleNames(a)
	for _, blk := range bodyBlocks(a) {
		text := a.BlockText(blk)
		var para []*sentence
		for i, s := range blk.Sentences {
			st := &sentence{Span: s.Span, Text: a.SentenceText(s), Index: i, names: names}
			if b.trace != nil {
				st.trace = &sdk.Trace{}
			}
			st.Quoted = hasQuote(st.Text) || openQuoteBefore(text[:s.Span.Start-blk.Span.Start])
			st.Broken = strings.ContainsRune(strings.TrimSpace(st.Text), '\n') ||
				i > 0 && strings.ContainsRune(a.Text[blk.Sentences[i-1].Span.End:s.Span.Start], '\n')
			for _, w := range splitWords(st.Text) {
				if w = strings.Trim(w, "'’-."); w != "" {
					st.words = append(st.words, w)
				}
			}
			para = append(para, st)
			seen := map[string]bool{}
			for _, w := range st.words {
				if sm := stem(w); !stopwords[w] && !seen[sm] {
					seen[sm] = true
					b.Vocabulary[sm]++
				}
			}
		}
		b.Paras = append(b.Paras, para)
	}
	return b
}

// articleNames returns the capitalised words an article writes inside its
// sentences (not as their first word): its names.
func articleNames(a *sdk.Article) map[string]bool {
	out := map[string]bool{}
	for _, blk := range a.Blocks {
		if blk.Kind != article.Paragraph {
			continue // a headline in title case capitalises every word
		}
		for _, s := range blk.Sentences {
			fields := strings.Fields(a.SentenceText(s))
			for k, f := range fields {
				f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
				if k > 0 && f != "" && unicode.IsUpper([]rune(f)[0]) {
					out[f] = true
				}
			}
		}
	}
	return out
}

// bodyBlocks returns the paragraphs that read as prose: several words,
// mostly sentences that end with terminal punctuation. Headlines, labels,
// names and one-line widgets are other plugins' business; a credit line
// and whatever a scraper appended after it are page furniture. (A credit
// line early in the copy, such as a photo credit, only hides itself.)
func bodyBlocks(a *sdk.Article) []sdk.Block {
	var out []sdk.Block
	for i, blk := range a.Blocks {
		if blk.Kind != article.Paragraph {
			continue // headlines, subheads, list items, captions, quotes, furniture
		}
		text := a.BlockText(blk)
		if isCreditLine(text) {
			if 3*i >= 2*len(a.Blocks) {
				break
			}
			continue
		}
		if len(strings.Fields(text)) < 8 || len(blk.Sentences) == 0 {
			continue
		}
		terminal := 0
		for _, s := range blk.Sentences {
			if endsTerminal(a.SentenceText(s)) {
				terminal++
			}
		}
		if 2*terminal < len(blk.Sentences) {
			continue
		}
		out = append(out, blk)
	}
	return out
}

func isCreditLine(text string) bool {
	low := strings.ToLower(text)
	for _, c := range creditMarkers {
		if strings.HasPrefix(low, c) || (len(text) < 200 && strings.Contains(low, "; "+c)) {
			return true
		}
	}
	return false
}

// endsTerminal reports a sentence ending with . ! ? or an ellipsis, possibly
// followed by closing quotes or brackets.
func endsTerminal(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’)]»`, r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// endsQuestion reports a sentence ending with a question mark.
func endsQuestion(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’)]»`, r)
	})
	return strings.HasSuffix(s, "?")
}

const quoteMarks = "\"“”„«»"

// hasQuote reports quotation marks in a sentence. Single quotes double as
// apostrophes, so they only count at the sentence's edges: 'Not today.'
func hasQuote(s string) bool {
	if strings.ContainsAny(s, quoteMarks) {
		return true
	}
	return strings.HasPrefix(s, "'") || strings.HasPrefix(s, "‘") ||
		strings.HasSuffix(s, ".'") || strings.HasSuffix(s, ".’") || strings.HasSuffix(s, ",'") || strings.HasSuffix(s, "?'")
}

// openQuoteBefore reports whether a quotation opened earlier in the
// paragraph is still open.
func openQuoteBefore(s string) bool {
	open := false
	for _, r := range s {
		switch r {
		case '"':
			open = !open
		case '“', '„', '«':
			open = true
		case '”', '»':
			open = false
		}
	}
	return open
}

// contentStems returns the stems of a sentence's content words: nouns,
// verbs, adjectives and adverbs that are not stop words, cut to five
// letters so that inflections ("collide", "collision") meet. The article's
// Vocabulary counts the same stems over all its words, untagged.
func contentStems(s *sentence) map[string]bool {
	out := map[string]bool{}
	for _, t := range s.Toks() {
		if !isContentTag(t.Tag) || stopwords[t.Lower] || !isWordToken(t.Text) {
			continue
		}
		out[stem(t.Lower)] = true
	}
	return out
}

func isContentTag(tag string) bool {
	return strings.HasPrefix(tag, "NN") || strings.HasPrefix(tag, "VB") || strings.HasPrefix(tag, "JJ") || strings.HasPrefix(tag, "RB") || tag == "CD"
}

func stem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	if utf8.RuneCountInString(w) <= 5 {
		return strings.TrimSuffix(w, "s")
	}
	r := []rune(w)
	return string(r[:5])
}
