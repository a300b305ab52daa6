//go:build linux

package host

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/core/article"

	"github.com/copydesk/copydesk/internal/proc"
)

// helperEnv makes the test binary a stand-in copydesk: it starts plugins,
// prints their pids and waits to be killed.
const helperEnv = "COPYDESK_HOST_TEST_HELPER"

// helperBundleEnv makes the helper serve its plugins as one bundle.
const helperBundleEnv = "COPYDESK_HOST_TEST_BUNDLE"

func runHelper(bin string) {
	opts := testOptions()
	opts.Executable = bin
	opts.Bundle = os.Getenv(helperBundleEnv) != ""
	h, errs := Start(context.Background(), builtin("words", "hang"), opts)
	if len(errs) > 0 {
		fmt.Println("ERR", errs[0])
		os.Exit(1)
	}
	var pids []string
	for _, p := range h.Plugins() {
		pids = append(pids, strconv.Itoa(p.PID()))
	}
	fmt.Println("PIDS", h.socketDir, strings.Join(pids, " "))
	// Keep a check running, as a killed copydesk would have.
	h.Plugins()[1].Check(context.Background(), newArticle("HANG"))
	time.Sleep(time.Hour)
}

// children lists our live child processes.
func children(t *testing.T) []int {
	t.Helper()
	entries, err := os.ReadDir("/proc")
	if err != nil {
		t.Skip("no /proc")
	}
	me := os.Getpid()
	var out []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		f := strings.Fields(s[i+1:])
		if len(f) > 1 && f[0] != "Z" && f[1] == strconv.Itoa(me) {
			out = append(out, pid)
		}
	}
	return out
}

// waitGone waits, within ctx, for every pid to be gone.
func waitGone(ctx context.Context, pids []int) []int {
	for {
		var left []int
		for _, pid := range pids {
			if proc.Alive(pid) {
				left = append(left, pid)
			}
		}
		if len(left) == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return left
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// TestNoOrphansWhenCopydeskIsKilled SIGKILLs a process that runs plugins:
// Close never runs, and the kernel must take the plugins down with it.
func TestNoOrphansWhenCopydeskIsKilled(t *testing.T) {
	t.Run("split", func(t *testing.T) { noOrphans(t, false) })
	t.Run("bundle", func(t *testing.T) { noOrphans(t, true) })
}

func noOrphans(t *testing.T, bundle bool) {
	ctx := testCtx(t)
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+testBin)
	if bundle {
		cmd.Env = append(cmd.Env, helperBundleEnv+"=1")
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "PIDS ") {
		_ = cmd.Process.Kill()
		t.Fatalf("helper said %q, %v", line, err)
	}
	fields := strings.Fields(line)
	// The killed helper cannot remove its socket directory; a later Start
	// sweeps such directories once they are stale. Do not litter /tmp.
	defer os.RemoveAll(fields[1])
	var pids []int
	for _, f := range fields[2:] {
		pid, _ := strconv.Atoi(f)
		if !proc.Alive(pid) {
			t.Fatalf("plugin %d not running", pid)
		}
		pids = append(pids, pid)
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	wctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if left := waitGone(wctx, pids); len(left) > 0 {
		for _, pid := range left {
			_ = syscallKill(pid)
		}
		t.Fatalf("plugins %v outlived their SIGKILLed host", left)
	}
}

func TestNoChildrenAfterClose(t *testing.T) {
	ctx := testCtx(t)
	before := len(children(t))
	opts := testOptions()
	opts.StartTimeout = time.Second
	h2, errs := Start(ctx, builtin("silent"), opts)
	h2.Close()
	if len(errs) != 1 {
		t.Fatalf("silent plugin: %v", errs)
	}
	h, errs := Start(ctx, builtin("words", "hang", "garbage", "crash"), testOptions())
	if len(errs) != 1 {
		t.Fatalf("errors: %v", errs)
	}
	hang, crash := pluginNamed(t, h, "hang"), pluginNamed(t, h, "crash")
	go hang.Check(ctx, newArticle("HANG"))
	if r := crash.Check(ctx, newArticle("CRASH")); r.Err == nil {
		t.Fatal("crash did not crash")
	}
	h.Close()
	if kids := children(t); len(kids) > before {
		t.Fatalf("children left after Close: %v", kids)
	}
}

// A stream that breaks while the process lives blames the article being
// checked and goes on with the rest over a new stream.
func TestStreamRecoversFromOversizedAnswer(t *testing.T) {
	ctx := testCtx(t)
	h := start(t, testOptions(), builtin("huge")...)
	p := h.Plugins()[0]
	arts := []*article.Article{newArticle("banana"), newArticle("HUGE banana"), newArticle("banana banana")}
	res := p.CheckAll(ctx, arts)
	if res[0].Err != nil || len(res[0].Findings) != 1 || res[2].Err != nil || len(res[2].Findings) != 2 {
		t.Fatalf("articles around the oversized answer: %+v, %+v", res[0], res[2])
	}
	if res[1].Err == nil || !strings.Contains(res[1].Err.Error(), "failed on this article") {
		t.Fatalf("oversized answer: %+v", res[1])
	}
	if r := p.Check(ctx, arts[1]); r.Err == nil {
		t.Fatalf("unary oversized answer: %+v", r)
	}
	if r := p.Check(ctx, arts[2]); r.Err != nil || len(r.Findings) != 2 {
		t.Fatalf("after: %+v", r)
	}
}

func TestCheckAllCancelled(t *testing.T) {
	opts := testOptions()
	opts.CheckTimeout = time.Minute
	h := start(t, opts, builtin("hang")...)
	p := h.Plugins()[0]
	ctx, cancel := context.WithCancel(testCtx(t))
	go func() {
		time.Sleep(100 * time.Millisecond) // any moment will do: article 1 never finishes
		cancel()
	}()
	res := p.CheckAll(ctx, []*article.Article{newArticle("banana"), newArticle("HANG"), newArticle("banana")})
	for i := 1; i < 3; i++ {
		if res[i].Err == nil || !strings.Contains(res[i].Err.Error(), "cancelled") {
			t.Errorf("article %d: %+v", i, res[i])
		}
	}
	// The process was still working on an article nobody will read, and
	// it checks one article at a time: it is stopped so that it cannot
	// block later checks, and a restart brings it back.
	if _, err := p.current(); err == nil || !strings.Contains(err.Error(), "abandoned") {
		t.Errorf("a plugin still working on an abandoned check must be stopped: %v", err)
	}
	if err := p.Restart(testCtx(t)); err != nil {
		t.Fatal(err)
	}
	if r := p.Check(testCtx(t), newArticle("banana")); r.Err != nil || len(r.Findings) != 1 {
		t.Errorf("after the restart: %+v", r)
	}
}

// TestCheckAllCancelledAfterAnswers: a cancel that comes once every
// article is answered stops nothing.
func TestCheckAllCancelledAfterAnswers(t *testing.T) {
	h := start(t, testOptions(), builtin("hang")...)
	p := h.Plugins()[0]
	ctx, cancel := context.WithCancel(testCtx(t))
	res := p.CheckAll(ctx, []*article.Article{newArticle("banana")})
	cancel()
	if res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
	if _, err := p.current(); err != nil {
		t.Errorf("plugin stopped though nothing was abandoned: %v", err)
	}
}

func syscallKill(pid int) error {
	p, err := os.FindProcess(pid)
	if err != nil {
		return err
	}
	return p.Kill()
}

func TestSweepStaleSocketDirs(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	mk := func(name string, mtime time.Time) string {
		d := filepath.Join(socketBase(), name)
		if err := os.MkdirAll(filepath.Join(d, "sub"), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(d, mtime, mtime); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(d) })
		return d
	}
	// A pid above the kernel's pid_max cannot exist.
	dead := mk(socketDirPrefix+"99999999-sweeptest", old)
	fresh := mk(socketDirPrefix+"99999998-sweeptest", time.Now())
	live := mk(fmt.Sprintf("%s%d-sweeptest", socketDirPrefix, os.Getpid()), old)
	sweepStaleSocketDirs(socketBase())
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Errorf("stale dir of a dead run kept: %v", err)
	}
	for _, d := range []string{fresh, live} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s removed: %v", d, err)
		}
	}
}

// A socket path is limited to about 104 bytes; a long TMPDIR (macOS, test
// runners) must not make every plugin fail to bind.
func TestLongTempDir(t *testing.T) {
	long := filepath.Join(t.TempDir(), strings.Repeat("a-very-long-temporary-folder-name/", 3))
	if err := os.MkdirAll(long, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", long)
	h := start(t, testOptions(), builtin("words")...)
	if r := h.Plugins()[0].Check(testCtx(t), newArticle("banana")); r.Err != nil || len(r.Findings) != 1 {
		t.Fatalf("%+v", r)
	}
	dir := h.socketDir
	h.Close()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("socket dir %s left: %v", dir, err)
	}
}

// TestShellScriptPluginEndsWithItsChildren starts a third-party "plugin"
// that is a shell script whose child never hand-shakes: the start must fail
// within the start timeout plus a second, and neither the script nor its
// child may be left running.
func TestShellScriptPluginEndsWithItsChildren(t *testing.T) {
	marker := fmt.Sprintf("30.%d", os.Getpid()) // a unique argument to find the child by
	script := filepath.Join(t.TempDir(), "plugin.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nsleep "+marker+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	opts := testOptions()
	opts.StartTimeout = time.Second
	t0 := time.Now()
	h, errs := Start(testCtx(t), []Spec{{Name: "script", Path: script}}, opts)
	h.Close()
	elapsed := time.Since(t0)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "did not complete the plugin handshake") {
		t.Fatalf("errors: %v", errs)
	}
	if elapsed > opts.StartTimeout+time.Second {
		t.Errorf("the start took %s, more than the start timeout %s plus a second", elapsed, opts.StartTimeout)
	}
	if left := processesWithArg(marker); len(left) > 0 {
		for _, pid := range left {
			_ = syscallKill(pid)
		}
		t.Errorf("processes left behind: %v", left)
	}
}

// processesWithArg lists the live processes one of whose arguments is arg.
func processesWithArg(arg string) []int {
	var out []int
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil {
			continue
		}
		for _, a := range strings.Split(string(b), "\x00") {
			if a == arg && proc.Alive(pid) {
				out = append(out, pid)
			}
		}
	}
	return out
}
