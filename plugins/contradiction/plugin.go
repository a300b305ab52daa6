package contradiction

import (
	"fmt"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/wordlist"
)

// Plugin is the contradiction ruleset.
var Plugin = &sdk.Plugin{
	Name:    "contradiction",
	Version: "0.1.0",
	Doc: `Finds copy that contradicts itself. Every finding names both sides: the
diagnostic covers one, a related span the other.`,
	Options: []sdk.Option{
		{
			Name: "aliases",
			Type: sdk.TableList,
			Doc: `More names for the self-reference rule, one table per entity:
  [[contradiction.aliases]]
  entity = "Acme Corp"               # an id, or a name already known ("United States") to extend it
  names = ["Acme", "Acme Corp"]      # names that act on their own
  seats = ["Springfield"]            # places that stand for it (like a capital)
  adjectives = ["Acme"]              # modifiers that stand for it before officials, negotiators...
  bodies = ["the Acme board"]        # bodies that stand for one branch of it`,
		},
		{
			Name: "facts",
			Type: sdk.TableList,
			Doc: `House facts about who holds which office, checked by conflicting-title:
  [[contradiction.facts]]
  person = "Qin Gang"
  title = "Foreign Minister"
  valid_from = "2022-12-30"   # optional, YYYY-MM-DD
  valid_to = "2023-07-25"     # optional`,
		},
	},
	Rules:     []*sdk.Rule{SelfReference, RestatedFigure, ConflictingCount, ImpossibleDate, ConflictingTitle},
	Configure: configure,
}

// state is what every rule shares: the data files, read once per session,
// plus what rules.toml adds.
type state struct {
	aliases    *aliasTable
	relations  map[string][]relation
	stateNouns map[string]bool
	lex        *lexicon
	titles     *titleTable
	facts      []fact
}

// aliasOption is one [[contradiction.aliases]] table.
type aliasOption struct {
	Entity     string   `json:"entity"`
	Names      []string `json:"names"`
	Seats      []string `json:"seats"`
	Adjectives []string `json:"adjectives"`
	Bodies     []string `json:"bodies"`
}

func configure(opts sdk.Options) (any, error) {
	aliases, err := loadAliases()
	if err != nil {
		return nil, err
	}
	st := &state{
		aliases:    aliases,
		relations:  loadRelations(),
		stateNouns: wordlist.MustSet(dataFS, "data/statenouns.txt", wordlist.Lower),
		lex:        loadLexicon(),
		titles:     loadTitles(),
	}
	var extra []aliasOption
	if err := opts.Decode("aliases", &extra); err != nil {
		return nil, err
	}
	for i, e := range extra {
		id := strings.TrimSpace(e.Entity)
		if id == "" {
			return nil, fmt.Errorf("contradiction.aliases[%d]: set entity to an id or a known name", i)
		}
		// Extending a known entity by one of its names: "United States".
		if a, ok := aliases.byText[normApos(id)]; ok && len(a.entities) > 0 {
			id = a.entities[0]
		}
		if aliases.entities[id] == nil {
			aliases.entities[id] = &entity{id: id, display: e.Entity}
		}
		for _, n := range e.Names {
			aliases.add(id, n, kindName)
		}
		for _, n := range e.Seats {
			aliases.add(id, n, kindCapital)
		}
		for _, n := range e.Adjectives {
			aliases.add(id, n, kindDemonym)
		}
		for _, n := range e.Bodies {
			aliases.add(id, n, kindGovernment)
		}
	}
	facts, err := decodeFacts(opts)
	if err != nil {
		return nil, err
	}
	st.facts = facts
	return st, nil
}

// proseBlock reports whether a block holds running copy the rules read.
func proseBlock(k sdk.BlockKind) bool {
	switch k {
	case "paragraph", "blockquote", "list-item", "line", "headline", "heading", "dateline":
		return true
	}
	return false
}

var (
	defaultOnce  sync.Once
	defaultState *state
)

// stateOf returns the session's state, or one built from the embedded data
// alone when a host ran a rule without configuring the plugin.
func stateOf(pass *sdk.Pass) *state {
	if st, ok := pass.State.(*state); ok && st != nil {
		return st
	}
	defaultOnce.Do(func() {
		st, err := configure(sdk.Options{})
		if err != nil {
			panic(err) // embedded data only: a build defect
		}
		defaultState = st.(*state)
	})
	return defaultState
}
