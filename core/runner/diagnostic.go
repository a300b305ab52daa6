package runner

import (
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
	// Location names the element of a WordPress post or an ANS story the
	// finding starts in; absent for other inputs.
	Location *article.Location `json:"location,omitempty"`
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
	start, end := a.SourceRange(f.Span.Start, f.Span.End)
	sp, ep := a.SourcePosition(start), a.SourcePosition(end)
	d := Diagnostic{
		Rule: plugin + "/" + f.Rule, Category: f.Category, Severity: f.Severity, Message: f.Message,
		Line: sp.Line, Column: sp.Column, EndLine: ep.Line, EndColumn: ep.Column,
		Offset: start, EndOffset: end, Suggestions: []Suggestion{},
		Location: a.Location(f.Span.Start),
	}
	for _, s := range f.Suggestions {
		ss, se := a.SourceRange(s.Span.Start, s.Span.End)
		p1, p2 := a.SourcePosition(ss), a.SourcePosition(se)
		d.Suggestions = append(d.Suggestions, Suggestion{Line: p1.Line, Column: p1.Column, EndLine: p2.Line, EndColumn: p2.Column, Offset: ss, EndOffset: se, Replacement: s.Replacement, Description: s.Description})
	}
	for _, r := range f.Related {
		p1, p2 := a.Position(r.Span.Start), a.SourcePosition(a.SourceEndOffset(r.Span.End))
		d.Related = append(d.Related, Related{Line: p1.Line, Column: p1.Column, EndLine: p2.Line, EndColumn: p2.Column, Message: r.Message})
	}
	return d
}

// matchAny matches a path against globs (config.MatchPath).
func matchAny(globs []string, path string) bool { return config.MatchPath(globs, path) }
