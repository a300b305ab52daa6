package host

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/protocol"
	"github.com/copydesk/copydesk/core/protocol/pb"
	"github.com/copydesk/copydesk/core/sdk"
)

// Plugin is one plugin of the run.
type Plugin struct {
	host   *Host
	spec   Spec
	bundle *bundle // the shared process it is served from (Options.Bundle), or nil

	// restartMu serialises Restart; mu guards the fields below.
	restartMu sync.Mutex
	mu        sync.Mutex
	proc      *process
	info      *sdk.Plugin
	rules     map[string]*sdk.Rule
	lastConf  *pb.ConfigureRequest
}

// Result is one plugin's answer for one article.
type Result struct {
	Findings []sdk.Finding
	Failures []sdk.RuleFailure // rules that panicked; the others' findings stand
	// Err is non-nil when the plugin crashed, hung (no answer within
	// CheckTimeout) or returned garbage for this article. Its findings for
	// the article are lost; everything else stands.
	Err error
}

// Name is the plugin's table name in rules.toml.
func (p *Plugin) Name() string { return p.spec.Name }

// Spec is how the plugin was found.
func (p *Plugin) Spec() Spec { return p.spec }

// Info is the plugin's description from Describe. Its rules have no Check
// function and it has no Configure; treat it as read-only.
func (p *Plugin) Info() *sdk.Plugin {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.info
}

// PID is the plugin's process id, or 0 when it is not running.
func (p *Plugin) PID() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.proc == nil {
		return 0
	}
	return p.proc.pid
}

// Running reports whether the plugin has a process that can still check
// articles: false after a crash, a hang or Close, until Restart.
func (p *Plugin) Running() bool {
	// Not current(): readiness must not wait for a bundle's restart.
	pr := p.proc0()
	return pr != nil && pr.brokenErr() == nil
}

// current returns the running process, or why there is none.
func (p *Plugin) current() (*process, error) {
	p.mu.Lock()
	pr := p.proc
	p.mu.Unlock()
	if p.bundle != nil && (pr == nil || pr.brokenErr() != nil) {
		// Another member may be restarting the shared process (its call
		// saw the fault first): wait for that restart rather than fail.
		p.bundle.restartMu.Lock()
		p.bundle.restartMu.Unlock()
		p.mu.Lock()
		pr = p.proc
		p.mu.Unlock()
	}
	if pr == nil {
		return nil, fmt.Errorf("plugin %s is not running", p.spec.Name)
	}
	if err := pr.brokenErr(); err != nil {
		return nil, fmt.Errorf("plugin %s was stopped earlier in this run (%v)", p.spec.Name, err)
	}
	return pr, nil
}

// Restart starts the plugin's process again (killing the old one, if any),
// asks for its description and re-applies the last Configure. The
// long-running server mode calls it after a crash or a hang.
//
// A bundled built-in (Options.Bundle) shares its process: Restart starts it
// again only when it is stopped (a crash, a hang, an abandoned check,
// Close), for every member with its own configuration; a running shared
// process is left alone, since the other members' checks run on it.
func (p *Plugin) Restart(ctx context.Context) error {
	if p.bundle != nil {
		return p.bundle.restart(ctx, false)
	}
	p.restartMu.Lock()
	defer p.restartMu.Unlock()
	h := p.host
	if err := h.register(p); err != nil {
		return err
	}
	defer h.starting.Done()

	p.mu.Lock()
	old := p.proc
	p.proc = nil
	conf := p.lastConf
	p.mu.Unlock()
	if old != nil {
		old.kill()
	}

	pr, err := p.launch()
	if err != nil {
		return err
	}
	info, rules, err := p.describe(ctx, pr)
	if err != nil {
		pr.kill()
		return err
	}
	if conf != nil {
		if err := p.configure(ctx, pr, conf); err != nil {
			pr.kill()
			return fmt.Errorf("re-applying rules.toml after a restart: %w", err)
		}
	}
	p.mu.Lock()
	p.proc, p.info, p.rules = pr, info, rules
	p.mu.Unlock()
	return nil
}

func (p *Plugin) describe(ctx context.Context, pr *process) (*sdk.Plugin, map[string]*sdk.Rule, error) {
	ctx, cancel := context.WithTimeout(ctx, p.host.opts.StartTimeout)
	defer cancel()
	resp, err := pr.rpc.Describe(p.call(ctx), &pb.DescribeRequest{})
	if err != nil && errors.Is(ctx.Err(), context.Canceled) {
		return nil, nil, fmt.Errorf("start cancelled: %w", ctx.Err())
	}
	if err != nil {
		return nil, nil, fmt.Errorf("did not describe its rules within %s: %w%s", p.host.opts.StartTimeout, err, pr.stderr.summary())
	}
	info, err := protocol.DescribeFromWire(resp)
	if err != nil {
		return nil, nil, fmt.Errorf("sent an unreadable description: %w", err)
	}
	if err := validateInfo(info); err != nil {
		return nil, nil, fmt.Errorf("sent an invalid description: %w; report this to the plugin's author", err)
	}
	rules := make(map[string]*sdk.Rule, len(info.Rules))
	for _, r := range info.Rules {
		rules[r.Name] = r
	}
	return info, rules, nil
}

// Configure applies rules.toml: the plugin-wide options and each listed
// rule's settings (a rule not listed runs with its defaults unless it is
// disabled by default). Option values travel as JSON. The plugin's refusal
// comes back as an error naming the option.
func (p *Plugin) Configure(ctx context.Context, pluginOptions sdk.Options, rules map[string]sdk.RuleSettings) error {
	req, err := protocol.ConfigureToWire(pluginOptions, rules)
	if err != nil {
		return fmt.Errorf("plugin %s: %w", p.spec.Name, err)
	}
	pr, err := p.current()
	if err != nil {
		return err
	}
	if err := p.configure(ctx, pr, req); err != nil {
		return err
	}
	p.mu.Lock()
	p.lastConf = req
	p.mu.Unlock()
	return nil
}

func (p *Plugin) configure(ctx context.Context, pr *process, req *pb.ConfigureRequest) error {
	ctx, cancel := context.WithTimeout(ctx, p.host.opts.CheckTimeout)
	defer cancel()
	resp, err := pr.rpc.Configure(p.call(ctx), req)
	if err != nil {
		return fmt.Errorf("plugin %s could not be configured: %w%s", p.spec.Name, err, pr.stderr.summary())
	}
	if resp.Error != "" {
		return fmt.Errorf("plugin %s refused its settings: %s", p.spec.Name, resp.Error)
	}
	return nil
}

// Check checks one article with a unary call bounded by CheckTimeout.
func (p *Plugin) Check(ctx context.Context, a *article.Article) Result {
	if err := p.sendable(a); err != nil {
		return Result{Err: err}
	}
	if ctx.Err() != nil {
		// Given up before anything was sent: no process is working on it,
		// so none is stopped.
		return Result{Err: fmt.Errorf("plugin %s: check cancelled: %w", p.spec.Name, ctx.Err())}
	}
	if r := p.rulesFor(a); r != nil && len(r) == 0 {
		return Result{} // no rule of the plugin reads the article's language
	}
	pr, err := p.current()
	if err != nil {
		return Result{Err: err}
	}
	cctx, cancel := context.WithTimeout(ctx, p.host.opts.CheckTimeout)
	defer cancel()
	resp, err := pr.rpc.Check(p.call(cctx), &pb.CheckRequest{Article: protocol.ArticleToWire(a), MaxFindings: int64(p.host.opts.MaxFindings), Rules: p.rulesFor(a)})
	if err != nil {
		switch {
		case ctx.Err() != nil:
			p.abandon(pr, ctx.Err())
			return Result{Err: fmt.Errorf("plugin %s: check cancelled: %w", p.spec.Name, ctx.Err())}
		case errors.Is(cctx.Err(), context.DeadlineExceeded), status.Code(err) == codes.DeadlineExceeded:
			err := p.hung()
			pr.stop(err)
			return Result{Err: err}
		}
		return Result{Err: p.streamFailure(ctx, pr, err)}
	}
	return p.result(resp, a)
}

// rulesFor names the plugin's rules that understand a's language, when
// some do not; nil asks for every rule. The plugin's SDK skips the others
// on its own too (it sees Article.Language); the list says it on the wire
// for plugins that do not use the SDK.
func (p *Plugin) rulesFor(a *article.Article) []string {
	p.mu.Lock()
	info := p.info
	p.mu.Unlock()
	if info == nil || a.Language == "" {
		return nil
	}
	var names []string
	all := true
	for _, r := range info.Rules {
		if r.Understands(a.Language) {
			names = append(names, r.Name)
		} else {
			all = false
		}
	}
	if all {
		return nil
	}
	if names == nil {
		names = []string{} // none: still not "every rule"
	}
	return names
}

func (p *Plugin) hung() error {
	if p.bundle != nil {
		return fmt.Errorf("plugin %s did not answer within %s, so %s was stopped; their rules are skipped for the rest of the run", p.spec.Name, p.host.opts.CheckTimeout, p.bundle.what())
	}
	return fmt.Errorf("plugin %s did not answer within %s and was stopped; its rules are skipped for the rest of the run", p.spec.Name, p.host.opts.CheckTimeout)
}

// streamFailure explains a failed call: a crash when the process is gone.
func (p *Plugin) streamFailure(ctx context.Context, pr *process, err error) error {
	p.mu.Lock()
	replaced := p.proc != pr
	p.mu.Unlock()
	if replaced {
		return fmt.Errorf("plugin %s was restarted during the check", p.spec.Name)
	}
	if b := pr.brokenErr(); b != nil {
		// The host stopped it: a hang, an abandoned check or Close, or
		// (bundled) another member's fault.
		return fmt.Errorf("plugin %s was stopped (%v)", p.spec.Name, b)
	}
	if pr.exited(ctx, timeToExit) {
		if p.bundle != nil {
			pr.stop(fmt.Errorf("%s crashed", p.bundle.what()))
			return fmt.Errorf("plugin %s: %s crashed; their rules are skipped for the rest of the run%s", p.spec.Name, p.bundle.what(), pr.stderr.summary())
		}
		pr.stop(errors.New("it crashed"))
		return fmt.Errorf("plugin %s crashed; its rules are skipped for the rest of the run%s", p.spec.Name, pr.stderr.summary())
	}
	if b := pr.brokenErr(); b != nil {
		return fmt.Errorf("plugin %s was stopped (%v)", p.spec.Name, b)
	}
	return fmt.Errorf("plugin %s failed on this article: %v", p.spec.Name, err)
}

// result validates a plugin's answer for article a.
func (p *Plugin) result(resp *pb.CheckResponse, a *article.Article) Result {
	if resp.Error != "" {
		return Result{Err: fmt.Errorf("plugin %s could not check the article: %s", p.spec.Name, resp.Error)}
	}
	p.mu.Lock()
	rules := p.rules
	p.mu.Unlock()
	if err := validate(resp, len(a.Text), rules, p.host.opts.MaxFindings); err != nil {
		return Result{Err: fmt.Errorf("plugin %s returned invalid findings (%v); they were dropped, report this to the plugin's author", p.spec.Name, err)}
	}
	return Result{Findings: protocol.FindingsFromWire(resp.Findings), Failures: protocol.FailuresFromWire(resp.Failures)}
}

// shutdown kills the running process for good (Host.Close).
func (p *Plugin) shutdown() {
	p.mu.Lock()
	pr := p.proc
	p.mu.Unlock()
	if pr != nil {
		pr.stop(errors.New("copydesk is shutting down"))
	}
}
