package lsp

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/plugins"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md from the rules' declarations")

// TestRulesReference: docs/rules.md has the anchor every built-in rule's
// diagnostics link to. (Only the anchors are compared, so that a rule's
// documentation can change without this test; -update rewrites the file.)
func TestRulesReference(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "rules.md")
	want := RulesReference(plugins.Builtin)
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plugins.Builtin {
		for _, r := range p.Rules {
			anchor := `<a id="` + RuleAnchor(p.Name+"/"+r.Name) + `"></a>`
			if !strings.Contains(string(got), anchor) {
				t.Errorf("docs/rules.md has no %s for %s/%s: run go test ./core/lsp -run TestRulesReference -update", anchor, p.Name, r.Name)
			}
		}
	}
}
