package report

import (
	"encoding/xml"
	"io"

	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
)

// Checkstyle prints Checkstyle XML, which Jenkins (Warnings NG), reviewdog,
// GitLab converters and many review bots read:
//
//	<checkstyle version="4.3">
//	  <file name="story.md">
//	    <error line="3" column="27" severity="warning" message="..." source="copydesk.repetition/doubled-word"/>
//
// Severities map to Checkstyle's error, warning and info. A file that could
// not be checked carries one error without a line, sourced "copydesk"; a
// failed plugin one sourced "copydesk.PLUGIN".
type Checkstyle struct{}

type (
	csRoot struct {
		XMLName xml.Name `xml:"checkstyle"`
		Version string   `xml:"version,attr"`
		Files   []csFile `xml:"file"`
	}
	csFile struct {
		Name   string    `xml:"name,attr"`
		Errors []csError `xml:"error"`
	}
	csError struct {
		Line     int    `xml:"line,attr,omitempty"`
		Column   int    `xml:"column,attr,omitempty"`
		Severity string `xml:"severity,attr"`
		Message  string `xml:"message,attr"`
		Source   string `xml:"source,attr"`
	}
)

func (Checkstyle) Report(w io.Writer, r *runner.Result) error {
	root := csRoot{Version: "4.3"}
	index := map[string]int{}
	file := func(path string) *csFile {
		i, ok := index[path]
		if !ok {
			i = len(root.Files)
			index[path] = i
			root.Files = append(root.Files, csFile{Name: path})
		}
		return &root.Files[i]
	}
	for _, f := range r.Files {
		if f == nil {
			continue
		}
		cf := file(f.Path)
		if f.Error != "" {
			cf.Errors = append(cf.Errors, csError{Severity: "error", Message: f.Error, Source: "copydesk"})
			continue
		}
		for _, d := range f.Diagnostics {
			cf.Errors = append(cf.Errors, csError{Line: d.Line, Column: d.Column, Severity: csSeverity(d.Severity), Message: d.Message, Source: "copydesk." + d.Rule})
		}
	}
	for _, fl := range r.Failures {
		e := csError{Severity: "error", Message: "plugin " + fl.Plugin + " failed, so its findings are missing: " + firstLine(fl.Error), Source: "copydesk." + fl.Plugin}
		if fl.Path == "" {
			for i := range root.Files {
				root.Files[i].Errors = append(root.Files[i].Errors, e)
			}
			continue
		}
		cf := file(fl.Path)
		cf.Errors = append(cf.Errors, e)
	}
	return writeXML(w, root)
}

func csSeverity(s sdk.Severity) string {
	switch s {
	case sdk.Error:
		return "error"
	case sdk.Warning:
		return "warning"
	}
	return "info"
}

// writeXML writes an indented document with its declaration. encoding/xml
// escapes attribute and text content, control characters included.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
