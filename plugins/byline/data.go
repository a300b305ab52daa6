package byline

import (
	"embed"
	"strings"
)

//go:embed data/*.txt
var dataFS embed.FS

// readList reads an embedded word list: one entry a line, # comments and
// blank lines skipped. A line of "---" starts a second section.
func readList(name string) (sections [][]string) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		panic(err) // the file is embedded at build time; missing means a broken build
	}
	sections = [][]string{nil}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case line == "---":
			sections = append(sections, nil)
		default:
			sections[len(sections)-1] = append(sections[len(sections)-1], strings.ToLower(line))
		}
	}
	return sections
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	defaultRoles  = readList("roles.txt")[0]
	particles     = set(readList("particles.txt")[0])
	notName       = set(readList("notname.txt")[0])
	titles        = set(readList("titles.txt")[0])
	functionWords = set(readList("function.txt")[0])
	bioLists      = readList("bio.txt")
	bioVerbs      = set(bioLists[0])
	bioWords      = set(bioLists[1])
)
