package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/creack/pty"
)

// The editor workflow (--diff, --fix, --format html, the progress bar),
// exercised through the built binary on temporary files with the real
// plugins.

// A story with fixable findings of both kinds: a doubled word inside a
// line, and page furniture on lines of their own between paragraphs.
const fixableStory = "Harbour board backs café expansion\n\n" +
	"The harbour board approved the the expansion of the pier café on Thursday.\n\n" +
	"Share this article\n\n" +
	"Board chair Olu Adeyemi said the plan was “a modest step” for the waterfront.\n\n" +
	"Read more: Ferry timetable changes next month\n\n" +
	"Members voted five to two in favour.\n"

func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(dir, ".*copydesk*"))
	if len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

// applyPatch applies a diff with patch(1), as a user would, and returns the
// patched text ("" when there is no patch program).
func applyPatch(t *testing.T, name, content, diff string) string {
	t.Helper()
	prog, err := exec.LookPath("patch")
	if err != nil {
		t.Log("no patch program; not applying the diff")
		return ""
	}
	dir := t.TempDir()
	writeFile(t, dir, name, content)
	cmd := exec.Command(prog, "-s", "-p0")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(diff)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch -p0 refuses the diff: %v\n%s\n%s", err, out, diff)
	}
	got, _ := os.ReadFile(filepath.Join(dir, name))
	return string(got)
}

func TestDiffThenFix(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "story.txt", fixableStory)
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}

	d := runCLI(t, dir, "", "check", "--diff", "story.txt")
	if d.code != exitFindings {
		t.Fatalf("--diff exit %d, want 1 (something to fix); stderr:\n%s", d.code, d.stderr)
	}
	if got, _ := os.ReadFile(p); string(got) != fixableStory {
		t.Fatal("--diff wrote to the file")
	}
	for _, want := range []string{"--- story.txt\n+++ story.txt\n@@ ", "-The harbour board approved the the expansion", "+The harbour board approved the expansion", "-Share this article\n", "-Read more: Ferry timetable changes next month\n"} {
		if !strings.Contains(d.stdout, want) {
			t.Errorf("diff lacks %q:\n%s", want, d.stdout)
		}
	}
	if !strings.Contains(d.stderr, "3 fixes in 1 file would be applied; nothing was written") {
		t.Errorf("--diff summary missing: %s", d.stderr)
	}
	predicted := applyPatch(t, "story.txt", fixableStory, d.stdout)

	f := runCLI(t, dir, "", "check", "--fix", "--format", "json", "story.txt")
	if f.code != exitOK {
		t.Errorf("--fix exit %d, want 0 (nothing left at error); stderr:\n%s", f.code, f.stderr)
	}
	got, _ := os.ReadFile(p)
	if predicted != "" && string(got) != predicted {
		t.Errorf("--fix wrote\n%q\nbut --diff predicted\n%q", got, predicted)
	}
	if strings.Contains(string(got), "\n\n\n") || strings.Contains(string(got), "Share this") || strings.Contains(string(got), "the the") {
		t.Errorf("fixed file still has a hole or a defect:\n%s", got)
	}
	if !strings.Contains(f.stderr, "applied 3 fixes in 1 file") {
		t.Errorf("--fix summary missing: %s", f.stderr)
	}
	// The report is of the fixed file, checked again: none of the fixed
	// findings remain, and positions refer to the new text.
	out := decode(t, f.stdout)
	for _, dg := range out.Files[0].Diagnostics {
		if len(dg.Suggestions) > 0 {
			t.Errorf("a fixable finding remains after --fix: %+v", dg)
		}
	}
	if st, _ := os.Stat(p); runtime.GOOS != "windows" && st.Mode().Perm() != 0o640 {
		t.Errorf("permissions %v, want 0640 kept", st.Mode().Perm())
	}
	noTempFiles(t, dir)

	// Nothing left to fix: --diff is empty and exits 0; --fix writes nothing.
	if d := runCLI(t, dir, "", "check", "--diff", "story.txt"); d.code != exitOK || d.stdout != "" {
		t.Errorf("second --diff: exit %d, output %q", d.code, d.stdout)
	}
}

func TestFixKeepsCRLFAndHTML(t *testing.T) {
	dir := t.TempDir()
	crlf := strings.ReplaceAll(fixableStory, "\n", "\r\n")
	writeFile(t, dir, "story.txt", crlf)
	html := "<html><body>\n<h1>Harbour board backs café expansion</h1>\n" +
		"<p>The harbour board approved the the expansion of the pier café on Thursday.</p>\n" +
		"<p>Share this article</p>\n" +
		"<p>Members voted five to two in favour &amp; the chair abstained.</p>\n</body></html>\n"
	writeFile(t, dir, "story.html", html)
	r := runCLI(t, dir, "", "check", "--fix", "story.txt", "story.html")
	if r.code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "story.txt"))
	if want := strings.ReplaceAll(string(got), "\r\n", ""); strings.Contains(want, "\n") {
		t.Errorf("a bare LF crept into a CRLF file:\n%q", got)
	}
	if strings.Contains(string(got), "Share this") || strings.Contains(string(got), "\r\n\r\n\r\n") {
		t.Errorf("CRLF file not fixed cleanly:\n%q", got)
	}
	gotHTML, _ := os.ReadFile(filepath.Join(dir, "story.html"))
	wantHTML := "<html><body>\n<h1>Harbour board backs café expansion</h1>\n" +
		"<p>The harbour board approved the expansion of the pier café on Thursday.</p>\n" +
		"<p>Members voted five to two in favour &amp; the chair abstained.</p>\n</body></html>\n"
	if string(gotHTML) != wantHTML {
		t.Errorf("HTML fixed to\n%s\nwant\n%s", gotHTML, wantHTML)
	}
}

func TestFixSkipsOverlappingFixes(t *testing.T) {
	dir := t.TempDir()
	// The doubled word sits inside a related-article link: deleting the
	// line (first by position) wins and the word fix is skipped, not merged.
	story := "Council approves budget\n\nThe council approved the budget on Tuesday.\n\n" +
		"Read more: The the council elections next year\n\nThe vote was seven to two.\n"
	writeFile(t, dir, "story.txt", story)
	r := runCLI(t, dir, "", "check", "--diff", "story.txt")
	if !strings.Contains(r.stderr, "story.txt:5: fix from repetition/doubled-word not applied: overlaps an earlier fix at line 5") {
		t.Errorf("the skipped fix is not reported:\n%s", r.stderr)
	}
	if !strings.Contains(r.stderr, "1 fix in 1 file would be applied; 1 fix skipped") {
		t.Errorf("skipped fixes not counted:\n%s", r.stderr)
	}
	// The paragraph and one blank line go; the diff may show either blank
	// line of the two as the one removed.
	if !strings.Contains(r.stdout, "-Read more: The the council elections next year\n-\n") && !strings.Contains(r.stdout, "-\n-Read more: The the council elections next year\n") {
		t.Errorf("the line deletion is not in the diff:\n%s", r.stdout)
	}
}

func TestFixRefusesReadOnlyFiles(t *testing.T) {
	dir := t.TempDir()
	ro := writeFile(t, dir, "locked.txt", fixableStory)
	rw := writeFile(t, dir, "open.txt", fixableStory)
	if err := os.Chmod(ro, 0o444); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, dir, "", "check", "--fix", "open.txt", "locked.txt")
	if r.code != exitUsage {
		t.Errorf("exit %d, want 2", r.code)
	}
	if !strings.Contains(r.stderr, "locked.txt: cannot fix: the file is read-only; nothing was written") {
		t.Errorf("no clear message:\n%s", r.stderr)
	}
	for _, p := range []string{ro, rw} {
		if got, _ := os.ReadFile(p); string(got) != fixableStory {
			t.Errorf("%s was written although a file of the run is read-only", p)
		}
	}
	noTempFiles(t, dir)
}

// TestFixRefusesFileChangedDuringRun saves the file while copydesk runs: the
// only plugin is a script that appends to the story as it starts (after
// copydesk has read its inputs) and then serves the test plugin "words",
// whose find-word rule suggests a fix.
func TestFixRefusesFileChangedDuringRun(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs a shell script as plugin")
	}
	dir := t.TempDir()
	p := writeFile(t, dir, "story.txt", fixableStory)
	bin := buildPlugin(t, dir, "./core/host/testdata/testplugin", "testplugin")
	script := "#!/bin/sh\necho 'A line the editor saved meanwhile.' >> '" + p + "'\nexec '" + bin + "' __plugin words\n"
	if err := os.WriteFile(filepath.Join(dir, "saver.sh"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	toml := "[repetition]\nenabled = false\n[fragment]\nenabled = false\n[strayui]\nenabled = false\n" +
		"[quotes]\nenabled = false\n[byline]\nenabled = false\n[contradiction]\nenabled = false\n[consistency]\nenabled = false\n" +
		"[words]\npath = \"saver.sh\"\n[words.rules.find-word]\nword = \"harbour\"\n"
	writeFile(t, dir, "rules.toml", toml)
	r := runCLI(t, dir, "", "check", "--fix", "story.txt")
	if r.code != exitUsage {
		t.Errorf("exit %d, want 2; stderr:\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "story.txt changed on disk after it was checked; not overwritten") {
		t.Errorf("no clear message:\n%s", r.stderr)
	}
	got, _ := os.ReadFile(p)
	if string(got) != fixableStory+"A line the editor saved meanwhile.\n" {
		t.Errorf("the editor's save was overwritten:\n%s", got)
	}
}

func TestFixFlagsRefusals(t *testing.T) {
	r := runCLI(t, "", fixableStory, "check", "--fix", "-")
	if r.code != exitUsage || !strings.Contains(r.stderr, "--fix cannot write back to standard input") {
		t.Errorf("--fix on stdin: exit %d, stderr %s", r.code, r.stderr)
	}
	r = runCLI(t, "", fixableStory, "check", "--fix", "--diff", "-")
	if r.code != exitUsage || !strings.Contains(r.stderr, "not both") {
		t.Errorf("--fix --diff: exit %d, stderr %s", r.code, r.stderr)
	}
	// --diff on standard input shows the changes under the stdin name.
	r = runCLI(t, "", fixableStory, "check", "--diff", "--stdin-name", "desk/story.txt", "-")
	if r.code != exitFindings || !strings.HasPrefix(r.stdout, "--- desk/story.txt\n+++ desk/story.txt\n") {
		t.Errorf("--diff on stdin: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
}

// TestChecksNeverWrite: without --fix no file is touched, whatever the
// format.
func TestChecksNeverWrite(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "story.txt", fixableStory)
	before, _ := os.Stat(p)
	for _, format := range []string{"text", "json", "html"} {
		runCLI(t, dir, "", "check", "--format", format, "story.txt")
	}
	after, _ := os.Stat(p)
	got, _ := os.ReadFile(p)
	if string(got) != fixableStory || !after.ModTime().Equal(before.ModTime()) {
		t.Error("a check without --fix modified the file")
	}
	noTempFiles(t, dir)
}

func TestHTMLFormat(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "story.txt", fixableStory)
	j := decode(t, runCLI(t, dir, "", "check", "--format", "json", "story.txt").stdout)
	h := runCLI(t, dir, "", "check", "--format", "html", "story.txt")
	if !strings.HasPrefix(h.stdout, "<!DOCTYPE html>") || !strings.HasSuffix(h.stdout, "</html>\n") {
		t.Fatalf("not an HTML page:\n%.300s", h.stdout)
	}
	if n := len(j.Files[0].Diagnostics); n == 0 || strings.Count(h.stdout, `<li id="l-f0-d`) != n {
		t.Errorf("the page lists %d findings, the JSON %d", strings.Count(h.stdout, `<li id="l-f0-d`), n)
	}
	if regexp.MustCompile(`(?i)https?://|\bsrc\s*=|<link\b`).MatchString(h.stdout) {
		t.Error("the page refers to outside resources")
	}
}

// TestProgressBar runs a batch with stderr on a pseudo-terminal: the bar is
// drawn there, and stdout (the report) is byte for byte what a run without a
// terminal prints. With stderr piped there is no bar.
func TestProgressBar(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs a Unix pseudo-terminal")
	}
	dir := t.TempDir()
	const n = 25
	for i := 0; i < n; i++ {
		story := fixableStory
		if i%2 == 0 {
			story = cleanStory
		}
		writeFile(t, dir, filepath.Join("desk", string(rune('a'+i))+".txt"), story)
	}
	plain := runCLI(t, dir, "", "check", "--format", "json", "desk")
	if strings.Contains(plain.stderr, "checking") {
		t.Errorf("progress bar drawn on a stderr that is not a terminal:\n%s", plain.stderr)
	}

	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	cmd := exec.Command(binary, "check", "--format", "json", "desk")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var stdout bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, tty
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	var term bytes.Buffer
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // drain the terminal; reading fails with EIO once the child is gone
		defer wg.Done()
		io.Copy(&term, ptmx)
	}()
	err = cmd.Wait()
	if ee, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	} else if ok && ee.ExitCode() != plain.code {
		t.Errorf("exit %d on a terminal, %d without", ee.ExitCode(), plain.code)
	}
	ptmx.Close()
	wg.Wait()
	if !strings.Contains(term.String(), "checking") || !strings.Contains(term.String(), "0/25") {
		t.Errorf("no progress bar on the terminal:\n%q", term.String())
	}
	if stdout.String() != plain.stdout {
		t.Errorf("the report differs when the bar is drawn:\n%s\nvs\n%s", stdout.String(), plain.stdout)
	}
	var v any
	if err := json.Unmarshal(stdout.Bytes(), &v); err != nil {
		t.Errorf("stdout is not clean JSON with the bar on: %v", err)
	}
}

// TestFixExampleArticle fixes the repository's example article, whose
// defects include page furniture at its end that two rules delete as
// touching ranges: the fixed copy has no blank-line pile-up and no trailing
// blank line, and is what the diff predicted.
func TestFixExampleArticle(t *testing.T) {
	src, err := os.ReadFile(repoFile(t, "testdata/example-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	p := writeFile(t, dir, "example.txt", string(src))
	d := runCLI(t, dir, "", "check", "--diff", "example.txt")
	predicted := applyPatch(t, "example.txt", string(src), d.stdout)
	f := runCLI(t, dir, "", "check", "--fix", "example.txt")
	if f.code == exitUsage || f.code == exitFailure {
		t.Fatalf("--fix exit %d:\n%s", f.code, f.stderr)
	}
	got, _ := os.ReadFile(p)
	if predicted != "" && string(got) != predicted {
		t.Errorf("--fix and --diff disagree")
	}
	if bytes.Contains(got, []byte("\n\n\n")) || bytes.HasSuffix(got, []byte("\n\n")) {
		t.Errorf("blank lines piled up:\n%s", got)
	}
	if len(got) >= len(src) {
		t.Errorf("nothing was fixed")
	}
}

// editorInputs writes the fixable story as Markdown, HTML and CMS JSON (with
// JSON escapes in the body) and returns their names.
func editorInputs(t *testing.T, dir string) []string {
	t.Helper()
	md := "# " + strings.Replace(fixableStory, "approved the the", "approved *the the*", 1)
	var html strings.Builder
	html.WriteString("<html><body>\n")
	for i, para := range strings.Split(strings.TrimSpace(fixableStory), "\n\n") {
		tag := "p"
		if i == 0 {
			tag = "h1"
		}
		html.WriteString("<" + tag + ">" + strings.ReplaceAll(para, "“", "&ldquo;") + "</" + tag + ">\n")
	}
	html.WriteString("</body></html>\n")
	body, _ := json.Marshal(strings.Join(strings.Split(fixableStory, "\n\n")[1:], "\n\n"))
	// Escape the curly quotes as \u201c/\u201d, as some CMS exports do.
	esc := strings.NewReplacer("“", `\u201c`, "”", `\u201d`).Replace(string(body))
	cms := `{"headline": "Harbour board backs café expansion", "byline": "By Mara Lind", "body": ` + esc + "}\n"
	writeFile(t, dir, "story.md", md)
	writeFile(t, dir, "story.html", html.String())
	writeFile(t, dir, "story.json", cms)
	return []string{"story.md", "story.html", "story.json"}
}

func TestFixMarkdownHTMLAndJSON(t *testing.T) {
	dir := t.TempDir()
	names := editorInputs(t, dir)
	r := runCLI(t, dir, "", append([]string{"check", "--fix", "--format", "json"}, names...)...)
	if r.code == exitUsage || r.code == exitFailure {
		t.Fatalf("exit %d:\n%s", r.code, r.stderr)
	}
	for _, n := range names {
		got, _ := os.ReadFile(filepath.Join(dir, n))
		if bytes.Contains(got, []byte("the the")) || bytes.Contains(got, []byte("Share this")) {
			t.Errorf("%s not fixed:\n%s", n, got)
		}
		if bytes.Contains(got, []byte("\n\n\n")) {
			t.Errorf("%s: blank lines piled up:\n%s", n, got)
		}
	}
	var cms map[string]string
	got, _ := os.ReadFile(filepath.Join(dir, "story.json"))
	if err := json.Unmarshal(got, &cms); err != nil {
		t.Fatalf("the fixed CMS file is no longer JSON: %v\n%s", err, got)
	}
	if !strings.Contains(cms["body"], "“a modest step”") || strings.Contains(cms["body"], "Read more") {
		t.Errorf("CMS body after fixing: %q", cms["body"])
	}
	for _, f := range decode(t, r.stdout).Files {
		if f.Error != "" {
			t.Errorf("%s no longer parses after fixing: %s", f.Path, f.Error)
		}
	}
}

// TestHTMLReportInBrowser loads the HTML report of real runs (Markdown,
// HTML, CMS JSON, the example article, and the seed article when ../shared
// is there) in headless Chromium and checks that every finding of the JSON
// report of the same run is highlighted on exactly its source text.
func TestHTMLReportInBrowser(t *testing.T) {
	var chromium string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			chromium = p
			break
		}
	}
	if chromium == "" {
		t.Skip("no chromium binary on PATH (.ci/run installs Debian's chromium)")
	}
	dir := t.TempDir()
	inputs := editorInputs(t, dir)
	inputs = append(inputs, repoFile(t, "testdata/example-article.txt"))
	if seed := repoFile(t, "../shared/corpus/seed/blinken-china-trip.txt"); fileExists(seed) {
		inputs = append(inputs, seed)
	}
	jsonRun := runCLI(t, dir, "", append([]string{"check", "--format", "json"}, inputs...)...)
	h := runCLI(t, dir, "", append([]string{"check", "--format", "html"}, inputs...)...)
	page := filepath.Join(dir, "report.html")
	writeFile(t, dir, "report.html", h.stdout)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.NoSandbox,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.ToSlash(page))); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](`(() => {
		const out = {};
		document.querySelectorAll("mark[data-d]").forEach(m => {
			const id = m.getAttribute("data-d");
			out[id] = (out[id] || "") + m.textContent;
		});
		return out;
	})()`))
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	var offsets struct {
		Files []struct {
			Path        string
			Diagnostics []struct {
				Message   string
				Offset    int `json:"offset"`
				EndOffset int `json:"end_offset"`
			}
		}
	}
	if err := json.Unmarshal([]byte(jsonRun.stdout), &offsets); err != nil {
		t.Fatal(err)
	}
	total := 0
	for i, f := range offsets.Files {
		path := f.Path
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, path)
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for k, d := range f.Diagnostics {
			total++
			id := fmt.Sprintf("f%d-d%d", i, k)
			want := strings.ReplaceAll(string(src[d.Offset:d.EndOffset]), "\r\n", "\n")
			if got[id] != want {
				t.Errorf("%s %s (%s): highlighted %q, want %q", f.Path, id, d.Message, got[id], want)
			}
		}
	}
	if total == 0 || len(got) != total {
		t.Errorf("%d highlighted findings in the page, %d in the JSON report", len(got), total)
	}
	t.Logf("%d findings over %d files highlighted on their source text", total, len(offsets.Files))
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// --fix and --diff act only on the findings the report shows: a finding the
// baseline hides keeps its text, and the count of hidden findings after the
// re-check is not doubled.
func TestFixLeavesBaselinedFindings(t *testing.T) {
	dir := t.TempDir()
	old := "Harbour board backs café expansion\n\n" +
		"The harbour board approved the the expansion of the pier café on Thursday.\n\n" +
		"Members voted five to two in favour.\n"
	p := writeFile(t, dir, "story.txt", old)
	if r := runCLI(t, dir, "", "baseline", "--output", "baseline.json", "story.txt"); r.code != exitOK {
		t.Fatalf("baseline: exit %d, stderr %s", r.code, r.stderr)
	}
	// A new defect arrives below the recorded one.
	edited := strings.Replace(old, "Members voted", "Share this article\n\nMembers voted", 1)
	writeFile(t, dir, "story.txt", edited)

	d := runCLI(t, dir, "", "check", "--diff", "--baseline", "baseline.json", "story.txt")
	if strings.Contains(d.stdout, "-The harbour board approved the the") || !strings.Contains(d.stdout, "-Share this article") {
		t.Errorf("--diff with a baseline should remove only the new furniture:\n%s", d.stdout)
	}
	f := runCLI(t, dir, "", "check", "--fix", "--format", "json", "--fail-on", "info", "--baseline", "baseline.json", "story.txt")
	got, _ := os.ReadFile(p)
	if !strings.Contains(string(got), "approved the the expansion") {
		t.Errorf("--fix changed a baselined finding's text:\n%s", got)
	}
	if strings.Contains(string(got), "Share this article") {
		t.Errorf("--fix left the new finding:\n%s", got)
	}
	if !strings.Contains(f.stderr, "applied 1 fix in 1 file") || !strings.Contains(f.stderr, "1 finding hidden by the baseline") {
		t.Errorf("--fix summary: exit %d, stderr:\n%s", f.code, f.stderr)
	}
	if out := decode(t, f.stdout); len(out.Files) != 1 || len(out.Files[0].Diagnostics) != 0 {
		t.Errorf("after --fix the report should be empty (the rest is baselined): %+v", out.Files)
	}
	if f.code != exitOK {
		t.Errorf("--fix exit %d, want 0", f.code)
	}
}

// A doubled word inside a direct quotation and another outside one.
const quotedStory = "Harbour board backs café expansion\n\n" +
	"“We want to make sure the the pier stays open all year,” said board chair Olu Adeyemi.\n\n" +
	"The board approved the the expansion of the pier café on Thursday.\n"

// TestFixLeavesQuotations: --fix and --diff leave a finding inside a direct
// quotation alone (a desk checks the source before changing a quote's
// words); the finding keeps its suggestion, says it is quoted and carries
// in_quote; --fix-quoted applies it too.
func TestFixLeavesQuotations(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "story.txt", quotedStory)

	j := runCLI(t, dir, "", "check", "--format", "json", "story.txt")
	var inQuote, outside int
	for _, d := range decode(t, j.stdout).Files[0].Diagnostics {
		if d.Rule != "repetition/doubled-word" {
			continue
		}
		if d.InQuote {
			inQuote++
			if len(d.Suggestions) == 0 || !strings.Contains(d.Message, "quotation") {
				t.Errorf("a quoted finding keeps its suggestion and says it is quoted: %+v", d)
			}
		} else {
			outside++
		}
	}
	if inQuote != 1 || outside != 1 {
		t.Fatalf("doubled words: %d in a quotation, %d outside, want 1 and 1:\n%s", inQuote, outside, j.stdout)
	}

	d := runCLI(t, dir, "", "check", "--diff", "story.txt")
	if !strings.Contains(d.stdout, "+The board approved the expansion") || strings.Contains(d.stdout, "+“We want to make sure the pier") {
		t.Errorf("--diff must fix outside the quotation only:\n%s", d.stdout)
	}
	f := runCLI(t, dir, "", "check", "--fix", "story.txt")
	got, _ := os.ReadFile(p)
	if !strings.Contains(string(got), "make sure the the pier") || strings.Contains(string(got), "approved the the") {
		t.Errorf("--fix must fix outside the quotation only:\n%s", got)
	}
	if !strings.Contains(f.stderr, "--fix-quoted") {
		t.Errorf("--fix must say why the quoted fix was left: %s", f.stderr)
	}
	runCLI(t, dir, "", "check", "--fix", "--fix-quoted", "story.txt")
	if got, _ := os.ReadFile(p); strings.Contains(string(got), "the the") {
		t.Errorf("--fix --fix-quoted must fix inside the quotation too:\n%s", got)
	}
	if r := runCLI(t, dir, "", "check", "--fix-quoted", "story.txt"); r.code != exitUsage {
		t.Errorf("--fix-quoted without --fix or --diff: exit %d, want 2", r.code)
	}
}
