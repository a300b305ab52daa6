package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
)

// Text prints findings the way compilers do:
//
//	path:line:col: severity: message [rule]
//	   12 | the source line
//	      |     ^^^^^^^
//
// followed by related places and suggestions, then a summary.
type Text struct {
	Color bool
}

func (t *Text) Report(w io.Writer, r *runner.Result) error {
	paint := func(attrs ...color.Attribute) func(a ...any) string {
		c := color.New(attrs...)
		if t.Color {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c.SprintFunc()
	}
	bold, dim := paint(color.Bold), paint(color.Faint)
	sevColor := map[sdk.Severity]func(a ...any) string{
		sdk.Error:   paint(color.FgRed, color.Bold),
		sdk.Warning: paint(color.FgYellow, color.Bold),
		sdk.Info:    paint(color.FgCyan, color.Bold),
	}
	counts := map[sdk.Severity]int{}
	checked, withErrors := 0, 0
	for _, f := range r.Files {
		if f.Error != "" {
			withErrors++
			fmt.Fprintf(w, "%s %s\n", sevColor[sdk.Error]("error:"), f.Error)
			continue
		}
		checked++
		for _, d := range f.Diagnostics {
			counts[d.Severity]++
			fmt.Fprintf(w, "%s %s %s %s\n", bold(fmt.Sprintf("%s:%d:%d:", f.Path, d.Line, d.Column)),
				sevColor[d.Severity](d.Severity.String()+":"), d.Message, dim("["+d.Rule+"]"))
			if f.Article != nil {
				writeSource(w, f.Article.SourceLine(d.Line), d, sevColor[d.Severity], dim)
			}
			for _, rel := range d.Related {
				fmt.Fprintf(w, "    %s %s:%d:%d: %s\n", dim("note:"), f.Path, rel.Line, rel.Column, rel.Message)
			}
			for _, s := range d.Suggestions {
				what := s.Description
				if what == "" {
					if s.Replacement == "" {
						what = "delete it"
					} else {
						what = fmt.Sprintf("replace with %q", s.Replacement)
					}
				}
				fmt.Fprintf(w, "    %s %s\n", dim("suggestion:"), what)
			}
		}
	}
	for _, fl := range r.Failures {
		where := "every file"
		if fl.Path != "" {
			where = fl.Path
		}
		fmt.Fprintf(w, "%s plugin %s failed on %s, so its findings there are missing: %s\n", sevColor[sdk.Error]("error:"), fl.Plugin, where, firstLine(fl.Error))
	}
	var parts []string
	for _, s := range []sdk.Severity{sdk.Error, sdk.Warning, sdk.Info} {
		if n := counts[s]; n > 0 {
			parts = append(parts, sevColor[s](plural(n, s.String())))
		}
	}
	summary := "no findings"
	if len(parts) > 0 {
		summary = strings.Join(parts, ", ")
	}
	fmt.Fprintf(w, "%s in %s", summary, plural(checked, "file"))
	if withErrors > 0 {
		fmt.Fprintf(w, "; %s could not be checked", plural(withErrors, "file"))
	}
	if len(r.Failures) > 0 {
		fmt.Fprintf(w, "; %s", plural(len(r.Failures), "plugin failure"))
	}
	fmt.Fprintln(w)
	return nil
}

// writeSource prints the line and underlines the finding's span on it.
func writeSource(w io.Writer, line string, d runner.Diagnostic, hl, dim func(a ...any) string) {
	if line == "" {
		return
	}
	line = strings.ReplaceAll(line, "\t", " ")
	n := utf8.RuneCountInString(line)
	start := d.Column - 1
	end := n
	if d.EndLine == d.Line {
		end = d.EndColumn - 1
	}
	if start > n {
		start = n
	}
	if end > n {
		end = n
	}
	if end <= start {
		end = start + 1
	}
	// Long lines (scraped paragraphs are often one line) are cut around
	// the span so the underline stays on screen.
	const width = 100
	offset := 0
	if n > width && end > width-10 {
		offset = max(0, start-20)
	}
	runes := []rune(line)
	shown := runes[offset:min(len(runes), offset+width)]
	prefix := ""
	if offset > 0 {
		prefix = "…"
	}
	num := fmt.Sprintf("%5d", d.Line)
	fmt.Fprintf(w, "%s %s %s%s\n", dim(num), dim("|"), prefix, string(shown))
	pad := strings.Repeat(" ", start-offset+utf8.RuneCountInString(prefix))
	marks := strings.Repeat("^", max(1, min(end, offset+width)-start))
	fmt.Fprintf(w, "%s %s %s%s\n", strings.Repeat(" ", len(num)), dim("|"), pad, hl(marks))
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	if word == "info" {
		return fmt.Sprintf("%d info", n)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
