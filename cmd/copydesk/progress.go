package main

import (
	"context"
	"os"
	"sort"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/runner"
)

// checkWithProgress checks the articles with one engine. When more than one
// article is checked and stderr is a terminal, it draws a progress bar on
// stderr; the report goes to stdout and is never touched, and a redirected
// or piped stderr (CI logs, scripts) gets no bar at all.
//
// The engine checks a whole slice in one call, so the bar advances per
// batch: the articles are sent in batches of up to 64, each batch streamed
// to every plugin at once as usual. The plugins stay running between
// batches.
func checkWithProgress(ctx context.Context, e *runner.Engine, articles []*article.Article) *runner.Result {
	if len(articles) < 2 || !stderrIsTerminal() {
		return e.Check(ctx, articles)
	}
	bar := progressbar.NewOptions(len(articles),
		progressbar.OptionSetWriter(os.Stderr),
		progressbar.OptionSetDescription("checking"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionSetRenderBlankState(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	defer bar.Exit()
	runner.MarkRecurring(articles) // the cross-file signal spans the whole run, not one batch
	var out *runner.Result
	size := batchSize(len(articles))
	for start := 0; start < len(articles); start += size {
		end := min(start+size, len(articles))
		res := e.Check(ctx, articles[start:end])
		out = mergeBatch(out, res)
		if ctx.Err() != nil {
			break
		}
		bar.Add(end - start)
	}
	bar.Finish()
	sort.SliceStable(out.Failures, func(i, j int) bool {
		if out.Failures[i].Path != out.Failures[j].Path {
			return out.Failures[i].Path < out.Failures[j].Path
		}
		return out.Failures[i].Plugin < out.Failures[j].Plugin
	})
	return out
}

// batchSize keeps about 20 steps on the bar without making batches so small
// that per-call overhead shows, nor larger than 64.
func batchSize(n int) int {
	return max(1, min(64, (n+19)/20))
}

func stderrIsTerminal() bool {
	fd := os.Stderr.Fd()
	return isatty.IsTerminal(fd) || isatty.IsCygwinTerminal(fd)
}

// mergeBatch appends one batch's result to the run's. Failures of plugins
// that never started are repeated in every batch and kept once; per-plugin
// stats are summed.
func mergeBatch(acc, res *runner.Result) *runner.Result {
	if acc == nil {
		return res
	}
	acc.Files = append(acc.Files, res.Files...)
	seen := map[runner.Failure]bool{}
	for _, f := range acc.Failures {
		seen[f] = true
	}
	for _, f := range res.Failures {
		if !seen[f] {
			seen[f] = true
			acc.Failures = append(acc.Failures, f)
		}
	}
	for _, s := range res.Stats {
		found := false
		for i := range acc.Stats {
			if acc.Stats[i].Plugin == s.Plugin {
				acc.Stats[i].Articles += s.Articles
				acc.Stats[i].Elapsed += s.Elapsed
				acc.Stats[i].PeakRSS = max(acc.Stats[i].PeakRSS, s.PeakRSS)
				found = true
			}
		}
		if !found {
			acc.Stats = append(acc.Stats, s)
		}
	}
	return acc
}
