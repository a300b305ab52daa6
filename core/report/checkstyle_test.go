package report

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestCheckstyleParsesBack(t *testing.T) {
	out := render(t, "checkstyle", ciOptions(), ciResult(t))
	if !strings.HasPrefix(out, "<?xml") {
		t.Errorf("missing XML declaration:\n%s", out)
	}
	var doc struct {
		Version string `xml:"version,attr"`
		Files   []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Column   int    `xml:"column,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	if doc.Version == "" || len(doc.Files) != 3 {
		t.Fatalf("want 3 files: %+v", doc)
	}
	story := doc.Files[0]
	if story.Name != "desk/story one.txt" || len(story.Errors) != 3 {
		t.Fatalf("story: %+v", story)
	}
	e := story.Errors[0]
	if e.Line != 3 || e.Column != 24 || e.Severity != "warning" || e.Source != "copydesk.repetition/doubled-word" ||
		e.Message != "\"the\" is repeated, 100%\nsure: yes, really" {
		t.Errorf("first error (quotes, percent sign and newline must survive the round trip): %+v", e)
	}
	if story.Errors[1].Severity != "error" || story.Errors[2].Severity != "info" {
		t.Errorf("severities: %+v", story.Errors)
	}
	clean := doc.Files[1]
	if clean.Name != "desk/clean.txt" || len(clean.Errors) != 1 || clean.Errors[0].Source != "copydesk.fragment" {
		t.Errorf("plugin failure on the clean file: %+v", clean)
	}
	bad := doc.Files[2]
	if len(bad.Errors) != 1 || bad.Errors[0].Line != 0 || !strings.Contains(bad.Errors[0].Message, "empty") {
		t.Errorf("unreadable file: %+v", bad)
	}
}
