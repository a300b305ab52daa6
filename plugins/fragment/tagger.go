package fragment

import (
	"strings"
	"sync"
	"time"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
)

// Part-of-speech tags come from prose v3's averaged perceptron (package
// tag) over its tokenizer (package tokenize). The model is decoded once per
// process, on the first sentence that needs tags: a plugin process that is
// started but never given copy (or that only answers `copydesk rules`)
// does not pay for it. v3 decodes its flat model in about a millisecond,
// where v2 took a few hundred to decode gob.
var (
	modelOnce sync.Once
	model     *tag.Tagger
	tokenizer *tokenize.Tokenizer
	modelLoad time.Duration
)

func tagModel() *tag.Tagger {
	modelOnce.Do(func() {
		start := time.Now()
		t, err := tag.New()
		if err == nil {
			model, tokenizer = t, tokenize.New()
		}
		modelLoad = time.Since(start)
	})
	return model
}

// ModelLoadTime is how long building the tagger took in this process (zero
// until the first article has been checked). Benchmarks report it.
func ModelLoadTime() time.Duration { return modelLoad }

// token is one tagged word of a sentence.
type token struct {
	Text  string
	Tag   string
	Lower string
	// Name is set on a sentence's capitalised first word when the article
	// writes the same word with a capital inside a sentence too: a name
	// ("Chisum considers..."), not a capital of position.
	Name bool
}

// tagSentence tokenizes and tags one sentence with the shared model.
func tagSentence(s string) []token {
	m := tagModel()
	if m == nil {
		return nil
	}
	toks := tokenizer.Tokenize(s)
	m.TagTokens(toks)
	out := make([]token, len(toks))
	for i, t := range toks {
		out[i] = token{Text: t.Text, Tag: t.Tag, Lower: strings.ToLower(t.Text)}
		if out[i].Lower == "cannot" {
			out[i].Tag = "MD" // the tokenizer keeps it whole and the model has not seen it so
		}
	}
	return out
}
