package quotes

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/wordlist"
)

// Unclosed reports quotations that are never closed.
var Unclosed = &sdk.Rule{
	Name:      "unclosed-quote",
	Category:  sdk.CategoryQuotes,
	Severity:  sdk.Warning,
	Languages: []string{"en", "de"},
	Summary:   "a quotation opened and never closed",
	Doc: `Reports a double quotation mark that opens a quotation which is never closed:
another quotation opens before it ends, or the paragraph ends with the
quotation still open and the next paragraph does not reopen with a quotation
mark.

News convention is not an error: a quotation that runs over several
paragraphs leaves each paragraph open and reopens the next one with a
quotation mark, closing only at the end of the last. That holds whether the
quotation starts the paragraph or starts after an attribution in its middle
("...," Newton said. "They feel...), and in copy written one paragraph a
line as in copy with blank lines between paragraphs. A paragraph left open
is still reported when its quotation cannot be running on: the open text
ends in its own attribution ("That is the reason, Wilson said.") or it is a
partial quote that starts in lower case (called it "a gamble). A quotation
resumed after an attribution (he said, "because...) is not a partial quote.

A quotation in brackets inside another ("if ("Phantom") didn't") is
self-contained. A quotation closed by a single mark after punctuation
(fear,' even) was closed by the wire's '' and converted to one mark; it
counts as closed.

The attribution words (", he said", ", sagte er") are read from the
article's language: English and German.

Single quotation marks are not checked: ’ and ' are also apostrophes (don’t,
China’s, the ’90s, rock ’n’ roll), and single quotes are normal inside double
quotes and in headlines ('would cut toll'). A straight " after a digit with no
quotation open is an inch mark.`,
	Example: sdk.Example{
		Before: "\"That is the reason why the dollar is higher, Wilson told the House.",
		After:  "\"That is the reason why the dollar is higher,\" Wilson told the House.",
	},
	Check: checkUnclosed,
}

func checkUnclosed(pass *sdk.Pass) {
	a := pass.Article
	pq := paired.Of(pass)
	lang := attributionFor(a.Language)
	blocks := checkable(a)
	for k, i := range blocks {
		bq := pq[i]
		for _, q := range bq.unclosed {
			msg := "this quotation is not closed before the next one opens"
			if q.lineEnded {
				msg = "this quotation is never closed: the next quotation opens on a later line; add the closing mark where the quoted words end"
			}
			pass.Report(sdk.Diagnostic{Span: q.open.span(), Message: msg})
		}
		for _, r := range bq.running {
			// The next line reopens: a quotation running on, unless it
			// cannot be one.
			reportCannotRun(pass, lang, r.q.open, r.end)
		}
		if bq.trailing == nil {
			continue
		}
		open := bq.trailing.open
		next := k + 1
		for next < len(blocks) && furniture(a.BlockText(a.Blocks[blocks[next]])) {
			// A related link, an advertisement label or a subhead
			// between the two paragraphs of a running quotation.
			next++
		}
		if next < len(blocks) && opensWithQuote(a.BlockText(a.Blocks[blocks[next]])) {
			reportCannotRun(pass, lang, open, a.Blocks[i].Span.End)
			continue
		}
		pass.Report(sdk.Diagnostic{
			Span:    open.span(),
			Message: "this quotation is never closed: the paragraph ends and the next one does not reopen it",
		})
	}
}

// reportCannotRun reports a quotation left open at end, where the next
// paragraph reopens, when it cannot be running on: it ends in its own
// attribution ("..., he said.") or it is a partial quote, which starts in
// lower case and never runs over a paragraph.
func reportCannotRun(pass *sdk.Pass, lang *regexp.Regexp, open mark, end int) {
	a := pass.Article
	rest := a.Text[open.span().End:end]
	switch {
	case lang != nil && lang.MatchString(rest):
		pass.Report(sdk.Diagnostic{Span: open.span(), Message: "this quotation is never closed: close it before its attribution"})
	case partial(a.Text, open, rest):
		pass.Report(sdk.Diagnostic{Span: open.span(), Message: "this quotation is never closed: a partial quote cannot run on into the next paragraph"})
	}
}

// attribution patterns per language: the words that end a quotation and
// name its speaker (", he said", ", said the minister", ", Smith told
// reporters", ", the company said", ", according to"), built from
// data/LANG/attribution.txt on first use to keep the plugin's start-up
// cheap.
var attributionLangs = []string{"en", "de"}

var attributions = sync.OnceValue(func() map[string]*regexp.Regexp {
	out := map[string]*regexp.Regexp{}
	for _, l := range attributionLangs {
		s := wordlist.MustSections(dataFS, "data/"+l+"/attribution.txt", "verbs", "pronouns", "determiners", "phrases")
		alt := func(name string) string {
			var q []string
			for _, e := range s.Entries(name) {
				q = append(q, strings.ReplaceAll(regexp.QuoteMeta(e.Text), " ", `\s+`))
			}
			return "(?:" + strings.Join(q, "|") + ")"
		}
		verbs, prons, dets := alt("verbs"), alt("pronouns"), alt("determiners")
		out[l] = regexp.MustCompile(`[,?!]\s+(?:` +
			prons + `\s+` + verbs + `\b` +
			`|` + verbs + `\s+(?:` + prons + `\b|` + dets + `\s|\p{Lu})` +
			`|` + alt("phrases") + `\s` +
			`|` + dets + `\s+(?:[\p{L}'’-]+\s+){1,3}` + verbs + `\b` +
			`|(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}` + verbs + `\b)`)
	}
	return out
})

// attributionFor returns the attribution pattern of a language, English
// for an article whose language was not decided, nil for a language
// without one.
func attributionFor(lang string) *regexp.Regexp {
	if lang == "" {
		lang = "en"
	}
	return attributions()[strings.ToLower(lang)]
}

// partial reports whether a quotation starts in lower case: a few words
// quoted inside the writer's own sentence ("called it \"a gamble"). A
// quotation resumed after an attribution that interrupts it ("...," he
// said, "because...) starts in lower case too, but after a comma.
func partial(text string, open mark, rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsLower(r) {
		return false
	}
	before := strings.TrimRight(text[:open.pos], " \t")
	return !strings.HasSuffix(before, ",")
}

// furniture reports a short line that is not a sentence (no closing
// punctuation): a related link ("READ  Storm closes ports"), a widget label
// or a subhead, which a running quotation steps over.
func furniture(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, "\n\"“”„«»") || len(strings.Fields(s)) > 20 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?…:;,'’)", r)
}
