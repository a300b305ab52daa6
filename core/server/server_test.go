package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
)

// fakeEngine stands in for runner.Engine so the handler can be tested
// in-process under the race detector. It reports an error for every "BAD"
// in an article's text, a warning for every "MEH", a plugin failure for
// "CRASH", and for "SLOW" waits until the request's deadline or release.
type fakeEngine struct {
	release chan struct{}
	started chan struct{}
}

func (f *fakeEngine) Check(ctx context.Context, articles []*article.Article) *runner.Result {
	res := &runner.Result{}
	for _, a := range articles {
		file := &runner.File{Path: a.Path, Diagnostics: []runner.Diagnostic{}}
		for word, sev := range map[string]sdk.Severity{"BAD": sdk.Error, "MEH": sdk.Warning} {
			for i := 0; ; {
				j := strings.Index(a.Text[i:], word)
				if j < 0 {
					break
				}
				off := i + j
				file.Diagnostics = append(file.Diagnostics, runner.Diagnostic{Rule: "fake/" + strings.ToLower(word), Severity: sev, Offset: off, EndOffset: off + len(word), Message: word})
				i = off + len(word)
			}
		}
		if strings.Contains(a.Text, "CRASH") {
			res.Failures = append(res.Failures, runner.Failure{Plugin: "fake", Path: a.Path, Error: "plugin fake crashed"})
		}
		if strings.Contains(a.Text, "SLOW") {
			if f.started != nil {
				f.started <- struct{}{}
			}
			select {
			case <-ctx.Done():
				res.Failures = append(res.Failures, runner.Failure{Plugin: "fake", Path: a.Path, Error: "check cancelled"})
			case <-f.release:
			}
		}
		res.Files = append(res.Files, file)
	}
	return res
}

func (f *fakeEngine) Rules() []runner.RuleInfo {
	return []runner.RuleInfo{{ID: "fake/bad", Category: "fake", Severity: sdk.Error, Enabled: true, Summary: "BAD is bad"}}
}

func newTestServer(t *testing.T, opt Options, eng Checker) (*Server, *httptest.Server, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	opt.Logger = slog.New(slog.NewJSONHandler(logs, nil))
	s := New(opt)
	if eng != nil {
		s.SetChecker(eng, nil)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts, logs
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *syncBuffer) Bytes() []byte { return []byte(b.String()) }

type answer struct {
	status int
	header http.Header
	body   map[string]any
}

func do(t *testing.T, method, url, body string, header map[string]string) answer {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	a := answer{status: resp.StatusCode, header: resp.Header}
	if method != http.MethodHead {
		if err := json.Unmarshal(data, &a.body); err != nil {
			t.Fatalf("%s %s: answer is not a JSON object: %v\n%s", method, url, err, data)
		}
	}
	return a
}

func paths(t *testing.T, a answer) []string {
	t.Helper()
	files, _ := a.body["files"].([]any)
	var out []string
	for _, f := range files {
		out = append(out, f.(map[string]any)["path"].(string))
	}
	return out
}

func TestStatuses(t *testing.T) {
	_, ts, _ := newTestServer(t, Options{MaxBodyBytes: 200}, &fakeEngine{})
	for _, tc := range []struct {
		name, method, path, body string
		status                   int
		verdict                  string
	}{
		{"pass", "POST", "/v1/check", `{"headline":"Fine","body":"All is MEH here."}`, 200, "pass"},
		{"fail on error", "POST", "/v1/check", `{"body":"This is BAD."}`, 200, "fail"},
		{"fail on a missing plugin", "POST", "/v1/check", `{"body":"Quiet copy. CRASH"}`, 200, "fail"},
		{"malformed", "POST", "/v1/check", `{"body": "x",}`, 400, ""},
		{"not an object", "POST", "/v1/check", `["body"]`, 400, ""},
		{"no body field", "POST", "/v1/check", `{"headline":"x"}`, 400, ""},
		{"empty", "POST", "/v1/check", ``, 400, ""},
		{"empty batch", "POST", "/v1/check", `{"articles":[]}`, 400, ""},
		{"too large", "POST", "/v1/check", `{"body":"` + strings.Repeat("x", 300) + `"}`, 413, ""},
		{"wrong method", "GET", "/v1/check", ``, 405, ""},
		{"wrong method on rules", "POST", "/v1/rules", `{}`, 405, ""},
		{"unknown path", "GET", "/v2/check", ``, 404, ""},
		{"health", "GET", "/healthz", ``, 200, ""},
		{"ready", "GET", "/readyz", ``, 200, ""},
		{"rules", "GET", "/v1/rules", ``, 200, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := do(t, tc.method, ts.URL+tc.path, tc.body, nil)
			if a.status != tc.status {
				t.Fatalf("status %d, want %d: %v", a.status, tc.status, a.body)
			}
			if got, _ := a.body["verdict"].(string); got != tc.verdict {
				t.Errorf("verdict %q, want %q", got, tc.verdict)
			}
			if tc.status >= 400 && a.body["error"] == "" {
				t.Errorf("error answer without a message: %v", a.body)
			}
			if ct := a.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
		})
	}
	if a := do(t, "GET", ts.URL+"/v1/check", "", nil); a.header.Get("Allow") != "POST" {
		t.Errorf("405 without Allow: POST: %v", a.header)
	}
	a := do(t, "POST", ts.URL+"/v1/check", `{"body":"Quiet copy. CRASH"}`, nil)
	fails, _ := a.body["plugin_failures"].([]any)
	if len(fails) != 1 || fails[0].(map[string]any)["plugin"] != "fake" {
		t.Errorf("the missing plugin is not listed: %v", a.body)
	}
}

func TestSyntaxErrorPosition(t *testing.T) {
	_, ts, _ := newTestServer(t, Options{}, &fakeEngine{})
	body := "{\n  \"headline\": \"Ça va\",\n  \"body\": \"x\"\n  \"byline\": \"y\"\n}"
	a := do(t, "POST", ts.URL+"/v1/check", body, nil)
	if a.status != 400 {
		t.Fatalf("status %d", a.status)
	}
	if a.body["line"] != float64(4) || a.body["column"] != float64(3) {
		t.Errorf("error at %v:%v, want 4:3: %v", a.body["line"], a.body["column"], a.body["error"])
	}
	// Columns count characters, not bytes.
	a = do(t, "POST", ts.URL+"/v1/check", `{"headline": "Ça", "body": x}`, nil)
	if a.body["line"] != float64(1) || a.body["column"] != float64(28) {
		t.Errorf("error at %v:%v, want 1:28: %v", a.body["line"], a.body["column"], a.body["error"])
	}
	// A batch names the article at fault.
	a = do(t, "POST", ts.URL+"/v1/check", `{"articles":[{"body":"ok"},{"headline":"no body"}]}`, nil)
	if a.status != 400 || a.body["article"] != float64(2) {
		t.Errorf("status %d, article %v, want 400 and 2: %v", a.status, a.body["article"], a.body)
	}
}

func TestBatchAndPaths(t *testing.T) {
	_, ts, _ := newTestServer(t, Options{}, &fakeEngine{})
	a := do(t, "POST", ts.URL+"/v1/check", `{"articles":[
		{"id":"cms-17","slug":"ignored","body":"fine"},
		{"body":"fine"},
		{"slug":"budget-vote","body":"BAD"},
		{"id":42,"body":"fine"},
		{"id":null,"slug":"","body":"fine"}]}`, nil)
	if a.status != 200 {
		t.Fatalf("status %d: %v", a.status, a.body)
	}
	want := []string{"cms-17", "article-2", "budget-vote", "42", "article-5"}
	if got := paths(t, a); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("paths %v, want %v", got, want)
	}
	if a.body["verdict"] != "fail" {
		t.Errorf("one article has an error, verdict %v", a.body["verdict"])
	}
	a = do(t, "POST", ts.URL+"/v1/check", `{"slug":"solo","body":"fine"}`, nil)
	if got := paths(t, a); fmt.Sprint(got) != "[solo]" {
		t.Errorf("single article path %v", got)
	}
}

func TestFailOn(t *testing.T) {
	_, ts, _ := newTestServer(t, Options{FailOn: sdk.Warning}, &fakeEngine{})
	if a := do(t, "POST", ts.URL+"/v1/check", `{"body":"MEH"}`, nil); a.body["verdict"] != "fail" || a.body["fail_on"] != "warning" {
		t.Errorf("a warning with fail-on warning: %v", a.body)
	}
}

func TestSignature(t *testing.T) {
	secret := []byte("s3cret")
	_, ts, _ := newTestServer(t, Options{Secret: secret}, &fakeEngine{})
	body := `{"body":"fine"}`
	for _, tc := range []struct {
		name, sig string
		status    int
	}{
		{"missing", "", 401},
		{"wrong", Sign([]byte("other"), []byte(body)), 401},
		{"other body", Sign(secret, []byte(body+" ")), 401},
		{"not hex", "sha256=zz", 401},
		{"no prefix", strings.TrimPrefix(Sign(secret, []byte(body)), "sha256="), 401},
		{"good", Sign(secret, []byte(body)), 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := map[string]string{}
			if tc.sig != "" {
				h[SignatureHeader] = tc.sig
			}
			if a := do(t, "POST", ts.URL+"/v1/check", body, h); a.status != tc.status {
				t.Errorf("status %d, want %d: %v", a.status, tc.status, a.body)
			}
		})
	}
	if a := do(t, "GET", ts.URL+"/v1/rules", "", nil); a.status != 401 {
		t.Errorf("unsigned /v1/rules: %d", a.status)
	}
	if a := do(t, "GET", ts.URL+"/v1/rules", "", map[string]string{SignatureHeader: Sign(secret, nil)}); a.status != 200 {
		t.Errorf("signed /v1/rules: %d", a.status)
	}
	// Probes stay open: Kubernetes cannot sign them.
	if a := do(t, "GET", ts.URL+"/healthz", "", nil); a.status != 200 {
		t.Errorf("/healthz with a secret: %d", a.status)
	}
}

func TestChunkedBodyTooLarge(t *testing.T) {
	_, ts, _ := newTestServer(t, Options{MaxBodyBytes: 100}, &fakeEngine{})
	// No Content-Length: the limit must hold while reading.
	req, _ := http.NewRequest("POST", ts.URL+"/v1/check", io.MultiReader(strings.NewReader(`{"body":"`), strings.NewReader(strings.Repeat("x", 500)+`"}`)))
	req.ContentLength = -1
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 413 {
		t.Errorf("status %d, want 413", resp.StatusCode)
	}
}

func TestTimeout(t *testing.T) {
	_, ts, logs := newTestServer(t, Options{Timeout: time.Millisecond}, &fakeEngine{})
	a := do(t, "POST", ts.URL+"/v1/check", `{"body":"SLOW"}`, nil)
	if a.status != 504 || a.body["verdict"] != "fail" {
		t.Errorf("status %d, want 504 with verdict fail: %v", a.status, a.body)
	}
	if !strings.Contains(logs.String(), `"status":504`) {
		t.Errorf("the timeout is not logged:\n%s", logs)
	}
}

// recoveringEngine is a fakeEngine whose plugins may be restarting.
type recoveringEngine struct {
	fakeEngine
	unready []string
}

func (r *recoveringEngine) Unready() []string { return r.unready }

func TestReadiness(t *testing.T) {
	s, ts, _ := newTestServer(t, Options{}, nil)
	if a := do(t, "GET", ts.URL+"/healthz", "", nil); a.status != 200 {
		t.Errorf("healthz while starting: %d", a.status)
	}
	if a := do(t, "GET", ts.URL+"/readyz", "", nil); a.status != 503 || a.body["status"] != "starting" {
		t.Errorf("readyz while starting: %d %v", a.status, a.body)
	}
	if a := do(t, "POST", ts.URL+"/v1/check", `{"body":"fine"}`, nil); a.status != 503 || a.header.Get("Retry-After") == "" {
		t.Errorf("check while starting: %d %v", a.status, a.body)
	}
	s.SetChecker(&fakeEngine{}, []string{"byline: failed to start"})
	if a := do(t, "GET", ts.URL+"/readyz", "", nil); a.status != 503 || a.body["status"] != "degraded" {
		t.Errorf("readyz with a plugin down: %d %v", a.status, a.body)
	}
	rec := &recoveringEngine{unready: []string{"fragment: restarting"}}
	s.SetChecker(rec, nil)
	if a := do(t, "GET", ts.URL+"/readyz", "", nil); a.status != 503 || a.body["status"] != "recovering" {
		t.Errorf("readyz while a plugin restarts: %d %v", a.status, a.body)
	}
	rec.unready = nil
	if a := do(t, "GET", ts.URL+"/readyz", "", nil); a.status != 200 {
		t.Errorf("readyz once the plugin is back: %d %v", a.status, a.body)
	}
	s.SetChecker(&fakeEngine{}, nil)
	if a := do(t, "GET", ts.URL+"/readyz", "", nil); a.status != 200 {
		t.Errorf("readyz when ready: %d %v", a.status, a.body)
	}
	s.Drain()
	if a := do(t, "GET", ts.URL+"/readyz", "", nil); a.status != 503 || a.body["status"] != "shutting down" {
		t.Errorf("readyz while draining: %d %v", a.status, a.body)
	}
	if a := do(t, "POST", ts.URL+"/v1/check", `{"body":"fine"}`, nil); a.status != 200 {
		t.Errorf("a check while draining is still answered: %d", a.status)
	}
}

func TestMaxInFlight(t *testing.T) {
	eng := &fakeEngine{release: make(chan struct{}), started: make(chan struct{})}
	_, ts, _ := newTestServer(t, Options{MaxInFlight: 1}, eng)
	done := make(chan answer)
	go func() {
		// do calls t.Fatal only on transport errors, which would fail the
		// test anyway through the missing answer below.
		done <- do(t, "POST", ts.URL+"/v1/check", `{"body":"SLOW"}`, nil)
	}()
	<-eng.started
	if a := do(t, "POST", ts.URL+"/v1/check", `{"body":"fine"}`, nil); a.status != 503 || a.header.Get("Retry-After") == "" {
		t.Errorf("second check over the limit: %d %v", a.status, a.body)
	}
	close(eng.release)
	if a := <-done; a.status != 200 {
		t.Errorf("first check: %d %v", a.status, a.body)
	}
	if a := do(t, "POST", ts.URL+"/v1/check", `{"body":"fine"}`, nil); a.status != 200 {
		t.Errorf("a check after the slot is free: %d %v", a.status, a.body)
	}
}

// TestConcurrentRequests runs many requests at once (go test -race finds
// shared state) and checks every answer belongs to its own request.
func TestConcurrentRequests(t *testing.T) {
	_, ts, logs := newTestServer(t, Options{}, &fakeEngine{})
	const workers, each = 16, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				id := fmt.Sprintf("w%d-%d", w, i)
				bad := (w+i)%3 == 0
				text := "fine copy " + strings.Repeat("MEH ", i)
				if bad {
					text += "BAD"
				}
				resp, err := http.Post(ts.URL+"/v1/check", "application/json", strings.NewReader(fmt.Sprintf(`{"id":%q,"body":%q}`, id, text)))
				if err != nil {
					errs <- err
					return
				}
				var got CheckResponse
				err = json.NewDecoder(resp.Body).Decode(&got)
				resp.Body.Close()
				if err != nil {
					errs <- err
					return
				}
				wantVerdict := map[bool]string{true: "fail", false: "pass"}[bad]
				wantDiags := i
				if bad {
					wantDiags++
				}
				if got.Verdict != wantVerdict || len(got.Files) != 1 || got.Files[0].Path != id || len(got.Files[0].Diagnostics) != wantDiags {
					errs <- fmt.Errorf("%s: got %+v", id, got)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := strings.Count(logs.String(), `"path":"/v1/check"`); n != workers*each {
		t.Errorf("%d request log lines, want %d", n, workers*each)
	}
}

func TestRequestLog(t *testing.T) {
	_, ts, logs := newTestServer(t, Options{}, &fakeEngine{})
	do(t, "POST", ts.URL+"/v1/check", `{"articles":[{"body":"BAD"},{"body":"ok"}]}`, nil)
	var line map[string]any
	if err := json.Unmarshal(bytes.TrimSpace(logs.Bytes()), &line); err != nil {
		t.Fatalf("log is not one JSON line: %v\n%s", err, logs)
	}
	for k, want := range map[string]any{"msg": "request", "method": "POST", "path": "/v1/check", "status": float64(200), "articles": float64(2), "verdict": "fail"} {
		if line[k] != want {
			t.Errorf("log %s = %v, want %v", k, line[k], want)
		}
	}
	if _, ok := line["duration_ms"].(float64); !ok {
		t.Errorf("no duration in %v", line)
	}
}

// TestTextFormat: format=text answers with the findings as lines and the
// verdict in a header and on the last line, on a pass with warnings too.
func TestTextFormat(t *testing.T) {
	_, ts, _ := newTestServer(t, Options{}, &fakeEngine{})
	resp, err := http.Post(ts.URL+"/v1/check?format=text", "application/json", strings.NewReader(`{"id": "s1", "body": "A MEH line."}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || resp.Header.Get(VerdictHeader) != "pass" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("status %d, verdict %q, type %q", resp.StatusCode, resp.Header.Get(VerdictHeader), resp.Header.Get("Content-Type"))
	}
	for _, want := range []string{"s1:", "warning: MEH [fake/meh]", "verdict: pass (fail_on error)\n"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("text answer lacks %q:\n%s", want, body)
		}
	}
	if a := do(t, "POST", ts.URL+"/v1/check?format=yaml", `{"body": "x"}`, nil); a.status != 400 {
		t.Errorf("unknown format: %d", a.status)
	}
	if a := do(t, "POST", ts.URL+"/v1/check", `{"body": "BAD"}`, nil); a.header.Get(VerdictHeader) != "fail" {
		t.Errorf("the JSON answer carries the verdict header too: %v", a.header)
	}
}
