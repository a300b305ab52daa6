package runner

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/host"
)

// A plugin process checks one article at a time, so a large batch takes as
// long as its slowest plugin needs on one core, while the other plugins
// finish early and leave the machine's other cores idle. For a large batch
// each plugin therefore works through its articles in chunks, and when one
// plugin runs out of work, the plugin with the most chunks left gets a
// helper: a second process of the same built-in plugin, configured the
// same, that takes chunks from the same queue. Findings do not depend on
// which process checked an article (plugins keep no state from one article
// to the next), and results keep input order. With fewer plugins than
// cores, helpers start at once.
//
// Helpers live as long as the engine, so a run checked in several batches
// (the progress bar's) or a server keeps them. There are at most one fewer
// than the cores, and only built-in plugins get one: a third-party plugin
// might not expect to run twice at once.

const (
	// chunkSize articles are streamed to a process at a time: enough to
	// keep it busy between round trips, few enough that the last chunks
	// spread over the processes.
	chunkSize = 16
	// parallelMin is the smallest batch worth chunking; smaller ones (one
	// article from an editor or the server) go in one stream per plugin.
	parallelMin = 4 * chunkSize
)

func maxHelpers() int { return runtime.GOMAXPROCS(0) - 1 }

func (e *Engine) parallel(n int) bool { return n >= parallelMin && maxHelpers() > 0 && !e.oneStream }

// helperSet is the engine's helper processes, one at most per plugin.
type helperSet struct {
	mu sync.Mutex
	m  map[*enginePlugin]*helper
}

type helper struct {
	ready  chan struct{} // closed once started (or failed)
	h      *host.Host
	p      *host.Plugin
	broken atomic.Bool // failed to start, or failed an article: not used again
}

// live counts helpers started or starting. Call with mu held.
func (hs *helperSet) live() int {
	n := 0
	for _, h := range hs.m {
		if !h.broken.Load() {
			n++
		}
	}
	return n
}

func (hs *helperSet) close() {
	hs.mu.Lock()
	defer hs.mu.Unlock()
	for _, h := range hs.m {
		<-h.ready
		if h.h != nil {
			h.h.Close()
		}
	}
	hs.m = nil
}

// startHelper starts and configures a second process of ep's plugin.
func (e *Engine) startHelper(ctx context.Context, ep *enginePlugin, hp *helper) {
	defer close(hp.ready)
	h, errs := host.Start(ctx, []host.Spec{ep.p.Spec()}, e.hostOpts)
	hp.h = h
	ps := h.Plugins()
	if len(errs) > 0 || len(ps) != 1 {
		hp.broken.Store(true)
		return
	}
	hp.p = ps[0]
	if err := hp.p.Configure(ctx, ep.table.Options, e.cfg.RuleSettings(ep.table, ep.decl)); err != nil {
		hp.broken.Store(true)
	}
}

// job is one plugin's share of a chunked Check.
type job struct {
	ep       *enginePlugin
	articles []*article.Article
	results  []host.Result
	chunks   int
	next     atomic.Int64 // the next chunk to take
	helped   atomic.Bool
	mu       sync.Mutex
	end      time.Time // when its last chunk was answered
	elapsed  time.Duration
}

// take returns the next chunk's bounds, or ok false when none is left.
func (j *job) take() (lo, hi int, ok bool) {
	k := int(j.next.Add(1)) - 1
	if k >= j.chunks {
		return 0, 0, false
	}
	lo = k * chunkSize
	return lo, min(lo+chunkSize, len(j.articles)), true
}

func (j *job) left() int { return max(0, j.chunks-int(j.next.Load())) }

func (j *job) finish() {
	j.mu.Lock()
	if now := time.Now(); now.After(j.end) {
		j.end = now
	}
	j.mu.Unlock()
}

// work checks chunks on the plugin's own process until none is left.
func (j *job) work(ctx context.Context) {
	for {
		lo, hi, ok := j.take()
		if !ok {
			return
		}
		copy(j.results[lo:hi], j.ep.check(ctx, j.articles[lo:hi]))
	}
}

// workHelper checks chunks on the helper. A helper that fails an article
// (it crashed, hung or answered badly) is retired, and that chunk is
// checked again on the plugin's own process, so that failures are reported
// exactly as without helpers.
func (j *job) workHelper(ctx context.Context, hp *helper) {
	<-hp.ready
	for !hp.broken.Load() {
		lo, hi, ok := j.take()
		if !ok {
			return
		}
		res := hp.p.CheckAll(ctx, j.articles[lo:hi])
		for _, r := range res {
			if r.Err != nil {
				hp.broken.Store(true)
				res = j.ep.check(ctx, j.articles[lo:hi])
				break
			}
		}
		copy(j.results[lo:hi], res)
	}
}

// checkChunked runs every plugin over the articles in chunks, with helpers;
// it returns one job per plugin, in e.plugins order.
func (e *Engine) checkChunked(ctx context.Context, articles []*article.Article) []*job {
	t0 := time.Now()
	jobs := make([]*job, len(e.plugins))
	for i, ep := range e.plugins {
		jobs[i] = &job{ep: ep, articles: articles, results: make([]host.Result, len(articles)), chunks: (len(articles) + chunkSize - 1) / chunkSize, end: t0}
	}
	var wg sync.WaitGroup
	runHelper := func(j *job, hp *helper) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			j.workHelper(ctx, hp)
			j.finish()
		}()
	}
	// help gives a core that just ran out of work to the plugin with the
	// most chunks left.
	help := func() {
		if ctx.Err() != nil {
			return
		}
		e.helpers.mu.Lock()
		defer e.helpers.mu.Unlock()
		if e.helpers.live() >= maxHelpers() {
			return
		}
		var best *job
		for _, j := range jobs {
			if j.helped.Load() || !j.ep.p.Spec().Builtin || e.helpers.m[j.ep] != nil || j.left() < 2 {
				continue
			}
			if best == nil || j.left() > best.left() {
				best = j
			}
		}
		if best == nil {
			return
		}
		best.helped.Store(true)
		hp := &helper{ready: make(chan struct{})}
		if e.helpers.m == nil {
			e.helpers.m = map[*enginePlugin]*helper{}
		}
		e.helpers.m[best.ep] = hp
		go e.startHelper(context.WithoutCancel(ctx), best.ep, hp)
		runHelper(best, hp)
	}
	e.helpers.mu.Lock()
	for _, j := range jobs {
		if hp := e.helpers.m[j.ep]; hp != nil && !hp.broken.Load() {
			j.helped.Store(true)
			runHelper(j, hp)
		}
	}
	e.helpers.mu.Unlock()
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			j.work(ctx)
			j.finish()
			help()
		}()
	}
	// Fewer plugins than cores (a configuration with one or two plugins
	// on): the spare cores need not wait for a plugin to finish.
	for range runtime.GOMAXPROCS(0) - len(jobs) {
		help()
	}
	wg.Wait()
	for _, j := range jobs {
		j.elapsed = j.end.Sub(t0)
	}
	return jobs
}
