// Package language decides an article's language the one way copydesk
// does, before any rule runs. In order:
//
//  1. the article's own "language" field (CMS JSON, ANS, front matter);
//  2. the configured language (`language` in rules.toml) when it is not
//     "auto";
//  3. identification of the body text: a fast path for English (the
//     common case costs nothing), else lingua-go over a fixed set of
//     candidate languages, loaded on first use;
//  4. English, when the text says too little to decide (a headline alone).
//
// The host (core/runner) and the plugin test kit (core/sdk/sdktest) both
// call Decide, so a rule sees in its tests the language it sees in a run.
// Plugins never import this package: lingua-go is large, and a rule that
// finds Article.Language empty has no decision to repeat ("" means the
// language is unknown, and the rule runs).
package language

import (
	"strings"
	"sync"
	"unicode"

	"github.com/pemistahl/lingua-go"

	"github.com/copydesk/copydesk/core/article/model"
)

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

// Decide sets a.Language, unless the caller set it, and returns where it
// came from. configured is the language the configuration sets ("" or
// "auto": none) and configuredIn where (a rules.toml path).
func Decide(a *model.Article, configured, configuredIn string) string {
	if a.Language != "" {
		return "set by the caller"
	}
	if l := Normalise(a.Meta["language"]); l != "" {
		a.Language = l
		return "the article's language field"
	}
	if configured != "" && configured != "auto" {
		a.Language = configured
		return "language in " + configuredIn
	}
	a.Language, _ = Identify(sample(a))
	return "identified from the text"
}

// Normalise turns "en-US", "EN_gb" or "de" into "en"/"de"; anything
// else into "".
func Normalise(s string) string {
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
func sample(a *model.Article) string {
	var b strings.Builder
	for _, bl := range a.Blocks {
		if bl.Kind != model.Paragraph && bl.Kind != model.Line && bl.Kind != model.BlockQuote {
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

// Identify returns the ISO 639-1 code of text's language and whether it
// was identified (false: too little text, English assumed).
func Identify(text string) (string, bool) {
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
