package runner

import (
	"runtime"
	"strings"
	"sync"
	"unicode"

	"github.com/pemistahl/lingua-go"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/config"
)

// Language decision. Every article gets a language before any rule runs, so
// that rules that read English words never see German copy. In order:
//
//  1. the article's own "language" field (CMS JSON, ANS, front matter);
//  2. `language` in rules.toml when it is not "auto";
//  3. identification of the body text: a fast path for English (the
//     common case costs nothing), else lingua-go over a fixed set of
//     candidate languages, loaded on first use;
//  4. English, when the text says too little to decide (a headline alone).
//
// The decision and where it came from are kept in LanguageSource for
// --verbose.

// identifyLanguages are the candidates lingua-go chooses between.
var identifyLanguages = []lingua.Language{
	lingua.English, lingua.German, lingua.French, lingua.Spanish, lingua.Italian,
	lingua.Dutch, lingua.Portuguese, lingua.Polish, lingua.Swedish, lingua.Danish,
	lingua.Bokmal, lingua.Turkish, lingua.Czech, lingua.Russian,
}

var (
	detectorOnce sync.Once
	detector     lingua.LanguageDetector
)

// sampleBytes is how much body text is identified: enough for a sure
// answer on prose, little enough to cost a few milliseconds.
const sampleBytes = 1500

// decideLanguage sets a.Language and returns where it came from.
func decideLanguage(cfg *config.Config, a *article.Article) string {
	if a.Language != "" {
		return "set by the caller"
	}
	if l := normaliseLanguage(a.Meta["language"]); l != "" {
		a.Language = l
		return "the article's language field"
	}
	if cfg != nil && cfg.Language != "" && cfg.Language != "auto" {
		a.Language = cfg.Language
		return "language in " + cfg.Path
	}
	a.Language, _ = identifyLanguage(sample(a))
	return "identified from the text"
}

// normaliseLanguage turns "en-US", "EN_gb" or "de" into "en"/"de"; anything
// else into "".
func normaliseLanguage(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return ""
	}
	return s
}

// sample is the start of the article's body (paragraphs first; the whole
// text when it has none), cut at a word.
func sample(a *article.Article) string {
	var b strings.Builder
	for _, bl := range a.Blocks {
		if bl.Kind != article.Paragraph && bl.Kind != article.Line && bl.Kind != article.BlockQuote {
			continue
		}
		b.WriteString(a.BlockText(bl))
		b.WriteByte('\n')
		if b.Len() >= sampleBytes {
			break
		}
	}
	s := b.String()
	if strings.TrimSpace(s) == "" {
		s = a.Text
	}
	if len(s) > sampleBytes {
		cut := strings.LastIndexByte(s[:sampleBytes], ' ')
		if cut <= 0 {
			cut = sampleBytes
		}
		s = s[:cut]
	}
	return s
}

// englishMarkers are frequent English words that are not words of the
// other candidate languages. In English prose they make up well over a
// tenth of the words; in German, French or Polish prose almost none.
var englishMarkers = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "was": true, "for": true,
	"that": true, "with": true, "said": true, "from": true, "he": true, "has": true,
	"have": true, "by": true, "which": true, "were": true, "this": true, "would": true,
	"will": true, "are": true, "it": true, "his": true, "its": true, "be": true,
}

// minWords is the least text identification answers for; below it the
// default (English) stands.
const minWords = 8

// identifyLanguage returns the ISO 639-1 code of text's language and
// whether it was identified (false: too little text, English assumed).
func identifyLanguage(text string) (string, bool) {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) < minWords {
		return "en", false
	}
	marks := 0
	for _, w := range words {
		if englishMarkers[strings.ToLower(w)] {
			marks++
		}
	}
	if marks*100 >= 12*len(words) {
		return "en", true
	}
	detectorOnce.Do(func() {
		detector = lingua.NewLanguageDetectorBuilder().
			FromLanguages(identifyLanguages...).
			WithLowAccuracyMode().
			Build()
	})
	l, ok := detector.DetectLanguageOf(text)
	if !ok {
		return "en", false
	}
	return strings.ToLower(l.IsoCode639_1().String()), true
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
