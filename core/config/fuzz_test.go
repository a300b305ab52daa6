package config

import (
	"strings"
	"testing"
)

// FuzzParse: any bytes give a config or errors that name the file, never a
// panic, and error lines stay inside the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "fail_on = \"error\"\n", "[quotes]\nstyle = \"curly\"\n[quotes.rules.x]\nenabled = false\n",
		"[[byline.staff]]\nname = \"A B\"\n", "[[overrides]]\npaths = [\"a/**\"]\n[overrides.rules]\n\"q/r\" = { enabled = false }\n",
		"[timeouts]\nstart = \"1s\"\n", "max_file_size = \"4MiB\"\n", "[house]\npath = \"x\"\nsha256 = \"" + strings.Repeat("0", 64) + "\"\n",
		"a.b.\"c\" = 1\n", "[x\n", "= =",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		c, err := Parse("rules.toml", []byte(src), builtins)
		if err != nil {
			lines := strings.Count(src, "\n") + 2
			if es, ok := err.(Errors); ok {
				for _, e := range es {
					if e.Line < 0 || e.Line > lines {
						t.Fatalf("error line %d outside the file (%d lines): %v", e.Line, lines, e)
					}
					if !strings.HasPrefix(e.Error(), "rules.toml") {
						t.Fatalf("error does not name the file: %v", e)
					}
				}
			}
			return
		}
		_ = c.Validate(decls)
		for _, p := range c.WithBuiltins(builtins) {
			if d := decls[p.Name]; d != nil {
				c.RuleSettings(p, d)
			}
		}
	})
}
