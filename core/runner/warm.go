package runner

import (
	"context"
	"fmt"
)

// A long-running caller (the hook server) keeps its plugins warm: a plugin
// that crashed, hung or was stopped because its check was abandoned is
// restarted at once in the background, so the next request finds it ready
// and readiness can say when it is not. A one-shot CLI run restarts lazily,
// before a later batch that needs the plugin, and never pays for a restart
// it will not use.

// KeepWarm makes the engine restart a failed plugin as soon as it fails.
// Call it before the first Check.
func (e *Engine) KeepWarm() {
	for _, ep := range e.plugins {
		ep.mu.Lock()
		ep.warm = true
		ep.mu.Unlock()
	}
}

// restartSoon restarts the plugin in the background when the engine keeps
// its plugins warm. Call with ep.mu held, after setting crashed.
func (ep *enginePlugin) restartSoon() {
	if !ep.warm {
		return
	}
	go func() {
		ep.mu.Lock()
		defer ep.mu.Unlock()
		ep.restartIfCrashed(context.Background())
	}()
}

// restartIfCrashed restarts a plugin whose last call lost findings. A
// failed restart sets broken: the plugin sits out from then on. The restart
// is not bounded by the caller's context (a request that is about to time
// out must not leave the plugin broken for good), only by the host's start
// timeout. Call with ep.mu held.
func (ep *enginePlugin) restartIfCrashed(ctx context.Context) {
	if !ep.crashed || ep.broken != nil {
		return
	}
	ep.restarting.Store(true)
	defer ep.restarting.Store(false)
	if err := ep.p.Restart(context.WithoutCancel(ctx)); err != nil {
		ep.broken = fmt.Errorf("plugin %s could not be restarted after a failure: %v", ep.decl.Name, err)
	}
	ep.crashed = false
}

// Unready lists the plugins that cannot take work now, each as "name:
// why": those that failed to start or to restart, and those being
// restarted. The hook server's /readyz fails while the list is not empty.
func (e *Engine) Unready() []string {
	var out []string
	for _, f := range e.failed {
		out = append(out, f.Plugin+": failed to start")
	}
	for _, ep := range e.plugins {
		if ep.restarting.Load() {
			out = append(out, ep.decl.Name+": restarting")
			continue
		}
		ep.mu.Lock()
		broken, crashed := ep.broken, ep.crashed
		ep.mu.Unlock()
		switch {
		case broken != nil:
			out = append(out, ep.decl.Name+": "+broken.Error())
		case crashed || !ep.p.Running():
			out = append(out, ep.decl.Name+": restarting")
		}
	}
	return out
}
