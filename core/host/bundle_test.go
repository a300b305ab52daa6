package host

import (
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/internal/proc"
)

func bundleOptions() Options {
	opts := testOptions()
	opts.Bundle = true
	return opts
}

// samePID fails unless every named plugin runs in one process, and returns it.
func samePID(t *testing.T, h *Host, names ...string) int {
	t.Helper()
	pid := pluginNamed(t, h, names[0]).PID()
	for _, n := range names[1:] {
		if got := pluginNamed(t, h, n).PID(); got != pid || pid == 0 {
			t.Fatalf("%s runs in process %d, %s in %d: want one shared process", names[0], pid, n, got)
		}
	}
	return pid
}

// In a bundle, a panicking rule is that rule's failure and invalid findings
// are that ruleset's failure, for that article only: the shared process and
// the other rulesets carry on.
func TestBundlePanicAndInvalidFindings(t *testing.T) {
	ctx := testCtx(t)
	h := start(t, bundleOptions(), builtin("panicky", "badspan", "words")...)
	pid := samePID(t, h, "panicky", "badspan", "words")
	arts := []*article.Article{newArticle("one banana"), newArticle("two banana banana")}
	p := pluginNamed(t, h, "panicky")
	for _, res := range [][]Result{p.CheckAll(ctx, arts), {p.Check(ctx, arts[0]), p.Check(ctx, arts[1])}} {
		for i, r := range res {
			if r.Err != nil || len(r.Findings) != i+1 || len(r.Failures) != 1 || r.Failures[0].Rule != "boom" {
				t.Fatalf("panicky, article %d: %+v", i, r)
			}
		}
	}
	bad := pluginNamed(t, h, "badspan")
	for _, res := range [][]Result{bad.CheckAll(ctx, arts), {bad.Check(ctx, arts[0])}} {
		for i, r := range res {
			if r.Err == nil || !strings.Contains(r.Err.Error(), "plugin badspan returned invalid findings") {
				t.Errorf("badspan, article %d: %+v", i, r)
			}
		}
	}
	for i, r := range pluginNamed(t, h, "words").CheckAll(ctx, arts) {
		if r.Err != nil || len(r.Findings) != i+1 {
			t.Errorf("words, article %d: %+v", i, r)
		}
	}
	for _, n := range []string{"panicky", "badspan", "words"} {
		if !pluginNamed(t, h, n).Running() {
			t.Errorf("%s stopped", n)
		}
	}
	if got := samePID(t, h, "panicky", "badspan", "words"); got != pid {
		t.Errorf("the shared process changed from %d to %d", pid, got)
	}
}

// A crash of the shared process fails every bundled ruleset for the
// articles not yet answered, each named; a third-party plugin keeps its own
// process and carries on; Restart of any member brings all back with their
// configuration.
func TestBundleCrash(t *testing.T) {
	ctx := testCtx(t)
	h := start(t, bundleOptions(), Spec{Name: "crash", Builtin: true}, Spec{Name: "words", Builtin: true}, Spec{Name: "example", Path: exampleBin})
	crash, words, example := pluginNamed(t, h, "crash"), pluginNamed(t, h, "words"), pluginNamed(t, h, "example")
	pid := samePID(t, h, "crash", "words")
	if example.PID() == pid {
		t.Fatal("a third-party plugin runs in the built-ins' process")
	}
	if err := words.Configure(ctx, sdk.Options{"prefix": "w: "}, nil); err != nil {
		t.Fatal(err)
	}
	arts := []*article.Article{newArticle("banana"), newArticle("banana"), newArticle("CRASH banana"), newArticle("banana")}
	res := crash.CheckAll(ctx, arts)
	for i := 0; i < 2; i++ {
		if res[i].Err != nil || len(res[i].Findings) != 1 {
			t.Errorf("article %d answered before the crash lost its findings: %+v", i, res[i])
		}
	}
	for i := 2; i < 4; i++ {
		if res[i].Err == nil || !strings.Contains(res[i].Err.Error(), "plugin crash: the built-in rulesets' process (crash, words) crashed") {
			t.Errorf("article %d after the crash: err %v", i, res[i].Err)
		}
	}
	if !strings.Contains(res[2].Err.Error(), "deliberate crash") {
		t.Errorf("the crash error does not quote the panic: %v", res[2].Err)
	}
	if proc.Alive(pid) {
		t.Errorf("crashed process %d still alive", pid)
	}
	// Every member has lost the process, and says why.
	if r := words.Check(ctx, arts[0]); r.Err == nil || !strings.Contains(r.Err.Error(), "plugin words") || !strings.Contains(r.Err.Error(), "crashed") {
		t.Errorf("words after the shared process crashed: %+v", r)
	}
	// The third-party plugin is unaffected.
	if r := example.Check(ctx, arts[0]); r.Err != nil {
		t.Errorf("third-party plugin after the built-ins crashed: %v", r.Err)
	}
	// Restart of one member brings every member back, configured.
	if err := crash.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	newPID := samePID(t, h, "crash", "words")
	if newPID == pid {
		t.Fatal("Restart did not start a new process")
	}
	if r := words.Check(ctx, arts[0]); r.Err != nil || len(r.Findings) != 1 || r.Findings[0].Message != "w: found banana" {
		t.Errorf("words after the restart (its prefix re-applied): %+v", r)
	}
	// A second Restart, from the other member that saw the crash, leaves
	// the running process alone.
	if err := words.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	if got := samePID(t, h, "crash", "words"); got != newPID {
		t.Errorf("Restart of a running bundle replaced process %d with %d", newPID, got)
	}
	h.Close()
	for _, p := range []int{newPID, example.PID()} {
		if p != 0 && proc.Alive(p) {
			t.Errorf("process %d outlived Close", p)
		}
	}
}

// A ruleset that hangs stops the shared process: it fails for its article
// with the hang, every other member with "stopped", each named.
func TestBundleHang(t *testing.T) {
	ctx := testCtx(t)
	opts := bundleOptions()
	opts.CheckTimeout = 2 * time.Second
	h := start(t, opts, builtin("hang", "words")...)
	hang, words := pluginNamed(t, h, "hang"), pluginNamed(t, h, "words")
	pid := samePID(t, h, "hang", "words")
	r := hang.Check(ctx, newArticle("HANG banana"))
	if r.Err == nil || !strings.Contains(r.Err.Error(), "plugin hang did not answer within 2s, so the built-in rulesets' process (hang, words) was stopped") {
		t.Errorf("hang: %+v", r)
	}
	if proc.Alive(pid) {
		t.Errorf("hung process %d was not stopped", pid)
	}
	if r := words.Check(ctx, newArticle("banana")); r.Err == nil || !strings.Contains(r.Err.Error(), "plugin words was stopped earlier in this run (plugin hang did not answer") {
		t.Errorf("words after the hang: %+v", r)
	}
	if err := words.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	for _, p := range []*Plugin{hang, words} {
		if r := p.Check(ctx, newArticle("banana")); r.Err != nil || len(r.Findings) != 1 {
			t.Errorf("%s after the restart: %+v", p.Name(), r)
		}
	}
}

// A bundle of one is no bundle: a lone built-in (the runner's helper
// process for a large batch) is served as itself.
func TestBundleOfOne(t *testing.T) {
	h := start(t, bundleOptions(), builtin("words")...)
	if p := h.Plugins()[0]; p.bundle != nil {
		t.Error("a lone built-in was bundled")
	}
}
