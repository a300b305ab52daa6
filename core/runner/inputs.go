package runner

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/config"
)

// Input is one file (or standard input) to check, read and parsed, or the
// reason it could not be.
type Input struct {
	Path    string
	Article *article.Article
	Err     error
	// Batch is the file of an article read from a batch {"articles":
	// [...]} (batch.go); Path is then FILE#ID or FILE#N.
	Batch string
	// more are the batch's other articles, until Collect lists them.
	more []*Input
}

// InputOptions control how paths on the command line become inputs.
type InputOptions struct {
	MaxBytes int64
	// StdinName and StdinFormat name standard input ("-") in reports and
	// pick its reader; the format defaults to the name's extension, then txt.
	StdinName   string
	StdinFormat article.Format
	Stdin       io.Reader
	// Exclude are globs of files left out (config.MatchPath): files found
	// in directories and files named on the command line alike, never
	// standard input.
	Exclude []string
}

// Collect expands paths (files, directories searched recursively with
// hidden folders skipped, globs, and "-") and reads every input. Problems
// are returned as inputs with Err set, never dropped: a path that matches
// nothing, a directory with no supported files, an unreadable file.
func Collect(paths []string, opt InputOptions) []*Input {
	var out []*Input
	var files []*Input // inputs still to read, in order
	seen := map[string]bool{}
	add := func(in *Input) {
		if seen[in.Path] {
			return
		}
		seen[in.Path] = true
		out = append(out, in)
	}
	addFile := func(path string) {
		if len(opt.Exclude) > 0 && config.MatchPath(opt.Exclude, path) {
			return
		}
		if !seen[path] {
			in := &Input{Path: path}
			add(in)
			files = append(files, in)
		}
	}
	for _, p := range paths {
		if p == "-" {
			for _, in := range readStdin(opt) {
				add(in)
			}
			continue
		}
		matches := []string{p}
		if strings.ContainsAny(p, "*?[") {
			m, err := filepath.Glob(p)
			if err != nil {
				add(&Input{Path: p, Err: fmt.Errorf("%s: bad glob: %v", p, err)})
				continue
			}
			if len(m) == 0 {
				add(&Input{Path: p, Err: fmt.Errorf("%s: no file matches this pattern", p)})
				continue
			}
			matches = m
		}
		for _, m := range matches {
			st, err := os.Stat(m)
			if err != nil {
				add(&Input{Path: m, Err: fileError(m, err)})
				continue
			}
			if st.IsDir() {
				files, err := walk(m)
				if err != nil {
					add(&Input{Path: m, Err: err})
					continue
				}
				if len(files) == 0 {
					add(&Input{Path: m, Err: fmt.Errorf("%s: directory has no .txt, .md, .html or .json files to check", m)})
				}
				for _, f := range files {
					addFile(f)
				}
				continue
			}
			addFile(m)
		}
	}
	readAll(files, opt.MaxBytes)
	// A batch file becomes one input per article.
	expanded := out[:0:0]
	for _, in := range out {
		expanded = append(expanded, in)
		expanded = append(expanded, in.more...)
		in.more = nil
	}
	return expanded
}

// readAll reads and parses the files on every core: parsing (sentence
// segmentation above all) is most of the host's own work, about 1 ms of
// CPU per 1,000-word article, and the plugins wait for it. Parsing shares
// nothing between articles (the segmenter's model is read-only once
// loaded; see core/article's TestSegmentConcurrent).
func readAll(files []*Input, max int64) {
	workers := min(runtime.GOMAXPROCS(0), len(files))
	if workers <= 1 {
		for _, in := range files {
			*in = *readFile(in.Path, max)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < len(files); i = int(next.Add(1)) - 1 {
				*files[i] = *readFile(files[i].Path, max)
			}
		}()
	}
	wg.Wait()
}

func fileError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file or directory", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied (check the file's read permission)", path)
	}
	return fmt.Errorf("%s: %v", path, err)
}

// walk lists the supported files under dir, skipping hidden folders and
// files. Symlinked directories are not followed (WalkDir does not), so a
// symlink loop cannot trap it.
func walk(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fileError(p, err)
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if _, ok := article.FormatFromPath(p); ok && (d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0) {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

func readFile(path string, max int64) *Input {
	if format, ok := article.FormatFromPath(path); ok && format == article.FormatJSON {
		data, err := article.ReadFile(path, max)
		if err != nil {
			return &Input{Path: path, Err: err}
		}
		if batch, ok := parseBatch(path, data); ok {
			first := *batch[0]
			first.more = batch[1:]
			return &first
		}
		a, err := article.Parse(path, format, data)
		return &Input{Path: path, Article: a, Err: err}
	}
	a, err := article.ParseFile(path, max)
	return &Input{Path: path, Article: a, Err: err}
}

// readStdin reads standard input: one input, or one per article of a JSON
// batch. Without a format or a name that gives one, JSON is recognised by
// its shape (an object); anything else is plain text.
func readStdin(opt InputOptions) []*Input {
	name := opt.StdinName
	if name == "" {
		name = "-"
	}
	in := &Input{Path: name}
	one := []*Input{in}
	format := opt.StdinFormat
	if format == "" {
		if f, ok := article.FormatFromPath(name); ok {
			format = f
		}
	}
	r := opt.Stdin
	if r == nil {
		r = os.Stdin
	}
	max := opt.MaxBytes
	if max <= 0 {
		max = article.DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		in.Err = fmt.Errorf("%s: reading standard input: %v", name, err)
		return one
	}
	if int64(len(data)) > max {
		in.Err = &article.InputError{Path: name, Msg: fmt.Sprintf("input is larger than the %d-byte limit", max), Hint: "raise it with --max-file-size or max_file_size in rules.toml"}
		return one
	}
	if format == "" {
		format = article.FormatText
		if sniffJSON(data) {
			format = article.FormatJSON
		}
	}
	if format == article.FormatJSON {
		if batch, ok := parseBatch(name, data); ok {
			return batch
		}
	}
	in.Article, in.Err = article.Parse(name, format, data)
	return one
}
