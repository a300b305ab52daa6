package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
)

// GitHub prints GitHub Actions workflow commands, one line per finding,
// which the runner turns into annotations on the pull request's diff:
//
//	::error file=story.md,line=3,col=27,endLine=3,endColumn=34,title=repetition/doubled-word::"the" is repeated
//
// Errors become ::error, warnings ::warning and info ::notice. Files that
// could not be checked and plugins that failed are ::error lines too, so a
// broken run is visible in the same place. GitHub shows a limited number of
// annotations per step; upload SARIF as well for a full list (docs/ci.md).
type GitHub struct{}

func (GitHub) Report(w io.Writer, r *runner.Result) error {
	var b strings.Builder
	for _, f := range r.Files {
		if f == nil {
			continue
		}
		if f.Error != "" {
			fmt.Fprintf(&b, "::error file=%s,title=%s::%s\n", ghProperty(f.Path), ghProperty("copydesk: file not checked"), ghData(f.Error))
			continue
		}
		for _, d := range f.Diagnostics {
			fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				ghCommand(d.Severity), ghProperty(f.Path), d.Line, d.Column, d.EndLine, d.EndColumn, ghProperty(d.Rule), ghData(d.Message))
		}
	}
	for _, fl := range r.Failures {
		file := ""
		if fl.Path != "" {
			file = "file=" + ghProperty(fl.Path) + ","
		}
		fmt.Fprintf(&b, "::error %stitle=%s::%s\n", file, ghProperty("copydesk: plugin "+fl.Plugin+" failed"),
			ghData("its findings are missing: "+firstLine(fl.Error)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func ghCommand(s sdk.Severity) string {
	switch s {
	case sdk.Error:
		return "error"
	case sdk.Warning:
		return "warning"
	}
	return "notice"
}

// ghData escapes a command's message the way the Actions runner unescapes
// it (toolkit's escapeData): %, CR and LF.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a property value (toolkit's escapeProperty): as data,
// plus the ':' and ',' that would end the value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
