package main

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The CI features, run through the built binary.

func TestCIFormats(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "desk/bad story.txt", doubledStory)
	writeFile(t, dir, "desk/clean.txt", cleanStory)

	t.Run("sarif", func(t *testing.T) {
		r := runCLI(t, dir, "", "check", "--format", "sarif", "desk")
		if r.code != exitOK { // doubled-word is a warning; fail-on is error
			t.Errorf("exit %d: %s", r.code, r.stderr)
		}
		schema := compileSARIFSchema(t)
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(r.stdout))
		if err != nil {
			t.Fatalf("not JSON: %v\n%s", err, r.stdout)
		}
		if err := schema.Validate(inst); err != nil {
			t.Fatalf("invalid SARIF 2.1.0: %v", err)
		}
		var log struct {
			Runs []struct {
				Tool struct {
					Driver struct {
						Rules []struct {
							ID              string
							FullDescription struct{ Text string }
						}
					}
				}
				Results []struct {
					RuleID    string
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }
							Region           struct{ StartLine, StartColumn int }
						}
					}
				}
			}
		}
		if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		if len(run.Tool.Driver.Rules) < 7 {
			t.Errorf("every running rule should be described, got %d", len(run.Tool.Driver.Rules))
		}
		for _, rule := range run.Tool.Driver.Rules {
			if rule.FullDescription.Text == "" {
				t.Errorf("%s has no documentation in the SARIF", rule.ID)
			}
		}
		found := false
		for _, res := range run.Results {
			loc := res.Locations[0].PhysicalLocation
			if res.RuleID == "repetition/doubled-word" && loc.ArtifactLocation.URI == "desk/bad%20story.txt" && loc.Region.StartLine == 3 {
				found = true
			}
		}
		if !found {
			t.Errorf("doubled word not in the SARIF results: %+v", run.Results)
		}
	})

	t.Run("github", func(t *testing.T) {
		r := runCLI(t, dir, "", "check", "--format", "github", "--fail-on", "warning", bad)
		if r.code != exitFindings {
			t.Errorf("exit %d, want %d", r.code, exitFindings)
		}
		if !strings.HasPrefix(r.stdout, "::warning file="+bad+",line=3,col=") || !strings.Contains(r.stdout, "title=repetition/doubled-word::") {
			t.Errorf("want a ::warning annotation:\n%s", r.stdout)
		}
	})

	t.Run("checkstyle", func(t *testing.T) {
		r := runCLI(t, dir, "", "check", "--format", "checkstyle", "desk")
		var doc struct {
			Files []struct {
				Name   string `xml:"name,attr"`
				Errors []struct {
					Line   int    `xml:"line,attr"`
					Source string `xml:"source,attr"`
				} `xml:"error"`
			} `xml:"file"`
		}
		if err := xml.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatalf("%v\n%s", err, r.stdout)
		}
		if len(doc.Files) != 2 || len(doc.Files[0].Errors) == 0 || doc.Files[0].Errors[0].Line != 3 || len(doc.Files[1].Errors) != 0 {
			t.Errorf("checkstyle: %+v", doc)
		}
	})

	t.Run("junit", func(t *testing.T) {
		r := runCLI(t, dir, "", "check", "--format", "junit", "--fail-on", "warning", "desk")
		var doc struct {
			Tests    int `xml:"tests,attr"`
			Failures int `xml:"failures,attr"`
			Suites   []struct {
				Name string `xml:"name,attr"`
			} `xml:"testsuite"`
		}
		if err := xml.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatalf("%v\n%s", err, r.stdout)
		}
		if len(doc.Suites) != 2 || doc.Failures != 1 || doc.Tests < 2 {
			t.Errorf("junit with fail-on warning: %+v\n%s", doc, r.stdout)
		}
		// The threshold comes from --fail-on: at error the warning passes.
		r = runCLI(t, dir, "", "check", "--format", "junit", "desk")
		xml.Unmarshal([]byte(r.stdout), &doc)
		if doc.Failures != 0 {
			t.Errorf("junit with fail-on error: %d failures", doc.Failures)
		}
	})

	t.Run("several at once", func(t *testing.T) {
		r := runCLI(t, dir, "", "check", "--format", "text", "--output", "sarif=out/copydesk.sarif", "--output", "junit=out/junit.xml", "desk")
		if !strings.Contains(r.stdout, "[repetition/doubled-word]") {
			t.Errorf("text on stdout:\n%s", r.stdout)
		}
		for _, f := range []string{"out/copydesk.sarif", "out/junit.xml"} {
			data, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil || !strings.Contains(string(data), "doubled-word") {
				t.Errorf("%s: %v\n%s", f, err, data)
			}
		}
		if r := runCLI(t, dir, "", "check", "--output", "yaml=x.yaml", "desk"); r.code != exitUsage {
			t.Errorf("unknown --output format: exit %d", r.code)
		}
		if r := runCLI(t, dir, "", "check", "--output", "sarif", "desk"); r.code != exitUsage {
			t.Errorf("--output without a path: exit %d", r.code)
		}
	})
}

// The reference article has findings of every kind, with related places and
// suggestions: its SARIF must validate too, and carry them.
func TestSARIFOfSeedArticle(t *testing.T) {
	seed := filepath.Join(sharedDir(t), "corpus", "seed", "blinken-china-trip.txt")
	r := runCLI(t, "", "", "check", "--format", "sarif", seed)
	if r.code != exitFindings {
		t.Errorf("exit %d: %s", r.code, r.stderr)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := compileSARIFSchema(t).Validate(inst); err != nil {
		t.Fatalf("invalid SARIF 2.1.0: %v", err)
	}
	for _, want := range []string{`"relatedLocations"`, `"fixes"`, `"level": "error"`, `"startColumn"`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the seed's SARIF has no %s", want)
		}
	}
}

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := repoFile(t, "core/report/testdata/sarif-schema-2.1.0.json")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("file:///sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("file:///sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func filePaths(t *testing.T, stdout string) []string {
	t.Helper()
	var paths []string
	for _, f := range decode(t, stdout).Files {
		paths = append(paths, filepath.ToSlash(f.Path))
	}
	sort.Strings(paths)
	return paths
}

func TestChangedSince(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	gitIn(t, dir, "init", "-q")
	writeFile(t, dir, "desk/a.txt", cleanStory)
	writeFile(t, dir, "desk/b.txt", cleanStory)
	writeFile(t, dir, "desk/gone.txt", cleanStory)
	writeFile(t, dir, "archive/old.txt", doubledStory)
	gitIn(t, dir, "add", ".")
	gitIn(t, dir, "commit", "-q", "-m", "start")
	writeFile(t, dir, "desk/a.txt", doubledStory) // modified, not committed
	writeFile(t, dir, "desk/new.md", "# New story\n\nThe council met on Monday.\n")
	os.Remove(filepath.Join(dir, "desk", "gone.txt"))

	r := runCLI(t, dir, "", "check", "--format", "json", "--changed-since", "HEAD")
	if got := filePaths(t, r.stdout); strings.Join(got, ",") != "desk/a.txt,desk/new.md" {
		t.Errorf("changed since HEAD: %v (stderr %s)", got, r.stderr)
	}
	r = runCLI(t, dir, "", "check", "--format", "json", "--changed-since", "HEAD", "archive", "desk/new.md")
	if got := filePaths(t, r.stdout); strings.Join(got, ",") != "desk/new.md" {
		t.Errorf("changed among the given paths: %v", got)
	}
	// From a subfolder: git's names are mapped to the working directory.
	r = runCLI(t, filepath.Join(dir, "desk"), "", "check", "--format", "json", "--changed-since", "HEAD", ".")
	if got := filePaths(t, r.stdout); strings.Join(got, ",") != "a.txt,new.md" {
		t.Errorf("from desk/: %v (stderr %s)", got, r.stderr)
	}
	gitIn(t, dir, "add", ".")
	gitIn(t, dir, "commit", "-q", "-m", "edit")
	r = runCLI(t, dir, "", "check", "--format", "json", "--changed-since", "HEAD")
	if got := filePaths(t, r.stdout); len(got) != 0 || r.code != exitOK || !strings.Contains(r.stderr, "no files to check") {
		t.Errorf("nothing changed: exit %d, files %v, stderr %s", r.code, got, r.stderr)
	}
	r = runCLI(t, dir, "", "check", "--format", "json", "--changed-since", "HEAD~1")
	if got := filePaths(t, r.stdout); strings.Join(got, ",") != "desk/a.txt,desk/new.md" {
		t.Errorf("changed since HEAD~1: %v", got)
	}

	for _, tt := range []struct{ name, dir, rev, want string }{
		{"unknown revision", dir, "no-such-branch", "unknown revision"},
		{"not a repository", t.TempDir(), "HEAD", "git repository"},
	} {
		r := runCLI(t, tt.dir, "", "check", "--changed-since", tt.rev)
		if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%s: exit %d, stderr %s", tt.name, r.code, r.stderr)
		}
	}
}

func TestShard(t *testing.T) {
	dir := t.TempDir()
	var all []string
	for i := 0; i < 9; i++ {
		writeFile(t, dir, fmt.Sprintf("desk/s%d.txt", i), cleanStory)
		all = append(all, fmt.Sprintf("desk/s%d.txt", i))
	}
	var union []string
	for k := 1; k <= 3; k++ {
		r := runCLI(t, dir, "", "check", "--format", "json", "--shard", fmt.Sprintf("%d/3", k), "desk")
		if r.code != exitOK {
			t.Errorf("shard %d: exit %d %s", k, r.code, r.stderr)
		}
		got := filePaths(t, r.stdout)
		// Deterministic: the same shard twice is the same files.
		again := filePaths(t, runCLI(t, dir, "", "check", "--format", "json", "--shard", fmt.Sprintf("%d/3", k), "desk").stdout)
		if strings.Join(got, ",") != strings.Join(again, ",") {
			t.Errorf("shard %d differs between runs: %v, %v", k, got, again)
		}
		union = append(union, got...)
	}
	sort.Strings(union)
	if strings.Join(union, ",") != strings.Join(all, ",") {
		t.Errorf("the shards together must check every file once: %v", union)
	}
	for _, bad := range []string{"0/3", "4/3", "1/0", "x", "1/3/2"} {
		if r := runCLI(t, dir, "", "check", "--shard", bad, "desk"); r.code != exitUsage || !strings.Contains(r.stderr, "--shard") {
			t.Errorf("--shard %s: exit %d, stderr %s", bad, r.code, r.stderr)
		}
	}
}

func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	story := writeFile(t, dir, "desk/story.txt", doubledStory)
	writeFile(t, dir, "desk/clean.txt", cleanStory)
	r := runCLI(t, dir, "", "baseline", "--output", "ci/baseline.json", "desk")
	if r.code != exitOK || !strings.Contains(r.stderr, "recorded") {
		t.Fatalf("baseline: exit %d, stderr %s", r.code, r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "ci", "baseline.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"path": "../desk/story.txt"`) || strings.Contains(string(data), `"line":`) {
		t.Errorf("paths are relative to the baseline's folder, and no line numbers:\n%s", data)
	}

	// Paragraphs inserted above the recorded defect do not bring it back.
	os.WriteFile(story, []byte("Update: the vote was delayed.\n\nA second new paragraph.\n\n"+doubledStory), 0o644)
	r = runCLI(t, dir, "", "check", "--format", "json", "--fail-on", "info", "--baseline", "ci/baseline.json", "desk")
	out := decode(t, r.stdout)
	if r.code != exitOK || len(out.Files) != 2 || len(out.Files[0].Diagnostics)+len(out.Files[1].Diagnostics) != 0 {
		t.Errorf("after inserting lines: exit %d, %+v", r.code, out.Files)
	}
	if !strings.Contains(r.stderr, "hidden by the baseline") {
		t.Errorf("the hidden count is reported: %s", r.stderr)
	}
	r = runCLI(t, dir, "", "check", "--fail-on", "info", "--baseline", "ci/baseline.json", "desk")
	if !strings.Contains(r.stdout, "no findings in 2 files") || !strings.Contains(r.stdout, "1 finding hidden by the baseline") {
		t.Errorf("text summary:\n%s", r.stdout)
	}

	// A new defect is reported, and only it — also from another directory.
	os.WriteFile(story, []byte("Update: the vote was delayed.\n\nA second new paragraph.\n\n"+doubledStory+"\nThe mayor said said it was fair.\n"), 0o644)
	r = runCLI(t, filepath.Join(dir, "desk"), "", "check", "--format", "json", "--fail-on", "info", "--baseline", "../ci/baseline.json", "story.txt")
	out = decode(t, r.stdout)
	if r.code != exitFindings || len(out.Files) != 1 || len(out.Files[0].Diagnostics) != 1 || out.Files[0].Diagnostics[0].Line != 9 {
		t.Errorf("new defect: exit %d, %+v (stderr %s)", r.code, out.Files, r.stderr)
	}

	for _, bad := range []string{"missing.json", "desk/clean.txt"} {
		if r := runCLI(t, dir, "", "check", "--baseline", bad, "desk"); r.code != exitUsage || !strings.Contains(r.stderr, "--baseline") {
			t.Errorf("--baseline %s: exit %d, stderr %s", bad, r.code, r.stderr)
		}
	}
}

type ndjsonOut struct {
	Line        int
	ID          string
	Path        string
	Error       string
	Verdict     string
	Diagnostics []jsonDiag
}

func TestNDJSON(t *testing.T) {
	var in strings.Builder
	want := map[int]string{}
	for i := 1; i <= 7; i++ {
		switch {
		case i == 3:
			in.WriteString("{\"headline\": \"broken\", \"body\": }\n")
			want[i] = "error"
		case i == 5:
			in.WriteString("\n") // blank lines are skipped
		case i%2 == 0:
			fmt.Fprintf(&in, `{"id": "story-%d", "headline": "Council approves budget", "body": "The council approved the the budget on Tuesday."}`+"\n", i)
			want[i] = "fail"
		default:
			fmt.Fprintf(&in, `{"id": "story-%d", "headline": "Council approves budget", "body": "The city council approved its budget on Tuesday."}`+"\n", i)
			want[i] = "pass"
		}
	}
	// A batch of 2 splits the stream: order and line numbers must hold
	// across batches.
	r := runCLI(t, "", in.String(), "check", "--ndjson", "--ndjson-batch", "2", "--fail-on", "warning")
	if r.code != exitUsage { // a malformed line wins over findings
		t.Errorf("exit %d, want %d; stderr %s", r.code, exitUsage, r.stderr)
	}
	var lines []int
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	for sc.Scan() {
		var o ndjsonOut
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		lines = append(lines, o.Line)
		if o.Verdict != want[o.Line] {
			t.Errorf("line %d: verdict %q, want %q (%+v)", o.Line, o.Verdict, want[o.Line], o)
		}
		switch want[o.Line] {
		case "error":
			if !strings.Contains(o.Error, fmt.Sprintf("stdin:%d", o.Line)) {
				t.Errorf("the error must name its line: %q", o.Error)
			}
		case "fail":
			if o.ID != fmt.Sprintf("story-%d", o.Line) || len(o.Diagnostics) != 1 || o.Diagnostics[0].Rule != "repetition/doubled-word" {
				t.Errorf("line %d: %+v", o.Line, o)
			}
		}
	}
	if fmt.Sprint(lines) != "[1 2 3 4 6 7]" {
		t.Errorf("results out of order or missing: %v", lines)
	}

	r = runCLI(t, "", `{"headline": "A", "body": "The council approved the the budget."}`, "check", "--ndjson", "--fail-on", "warning")
	if r.code != exitFindings || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("one article without a final newline: exit %d\n%s", r.code, r.stdout)
	}
	if r := runCLI(t, "", "{}\n", "check", "--ndjson", "--shard", "1/2"); r.code != exitUsage {
		t.Errorf("--ndjson with --shard: exit %d", r.code)
	}
	if r := runCLI(t, "", "{}\n", "check", "--ndjson", "story.json"); r.code != exitUsage || !strings.Contains(r.stderr, "no PATHS") {
		t.Errorf("--ndjson with PATHS: exit %d, stderr %s", r.code, r.stderr)
	}
}

// The pre-commit hook definition is what pre-commit reads.
func TestPreCommitHook(t *testing.T) {
	data, err := os.ReadFile(repoFile(t, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"- id: copydesk", "language: golang", "entry: copydesk check", "types_or: [markdown, html, json, text]", "files: "} {
		if !strings.Contains(string(data), want) {
			t.Errorf(".pre-commit-hooks.yaml lacks %q", want)
		}
	}
}

// Results are flushed per batch: the first article's result arrives while
// standard input is still open. (Without the flush this test would wait for
// its guard.)
func TestNDJSONStreams(t *testing.T) {
	cmd := exec.Command(binary, "check", "--ndjson", "--ndjson-batch", "1")
	cmd.Dir = t.TempDir()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		cmd.Wait()
	}()
	fmt.Fprintln(stdin, `{"id": "first", "headline": "Council approves budget", "body": "The council approved the the budget."}`)
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		got <- line
	}()
	select {
	case line := <-got:
		var o ndjsonOut
		if err := json.Unmarshal([]byte(line), &o); err != nil || o.ID != "first" || o.Line != 1 {
			t.Errorf("first result: %v %q", err, line)
		}
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		t.Fatal("no result while stdin was open: results are not flushed per batch")
	}
}

// TestDocsInstallOnlyWhatExists: the module is not published and has no
// tags, so the documentation must not install copydesk by module version
// (go install ...@vX, a pre-commit rev that is a tag); it builds from a
// checkout.
func TestDocsInstallOnlyWhatExists(t *testing.T) {
	files := []string{"README.md", ".pre-commit-hooks.yaml"}
	docs, _ := filepath.Glob(repoFile(t, "docs/*.md"))
	for _, d := range docs {
		files = append(files, filepath.Join("docs", filepath.Base(d)))
	}
	bad := regexp.MustCompile(`go install github\.com/copydesk/copydesk\S*@|rev: v\d`)
	for _, f := range files {
		data, err := os.ReadFile(repoFile(t, f))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if m := bad.FindString(line); m != "" {
				t.Errorf("%s:%d installs a version that does not exist (%q): build from a checkout", f, i+1, m)
			}
		}
	}
	ci, err := os.ReadFile(repoFile(t, "docs/ci.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(ci), "go build -o") || !strings.Contains(string(ci), "./cmd/copydesk") {
		t.Error("docs/ci.md's workflow must build copydesk from a checkout")
	}
}
