package sdk

// Analysis is work that several rules of a plugin need for the same article
// — tagging the body, parsing the credit lines, indexing the lines — done
// once per article and shared, in the spirit of go/analysis's Requires. It
// replaces per-plugin "last article" caches:
//
//	var tagged = &sdk.Analysis[*Body]{Name: "tagged body", Run: tagBody}
//
//	func checkVerbless(p *sdk.Pass) {
//		body := tagged.Of(p) // computed by the first rule that asks
//		...
//	}
//
// Run sees the article and the plugin's configured State; it must not
// report. Results live as long as the article's check and are never shared
// between articles, so Run needs no locking and holds no memory afterwards.
type Analysis[T any] struct {
	Name string // shown in panics and traces
	Run  func(a *Article, state any) T
}

// Of returns the analysis of p's article, running it on first use.
func (an *Analysis[T]) Of(p *Pass) T {
	if p.shared == nil {
		p.shared = &sharedResults{}
	}
	if v, ok := p.shared.get(an); ok {
		return v.(T)
	}
	v := an.Run(p.Article, p.State)
	p.shared.put(an, v)
	return v
}

// sharedResults holds one article's analyses, keyed by *Analysis. Rules of
// a session check an article one after another, so it needs no lock.
type sharedResults struct {
	m map[any]any
}

func (s *sharedResults) get(k any) (any, bool) {
	v, ok := s.m[k]
	return v, ok
}

func (s *sharedResults) put(k, v any) {
	if s.m == nil {
		s.m = map[any]any{}
	}
	s.m[k] = v
}
