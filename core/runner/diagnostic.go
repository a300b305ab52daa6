package runner

import (
	"sort"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/config"
	"github.com/copydesk/copydesk/core/sdk"
)

// Result is one run over a set of articles.
type Result struct {
	Files []*File `json:"files"`
	// Failures are plugins (or single rules) whose findings are missing,
	// for one file or for all.
	Failures []Failure `json:"plugin_failures,omitempty"`
	// Stats are each plugin's costs in this run (copydesk check --stats).
	Stats []PluginStat `json:"-"`
}

// File is one input and what was found in it.
type File struct {
	Path        string       `json:"path"`
	Diagnostics []Diagnostic `json:"diagnostics"`
	// Error says why the file could not be checked.
	Error string `json:"error,omitempty"`

	Article *article.Article `json:"-"`
}

// Diagnostic is a finding placed in its source file. The JSON field names are
// a contract with CMS integrations and CI scripts: add fields, never rename.
type Diagnostic struct {
	Rule        string       `json:"rule"`
	Category    string       `json:"category"`
	Severity    sdk.Severity `json:"severity"`
	Line        int          `json:"line"`
	Column      int          `json:"column"`
	EndLine     int          `json:"end_line"`
	EndColumn   int          `json:"end_column"`
	Message     string       `json:"message"`
	Suggestions []Suggestion `json:"suggestions"`
	Related     []Related    `json:"related,omitempty"`
	// Offset and EndOffset are byte offsets into the source file.
	Offset    int `json:"offset"`
	EndOffset int `json:"end_offset"`
	// InQuote is set when the finding lies inside a direct quotation: its
	// suggestions are not applied by --fix unless --fix-quoted is given.
	InQuote bool `json:"in_quote,omitempty"`
}

// Suggestion is a replacement of a source range; an empty replacement
// deletes it.
type Suggestion struct {
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	EndLine     int    `json:"end_line"`
	EndColumn   int    `json:"end_column"`
	Offset      int    `json:"offset"`
	EndOffset   int    `json:"end_offset"`
	Replacement string `json:"replacement"`
	Description string `json:"description,omitempty"`
}

// Related is another place the finding refers to.
type Related struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Message   string `json:"message"`
}

func toDiagnostic(a *article.Article, plugin string, f sdk.Finding) Diagnostic {
	start, end := a.SourceOffset(f.Span.Start), a.SourceEndOffset(f.Span.End)
	sp, ep := a.SourcePosition(start), a.SourcePosition(end)
	d := Diagnostic{
		Rule: plugin + "/" + f.Rule, Category: f.Category, Severity: f.Severity, Message: f.Message,
		Line: sp.Line, Column: sp.Column, EndLine: ep.Line, EndColumn: ep.Column,
		Offset: start, EndOffset: end, Suggestions: []Suggestion{},
	}
	for _, s := range f.Suggestions {
		ss, se := a.SourceOffset(s.Span.Start), a.SourceEndOffset(s.Span.End)
		p1, p2 := a.SourcePosition(ss), a.SourcePosition(se)
		d.Suggestions = append(d.Suggestions, Suggestion{Line: p1.Line, Column: p1.Column, EndLine: p2.Line, EndColumn: p2.Column, Offset: ss, EndOffset: se, Replacement: s.Replacement, Description: s.Description})
	}
	for _, r := range f.Related {
		p1, p2 := a.Position(r.Span.Start), a.SourcePosition(a.SourceEndOffset(r.Span.End))
		d.Related = append(d.Related, Related{Line: p1.Line, Column: p1.Column, EndLine: p2.Line, EndColumn: p2.Column, Message: r.Message})
	}
	return d
}

// process is the pipeline every file's findings go through, in order:
// configured severities, path overrides, minimum severity, duplicates, order.
func process(cfg *config.Config, severities map[string]sdk.Severity, path string, ds []Diagnostic) []Diagnostic {
	minSev := cfg.MinSeverity
	var overrides []*config.Override
	for _, o := range cfg.Overrides {
		if matchAny(o.Paths, path) {
			overrides = append(overrides, o)
			if o.MinSeverity != 0 {
				minSev = o.MinSeverity
			}
		}
	}
	out := ds[:0]
	seen := map[[4]any]bool{}
	for _, d := range ds {
		if s, ok := severities[d.Rule]; ok {
			d.Severity = s
		}
		enabled := true
		for _, o := range overrides { // later overrides win
			if rc := o.Rules[d.Rule]; rc != nil {
				if rc.Enabled != nil {
					enabled = *rc.Enabled
				}
				if rc.Severity != 0 {
					d.Severity = rc.Severity
				}
			}
		}
		if !enabled || d.Severity < minSev {
			continue
		}
		key := [4]any{d.Rule, d.Offset, d.EndOffset, d.Message}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, d)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
	return out
}

// matchAny matches a path against globs (config.MatchPath).
func matchAny(globs []string, path string) bool { return config.MatchPath(globs, path) }
