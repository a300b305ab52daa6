// Command example-external is a worked example of a third-party copydesk
// plugin: a house-style rule set built as its own executable and loaded from
// rules.toml by path (see README.md). Everything a plugin needs is the sdk
// (to declare rules) and protocol.Serve (to talk to copydesk).
package main

import (
	"embed"
	"regexp"
	"strings"

	"github.com/copydesk/copydesk/core/protocol"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/wordlist"
)

// banned.txt is the house list of words the desk never prints; rules.toml
// can replace it with the rule's words option.
//
//go:embed banned.txt
var dataFS embed.FS

func defaultBanned() []string {
	return wordlist.MustLines(dataFS, "banned.txt") // the SDK's reader: # comments, blank lines skipped
}

// BannedWords flags words from the house's banned list, as whole words and
// in any case.
var BannedWords = &sdk.Rule{
	Name:     "banned-words",
	Category: "house-style",
	Severity: sdk.Warning,
	Summary:  "Flags words the house style book bans.",
	Doc: "The style book bans some words outright, usually jargon that says " +
		"less than it seems to. Set the list with the words option.",
	Example: sdk.Example{
		Before: "The companies will leverage their synergies.",
		After:  "The companies will share their factories.",
	},
	Options: []sdk.Option{
		{Name: "words", Type: sdk.StringList, Doc: "the banned words, matched whole and in any case", Default: defaultBanned()},
	},
	Check: func(p *sdk.Pass) {
		words := p.Options.Strings("words")
		if len(words) == 0 {
			return
		}
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = regexp.QuoteMeta(w)
		}
		// Compiled per article: a list from rules.toml is short, and a
		// plugin-wide cache would need Configure state for no real gain.
		re := regexp.MustCompile(`(?i)\b(?:` + strings.Join(quoted, "|") + `)\b`)
		for _, b := range p.Article.Blocks {
			if b.Kind == sdk.BlockKind("code") {
				continue
			}
			for _, m := range re.FindAllStringIndex(p.Article.BlockText(b), -1) {
				s := sdk.Span{Start: b.Span.Start + m[0], End: b.Span.Start + m[1]}
				p.Reportf(s, "%q is banned by the house style book", p.Article.Slice(s))
			}
		}
	},
}

// Plugin is the house rule set.
var Plugin = &sdk.Plugin{
	Name:    "house",
	Version: "1.0.0",
	Doc:     "An example third-party plugin: the house style book's banned words.",
	Rules:   []*sdk.Rule{BannedWords},
}

func main() { protocol.Serve(Plugin) }
