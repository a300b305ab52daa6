package strayui

import (
	"strings"
	"sync"
	"unicode"

	"github.com/pemistahl/lingua-go"
)

// langID wraps lingua-go's detector. The detector and its models cost tens
// of MiB and tens of milliseconds to load, and most articles have no line
// that needs them, so it is built on first use only.
//
// Low-accuracy mode (trigram models only) over a restricted set of
// languages is the measured sweet spot: high-accuracy mode with 26 languages
// needs about 1 GiB, over the plugin's 300 MiB budget, and the extra
// accuracy is not needed on the few lines the cheap signals let through.
type langID struct {
	langs []lingua.Language
	once  sync.Once
	det   lingua.LanguageDetector
}

func newLangID(codes []string) (*langID, []string) {
	var bad []string
	seen := map[lingua.Language]bool{}
	var langs []lingua.Language
	for _, c := range codes {
		iso := lingua.GetIsoCode639_1FromValue(strings.ToUpper(strings.TrimSpace(c)))
		l := lingua.GetLanguageFromIsoCode639_1(iso)
		if iso == lingua.UnknownIsoCode639_1 || l == lingua.Unknown {
			bad = append(bad, c)
			continue
		}
		if !seen[l] {
			seen[l] = true
			langs = append(langs, l)
		}
	}
	if !seen[lingua.English] {
		langs = append(langs, lingua.English)
	}
	return &langID{langs: langs}, bad
}

func (l *langID) detector() lingua.LanguageDetector {
	l.once.Do(func() {
		l.det = lingua.NewLanguageDetectorBuilder().
			FromLanguages(l.langs...).
			WithLowAccuracyMode().
			Build()
	})
	return l.det
}

// knows reports whether lang is one of the identifier's candidates.
func (l *langID) knows(lang lingua.Language) bool {
	for _, x := range l.langs {
		if x == lang {
			return true
		}
	}
	return false
}

// loaded reports whether the models have been loaded (for the cold-start
// test).
func (l *langID) loaded() bool { return l.det != nil }

// confidences returns the confidence of lang for text and the most likely
// language with its confidence.
func (l *langID) confidences(text string, lang lingua.Language) (float64, lingua.Language, float64) {
	vals := l.detector().ComputeLanguageConfidenceValues(text)
	var own float64
	top, topConf := lingua.Unknown, 0.0
	for _, v := range vals {
		if v.Language() == lang {
			own = v.Value()
		}
		if v.Value() > topConf {
			top, topConf = v.Language(), v.Value()
		}
	}
	return own, top, topConf
}

// languageName is "Polish" for lingua.Polish.
func languageName(l lingua.Language) string {
	s := strings.ToLower(l.String())
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// languageFromCode returns the lingua language of an ISO 639-1 code, or
// lingua.Unknown.
func languageFromCode(code string) lingua.Language {
	iso := lingua.GetIsoCode639_1FromValue(strings.ToUpper(code))
	if iso == lingua.UnknownIsoCode639_1 {
		return lingua.Unknown
	}
	return lingua.GetLanguageFromIsoCode639_1(iso)
}

// englishWords are frequent English function words: a cheap way to see that
// an article (or a line) is English without loading any model.
var englishWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "in": true, "a": true, "is": true,
	"was": true, "for": true, "on": true, "that": true, "with": true, "said": true,
	"by": true, "as": true, "at": true, "from": true, "it": true, "his": true, "her": true,
	"he": true, "she": true, "has": true, "have": true, "be": true, "are": true, "were": true,
	"an": true, "this": true, "will": true, "not": true, "but": true, "they": true,
	"their": true, "which": true, "who": true, "been": true, "had": true, "would": true,
	"its": true, "or": true, "we": true, "after": true, "more": true, "than": true,
}
