package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/proc"
)

// manyArticles writes n small articles, enough to keep copydesk busy.
func manyArticles(t *testing.T, dir string, n, paragraphs int) string {
	t.Helper()
	root := filepath.Join(dir, "archive")
	for i := 0; i < n; i++ {
		sub := filepath.Join(root, fmt.Sprintf("d%02d", i%50))
		os.MkdirAll(sub, 0o755)
		body := fmt.Sprintf("Story %d\n", i) + strings.Repeat("\nThe council met on Tuesday to discuss the budget for the year. Officials said the plan would protect services in every district.\n", paragraphs)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("s%05d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestInterruptLeavesNothingBehind sends SIGINT and SIGTERM to a run that is
// busy: it exits 130, its plugin processes are gone and its socket folder is
// removed.
func TestInterruptLeavesNothingBehind(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("uses /proc")
	}
	dir := t.TempDir()
	// Enough for the plugins to be busy for seconds when the signal
	// comes; more only makes the inputs slower to read.
	root := manyArticles(t, dir, 1000, 20)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			tmp := t.TempDir()
			cmd := exec.Command(binary, "check", "--format", "json", root)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Wait until the plugins are running (the built-ins share one
			// process; a large batch adds a helper process), then
			// interrupt.
			var kids []int
			deadline := time.Now().Add(60 * time.Second)
			for time.Now().Before(deadline) {
				if kids = proc.Children()[cmd.Process.Pid]; len(kids) >= 1 {
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
			if len(kids) == 0 {
				cmd.Process.Kill()
				t.Fatal("no plugin process started")
			}
			time.Sleep(500 * time.Millisecond)
			seen := map[int]bool{}
			for _, k := range kids {
				seen[k] = true
			}
			for _, k := range proc.Children()[cmd.Process.Pid] {
				if !seen[k] {
					kids = append(kids, k)
				}
			}
			cmd.Process.Signal(sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				t.Fatal("copydesk did not exit within 30 s of the signal")
			}
			code := cmd.ProcessState.ExitCode()
			if code != exitInterrupted {
				t.Errorf("exit %d after %v, want %d; stderr:\n%s", code, sig, exitInterrupted, stderr.String())
			}
			if !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("stderr should say the run was interrupted:\n%s", stderr.String())
			}
			time.Sleep(100 * time.Millisecond)
			for _, k := range kids {
				if proc.Alive(k) {
					t.Errorf("plugin process %d outlived copydesk", k)
					syscall.Kill(k, syscall.SIGKILL)
				}
			}
			// A long TMPDIR sends sockets to /tmp (socket paths are
			// limited to ~104 bytes); look in both.
			left, _ := filepath.Glob(filepath.Join(tmp, "copydesk-plugins-"+strconv.Itoa(cmd.Process.Pid)+"-*"))
			more, _ := filepath.Glob(filepath.Join("/tmp", "copydesk-plugins-"+strconv.Itoa(cmd.Process.Pid)+"-*"))
			left = append(left, more...)
			if len(left) > 0 {
				t.Errorf("socket folders left behind: %v", left)
			}
		})
	}
}

// A directory of 10,000 small files is checked completely, in one run.
func TestTenThousandFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 10,000 files")
	}
	dir := t.TempDir()
	root := manyArticles(t, dir, 10000, 1)
	r := runCLI(t, dir, "", "check", "--format", "json", root)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if n := len(decode(t, r.stdout).Files); n != 10000 {
		t.Errorf("checked %d files, want 10000", n)
	}
}

func TestSymlinkLoopAndHugeFile(t *testing.T) {
	dir := t.TempDir()
	d := filepath.Join(dir, "desk")
	os.MkdirAll(d, 0o755)
	writeFile(t, d, "story.txt", cleanStory)
	if err := os.Symlink(d, filepath.Join(d, "loop")); err != nil {
		t.Skip("no symlinks here")
	}
	r := runCLI(t, dir, "", "check", "--format", "json", "desk")
	if r.code != exitOK || len(decode(t, r.stdout).Files) != 1 {
		t.Errorf("a symlink loop must not trap or duplicate the walk: exit %d, %s %s", r.code, r.stdout, r.stderr)
	}

	// A 100 MB file is refused at the size limit, naming the limit, without
	// being read into memory.
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("Headline\n\n")
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	r = runCLI(t, dir, "", "check", big)
	if r.code != exitUsage || !strings.Contains(r.stderr, "huge.txt") || !strings.Contains(r.stderr, "--max-file-size") {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
}
