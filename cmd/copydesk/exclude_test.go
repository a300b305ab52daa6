package main

import (
	"strings"
	"testing"
)

// TestExclude: a package.json among the articles is reported as not an
// article, with the way to leave it out; left out by rules.toml's exclude,
// by an override with enabled = false or by --exclude, it is skipped and
// the articles are checked.
func TestExclude(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "desk/story.txt", cleanStory)
	writeFile(t, dir, "desk/web/package.json", `{"name": "site", "version": "1.0.0", "scripts": {"build": "make"}}`)

	r := runCLI(t, dir, "", "check", "desk")
	if r.code != exitUsage || !strings.Contains(r.stderr, "package.json") || !strings.Contains(r.stderr, "not a CMS article") || !strings.Contains(r.stderr, "exclude") {
		t.Fatalf("a non-article JSON file: exit %d, want 2 naming it and how to leave it out; stderr:\n%s", r.code, r.stderr)
	}

	for name, c := range map[string]struct{ rules, flag string }{
		"rules.toml exclude":   {rules: "exclude = [\"package.json\"]\n"},
		"override off":         {rules: "[[overrides]]\npaths = [\"web/**\"]\nenabled = false\n"},
		"--exclude":            {flag: "package.json"},
		"--exclude with stars": {flag: "desk/**/*.json"},
	} {
		t.Run(name, func(t *testing.T) {
			d := t.TempDir()
			writeFile(t, d, "desk/story.txt", cleanStory)
			writeFile(t, d, "desk/web/package.json", `{"name": "site"}`)
			args := []string{"check", "--format", "json"}
			if c.rules != "" {
				writeFile(t, d, "rules.toml", c.rules)
			}
			if c.flag != "" {
				args = append(args, "--exclude", c.flag)
			}
			r := runCLI(t, d, "", append(args, "desk")...)
			if r.code != exitOK {
				t.Fatalf("exit %d, want 0; stderr:\n%s", r.code, r.stderr)
			}
			out := decode(t, r.stdout)
			if len(out.Files) != 1 || !strings.HasSuffix(out.Files[0].Path, "story.txt") {
				t.Errorf("files checked: %+v", out.Files)
			}
		})
	}

	writeFile(t, dir, "rules.toml", "exclud = [\"package.json\"]\n")
	if r := runCLI(t, dir, "", "check", "desk"); r.code != exitUsage || !strings.Contains(r.stderr, "did you mean exclude") {
		t.Errorf("a misspelt exclude: exit %d; stderr:\n%s", r.code, r.stderr)
	}
	writeFile(t, dir, "rules.toml", "")
	if r := runCLI(t, dir, "", "check", "--exclude", "[", "desk"); r.code != exitUsage || !strings.Contains(r.stderr, "bad glob") {
		t.Errorf("a bad --exclude glob: exit %d; stderr:\n%s", r.code, r.stderr)
	}
}
