package host

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/core/protocol"
)

// BundleCommand is the first argument with which copydesk re-executes
// itself to serve several built-in rulesets from one process:
// `copydesk __bundle NAME...` (Options.Bundle).
const BundleCommand = "__bundle"

// bundle is the one process that serves the built-in rulesets of a run when
// Options.Bundle is set (protocol.ServeBundle). Its members share the
// process: a crash or a hang stops it for all of them, and a Restart of any
// member restarts it for all, re-applying every member's configuration.
// Each member keeps its own description, configuration and validation, and
// each call names its member (protocol.ForRuleset), so a panicking rule or
// invalid findings still cost only that ruleset's article.
type bundle struct {
	host    *Host
	members []*Plugin // in spec order

	restartMu sync.Mutex // serialises restarts of the shared process
}

// names lists the members, for the command line and for error messages.
func (b *bundle) names() []string {
	out := make([]string, len(b.members))
	for i, m := range b.members {
		out[i] = m.spec.Name
	}
	return out
}

// what names the shared process in errors: "the built-in rulesets' process
// (a, b, c)".
func (b *bundle) what() string {
	return "the built-in rulesets' process (" + strings.Join(b.names(), ", ") + ")"
}

// restart starts the shared process unless it is running: a member whose
// call saw the process die and a member whose call saw it stopped both ask,
// and the second must not kill what the first started (nor the work other
// requests have in flight on it). Every member is described again and gets
// its last configuration back. With force, a running process is replaced
// too (the start, and Plugin.Restart called on a healthy member).
func (b *bundle) restart(ctx context.Context, force bool) error {
	b.restartMu.Lock()
	defer b.restartMu.Unlock()
	h := b.host
	for _, m := range b.members {
		if err := h.register(m); err != nil {
			return err
		}
		defer h.starting.Done()
	}
	old := b.members[0].proc0()
	if old != nil && old.brokenErr() == nil && !force {
		return nil
	}
	for _, m := range b.members {
		m.mu.Lock()
		m.proc = nil
		m.mu.Unlock()
	}
	if old != nil {
		old.kill()
	}
	spec := Spec{Name: "builtins", Builtin: true}
	pr, err := h.launch(spec, b.names())
	if err != nil {
		return err
	}
	for _, m := range b.members {
		info, rules, err := m.describe(ctx, pr)
		if err != nil {
			pr.kill()
			return fmt.Errorf("%s: %w", m.spec.Name, err)
		}
		m.mu.Lock()
		conf := m.lastConf
		m.mu.Unlock()
		if conf != nil {
			if err := m.configure(ctx, pr, conf); err != nil {
				pr.kill()
				return fmt.Errorf("re-applying rules.toml after a restart: %w", err)
			}
		}
		m.mu.Lock()
		m.info, m.rules = info, rules
		m.mu.Unlock()
	}
	for _, m := range b.members {
		m.mu.Lock()
		m.proc = pr
		m.mu.Unlock()
	}
	return nil
}

// Bundled reports whether the plugin shares the built-in rulesets' process
// (Options.Bundle). Its Restart then leaves a running process alone.
func (p *Plugin) Bundled() bool { return p.bundle != nil }

// proc0 is the member's current process, nil when there is none.
func (p *Plugin) proc0() *process {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.proc
}

// call returns ctx naming the ruleset for a call to a bundled process.
func (p *Plugin) call(ctx context.Context) context.Context {
	if p.bundle == nil {
		return ctx
	}
	return protocol.ForRuleset(ctx, p.spec.Name)
}

// startBundle starts the built-in specs' shared process; the members that
// started are returned in spec order with the others' errors.
func (h *Host) startBundle(ctx context.Context, specs []Spec) ([]*Plugin, error) {
	b := &bundle{host: h}
	for _, s := range specs {
		b.members = append(b.members, &Plugin{host: h, spec: s, bundle: b})
	}
	if err := b.restart(ctx, true); err != nil {
		return nil, err
	}
	return b.members, nil
}
