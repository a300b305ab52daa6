package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/copydesk/copydesk/core/baseline"
	"github.com/copydesk/copydesk/core/config"
	"github.com/copydesk/copydesk/core/report"
	"github.com/copydesk/copydesk/core/runner"
)

// ciFlags are check's flags for running in CI: which files (--changed-since,
// --shard), which findings (--baseline), extra reports (--output) and the
// NDJSON pipeline mode. cmdCheck calls into them at a few points; the logic
// lives here and in baseline.go and ndjson.go.
type ciFlags struct {
	changedSince string
	shard        string
	baseline     string
	outputs      outputFlag
	ndjson       bool
	batch        int

	parsedShard *runner.Shard
	loaded      *baseline.File
	hidden      map[string]int // per file, the findings the baseline hid
	pathsGiven  bool           // PATHS on the command line, which --ndjson refuses
}

// outputFlag is --output FORMAT=PATH, repeatable.
type outputFlag []reportOutput

type reportOutput struct{ format, path string }

func (o *outputFlag) String() string {
	var parts []string
	for _, x := range *o {
		parts = append(parts, x.format+"="+x.path)
	}
	return strings.Join(parts, ",")
}

func (o *outputFlag) Set(s string) error {
	f, p, ok := strings.Cut(s, "=")
	if !ok || f == "" || p == "" {
		return fmt.Errorf("want FORMAT=PATH, such as sarif=copydesk.sarif")
	}
	*o = append(*o, reportOutput{f, p})
	return nil
}

func addCIFlags(fs *flag.FlagSet) *ciFlags {
	ci := &ciFlags{}
	fs.StringVar(&ci.changedSince, "changed-since", "", "check only files git says changed since this revision (merge base with HEAD; uncommitted and untracked files count; deleted ones do not), among PATHS (default .)")
	fs.StringVar(&ci.shard, "shard", "", "check one part K/N of the files (K from 1 to N; a file's shard is a hash of its path), for CI matrices")
	fs.StringVar(&ci.baseline, "baseline", "", "hide the findings recorded in this file by 'copydesk baseline'")
	fs.Var(&ci.outputs, "output", "also write a report in FORMAT to PATH (FORMAT=PATH, repeatable), e.g. sarif=copydesk.sarif")
	fs.BoolVar(&ci.ndjson, "ndjson", false, "read one CMS JSON article per line on stdin; write one result per line on stdout")
	fs.IntVar(&ci.batch, "ndjson-batch", 256, "with --ndjson, articles checked together (and results flushed) per batch")
	return ci
}

// defaultPaths makes --changed-since without paths mean the working
// directory.
func (ci *ciFlags) defaultPaths(paths []string) []string {
	ci.pathsGiven = len(paths) > 0
	if len(paths) == 0 && ci.changedSince != "" && !ci.ndjson {
		return []string{"."}
	}
	return paths
}

// validate checks the CI flags before anything starts.
func (ci *ciFlags) validate() int {
	if ci.shard != "" {
		s, err := runner.ParseShard(ci.shard)
		if err != nil {
			fmt.Fprintf(os.Stderr, "copydesk check: %v\n", err)
			return exitUsage
		}
		ci.parsedShard = &s
	}
	for _, o := range ci.outputs {
		if _, err := report.New(o.format, report.Options{}); err != nil {
			fmt.Fprintf(os.Stderr, "copydesk check: --output: %v\n", err)
			return exitUsage
		}
		if fi, err := os.Stat(o.path); err == nil && fi.IsDir() {
			fmt.Fprintf(os.Stderr, "copydesk check: --output %s=%s: that is a directory; give a file name, e.g. %s\n", o.format, o.path, filepath.Join(o.path, "copydesk."+o.format))
			return exitUsage
		}
	}
	if ci.ndjson {
		if ci.batch < 1 {
			fmt.Fprintln(os.Stderr, "copydesk check: --ndjson-batch must be at least 1")
			return exitUsage
		}
		if ci.pathsGiven {
			fmt.Fprintln(os.Stderr, "copydesk check: --ndjson reads articles from stdin; give no PATHS")
			return exitUsage
		}
		if ci.changedSince != "" || ci.shard != "" || ci.baseline != "" || len(ci.outputs) > 0 || writeBaselineTo != "" {
			fmt.Fprintln(os.Stderr, "copydesk check: --ndjson reads articles from stdin; it does not combine with --changed-since, --shard, --baseline or --output")
			return exitUsage
		}
	}
	if ci.baseline != "" {
		if _, err := baseline.ReadFile(ci.baseline); err != nil {
			fmt.Fprintf(os.Stderr, "copydesk check: --baseline: %v\n", err)
			return exitUsage
		}
	}
	return exitOK
}

// selectPaths narrows the paths to the changed files and this shard's.
func (ci *ciFlags) selectPaths(paths []string) ([]string, int) {
	if ci.changedSince == "" && ci.parsedShard == nil {
		return paths, exitOK
	}
	out, err := runner.Select(paths, runner.Selection{Shard: ci.parsedShard, ChangedSince: ci.changedSince})
	if err != nil {
		fmt.Fprintf(os.Stderr, "copydesk check: %v\n", err)
		return nil, exitUsage
	}
	if len(out) == 0 {
		what := "in shard " + ci.shard
		if ci.changedSince != "" {
			what = "changed since " + ci.changedSince
			if ci.shard != "" {
				what += " in shard " + ci.shard
			}
		}
		fmt.Fprintf(os.Stderr, "copydesk check: no files to check %s\n", what)
	}
	return out, exitOK
}

// beforeReport applies the baseline to the result, or, for `copydesk
// baseline`, writes one. done means the command is over with that code. It
// runs before --fix and --diff, so they never touch a finding the baseline
// hides; the files --fix checks again go through applyBaseline too.
func (ci *ciFlags) beforeReport(res *runner.Result) (done bool, code int) {
	if writeBaselineTo != "" {
		return true, writeBaseline(res, writeBaselineTo)
	}
	if ci.baseline == "" {
		return false, exitOK
	}
	b, err := baseline.ReadFile(ci.baseline)
	if err != nil {
		fmt.Fprintf(os.Stderr, "copydesk check: --baseline: %v\n", err)
		return true, exitUsage
	}
	ci.loaded, ci.hidden = b, map[string]int{}
	ci.applyBaseline(res)
	return false, exitOK
}

// applyBaseline hides the baselined findings of the files in res, counting
// them per file: a file checked again after --fix replaces its count rather
// than adding to it.
func (ci *ciFlags) applyBaseline(res *runner.Result) {
	if ci.loaded == nil {
		return
	}
	name := baselinePaths(ci.baseline)
	for _, f := range res.Files {
		ci.hidden[f.Path] = ci.loaded.Filter(&runner.Result{Files: []*runner.File{f}}, name)
	}
}

func (ci *ciFlags) hiddenTotal() int {
	n := 0
	for _, h := range ci.hidden {
		n += h
	}
	return n
}

// report writes the result in the chosen format to w, then each --output
// report to its file. Formats that carry rule metadata or the fail-on
// threshold are built here, once the plugins have declared their rules.
func (ci *ciFlags) report(w io.Writer, rep report.Reporter, format string, opt report.Options, engine *runner.Engine, cfg *config.Config, res *runner.Result) error {
	opt.Rules, opt.Declarations, opt.FailOn, opt.Version = engine.Rules(), engine.Declarations(), cfg.FailOn, version
	if format == "sarif" || format == "junit" {
		r, err := report.New(format, opt)
		if err != nil {
			return err
		}
		rep = r
	}
	if err := rep.Report(w, res); err != nil {
		return err
	}
	if ci.baseline != "" {
		note := fmt.Sprintf("%s hidden by the baseline %s\n", pluralize(ci.hiddenTotal(), "finding"), ci.baseline)
		if format == "text" {
			fmt.Fprint(w, note)
		} else {
			fmt.Fprint(os.Stderr, "copydesk: "+note)
		}
	}
	for _, o := range ci.outputs {
		r, err := report.New(o.format, report.Options{Rules: opt.Rules, Declarations: opt.Declarations, FailOn: opt.FailOn, Version: opt.Version})
		if err != nil {
			return err
		}
		if err := writeReportFile(o.path, r, res); err != nil {
			return fmt.Errorf("--output %s=%s: %v", o.format, o.path, err)
		}
	}
	return nil
}

func writeReportFile(path string, r report.Reporter, res *runner.Result) error {
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := r.Report(f, res); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func pluralize(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
