package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/proc"
)

// TestLSPNeovim runs `copydesk lsp` under a real editor: headless Neovim
// (Debian's 0.7 or later) with testdata/lsp-neovim.lua opens the seed
// article, waits for diagnostics and writes them as Neovim holds them
// (byte columns, converted from the server's UTF-16 positions). They must
// be exactly `copydesk check`'s findings, at the same places, and the
// server and its plugins must be gone once Neovim has stopped the client.
// .ci/run installs Neovim and requires this test to run.
func TestLSPNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim not installed (apt-get install neovim)")
	}
	seed, err := os.ReadFile(filepath.Join(sharedDir(t), "corpus", "seed", "blinken-china-trip.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	article := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(article, seed, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "diagnostics.jsonl")
	script, err := filepath.Abs(filepath.Join("testdata", "lsp-neovim.lua"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(nvim, "--headless", "-n", "-i", "NONE", "-u", "NONE", "-c", "luafile "+script, article)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "COPYDESK_BIN="+binary, "COPYDESK_OUT="+out, "HOME="+dir, "XDG_CACHE_HOME="+dir, "XDG_STATE_HOME="+dir)
	cmd.Stdin = nil
	done := make(chan error, 1)
	var outb strings.Builder
	cmd.Stdout, cmd.Stderr = &outb, &outb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("nvim: %v\n%s", err, outb.String())
		}
	case <-time.After(3 * time.Minute):
		cmd.Process.Kill()
		t.Fatalf("nvim did not finish in 3 minutes\n%s", outb.String())
	}

	type nvimDiag struct {
		Lnum, Col, EndLnum, EndCol int
		Code, Message, Source      string
		Severity                   int
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	var pids struct {
		ServerPid  int   `json:"server_pid"`
		PluginPids []int `json:"plugin_pids"`
	}
	var got []nvimDiag
	for first := true; sc.Scan(); first = false {
		if first {
			if err := json.Unmarshal(sc.Bytes(), &pids); err != nil {
				t.Fatalf("%v: %s", err, sc.Text())
			}
			continue
		}
		var d struct {
			Lnum, Col, Severity   int
			EndLnum               int `json:"end_lnum"`
			EndCol                int `json:"end_col"`
			Code, Message, Source string
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("%v: %s", err, sc.Text())
		}
		got = append(got, nvimDiag{d.Lnum, d.Col, d.EndLnum, d.EndCol, d.Code, d.Message, d.Source, d.Severity})
	}

	// What copydesk check finds in the same file, in Neovim's terms.
	var checked struct {
		Files []struct {
			Diagnostics []struct {
				Rule, Message string
				Line, Column  int
				EndLine       int `json:"end_line"`
				EndColumn     int `json:"end_column"`
			}
		}
	}
	r := runCLI(t, dir, "", "check", "--format", "json", "article.txt")
	if err := json.Unmarshal([]byte(r.stdout), &checked); err != nil || len(checked.Files) != 1 {
		t.Fatalf("copydesk check: %v\n%s%s", err, r.stdout, r.stderr)
	}
	want := checked.Files[0].Diagnostics
	lines := strings.Split(string(seed), "\n")
	byteCol := func(line, col int) int {
		r := []rune(lines[line-1])
		return len(string(r[:min(col-1, len(r))]))
	}
	if len(got) != len(want) || len(want) < 15 {
		t.Fatalf("Neovim shows %d diagnostics, copydesk check finds %d:\n%+v", len(got), len(want), got)
	}
	nonASCII := 0
	for _, w := range want {
		key := nvimDiag{w.Line - 1, byteCol(w.Line, w.Column), w.EndLine - 1, byteCol(w.EndLine, w.EndColumn), w.Rule, w.Message, "copydesk", 0}
		found := false
		for _, g := range got {
			g.Severity = 0
			if g == key {
				found = true
			}
		}
		if !found {
			t.Errorf("Neovim lacks %s at %d:%d (byte column %d): %+v", w.Rule, w.Line, w.Column, key.Col, got)
		}
		if key.Col != w.Column-1 {
			nonASCII++
		}
	}
	if nonASCII == 0 {
		t.Error("no finding after a non-ASCII character on its line")
	}

	if pids.ServerPid == 0 || len(pids.PluginPids) < 5 {
		t.Fatalf("server and plugin processes not seen: %+v", pids)
	}
	deadline := time.Now().Add(10 * time.Second)
	for _, pid := range append([]int{pids.ServerPid}, pids.PluginPids...) {
		for proc.Alive(pid) && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		if proc.Alive(pid) {
			t.Errorf("process %d outlived the editor session", pid)
		}
	}
	t.Logf("Neovim showed %d diagnostics; server %d and %d plugin processes ended", len(got), pids.ServerPid, len(pids.PluginPids))
}
