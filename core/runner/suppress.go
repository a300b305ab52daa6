package runner

import (
	"regexp"
	"strings"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
)

// An editor silences a finding the way staticcheck users do, with a reason:
//
//	<!-- copydesk:ignore byline/credit-verb -- op-eds are credited "Statement by" -->
//
// in Markdown or HTML (an HTML comment is invisible to readers). The
// directive covers findings of the named rules (comma-separated; "plugin/*"
// for a whole plugin) that start on the comment's own line or on the next
// line with text. A directive without a reason silences nothing and is
// reported, and so is one that silenced nothing.
var ignoreDirective = regexp.MustCompile(`<!--\s*copydesk:ignore\s+([^\s>]+)\s*(?:--\s*(.*?))?\s*-->`)

type directive struct {
	rules  []string
	reason string
	line   int // the comment's line
	target int // the next line with text after the comment
	offset int
	end    int
	used   bool
}

func (d *directive) covers(rule string, line int) bool {
	if line != d.line && line != d.target {
		return false
	}
	for _, r := range d.rules {
		if r == rule || (strings.HasSuffix(r, "/*") && strings.HasPrefix(rule, strings.TrimSuffix(r, "*"))) {
			return true
		}
	}
	return false
}

func directives(a *article.Article) []*directive {
	if a == nil || (a.Format != article.FormatMarkdown && a.Format != article.FormatHTML) {
		return nil
	}
	src := a.Source()
	var out []*directive
	for _, m := range ignoreDirective.FindAllSubmatchIndex(src, -1) {
		d := &directive{rules: strings.Split(string(src[m[2]:m[3]]), ","), offset: m[0], end: m[1]}
		if m[4] >= 0 {
			d.reason = strings.TrimSpace(string(src[m[4]:m[5]]))
		}
		d.line = a.SourcePosition(m[0]).Line
		d.target = d.line
		// The next line that holds text after the comment.
		rest := src[m[1]:]
		for i := 0; i < len(rest); i++ {
			if rest[i] == '\n' {
				j := i + 1
				for j < len(rest) && (rest[j] == '\n' || rest[j] == '\r' || rest[j] == ' ' || rest[j] == '\t') {
					j++
				}
				if j < len(rest) {
					d.target = a.SourcePosition(m[1] + j).Line
				}
				break
			}
			if rest[i] != ' ' && rest[i] != '\t' && rest[i] != '\r' {
				break // text after the comment on its own line: that line only
			}
		}
		out = append(out, d)
	}
	return out
}

// suppress drops findings covered by a directive with a reason and reports
// directives that are missing a reason or silenced nothing.
func suppress(a *article.Article, ds []Diagnostic) []Diagnostic {
	dirs := directives(a)
	if len(dirs) == 0 {
		return ds
	}
	out := ds[:0]
	for _, d := range ds {
		ignored := false
		for _, dir := range dirs {
			if dir.reason != "" && dir.covers(d.Rule, d.Line) {
				dir.used, ignored = true, true
			}
		}
		if !ignored {
			out = append(out, d)
		}
	}
	for _, dir := range dirs {
		msg := ""
		switch {
		case dir.reason == "":
			msg = "copydesk:ignore needs a reason after \"--\"; nothing was silenced"
		case !dir.used:
			msg = "copydesk:ignore " + strings.Join(dir.rules, ",") + " silenced nothing: remove it, or check the rule name and that the finding is on this line or the next"
		default:
			continue
		}
		p1, p2 := a.SourcePosition(dir.offset), a.SourcePosition(dir.end)
		out = append(out, Diagnostic{
			Rule: "copydesk/ignore", Category: "suppression", Severity: sdk.Warning, Message: msg,
			Line: p1.Line, Column: p1.Column, EndLine: p2.Line, EndColumn: p2.Column,
			Offset: dir.offset, EndOffset: dir.end, Suggestions: []Suggestion{},
		})
	}
	return out
}
