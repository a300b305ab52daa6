package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/fix"
	"github.com/copydesk/copydesk/core/runner"
)

// editorFlags are check's --fix and --diff. Fixing is opt-in: without these
// flags copydesk never opens a file for writing. See docs/editor.md.
type editorFlags struct {
	fix, diff bool
	// fixQuoted also applies suggestions inside direct quotations, which
	// --fix and --diff otherwise leave for a desk to check with the source.
	fixQuoted bool
	fs        *flag.FlagSet
	// batch maps the articles read from a batch file ({"articles": [...]})
	// to the file: such articles are not fixed.
	batch map[string]string
}

func addEditorFlags(fs *flag.FlagSet) *editorFlags {
	ed := &editorFlags{fs: fs}
	fs.BoolVar(&ed.fix, "fix", false, "apply the fixes plugins suggest, in place (atomically; overlapping fixes are skipped; see docs/editor.md), then report what remains")
	fs.BoolVar(&ed.fixQuoted, "fix-quoted", false, "with --fix or --diff, also apply suggestions inside direct quotations (check the source first: they change someone's words)")
	fs.BoolVar(&ed.diff, "diff", false, "print what --fix would change as a unified diff instead of the report; write nothing (exit 1 when there is something to fix)")
	return ed
}

// validate refuses combinations that cannot work, before anything runs.
// --fix refuses standard input rather than print the fixed text, because
// stdout carries the report; --diff shows the changes for stdin too.
func (ed *editorFlags) validate(paths []string) int {
	if !ed.fix && !ed.diff {
		if ed.fixQuoted {
			fmt.Fprintln(os.Stderr, "copydesk check: --fix-quoted goes with --fix or --diff")
			return exitUsage
		}
		return exitOK
	}
	if ed.fix && ed.diff {
		fmt.Fprintln(os.Stderr, "copydesk check: use --fix to apply the fixes or --diff to preview them, not both")
		return exitUsage
	}
	if f := ed.fs.Lookup("ndjson"); f != nil && f.Value.String() == "true" {
		fmt.Fprintln(os.Stderr, "copydesk check: --fix and --diff work on files, not on the --ndjson stream")
		return exitUsage
	}
	if ed.fix {
		for _, p := range paths {
			if p == "-" {
				fmt.Fprintln(os.Stderr, "copydesk check: --fix cannot write back to standard input; save the text to a file and fix that, or use --diff to see the changes")
				return exitUsage
			}
		}
	}
	return exitOK
}

// afterCheck runs once the result is complete. With --diff it prints the
// diffs and ends the run. With --fix it writes the fixed files, checks them
// again with the same plugins and puts their new findings into res, so the
// report and exit code describe what remains; it ends the run only when a
// file could not be written. res holds only the findings that will be
// reported (the baseline already applied), so only their fixes are made;
// filter is applied to the findings of the files checked again.
func (ed *editorFlags) afterCheck(ctx context.Context, engine *runner.Engine, res *runner.Result, filter func(*runner.Result)) (done bool, code int) {
	if !ed.fix && !ed.diff {
		return false, exitOK
	}
	type planned struct {
		file *runner.File
		plan *fix.Plan
	}
	var plans []planned
	applied, skipped, quotedLeft, changedFiles := 0, 0, 0, 0
	for _, f := range res.Files {
		if f.Article == nil || f.Error != "" {
			continue
		}
		if file, ok := ed.batch[f.Path]; ok {
			if hasSuggestions(f.Diagnostics) {
				fmt.Fprintf(os.Stderr, "copydesk: %s: not fixed: --fix and --diff do not edit batch files ({\"articles\": [...]} in %s); fix the article in the CMS, or save it as a file of its own\n", f.Path, file)
			}
			continue
		}
		ds := f.Diagnostics
		if !ed.fixQuoted {
			ds = nil
			for _, d := range f.Diagnostics {
				if d.InQuote && len(d.Suggestions) > 0 {
					quotedLeft++
					fmt.Fprintf(os.Stderr, "copydesk: %s:%d: fix from %s not applied: it is inside a quotation; check the source, then use --fix-quoted to apply such fixes\n", f.Path, d.Line, d.Rule)
					continue
				}
				ds = append(ds, d)
			}
		}
		p := fix.Make(f.Article.Source(), f.Article.Format, fix.FromDiagnostics(ds))
		applied += len(p.Applied)
		for _, s := range p.Skipped {
			if s.Reason == "already applied" {
				continue
			}
			skipped++
			fmt.Fprintf(os.Stderr, "copydesk: %s:%d: fix from %s not applied: %s\n", f.Path, s.Fix.Line, s.Fix.Rule, s.Reason)
		}
		if p.Changed() {
			changedFiles++
			plans = append(plans, planned{f, p})
		}
	}
	if ed.diff {
		for _, pl := range plans {
			d, err := pl.plan.Diff(pl.file.Path)
			if err != nil {
				fmt.Fprintf(os.Stderr, "copydesk: %s: %v\n", pl.file.Path, err)
				return true, exitFailure
			}
			io.WriteString(os.Stdout, d)
		}
		fmt.Fprintf(os.Stderr, "copydesk: --diff: %s in %s would be applied%s%s; nothing was written\n",
			count(applied, "fix", "fixes"), count(changedFiles, "file", "files"), skippedNote(skipped), quotedNote(quotedLeft))
		switch {
		case len(res.Failures) > 0:
			for _, f := range res.Failures {
				fmt.Fprintf(os.Stderr, "copydesk: plugin %s failed; its fixes are missing: %s\n", f.Plugin, firstLine(f.Error))
			}
			return true, exitFailure
		case hasInputErrors(res):
			return true, exitUsage
		case len(plans) > 0:
			return true, exitFindings
		}
		return true, exitOK
	}

	// Every file is checked before any is written: a read-only or changed
	// file stops the run with nothing written, not half the desk fixed.
	var bad []error
	for _, pl := range plans {
		if err := fix.Preflight(pl.file.Path, pl.plan.Source); err != nil {
			bad = append(bad, err)
		}
	}
	if len(bad) > 0 {
		for _, err := range bad {
			fmt.Fprintf(os.Stderr, "copydesk: %v\n", err)
		}
		fmt.Fprintln(os.Stderr, "copydesk: --fix: nothing was written")
		return true, exitUsage
	}
	var rechecked []*article.Article
	writeErrors := 0
	for _, pl := range plans {
		fixed := pl.plan.Result()
		if err := fix.WriteFile(pl.file.Path, pl.plan.Source, fixed); err != nil {
			writeErrors++
			var ce *fix.ChangedError
			if errors.As(err, &ce) {
				fmt.Fprintf(os.Stderr, "copydesk: %v\n", err)
			} else {
				fmt.Fprintf(os.Stderr, "copydesk: %v; not fixed\n", err)
			}
			continue
		}
		a, err := article.Parse(pl.file.Path, pl.file.Article.Format, fixed)
		if err != nil { // a fix emptied the file, say; report it like any input error
			pl.file.Diagnostics, pl.file.Error, pl.file.Article = []runner.Diagnostic{}, err.Error(), nil
			continue
		}
		rechecked = append(rechecked, a)
	}
	fmt.Fprintf(os.Stderr, "copydesk: --fix: applied %s in %s%s%s\n", count(applied, "fix", "fixes"), count(len(plans)-writeErrors, "file", "files"), skippedNote(skipped), quotedNote(quotedLeft))
	if writeErrors > 0 {
		fmt.Fprintf(os.Stderr, "copydesk: --fix: %s not written\n", count(writeErrors, "file", "files"))
	}
	if len(rechecked) > 0 {
		again := checkWithProgress(ctx, engine, rechecked)
		if ctx.Err() != nil {
			fmt.Fprintln(os.Stderr, "copydesk: interrupted after fixing; no report written")
			return true, exitInterrupted
		}
		filter(again)
		merge(res, again)
	}
	if writeErrors > 0 {
		return true, exitUsage
	}
	return false, exitOK
}

// merge replaces the findings (and per-file plugin failures) of the files
// checked again after fixing with the new ones.
func merge(res, again *runner.Result) {
	fresh := map[string]*runner.File{}
	for _, f := range again.Files {
		fresh[f.Path] = f
	}
	for i, f := range res.Files {
		if n := fresh[f.Path]; n != nil {
			res.Files[i] = n
		}
	}
	failures := res.Failures[:0]
	for _, f := range res.Failures {
		if fresh[f.Path] == nil {
			failures = append(failures, f)
		}
	}
	for _, f := range again.Failures {
		if f.Path != "" { // run-wide failures are already listed
			failures = append(failures, f)
		}
	}
	res.Failures = failures
}

func hasSuggestions(ds []runner.Diagnostic) bool {
	for _, d := range ds {
		if len(d.Suggestions) > 0 {
			return true
		}
	}
	return false
}

func hasInputErrors(res *runner.Result) bool {
	for _, f := range res.Files {
		if f.Error != "" {
			return true
		}
	}
	return false
}

func skippedNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("; %s skipped (they overlap an earlier fix or are invalid; run again to reconsider overlapping ones)", count(n, "fix", "fixes"))
}

func quotedNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("; %s inside quotations left for the desk (--fix-quoted applies them)", count(n, "fix", "fixes"))
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
