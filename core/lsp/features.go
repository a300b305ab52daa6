package lsp

import (
	"context"
	"fmt"
	"strings"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/fix"
	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
)

// DefaultDocsURL is where a diagnostic's codeDescription points: the
// repository's rule reference, docs/rules.md, whose heading for each rule
// has the anchor RuleAnchor(id).
const DefaultDocsURL = "https://github.com/copydesk/copydesk/blob/main/docs/rules.md"

// RuleAnchor is the anchor of a rule's section in docs/rules.md:
// "byline/credit-verb" becomes "byline-credit-verb".
func RuleAnchor(id string) string {
	return strings.ToLower(strings.ReplaceAll(id, "/", "-"))
}

// RuleDocURL is the documentation link of a rule.
func (s *Server) RuleDocURL(id string) string {
	return s.opt.DocsURL + "#" + RuleAnchor(id)
}

func severity(sev sdk.Severity) protocol.DiagnosticSeverity {
	switch sev {
	case sdk.Error:
		return protocol.DiagnosticSeverityError
	case sdk.Warning:
		return protocol.DiagnosticSeverityWarning
	}
	return protocol.DiagnosticSeverityInformation
}

// toLSP converts a finding: byte offsets become UTF-16 positions, the rule
// id is the code, and related spans become relatedInformation.
func (s *Server) toLSP(u uri.URI, l *lines, d runner.Diagnostic) protocol.Diagnostic {
	out := protocol.Diagnostic{
		Range:    l.rangeOf(d.Offset, d.EndOffset),
		Severity: severity(d.Severity),
		Code:     protocol.String(d.Rule),
		Source:   protocol.NewOptional("copydesk"),
		Message:  protocol.String(d.Message),
	}
	if href, err := uri.Parse(s.RuleDocURL(d.Rule)); err == nil && d.Rule != "copydesk/ignore" {
		out.CodeDescription = protocol.CodeDescription{Href: href}
	}
	for _, r := range d.Related {
		start, end := l.lineColumn(r.Line, r.Column), l.lineColumn(r.EndLine, r.EndColumn)
		out.RelatedInformation = append(out.RelatedInformation, protocol.DiagnosticRelatedInformation{
			Location: protocol.Location{URI: u, Range: l.rangeOf(start, end)},
			Message:  r.Message,
		})
	}
	return out
}

// shown returns what was last published for a document, when it is still
// the document's current text (positions in requests refer to it).
func (s *Server) shown(u uri.URI) (*document, *checked) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[u]
	if d == nil || d.shown == nil || d.shown.version != d.version {
		return d, nil
	}
	return d, d.shown
}

// overlaps reports whether a finding's byte range touches [start, end].
func overlaps(d runner.Diagnostic, start, end int) bool {
	return d.Offset <= end && start <= d.EndOffset
}

// CodeAction offers, for each finding in the range: its suggestions as a
// quick fix; "Ignore this finding here" where the format has comments; and
// one source.fixAll for every suggestion in the document.
func (s *Server) CodeAction(ctx context.Context, p *protocol.CodeActionParams) ([]protocol.CommandOrCodeAction, error) {
	_, c := s.shown(p.TextDocument.URI)
	if c == nil {
		return nil, nil
	}
	want := func(k protocol.CodeActionKind) bool {
		if len(p.Context.Only) == 0 {
			return true
		}
		for _, o := range p.Context.Only {
			if o == k || strings.HasPrefix(string(k), string(o)+".") {
				return true
			}
		}
		return false
	}
	u := p.TextDocument.URI
	src := []byte(c.lines.text)
	start, end := c.lines.offset(p.Range.Start), c.lines.offset(p.Range.End)
	var out []protocol.CommandOrCodeAction
	if want(protocol.CodeActionKindQuickFix) {
		for _, d := range c.diags {
			if !overlaps(d, start, end) || d.Rule == "copydesk/ignore" {
				continue
			}
			ld := s.toLSP(u, c.lines, d)
			if fx := fix.FromDiagnostics([]runner.Diagnostic{d}); len(fx) == 1 {
				plan := fix.Make(src, c.format, fx)
				if len(plan.Applied) == 1 && plan.Changed() {
					out = append(out, &protocol.CodeAction{
						Title:       fixTitle(src, d),
						Kind:        ptr(protocol.CodeActionKindQuickFix),
						Diagnostics: []protocol.Diagnostic{ld},
						IsPreferred: ptr(true),
						Edit:        &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{u: textEdits(c.lines, plan.Edits)}},
					})
				}
			}
			if e, ok := ignoreEdit(c.lines, c.format, d); ok {
				out = append(out, &protocol.CodeAction{
					Title:       "Ignore this finding here (" + d.Rule + ")",
					Kind:        ptr(protocol.CodeActionKindQuickFix),
					Diagnostics: []protocol.Diagnostic{ld},
					Edit:        &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{u: {e}}},
				})
			}
		}
	}
	if want(protocol.CodeActionKindSourceFixAll) {
		if fx := fix.FromDiagnostics(c.diags); len(fx) > 0 {
			plan := fix.Make(src, c.format, fx)
			if plan.Changed() {
				out = append(out, &protocol.CodeAction{
					Title: fmt.Sprintf("Apply every copydesk suggestion in this file (%d)", len(plan.Applied)),
					Kind:  ptr(protocol.CodeActionKindSourceFixAll),
					Edit:  &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{u: textEdits(c.lines, plan.Edits)}},
				})
			}
		}
	}
	return out, nil
}

func textEdits(l *lines, edits []fix.Edit) []protocol.TextEdit {
	out := make([]protocol.TextEdit, len(edits))
	for i, e := range edits {
		out[i] = protocol.TextEdit{Range: l.rangeOf(e.Start, e.End), NewText: e.New}
	}
	return out
}

// fixTitle names a quick fix: the plugin's description of its suggestion,
// else what it replaces with what.
func fixTitle(src []byte, d runner.Diagnostic) string {
	s := d.Suggestions[0]
	if s.Description != "" {
		return capitalise(s.Description)
	}
	old := ""
	if s.Offset >= 0 && s.Offset <= s.EndOffset && s.EndOffset <= len(src) {
		old = string(src[s.Offset:s.EndOffset])
	}
	switch {
	case s.Replacement == "":
		return fmt.Sprintf("Delete %s", short(old))
	case old == "":
		return fmt.Sprintf("Insert %s", short(s.Replacement))
	}
	return fmt.Sprintf("Replace %s with %s", short(old), short(s.Replacement))
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// short quotes text for a title, cut to a readable length.
func short(s string) string {
	const maxRunes = 40
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > maxRunes {
		r = append(r[:maxRunes-1], '…')
	}
	return "“" + string(r) + "”"
}

// IgnoreReasonPlaceholder is the reason the ignore action writes; the
// editor replaces it with the real one. (A directive with no reason at all
// would silence nothing, see core/runner/suppress.go.)
const IgnoreReasonPlaceholder = "REASON: say why this is right here"

// ignoreEdit inserts the copydesk:ignore directive for a finding, in the
// formats that have comments (Markdown and HTML). The directive covers its
// own line and the next line with text, so it goes on a line of its own
// above the finding when that line starts a block (the line before it is
// blank), and at the end of the finding's line otherwise, where a comment
// line would split a paragraph.
func ignoreEdit(l *lines, format article.Format, d runner.Diagnostic) (protocol.TextEdit, bool) {
	if format != article.FormatMarkdown && format != article.FormatHTML {
		return protocol.TextEdit{}, false
	}
	comment := "<!-- copydesk:ignore " + d.Rule + " -- " + IgnoreReasonPlaceholder + " -->"
	line := int(l.position(d.Offset).Line)
	lineStart := l.start[line]
	text := l.text[lineStart:l.lineEnd(line)]
	indent := text[:len(text)-len(strings.TrimLeft(text, " \t"))]
	startsBlock := line == 0 || strings.TrimSpace(l.text[l.start[line-1]:l.lineEnd(line-1)]) == ""
	if startsBlock {
		nl := "\n"
		if strings.HasSuffix(l.text[lineStart:min(len(l.text), l.lineEnd(line)+1)], "\r") {
			nl = "\r\n"
		}
		p := l.position(lineStart)
		return protocol.TextEdit{Range: protocol.Range{Start: p, End: p}, NewText: indent + comment + nl}, true
	}
	p := l.position(l.lineEnd(line))
	return protocol.TextEdit{Range: protocol.Range{Start: p, End: p}, NewText: " " + comment}, true
}

// Hover explains the findings under the cursor as `copydesk explain` does:
// the rule and its summary, why it fired here (the message), the rule's
// documentation and its before/after example.
func (s *Server) Hover(ctx context.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	_, c := s.shown(p.TextDocument.URI)
	if c == nil {
		return nil, nil
	}
	at := c.lines.offset(p.Position)
	var parts []string
	var rng *protocol.Range
	for _, d := range c.diags {
		if d.Offset > at || at > d.EndOffset {
			continue
		}
		parts = append(parts, explain(c.engine, d))
		if rng == nil {
			r := c.lines.rangeOf(d.Offset, d.EndOffset)
			rng = &r
		}
	}
	if len(parts) == 0 {
		return nil, nil
	}
	return &protocol.Hover{
		Contents: &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: strings.Join(parts, "\n\n---\n\n")},
		Range:    rng,
	}, nil
}

// explain is a finding's hover text, in Markdown.
func explain(e *runner.Engine, d runner.Diagnostic) string {
	var b strings.Builder
	p, r := lookupRule(e, d.Rule)
	fmt.Fprintf(&b, "**%s**", d.Rule)
	if r != nil {
		fmt.Fprintf(&b, " — %s", r.Summary)
	}
	fmt.Fprintf(&b, "\n\n%s\n", d.Message)
	if r == nil {
		return b.String()
	}
	fmt.Fprintf(&b, "\ncategory: %s · severity here: %s · plugin: %s %s\n", r.Category, d.Severity, p.Name, p.Version)
	if doc := strings.TrimSpace(r.Doc); doc != "" {
		fmt.Fprintf(&b, "\n%s\n", doc)
	}
	if r.Example.Before != "" {
		fmt.Fprintf(&b, "\nFlagged:\n\n%s\n", fence(r.Example.Before))
		if r.Example.After != "" {
			fmt.Fprintf(&b, "\nFixed:\n\n%s\n", fence(r.Example.After))
		}
	}
	fmt.Fprintf(&b, "\nTurn it off in rules.toml: `[%s.rules.%s]` `enabled = false`", p.Name, r.Name)
	return b.String()
}

// fence is text as a Markdown code block that no backticks in it can close.
func fence(s string) string {
	f := "```"
	for strings.Contains(s, f) {
		f += "`"
	}
	return f + "text\n" + strings.TrimSpace(s) + "\n" + f
}

func lookupRule(e *runner.Engine, id string) (*sdk.Plugin, *sdk.Rule) {
	if e == nil {
		return nil, nil
	}
	pn, rn, ok := strings.Cut(id, "/")
	if !ok {
		return nil, nil
	}
	for _, p := range e.Declarations() {
		if p.Name == pn {
			if r := p.Rule(rn); r != nil {
				return p, r
			}
		}
	}
	return nil, nil
}
