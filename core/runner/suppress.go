package runner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/config"
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
// reported, and so is one that silenced nothing or names a rule no plugin
// has (with a did-you-mean).
//
// Plain text has no comments: there the directive is a line of its own,
//
//	copydesk:ignore byline/credit-verb -- op-eds are credited "Statement by"
//
// covering the next line with text, and findings on the marker line itself
// are dropped (it is not copy). A CMS JSON article carries a field instead,
// covering the whole article:
//
//	"copydesk_ignore": [{"rule": "byline/credit-verb", "reason": "op-ed"}]
var ignoreDirective = regexp.MustCompile(`<!--\s*copydesk:ignore\s+([^\s>]+)\s*(?:--\s*(.*?))?\s*-->`)

// ignoreLine is the plain-text directive: a line of its own.
var ignoreLine = regexp.MustCompile(`(?m)^[ \t]*copydesk:ignore[ \t]+([^\s]+)[ \t]*(?:--[ \t]*(.*?))?[ \t]*\r?$`)

// JSONIgnoreField is the CMS JSON field holding an article's directives.
const JSONIgnoreField = "copydesk_ignore"

type directive struct {
	rules  []string
	reason string
	line   int // the comment's line
	target int // the next line with text after the comment
	offset int
	end    int
	used   bool
	whole  bool // covers the whole article (CMS JSON)
	marker bool // a plain-text marker line: not copy
	// bad is set when the directive itself is malformed (JSON field).
	bad string
}

func (d *directive) covers(rule string, line int) bool {
	if !d.whole && line != d.line && line != d.target {
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
	if a == nil {
		return nil
	}
	switch a.Format {
	case article.FormatMarkdown, article.FormatHTML:
		return commentDirectives(a, ignoreDirective, false)
	case article.FormatText:
		return commentDirectives(a, ignoreLine, true)
	case article.FormatJSON:
		return jsonDirectives(a)
	}
	return nil
}

// jsonDirectives reads the copydesk_ignore field: a list of {"rule",
// "reason"} objects (or one object), each covering the whole article.
func jsonDirectives(a *article.Article) []*directive {
	raw, ok := a.Meta[JSONIgnoreField]
	if !ok {
		return nil
	}
	src := a.Source()
	off := bytes.Index(src, []byte(`"`+JSONIgnoreField+`"`))
	if off < 0 {
		off = 0
	}
	end := off + len(JSONIgnoreField) + 2
	line := a.SourcePosition(off).Line
	type entry struct {
		Rule   string `json:"rule"`
		Reason string `json:"reason"`
	}
	var list []entry
	if err := json.Unmarshal([]byte(raw), &list); err != nil {
		var one entry
		if err := json.Unmarshal([]byte(raw), &one); err != nil {
			return []*directive{{line: line, offset: off, end: end, reason: "-", used: true,
				bad: `"` + JSONIgnoreField + `" must be a list such as [{"rule": "byline/credit-verb", "reason": "why"}]; nothing was silenced`}}
		}
		list = []entry{one}
	}
	var out []*directive
	for _, e := range list {
		d := &directive{reason: strings.TrimSpace(e.Reason), line: line, target: line, offset: off, end: end, whole: true}
		if strings.TrimSpace(e.Rule) == "" {
			d.bad, d.used = `a "`+JSONIgnoreField+`" entry needs "rule": "plugin/rule"; nothing was silenced`, true
		}
		for _, r := range strings.Split(e.Rule, ",") {
			d.rules = append(d.rules, strings.TrimSpace(r))
		}
		out = append(out, d)
	}
	return out
}

// commentDirectives finds the directives re matches in the source: HTML
// comments, or (marker) plain-text lines of their own.
func commentDirectives(a *article.Article, re *regexp.Regexp, marker bool) []*directive {
	src := a.Source()
	var out []*directive
	for _, m := range re.FindAllSubmatchIndex(src, -1) {
		d := &directive{rules: strings.Split(string(src[m[2]:m[3]]), ","), offset: m[0], end: m[1], marker: marker}
		if marker {
			// The match starts at the line's start; point at the words.
			for d.offset < d.end && (src[d.offset] == ' ' || src[d.offset] == '\t') {
				d.offset++
			}
			for d.end > d.offset && (src[d.end-1] == '\r' || src[d.end-1] == ' ') {
				d.end--
			}
		}
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
// directives that are missing a reason, name a rule that is not in known
// (nil skips that check) or silenced nothing.
func suppress(a *article.Article, ds []Diagnostic, known *catalog) []Diagnostic {
	dirs := directives(a)
	if len(dirs) == 0 {
		return ds
	}
	markers := map[int]bool{}
	for _, dir := range dirs {
		if dir.marker {
			markers[dir.line] = true
		}
	}
	out := ds[:0]
	for _, d := range ds {
		if markers[d.Line] {
			continue // a finding about the marker line itself
		}
		ignored := false
		for _, dir := range dirs {
			if dir.reason != "" && dir.bad == "" && dir.covers(d.Rule, d.Line) {
				dir.used, ignored = true, true
			}
		}
		if !ignored {
			out = append(out, d)
		}
	}
	for _, dir := range dirs {
		msg := ""
		unknown := unknownRules(dir.rules, known)
		switch {
		case dir.bad != "":
			msg = dir.bad
		case dir.reason == "":
			msg = "copydesk:ignore needs a reason after \"--\"; nothing was silenced"
			if dir.whole {
				msg = `a "` + JSONIgnoreField + `" entry needs a "reason"; nothing was silenced`
			}
		case unknown != "":
			msg = "copydesk:ignore names " + unknown
		case !dir.used && dir.whole:
			msg = "copydesk:ignore " + strings.Join(dir.rules, ",") + " silenced nothing in this article: remove it from " + JSONIgnoreField
		case !dir.used:
			msg = "copydesk:ignore " + strings.Join(dir.rules, ",") + " silenced nothing: remove it, or check that the finding is on this line or the next"
		default:
			continue
		}
		p1, p2 := a.SourcePosition(dir.offset), a.SourcePosition(dir.end)
		out = append(out, Diagnostic{
			Rule: IgnoreRule, Category: "suppression", Severity: sdk.Warning, Message: msg,
			Line: p1.Line, Column: p1.Column, EndLine: p2.Line, EndColumn: p2.Column,
			Offset: dir.offset, EndOffset: dir.end, Suggestions: []Suggestion{},
		})
	}
	return out
}

// IgnoreRule is the id of findings about suppressions themselves
// (CorePlugin's rule).
const IgnoreRule = "copydesk/ignore"

// catalog is what suppressions are checked against: the rules of the
// running plugins, and the plugins configured but not running (disabled,
// failed), whose rules cannot be checked and are taken on trust.
type catalog struct {
	ids     []string // plugin/rule
	running map[string]bool
	idle    func(plugin string) bool
}

// catalog lists the engine's rules for suppress.
func (e *Engine) catalog() *catalog {
	c := &catalog{running: map[string]bool{}, idle: func(p string) bool { return e.cfg.Plugin(p) != nil }}
	for _, ep := range e.plugins {
		c.running[ep.decl.Name] = true
		for _, r := range ep.decl.Rules {
			c.ids = append(c.ids, ep.decl.Name+"/"+r.Name)
		}
	}
	for _, f := range e.failed {
		c.running[f.Plugin] = false
	}
	return c
}

// unknownRules describes the rules of a directive that no plugin has, with
// a did-you-mean, or returns "". "plugin/*" needs a known plugin.
func unknownRules(rules []string, c *catalog) string {
	if c == nil {
		return ""
	}
	ids := map[string]bool{}
	var wild []string
	for _, k := range c.ids {
		ids[k] = true
		p, _, _ := strings.Cut(k, "/")
		if w := p + "/*"; len(wild) == 0 || wild[len(wild)-1] != w {
			wild = append(wild, w)
		}
	}
	var out []string
	for _, r := range rules {
		p, name, _ := strings.Cut(r, "/")
		running, listed := c.running[p]
		switch {
		case ids[r], running && name == "*":
			continue
		case !running && (listed || c.idle(p)):
			continue // a plugin that is off or failed: its rules are unknown here
		}
		cands := c.ids
		if name == "*" {
			cands = wild
		}
		out = append(out, fmt.Sprintf("unknown rule %q%s", r, config.DidYouMean(r, cands)))
	}
	if len(out) == 0 {
		return ""
	}
	return strings.Join(out, ", ") + "; nothing was silenced for it (copydesk rules lists every rule)"
}
