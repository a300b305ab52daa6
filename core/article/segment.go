package article

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

//go:embed abbreviations.txt
var abbreviationData string

var (
	tokenizerOnce sync.Once
	tokenizer     *sentences.DefaultSentenceTokenizer
	tokenizerErr  error
	tokenizerMu   sync.Mutex // the tokenizer keeps no per-call state, but its annotations are not documented as safe for concurrent use
)

func loadTokenizer() {
	tokenizer, tokenizerErr = english.NewSentenceTokenizer(nil)
	if tokenizerErr != nil {
		return
	}
	for _, line := range strings.Split(abbreviationData, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		tokenizer.AbbrevTypes.Add(line)
	}
}

// Segment splits text[span] into sentences with neurosnap/sentences (a Punkt
// tokenizer trained on English) plus the newsroom abbreviation list. Spans are
// trimmed of surrounding white space and never empty.
func Segment(text string, span Span) []Sentence {
	tokenizerOnce.Do(loadTokenizer)
	chunk := text[span.Start:span.End]
	if tokenizerErr != nil {
		// The training data is compiled in; failing to load it is a build
		// defect. Fall back to one sentence per block rather than none.
		return trimSentence(text, span)
	}
	tokenizerMu.Lock()
	found := tokenizer.Tokenize(chunk)
	tokenizerMu.Unlock()
	var out []Sentence
	for _, s := range found {
		// The tokenizer never breaks across a hard line break within a
		// block (a scraped line is its own unit), so split on "\n" too.
		start := span.Start + s.Start
		for _, part := range strings.SplitAfter(chunk[s.Start:s.End], "\n") {
			out = append(out, trimSentence(text, Span{start, start + len(part)})...)
			start += len(part)
		}
	}
	return out
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

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' }
