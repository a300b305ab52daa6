package quotes

import (
	"strings"
	"sync"
	"unicode"

	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/wordlist"
)

// LowOpening reports „ opening quotation marks in English copy.
var LowOpening = &sdk.Rule{
	Name:      "low-opening-quote",
	Category:  sdk.CategoryQuotes,
	Severity:  sdk.Warning,
	Languages: sdk.English,
	Summary:   "a „ (low-9) opening quotation mark in English copy",
	Doc: `Reports the low-9 opening quotation mark „ (U+201E) in English copy. It is the
right opening mark in German, Polish, Czech and other languages, and it
survives machine translation and copy pasted from those editions, usually
paired with an English closing mark: „We are at a critical juncture,” the
official said.

The suggestion replaces it with the English opening mark: “ under the "curly"
or "any" house style, " under "straight". When the quotation is closed with
the German closing mark “, the suggestion fixes that too.

The rule reads English copy only, as the host decides the article's
language; when no language was decided, copy in which common English words
are rare is left alone.`,
	Example: sdk.Example{
		Before: "„We are at a critical juncture,” the official said.",
		After:  "“We are at a critical juncture,” the official said.",
	},
	Check: checkLowOpening,
}

func checkLowOpening(pass *sdk.Pass) {
	a := pass.Article
	if !strings.ContainsRune(a.Text, lowDouble) || !isEnglish(a) {
		return
	}
	style := styleOf(pass)
	openWith, closeWith := "“", "”"
	if style == Straight {
		openWith, closeWith = `"`, `"`
	}
	pq := paired.Of(pass)
	for _, i := range checkable(a) {
		for _, q := range pq[i].quotes {
			if q.open.r != lowDouble {
				continue
			}
			sugg := []sdk.Suggestion{{Span: q.open.span(), Replacement: openWith, Description: "use the English opening mark " + openWith}}
			if q.closed && q.close.r == leftDouble {
				sugg = append(sugg, sdk.Suggestion{Span: q.close.span(), Replacement: closeWith, Description: "use the English closing mark " + closeWith})
			}
			pass.Report(sdk.Diagnostic{
				Span:        q.open.span(),
				Message:     "„ is not an English quotation mark: open the quotation with " + openWith,
				Suggestions: sugg,
			})
		}
	}
}

// englishWords are common English words; see isEnglish.
var englishWords = sync.OnceValue(func() map[string]bool {
	return wordlist.MustSet(dataFS, "data/en/common.txt", wordlist.Lower)
})

// isEnglish reports whether the article reads as English: at least one word
// in six is a common English function word. English news copy runs at
// about one in three; German, Polish or Czech copy at close to none.
// The host's language decision comes first; this is the fallback for an
// article whose language was not decided.
func isEnglish(a *sdk.Article) bool {
	if a.Language != "" {
		return strings.EqualFold(a.Language, "en")
	}
	words := englishWords()
	total, hits := 0, 0
	for _, f := range strings.FieldsFunc(a.Text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		total++
		if words[strings.ToLower(f)] {
			hits++
		}
	}
	return total > 0 && hits*6 >= total
}
