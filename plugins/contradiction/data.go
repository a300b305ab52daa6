package contradiction

import (
	"embed"
	"fmt"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/core/sdk/wordlist"
)

//go:embed data/*.txt
var dataFS embed.FS

// dataLines returns the entries of an embedded file without sections.
func dataLines(name string) []string {
	return wordlist.MustLines(dataFS, "data/"+name)
}

// lexicon is data/lexicon.txt: the closed word classes the rules read a
// sentence with, lower case. Each class is a field, so a misspelt class is
// a compile error in the code and an unknown [section] a load error in the
// file.
type lexicon struct {
	locative, function, verbs, boundary, reporting, pronouns, daywords map[string]bool
	jointverbs, statemodifiers, proposals, periods, wholestate         map[string]bool
	subordinators, notpersons, relatives, agebreaks                    map[string]bool
}

func loadLexicon() *lexicon {
	lx := &lexicon{}
	classes := []struct {
		name string
		set  *map[string]bool
	}{
		{"locative", &lx.locative}, {"function", &lx.function}, {"verbs", &lx.verbs}, {"boundary", &lx.boundary},
		{"reporting", &lx.reporting}, {"pronouns", &lx.pronouns}, {"daywords", &lx.daywords},
		{"jointverbs", &lx.jointverbs}, {"statemodifiers", &lx.statemodifiers}, {"proposals", &lx.proposals},
		{"periods", &lx.periods}, {"wholestate", &lx.wholestate}, {"subordinators", &lx.subordinators},
		{"notpersons", &lx.notpersons}, {"relatives", &lx.relatives}, {"agebreaks", &lx.agebreaks},
	}
	names := make([]string, len(classes))
	for i, c := range classes {
		names[i] = c.name
	}
	secs := wordlist.MustSections(dataFS, "data/lexicon.txt", names...)
	for _, c := range classes {
		*c.set = secs.Set(c.name, wordlist.Lower)
		if len(*c.set) == 0 {
			// compiled in: an emptied or renamed section is a build defect
			panic(fmt.Sprintf("data/lexicon.txt: section [%s] is missing or empty", c.name))
		}
	}
	return lx
}

// aliasKind is how a name refers to its state.
type aliasKind int

const (
	kindName       aliasKind = iota + 1 // China, the United States
	kindCapital                         // Beijing, Washington
	kindDemonym                         // Chinese, American
	kindGovernment                      // the White House, the Kremlin
	kindBlock                           // Latin America: contains a name, names nothing
)

func (k aliasKind) String() string {
	switch k {
	case kindName:
		return "name"
	case kindCapital:
		return "capital"
	case kindDemonym:
		return "demonym"
	case kindGovernment:
		return "government"
	}
	return "other"
}

// alias is one name of one or more entities.
type alias struct {
	text     string
	toks     []string // as tokenize splits it, apostrophes made plain
	kind     aliasKind
	entities []string
}

// entity is a state (or an organisation added in rules.toml).
type entity struct {
	id      string
	display string
}

// aliasTable finds the names of entities in a run of tokens.
type aliasTable struct {
	byFirst  map[string][]*alias // first token -> aliases, longest first
	byText   map[string]*alias
	entities map[string]*entity
}

func newAliasTable() *aliasTable {
	return &aliasTable{byFirst: map[string][]*alias{}, byText: map[string]*alias{}, entities: map[string]*entity{}}
}

// add records name as an alias of entity id. A text that is both a name and a
// demonym ("US officials", "the US") is kept as a name, the looser reading.
func (t *aliasTable) add(id, name string, kind aliasKind) {
	name = strings.TrimSpace(normApos(name))
	for _, p := range []string{"the ", "The "} {
		name = strings.TrimPrefix(name, p)
	}
	if name == "" {
		return
	}
	if a, ok := t.byText[name]; ok {
		if kind < a.kind || a.kind == kindBlock {
			a.kind = kind
		}
		for _, e := range a.entities {
			if e == id {
				return
			}
		}
		if id != "-" {
			a.entities = append(a.entities, id)
		}
		return
	}
	var toks []string
	for _, tk := range tokenize(name, 0, len(name)) {
		toks = append(toks, tk.text)
	}
	a := &alias{text: name, toks: toks, kind: kind}
	if id != "-" {
		a.entities = []string{id}
	}
	t.byText[name] = a
	first := toks[0]
	t.byFirst[first] = append(t.byFirst[first], a)
	sort.SliceStable(t.byFirst[first], func(i, j int) bool {
		return len(t.byFirst[first][i].toks) > len(t.byFirst[first][j].toks)
	})
	if e := t.entities[id]; e == nil && id != "-" {
		t.entities[id] = &entity{id: id, display: name}
	}
}

// loadAliases reads data/aliases.txt.
func loadAliases() (*aliasTable, error) {
	t := newAliasTable()
	for _, line := range dataLines("aliases.txt") {
		fields := strings.Split(line, " | ")
		id := strings.TrimSpace(fields[0])
		for _, f := range fields[1:] {
			key, vals, ok := strings.Cut(f, ":")
			if !ok {
				return nil, fmt.Errorf("aliases.txt: field %q of %s has no kind", f, id)
			}
			var kind aliasKind
			switch strings.TrimSpace(key) {
			case "names":
				kind = kindName
			case "capitals":
				kind = kindCapital
			case "demonyms":
				kind = kindDemonym
			case "government":
				kind = kindGovernment
			default:
				return nil, fmt.Errorf("aliases.txt: unknown kind %q for %s", key, id)
			}
			if id == "-" {
				kind = kindBlock
			}
			for _, v := range strings.Split(vals, ";") {
				t.add(id, v, kind)
			}
		}
	}
	return t, nil
}

// mention is an alias found in a sentence, over tokens [i, j).
type mention struct {
	alias *alias
	i, j  int
}

func (m mention) sameParty(o mention) bool {
	for _, a := range m.alias.entities {
		for _, b := range o.alias.entities {
			if a == b {
				return true
			}
		}
	}
	return false
}

// find returns the aliases in toks, longest match first, left to right.
// Blocking names consume their tokens and are dropped.
func (t *aliasTable) find(toks []token) []mention {
	var out []mention
	for i := 0; i < len(toks); {
		matched := false
		for _, a := range t.byFirst[normApos(toks[i].text)] {
			if i+len(a.toks) > len(toks) {
				continue
			}
			ok := true
			for k, s := range a.toks {
				if normApos(toks[i+k].text) != s {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			if a.kind != kindBlock {
				out = append(out, mention{alias: a, i: i, j: i + len(a.toks)})
			}
			i += len(a.toks)
			matched = true
			break
		}
		if !matched {
			i++
		}
	}
	return out
}
