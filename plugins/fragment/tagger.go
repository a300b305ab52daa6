package fragment

import (
	"strings"
	"sync"
	"time"

	"github.com/jdkato/prose/v2"
)

// The prose tagger's averaged-perceptron weights are decoded from gob on
// first use. Rebuilding them per document costs two orders of magnitude in
// throughput, so the model is built once per process, and only when the
// first article is checked: a plugin process that is started but never
// given copy (or that only answers `copydesk rules`) does not pay for it.
var (
	modelOnce sync.Once
	model     *prose.Model
	modelLoad time.Duration
)

func tagModel() *prose.Model {
	modelOnce.Do(func() {
		start := time.Now()
		// prose exposes its built-in model only through a document; an
		// empty one with segmentation and entity extraction off builds the
		// tagger alone.
		doc, err := prose.NewDocument("", prose.WithSegmentation(false), prose.WithExtraction(false))
		if err == nil {
			model = doc.Model
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

// tagSentence tokenizes and tags one sentence with the shared model:
// tokenization and tagging only, no segmentation (the article already
// has sentences) and no entity extraction (ten times slower, not needed).
func tagSentence(s string) []token {
	m := tagModel()
	if m == nil {
		return nil
	}
	doc, err := prose.NewDocument(s, prose.UsingModel(m), prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return nil
	}
	toks := doc.Tokens()
	out := make([]token, len(toks))
	for i, t := range toks {
		out[i] = token{Text: t.Text, Tag: t.Tag, Lower: strings.ToLower(t.Text)}
		if out[i].Lower == "cannot" {
			out[i].Tag = "MD" // the tokenizer keeps it whole and the model has not seen it so
		}
	}
	return out
}
