package runner

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestParseShard(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Shard
		err  string
	}{
		{"1/4", Shard{1, 4}, ""},
		{"4/4", Shard{4, 4}, ""},
		{" 2 / 3 ", Shard{2, 3}, ""},
		{"1/1", Shard{1, 1}, ""},
		{"0/4", Shard{}, "between 1 and 4"},
		{"5/4", Shard{}, "between 1 and 4"},
		{"-1/4", Shard{}, "between 1 and 4"},
		{"1/0", Shard{}, "at least 1"},
		{"1", Shard{}, "K/N"},
		{"a/b", Shard{}, "whole numbers"},
		{"", Shard{}, "K/N"},
	} {
		got, err := ParseShard(tt.in)
		if tt.err == "" {
			if err != nil || got != tt.want {
				t.Errorf("ParseShard(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("ParseShard(%q): error %v, want one mentioning %q", tt.in, err, tt.err)
		}
	}
}

// Every file lands in exactly one shard, the split does not depend on the
// path's spelling (./a, a, a/../a) and it is pinned: these values are what
// every machine computes, so a change here would reshuffle CI shards.
func TestShardPartition(t *testing.T) {
	const n = 4
	counts := make([]int, n)
	for i := 0; i < 1000; i++ {
		p := fmt.Sprintf("desk/2024/story-%04d.md", i)
		in := 0
		for k := 1; k <= n; k++ {
			if (Shard{k, n}).Contains(p) {
				in++
				counts[k-1]++
			}
		}
		if in != 1 {
			t.Fatalf("%s is in %d shards", p, in)
		}
	}
	for k, c := range counts {
		if c < 200 || c > 300 {
			t.Errorf("shard %d/%d has %d of 1000 files; the hash should spread them", k+1, n, c)
		}
	}
	for _, p := range []string{"./desk/a.txt", "desk//a.txt", "desk/x/../a.txt"} {
		for k := 1; k <= n; k++ {
			if (Shard{k, n}).Contains(p) != (Shard{k, n}).Contains("desk/a.txt") {
				t.Errorf("%s and desk/a.txt are in different shards", p)
			}
		}
	}
	pinned := map[string]int{}
	for _, p := range []string{"desk/a.txt", "desk/b.md", "archive/2019/story.html"} {
		for k := 1; k <= n; k++ {
			if (Shard{k, n}).Contains(p) {
				pinned[p] = k
			}
		}
	}
	want := map[string]int{"desk/a.txt": pinFNV("desk/a.txt", n), "desk/b.md": pinFNV("desk/b.md", n), "archive/2019/story.html": pinFNV("archive/2019/story.html", n)}
	if !reflect.DeepEqual(pinned, want) {
		t.Errorf("shards %v, want %v", pinned, want)
	}
}

// pinFNV is FNV-1a-64 written out from its definition, independent of
// hash/fnv, so the test fails if the shard function ever changes.
func pinFNV(s string, n int) int {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return int(h%uint64(n)) + 1
}

func mkfiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSelectShards(t *testing.T) {
	dir := t.TempDir()
	var names []string
	files := map[string]string{}
	for i := 0; i < 30; i++ {
		n := fmt.Sprintf("desk/s%02d.txt", i)
		files[n] = "x"
		names = append(names, n)
	}
	files["desk/notes.docx"] = "not ours"
	mkfiles(t, dir, files)
	var union []string
	for k := 1; k <= 3; k++ {
		got, err := Select([]string{"desk", "missing.txt", "nomatch*.md", "-"}, Selection{Shard: &Shard{k, 3}, Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		// Problems and stdin stay in every shard, for Collect to report.
		if !contains(got, "missing.txt") || !contains(got, "nomatch*.md") || !contains(got, "-") {
			t.Errorf("shard %d dropped a problem path: %v", k, got)
		}
		for _, p := range got {
			if strings.HasPrefix(p, "desk") {
				union = append(union, filepath.ToSlash(p))
			}
		}
	}
	sort.Strings(union)
	if !reflect.DeepEqual(union, names) {
		t.Errorf("the shards together must hold every file once:\n got %v\nwant %v", union, names)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func gitRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	return t.TempDir()
}

func runGit(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func TestSelectChangedSince(t *testing.T) {
	dir := gitRepo(t)
	runGit(t, dir, "init", "-q")
	mkfiles(t, dir, map[string]string{"desk/a.txt": "a", "desk/b.txt": "b", "desk/c.txt": "c", "desk/d.txt": "d", "other/e.txt": "e", ".gitignore": "*.tmp.txt\n"})
	runGit(t, dir, "add", ".")
	runGit(t, dir, "commit", "-q", "-m", "one")
	runGit(t, dir, "tag", "base")
	mkfiles(t, dir, map[string]string{"desk/a.txt": "a changed"}) // committed below
	runGit(t, dir, "commit", "-q", "-am", "two")
	mkfiles(t, dir, map[string]string{"desk/b.txt": "b edited, not committed", "desk/new.txt": "untracked", "desk/x.tmp.txt": "ignored", "other/e.txt": "e changed"})
	runGit(t, dir, "rm", "-q", "desk/c.txt")

	got, err := Select([]string{"desk"}, Selection{ChangedSince: "base", Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		got[i] = filepath.ToSlash(got[i])
	}
	want := []string{"desk/a.txt", "desk/b.txt", "desk/new.txt"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("changed under desk: got %v, want %v (committed, uncommitted and untracked; not deleted, ignored, unchanged or outside the paths)", got, want)
	}

	// Combined with --shard, the changed files are split between shards.
	var union []string
	for k := 1; k <= 2; k++ {
		got, err := Select([]string{"."}, Selection{ChangedSince: "base", Shard: &Shard{k, 2}, Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range got {
			union = append(union, filepath.ToSlash(p))
		}
	}
	sort.Strings(union)
	if want := []string{"desk/a.txt", "desk/b.txt", "desk/new.txt", "other/e.txt"}; !reflect.DeepEqual(union, want) {
		t.Errorf("changed files over two shards: %v, want %v", union, want)
	}

	// A branch that parted from main: files changed on main since are not
	// this branch's changes.
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "commit", "-q", "-m", "three")
	runGit(t, dir, "checkout", "-q", "-b", "feature", "base")
	mkfiles(t, dir, map[string]string{"desk/d.txt": "d on the branch"})
	got, err = Select([]string{"."}, Selection{ChangedSince: "main", Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || filepath.ToSlash(got[0]) != "desk/d.txt" {
		t.Errorf("changed since main on a branch: got %v, want only desk/d.txt", got)
	}

	if _, err := Select([]string{"desk"}, Selection{ChangedSince: "no-such-rev", Dir: dir}); err == nil || !strings.Contains(err.Error(), "unknown revision") {
		t.Errorf("unknown revision: %v", err)
	}
	if _, err := Select([]string{"."}, Selection{ChangedSince: "HEAD", Dir: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "git repository") {
		t.Errorf("outside a repository: %v", err)
	}
}
