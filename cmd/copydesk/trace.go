package main

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/language"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/plugins/fragment"
)

// cmdTrace answers a copy editor's "why did it say that?" for the fragment
// rules: `copydesk explain --trace FILE:LINE` prints, for each body
// sentence on that line, every fragment heuristic that ran on it, whether
// it fired, and what the rules reported.
func cmdTrace(args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(os.Stderr, "usage: copydesk explain --trace FILE:LINE   (the fragment rules' heuristics for the sentences on that line)")
		return exitUsage
	}
	i := strings.LastIndex(args[0], ":")
	line, err := strconv.Atoi(args[0][i+1:])
	if i < 0 || err != nil || line < 1 {
		fmt.Fprintf(os.Stderr, "copydesk explain --trace: %q is not FILE:LINE (a line number from 1)\n", args[0])
		return exitUsage
	}
	a, err := article.ParseFile(args[0][:i], 10<<20)
	if err != nil {
		fmt.Fprintf(os.Stderr, "copydesk explain --trace: %v\n", err)
		return exitUsage
	}
	// The language as check decides it before any rule runs (the article's
	// language field, else identification); the fragment rules read English.
	language.Decide(a, "", "")
	if !slices.ContainsFunc(fragment.Plugin.Rules, func(r *sdk.Rule) bool { return r.Understands(a.Language) }) {
		fmt.Printf("%s: not read: the article is not English\n", args[0][:i])
		return exitOK
	}
	onLine := func(s sdk.Span) bool {
		return a.Position(s.Start).Line <= line && line <= a.Position(max(s.End-1, s.Start)).Line
	}
	_, ts, err := fragment.TraceArticle(a, onLine)
	if err != nil {
		fmt.Fprintf(os.Stderr, "copydesk explain --trace: %v\n", err)
		return exitFailure
	}
	if len(ts) == 0 {
		fmt.Printf("%s: no body sentence of the fragment rules on this line (headlines, labels, short or unpunctuated paragraphs are not read)\n", args[0])
		return exitOK
	}
	for _, t := range ts {
		p := a.Position(t.Span.Start)
		fmt.Printf("%s:%d:%d: %s\n", args[0][:i], p.Line, p.Column, t.Text)
		fmt.Print(traceIndent(t.Trace.String()))
		if len(t.Findings) == 0 {
			fmt.Println("    => no finding")
		}
		for _, f := range t.Findings {
			fmt.Println("    => fragment/" + f)
		}
	}
	return exitOK
}

func traceIndent(s string) string {
	if s == "" {
		return ""
	}
	return "    " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n    ") + "\n"
}
