package host

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"

	"github.com/copydesk/copydesk/internal/proc"
)

// testBin serves the test plugins of testdata/testplugin; exampleBin is
// plugins/example-external. Both are built once by TestMain.
var testBin, exampleBin string

func TestMain(m *testing.M) {
	if bin := os.Getenv(helperEnv); bin != "" {
		runHelper(bin)
		return
	}
	dir, err := os.MkdirTemp("", "copydesk-host-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	testBin = filepath.Join(dir, "testplugin")
	exampleBin = filepath.Join(dir, "example-external")
	for _, b := range []struct{ out, pkg string }{
		{testBin, "./testdata/testplugin"},
		{exampleBin, "../../plugins/example-external"},
	} {
		cmd := exec.Command("go", "build", "-o", b.out, b.pkg)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "building %s: %v\n", b.pkg, err)
			os.Exit(1)
		}
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// testCtx bounds every test: nothing here may hang the suite.
func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func quietLogger() hclog.Logger {
	return hclog.New(&hclog.LoggerOptions{Level: hclog.Off, Output: io.Discard})
}

func testOptions() Options {
	return Options{Executable: testBin, Logger: quietLogger(), StartTimeout: 10 * time.Second, CheckTimeout: 10 * time.Second}
}

func builtin(names ...string) []Spec {
	specs := make([]Spec, len(names))
	for i, n := range names {
		specs[i] = Spec{Name: n, Builtin: true}
	}
	return specs
}

// start starts plugins that must all start, closing the host at cleanup.
func start(t *testing.T, opts Options, specs ...Spec) *Host {
	t.Helper()
	h, errs := Start(testCtx(t), specs, opts)
	t.Cleanup(h.Close)
	for _, e := range errs {
		t.Fatalf("start: %v", e)
	}
	if got := len(h.Plugins()); got != len(specs) {
		t.Fatalf("%d plugins running, want %d", got, len(specs))
	}
	return h
}

func newArticle(text string) *article.Article {
	b := article.NewBuilder("test.txt", article.FormatText, []byte(text))
	b.Copy(text, 0)
	b.AddBlock(article.Paragraph, "", 0, len(text))
	return b.Finish()
}

func pluginNamed(t *testing.T, h *Host, name string) *Plugin {
	t.Helper()
	for _, p := range h.Plugins() {
		if p.Name() == name {
			return p
		}
	}
	t.Fatalf("no plugin %s", name)
	return nil
}

func ruleNames(fs []sdk.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return out
}

func TestDescribeConfigureCheck(t *testing.T) {
	ctx := testCtx(t)
	h := start(t, testOptions(), builtin("words")...)
	p := h.Plugins()[0]

	info := p.Info()
	if info.Name != "words" || info.Version != "0.1.0" || len(info.Rules) != 2 {
		t.Fatalf("Describe: got %+v", info)
	}
	fw := info.Rule("find-word")
	if fw == nil || fw.Category != "test" || fw.Severity != sdk.Warning || fw.Check != nil ||
		fw.Example.Before != "a banana" || len(fw.Options) != 2 || fw.Options[0].Default != "banana" || fw.Options[1].Default != float64(0) {
		t.Fatalf("Describe: find-word is %+v", fw)
	}
	if ex := info.Rule("exclaim"); ex == nil || !ex.Disabled {
		t.Fatalf("Describe: exclaim should be disabled by default: %+v", ex)
	}
	if len(info.Options) != 1 || info.Options[0].Name != "prefix" {
		t.Fatalf("Describe: plugin options %+v", info.Options)
	}

	// Before Configure the defaults apply.
	text := "A banana and a cherry!!! Another banana."
	r := p.Check(ctx, newArticle(text))
	if r.Err != nil || len(r.Findings) != 2 || r.Findings[0].Span != (sdk.Span{Start: 2, End: 8}) || r.Findings[0].Message != "found banana" {
		t.Fatalf("default check: %+v", r)
	}
	f := r.Findings[0]
	if f.Severity != sdk.Warning || f.Category != "test" || len(f.Suggestions) != 1 || f.Suggestions[0].Replacement != "apple" || len(f.Related) != 1 {
		t.Fatalf("finding lost detail on the wire: %+v", f)
	}

	err := p.Configure(ctx, sdk.Options{"prefix": "house: "}, map[string]sdk.RuleSettings{
		"find-word": {Enabled: true, Severity: sdk.Error, Options: sdk.Options{"word": "cherry"}},
		"exclaim":   {Enabled: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	r = p.Check(ctx, newArticle(text))
	if r.Err != nil || len(r.Findings) != 2 {
		t.Fatalf("configured check: %+v", r)
	}
	if r.Findings[0].Message != "house: found cherry" || r.Findings[0].Severity != sdk.Error || r.Findings[1].Rule != "exclaim" {
		t.Fatalf("configured check: %+v", r.Findings)
	}

	// Bad values are refused with a message naming them; the previous
	// configuration stays.
	for _, bad := range []struct {
		plugin sdk.Options
		rules  map[string]sdk.RuleSettings
		want   string
	}{
		{nil, map[string]sdk.RuleSettings{"find-word": {Enabled: true, Options: sdk.Options{"word": 3}}}, "option word wants a string"},
		{nil, map[string]sdk.RuleSettings{"find-word": {Enabled: true, Options: sdk.Options{"colour": "red"}}}, `unknown option "colour"`},
		{nil, map[string]sdk.RuleSettings{"nope": {Enabled: true}}, `no rule "nope"`},
		{sdk.Options{"prefix": "bad"}, nil, `prefix "bad" is not allowed`},
	} {
		err := p.Configure(ctx, bad.plugin, bad.rules)
		if err == nil || !strings.Contains(err.Error(), bad.want) || !strings.Contains(err.Error(), "words") {
			t.Errorf("Configure(%v, %v) = %v, want an error with %q", bad.plugin, bad.rules, err, bad.want)
		}
	}
	if r := p.Check(ctx, newArticle(text)); r.Err != nil || len(r.Findings) != 2 || r.Findings[0].Message != "house: found cherry" {
		t.Fatalf("a refused Configure changed the session: %+v", r)
	}
}

func TestCheckAllPipelines(t *testing.T) {
	ctx := testCtx(t)
	h := start(t, testOptions(), builtin("words")...)
	p := h.Plugins()[0]
	const n = 2000
	arts := make([]*article.Article, n)
	for i := range arts {
		arts[i] = newArticle(fmt.Sprintf("Article %d.%s", i, strings.Repeat(" banana", i%4)))
	}
	res := p.CheckAll(ctx, arts)
	if len(res) != n {
		t.Fatalf("%d results for %d articles", len(res), n)
	}
	for i, r := range res {
		if r.Err != nil || len(r.Findings) != i%4 {
			t.Fatalf("article %d: %d findings, err %v; want %d", i, len(r.Findings), r.Err, i%4)
		}
		for _, f := range r.Findings {
			if arts[i].Slice(f.Span) != "banana" {
				t.Fatalf("article %d: finding on %q", i, arts[i].Slice(f.Span))
			}
		}
	}
	if res := p.CheckAll(ctx, nil); len(res) != 0 {
		t.Fatalf("no articles: %v", res)
	}

	// An article protobuf cannot carry fails alone.
	bad := article.FromWire("bad.txt", article.FormatText, "banana \xff", nil, nil, "")
	res = p.CheckAll(ctx, []*article.Article{arts[1], bad, nil, arts[3]})
	if res[0].Err != nil || len(res[0].Findings) != 1 || res[3].Err != nil || len(res[3].Findings) != 3 {
		t.Fatalf("good articles next to bad ones: %+v", res)
	}
	if res[1].Err == nil || !strings.Contains(res[1].Err.Error(), "UTF-8") || res[2].Err == nil {
		t.Fatalf("bad articles: %+v", res[1:3])
	}
	if r := p.Check(ctx, bad); r.Err == nil {
		t.Fatal("unary check of invalid UTF-8 succeeded")
	}
}

func TestPanickingRule(t *testing.T) {
	ctx := testCtx(t)
	h := start(t, testOptions(), builtin("panicky")...)
	p := h.Plugins()[0]
	arts := []*article.Article{newArticle("one banana"), newArticle("two banana banana")}
	for _, res := range [][]Result{p.CheckAll(ctx, arts), {p.Check(ctx, arts[0]), p.Check(ctx, arts[1])}} {
		for i, r := range res {
			if r.Err != nil {
				t.Fatalf("article %d: %v", i, r.Err)
			}
			if len(r.Findings) != i+1 || len(r.Failures) != 1 || r.Failures[0].Rule != "boom" || !strings.Contains(r.Failures[0].Error, "boom") {
				t.Fatalf("article %d: %+v", i, r)
			}
		}
	}
}

func TestCrashingPlugin(t *testing.T) {
	ctx := testCtx(t)
	h := start(t, testOptions(), builtin("crash", "words")...)
	crash, words := pluginNamed(t, h, "crash"), pluginNamed(t, h, "words")
	pid := crash.PID()
	arts := []*article.Article{newArticle("banana"), newArticle("banana"), newArticle("CRASH banana"), newArticle("banana")}
	res := crash.CheckAll(ctx, arts)
	for i := 0; i < 2; i++ {
		if res[i].Err != nil || len(res[i].Findings) != 1 {
			t.Errorf("article %d answered before the crash lost its findings: %+v", i, res[i])
		}
	}
	for i := 2; i < 4; i++ {
		if res[i].Err == nil || !strings.Contains(res[i].Err.Error(), "crashed") {
			t.Errorf("article %d after the crash: err %v", i, res[i].Err)
		}
	}
	if !strings.Contains(res[2].Err.Error(), "deliberate crash") {
		t.Errorf("the crash error does not quote the panic: %v", res[2].Err)
	}
	if proc.Alive(pid) {
		t.Errorf("crashed plugin %d still alive", pid)
	}
	// The other plugin is unaffected.
	for i, r := range words.CheckAll(ctx, arts) {
		if r.Err != nil || len(r.Findings) != 1 {
			t.Errorf("words, article %d: %+v", i, r)
		}
	}
	// Later calls fail fast; Restart brings it back with its configuration.
	if r := crash.Check(ctx, arts[0]); r.Err == nil {
		t.Error("Check on a crashed plugin succeeded")
	}
	if err := crash.Configure(ctx, nil, map[string]sdk.RuleSettings{"find-word": {Enabled: true, Options: sdk.Options{"word": "CRASH"}}, "crash": {Enabled: false}}); err == nil {
		t.Error("Configure on a crashed plugin succeeded")
	}
	if err := crash.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	if r := crash.Check(ctx, arts[2]); r.Err == nil {
		t.Error("restarted plugin should still crash on CRASH (no Configure was applied)")
	}
	if err := crash.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	if err := crash.Configure(ctx, nil, map[string]sdk.RuleSettings{"find-word": {Enabled: true, Options: sdk.Options{"word": "CRASH"}}, "crash": {Enabled: false}}); err != nil {
		t.Fatal(err)
	}
	if err := crash.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	if r := crash.Check(ctx, arts[2]); r.Err != nil || len(r.Findings) != 1 || r.Findings[0].Message != "found CRASH" {
		t.Errorf("Restart did not re-apply Configure: %+v", r)
	}
	pids := []int{crash.PID(), words.PID()}
	h.Close()
	for _, pid := range pids {
		if proc.Alive(pid) {
			t.Errorf("process %d outlived Close", pid)
		}
	}
}

func TestHangingPlugin(t *testing.T) {
	ctx := testCtx(t)
	opts := testOptions()
	opts.CheckTimeout = 2 * time.Second // long enough for a loaded machine to answer the others
	h := start(t, opts, builtin("hang", "words")...)
	hang, words := pluginNamed(t, h, "hang"), pluginNamed(t, h, "words")
	pid := hang.PID()
	arts := []*article.Article{newArticle("banana"), newArticle("HANG banana"), newArticle("banana")}
	res := hang.CheckAll(ctx, arts)
	if res[0].Err != nil || len(res[0].Findings) != 1 {
		t.Errorf("article answered before the hang: %+v", res[0])
	}
	for i := 1; i < 3; i++ {
		if res[i].Err == nil || !strings.Contains(res[i].Err.Error(), "did not answer") {
			t.Errorf("article %d: err %v", i, res[i].Err)
		}
	}
	if proc.Alive(pid) {
		t.Errorf("hung plugin %d was not stopped", pid)
	}
	for i, r := range words.CheckAll(ctx, arts) {
		if r.Err != nil || len(r.Findings) != 1 {
			t.Errorf("words, article %d: %+v", i, r)
		}
	}
	// The unary call has the same deadline.
	if err := hang.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	pid = hang.PID()
	if r := hang.Check(ctx, arts[1]); r.Err == nil || !strings.Contains(r.Err.Error(), "did not answer") {
		t.Errorf("unary check of a hanging plugin: %+v", r)
	}
	if proc.Alive(pid) {
		t.Errorf("hung plugin %d was not stopped", pid)
	}
}

func TestInvalidFindings(t *testing.T) {
	ctx := testCtx(t)
	opts := testOptions()
	opts.MaxFindings = 50
	opts.CheckTimeout = 50 * time.Second // a million findings take a while to make
	h := start(t, opts, builtin("badspan", "million", "words")...)
	arts := []*article.Article{newArticle("banana"), newArticle("two banana")}
	for _, tc := range []struct{ plugin, want string }{
		{"badspan", "outside the article"},
		{"million", "1000001 findings for one article, more than the limit of 50"},
	} {
		p := pluginNamed(t, h, tc.plugin)
		runs := [][]Result{p.CheckAll(ctx, arts)}
		if tc.plugin == "badspan" {
			// A million findings take seconds to make; once is enough.
			runs = append(runs, []Result{p.Check(ctx, arts[0]), p.Check(ctx, arts[1])})
		}
		for _, res := range runs {
			for i, r := range res {
				if r.Err == nil || !strings.Contains(r.Err.Error(), "invalid findings") || !strings.Contains(r.Err.Error(), tc.want) || len(r.Findings) != 0 {
					t.Errorf("%s, article %d: %+v, want an error with %q", tc.plugin, i, r, tc.want)
				}
			}
		}
		// The plugin is faulty for those articles, not dead.
		if _, err := p.current(); err != nil {
			t.Errorf("%s was stopped for invalid findings: %v", tc.plugin, err)
		}
	}
	for i, r := range pluginNamed(t, h, "words").CheckAll(ctx, arts) {
		if r.Err != nil || len(r.Findings) != 1 {
			t.Errorf("words, article %d: %+v", i, r)
		}
	}
}

func TestStartFailures(t *testing.T) {
	ctx := testCtx(t)
	dir := t.TempDir()
	notExec := filepath.Join(dir, "plugin.txt")
	if err := os.WriteFile(notExec, []byte("#!/bin/sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	specs := append(builtin("words", "garbage", "nosuch", "future"),
		Spec{Name: "missing", Path: filepath.Join(dir, "missing")},
		Spec{Name: "notexec", Path: notExec},
		Spec{Name: "dir", Path: dir},
		Spec{Name: "nopath"},
		Spec{Name: "words"},
	)
	h, errs := Start(ctx, specs, testOptions())
	defer h.Close()
	if ps := h.Plugins(); len(ps) != 1 || ps[0].Name() != "words" {
		t.Fatalf("running: %v", ps)
	}
	// A plugin that never shakes hands costs the start timeout, no more.
	opts := testOptions()
	opts.StartTimeout = time.Second
	h2, errs2 := Start(ctx, builtin("silent"), opts)
	h2.Close()
	errs = append(errs, errs2...)
	want := map[string]string{
		"garbage": `wrote "Hello! I am not a plugin." to stdout instead of the plugin handshake`,
		"silent":  "did not complete the plugin handshake within 1s",
		"nosuch":  "exited before the plugin handshake\nplugin stderr:\ncopydesk: no built-in plugin \"nosuch\"",
		"future":  "speaks another version of the copydesk plugin protocol (incompatible API version with plugin. Plugin version: 2, Client versions: [1]; this copydesk speaks 1)",
		"missing": "does not exist",
		"notexec": "is not executable",
		"dir":     "is a directory",
		"nopath":  "no path",
		"words":   "listed twice",
	}
	if len(errs) != len(want) {
		t.Errorf("%d errors, want %d: %v", len(errs), len(want), errs)
	}
	for _, e := range errs {
		w, ok := want[e.Plugin]
		if !ok || !strings.Contains(e.Error(), w) || !strings.HasPrefix(e.Error(), "plugin "+e.Plugin+": ") {
			t.Errorf("%s: %v; want %q", e.Plugin, e, w)
		}
	}
}

func TestExternalPluginChecksum(t *testing.T) {
	ctx := testCtx(t)
	b, err := os.ReadFile(exampleBin)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	good := hex.EncodeToString(sum[:])
	sum[0] ^= 0xff
	bad := hex.EncodeToString(sum[:])
	h, errs := Start(ctx, []Spec{
		{Name: "house", Path: exampleBin, SHA256: good},
		{Name: "tampered", Path: exampleBin, SHA256: bad},
		{Name: "typo", Path: exampleBin, SHA256: "abc"},
		{Name: "unpinned", Path: exampleBin},
	}, testOptions())
	defer h.Close()
	if len(errs) != 2 {
		t.Fatalf("errors: %v", errs)
	}
	for _, e := range errs {
		switch e.Plugin {
		case "tampered":
			if !strings.Contains(e.Error(), "sha256 does not match") {
				t.Errorf("tampered: %v", e)
			}
		case "typo":
			if !strings.Contains(e.Error(), "not a 64-digit hex checksum") {
				t.Errorf("typo: %v", e)
			}
		default:
			t.Errorf("unexpected error %v", e)
		}
	}
	p := pluginNamed(t, h, "house")
	if p.Info().Rule("banned-words") == nil {
		t.Fatalf("example plugin: %+v", p.Info())
	}
	if err := p.Configure(ctx, nil, map[string]sdk.RuleSettings{"banned-words": {Enabled: true, Options: sdk.Options{"words": []any{"synergy"}}}}); err != nil {
		t.Fatal(err)
	}
	r := p.Check(ctx, newArticle("The merger promised synergy."))
	if r.Err != nil || len(r.Findings) != 1 || r.Findings[0].Rule != "banned-words" {
		t.Fatalf("example plugin check: %+v", r)
	}
}

func TestCloseKillsEverythingAndRemovesSockets(t *testing.T) {
	ctx := testCtx(t)
	h := start(t, testOptions(), builtin("words", "words2", "hang")...)
	dir := h.socketDir
	if entries, err := os.ReadDir(dir); err != nil || len(entries) == 0 {
		t.Fatalf("socket dir %s: %v, %d entries; the plugins' sockets should be there", dir, err, len(entries))
	}
	var pids []int
	for _, p := range h.Plugins() {
		pids = append(pids, p.PID())
	}
	// Close while a plugin is busy hanging: Close must not wait for it.
	hang := pluginNamed(t, h, "hang")
	done := make(chan Result, 1)
	go func() { done <- hang.Check(ctx, newArticle("HANG")) }()
	time.Sleep(50 * time.Millisecond) // let the check reach the plugin; correctness does not depend on it
	h.Close()
	h.Close() // idempotent
	if r := <-done; r.Err == nil {
		t.Error("a check interrupted by Close succeeded")
	}
	for _, pid := range pids {
		if proc.Alive(pid) {
			t.Errorf("process %d outlived Close", pid)
		}
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("socket dir %s not removed: %v", dir, err)
	}
	if r := pluginNamed(t, h, "words").Check(ctx, newArticle("banana")); r.Err == nil {
		t.Error("Check after Close succeeded")
	}
	if err := hang.Restart(ctx); err == nil {
		t.Error("Restart after Close succeeded")
	}
}

func TestPluginEnvironmentIsMinimal(t *testing.T) {
	t.Setenv("CMS_API_TOKEN", "secret")
	opts := testOptions()
	var buf strings.Builder
	opts.Logger = hclog.New(&hclog.LoggerOptions{Level: hclog.Trace, Output: &syncWriter{w: &buf}})
	h := start(t, opts, builtin("env")...)
	pid := h.Plugins()[0].PID()
	h.Close()
	if proc.Alive(pid) {
		t.Fatal("plugin outlived Close")
	}
	out := buf.String()
	if !strings.Contains(out, "ENV PATH=") || !strings.Contains(out, "ENV PLUGIN_UNIX_SOCKET_DIR=") {
		t.Fatalf("plugin environment not logged: %s", out)
	}
	if strings.Contains(out, "CMS_API_TOKEN") {
		t.Error("the host's environment leaked into the plugin")
	}
}

// A clean run must not greet the user with log lines: killing plugins at
// Close is routine. A crash is not.
func TestCleanRunLogsNothing(t *testing.T) {
	ctx := testCtx(t)
	var buf strings.Builder
	w := &syncWriter{w: &buf}
	opts := testOptions()
	opts.Logger = hclog.New(&hclog.LoggerOptions{Level: hclog.Warn, Output: w})
	h := start(t, opts, builtin("words", "crash")...)
	if r := pluginNamed(t, h, "words").Check(ctx, newArticle("banana")); r.Err != nil {
		t.Fatal(r.Err)
	}
	h.Close()
	w.mu.Lock()
	out := buf.String()
	w.mu.Unlock()
	if out != "" {
		t.Fatalf("a clean run logged:\n%s", out)
	}

	h = start(t, opts, builtin("crash")...)
	if r := h.Plugins()[0].Check(ctx, newArticle("CRASH")); r.Err == nil {
		t.Fatal("no crash")
	}
	h.Close()
	w.mu.Lock()
	out = buf.String()
	w.mu.Unlock()
	if !strings.Contains(out, "[ERROR]") || !strings.Contains(out, "deliberate crash") {
		t.Fatalf("a crash was not logged as an error:\n%s", out)
	}
}
