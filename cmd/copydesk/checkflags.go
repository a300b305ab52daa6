package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/config"
	"github.com/copydesk/copydesk/core/report"
	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
)

// checkFlags are copydesk check's flags. The CI flags (--changed-since,
// --shard, --baseline, --output, --ndjson) are ci.go's and the editor flags
// (--fix, --diff) fix.go's; the others are handled below, one function each,
// in the order cmdCheck calls them.
type checkFlags struct {
	*common
	format      string // --format
	colorMode   string // --color
	failOn      string // --fail-on
	minSeverity string // --min-severity
	stdinName   string // --stdin-name
	stdinFmt    string // --stdin-format
	maxSize     sizeFlag
	excludes    globsFlag
	ci          *ciFlags
	stats       bool
	ed          *editorFlags
}

func newCheckFlags() *checkFlags {
	f := &checkFlags{common: newCommon("check")}
	fs := f.fs
	fs.StringVar(&f.format, "format", "text", "output format: "+strings.Join(report.Names(), ", "))
	fs.StringVar(&f.colorMode, "color", "auto", "colour text output: auto, always or never (NO_COLOR is honoured)")
	fs.StringVar(&f.failOn, "fail-on", "", "exit 1 when a finding is at or above this severity (default from rules.toml: error)")
	fs.StringVar(&f.minSeverity, "min-severity", "", "hide findings below this severity (default from rules.toml: info)")
	fs.StringVar(&f.stdinName, "stdin-name", "", "file name to report for - (standard input)")
	fs.StringVar(&f.stdinFmt, "stdin-format", "", "format of standard input: txt, md, html or json (default from --stdin-name, else json when it is a JSON object, else txt)")
	fs.Var(&f.maxSize, "max-file-size", "refuse files larger than this, in bytes or with a unit as in rules.toml: 30MiB, 512KiB (default from rules.toml: 4MiB)")
	fs.Var(&f.excludes, "exclude", "leave out files matching this glob (repeatable; adds to exclude in rules.toml), e.g. --exclude package.json --exclude 'data/**'")
	f.ci = addCIFlags(fs) // --changed-since, --shard, --baseline, --output, --ndjson: see ci.go
	fs.BoolVar(&f.stats, "stats", false, "print each plugin's time and peak memory to stderr")
	f.ed = addEditorFlags(fs) // --fix, --diff: see fix.go
	fs.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: copydesk check [flags] PATHS...  (files, directories, globs, or - for stdin)")
		fs.PrintDefaults()
	}
	return f
}

// parsePaths parses the command line and returns the paths to check (the
// CI flags' default paths when none are given). ok is false when the
// command ends here, with code: --help, a bad flag, or no paths.
func (f *checkFlags) parsePaths(args []string) (paths []string, code int, ok bool) {
	paths, err := f.parse(args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, exitOK, false
		}
		return nil, exitUsage, false
	}
	paths = f.ci.defaultPaths(paths)
	if len(paths) == 0 && !f.ci.ndjson {
		if writeBaselineTo != "" {
			fmt.Fprintln(os.Stderr, "copydesk baseline: no paths given; try 'copydesk baseline content/' to record the findings under content/")
			return nil, exitUsage, false
		}
		fmt.Fprintln(os.Stderr, "copydesk check: no paths given; try 'copydesk check story.txt' or 'copydesk check -' for stdin")
		return nil, exitUsage, false
	}
	return paths, exitOK, true
}

// applyToConfig lets --fail-on, --min-severity and --max-file-size override
// rules.toml.
func (f *checkFlags) applyToConfig(cfg *config.Config) int {
	for _, o := range []struct {
		flag string
		dst  *sdk.Severity
	}{{f.failOn, &cfg.FailOn}, {f.minSeverity, &cfg.MinSeverity}} {
		if o.flag == "" {
			continue
		}
		s, err := sdk.ParseSeverity(o.flag)
		if err != nil {
			fmt.Fprintf(os.Stderr, "copydesk check: %v\n", err)
			return exitUsage
		}
		*o.dst = s
	}
	if f.maxSize > 0 {
		cfg.MaxFileBytes = int64(f.maxSize)
	}
	return exitOK
}

// reporter is the report --format names, coloured as --color says.
func (f *checkFlags) reporter() (rep report.Reporter, useColor bool, code int) {
	useColor, err := wantColor(f.colorMode, os.Stdout)
	if err != nil {
		fmt.Fprintf(os.Stderr, "copydesk check: %v\n", err)
		return nil, false, exitUsage
	}
	rep, err = report.New(f.format, report.Options{Color: useColor})
	if err != nil {
		fmt.Fprintf(os.Stderr, "copydesk check: %v\n", err)
		return nil, false, exitUsage
	}
	return rep, useColor, exitOK
}

// validateModes refuses flags that do not combine: the editor flags', the
// CI flags', and --ndjson with a --format other than json.
func (f *checkFlags) validateModes(paths []string) int {
	if code := f.ed.validate(paths); code != exitOK {
		return code
	}
	if code := f.ci.validate(); code != exitOK {
		return code
	}
	if f.ci.ndjson && flagSet(f.fs, "format") && f.format != "json" {
		fmt.Fprintf(os.Stderr, "copydesk check: --ndjson writes one JSON result per line; it does not combine with --format %s (leave --format out)\n", f.format)
		return exitUsage
	}
	return exitOK
}

// stdinFormat is the format --stdin-format names, or "" to tell it from
// --stdin-name or the text.
func (f *checkFlags) stdinFormat() (article.Format, int) {
	if f.stdinFmt == "" {
		return "", exitOK
	}
	sf, err := article.ParseFormat(f.stdinFmt)
	if err != nil {
		fmt.Fprintf(os.Stderr, "copydesk check: --stdin-format: %v\n", err)
		return "", exitUsage
	}
	return sf, exitOK
}

// collect reads every input (--max-file-size, --stdin-name, --stdin-format,
// --exclude and rules.toml's exclude apply).
func (f *checkFlags) collect(paths []string, cfg *config.Config, sf article.Format) []*runner.Input {
	return runner.Collect(paths, runner.InputOptions{MaxBytes: cfg.MaxFileBytes, StdinName: f.stdinName, StdinFormat: sf, Exclude: append(cfg.ExcludeGlobs(), f.excludes...)})
}

// readable are the articles of the inputs that could be read.
func readable(inputs []*runner.Input) []*article.Article {
	var articles []*article.Article
	for _, in := range inputs {
		if in.Err == nil {
			articles = append(articles, in.Article)
		}
	}
	return articles
}

// batches maps each input that came from a batch file (a CMS export) to it,
// for --fix.
func batches(inputs []*runner.Input) map[string]string {
	out := map[string]string{}
	for _, in := range inputs {
		if in.Batch != "" {
			out[in.Path] = in.Batch
		}
	}
	return out
}

// echoErrors says whether unreadable files and plugin failures, which are
// in the report, are repeated on stderr: yes for runs whose report goes
// elsewhere, not when the text report is shown where stderr is (a
// terminal), which would say everything twice.
func (f *checkFlags) echoErrors() bool {
	return !(f.format == "text" && sameFile(os.Stdout, os.Stderr))
}

// restoreUnreadable puts the unreadable inputs back in order among the
// checked files, each with its error, and returns how many there were.
func restoreUnreadable(res *runner.Result, inputs []*runner.Input, echo bool) int {
	byPath := map[string]*runner.File{}
	for _, f := range res.Files {
		byPath[f.Path] = f
	}
	files := make([]*runner.File, 0, len(inputs))
	inputErrors := 0
	for _, in := range inputs {
		if in.Err != nil {
			inputErrors++
			files = append(files, &runner.File{Path: in.Path, Diagnostics: []runner.Diagnostic{}, Error: in.Err.Error()})
			if echo {
				fmt.Fprintf(os.Stderr, "copydesk: %v\n", in.Err)
			}
			continue
		}
		files = append(files, byPath[in.Path])
	}
	res.Files = files
	return inputErrors
}

// printStats prints each plugin's time and memory to stderr (--stats).
func (f *checkFlags) printStats(res *runner.Result) {
	if !f.stats {
		return
	}
	for _, s := range res.Stats {
		fmt.Fprintln(os.Stderr, s)
	}
}

// exitCode is check's exit status: a plugin failure (named on stderr when
// echo is set) first, then an unreadable input, then a finding at or above
// failOn (--fail-on).
func exitCode(res *runner.Result, inputErrors int, failOn sdk.Severity, echo bool) int {
	if len(res.Failures) > 0 {
		for _, f := range res.Failures {
			if !echo {
				break
			}
			where := ""
			if f.Path != "" {
				where = " on " + f.Path
			}
			fmt.Fprintf(os.Stderr, "copydesk: plugin %s failed%s; its findings are missing: %s\n", f.Plugin, where, firstLine(f.Error))
		}
		return exitFailure
	}
	if inputErrors > 0 {
		return exitUsage
	}
	for _, f := range res.Files {
		for _, d := range f.Diagnostics {
			if d.Severity >= failOn {
				return exitFindings
			}
		}
	}
	return exitOK
}
