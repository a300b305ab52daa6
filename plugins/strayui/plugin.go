// Package strayui is copydesk's built-in strayui plugin: it finds page
// furniture that a scraper or syndication feed left inside an article's body
// (comment forms, share widgets, related-article links, site footers, UI text
// in another language) and offers to delete it.
package strayui

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/wordlist"
	"github.com/pemistahl/lingua-go"
)

// Plugin is the strayui ruleset.
var Plugin = &sdk.Plugin{
	Name:      "strayui",
	Version:   "0.1.0",
	Doc:       pluginDoc,
	Options:   pluginOptions,
	Configure: configure,
	Rules:     []*sdk.Rule{UIChrome, ForeignLanguage, RelatedLink, FurnitureRun, SiteFooter, RecurringLine},
}

// pluginOptions are the plugin-wide settings of the [strayui] table.
var pluginOptions = []sdk.Option{
	{Name: "chrome", Type: sdk.StringList, Doc: "more known UI strings, each \"LANG | KIND | PHRASE\" as in the built-in data/chrome.txt (KIND: comment, share, related, nav, newsletter, cookie, ad, media, footer, label)"},
	{Name: "languages", Type: sdk.StringList, Default: defaultLanguages, Doc: "ISO 639-1 codes of the languages the identifier chooses between; fewer languages load faster and use less memory"},
	{Name: "article_language", Type: sdk.String, Default: "", Doc: "ISO 639-1 code of the copy's language; empty means identify it per article"},
	{Name: "max_confidence", Type: sdk.Float, Default: 0.1, Doc: "a suspicious line is foreign when the identifier gives the article's language less confidence than this (0-1)"},
}

// defaultLanguages are the 26 languages WordPress sites most often leave UI
// text in, English included.
var defaultLanguages = []string{"en", "pl", "cs", "sk", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb",
	"fi", "ru", "uk", "tr", "ro", "hu", "el", "id", "vi", "hr", "sl", "lt", "ca"}

// state is what Configure builds once per session.
type state struct {
	table       *chromeTable
	vocab       *uiVocab
	id          *langID
	articleLang lingua.Language // lingua.Unknown: the article's own (Article.Language)
	maxConf     float64
}

func configure(opts sdk.Options) (any, error) {
	st := &state{table: &chromeTable{}, articleLang: lingua.Unknown, maxConf: opts.Float("max_confidence"), vocab: parseVocab(wordlist.MustLines(dataFS, "data/ui-words.txt", wordlist.Lower))}
	if err := parseChrome("data/chrome.txt", wordlist.MustEntries(dataFS, "data/chrome.txt"), st.table); err != nil {
		return nil, err
	}
	if err := parseChrome("rules.toml strayui.chrome", optionEntries(opts.Strings("chrome")), st.table); err != nil {
		return nil, err
	}
	// Longest labels first, so "READ MORE" wins over "READ".
	sort.SliceStable(st.table.labels, func(i, j int) bool { return len(st.table.labels[i].Text) > len(st.table.labels[j].Text) })
	var bad []string
	st.id, bad = newLangID(opts.Strings("languages"))
	if len(bad) > 0 {
		return nil, fmt.Errorf("strayui.languages: unknown language code(s) %s: use ISO 639-1 codes such as \"pl\" or \"de\"", strings.Join(bad, ", "))
	}
	if c := opts.String("article_language"); c != "" {
		st.articleLang = languageFromCode(c)
		if st.articleLang == lingua.Unknown {
			return nil, fmt.Errorf("strayui.article_language: unknown language code %q: use an ISO 639-1 code such as \"en\"", c)
		}
	}
	if st.maxConf <= 0 || st.maxConf >= 1 {
		return nil, fmt.Errorf("strayui.max_confidence: %v is outside (0, 1); 0.1 is a good start", st.maxConf)
	}
	return st, nil
}

// stateOf returns the session state. A host that skips Configure gets one
// default state per process, so the identifier's models load only once.
func stateOf(p *sdk.Pass) *state { return stateFrom(p.State) }

func stateFrom(s any) *state {
	if st, ok := s.(*state); ok {
		return st
	}
	defaultOnce.Do(func() {
		st, err := configure(sdk.WithDefaults(pluginOptions, nil))
		if err != nil {
			panic(err) // the built-in data is broken: a test catches it
		}
		defaultState = st.(*state)
	})
	return defaultState
}

var (
	defaultOnce  sync.Once
	defaultState *state
)

// anyLanguage is the Languages of every strayui rule.
var anyLanguage = []string{sdk.AnyLanguage}

// UIChrome reports known CMS and widget strings, in any language.
var UIChrome = &sdk.Rule{
	// Every strayui rule judges a line against the article's own
	// language, whatever that is: chrome in data/chrome.txt's 27
	// languages, or in any other, is stray in copy of any language.
	Languages: anyLanguage,
	Name:      "ui-chrome",
	Category:  sdk.CategoryStrayUI,
	Severity:  sdk.Warning,
	Summary:   "comment forms, share widgets, ad labels and other page chrome left in the copy",
	Doc:       uiChromeDoc,
	Example: sdk.Example{
		Before: "...the ministry said on Tuesday.\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *",
		After:  "...the ministry said on Tuesday.",
	},
	Check: checkUIChrome,
}

// ForeignLanguage reports short lines in another language than the
// article's, found by language identification.
var ForeignLanguage = &sdk.Rule{
	// Every strayui rule judges a line against the article's own
	// language, whatever that is: chrome in data/chrome.txt's 27
	// languages, or in any other, is stray in copy of any language.
	Languages: anyLanguage,
	Name:      "foreign-language",
	Category:  sdk.CategoryStrayUI,
	Severity:  sdk.Warning,
	Summary:   "a short line in another language than the article's, such as a translated comment form",
	Doc:       foreignDoc,
	Example: sdk.Example{
		Before: "Talks resume\n\nThe two sides will meet again next week to settle the remaining issues, the ministry said on Tuesday in a statement.\n\nPřejít k obsahu webu",
		After:  "Talks resume\n\nThe two sides will meet again next week to settle the remaining issues, the ministry said on Tuesday in a statement.",
	},
	Check: checkForeign,
}

// RelatedLink reports "READ <other headline>" lines injected between
// paragraphs.
var RelatedLink = &sdk.Rule{
	// Every strayui rule judges a line against the article's own
	// language, whatever that is: chrome in data/chrome.txt's 27
	// languages, or in any other, is stray in copy of any language.
	Languages: anyLanguage,
	Name:      "related-link",
	Category:  sdk.CategoryStrayUI,
	Severity:  sdk.Warning,
	Summary:   "a READ / RELATED / Also read link to another story inside the body",
	Doc:       relatedDoc,
	Example: sdk.Example{
		Before: "...the talks resumed.\n\nREAD\u00a0 Storm closes ports along the coast\n\nOfficials said...",
		After:  "...the talks resumed.\n\nOfficials said...",
	},
	Check: checkRelated,
}

// FurnitureRun reports runs of menu, widget and related-headline lines
// around the story that carry no label phrase.
var FurnitureRun = &sdk.Rule{
	Languages: anyLanguage,
	Name:      "furniture-run",
	Category:  sdk.CategoryStrayUI,
	Severity:  sdk.Warning,
	Summary:   "a run of related-story headlines, menu items or widget lines before or after the story",
	Doc:       runDoc,
	Example: sdk.Example{
		Before: "Port strike ends\n\nDock workers returned to work on Wednesday after unions accepted a two-year pay deal, the port authority said.\n\nMore from the desk\n\nFerry fares rise for the summer season\n\nNew bridge opens to traffic",
		After:  "Port strike ends\n\nDock workers returned to work on Wednesday after unions accepted a two-year pay deal, the port authority said.",
	},
	Check: checkRun,
}

// SiteFooter reports standards and copyright boilerplate at the end.
var SiteFooter = &sdk.Rule{
	// Every strayui rule judges a line against the article's own
	// language, whatever that is: chrome in data/chrome.txt's 27
	// languages, or in any other, is stray in copy of any language.
	Languages: anyLanguage,
	Name:      "site-footer",
	Category:  sdk.CategoryStrayUI,
	Severity:  sdk.Info,
	Summary:   "site footer or standards boilerplate at the end of the body, or a copyright notice anywhere",
	Doc:       footerDoc,
	Example: sdk.Example{
		Before: "Reporting by Ana Ruiz; Editing by Tom Hale\n\nOur Standards: The Trust Principles.",
		After:  "Reporting by Ana Ruiz; Editing by Tom Hale",
	},
	Check: checkFooter,
}

func report(p *sdk.Pass, u unit, end int, msg, fix string) {
	span := sdk.Span{Start: u.span.Start, End: end}
	p.Report(sdk.Diagnostic{
		Span:    span,
		Message: msg,
		Suggestions: []sdk.Suggestion{{
			Span:        deletion(p.Article.Text, span),
			Description: fix,
		}},
	})
}

func checkUIChrome(p *sdk.Pass) {
	st := stateOf(p)
	l := layoutOf.Of(p)
	units, matches := l.units, l.chrome
	articleLang, _ := st.languageOf(p)
	for i, m := range matches {
		if m == nil || m.Kind == kindFooter || l.inRun[i] {
			continue // site-footer and furniture-run report those
		}
		if m.weak && i < l.tail && !(i > 0 && matches[i-1] != nil) && !(i+1 < len(matches) && matches[i+1] != nil) && !st.plainlyForeign(units, m, &articleLang) {
			continue // "Comment" or "Website" alone mid-story may be a subhead
		}
		u := units[i]
		lang := ""
		if l := languageFromCode(m.Lang); l != lingua.Unknown && l != lingua.English {
			lang = languageName(l) + " "
		}
		report(p, u, u.span.End, fmt.Sprintf("%s%s left in the copy (%s): delete it", lang, kindWords[m.Kind], clip(u.text)), "delete the "+kindWords[m.Kind])
	}
}

// checkRun reports furniture runs (see findRuns).
func checkRun(p *sdk.Pass) {
	l := layoutOf.Of(p)
	for _, r := range l.runs {
		u := l.units[r.from]
		what := "block of %d menu or widget lines"
		fix := "delete the menu or widget lines"
		if r.headlines*2 > r.members {
			what = "run of %d related-story headlines"
			fix = "delete the related-story headlines"
		}
		where := "after the story"
		switch {
		case r.to < l.first:
			where = "before the story"
		case r.from < l.tail:
			where = "between paragraphs"
		}
		msg := fmt.Sprintf(what+" %s, from %s to %s: page furniture, delete it", r.members, where, clip(u.text), clip(l.units[r.to].text))
		report(p, u, l.units[r.to].span.End, msg, fix)
	}
}

// languageOf returns the article's language: the article_language option,
// else the language the host set on the article (Article.Language), else
// English, the host's default, for an article whose language was not
// decided. ok is false when the host named a language the identifier does
// not know: then no line can be compared with it, and the identifier must
// not be asked.
func (st *state) languageOf(p *sdk.Pass) (lang lingua.Language, ok bool) {
	if st.articleLang != lingua.Unknown {
		return st.articleLang, true
	}
	if p.Article.Language == "" {
		return lingua.English, true
	}
	l := languageFromCode(p.Article.Language)
	if l == lingua.Unknown || !st.id.knows(l) {
		return lingua.Unknown, false
	}
	return l, true
}

// plainlyForeign reports whether a single-word known string is in another
// language than the article's and the identifier agrees the word is not in
// the article's language ("Skomentuj" mid-story in English copy), so that it
// needs no other corroboration.
func (st *state) plainlyForeign(units []unit, m *phrase, articleLang *lingua.Language) bool {
	if *articleLang == lingua.Unknown || languageFromCode(m.Lang) == *articleLang {
		return false
	}
	own, top, _ := st.id.confidences(m.Text, *articleLang)
	return top != *articleLang && own < st.maxConf/5
}

func checkRelated(p *sdk.Pass) {
	st := stateOf(p)
	units := linesOf(p)
	for i := 0; i < len(units); i++ {
		if !layoutOf.Of(p).related[i] {
			continue
		}
		last, ok := st.relatedLink(units, i)
		if !ok {
			continue
		}
		u := units[i]
		msg := fmt.Sprintf("related-article link %s inside the body: delete it", clip(u.text))
		if last > i {
			msg = fmt.Sprintf("related-article link %s + %s inside the body: delete it", clip(u.text), clip(units[last].text))
		}
		report(p, u, units[last].span.End, msg, "delete the related-article link")
		i = last
	}
}

// relatedLink reports whether line i starts a related-article link, and
// the index of its last line: a label and a headline on one line, or an
// upper-case label alone with the headline on the next.
func (st *state) relatedLink(units []unit, i int) (int, bool) {
	if units[i].skip {
		return 0, false
	}
	lbl, rest := st.table.label(units[i].text)
	if lbl == nil {
		return 0, false
	}
	upper := !strings.ContainsAny(lbl.Text, "abcdefghijklmnopqrstuvwxyz")
	if rest != "" {
		return i, headlineShaped(rest, upper)
	}
	if upper && i+1 < len(units) && !units[i+1].skip && headlineShaped(units[i+1].text, false) {
		return i + 1, true
	}
	return 0, false
}

func checkFooter(p *sdk.Pass) {
	l := layoutOf.Of(p)
	for i, m := range l.chrome {
		if m == nil || m.Kind != kindFooter {
			continue
		}
		// A listed footer ("Our Standards: ...") is one only at the end; a
		// copyright notice (copyrightLine) is one anywhere.
		if i < l.tail && m != copyrightPhrase {
			continue
		}
		u := l.units[i]
		report(p, u, u.span.End, fmt.Sprintf("site footer %s: delete it", clip(u.text)), "delete the site footer")
	}
}

// tailFrom returns the index of the first line of the article's tail: the
// lines after the last paragraph of story prose, where scrapers append
// credit lines, bios, comment forms and footers. An author bio is prose
// too, but it belongs to the tail.
func tailFrom(units []unit) int {
	for i := len(units) - 1; i >= 0; i-- {
		if !units[i].aside && len(words(units[i].text)) >= 20 && !authorBio.MatchString(units[i].text) && !creditLine.MatchString(units[i].text) {
			return i + 1
		}
	}
	return 0
}

// authorBio matches the opening of an author bio: a name, then "is",
// "joined", "covers", "writes"...
var authorBio = regexp.MustCompile(`^(\p{Lu}[\pL'’.-]*\s+){1,4}(is|was|joined|covers|has covered|writes|reports|leads|edits|has been|previously)\b`)

// clip quotes a line for a message, shortened, with no-break spaces shown
// as spaces.
func clip(s string) string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	r := []rune(s)
	if len(r) > 60 {
		s = string(r[:57]) + "..."
	}
	return "“" + s + "”"
}
