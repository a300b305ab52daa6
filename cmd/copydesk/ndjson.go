package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/config"
	"github.com/copydesk/copydesk/core/runner"
)

// ndjsonResult is one output line of `copydesk check --ndjson`: an entry of
// the JSON report's "files" (path, diagnostics, error) plus the input line
// it answers, the article's "id" field (an ANS story's "_id") when it has one, the plugins that
// failed on it, and a verdict — "pass", "fail" (a finding at or above
// --fail-on) or "error" (the line is not an article, or a plugin failed, so
// findings may be missing).
type ndjsonResult struct {
	Line        int                 `json:"line"`
	ID          string              `json:"id,omitempty"`
	Path        string              `json:"path"`
	Diagnostics []runner.Diagnostic `json:"diagnostics"`
	Error       string              `json:"error,omitempty"`
	Failures    []runner.Failure    `json:"plugin_failures,omitempty"`
	Verdict     string              `json:"verdict"`
}

// ndjsonLine is one input line waiting in a batch.
type ndjsonLine struct {
	n       int
	article *article.Article
	err     error
}

// runNDJSON reads one CMS JSON article per line from in (copydesk's
// {headline, byline, body} object, a WordPress REST post or an Arc XP ANS
// story: see article.ParseCMS) and writes one result per line to out, in
// input order. A result's "id" is the article's id (an ANS story's _id);
// its findings carry the element they lie in ("location"). Articles are checked in batches,
// so every plugin gets a batch over its pipelined stream, and out is flushed
// after each batch, so a consumer sees results while input still arrives.
// Blank lines are skipped (their numbers still count); a line that is not an
// article gets an error result and the rest go on. The exit code is check's:
// 3 if a plugin failed, else 2 if a line was not an article, else 1 if a
// finding reached --fail-on, else 0.
func runNDJSON(ctx context.Context, engine *runner.Engine, cfg *config.Config, in io.Reader, out io.Writer, batchSize int, name string) int {
	if name == "" {
		name = "stdin"
	}
	r := bufio.NewReaderSize(in, 1<<16)
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	maxBytes := cfg.MaxFileBytes
	if maxBytes <= 0 {
		maxBytes = article.DefaultMaxBytes
	}
	var failed, badLines, findings bool
	var batch []ndjsonLine
	flush := func() error {
		var articles []*article.Article
		for _, l := range batch {
			if l.err == nil {
				articles = append(articles, l.article)
			}
		}
		var res *runner.Result
		if len(articles) > 0 {
			res = engine.Check(ctx, articles)
			if ctx.Err() != nil {
				return ctx.Err()
			}
		} else {
			res = &runner.Result{}
		}
		byPath := map[string]*runner.File{}
		for _, f := range res.Files {
			byPath[f.Path] = f
		}
		failures := map[string][]runner.Failure{}
		for _, f := range res.Failures {
			if f.Path == "" { // a plugin that never started: every line lost its findings
				for _, a := range articles {
					failures[a.Path] = append(failures[a.Path], f)
				}
				continue
			}
			failures[f.Path] = append(failures[f.Path], f)
		}
		for _, l := range batch {
			o := ndjsonResult{Line: l.n, Path: fmt.Sprintf("%s:%d", name, l.n), Diagnostics: []runner.Diagnostic{}}
			switch {
			case l.err != nil:
				o.Error, o.Verdict = l.err.Error(), "error"
				badLines = true
			default:
				o.ID = l.article.Meta["id"]
				if f := byPath[l.article.Path]; f != nil {
					o.Diagnostics = f.Diagnostics
				}
				o.Failures = failures[l.article.Path]
				o.Verdict = "pass"
				for _, d := range o.Diagnostics {
					if d.Severity >= cfg.FailOn {
						o.Verdict = "fail"
						findings = true
					}
				}
				if len(o.Failures) > 0 {
					o.Verdict = "error"
					failed = true
				}
			}
			if err := enc.Encode(o); err != nil {
				return err
			}
		}
		batch = batch[:0]
		return w.Flush()
	}
	stop := func(err error) int {
		if ctx.Err() != nil {
			fmt.Fprintln(os.Stderr, "copydesk: interrupted")
			return exitInterrupted
		}
		fmt.Fprintf(os.Stderr, "copydesk: writing results: %v\n", err)
		return exitUsage // an I/O error, not a plugin's
	}
	for n := 1; ; n++ {
		line, err := readLine(r, maxBytes)
		if err == io.EOF {
			break
		}
		if err != nil {
			if ferr := flush(); ferr != nil {
				return stop(ferr)
			}
			fmt.Fprintf(os.Stderr, "copydesk: reading standard input: %v\n", err)
			return exitUsage
		}
		data := bytes.TrimSpace(line.data)
		if len(data) == 0 && !line.tooLong {
			continue
		}
		l := ndjsonLine{n: n}
		path := fmt.Sprintf("%s:%d", name, n)
		if line.tooLong {
			l.err = &article.InputError{Path: path, Msg: fmt.Sprintf("line is longer than the %d-byte limit", maxBytes), Hint: "raise it with --max-file-size or max_file_size in rules.toml"}
		} else {
			l.article, l.err = article.ParseCMS(path, data)
		}
		batch = append(batch, l)
		if len(batch) >= batchSize {
			if err := flush(); err != nil {
				return stop(err)
			}
		}
	}
	if len(batch) > 0 {
		if err := flush(); err != nil {
			return stop(err)
		}
	}
	switch {
	case failed:
		return exitFailure
	case badLines:
		return exitUsage
	case findings:
		return exitFindings
	}
	return exitOK
}

// rawLine is one input line without its line ending; an over-long line is
// read to its end but not kept.
type rawLine struct {
	data    []byte
	tooLong bool
}

// readLine reads up to the next newline; the last line may lack one. It
// returns io.EOF only when no line is left.
func readLine(r *bufio.Reader, max int64) (rawLine, error) {
	var l rawLine
	read := false
	for {
		chunk, err := r.ReadSlice('\n')
		read = read || len(chunk) > 0
		if !l.tooLong {
			if int64(len(l.data)+len(chunk)) > max+2 { // +2 for a CRLF
				l.tooLong, l.data = true, nil
			} else {
				l.data = append(l.data, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			return l, err
		}
		if err == io.EOF && !read {
			return l, io.EOF
		}
		l.data = bytes.TrimRight(l.data, "\r\n")
		return l, nil
	}
}
