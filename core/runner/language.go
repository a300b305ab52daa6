package runner

import (
	"runtime"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/config"
	"github.com/copydesk/copydesk/core/language"
)

// decideLanguage sets a.Language the one way copydesk decides it (see
// core/language) and returns where it came from, kept for --verbose.
func decideLanguage(cfg *config.Config, a *article.Article) string {
	if cfg == nil {
		return language.Decide(a, "", "")
	}
	return language.Decide(a, cfg.Language, cfg.Path)
}

// decideLanguages gives every article a language, on all cores for large
// batches, and logs (at debug level: --verbose) each decision and the
// enabled rules it leaves out.
func (e *Engine) decideLanguages(articles []*article.Article) {
	sources := make([]string, len(articles))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(articles)/8))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				sources[i] = decideLanguage(e.cfg, articles[i])
			}
		}()
	}
	for i := range articles {
		next <- i
	}
	close(next)
	wg.Wait()
	if e.logger == nil || !e.logger.IsDebug() {
		return
	}
	for i, a := range articles {
		var skipped []string
		for _, ep := range e.plugins {
			settings := e.cfg.RuleSettings(ep.table, ep.decl)
			for _, r := range ep.decl.Rules {
				if settings[r.Name].Enabled && !r.Understands(a.Language) {
					skipped = append(skipped, ep.decl.Name+"/"+r.Name)
				}
			}
		}
		e.logger.Debug("article language", "path", a.Path, "language", a.Language, "from", sources[i], "rules_skipped", strings.Join(skipped, " "))
	}
}
