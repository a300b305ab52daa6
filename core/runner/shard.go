package runner

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Shard is one part of a deterministic split of the input files, for CI
// matrices and Kubernetes indexed Jobs: run `--shard 1/4` … `--shard 4/4`
// and every file is checked by exactly one of them.
//
// K is 1-based (1 ≤ K ≤ N), as people count shards and as CI matrices list
// them; a Kubernetes indexed Job, whose JOB_COMPLETION_INDEX is 0-based,
// passes $((JOB_COMPLETION_INDEX+1))/N.
//
// A file belongs to shard FNV-1a-64(path) mod N + 1, where path is the file
// as copydesk names it (cleaned, with forward slashes). The hash depends on
// nothing but the path, so the split is the same on every machine and
// operating system given the same PATHS from the same directory, and adding
// a file never moves another to a different shard. With few files the
// shards can be uneven; with hundreds they even out.
type Shard struct{ K, N int }

// ParseShard reads "K/N".
func ParseShard(s string) (Shard, error) {
	k, n, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok {
		return Shard{}, fmt.Errorf("--shard must be K/N, such as 1/4 (K counts from 1), got %q", s)
	}
	ki, err1 := strconv.Atoi(strings.TrimSpace(k))
	ni, err2 := strconv.Atoi(strings.TrimSpace(n))
	if err1 != nil || err2 != nil {
		return Shard{}, fmt.Errorf("--shard must be K/N with whole numbers, such as 1/4, got %q", s)
	}
	if ni < 1 {
		return Shard{}, fmt.Errorf("--shard %q: N must be at least 1", s)
	}
	if ki < 1 || ki > ni {
		return Shard{}, fmt.Errorf("--shard %q: K must be between 1 and %d (shards count from 1)", s, ni)
	}
	return Shard{K: ki, N: ni}, nil
}

// Contains reports whether the file at path belongs to this shard.
func (s Shard) Contains(path string) bool {
	h := fnv.New64a()
	h.Write([]byte(filepath.ToSlash(filepath.Clean(path))))
	return int(h.Sum64()%uint64(s.N)) == s.K-1
}

// Selection narrows the files a run checks.
type Selection struct {
	// Shard, when set, keeps one shard's files.
	Shard *Shard
	// ChangedSince, when set, keeps the files git says changed since this
	// revision: see ChangedFiles.
	ChangedSince string
	// Dir is the directory paths are relative to and git runs in; empty
	// means the working directory.
	Dir string
}

// Select resolves paths (files, directories, globs, as Collect does) to
// files without reading them and keeps those the selection allows, so the
// files another shard checks, or that did not change, are never read. The
// result is a list of paths for Collect. A path Collect would report as a
// problem (one that does not exist, a glob matching nothing, a directory with
// nothing to check) and "-" are kept as they are, in every shard, so the
// problem is reported rather than silently dropped.
func Select(paths []string, sel Selection) ([]string, error) {
	var changed map[string]bool
	if sel.ChangedSince != "" {
		var err error
		if changed, err = ChangedFiles(sel.Dir, sel.ChangedSince); err != nil {
			return nil, err
		}
	}
	out := []string{}
	seen := map[string]bool{}
	keep := func(p string, file bool) {
		if seen[p] {
			return
		}
		seen[p] = true
		if file {
			if sel.Shard != nil && !sel.Shard.Contains(p) {
				return
			}
			if changed != nil && !changed[realPath(sel.Dir, p)] {
				return
			}
		}
		out = append(out, p)
	}
	for _, p := range paths {
		if p == "-" {
			keep(p, false)
			continue
		}
		matches := []string{p}
		if strings.ContainsAny(p, "*?[") {
			m, err := filepath.Glob(inDir(sel.Dir, p))
			if err != nil || len(m) == 0 {
				keep(p, false)
				continue
			}
			matches = m
			if sel.Dir != "" {
				for i := range matches {
					if r, err := filepath.Rel(sel.Dir, matches[i]); err == nil && !filepath.IsAbs(p) {
						matches[i] = r
					}
				}
			}
		}
		for _, m := range matches {
			st, err := os.Stat(inDir(sel.Dir, m))
			if err != nil {
				keep(m, false)
				continue
			}
			if !st.IsDir() {
				keep(m, true)
				continue
			}
			files, err := walk(inDir(sel.Dir, m))
			if err != nil || len(files) == 0 {
				keep(m, false)
				continue
			}
			for _, f := range files {
				if sel.Dir != "" && !filepath.IsAbs(m) {
					if r, err := filepath.Rel(sel.Dir, f); err == nil {
						f = r
					}
				}
				keep(f, true)
			}
		}
	}
	return out, nil
}

func inDir(dir, p string) string {
	if dir == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

// realPath is the absolute path with symbolic links resolved, the form git's
// file names are compared in.
func realPath(dir, p string) string {
	abs, err := filepath.Abs(inDir(dir, p))
	if err != nil {
		return p
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	return abs
}

// ChangedFiles lists, as real absolute paths, the files that changed since
// rev in the git repository holding dir:
//
//   - files that differ between the working tree and the merge base of rev
//     and HEAD (`git diff --name-only $(git merge-base REV HEAD)`), that is
//     what this branch changed, committed or not — not what changed on the
//     other branch since they parted; when there is no merge base (unrelated
//     histories, a shallow clone) rev itself is the base;
//   - untracked files git does not ignore (`git ls-files --others
//     --exclude-standard`), since a new article that is not yet added is
//     still a change;
//   - never deleted files.
//
// Not being in a git repository and an unknown revision are errors.
func ChangedFiles(dir, rev string) (map[string]bool, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("--changed-since %q: not a revision", rev)
	}
	if dir == "" {
		dir = "."
	}
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--changed-since needs a git repository: %v", err)
	}
	top = strings.TrimSpace(top)
	if _, err := git(dir, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("--changed-since: unknown revision %q (fetch it first, e.g. git fetch origin main, or use a full clone)", rev)
	}
	base := rev
	if mb, err := git(dir, "merge-base", rev, "HEAD"); err == nil && strings.TrimSpace(mb) != "" {
		base = strings.TrimSpace(mb)
	}
	diff, err := git(top, "diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", base, "--")
	if err != nil {
		return nil, fmt.Errorf("--changed-since %s: git diff: %v", rev, err)
	}
	untracked, err := git(top, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, fmt.Errorf("--changed-since %s: git ls-files: %v", rev, err)
	}
	realTop := top
	if r, err := filepath.EvalSymlinks(top); err == nil {
		realTop = r
	}
	out := map[string]bool{}
	for _, name := range strings.Split(diff+untracked, "\x00") {
		if name == "" {
			continue
		}
		p := filepath.Join(realTop, filepath.FromSlash(name))
		if _, err := os.Stat(p); err != nil {
			continue // deleted in the working tree
		}
		out[p] = true
	}
	return out, nil
}

// git runs git in dir and returns its standard output; the error carries
// git's own message.
func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			if msg := strings.TrimSpace(errb.String()); msg != "" {
				return "", errors.New(firstLineOf(msg))
			}
		}
		return "", err
	}
	return out.String(), nil
}

func firstLineOf(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
