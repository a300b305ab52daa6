// Package sdk is everything a copydesk plugin imports: declare a Plugin with
// its Rules, read the parsed Article each rule is given, report Diagnostics,
// and call Serve from main.
//
// A rule is a value (see Rule). It never prints; it reports findings through
// its Pass, and the copydesk host decides how to show them. Rules are plain Go
// and can be tested in-process with package sdktest, no RPC involved.
//
//	var Plugin = &sdk.Plugin{Name: "house", Version: "1.0.0", Rules: []*sdk.Rule{NoShouting}}
//
//	func main() { protocol.Serve(Plugin) }  // package core/protocol
package sdk

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/core/article/model"
)

// The article model, as plugins see it.
type (
	Article   = model.Article
	Block     = model.Block
	BlockKind = model.BlockKind
	Sentence  = model.Sentence
	Span      = model.Span
)

// Block kinds, as Block.Kind holds them.
const (
	Headline   = model.Headline
	Byline     = model.Byline
	Dateline   = model.Dateline
	Paragraph  = model.Paragraph
	Heading    = model.Heading
	ListItem   = model.ListItem
	BlockQuote = model.BlockQuote
	Caption    = model.Caption
	Aside      = model.Aside
	Code       = model.Code
	Line       = model.Line
)

// Severity is how serious a finding is.
type Severity int

const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "unknown"
}

// ParseSeverity reads "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "info", "suggestion":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("unknown severity %q: use info, warning or error", s)
}

// Categories known to every copydesk user. A plugin may declare another
// lowercase word for other kinds of defect.
const (
	CategoryByline        = "byline"
	CategoryFragment      = "fragment"
	CategoryStrayUI       = "stray-ui"
	CategoryContradiction = "contradiction"
	CategoryRepetition    = "repetition"
	CategoryQuotes        = "quotes"
	CategoryConsistency   = "consistency"
)

// Example shows a rule at work: copy it flags, and the same copy fixed.
type Example struct {
	Before string
	After  string
}

// Rule is one check. Name is unique within its plugin; users refer to the
// rule as "plugin/name".
type Rule struct {
	Name     string
	Category string
	Severity Severity // default severity; rules.toml may override it
	Summary  string   // one line, shown by `copydesk rules`
	Doc      string   // the long documentation, shown by `copydesk explain`
	Example  Example
	Options  []Option // rule options, set under [PLUGIN.rules.NAME] in rules.toml
	// Disabled rules are off unless rules.toml turns them on.
	Disabled bool
	// Languages are the languages the rule understands, as ISO 639-1
	// codes ("en", "de"). Empty, or "any", means every language: declare
	// that only for rules that read no words (quotation marks, layout).
	// The host sends a rule only the articles in its languages. (The host
	// always decides a language; an article with none, as in a unit test,
	// reaches every rule.)
	Languages []string
	// Validate, when set, checks the rule's options (defaults applied)
	// once, when the host configures the session, before any article:
	// return an error for options that are well-typed but wrong (a share
	// above 1); the host stops at start and reports it against rules.toml.
	// A rule that finds its options wrong only in Check fails every
	// article instead.
	Validate func(Options) error

	// Check inspects one article and reports through the pass. The plugin
	// server calls it for one article at a time, even when copydesk serve
	// streams concurrent requests to the process; still, keep per-article
	// data in locals and build lookup tables once (sync.Once or
	// Plugin.Configure), so a rule is cheap and testable on its own.
	Check func(*Pass)
}

// OptionType is the TOML type an option accepts.
type OptionType string

const (
	String      OptionType = "string"
	Int         OptionType = "int"
	Float       OptionType = "float"
	Bool        OptionType = "bool"
	StringList  OptionType = "string-list"
	StringMap   OptionType = "string-map"  // a table of strings: { "US" = "U.S." }
	TableList   OptionType = "table-list"  // an array of tables: [[byline.staff]]
	Table       OptionType = "table"       // any table
	Duration    OptionType = "duration"    // a string such as "5s"
	Enumeration OptionType = "enumeration" // a string from Choices
)

// Option is a documented setting of a plugin or a rule.
type Option struct {
	Name    string
	Type    OptionType
	Doc     string
	Default any      // a value of the option's type, as TOML would decode it
	Choices []string // for Enumeration
}

// Plugin is a ruleset served by one plugin process.
type Plugin struct {
	Name    string
	Version string
	Doc     string
	// Options are plugin-wide settings, set in the plugin's table of
	// rules.toml (for example [[byline.staff]]).
	Options []Option
	Rules   []*Rule
	// Configure, when set, is called once with the plugin-wide options
	// (defaults applied) before any article is checked; the returned state
	// reaches every rule as Pass.State. Return an error for options that
	// are well-typed but wrong; the host reports it against rules.toml.
	Configure func(Options) (any, error)
}

// AnyLanguage is the Languages entry of a rule that reads no words.
const AnyLanguage = "any"

// English is the Languages of a rule that understands English only.
var English = []string{"en"}

// Understands reports whether the rule reads copy in lang (an ISO 639-1
// code). A rule of any language understands everything, and every rule
// understands an article whose language was not decided ("").
func (r *Rule) Understands(lang string) bool {
	if len(r.Languages) == 0 || lang == "" {
		return true
	}
	for _, l := range r.Languages {
		if l == AnyLanguage || strings.EqualFold(l, lang) {
			return true
		}
	}
	return false
}

// LanguageList describes r.Languages for people: "any" or "en, de".
func (r *Rule) LanguageList() string {
	if len(r.Languages) == 0 {
		return AnyLanguage
	}
	for _, l := range r.Languages {
		if l == AnyLanguage {
			return AnyLanguage
		}
	}
	return strings.Join(r.Languages, ", ")
}

// Rule returns the plugin's rule with the given name, or nil.
func (p *Plugin) Rule(name string) *Rule {
	for _, r := range p.Rules {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// Pass is one rule's look at one model.
type Pass struct {
	Article *Article
	Rule    *Rule
	// Options holds the rule's options with defaults applied.
	Options Options
	// State is what the plugin's Configure returned, or nil.
	State any

	report func(Diagnostic)
	shared *sharedResults
}

// NewPass prepares a pass. Hosts and test helpers use it; rules do not.
// Each call starts with no shared analyses; a Session shares them among
// the rules that check the same model.
func NewPass(a *Article, r *Rule, opts Options, state any, report func(Diagnostic)) *Pass {
	return &Pass{Article: a, Rule: r, Options: opts, State: state, report: report, shared: &sharedResults{}}
}

// Report records a finding.
func (p *Pass) Report(d Diagnostic) {
	if d.Severity == 0 {
		d.Severity = p.Rule.Severity
	}
	p.report(d)
}

// Reportf records a finding over span with a formatted message.
func (p *Pass) Reportf(span Span, format string, args ...any) {
	p.Report(Diagnostic{Span: span, Message: fmt.Sprintf(format, args...)})
}

// Diagnostic is one finding. Spans are byte ranges of Article.Text.
type Diagnostic struct {
	Span     Span
	Message  string
	Severity Severity // zero means the rule's severity
	// Suggestions are replacements an editor or --fix may apply. An empty
	// replacement deletes the span.
	Suggestions []Suggestion
	// Related points at the other places involved: the bio a credit line
	// misspells, the paragraph a figure contradicts.
	Related []Related
}

// Suggestion replaces Span with Replacement.
type Suggestion struct {
	Span        Span
	Replacement string
	Description string // e.g. "delete the comment form line"
}

// Related is another place in the article that a finding refers to.
type Related struct {
	Span    Span
	Message string
}

// MarshalText writes the severity as "info", "warning" or "error".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads "info", "warning" or "error".
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
