package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/copydesk/copydesk/core/baseline"
	"github.com/copydesk/copydesk/core/runner"
)

// defaultBaseline is where `copydesk baseline` writes without --output.
const defaultBaseline = ".copydesk-baseline.json"

// writeBaselineTo, when set, turns cmdCheck into `copydesk baseline`: it
// records the findings instead of reporting them.
var writeBaselineTo string

// cmdBaseline is `copydesk baseline [--output FILE] [check flags] PATHS...`:
// check the files and record every finding, so that `copydesk check
// --baseline FILE` later reports only new ones.
func cmdBaseline(args []string) int {
	out := defaultBaseline
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-h" || a == "--help" || a == "-help":
			fmt.Fprint(os.Stderr, `usage: copydesk baseline [--output FILE] [check flags] PATHS...

Checks PATHS as 'copydesk check' does and records every finding in FILE
(default `+defaultBaseline+`): rule, file, the text under the finding and a
hash of its line's text, not its line number. 'copydesk check --baseline FILE'
then hides those findings, so inserting a paragraph above one does not bring
it back, but editing its line does. Paths in FILE are relative to FILE's folder.
Every flag of 'copydesk check' that selects files or findings applies
(--config, --min-severity, --changed-since, --shard ...).
`)
			return exitOK
		case a == "--output" || a == "-output" || a == "-o":
			if i+1 >= len(args) {
				fmt.Fprintln(os.Stderr, "copydesk baseline: --output needs a file name")
				return exitUsage
			}
			out = args[i+1]
			i++
		case strings.HasPrefix(a, "--output=") || strings.HasPrefix(a, "-output="):
			_, out, _ = strings.Cut(a, "=")
		case a == "--":
			rest = append(rest, args[i:]...)
			i = len(args)
		default:
			rest = append(rest, a)
		}
	}
	if out == "" {
		fmt.Fprintln(os.Stderr, "copydesk baseline: --output needs a file name")
		return exitUsage
	}
	writeBaselineTo = out
	defer func() { writeBaselineTo = "" }()
	return cmdCheck(rest)
}

// writeBaseline records a checked result. A plugin failure means findings
// are missing, and a baseline without them would let them through later as
// "new", so nothing is written.
func writeBaseline(res *runner.Result, path string) int {
	if len(res.Failures) > 0 {
		for _, f := range res.Failures {
			fmt.Fprintf(os.Stderr, "copydesk: plugin %s failed: %s\n", f.Plugin, firstLine(f.Error))
		}
		fmt.Fprintf(os.Stderr, "copydesk baseline: findings are missing, so %s was not written\n", path)
		return exitFailure
	}
	b := baseline.FromResult(res, baselinePaths(path))
	if err := b.WriteFile(path); err != nil {
		fmt.Fprintf(os.Stderr, "copydesk baseline: %v\n", err)
		return exitUsage // an I/O error, not a plugin's
	}
	files, unreadable := 0, 0
	for _, f := range res.Files {
		if f.Error != "" {
			unreadable++
		} else {
			files++
		}
	}
	fmt.Fprintf(os.Stderr, "copydesk: recorded %s in %s to %s\n", pluralize(len(b.Findings), "finding"), pluralize(files, "file"), path)
	if unreadable > 0 {
		fmt.Fprintf(os.Stderr, "copydesk: %s could not be checked and were not recorded\n", pluralize(unreadable, "file"))
		return exitUsage
	}
	return exitOK
}

// baselinePaths names files relative to the baseline file's folder, with
// forward slashes, so a baseline made at the archive's root matches a check
// run from anywhere. Standard input keeps its name.
func baselinePaths(baselineFile string) baseline.Paths {
	dir, err := filepath.Abs(filepath.Dir(baselineFile))
	if err != nil {
		dir = ""
	}
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		dir = r
	}
	return func(p string) string {
		if dir == "" || p == "-" {
			return filepath.ToSlash(p)
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return filepath.ToSlash(p)
		}
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			abs = r
		}
		rel, err := filepath.Rel(dir, abs)
		if err != nil {
			return filepath.ToSlash(p)
		}
		return filepath.ToSlash(rel)
	}
}
