// Package consistency is copydesk's built-in consistency plugin: one article
// writing the same term two ways (U.S. and US, per cent and %, organise and
// organize), which is how a paragraph pasted from another edition or a
// careless edit shows.
package consistency

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/wordlist"
)

// Plugin is the consistency ruleset.
var Plugin = &sdk.Plugin{
	Name:    "consistency",
	Version: "0.1.0",
	Doc:     "One article, one style: the same term written the same way throughout.",
	Options: []sdk.Option{
		{
			Name: "prefer",
			Type: sdk.StringList,
			Doc: `House forms, one per variant group: ["U.S.", "per cent", "email"]. Every
other form of the same group is reported (one finding per group, its other
places related), even when the article uses it throughout, and the advice
is the house form. Groups with no house form follow the article's own
majority ("the article mostly writes ..."), or in a tie its first form.`,
		},
		{
			Name:    "spelling",
			Type:    sdk.Enumeration,
			Doc:     `House spelling system: "british", "american", or "any" (follow the article's clear majority). With a house system, a single word of the other system is reported.`,
			Default: "any",
			Choices: []string{"any", "british", "american"},
		},
		{
			Name: "groups",
			Type: sdk.StringList,
			Doc: `Extra variant groups, written like the lines of the built-in list:
"word: Peking | Beijing" or "abbr: N.Y. | NY". KIND is abbr, number, word or
spelling; styles are separated by "|", inflected forms within a style by ",".`,
		},
	},
	Configure: configure,
	Rules:     []*sdk.Rule{MixedForms, SpellingSystem},
}

//go:embed data/variants.txt
var variantsData string

// config is the plugin's state for a run: the variant groups and the house
// choices from rules.toml.
type config struct {
	groups   []*group
	names    []string // proper names that keep their own form: "US Open"
	families []family
	spelling string // "any", "british" or "american"
}

func configure(o sdk.Options) (any, error) {
	groups, names, families, err := parseGroups(variantsData, "data/variants.txt")
	if err != nil {
		// The list is compiled in; a bad line is a build defect.
		return nil, err
	}
	for i, line := range o.Strings("groups") {
		gs, ns, fs, err := parseGroups(line, fmt.Sprintf("consistency.groups[%d]", i))
		if err != nil {
			return nil, err
		}
		groups = append(groups, gs...)
		names = append(names, ns...)
		families = append(families, fs...)
	}
	for _, form := range o.Strings("prefer") {
		found := false
		for _, g := range groups {
			if s := g.styleOf(form); s >= 0 {
				g.preferred = s
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("consistency.prefer: %q is not a form of any variant group (add the group under consistency.groups)", form)
		}
	}
	sp := o.String("spelling")
	if sp == "" {
		sp = "any"
	}
	return &config{groups: groups, names: names, families: families, spelling: sp}, nil
}

func configOf(p *sdk.Pass) *config { return configFrom(p.State) }

func configFrom(state any) *config {
	if c, ok := state.(*config); ok {
		return c
	}
	// A pass without Configure (a rule run on its own): built-in data only.
	defaultOnce.Do(func() {
		c, _ := configure(sdk.Options{})
		defaultCfg = c.(*config)
	})
	return defaultCfg
}

var (
	defaultOnce sync.Once
	defaultCfg  *config
)

// kind says how a group's forms are matched in the text.
type kind string

const (
	abbrKind     kind = "abbr"
	numberKind   kind = "number"
	currencyKind kind = "currency"
	wordKind     kind = "word"
	spellingKind kind = "spelling"
	izeKind      kind = "ize"
)

// spelling reports whether the kind is one of the spelling systems, whose
// groups are matched in lower case only and vote on the article's system.
func (k kind) spelling() bool { return k == spellingKind || k == izeKind }

// group is one term's variants. styles[s][i] is the i-th inflection written
// in style s; for spelling groups style 0 is British and style 1 American.
type group struct {
	kind      kind
	styles    [][]string
	preferred int // index of the house style, or -1
	// shared forms, written "(program)", are right in both spelling
	// systems in some sense: they neither vote on the article's system
	// nor are reported by spelling-system, only as a mix with the other
	// form of their own group.
	shared map[string]bool
	// keys[s][i] is the first word of styles[s][i] in lower case, looked
	// up in an article's words before the text is searched for the form.
	keys [][]string
}

func (g *group) styleOf(form string) int {
	for s, forms := range g.styles {
		for _, f := range forms {
			if f == form {
				return s
			}
		}
	}
	return -1
}

// family is two styles that go together across groups: a paper that writes
// "U.K." also writes "U.S.", and wire copy that writes "mln" writes "pct".
// It settles a tie within one group.
type family struct {
	sides [2]map[string]bool
	// loose forms, written "(million)", are used outside the style too,
	// so the rest of the article does not settle a tie involving them.
	loose map[string]bool
	// system names a spelling system whose words vote for a side,
	// written "[british]" or "[american]".
	system [2]string
}

// systemSide is the side of f an occurrence of a spelling pair votes for
// through f's spelling systems, or -1. British words of either dimension
// are British (-ise is not American); only the spelling dimension's
// American words are American, since -ize is Oxford British too.
func (f family) systemSide(o occurrence) int {
	if !o.g.kind.spelling() || o.shared() {
		return -1
	}
	for i, sys := range f.system {
		switch {
		case sys == "british" && o.style == 0, sys == "american" && o.style == 1 && o.g.kind == spellingKind:
			return i
		}
	}
	return -1
}

// looseStyle reports whether a style of g has a loose form of the family.
func (f family) looseStyle(g *group, style int) bool {
	for _, form := range g.styles[style] {
		if f.loose[form] {
			return true
		}
	}
	return false
}

func (f family) side(form string) int {
	for i, s := range f.sides {
		if s[form] {
			return i
		}
	}
	return -1
}

// parseGroups reads variant groups, the proper names listed on "name:"
// lines and the style families on "family:" lines.
func parseGroups(data, source string) ([]*group, []string, []family, error) {
	var out []*group
	var names []string
	var families []family
	entries, err := wordlist.Parse(source, []byte(data))
	if err != nil {
		return nil, nil, nil, err
	}
	for _, e := range entries[""] {
		line, n := e.Text, e.Line-1
		k, rest, ok := strings.Cut(line, ":")
		if !ok {
			return nil, nil, nil, fmt.Errorf("%s:%d: want \"KIND: form | form\", got %q", source, n+1, line)
		}
		if strings.TrimSpace(k) == "family" {
			sides := strings.Split(rest, "|")
			if len(sides) != 2 {
				return nil, nil, nil, fmt.Errorf("%s:%d: a family has two sides: \"family: U.S., U.K. | US, UK\"", source, n+1)
			}
			f := family{loose: map[string]bool{}}
			for i, side := range sides {
				f.sides[i] = map[string]bool{}
				for _, form := range strings.Split(side, ",") {
					form = strings.TrimSpace(form)
					switch form {
					case "[british]", "[american]":
						f.system[i] = strings.Trim(form, "[]")
						continue
					}
					if strings.HasPrefix(form, "(") && strings.HasSuffix(form, ")") {
						form = form[1 : len(form)-1]
						f.loose[form] = true
					}
					if form != "" {
						f.sides[i][form] = true
					}
				}
			}
			families = append(families, f)
			continue
		}
		if strings.TrimSpace(k) == "name" {
			for _, f := range strings.Split(rest, ",") {
				if f = strings.TrimSpace(f); f != "" {
					names = append(names, f)
				}
			}
			continue
		}
		g := &group{kind: kind(strings.TrimSpace(k)), preferred: -1}
		switch g.kind {
		case abbrKind, numberKind, currencyKind, wordKind, spellingKind, izeKind:
		default:
			return nil, nil, nil, fmt.Errorf("%s:%d: unknown kind %q (use abbr, number, currency, word, spelling, ize, name or family)", source, n+1, k)
		}
		for _, style := range strings.Split(rest, "|") {
			var forms []string
			for _, f := range strings.Split(style, ",") {
				f = strings.TrimSpace(f)
				if strings.HasPrefix(f, "(") && strings.HasSuffix(f, ")") && g.kind.spelling() {
					f = strings.TrimSpace(f[1 : len(f)-1])
					if g.shared == nil {
						g.shared = map[string]bool{}
					}
					g.shared[f] = true
				}
				if f != "" {
					forms = append(forms, f)
				}
			}
			if len(forms) == 0 {
				return nil, nil, nil, fmt.Errorf("%s:%d: empty style in %q", source, n+1, line)
			}
			g.styles = append(g.styles, forms)
			keys := make([]string, len(forms))
			for i, f := range forms {
				keys[i] = firstWord(asciiLower(f))
			}
			g.keys = append(g.keys, keys)
		}
		if len(g.styles) < 2 {
			return nil, nil, nil, fmt.Errorf("%s:%d: a group needs at least two styles separated by |", source, n+1)
		}
		if g.kind.spelling() && len(g.styles) != 2 {
			return nil, nil, nil, fmt.Errorf("%s:%d: a %s group is British | American", source, n+1, g.kind)
		}
		out = append(out, g)
	}
	return out, names, families, nil
}
