package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// buildPlugin builds a plugin main package into dir.
func buildPlugin(t *testing.T, dir, pkg, name string) string {
	t.Helper()
	out := filepath.Join(dir, name)
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = repoFile(t, ".")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building %s: %v\n%s", pkg, err, b)
	}
	return out
}

func sha256File(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

const houseStory = "Council approves budget\n\nThe council will leverage the the budget to cut costs.\n"

// The worked third-party plugin is loaded through rules.toml, pinned by
// checksum, and refused when the checksum does not match; the built-in
// plugins' findings stand either way.
func TestExternalPluginThroughRulesToml(t *testing.T) {
	dir := t.TempDir()
	bin := buildPlugin(t, dir, "./plugins/example-external", "copydesk-house")
	story := writeFile(t, dir, "s.txt", houseStory)

	writeFile(t, dir, "rules.toml", "[house]\npath = \"copydesk-house\"\nsha256 = \""+sha256File(t, bin)+"\"\n\n[house.rules.banned-words]\nwords = [\"leverage\"]\n")
	r := runCLI(t, dir, "", "check", "--format", "json", story)
	out := decode(t, r.stdout)
	rules := map[string]bool{}
	for _, d := range out.Files[0].Diagnostics {
		rules[d.Rule] = true
	}
	if !rules["house/banned-words"] || !rules["repetition/doubled-word"] {
		t.Errorf("want findings from the external and a built-in plugin, got %v (exit %d, %s)", rules, r.code, r.stderr)
	}
	if r.code == exitFailure {
		t.Errorf("a healthy external plugin must not fail the run: %s", r.stderr)
	}
	p := runCLI(t, dir, "", "plugins")
	if !strings.Contains(p.stdout, "house") || !strings.Contains(p.stdout, "copydesk-house") {
		t.Errorf("copydesk plugins should list the external plugin and its path:\n%s", p.stdout)
	}

	writeFile(t, dir, "rules.toml", "[house]\npath = \"copydesk-house\"\nsha256 = \""+strings.Repeat("0", 64)+"\"\n")
	r = runCLI(t, dir, "", "check", "--format", "json", story)
	if r.code != exitFailure || !strings.Contains(r.stderr, "house") || !strings.Contains(r.stderr, "sha256 does not match") {
		t.Errorf("a wrong checksum must refuse the plugin with exit 3 and say so; exit %d, stderr:\n%s", r.code, r.stderr)
	}
	out = decode(t, r.stdout)
	if len(out.Files[0].Diagnostics) == 0 {
		t.Error("the built-in plugins' findings must stand when another plugin is refused")
	}
}

// A plugin that panics in a rule, crashes or hangs costs only its own
// findings: the run reports which plugin failed and why, keeps the others'
// findings, exits 3, and leaves no process behind.
func TestMisbehavingPlugins(t *testing.T) {
	dir := t.TempDir()
	bin := buildPlugin(t, dir, "./core/host/testdata/testplugin", "testplugin")
	story := writeFile(t, dir, "s.txt", "Council approves budget\n\nThe council approved the the budget. CRASH HANG\n")
	for _, name := range []string{"panicky", "crash", "hang"} {
		t.Run(name, func(t *testing.T) {
			// Third-party plugins are started with no arguments; a script
			// picks the misbehaviour.
			wrapper := writeFile(t, dir, name+".sh", "#!/bin/sh\nexec "+bin+" __plugin "+name+"\n")
			os.Chmod(wrapper, 0o755)
			writeFile(t, dir, "rules.toml", "[timeouts]\nstart = \"30s\"\ncheck = \"3s\"\n\n["+name+"]\npath = \""+wrapper+"\"\n")
			start := time.Now()
			r := runCLI(t, dir, "", "check", "--format", "json", story)
			if time.Since(start) > 60*time.Second {
				t.Errorf("the run was not bounded by the check timeout")
			}
			if r.code != exitFailure {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, exitFailure, r.stderr)
			}
			out := decode(t, r.stdout)
			failed := false
			for _, f := range out.PluginFailures {
				if strings.HasPrefix(f.Plugin, name) {
					failed = true
				}
			}
			if !failed || !strings.Contains(r.stderr, name) {
				t.Errorf("the failure must name plugin %s: %+v\n%s", name, out.PluginFailures, r.stderr)
			}
			kept := false
			for _, d := range out.Files[0].Diagnostics {
				if d.Rule == "repetition/doubled-word" {
					kept = true
				}
			}
			if !kept {
				t.Error("the other plugins' findings must be kept")
			}
			if out, _ := exec.Command("pgrep", "-f", bin+" __plugin "+name).Output(); len(strings.TrimSpace(string(out))) > 0 {
				t.Errorf("plugin process left behind: %s", out)
			}
		})
	}
}

// A rules.toml table must carry the name the plugin declares: findings,
// overrides and copydesk:ignore comments all use that one name.
func TestPluginTableNameMustMatchDeclaredName(t *testing.T) {
	dir := t.TempDir()
	buildPlugin(t, dir, "./plugins/example-external", "copydesk-house")
	story := writeFile(t, dir, "s.txt", houseStory)
	writeFile(t, dir, "rules.toml", "fail_on = \"error\"\n\n[house2]\npath = \"copydesk-house\"\n")
	r := runCLI(t, dir, "", "check", story)
	if r.code != exitUsage || !strings.Contains(r.stderr, "rules.toml:3") ||
		!strings.Contains(r.stderr, "[house2]") || !strings.Contains(r.stderr, `"house"`) {
		t.Errorf("want exit 2 naming rules.toml:3, the table and the declared name; exit %d, stderr:\n%s", r.code, r.stderr)
	}
}
