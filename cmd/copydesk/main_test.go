package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/sdk/sdktest"
)

// The end-to-end tests build the real binary once and run it as users do:
// built-in plugins are child processes of it, spoken to over gRPC.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "copydesk-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "copydesk")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building copydesk: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// runCLI runs the binary in dir (a temporary folder by default, so no
// rules.toml of the repository is picked up) with optional stdin.
func runCLI(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	if stdin != "" {
		cmd.Stdin = strings.NewReader(stdin)
	}
	return runCmd(t, cmd)
}

// runCmd runs cmd to the end and returns its output and exit code; only a
// failure to run it at all fails the test.
func runCmd(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

type jsonDiag struct {
	Rule, Category, Severity, Message string
	Line, Column, EndLine, EndColumn  int
	Suggestions                       []map[string]any
	InQuote                           bool `json:"in_quote"`
}

type jsonOut struct {
	Files []struct {
		Path        string
		Error       string
		Diagnostics []jsonDiag
	}
	PluginFailures []struct{ Plugin, Path, Error string } `json:"plugin_failures"`
}

func decode(t *testing.T, s string) jsonOut {
	t.Helper()
	var o jsonOut
	if err := json.Unmarshal([]byte(s), &o); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, s)
	}
	return o
}

func repoFile(t *testing.T, rel string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", rel))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func sharedDir(t *testing.T) string {
	t.Helper()
	d := repoFile(t, filepath.Join("..", "shared"))
	if _, err := os.Stat(d); err != nil {
		t.Skipf("shared data not found at %s", d)
	}
	return d
}

// TestSeedArticle checks copydesk against the reference article's expected
// findings: every `must` entry found (category within ±1 line) and no
// finding on a clean line that the expectations do not allow.
func TestSeedArticle(t *testing.T) {
	seed := filepath.Join(sharedDir(t), "corpus", "seed")
	var exp struct {
		Must []struct {
			Category string
			Line     *int
			Text     string
		}
		CleanLines map[string][]string `json:"clean_lines"`
	}
	data, err := os.ReadFile(filepath.Join(seed, "blinken-china-trip.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &exp); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "", "", "check", "--format", "json", filepath.Join(seed, "blinken-china-trip.txt"))
	if r.code != 1 {
		t.Errorf("exit code %d, want 1 (findings); stderr:\n%s", r.code, r.stderr)
	}
	out := decode(t, r.stdout)
	if len(out.Files) != 1 {
		t.Fatalf("want one file, got %d", len(out.Files))
	}
	diags := out.Files[0].Diagnostics
	for _, m := range exp.Must {
		found := false
		for _, d := range diags {
			if d.Category == m.Category && (m.Line == nil || abs(d.Line-*m.Line) <= 1) {
				found = true
			}
		}
		if !found {
			where := "anywhere"
			if m.Line != nil {
				where = fmt.Sprintf("line %d", *m.Line)
			}
			t.Errorf("missing %s finding at %s: %s", m.Category, where, m.Text)
		}
	}
	for line, allowed := range exp.CleanLines {
		for _, d := range diags {
			if fmt.Sprint(d.Line) == line && !contains(allowed, d.Category) {
				t.Errorf("clean line %s flagged: [%s] %s", line, d.Rule, d.Message)
			}
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const cleanStory = "Council approves budget\n\nThe city council approved its budget on Tuesday after a short debate.\n\nThe mayor said the plan would protect services.\n"

const doubledStory = "Council approves budget\n\nThe council approved the the budget on Tuesday after a short debate.\n"

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := writeFile(t, dir, "clean.txt", cleanStory)
	bad := writeFile(t, dir, "bad.txt", doubledStory)
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"clean file", []string{"check", clean}, exitOK},
		{"findings below fail-on", []string{"check", "--fail-on", "error", "--min-severity", "info", bad}, -1},
		{"findings at fail-on", []string{"check", "--fail-on", "info", bad}, exitFindings},
		{"missing file", []string{"check", filepath.Join(dir, "nope.txt")}, exitUsage},
		{"no paths", []string{"check"}, exitUsage},
		{"baseline without paths", []string{"baseline"}, exitUsage},
		{"ndjson with a text format", []string{"check", "--ndjson", "--format", "text"}, exitUsage},
		{"file size with a unit", []string{"check", "--max-file-size", "30MiB", clean}, exitOK},
		{"file size too small", []string{"check", "--max-file-size", "10B", clean}, exitUsage},
		// Refused for its address, after --max-body-bytes took its value.
		{"body size with a unit", []string{"serve", "--max-body-bytes", "1MiB", "--addr", "nowhere"}, exitUsage},
		{"misspelt command", []string{"chek", clean}, exitUsage},
		{"misspelt flag", []string{"check", "--formt", "json", clean}, exitUsage},
		{"misspelt flag after the paths", []string{"check", clean, "-formt=json"}, exitUsage},
		{"ndjson with sarif", []string{"check", "--format", "sarif", "--ndjson"}, exitUsage},
		{"unknown flag", []string{"check", "--frobnicate", clean}, exitUsage},
		{"unknown format", []string{"check", "--format", "yaml", clean}, exitUsage},
		{"unknown command", []string{"lint", clean}, exitUsage},
		{"bad severity flag", []string{"check", "--fail-on", "fatal", clean}, exitUsage},
		// A report that cannot be written is an I/O error, not a plugin's.
		{"unwritable report", []string{"check", "--output", "sarif=/proc/nope.sarif", clean}, exitUsage},
		{"report onto a directory", []string{"check", "--output", "sarif=" + dir, clean}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, dir, "", tt.args...)
			want := tt.code
			if want == -1 { // depends on the rule's severity: 0 or 1, never an error code
				if r.code != exitOK && r.code != exitFindings {
					t.Errorf("exit %d; stderr:\n%s", r.code, r.stderr)
				}
				return
			}
			if r.code != want {
				t.Errorf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", r.code, want, r.stdout, r.stderr)
			}
			if strings.Contains(r.stderr, "invalid value") {
				t.Errorf("a flag refused its value: %s", r.stderr)
			}
			if strings.HasPrefix(tt.name, "misspelt") && !strings.Contains(r.stderr, "did you mean check?") && !strings.Contains(r.stderr, "did you mean --format?") {
				t.Errorf("a typo gets a did-you-mean: %s", r.stderr)
			}
			if tt.args[0] == "baseline" && !strings.Contains(r.stderr, "copydesk baseline") {
				t.Errorf("an error of copydesk baseline must name it, not another command: %s", r.stderr)
			}
		})
	}
}

func TestBadInputsAreNamedNotSkipped(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", doubledStory)
	cases := []struct {
		name, file, content, want string
	}{
		{"empty", "empty.txt", "", "empty"},
		{"binary", "nul.txt", "abc\x00def", "NUL"},
		{"invalid utf-8", "latin1.txt", "Headline\n\nCaf\xe9 society\n", "invalid UTF-8"},
		{"malformed json", "story.json", "{\"headline\": \"x\",\n \"body\": }", "story.json:2"},
		{"unsupported extension", "story.docx", "text", "reads .txt"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, dir, c.file, c.content)
			r := runCLI(t, dir, "", "check", "--format", "json", good, p)
			if r.code != exitUsage {
				t.Errorf("exit %d, want %d", r.code, exitUsage)
			}
			if !strings.Contains(r.stderr, c.file) || !strings.Contains(r.stderr, c.want) {
				t.Errorf("stderr must name %s and say %q:\n%s", c.file, c.want, r.stderr)
			}
			out := decode(t, r.stdout)
			if len(out.Files) != 2 || out.Files[1].Error == "" {
				t.Fatalf("the bad file must be listed with its error: %+v", out.Files)
			}
			if len(out.Files[0].Diagnostics) == 0 {
				t.Errorf("the good file must still be checked")
			}
		})
	}
	t.Run("directory with nothing to check", func(t *testing.T) {
		empty := filepath.Join(dir, "empty-dir")
		os.Mkdir(empty, 0o755)
		writeFile(t, empty, "notes.docx", "x")
		r := runCLI(t, dir, "", "check", empty)
		if r.code != exitUsage || !strings.Contains(r.stderr, "no .txt, .md, .html or .json files") {
			t.Errorf("exit %d stderr %s", r.code, r.stderr)
		}
	})
}

func TestDirectoriesGlobsAndStdin(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "desk/a.txt", doubledStory)
	writeFile(t, dir, "desk/sub/b.md", "# Council approves budget\n\nThe council approved the the budget on Tuesday.\n")
	writeFile(t, dir, "desk/.git/c.txt", doubledStory) // hidden folders are skipped
	r := runCLI(t, dir, "", "check", "--format", "json", "desk")
	out := decode(t, r.stdout)
	var paths []string
	for _, f := range out.Files {
		paths = append(paths, filepath.ToSlash(f.Path))
	}
	if strings.Join(paths, ",") != "desk/a.txt,desk/sub/b.md" {
		t.Errorf("directory walk: got %v", paths)
	}
	r = runCLI(t, dir, "", "check", "--format", "json", "desk/*.txt")
	if out := decode(t, r.stdout); len(out.Files) != 1 {
		t.Errorf("glob: got %+v", out.Files)
	}
	r = runCLI(t, dir, doubledStory, "check", "--format", "json", "--stdin-name", "story.txt", "-")
	out = decode(t, r.stdout)
	if len(out.Files) != 1 || out.Files[0].Path != "story.txt" || len(out.Files[0].Diagnostics) == 0 {
		t.Errorf("stdin: got %+v (stderr %s)", out.Files, r.stderr)
	}
}

func TestConfigErrorsNameTheLine(t *testing.T) {
	dir := t.TempDir()
	story := writeFile(t, dir, "s.txt", cleanStory)
	for _, tt := range []struct{ name, toml, want string }{
		{"unknown plugin", "fail_on = \"error\"\n[quotse]\n", "rules.toml:2: unknown plugin \"quotse\"; did you mean quotes?"},
		{"unknown rule", "[repetition.rules.no-such-rule]\nenabled = false\n", "rules.toml:1: plugin repetition has no rule \"no-such-rule\""},
		{"unknown option", "[quotes]\n\nno_such_option = 1\n", "rules.toml:3: unknown option quotes.no_such_option"},
		{"syntax", "fail_on = = 1\n", "rules.toml:1: "},
		{"option a rule refuses", "[strayui.rules.recurring-line]\n\nrecurring_share = 2\n", "rules.toml:3: plugin strayui refused its settings: rule recurring-line: recurring_share: 2 is outside (0, 1]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			writeFile(t, dir, "rules.toml", tt.toml)
			r := runCLI(t, dir, "", "check", story)
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant %q", r.code, r.stderr, tt.want)
			}
		})
	}
}

func TestTextOutput(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "s.txt", doubledStory)
	r := runCLI(t, dir, "", "check", "--color", "never", p)
	if !strings.Contains(r.stdout, p+":3:") || !strings.Contains(r.stdout, "[repetition/") {
		t.Errorf("want path:line:col: severity: message [rule]; got:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "^^^") {
		t.Errorf("want the span underlined:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("--color never must not colour")
	}
	r = runCLI(t, dir, "", "check", "--color", "always", p)
	if !strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("--color always must colour")
	}
}

func TestRulesExplainPlugins(t *testing.T) {
	r := runCLI(t, "", "", "rules")
	if r.code != 0 || !strings.Contains(r.stdout, "repetition/") || !strings.Contains(r.stdout, "CATEGORY") {
		t.Errorf("rules: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, "", "", "plugins")
	for _, name := range []string{"repetition", "quotes", "consistency", "strayui", "byline", "fragment", "contradiction"} {
		if !strings.Contains(r.stdout, name) {
			t.Errorf("plugins: %s missing:\n%s", name, r.stdout)
		}
	}
	if r.code != 0 {
		t.Errorf("plugins: exit %d: %s", r.code, r.stderr)
	}
	r = runCLI(t, "", "", "explain", "no/such-rule")
	if r.code != exitUsage {
		t.Errorf("explain of an unknown rule: exit %d", r.code)
	}
	// A misspelt rule gets a did-you-mean.
	r = runCLI(t, "", "", "explain", "byline/credit-verbs")
	if r.code != exitUsage || !strings.Contains(r.stderr, "did you mean byline/credit-verb?") {
		t.Errorf("explain byline/credit-verbs: exit %d: %s", r.code, r.stderr)
	}
	// The findings copydesk reports about suppressions can be looked up.
	r = runCLI(t, "", "", "rules")
	if !strings.Contains(r.stdout, "copydesk/ignore") || !strings.Contains(r.stdout, "suppression") {
		t.Errorf("rules does not list copydesk/ignore:\n%s", r.stdout)
	}
	r = runCLI(t, "", "", "explain", "copydesk/ignore")
	if r.code != 0 || !strings.Contains(r.stdout, "copydesk:ignore") {
		t.Errorf("explain copydesk/ignore: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// Every rule is documented: explain prints its summary, category and an
// example of copy it flags.
func TestEveryRuleExplains(t *testing.T) {
	r := runCLI(t, "", "", "rules", "--json")
	var rules []struct{ ID, Category, Summary string }
	if err := json.Unmarshal([]byte(r.stdout), &rules); err != nil || len(rules) == 0 {
		t.Fatalf("rules --json: %v\n%s", err, r.stdout)
	}
	for _, rule := range rules {
		if rule.Category == "" || rule.Summary == "" {
			t.Errorf("%s: category and summary are required", rule.ID)
		}
		e := runCLI(t, "", "", "explain", rule.ID)
		if e.code != 0 || !strings.Contains(e.stdout, rule.ID) || !strings.Contains(e.stdout, "Flagged:") {
			t.Errorf("explain %s: exit %d, want documentation with an example:\n%s%s", rule.ID, e.code, e.stdout, e.stderr)
		}
	}
}

// Every input format reaches the plugins with positions in the source file.
func TestInputFormats(t *testing.T) {
	dir := t.TempDir()
	files := map[string]struct {
		content string
		line    int
	}{
		"s.txt":  {"Council approves budget\n\nThe council approved the the budget.\n", 3},
		"s.md":   {"# Council approves budget\n\nSome *context* first.\nThe council approved the the budget.\n", 4},
		"s.html": {"<html><body><h1>Council approves budget</h1>\n<p>Some context.</p>\n<p>The council approved the the budget.</p></body></html>\n", 3},
		"s.json": {"{\n  \"headline\": \"Council approves budget\",\n  \"body\": \"Some context.\\n\\nThe council approved the the budget.\"\n}\n", 3},
	}
	for name, f := range files {
		t.Run(name, func(t *testing.T) {
			p := writeFile(t, dir, name, f.content)
			r := runCLI(t, dir, "", "check", "--format", "json", p)
			out := decode(t, r.stdout)
			found := false
			for _, d := range out.Files[0].Diagnostics {
				if d.Category == "repetition" {
					found = true
					if d.Line != f.line {
						t.Errorf("repetition reported on line %d, want %d", d.Line, f.line)
					}
				}
			}
			if !found {
				t.Errorf("no repetition finding; stdout %s stderr %s", r.stdout, r.stderr)
			}
		})
	}
}

// TestDevSetEndToEnd runs the binary, with every default plugin over the
// real protocol, on the shared labelled dev set and the clean articles, and
// holds each category to the team's targets (the same counting as
// ../shared/eval-public/score.py).
func TestDevSetEndToEnd(t *testing.T) {
	cases := sdktest.EvalCases(t)
	paths := sdktest.CleanArticles(t)
	for _, c := range cases {
		paths = append(paths, c.Path)
	}
	byPath := findingsByPath(t, paths)
	targets := []struct {
		category          string
		recall, precision float64
	}{
		{"repetition", 0.8, 0.9}, {"quotes", 0.8, 0.9}, {"consistency", 0.8, 0.9},
		{"stray-ui", 0.9, 0.9}, {"byline", 0.9, 0.9}, {"fragment", 0.8, 0.85}, {"contradiction", 0.8, 0.9},
	}
	for _, tg := range targets {
		sdktest.ScoreWith(t, tg.category, byPath).
			Require(t, tg.category, sdktest.Targets{Recall: tg.recall, Precision: tg.precision})
	}
}

// findingsByPath checks paths with the built binary and every default
// plugin, and returns each file's findings in the form sdktest scores.
func findingsByPath(t *testing.T, paths []string) func(path string) []sdktest.Located {
	t.Helper()
	r := runCLI(t, "", "", append([]string{"check", "--format", "json"}, paths...)...)
	if r.code > 1 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	byPath := map[string][]sdktest.Located{}
	for _, f := range decode(t, r.stdout).Files {
		for _, d := range f.Diagnostics {
			byPath[f.Path] = append(byPath[f.Path], sdktest.Located{Category: d.Category, Line: d.Line, Desc: fmt.Sprintf("%d: [%s] %s", d.Line, d.Rule, d.Message)})
		}
	}
	return func(path string) []sdktest.Located { return byPath[path] }
}

// The README's first command: the example article shows every kind of
// defect copydesk looks for.
func TestExampleArticle(t *testing.T) {
	r := runCLI(t, "", "", "check", "--format", "json", repoFile(t, "testdata/example-article.txt"))
	if r.code != exitFindings {
		t.Errorf("exit %d, want %d: %s", r.code, exitFindings, r.stderr)
	}
	seen := map[string]bool{}
	for _, d := range decode(t, r.stdout).Files[0].Diagnostics {
		seen[d.Category] = true
	}
	for _, c := range []string{"byline", "fragment", "stray-ui", "contradiction", "repetition", "quotes", "consistency"} {
		if !seen[c] {
			t.Errorf("no %s finding in the example article", c)
		}
	}
}

// The same input gives the same output, byte for byte: CI diffs, baselines
// and SARIF uploads depend on it (map order once leaked into a message).
func TestOutputIsDeterministic(t *testing.T) {
	paths := []string{repoFile(t, "testdata/example-article.txt"), repoFile(t, "testdata/redteam")}
	first := runCLI(t, "", "", append([]string{"check", "--format", "json"}, paths...)...)
	for i := 0; i < 2; i++ {
		again := runCLI(t, "", "", append([]string{"check", "--format", "json"}, paths...)...)
		if again.stdout != first.stdout {
			t.Fatalf("run %d differs from the first", i+2)
		}
	}
}
