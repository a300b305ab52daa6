// Package report prints a run's results. Each output format is one file
// implementing Reporter; the CLI and the hook server pick one by name.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/core/runner"
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
}

var formats = map[string]func(Options) Reporter{
	"text": func(o Options) Reporter { return &Text{Color: o.Color} },
	"json": func(Options) Reporter { return JSON{} },
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
