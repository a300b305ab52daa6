package contradiction

import (
	"embed"
	"fmt"
	"sort"
	"strings"
)

//go:embed data/*.txt
var dataFS embed.FS

func readData(name string) string {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		panic(err) // compiled in: a missing file is a build defect
	}
	return string(b)
}

// dataLines returns the non-blank, non-comment lines of an embedded file.
func dataLines(name string) []string {
	var out []string
	for _, l := range strings.Split(readData(name), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// wordSet reads a one-word-a-line file.
func wordSet(name string) map[string]bool {
	out := map[string]bool{}
	for _, l := range dataLines(name) {
		out[strings.ToLower(l)] = true
	}
	return out
}

// sections reads a file of [section] headers followed by words.
func sections(name string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	cur := ""
	for _, l := range dataLines(name) {
		if strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]") {
			cur = l[1 : len(l)-1]
			if out[cur] == nil {
				out[cur] = map[string]bool{}
			}
			continue
		}
		out[cur][strings.ToLower(l)] = true
	}
	return out
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
