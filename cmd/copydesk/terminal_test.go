package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/creack/pty"
)

// runOnTerminal runs copydesk with stdout and stderr on one pseudo-terminal,
// as a user at a shell sees it, and returns what the terminal showed.
func runOnTerminal(t *testing.T, dir string, args ...string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("needs a Unix pseudo-terminal")
	}
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	cmd.Stdout, cmd.Stderr = tty, tty
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	var term bytes.Buffer
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // reading fails with EIO once the child is gone
		defer wg.Done()
		io.Copy(&term, ptmx)
	}()
	_ = cmd.Wait()
	ptmx.Close()
	wg.Wait()
	return term.String()
}

// TestFailuresPrintedOnceOnATerminal: an unreadable file is named once on
// a terminal that shows both the report and stderr; with the report
// elsewhere, stderr still names it.
func TestFailuresPrintedOnceOnATerminal(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "story.txt", cleanStory)
	missing := filepath.Join(dir, "gone.txt")
	term := runOnTerminal(t, dir, "check", "story.txt", missing)
	if n := strings.Count(term, "gone.txt"); n != 1 {
		t.Errorf("the missing file is named %d times on the terminal, want once:\n%s", n, term)
	}
	r := runCLI(t, dir, "", "check", "--format", "json", "story.txt", missing)
	if !strings.Contains(r.stderr, "gone.txt") {
		t.Errorf("with the report in a pipe, stderr must name the missing file: %s", r.stderr)
	}
}
