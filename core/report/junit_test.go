package report

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/sdk"
)

type junitDoc struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Errors   int `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			ClassName string `xml:"classname,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Body    string `xml:",chardata"`
			} `xml:"failure"`
			Error *struct {
				Message string `xml:"message,attr"`
				Body    string `xml:",chardata"`
			} `xml:"error"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func parseJUnit(t *testing.T, out string) junitDoc {
	t.Helper()
	var doc junitDoc
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	return doc
}

func TestJUnitParsesBack(t *testing.T) {
	doc := parseJUnit(t, render(t, "junit", ciOptions(), ciResult(t))) // fail-on warning
	if len(doc.Suites) != 3 {
		t.Fatalf("want one suite per file: %+v", doc.Suites)
	}
	story := doc.Suites[0]
	if story.Name != "desk/story one.txt" || story.Tests != 3 || story.Failures != 2 || story.Errors != 0 {
		t.Fatalf("story suite: %+v", story)
	}
	rep := story.Cases[0]
	if rep.Name != "repetition/doubled-word" || rep.ClassName != "desk/story one.txt" || rep.Failure == nil ||
		rep.Failure.Type != "warning" || !strings.Contains(rep.Failure.Body, "desk/story one.txt:3:24: warning: \"the\" is repeated") {
		t.Errorf("warning at fail-on is a failure: %+v", rep)
	}
	info := story.Cases[2]
	if info.Name != "style/info-only" || info.Failure != nil || !strings.Contains(info.SystemOut, "an info finding") {
		t.Errorf("info below fail-on passes, listed in system-out: %+v", info)
	}
	clean := doc.Suites[1]
	if clean.Tests != 2 || clean.Errors != 1 || clean.Cases[0].Name != "copydesk" || clean.Cases[0].Failure != nil ||
		clean.Cases[1].Error == nil || !strings.Contains(clean.Cases[1].Error.Body, "plugin crashed") {
		t.Errorf("clean file with a plugin failure: %+v", clean)
	}
	bad := doc.Suites[2]
	if bad.Errors != 1 || bad.Cases[0].Error == nil || !strings.Contains(bad.Cases[0].Error.Body, "empty") {
		t.Errorf("unreadable file is an error: %+v", bad)
	}
	if doc.Tests != 6 || doc.Failures != 2 || doc.Errors != 2 {
		t.Errorf("totals: tests %d failures %d errors %d", doc.Tests, doc.Failures, doc.Errors)
	}

	// With fail-on error the warning passes too.
	o := ciOptions()
	o.FailOn = sdk.Error
	doc = parseJUnit(t, render(t, "junit", o, ciResult(t)))
	if s := doc.Suites[0]; s.Failures != 1 || s.Cases[0].Failure != nil || s.Cases[1].Failure == nil {
		t.Errorf("fail-on error: %+v", s)
	}
}

func TestJUnitGlobalPluginFailure(t *testing.T) {
	res := ciResult(t)
	res.Failures = append(res.Failures, res.Failures[0])
	res.Failures[1].Path = ""
	doc := parseJUnit(t, render(t, "junit", ciOptions(), res))
	last := doc.Suites[len(doc.Suites)-1]
	if last.Name != "copydesk" || last.Errors != 1 || last.Cases[0].Name != "plugin fragment" {
		t.Errorf("a plugin that failed for every file gets its own suite: %+v", last)
	}
}
