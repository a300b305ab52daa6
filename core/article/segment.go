package article

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/data"
	"github.com/neurosnap/sentences/english"

	"github.com/copydesk/copydesk/core/sdk/wordlist"
)

//go:embed abbreviations.txt
var abbreviationData string

var (
	tokenizerOnce sync.Once
	tokenizer     *sentences.DefaultSentenceTokenizer
	tokenizerErr  error
)

// The tokenizer is shared without a lock: once loaded, Tokenize only reads
// its storage maps and package-level regexps (checked in neurosnap/sentences
// v1.1.2), so files can be segmented in parallel. TestSegmentConcurrent runs
// it under the race detector.

func loadTokenizer() {
	tokenizer, tokenizerErr = newTokenizer()
	if tokenizerErr != nil {
		return
	}
	entries, err := wordlist.Parse("core/article/abbreviations.txt", []byte(abbreviationData))
	if err != nil {
		tokenizerErr = err
		return
	}
	for _, e := range entries[""] {
		tokenizer.AbbrevTypes.Add(e.Text)
	}
}

// newTokenizer builds the tokenizer english.NewSentenceTokenizer builds, with
// the same training data and annotations, but with two shortcuts that leave
// every decision unchanged and halve the time (TestFastTokenizerAgrees
// checks they agree):
//   - word types: the library runs a number regexp over every token, and a
//     token without an ASCII digit cannot match it;
//   - the multi-period annotation only ever changes a token holding '.', '?'
//     or '!', so the other tokens skip its regexps.
func newTokenizer() (*sentences.DefaultSentenceTokenizer, error) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		return nil, err
	}
	training, err := sentences.LoadTraining(b)
	if err != nil {
		return nil, err
	}
	for _, abbr := range []string{"sgt", "gov", "no"} { // as the english package adds
		training.AbbrevTypes.Add(abbr)
	}
	lang := sentences.NewPunctStrings()
	word := fastWord{english.NewWordTokenizer(lang)}
	annotations := sentences.NewAnnotations(training, lang, word)
	ortho := &sentences.OrthoContext{Storage: training, PunctStrings: lang, TokenType: word, TokenFirst: word}
	multi := &english.MultiPunctWordAnnotation{Storage: training, TokenParser: word,
		TokenGrouper: &sentences.DefaultTokenGrouper{}, Ortho: ortho}
	annotations = append(annotations, periodPairs{multi})
	return &sentences.DefaultSentenceTokenizer{Storage: training, PunctStrings: lang,
		WordTokenizer: word, Annotations: annotations}, nil
}

// fastWord is english.WordTokenizer with word types computed without a
// regexp when a token has no digit.
type fastWord struct{ *english.WordTokenizer }

func (w fastWord) Type(t *sentences.Token) string {
	if strings.IndexAny(t.Tok, "0123456789") >= 0 {
		return w.WordTokenizer.Type(t)
	}
	typ := strings.ToLower(t.Tok)
	if len(typ) == 1 {
		return typ
	}
	return strings.ReplaceAll(typ, ",", "")
}

func (w fastWord) TypeNoPeriod(t *sentences.Token) string {
	typ := w.Type(t)
	if len(typ) > 1 && typ[len(typ)-1] == '.' {
		return typ[:len(typ)-1]
	}
	return typ
}

func (w fastWord) TypeNoSentPeriod(t *sentences.Token) string {
	if t.SentBreak {
		return w.TypeNoPeriod(t)
	}
	return w.Type(t)
}

// periodPairs runs a pairwise annotation only on the pairs whose first token
// holds sentence punctuation.
type periodPairs struct{ inner sentences.AnnotateTokens }

func (p periodPairs) Annotate(tokens []*sentences.Token) []*sentences.Token {
	for i := 0; i+1 < len(tokens); i++ {
		if strings.ContainsAny(tokens[i].Tok, ".?!") {
			p.inner.Annotate(tokens[i : i+2])
		}
	}
	return tokens
}

// lineMode says what a "\n" inside a block means for sentences.
type lineMode int

const (
	// lineSplit: every line is its own unit (a scraped line, a <br>).
	lineSplit lineMode = iota
	// lineJoin: line breaks are wrapping only (Markdown soft breaks).
	lineJoin
	// lineAuto: plain text, where a line may be a scraped unit or a
	// hard-wrapped piece of a paragraph; see wrappedBreaks.
	lineAuto
)

// Segment splits text[span] into sentences with neurosnap/sentences (a Punkt
// tokenizer trained on English) plus the newsroom abbreviation list. A line
// break always ends a sentence. Spans are trimmed of surrounding white space
// and never empty.
func Segment(text string, span Span) []Sentence {
	return segmentLines(text, span, lineSplit)
}

func segmentLines(text string, span Span, mode lineMode) []Sentence {
	tokenizerOnce.Do(loadTokenizer)
	span.Start, span.End = min(max(span.Start, 0), len(text)), min(max(span.End, 0), len(text))
	if span.End <= span.Start {
		return nil
	}
	chunk := text[span.Start:span.End]
	if tokenizerErr != nil {
		// The training data is compiled in; failing to load it is a build
		// defect. Fall back to one sentence per block rather than none.
		return trimSentence(text, span)
	}
	found := tokenizer.Tokenize(chunk)
	var split func(i int) bool // whether the "\n" at chunk[i] ends a sentence
	switch mode {
	case lineJoin:
		split = func(int) bool { return false }
	case lineAuto:
		split = wrappedBreaks(chunk)
	default:
		split = func(int) bool { return true }
	}
	var out []Sentence
	for _, s := range found {
		start := s.Start
		for i := s.Start; i < s.End; i++ {
			if chunk[i] == '\n' && split(i) {
				out = append(out, trimSentence(text, Span{Start: span.Start + start, End: span.Start + i + 1})...)
				start = i + 1
			}
		}
		out = append(out, trimSentence(text, Span{Start: span.Start + start, End: span.Start + s.End})...)
	}
	return joinPossessives(text, splitAfterNumbers(text, out))
}

// joinPossessives joins a sentence Punkt ended after an abbreviation with
// a possessive ("Chrysler Corp.'s") to the one that follows in the same
// line: "...manager of Chrysler Corp.'s Chrysler division." is one sentence.
func joinPossessives(text string, ss []Sentence) []Sentence {
	var out []Sentence
	for _, s := range ss {
		if n := len(out); n > 0 {
			prev := text[out[n-1].Span.Start:out[n-1].Span.End]
			gap := text[out[n-1].Span.End:s.Span.Start]
			if (strings.HasSuffix(prev, ".'s") || strings.HasSuffix(prev, ".’s")) && !strings.Contains(gap, "\n") {
				out[n-1].Span.End = s.Span.End
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// wrappedBreaks decides, for plain text, which line breaks of a block are
// wrapping rather than the end of a scraped unit. A break is wrapping when the
// line before it does not end a sentence and the next line starts lower case
// or with a digit (a sentence carrying on); in a block where most breaks look
// like that (hard-wrapped prose), every break is wrapping.
func wrappedBreaks(chunk string) func(i int) bool {
	nl := strings.Count(chunk, "\n")
	if nl == 0 {
		return func(int) bool { return true }
	}
	soft := map[int]bool{}
	prev := 0
	for i := 0; i < len(chunk); i++ {
		if chunk[i] != '\n' {
			continue
		}
		if carriesOn(chunk[prev:i], chunk[i+1:]) {
			soft[i] = true
		}
		prev = i + 1
	}
	if nl >= 2 && 2*len(soft) >= nl {
		return func(int) bool { return false }
	}
	return func(i int) bool { return !soft[i] }
}

func carriesOn(line, rest string) bool {
	line = strings.TrimRight(line, " \t")
	if line == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".!?:;\"”’»)…", r) {
		return false
	}
	n, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " \t"))
	return unicode.IsLower(n) || unicode.IsDigit(n)
}

func trimSentence(text string, s Span) []Sentence {
	for s.Start < s.End && isSpace(text[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && isSpace(text[s.End-1]) {
		s.End--
	}
	if s.End <= s.Start {
		return nil
	}
	return []Sentence{{Span: s}}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// splitAfterNumbers splits sentences Punkt joined at a number that ends a
// sentence ("rose in 1987. Shares fell"): its English model treats every
// number followed by a full stop as an ordinal ("the 5. Mai" pattern), which
// newsroom English never uses. The split needs a word before the number and a
// capital (possibly after an opening quote) after it.
func splitAfterNumbers(text string, ss []Sentence) []Sentence {
	var out []Sentence
	for _, s := range ss {
		start := s.Span.Start
		for i := start + 1; i < s.Span.End-2; i++ {
			if text[i] != '.' || !isSpace(text[i+1]) || !isDigit(text[i-1]) {
				continue
			}
			j := i - 1
			for j > start && (isDigit(text[j-1]) || text[j-1] == ',' || text[j-1] == '.') {
				j--
			}
			if j <= start || text[j-1] != ' ' || !isDigit(text[j]) {
				continue
			}
			k := i + 1
			for k < s.Span.End && isSpace(text[k]) {
				k++
			}
			r, n := utf8.DecodeRuneInString(text[k:s.Span.End])
			if strings.ContainsRune("\"“‘'(", r) {
				r, _ = utf8.DecodeRuneInString(text[k+n : s.Span.End])
			}
			if !unicode.IsUpper(r) {
				continue
			}
			out = append(out, Sentence{Span: Span{Start: start, End: i + 1}})
			start = k
		}
		out = append(out, Sentence{Span: Span{Start: start, End: s.Span.End}})
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
