// Package report prints a run's results. Each output format is one file
// implementing Reporter; the CLI and the hook server pick one by name.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
)

// Reporter writes a result in one format.
type Reporter interface {
	Report(w io.Writer, r *runner.Result) error
}

// Options are what the formats may need beyond the result.
type Options struct {
	Color bool // text only
	// Rules describes every rule, for formats that carry rule metadata.
	Rules []runner.RuleInfo
	// Declarations are the running plugins' own declarations, for the
	// rules' documentation (SARIF help text); Rules gives their effective
	// severities.
	Declarations []*sdk.Plugin
	// FailOn is the severity from which a finding fails the run (JUnit
	// reports such findings as failures, lesser ones only in its output).
	FailOn sdk.Severity
	// Version is copydesk's version, named as the tool's in SARIF.
	Version string
}

var formats = map[string]func(Options) Reporter{
	"text": func(o Options) Reporter { return &Text{Color: o.Color} },
	"json": func(Options) Reporter { return JSON{} },
	// CI formats: see sarif.go, github.go, checkstyle.go and junit.go.
	"sarif":      func(o Options) Reporter { return &SARIF{Options: o} },
	"github":     func(Options) Reporter { return GitHub{} },
	"checkstyle": func(Options) Reporter { return Checkstyle{} },
	"junit":      func(o Options) Reporter { return &JUnit{FailOn: o.FailOn} },
	"html":       func(o Options) Reporter { return &HTML{Version: o.Version} }, // html.go: a page for editors
}

// New returns the reporter for a format name.
func New(name string, o Options) (Reporter, error) {
	f, ok := formats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q: use %s", name, strings.Join(Names(), ", "))
	}
	return f(o), nil
}

// Names lists the formats.
func Names() []string {
	var out []string
	for n := range formats {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
