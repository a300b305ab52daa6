// Package runner is copydesk's pipeline: start the plugins a configuration
// enables, send them parsed articles, and turn what they find into sorted,
// filtered diagnostics with source positions. The CLI and the hook server
// both drive an Engine; reporters print its Results.
package runner

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/config"
	"github.com/copydesk/copydesk/core/host"
	"github.com/copydesk/copydesk/core/sdk"
)

// Engine is a configured set of running plugins.
type Engine struct {
	cfg     *config.Config
	host    *host.Host
	plugins []*enginePlugin
	// Failed lists plugins that could not start; their findings are missing
	// from every result.
	failed []Failure
	// hostOpts start helper processes (parallel.go) the way the plugins
	// were started.
	hostOpts host.Options
	helpers  helperSet
	// oneStream turns chunks and helpers off (tests compare both ways).
	oneStream bool
	logger    hclog.Logger
}

type enginePlugin struct {
	p       *host.Plugin
	decl    *sdk.Plugin
	table   *config.Plugin
	mu      sync.Mutex // guards the two fields below
	crashed bool       // the last call lost findings: restart before the next
	broken  error      // set when a restart failed; the plugin sits out
	warm    bool       // restart at once after a failure (KeepWarm)
	// restarting is set while a restart holds mu, for Unready.
	restarting atomic.Bool
}

// Failure is a plugin that lost its findings, for one file or for the run.
type Failure struct {
	Plugin string `json:"plugin"`
	Path   string `json:"path,omitempty"` // empty: every file
	Error  string `json:"error"`
}

// Options set up an Engine.
type Options struct {
	Config *config.Config
	// Builtins declares the plugins this binary serves, by name.
	Builtins []*sdk.Plugin
	Logger   hclog.Logger
	// Bundle serves the enabled built-in rulesets from one process
	// (host.Options.Bundle): less CPU and memory, and a crash or hang of
	// that process fails every built-in for the articles in flight.
	Bundle bool
}

// Start launches every enabled plugin concurrently, checks the
// configuration against what they declare, and configures them. A
// configuration error is returned (the caller exits 2); a plugin that does
// not start is recorded as a Failure and the others run.
func Start(ctx context.Context, opt Options) (*Engine, error) {
	cfg := opt.Config
	builtinNames := make([]string, len(opt.Builtins))
	decls := map[string]*sdk.Plugin{}
	for i, b := range opt.Builtins {
		builtinNames[i] = b.Name
		decls[b.Name] = b
	}
	// Built-in declarations are known without starting anything, so their
	// options are checked before any process starts.
	if err := cfg.Validate(decls); err != nil {
		return nil, err
	}
	tables := cfg.WithBuiltins(builtinNames)
	var specs []host.Spec
	var enabled []*config.Plugin
	for _, t := range tables {
		if !t.Enabled {
			continue
		}
		if d := decls[t.Name]; d != nil && !anyRuleEnabled(cfg, t, d) {
			continue // start a plugin only when one of its rules is on
		}
		specs = append(specs, host.Spec{Name: t.Name, Builtin: decls[t.Name] != nil, Path: t.Path, SHA256: t.SHA256})
		enabled = append(enabled, t)
	}
	e := &Engine{cfg: cfg, hostOpts: host.Options{StartTimeout: cfg.StartTimeout, CheckTimeout: cfg.CheckTimeout, Logger: opt.Logger, Bundle: opt.Bundle}, logger: opt.Logger}
	h, errs := host.Start(ctx, specs, e.hostOpts)
	e.host = h
	for _, pe := range errs {
		e.failed = append(e.failed, Failure{Plugin: pe.Plugin, Error: pe.Error()})
	}
	running := map[string]*host.Plugin{}
	for _, p := range h.Plugins() {
		running[p.Name()] = p
	}
	// Third-party plugins declare themselves over the protocol.
	for _, t := range enabled {
		if p := running[t.Name]; p != nil && decls[t.Name] == nil {
			info := p.Info()
			if info.Name != t.Name {
				h.Close()
				return nil, &config.Error{Path: cfg.Path, Line: cfg.Line(t.Name), Msg: fmt.Sprintf(
					"the table [%s] starts %s, which declares itself as plugin %q: name the table [%s], so that rule ids (%s/RULE), overrides and copydesk:ignore comments all use one name",
					t.Name, t.Path, info.Name, info.Name, info.Name)}
			}
			decls[t.Name] = info
		}
	}
	if err := cfg.Validate(decls); err != nil {
		h.Close()
		return nil, err
	}
	for _, t := range enabled {
		p := running[t.Name]
		if p == nil {
			continue
		}
		ep := &enginePlugin{p: p, decl: decls[t.Name], table: t}
		if err := p.Configure(ctx, t.Options, cfg.RuleSettings(t, ep.decl)); err != nil {
			h.Close()
			return nil, &config.Error{Path: cfg.Path, Line: refusedLine(cfg, t.Name, err), Msg: err.Error()}
		}
		e.plugins = append(e.plugins, ep)
	}
	return e, nil
}

func anyRuleEnabled(cfg *config.Config, t *config.Plugin, d *sdk.Plugin) bool {
	for _, s := range cfg.RuleSettings(t, d) {
		if s.Enabled {
			return true
		}
	}
	return false
}

// Close stops every plugin process. It is safe to call more than once.
func (e *Engine) Close() {
	e.helpers.close()
	if e.host != nil {
		e.host.Close()
	}
}

// Declarations returns what each running plugin declares: its rules with
// their documentation and options, and last CorePlugin's.
func (e *Engine) Declarations() []*sdk.Plugin {
	out := make([]*sdk.Plugin, len(e.plugins))
	for i, ep := range e.plugins {
		out[i] = ep.decl
	}
	return append(out, CorePlugin)
}

// Config is the engine's configuration.
func (e *Engine) Config() *config.Config { return e.cfg }

// Rules lists every rule of every running plugin with its effective
// settings, for `copydesk rules` and the server's /v1/rules.
func (e *Engine) Rules() []RuleInfo {
	var out []RuleInfo
	for _, ep := range e.plugins {
		settings := e.cfg.RuleSettings(ep.table, ep.decl)
		for _, r := range ep.decl.Rules {
			sev := r.Severity
			if rc := ep.table.Rules[r.Name]; rc != nil && rc.Severity != 0 {
				sev = rc.Severity
			}
			out = append(out, RuleInfo{ID: ep.decl.Name + "/" + r.Name, Category: r.Category, Severity: sev, Enabled: settings[r.Name].Enabled, Languages: r.LanguageList(), Summary: r.Summary})
		}
	}
	return append(out, coreRules()...)
}

// RuleInfo is one line of `copydesk rules`.
type RuleInfo struct {
	ID       string       `json:"id"`
	Category string       `json:"category"`
	Severity sdk.Severity `json:"severity"`
	Enabled  bool         `json:"enabled"`
	// Languages the rule reads: "any" or ISO 639-1 codes ("en").
	Languages string `json:"languages"`
	Summary   string `json:"summary"`
}

// PluginStatus is one line of `copydesk plugins`.
type PluginStatus struct {
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
	Source  string `json:"source"`
	Status  string `json:"status"`
}

// Plugins reports each plugin's name, version, source and status.
func (e *Engine) Plugins() []PluginStatus {
	var out []PluginStatus
	for _, ep := range e.plugins {
		src := "built-in"
		if ep.table.Path != "" {
			src = ep.table.Path
		}
		status := "running"
		ep.mu.Lock()
		if ep.broken != nil {
			status = "failed: " + ep.broken.Error()
		}
		ep.mu.Unlock()
		out = append(out, PluginStatus{Name: ep.decl.Name, Version: ep.decl.Version, Source: src, Status: status})
	}
	for _, f := range e.failed {
		src := "built-in"
		if t := e.cfg.Plugin(f.Plugin); t != nil && t.Path != "" {
			src = t.Path
		}
		out = append(out, PluginStatus{Name: f.Plugin, Source: src, Status: "failed to start: " + f.Error})
	}
	return out
}

// Check sends the articles to every plugin (each over its own pipelined
// stream, all plugins at once) and returns the processed findings per
// article, in input order.
func (e *Engine) Check(ctx context.Context, articles []*article.Article) *Result {
	res := &Result{Failures: append([]Failure{}, e.failed...)}
	e.decideLanguages(articles)
	if !recurrenceMarked(articles) {
		MarkRecurring(articles) // recurring.go: the cross-file signal
	}
	files := make([]*File, len(articles))
	for i, a := range articles {
		files[i] = &File{Path: a.Path, Diagnostics: []Diagnostic{}, Article: a}
	}
	type pluginOut struct {
		ep      *enginePlugin
		results []host.Result
		elapsed time.Duration
	}
	outs := make([]pluginOut, len(e.plugins))
	if e.parallel(len(articles)) {
		for i, j := range e.checkChunked(ctx, articles) {
			outs[i] = pluginOut{ep: j.ep, results: j.results, elapsed: j.elapsed}
		}
	} else {
		var wg sync.WaitGroup
		for i, ep := range e.plugins {
			wg.Add(1)
			go func(i int, ep *enginePlugin) {
				defer wg.Done()
				t0 := time.Now()
				results := ep.check(ctx, articles)
				outs[i] = pluginOut{ep: ep, results: results, elapsed: time.Since(t0)}
			}(i, ep)
		}
		wg.Wait()
	}
	for _, o := range outs {
		name := o.ep.decl.Name
		res.Stats = append(res.Stats, PluginStat{Plugin: name, Articles: len(articles), Elapsed: o.elapsed, PeakRSS: peakRSS(o.ep.p.PID())})
		for i, r := range o.results {
			a := articles[i]
			if r.Err != nil {
				res.Failures = append(res.Failures, Failure{Plugin: name, Path: a.Path, Error: r.Err.Error()})
				continue
			}
			for _, f := range r.Failures {
				res.Failures = append(res.Failures, Failure{Plugin: name + "/" + f.Rule, Path: a.Path, Error: f.Error})
			}
			for _, f := range r.Findings {
				if rule := o.ep.decl.Rule(f.Rule); rule != nil && !rule.Understands(a.Language) {
					continue // a plugin that ignored the article's language
				}
				files[i].Diagnostics = append(files[i].Diagnostics, toDiagnostic(a, name, f))
			}
		}
	}
	severities, known := e.severities(), e.catalog()
	for _, f := range files {
		f.Diagnostics = processFile(e.cfg, severities, known, f)
	}
	res.Files = files
	sort.SliceStable(res.Failures, func(i, j int) bool {
		if res.Failures[i].Path != res.Failures[j].Path {
			return res.Failures[i].Path < res.Failures[j].Path
		}
		return res.Failures[i].Plugin < res.Failures[j].Plugin
	})
	return res
}

// check runs one plugin over the articles. A plugin that failed on an
// earlier call is restarted first, so a long-running server recovers; a
// one-shot CLI run never pays for a restart it will not use.
func (ep *enginePlugin) check(ctx context.Context, articles []*article.Article) []host.Result {
	ep.mu.Lock()
	ep.restartIfCrashed(ctx)
	broken := ep.broken
	ep.mu.Unlock()
	if broken != nil {
		out := make([]host.Result, len(articles))
		for i := range out {
			out[i].Err = broken
		}
		return out
	}
	pid := ep.p.PID()
	results := ep.p.CheckAll(ctx, articles)
	for _, r := range results {
		if r.Err != nil {
			// Restart only the process this call saw die (or stopped when
			// the call was abandoned): under concurrent requests, calls
			// still running on a dead process must not kill the fresh one
			// another call already started. An article the plugin answered
			// badly while staying alive needs no restart. A bundled
			// built-in's Restart leaves a running process alone, so its
			// stopped process is always restarted, whoever stopped it.
			ep.mu.Lock()
			if (ep.p.PID() == pid || ep.p.Bundled()) && !ep.p.Running() {
				ep.crashed = true
				ep.restartSoon()
			}
			ep.mu.Unlock()
			break
		}
	}
	return results
}

// severities maps "plugin/rule" to the severity rules.toml sets for it.
func (e *Engine) severities() map[string]sdk.Severity {
	out := map[string]sdk.Severity{}
	for _, ep := range e.plugins {
		for name, rc := range ep.table.Rules {
			if rc.Severity != 0 {
				out[ep.decl.Name+"/"+name] = rc.Severity
			}
		}
	}
	return out
}

// refusedOption finds the rule option a plugin's refusal names ("rule
// recurring-line: recurring_share: 2 is outside ...", as sdk.NewSession
// words a Rule.Validate error).
var refusedOption = regexp.MustCompile(`rule ([A-Za-z0-9_-]+): ([A-Za-z0-9_]+): `)

// refusedLine is the rules.toml line of what a plugin refused: the rule
// option it names when rules.toml sets it, else the plugin's table.
func refusedLine(cfg *config.Config, plugin string, err error) int {
	if m := refusedOption.FindStringSubmatch(err.Error()); m != nil {
		if l := cfg.Line(plugin, "rules", m[1], m[2]); l > 0 {
			return l
		}
		if l := cfg.Line(plugin, "rules", m[1]); l > 0 {
			return l
		}
	}
	return cfg.Line(plugin)
}
