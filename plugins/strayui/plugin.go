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
	Rules:     []*sdk.Rule{UIChrome, ForeignLanguage, RelatedLink, FurnitureRun, SiteFooter, PageFurniture, OffStory, RecurringLine},
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

const pluginDoc = `strayui finds page furniture left inside an article's body by scrapers and
syndication feeds: comment forms, share and like widgets, related-article links,
advertising labels, site footers, and UI text in a language other than the
article's. Every finding offers a fix that deletes the line; it is applied only
when the user asks (--fix or an editor action).

Known strings live in the embedded data/chrome.txt (English and 26 other
languages; its header names the sources); add more with the plugin option
chrome. Furniture that carries no label phrase (related-story headlines,
menus) is found by its shape and place: see furniture-run. In a whole web
page (HTML), the page's own menus, header, footer, sidebar boxes and forms
are reported block by block: see page-furniture. Lines that are not known
strings are judged by cheap signals first, and only the few that look like UI
text are passed to a language identifier (lingua-go, low-accuracy mode), which
is loaded on first use.`
