package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"encoding/xml"

	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
)

// JUnit prints JUnit XML, the test-report format every CI system displays
// (GitLab's test report, Jenkins, Azure Pipelines, CircleCI, Buildkite):
//
//   - one <testsuite> per file, named by its path;
//   - one <testcase> per rule with findings in that file, named by the rule,
//     whose body lists the findings as path:line:col: severity: message;
//   - a <failure> when any of the case's findings is at or above FailOn —
//     the findings that fail the run fail the test; lesser ones pass, listed
//     in <system-out>;
//   - a file without findings has one passing case, "copydesk", so clean
//     files count as passed tests;
//   - a file that could not be checked, or a plugin that failed on it, is an
//     <error> (a broken test rather than a failing one). A plugin that failed
//     for every file gets a suite of its own, "copydesk".
type JUnit struct {
	// FailOn defaults to error.
	FailOn sdk.Severity
}

type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Errors   int          `xml:"errors,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Errors   int         `xml:"errors,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		ClassName string        `xml:"classname,attr"`
		Failure   *junitProblem `xml:"failure,omitempty"`
		Error     *junitProblem `xml:"error,omitempty"`
		SystemOut string        `xml:"system-out,omitempty"`
	}
	junitProblem struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Body    string `xml:",chardata"`
	}
)

func (j *JUnit) Report(w io.Writer, r *runner.Result) error {
	failOn := j.FailOn
	if failOn == 0 {
		failOn = sdk.Error
	}
	root := junitSuites{Name: "copydesk"}
	failuresByPath := map[string][]runner.Failure{}
	var global []runner.Failure
	for _, fl := range r.Failures {
		if fl.Path == "" {
			global = append(global, fl)
		} else {
			failuresByPath[fl.Path] = append(failuresByPath[fl.Path], fl)
		}
	}
	seen := map[string]bool{}
	for _, f := range r.Files {
		if f == nil {
			continue
		}
		seen[f.Path] = true
		s := junitSuite{Name: f.Path}
		if f.Error != "" {
			s.Cases = append(s.Cases, junitCase{Name: "copydesk", ClassName: f.Path, Error: &junitProblem{Message: "file could not be checked", Type: "input", Body: f.Error}})
		} else {
			s.Cases = append(s.Cases, ruleCases(f, failOn)...)
		}
		for _, fl := range failuresByPath[f.Path] {
			s.Cases = append(s.Cases, pluginCase(f.Path, fl))
		}
		root.Suites = append(root.Suites, s)
	}
	// Failures for paths not among the files (not expected, but never
	// dropped).
	var orphans []string
	for p := range failuresByPath {
		if !seen[p] {
			orphans = append(orphans, p)
		}
	}
	sort.Strings(orphans)
	for _, p := range orphans {
		s := junitSuite{Name: p}
		for _, fl := range failuresByPath[p] {
			s.Cases = append(s.Cases, pluginCase(p, fl))
		}
		root.Suites = append(root.Suites, s)
	}
	if len(global) > 0 {
		s := junitSuite{Name: "copydesk"}
		for _, fl := range global {
			s.Cases = append(s.Cases, pluginCase("copydesk", fl))
		}
		root.Suites = append(root.Suites, s)
	}
	for i := range root.Suites {
		s := &root.Suites[i]
		s.Tests = len(s.Cases)
		for _, c := range s.Cases {
			if c.Failure != nil {
				s.Failures++
			}
			if c.Error != nil {
				s.Errors++
			}
		}
		root.Tests += s.Tests
		root.Failures += s.Failures
		root.Errors += s.Errors
	}
	return writeXML(w, root)
}

// ruleCases groups a checked file's findings by rule, in the order the
// rules first occur.
func ruleCases(f *runner.File, failOn sdk.Severity) []junitCase {
	if len(f.Diagnostics) == 0 {
		return []junitCase{{Name: "copydesk", ClassName: f.Path}}
	}
	var order []string
	byRule := map[string][]runner.Diagnostic{}
	for _, d := range f.Diagnostics {
		if _, ok := byRule[d.Rule]; !ok {
			order = append(order, d.Rule)
		}
		byRule[d.Rule] = append(byRule[d.Rule], d)
	}
	var out []junitCase
	for _, rule := range order {
		ds := byRule[rule]
		var body strings.Builder
		worst := sdk.Severity(0)
		for _, d := range ds {
			worst = max(worst, d.Severity)
			fmt.Fprintf(&body, "%s:%d:%d: %s: %s\n", f.Path, d.Line, d.Column, d.Severity, d.Message)
		}
		c := junitCase{Name: rule, ClassName: f.Path}
		if worst >= failOn {
			c.Failure = &junitProblem{Message: fmt.Sprintf("%s: %s", plural(len(ds), "finding"), ds[0].Message), Type: worst.String(), Body: body.String()}
		} else {
			c.SystemOut = body.String()
		}
		out = append(out, c)
	}
	return out
}

func pluginCase(class string, fl runner.Failure) junitCase {
	return junitCase{Name: "plugin " + fl.Plugin, ClassName: class, Error: &junitProblem{
		Message: "plugin " + fl.Plugin + " failed, so its findings are missing", Type: "plugin-failure", Body: fl.Error}}
}
