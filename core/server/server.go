// Package server is copydesk's CMS pre-publish hook: an HTTP handler that
// checks the articles a CMS posts with the warm plugins of one runner.Engine
// and answers with the same JSON as `copydesk check --format json`, plus a
// publish verdict. The handler keeps nothing between requests; its only
// shared state is the engine, the readiness flags and a bound on requests in
// flight.
package server

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/report"
	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
)

// SignatureHeader carries "sha256=" and the hex HMAC-SHA256 of the request
// body under the shared secret.
const SignatureHeader = "X-Copydesk-Signature"

// Defaults for Options' zero values.
const (
	DefaultMaxBodyBytes = 2 << 20
	DefaultTimeout      = 30 * time.Second
	DefaultMaxInFlight  = 64
)

// Checker is what the handler needs of a runner.Engine. Both methods must be
// safe for concurrent callers.
type Checker interface {
	Check(ctx context.Context, articles []*article.Article) *runner.Result
	Rules() []runner.RuleInfo
}

// Options configure a Server. They are fixed when it is created.
type Options struct {
	// FailOn is the lowest severity that makes the verdict "fail".
	FailOn sdk.Severity
	// Secret, when not empty, is the shared HMAC key: requests to /v1/ must
	// carry a valid SignatureHeader or get 401.
	Secret []byte
	// MaxBodyBytes bounds a request body; larger bodies get 413.
	MaxBodyBytes int64
	// Timeout bounds one check; a check that takes longer gets 504.
	Timeout time.Duration
	// MaxInFlight bounds concurrent checks; more get 503 with Retry-After,
	// so a burst sheds load instead of queueing without limit.
	MaxInFlight int
	// Logger receives one line per request.
	Logger *slog.Logger
}

// Server is the hook's http.Handler. It answers /healthz at once and
// /readyz and /v1/ once SetChecker has been called.
type Server struct {
	opt      Options
	checker  atomic.Pointer[ready]
	draining atomic.Bool
	slots    chan struct{}
}

type ready struct {
	c Checker
	// problems are plugins that did not start: readiness fails, and every
	// check lists them as missing (verdict fail).
	problems []string
}

// New returns a Server that is live but not ready.
func New(opt Options) *Server {
	if opt.FailOn == 0 {
		opt.FailOn = sdk.Error
	}
	if opt.MaxBodyBytes <= 0 {
		opt.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxInFlight <= 0 {
		opt.MaxInFlight = DefaultMaxInFlight
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.NewJSONHandler(io.Discard, nil))
	}
	return &Server{opt: opt, slots: make(chan struct{}, opt.MaxInFlight)}
}

// SetChecker makes the server ready to check with c. problems name plugins
// that failed to start; while there are any, /readyz answers 503 so that a
// load balancer prefers healthy replicas.
func (s *Server) SetChecker(c Checker, problems []string) {
	s.checker.Store(&ready{c: c, problems: problems})
}

// Drain makes /readyz fail from now on, so load balancers stop sending new
// requests while in-flight ones finish (call it before http.Server.Shutdown).
func (s *Server) Drain() { s.draining.Store(true) }

// reqLog collects what a handler wants in the request's log line.
type reqLog struct {
	articles int
	verdict  string
	err      string
}

// statusWriter records the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

type route struct {
	methods []string // the first is the one Allow names first
	handle  func(s *Server, w http.ResponseWriter, r *http.Request, l *reqLog)
}

var routes = map[string]route{
	"/healthz":  {[]string{http.MethodGet, http.MethodHead}, (*Server).healthz},
	"/readyz":   {[]string{http.MethodGet, http.MethodHead}, (*Server).readyz},
	"/v1/check": {[]string{http.MethodPost}, (*Server).check},
	"/v1/rules": {[]string{http.MethodGet, http.MethodHead}, (*Server).rules},
}

func (s *Server) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	start := time.Now()
	w := &statusWriter{ResponseWriter: rw}
	l := &reqLog{}
	defer func() {
		attrs := []any{"method", r.Method, "path", r.URL.Path, "status", w.status,
			"duration_ms", float64(time.Since(start).Microseconds()) / 1000, "remote", r.RemoteAddr}
		if l.articles > 0 {
			attrs = append(attrs, "articles", l.articles)
		}
		if l.verdict != "" {
			attrs = append(attrs, "verdict", l.verdict)
		}
		if l.err != "" {
			attrs = append(attrs, "error", l.err)
		}
		level := slog.LevelInfo
		if w.status >= 500 {
			level = slog.LevelWarn
		}
		s.opt.Logger.Log(r.Context(), level, "request", attrs...)
	}()

	rt, ok := routes[r.URL.Path]
	if !ok {
		s.fail(w, l, http.StatusNotFound, apiError{Error: fmt.Sprintf("no endpoint %s: use POST /v1/check, GET /v1/rules, GET /healthz or GET /readyz", r.URL.Path)})
		return
	}
	allowed := false
	for _, m := range rt.methods {
		allowed = allowed || r.Method == m
	}
	if !allowed {
		w.Header().Set("Allow", strings.Join(rt.methods, ", "))
		s.fail(w, l, http.StatusMethodNotAllowed, apiError{Error: fmt.Sprintf("%s does not accept %s; use %s", r.URL.Path, r.Method, rt.methods[0])})
		return
	}
	rt.handle(s, w, r, l)
}

// apiError is the body of every non-2xx answer.
type apiError struct {
	Error string `json:"error"`
	// Line and Column place a JSON syntax error in the request body.
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
	// Article is the 1-based index, in a batch, of the article at fault.
	Article int `json:"article,omitempty"`
	// Verdict is "fail" when a check could not be completed: unchecked
	// copy must not be published.
	Verdict string `json:"verdict,omitempty"`
}

func (s *Server) fail(w http.ResponseWriter, l *reqLog, status int, e apiError) {
	l.err = e.Error
	if e.Verdict != "" {
		l.verdict = e.Verdict
	}
	writeJSON(w, status, e)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client went away: nothing to do
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request, _ *reqLog) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) readyz(w http.ResponseWriter, _ *http.Request, l *reqLog) {
	rd := s.checker.Load()
	switch {
	case s.draining.Load():
		l.err = "shutting down"
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "shutting down"})
	case rd == nil:
		l.err = "plugins starting"
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "starting"})
	case len(rd.problems) > 0:
		l.err = "plugins failed to start"
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "degraded", "plugin_failures": rd.problems})
	case len(unready(rd.c)) > 0:
		l.err = "plugins cannot take work"
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "recovering", "plugin_failures": unready(rd.c)})
	default:
		writeJSON(w, http.StatusOK, map[string]any{"status": "ready"})
	}
}

// Readiness is what a Checker may also offer: the plugins that cannot take
// work right now (being restarted after a crash, a hang or an abandoned
// check, or failed for good). While any are listed, /readyz answers 503.
type Readiness interface {
	Unready() []string
}

func unready(c Checker) []string {
	if r, ok := c.(Readiness); ok {
		return r.Unready()
	}
	return nil
}

// authorize checks the body's signature when a secret is configured.
func (s *Server) authorize(r *http.Request, body []byte) error {
	if len(s.opt.Secret) == 0 {
		return nil
	}
	got := r.Header.Get(SignatureHeader)
	if got == "" {
		return fmt.Errorf("missing %s header: sign the request body with HMAC-SHA256 under the shared secret and send sha256=<hex>", SignatureHeader)
	}
	hexSig, ok := strings.CutPrefix(got, "sha256=")
	sig, err := hex.DecodeString(hexSig)
	if !ok || err != nil {
		return fmt.Errorf("malformed %s header: want sha256=<hex>", SignatureHeader)
	}
	mac := hmac.New(sha256.New, s.opt.Secret)
	mac.Write(body)
	if !hmac.Equal(sig, mac.Sum(nil)) {
		return fmt.Errorf("%s does not match the request body", SignatureHeader)
	}
	return nil
}

// Sign returns the SignatureHeader value for body under secret.
func Sign(secret, body []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// readBody reads at most MaxBodyBytes and authorises the request. It writes
// the error answer itself and returns ok=false when the request is refused.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request, l *reqLog) ([]byte, bool) {
	tooLarge := apiError{Error: fmt.Sprintf("request body is larger than %d bytes; send one article at a time or raise --max-body-bytes", s.opt.MaxBodyBytes)}
	if r.ContentLength > s.opt.MaxBodyBytes {
		s.fail(w, l, http.StatusRequestEntityTooLarge, tooLarge)
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opt.MaxBodyBytes))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			s.fail(w, l, http.StatusRequestEntityTooLarge, tooLarge)
		} else {
			s.fail(w, l, http.StatusBadRequest, apiError{Error: "reading the request body: " + err.Error()})
		}
		return nil, false
	}
	if err := s.authorize(r, body); err != nil {
		s.fail(w, l, http.StatusUnauthorized, apiError{Error: err.Error()})
		return nil, false
	}
	return body, true
}

func (s *Server) rules(w http.ResponseWriter, r *http.Request, l *reqLog) {
	if _, ok := s.readBody(w, r, l); !ok {
		return
	}
	rd := s.checker.Load()
	if rd == nil {
		s.fail(w, l, http.StatusServiceUnavailable, apiError{Error: "plugins are still starting; retry shortly"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"fail_on": s.opt.FailOn, "rules": rd.c.Rules()})
}

// CheckResponse is the answer to POST /v1/check: the JSON of `copydesk check
// --format json` with the verdict. Verdict is "fail" when a finding is at or
// above FailOn or when any plugin's findings are missing (PluginFailures).
type CheckResponse struct {
	Verdict string       `json:"verdict"`
	FailOn  sdk.Severity `json:"fail_on"`
	*runner.Result
}

func (s *Server) check(w http.ResponseWriter, r *http.Request, l *reqLog) {
	rd := s.checker.Load()
	if rd == nil {
		w.Header().Set("Retry-After", "1")
		s.fail(w, l, http.StatusServiceUnavailable, apiError{Error: "plugins are still starting; retry shortly", Verdict: "fail"})
		return
	}
	select {
	case s.slots <- struct{}{}:
		defer func() { <-s.slots }()
	default:
		w.Header().Set("Retry-After", "1")
		s.fail(w, l, http.StatusServiceUnavailable, apiError{Error: fmt.Sprintf("%d checks are already running; retry shortly", s.opt.MaxInFlight), Verdict: "fail"})
		return
	}
	body, ok := s.readBody(w, r, l)
	if !ok {
		return
	}
	var textFormat bool
	switch f := r.URL.Query().Get("format"); f {
	case "", "json":
	case "text":
		textFormat = true
	default:
		s.fail(w, l, http.StatusBadRequest, apiError{Error: fmt.Sprintf("unknown format %q: use format=json (the default) or format=text", f)})
		return
	}
	articles, perr := ParseRequest(body)
	if perr != nil {
		s.fail(w, l, http.StatusBadRequest, *perr)
		return
	}
	l.articles = len(articles)

	ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
	defer cancel()
	res := rd.c.Check(ctx, articles)
	if err := ctx.Err(); err != nil {
		if r.Context().Err() != nil {
			// The CMS hung up; nobody reads the answer.
			l.err = "client went away"
			w.WriteHeader(499)
			return
		}
		s.fail(w, l, http.StatusGatewayTimeout, apiError{Error: fmt.Sprintf("the check did not finish within %s; do not publish unchecked copy (raise --timeout or send fewer articles)", s.opt.Timeout), Verdict: "fail"})
		return
	}
	resp := CheckResponse{Verdict: Verdict(res, s.opt.FailOn), FailOn: s.opt.FailOn, Result: res}
	l.verdict = resp.Verdict
	w.Header().Set(VerdictHeader, resp.Verdict)
	if textFormat {
		writeText(w, resp)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// VerdictHeader carries the verdict of a 200 answer to /v1/check, so that a
// client reading the text format (or none) need not parse JSON.
const VerdictHeader = "X-Copydesk-Verdict"

// writeText answers with the findings as `copydesk check --format text`
// prints them without colour, and the verdict on the last line: what a
// hook script shows an editor.
func writeText(w http.ResponseWriter, resp CheckResponse) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_ = (&report.Text{}).Report(w, resp.Result)
	fmt.Fprintf(w, "verdict: %s (fail_on %s)\n", resp.Verdict, resp.FailOn)
}

// Verdict is "fail" when a finding is at or above failOn, when a plugin's
// findings are missing, or when a file could not be checked; else "pass".
func Verdict(res *runner.Result, failOn sdk.Severity) string {
	if len(res.Failures) > 0 {
		return "fail"
	}
	for _, f := range res.Files {
		if f.Error != "" {
			return "fail"
		}
		for _, d := range f.Diagnostics {
			if d.Severity >= failOn {
				return "fail"
			}
		}
	}
	return "pass"
}
