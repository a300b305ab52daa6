package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/copydesk/copydesk/core/host"
	"github.com/copydesk/copydesk/internal/proc"
)

// The serve tests run the built binary as `copydesk serve` on a loopback
// port the kernel picks, and talk to it over HTTP like a CMS would.

// serveStartLimit bounds how long a server may take to listen and start
// its plugins; a test that waits longer fails instead of hanging.
const serveStartLimit = 60 * time.Second

// Fixture articles, written for these tests.
const (
	cleanArticle = `{"id":"clean-1","headline":"City council approves library budget","byline":"By Maria Lopez","dateline":"SPRINGFIELD","body":"The city council voted 7-2 on Tuesday to approve a $4.2 million budget for the public library system, ending months of debate over branch hours.\n\nThe plan keeps all five branches open six days a week and adds funding for a mobile library that will visit schools in the northern district.\n\n\"We heard from hundreds of residents who rely on these branches,\" said council member Alan Park, who sponsored the measure.\n\nThe budget takes effect on July 1."}`
	// A doubled word is a warning: the server under test fails on warnings.
	faultyArticle = `{"slug":"ferry-fares","headline":"Ferry fares to rise in spring","body":"The harbour authority said on Monday that fares on the the island ferry will rise by 8 percent in April.\n\nOfficials blamed higher fuel costs and a new crew contract.\n\nThe last increase was in 2021."}`
)

var (
	raceBinaryOnce sync.Once
	raceBinary     string
	raceBinaryErr  error
)

// raceEnabled reports whether the test binary was built with -race; the
// server is then built with -race too, so the race detector watches the
// server and its plugin processes (they are the same binary).
func raceEnabled() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" && s.Value == "true" {
			return true
		}
	}
	return false
}

func serveBinary(t testing.TB) string {
	t.Helper()
	if !raceEnabled() {
		return binary
	}
	raceBinaryOnce.Do(func() {
		raceBinary = binary + "-race"
		out, err := exec.Command("go", "build", "-race", "-o", raceBinary, ".").CombinedOutput()
		if err != nil {
			raceBinaryErr = fmt.Errorf("building copydesk with -race: %v\n%s", err, out)
		}
	})
	if raceBinaryErr != nil {
		t.Fatal(raceBinaryErr)
	}
	return raceBinary
}

// served is a running `copydesk serve`.
type served struct {
	t      testing.TB
	cmd    *exec.Cmd
	url    string
	mu     sync.Mutex
	stderr bytes.Buffer
	done   chan struct{} // closed when the process has exited
	code   int
}

func (s *served) logs() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stderr.String()
}

// startServe starts the server in a temporary folder (so no rules.toml of
// the repository is used) and waits until it is ready. env is added to the
// environment.
func startServe(t testing.TB, env []string, args ...string) *served {
	t.Helper()
	bin := serveBinary(t)
	if raceEnabled() {
		// Plugins' stderr reaches the server's log at debug level only.
		args = append(args, "--verbose")
	}
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Dir = t.TempDir()
	// Generous plugin timeouts: a race-instrumented build on a busy CI
	// machine can take more than the default 5s to start its plugins.
	rules := "[timeouts]\nstart = \"60s\"\ncheck = \"60s\"\n"
	if err := os.WriteFile(filepath.Join(cmd.Dir, "rules.toml"), []byte(rules), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd.Env = append(os.Environ(), env...)
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &served{t: t, cmd: cmd, done: make(chan struct{})}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			s.mu.Lock()
			s.stderr.WriteString(line + "\n")
			s.mu.Unlock()
			var msg struct{ Msg, Addr string }
			if json.Unmarshal([]byte(line), &msg) == nil && msg.Msg == "listening" {
				addr <- msg.Addr
			}
		}
		err := cmd.Wait()
		s.code = 0
		if ee, ok := err.(*exec.ExitError); ok {
			s.code = ee.ExitCode()
		}
		close(s.done)
	}()
	t.Cleanup(func() {
		s.stop()
		if strings.Contains(s.logs(), "DATA RACE") {
			t.Errorf("the race detector reported a data race in the server or a plugin:\n%s", s.logs())
		}
	})
	select {
	case a := <-addr:
		s.url = "http://" + a
	case <-s.done:
		t.Fatalf("copydesk serve exited with %d before listening:\n%s", s.code, s.logs())
	case <-time.After(serveStartLimit):
		t.Fatalf("copydesk serve did not listen within %s:\n%s", serveStartLimit, s.logs())
	}
	deadline := time.Now().Add(serveStartLimit)
	for {
		resp, err := http.Get(s.url + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return s
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("/readyz not 200 within %s:\n%s", serveStartLimit, s.logs())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// stop sends SIGTERM and waits for the exit (killing after a bound).
func (s *served) stop() {
	select {
	case <-s.done:
		return
	default:
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(30 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
		s.t.Errorf("copydesk serve ignored SIGTERM for 30s")
	}
}

type httpAnswer struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

func (s *served) do(method, path, body string, header map[string]string) httpAnswer {
	s.t.Helper()
	req, err := http.NewRequest(method, s.url+path, strings.NewReader(body))
	if err != nil {
		s.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatalf("%s %s: %v\n%s", method, path, err, s.logs())
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		s.t.Fatal(err)
	}
	a := httpAnswer{status: resp.StatusCode, header: resp.Header, raw: raw}
	if err := json.Unmarshal(raw, &a.body); err != nil {
		s.t.Fatalf("%s %s: answer is not a JSON object: %v\n%s", method, path, err, raw)
	}
	return a
}

// checkAnswer is the /v1/check contract as a CMS reads it.
type checkAnswer struct {
	Verdict string `json:"verdict"`
	FailOn  string `json:"fail_on"`
	Files   []struct {
		Path        string            `json:"path"`
		Diagnostics []json.RawMessage `json:"diagnostics"`
	} `json:"files"`
	PluginFailures []struct{ Plugin, Path, Error string } `json:"plugin_failures"`
}

func decodeCheck(t testing.TB, a httpAnswer) checkAnswer {
	t.Helper()
	if a.status != 200 {
		t.Fatalf("status %d: %s", a.status, a.raw)
	}
	var c checkAnswer
	if err := json.Unmarshal(a.raw, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// normalJSON decodes diagnostics so that layout does not matter.
func normalJSON(t testing.TB, ds []json.RawMessage) []any {
	t.Helper()
	out := make([]any, len(ds))
	for i, d := range ds {
		if err := json.Unmarshal(d, &out[i]); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func sign(secret, body string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(body))
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

func TestServe(t *testing.T) {
	s := startServe(t, nil, "--fail-on", "warning")

	t.Run("probes", func(t *testing.T) {
		for _, p := range []string{"/healthz", "/readyz"} {
			if a := s.do("GET", p, "", nil); a.status != 200 {
				t.Errorf("%s: %d %s", p, a.status, a.raw)
			}
		}
	})
	t.Run("rules", func(t *testing.T) {
		a := s.do("GET", "/v1/rules", "", nil)
		rules, _ := a.body["rules"].([]any)
		if a.status != 200 || len(rules) == 0 {
			t.Fatalf("%d %s", a.status, a.raw)
		}
		if id, _ := rules[0].(map[string]any)["id"].(string); !strings.Contains(id, "/") {
			t.Errorf("rule id %q is not plugin/rule", id)
		}
	})
	t.Run("pass", func(t *testing.T) {
		c := decodeCheck(t, s.do("POST", "/v1/check", cleanArticle, nil))
		if c.Verdict != "pass" || len(c.Files) != 1 || c.Files[0].Path != "clean-1" || len(c.Files[0].Diagnostics) != 0 || len(c.PluginFailures) != 0 {
			t.Errorf("clean article: %+v", c)
		}
	})
	t.Run("fail", func(t *testing.T) {
		a := s.do("POST", "/v1/check", faultyArticle, nil)
		c := decodeCheck(t, a)
		if c.Verdict != "fail" || c.FailOn != "warning" || len(c.Files) != 1 || c.Files[0].Path != "ferry-fares" {
			t.Fatalf("faulty article: %s", a.raw)
		}
		if !strings.Contains(string(a.raw), "repetition/doubled-word") {
			t.Errorf("the doubled word is not reported: %s", a.raw)
		}
	})
	t.Run("same findings as the CLI", func(t *testing.T) {
		// The server's answer is the `check --format json` contract: for
		// the same article the diagnostics must be identical.
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "story.json"), []byte(faultyArticle), 0o644); err != nil {
			t.Fatal(err)
		}
		cli := runCLI(t, dir, "", "check", "--format", "json", "story.json")
		var want checkAnswer
		if err := json.Unmarshal([]byte(cli.stdout), &want); err != nil || len(want.Files) != 1 {
			t.Fatalf("CLI output: %v\n%s", err, cli.stdout)
		}
		got := decodeCheck(t, s.do("POST", "/v1/check", faultyArticle, nil))
		if !reflect.DeepEqual(normalJSON(t, got.Files[0].Diagnostics), normalJSON(t, want.Files[0].Diagnostics)) {
			t.Errorf("server and CLI disagree:\nserver %s\ncli    %s", got.Files[0].Diagnostics, want.Files[0].Diagnostics)
		}
	})
	t.Run("batch", func(t *testing.T) {
		body := `{"articles":[` + cleanArticle + `,` + faultyArticle + `,{"headline":"No id","body":"Short copy with no defects at all."}]}`
		c := decodeCheck(t, s.do("POST", "/v1/check", body, nil))
		var got []string
		for _, f := range c.Files {
			got = append(got, f.Path)
		}
		if want := []string{"clean-1", "ferry-fares", "article-3"}; !reflect.DeepEqual(got, want) {
			t.Errorf("paths %v, want %v", got, want)
		}
		if c.Verdict != "fail" {
			t.Errorf("a batch with a faulty article: verdict %s", c.Verdict)
		}
		if len(c.Files) == 3 && len(c.Files[0].Diagnostics) != 0 {
			t.Errorf("the clean article picked up findings in a batch: %s", c.Files[0].Diagnostics)
		}
	})
	t.Run("malformed JSON", func(t *testing.T) {
		a := s.do("POST", "/v1/check", "{\n  \"headline\": \"x\",\n  \"body\": \"y\"\n  \"byline\": \"z\"\n}", nil)
		if a.status != 400 || a.body["line"] != float64(4) || a.body["column"] != float64(3) {
			t.Errorf("want 400 at 4:3, got %d: %s", a.status, a.raw)
		}
	})
	t.Run("not found", func(t *testing.T) {
		if a := s.do("GET", "/v1/nothing", "", nil); a.status != 404 {
			t.Errorf("%d %s", a.status, a.raw)
		}
	})
	t.Run("method not allowed", func(t *testing.T) {
		a := s.do("GET", "/v1/check", "", nil)
		if a.status != 405 || a.header.Get("Allow") != "POST" {
			t.Errorf("%d Allow=%q %s", a.status, a.header.Get("Allow"), a.raw)
		}
	})
	t.Run("request log", func(t *testing.T) {
		var found bool
		for _, line := range strings.Split(s.logs(), "\n") {
			var l map[string]any
			if json.Unmarshal([]byte(line), &l) != nil || l["msg"] != "request" || l["path"] != "/v1/check" || l["status"] != float64(200) {
				continue
			}
			_, hasDur := l["duration_ms"].(float64)
			if l["method"] == "POST" && l["articles"] == float64(3) && l["verdict"] == "fail" && hasDur {
				found = true
			}
		}
		if !found {
			t.Errorf("no structured log line for the batch request:\n%s", s.logs())
		}
	})
}

func TestServeLimits(t *testing.T) {
	const secret = "correct horse battery staple"
	s := startServe(t, []string{"COPYDESK_HOOK_SECRET=" + secret}, "--max-body-bytes", "4096", "--timeout", "1ns")
	if strings.Contains(s.logs(), secret) {
		t.Errorf("the secret appears in the log")
	}
	t.Run("unsigned", func(t *testing.T) {
		if a := s.do("POST", "/v1/check", cleanArticle, nil); a.status != 401 {
			t.Errorf("%d %s", a.status, a.raw)
		}
	})
	t.Run("wrong signature", func(t *testing.T) {
		if a := s.do("POST", "/v1/check", cleanArticle, map[string]string{"X-Copydesk-Signature": sign("guess", cleanArticle)}); a.status != 401 {
			t.Errorf("%d %s", a.status, a.raw)
		}
	})
	t.Run("too large", func(t *testing.T) {
		big := `{"body":"` + strings.Repeat("Words words. ", 400) + `"}`
		if a := s.do("POST", "/v1/check", big, map[string]string{"X-Copydesk-Signature": sign(secret, big)}); a.status != 413 {
			t.Errorf("%d %s", a.status, a.raw)
		}
	})
	t.Run("timeout", func(t *testing.T) {
		a := s.do("POST", "/v1/check", cleanArticle, map[string]string{"X-Copydesk-Signature": sign(secret, cleanArticle)})
		if a.status != 504 || a.body["verdict"] != "fail" {
			t.Errorf("%d %s", a.status, a.raw)
		}
	})
	t.Run("probes need no signature", func(t *testing.T) {
		// The timed-out check's plugins are being restarted: /readyz
		// says "recovering" until they are back, then ready.
		deadline := time.Now().Add(serveStartLimit)
		for {
			a := s.do("GET", "/readyz", "", nil)
			if a.status == 200 {
				break
			}
			if a.status != 503 || a.body["status"] != "recovering" || time.Now().After(deadline) {
				t.Fatalf("%d %s", a.status, a.raw)
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
}

// TestServeSigned is a correctly signed request under a shared secret.
func TestServeSigned(t *testing.T) {
	const secret = "s3cret"
	s := startServe(t, []string{"COPYDESK_HOOK_SECRET=" + secret})
	c := decodeCheck(t, s.do("POST", "/v1/check", cleanArticle, map[string]string{"X-Copydesk-Signature": sign(secret, cleanArticle)}))
	if c.Verdict != "pass" {
		t.Errorf("signed clean article: %+v", c)
	}
}

func TestServeRefusesRemoteAddress(t *testing.T) {
	r := runCLI(t, "", "", "serve", "--addr", "0.0.0.0:0")
	if r.code != exitUsage || !strings.Contains(r.stderr, "--allow-remote") {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
}

// variant is a distinct article for request i, half of them faulty.
func variant(i int) string {
	body := fmt.Sprintf("The county opened %d new polling stations on Saturday, officials said.\n\nVoters waited about %d minutes on average.", i+2, i+10)
	if i%2 == 1 {
		body += "\n\nTurnout in the the northern wards was higher than in the last election."
	}
	b, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("story-%d", i), "headline": "Polling stations open", "body": body})
	return string(b)
}

// TestServeConcurrent sends many requests at once: every answer must be
// the one the same article gets alone. Run under -race, the server and its
// plugins are built with the race detector (see serveBinary).
func TestServeConcurrent(t *testing.T) {
	s := startServe(t, nil, "--fail-on", "warning")
	const articles, clients, perClient = 8, 16, 4
	want := make([]string, articles)
	for i := range want {
		c := decodeCheck(t, s.do("POST", "/v1/check", variant(i), nil))
		b, _ := json.Marshal(c)
		want[i] = string(b)
		if c.Verdict != map[bool]string{true: "fail", false: "pass"}[i%2 == 1] {
			t.Fatalf("article %d alone: %s", i, b)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, clients*perClient)
	for w := 0; w < clients; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < perClient; k++ {
				i := (w*perClient + k) % articles
				resp, err := http.Post(s.url+"/v1/check", "application/json", strings.NewReader(variant(i)))
				if err != nil {
					errs <- err.Error()
					return
				}
				var c checkAnswer
				err = json.NewDecoder(resp.Body).Decode(&c)
				resp.Body.Close()
				b, _ := json.Marshal(c)
				if err != nil || resp.StatusCode != 200 || string(b) != want[i] {
					errs <- fmt.Sprintf("article %d: status %d, err %v\n got %s\nwant %s", i, resp.StatusCode, err, b, want[i])
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// pluginChildren lists the server's plugin processes by plugin name
// (Linux: read from /proc).
func pluginChildren(t testing.TB, pid int) map[string]int {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("needs /proc")
	}
	out := map[string]int{}
	for _, child := range proc.Children()[pid] {
		if !proc.Alive(child) {
			continue
		}
		cmdline, _ := os.ReadFile(filepath.Join("/proc", strconv.Itoa(child), "cmdline"))
		args := strings.Split(strings.TrimRight(string(cmdline), "\x00"), "\x00")
		if len(args) == 3 && args[1] == host.BuiltinCommand {
			out[args[2]] = child
		}
		if len(args) >= 2 && args[1] == host.BundleCommand {
			for _, name := range args[2:] {
				out[name] = child // the built-ins share one process
			}
		}
	}
	return out
}

func waitGone(t testing.TB, pid int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for proc.Alive(pid) {
		if time.Now().After(deadline) {
			t.Fatalf("process %d still alive after 30s", pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// sharing lists the plugins served by process pid.
func sharing(children map[string]int, pid int) map[string]bool {
	out := map[string]bool{}
	for name, p := range children {
		if p == pid {
			out[name] = true
		}
	}
	return out
}

// TestServePluginCrash kills one plugin's process (the built-ins share one):
// the next answer lists the findings of every plugin in it as missing
// (verdict fail), each named, and the one after comes from a restarted
// process.
func TestServePluginCrash(t *testing.T) {
	s := startServe(t, nil)
	before := pluginChildren(t, s.cmd.Process.Pid)
	victim := "repetition"
	pid, ok := before[victim]
	if !ok {
		t.Fatalf("no %s plugin among %v", victim, before)
	}
	killed := sharing(before, pid)
	if !killed["fragment"] || !killed["strayui"] {
		t.Fatalf("the built-ins do not share one process: %v", before)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitGone(t, pid)

	c := decodeCheck(t, s.do("POST", "/v1/check", cleanArticle, nil))
	if c.Verdict != "fail" || len(c.PluginFailures) == 0 {
		t.Fatalf("a check with a dead plugin must fail and say so: %+v", c)
	}
	named := map[string]bool{}
	for _, f := range c.PluginFailures {
		if !killed[f.Plugin] || f.Path != "clean-1" {
			t.Errorf("unexpected failure %+v (the killed process served %v)", f, killed)
		}
		named[f.Plugin] = true
	}
	if !named[victim] {
		t.Errorf("the failures do not name %s: %+v", victim, c.PluginFailures)
	}
	c = decodeCheck(t, s.do("POST", "/v1/check", cleanArticle, nil))
	if c.Verdict != "pass" || len(c.PluginFailures) != 0 {
		t.Errorf("after the restart: %+v", c)
	}
	after := pluginChildren(t, s.cmd.Process.Pid)
	if after[victim] == 0 || after[victim] == pid {
		t.Errorf("%s was not restarted: before %v, after %v", victim, before, after)
	}
}

// TestServeGracefulShutdown sends SIGTERM while a request is in flight: the
// request completes with its findings, the server exits 0 and no plugin
// process outlives it.
func TestServeGracefulShutdown(t *testing.T) {
	s := startServe(t, nil, "--fail-on", "warning")
	children := pluginChildren(t, s.cmd.Process.Pid)
	if len(children) == 0 {
		t.Fatal("no plugin processes found")
	}

	// The request's headers go out with "Expect: 100-continue"; the server
	// answers 100 when the handler starts reading the body, so once the
	// client sees it the request is in flight. Only then is SIGTERM sent,
	// and the body follows once the server has begun shutting down.
	pr, pw := io.Pipe()
	inFlight := make(chan struct{})
	var once sync.Once
	ctx := httptrace.WithClientTrace(context.Background(), &httptrace.ClientTrace{
		Got100Continue: func() { once.Do(func() { close(inFlight) }) },
	})
	req, err := http.NewRequestWithContext(ctx, "POST", s.url+"/v1/check", pr)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Expect", "100-continue")
	client := &http.Client{Transport: &http.Transport{ExpectContinueTimeout: time.Minute}}
	type result struct {
		a   checkAnswer
		err error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := client.Do(req)
		if err != nil {
			done <- result{err: err}
			return
		}
		defer resp.Body.Close()
		var r result
		if resp.StatusCode != 200 {
			b, _ := io.ReadAll(resp.Body)
			r.err = fmt.Errorf("status %d: %s", resp.StatusCode, b)
		} else {
			r.err = json.NewDecoder(resp.Body).Decode(&r.a)
		}
		done <- r
	}()
	select {
	case <-inFlight:
	case <-time.After(30 * time.Second):
		t.Fatalf("no 100 Continue within 30s:\n%s", s.logs())
	}
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(s.logs(), `"msg":"shutting down"`) {
		if time.Now().After(deadline) {
			t.Fatalf("no shutdown logged:\n%s", s.logs())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if _, err := io.WriteString(pw, faultyArticle); err != nil {
		t.Fatal(err)
	}
	pw.Close()

	r := <-done
	if r.err != nil {
		t.Fatalf("in-flight request: %v\n%s", r.err, s.logs())
	}
	if r.a.Verdict != "fail" || len(r.a.Files) != 1 || len(r.a.Files[0].Diagnostics) == 0 || len(r.a.PluginFailures) != 0 {
		t.Errorf("in-flight request did not get a full answer: %+v", r.a)
	}
	select {
	case <-s.done:
	case <-time.After(30 * time.Second):
		t.Fatalf("server still running 30s after SIGTERM:\n%s", s.logs())
	}
	if s.code != 0 {
		t.Errorf("exit code %d after SIGTERM, want 0", s.code)
	}
	var pids []int
	for _, pid := range children {
		pids = append(pids, pid)
	}
	sort.Ints(pids)
	for _, pid := range pids {
		waitGone(t, pid)
	}
	if !strings.Contains(s.logs(), `"msg":"stopped"`) {
		t.Errorf("no stop logged:\n%s", s.logs())
	}
}

// benchArticles returns n distinct CMS JSON articles of about 1,000 words,
// built at run time from the shared clean articles (never copied into the
// repository), or from the repository's example article when ../shared is
// absent.
func benchArticles(b *testing.B, n int) []string {
	b.Helper()
	var paras []string
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "eval-public", "articles", "*.txt"))
	if len(paths) == 0 {
		paths = []string{filepath.Join("..", "..", "testdata", "example-article.txt")}
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for _, para := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n\n") {
			if para = strings.TrimSpace(para); para != "" {
				paras = append(paras, para)
			}
		}
	}
	if len(paras) == 0 {
		b.Skip("no source text for benchmark articles")
	}
	out := make([]string, n)
	for i := range out {
		var body []string
		words := 0
		for k := i * 7; words < 1000; k++ {
			p := paras[k%len(paras)]
			body = append(body, p)
			words += len(strings.Fields(p))
		}
		a, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("bench-%d", i), "headline": fmt.Sprintf("Benchmark article %d", i), "body": strings.Join(body, "\n\n")})
		out[i] = string(a)
	}
	return out
}

// BenchmarkServeLatency measures one ~1,000-word article per request at 1,
// 8 and 32 concurrent clients over loopback, reporting p50 and p99 latency
// and throughput. b.N is the total number of requests:
//
//	go test ./cmd/copydesk -run '^$' -bench ServeLatency -benchtime 200x
func BenchmarkServeLatency(b *testing.B) {
	s := startServe(b, nil)
	arts := benchArticles(b, 16)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	post := func(body string) error {
		resp, err := client.Post(s.url+"/v1/check", "application/json", strings.NewReader(body))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			return err
		}
		if resp.StatusCode != 200 {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return nil
	}
	// Warm up: the first checks load word lists and models.
	for _, a := range arts {
		if err := post(a); err != nil {
			b.Fatal(err)
		}
	}
	for _, clients := range []int{1, 8, 32} {
		b.Run(fmt.Sprintf("clients=%d", clients), func(b *testing.B) {
			lat := make([]time.Duration, b.N)
			var mu sync.Mutex
			next := 0
			var wg sync.WaitGroup
			b.ResetTimer()
			for c := 0; c < clients; c++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						mu.Lock()
						i := next
						next++
						mu.Unlock()
						if i >= b.N {
							return
						}
						start := time.Now()
						if err := post(arts[i%len(arts)]); err != nil {
							b.Error(err)
							return
						}
						lat[i] = time.Since(start)
					}
				}()
			}
			wg.Wait()
			b.StopTimer()
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			pct := func(p float64) float64 {
				k := int(float64(len(lat))*p+0.999999) - 1
				return float64(lat[max(0, min(k, len(lat)-1))].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.99), "p99-ms")
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// TestServeHookScript runs the example hook (docs/hooks/pre-publish.sh) as a
// CMS would: publish on pass, block on fail, block when the server refuses.
func TestServeHookScript(t *testing.T) {
	for _, tool := range []string{"sh", "curl", "openssl"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	const secret = "hook secret with spaces"
	s := startServe(t, []string{"COPYDESK_HOOK_SECRET=" + secret}, "--fail-on", "warning")
	script := repoFile(t, filepath.Join("docs", "hooks", "pre-publish.sh"))
	dir := t.TempDir()
	run := func(secret, article string) (int, string, string) {
		t.Helper()
		path := filepath.Join(dir, "article.json")
		if err := os.WriteFile(path, []byte(article), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("sh", script, path)
		cmd.Env = append(os.Environ(), "COPYDESK_URL="+s.url, "COPYDESK_HOOK_SECRET="+secret, "COPYDESK_TIMEOUT=60")
		r := runCmd(t, cmd)
		return r.code, r.stdout, r.stderr
	}
	if code, out, errs := run(secret, cleanArticle); code != 0 || !strings.Contains(out, "verdict: pass") {
		t.Errorf("clean article: exit %d\n%s%s", code, out, errs)
	}
	// The findings are lines an editor reads, not a JSON blob.
	code, out, errs := run(secret, faultyArticle)
	if code != 1 || !strings.Contains(out, "ferry-fares:1:") || !strings.Contains(out, "warning:") || !strings.Contains(out, "[repetition/doubled-word]") || !strings.Contains(out, "verdict: fail") || strings.Contains(out, `"diagnostics"`) {
		t.Errorf("faulty article: exit %d, want 1 with the findings as lines\n%s%s", code, out, errs)
	}
	if code, out, errs := run("wrong", cleanArticle); code != 3 || !strings.Contains(errs, "401") {
		t.Errorf("wrong secret: exit %d, want 3 naming HTTP 401\n%s%s", code, out, errs)
	}
	s.stop()
	if code, out, errs := run(secret, cleanArticle); code != 3 {
		t.Errorf("server down: exit %d, want 3\n%s%s", code, out, errs)
	}
}

// TestServePluginCrashUnderLoad kills a plugin's process (the built-ins
// share one) while many requests are in flight: every answer is either
// complete or a fail naming plugins of that process, and once the load is
// over they are back.
func TestServePluginCrashUnderLoad(t *testing.T) {
	s := startServe(t, nil)
	victim := "repetition"
	children := pluginChildren(t, s.cmd.Process.Pid)
	pid := children[victim]
	if pid == 0 {
		t.Fatalf("no %s plugin", victim)
	}
	killed := sharing(children, pid) // the built-ins share one process
	const clients, total, killAt = 8, 240, 40
	var mu sync.Mutex
	sent := 0
	var wg sync.WaitGroup
	errs := make(chan string, total)
	for w := 0; w < clients; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := sent
				sent++
				mu.Unlock()
				if i >= total {
					return
				}
				if i == killAt {
					_ = syscall.Kill(pid, syscall.SIGKILL)
				}
				resp, err := http.Post(s.url+"/v1/check", "application/json", strings.NewReader(cleanArticle))
				if err != nil {
					errs <- err.Error()
					return
				}
				var c checkAnswer
				err = json.NewDecoder(resp.Body).Decode(&c)
				resp.Body.Close()
				if err != nil || resp.StatusCode != 200 {
					errs <- fmt.Sprintf("status %d, %v", resp.StatusCode, err)
					continue
				}
				for _, f := range c.PluginFailures {
					if !killed[f.Plugin] {
						errs <- fmt.Sprintf("a plugin that was not killed failed: %+v", f)
					}
				}
				if (len(c.PluginFailures) > 0) != (c.Verdict == "fail") {
					errs <- fmt.Sprintf("verdict %s with failures %+v", c.Verdict, c.PluginFailures)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	// At most one more call restarts it; after that the answers are whole.
	s.do("POST", "/v1/check", cleanArticle, nil)
	c := decodeCheck(t, s.do("POST", "/v1/check", cleanArticle, nil))
	if c.Verdict != "pass" || len(c.PluginFailures) != 0 {
		t.Errorf("after the load: %+v", c)
	}
}

func TestIsRemote(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": false,
		"127.0.0.2:0":    false,
		"[::1]:8080":     false,
		"localhost:8080": false,
		":8080":          true,
		"0.0.0.0:8080":   true,
		"[::]:8080":      true,
		"10.1.2.3:8080":  true,
	} {
		got, err := isRemote(addr)
		if err != nil || got != want {
			t.Errorf("isRemote(%q) = %v, %v; want %v", addr, got, err, want)
		}
	}
	if _, err := isRemote("8080"); err == nil {
		t.Error("an address without a port was accepted")
	}
}

// TestServeTimeoutDoesNotBlock sends an article large enough to outlast a
// short --timeout, then a small one: the small one must be answered (200)
// within a few seconds, because the plugins still working on the abandoned
// check are restarted instead of blocking every later request, and /readyz
// is ready again once they are back.
func TestServeTimeoutDoesNotBlock(t *testing.T) {
	s := startServe(t, nil, "--timeout", "1s")
	var body strings.Builder
	for i := 0; body.Len() < 1_900_000; i++ {
		fmt.Fprintf(&body, "The council met for the %dth time on Tuesday and the chair said the budget of %d dollars would be debated again next week, after residents asked for more time. ", i, 1000+i)
		if i%5 == 4 {
			body.WriteString("\n\n")
		}
	}
	big, err := json.Marshal(map[string]string{"id": "big", "headline": "Council budget", "body": body.String()})
	if err != nil {
		t.Fatal(err)
	}
	if a := s.do("POST", "/v1/check", string(big), nil); a.status != http.StatusGatewayTimeout {
		t.Fatalf("the large article: status %d, want 504: %.300s", a.status, a.raw)
	}
	t0 := time.Now()
	a := s.do("POST", "/v1/check", cleanArticle, nil)
	if a.status != 200 {
		t.Fatalf("a small article after a timed-out one: status %d after %s, want 200: %.300s", a.status, time.Since(t0), a.raw)
	}
	if d := time.Since(t0); d > 10*time.Second {
		t.Errorf("the small article took %s", d)
	}
	if c := decodeCheck(t, a); c.Verdict != "pass" || len(c.PluginFailures) != 0 {
		t.Errorf("after the timeout: %+v", c)
	}
	if r := s.do("GET", "/readyz", "", nil); r.status != 200 {
		t.Errorf("/readyz after recovery: %d %s", r.status, r.raw)
	}
}
