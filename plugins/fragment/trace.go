package fragment

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
)

// tracing makes the body analysis keep a trace per sentence. Only
// TraceArticle turns it on, for one article at a time.
var (
	tracing atomic.Bool
	traceMu sync.Mutex
)

// SentenceTrace is the answer to "why did it say that?" for one sentence:
// its text, the heuristics that ran on it in order (article-level ones
// first) and the findings the plugin reported on it.
type SentenceTrace struct {
	Span     sdk.Span
	Text     string
	Trace    *sdk.Trace
	Findings []string
}

// TraceArticle runs every fragment rule (the disabled ones too) over a and
// returns the article-level trace and the trace of each body sentence
// whose span passes keep (nil: all).
func TraceArticle(a *sdk.Article, keep func(sdk.Span) bool) (*sdk.Trace, []SentenceTrace, error) {
	traceMu.Lock()
	defer traceMu.Unlock()
	tracing.Store(true)
	defer tracing.Store(false)
	all := map[string]sdk.RuleSettings{}
	for _, r := range Plugin.Rules {
		all[r.Name] = sdk.RuleSettings{Enabled: true}
	}
	sess, err := sdk.NewSession(Plugin, nil, all)
	if err != nil {
		return nil, nil, err
	}
	// The rules share the body through sdk.Analysis; analysed with
	// tracing on, it is kept in lastTraced.
	found, fails := sess.CheckRules(a, nil)
	if len(fails) > 0 {
		return nil, nil, fmt.Errorf("fragment/%s: %s", fails[0].Rule, fails[0].Error)
	}
	b := lastTraced.Swap(nil)
	if b == nil {
		return &sdk.Trace{}, nil, nil
	}
	var out []SentenceTrace
	for _, para := range b.Paras {
		for _, s := range para {
			if keep != nil && !keep(s.Span) {
				continue
			}
			st := SentenceTrace{Span: s.Span, Text: s.Text, Trace: dedupe(s.trace)}
			for _, f := range found {
				if f.Span.Start < s.Span.End && s.Span.Start < f.Span.End {
					st.Findings = append(st.Findings, f.Rule+": "+f.Message)
				}
			}
			out = append(out, st)
		}
	}
	return b.trace, out, nil
}

// lastTraced is the body analysed while tracing, for TraceArticle.
var lastTraced atomic.Pointer[body]

// TraceText traces the last sentence of text (a headline is added before
// it, so text is the body): the article-level steps, then the sentence's.
// A text that opens with "^ " traces its first sentence instead, the head
// of a paragraph. The heuristic tests use it.
func TraceText(text string) (*sdk.Trace, error) {
	text, head := strings.CutPrefix(strings.TrimSpace(text), "^ ")
	a, err := article.Parse("trace.txt", article.FormatText, []byte("Trace\n\n"+text+"\n"))
	if err != nil {
		return nil, err
	}
	at, ts, err := TraceArticle(a, nil)
	if err != nil {
		return nil, err
	}
	out := &sdk.Trace{Steps: append([]sdk.TraceStep(nil), at.Steps...)}
	k := len(ts) - 1
	if head {
		k = 0
	}
	if len(ts) > 0 && ts[k].Trace != nil {
		out.Steps = append(out.Steps, ts[k].Trace.Steps...)
	}
	return out, nil
}

// dedupe keeps the first of identical steps: every rule runs the shared
// candidate heuristics again.
func dedupe(tr *sdk.Trace) *sdk.Trace {
	if tr == nil {
		return nil
	}
	seen := map[sdk.TraceStep]bool{}
	out := &sdk.Trace{}
	for _, st := range tr.Steps {
		if !seen[st] {
			seen[st] = true
			out.Steps = append(out.Steps, st)
		}
	}
	return out
}
