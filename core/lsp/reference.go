package lsp

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/core/sdk"
)

// RulesReference renders docs/rules.md, the page each diagnostic's
// codeDescription links to: for every rule, under an anchor RuleAnchor(id),
// what `copydesk explain` prints. Regenerate it with
//
//	go test ./core/lsp -run TestRulesReference -update
func RulesReference(plugins []*sdk.Plugin) string {
	var b strings.Builder
	b.WriteString("# copydesk rules\n\n")
	b.WriteString("Every built-in rule, as `copydesk explain RULE` prints it. Editors link each\n")
	b.WriteString("finding here (the diagnostic's code description, see [editor.md](editor.md));\n")
	b.WriteString("hovering over a finding shows the same text. This file is generated from the\n")
	b.WriteString("rules' declarations: `go test ./core/lsp -run TestRulesReference -update`.\n")
	for _, p := range plugins {
		fmt.Fprintf(&b, "\n## %s\n\n", p.Name)
		if doc := strings.TrimSpace(p.Doc); doc != "" {
			b.WriteString(doc + "\n")
		}
		for _, r := range p.Rules {
			id := p.Name + "/" + r.Name
			fmt.Fprintf(&b, "\n<a id=\"%s\"></a>\n\n### %s\n\n%s\n\n", RuleAnchor(id), id, r.Summary)
			fmt.Fprintf(&b, "category: %s · default severity: %s", r.Category, r.Severity)
			if r.Disabled {
				b.WriteString(" · off by default")
			}
			if len(r.Languages) > 0 {
				fmt.Fprintf(&b, " · languages: %s", strings.Join(r.Languages, ", "))
			}
			b.WriteString("\n")
			if doc := strings.TrimSpace(r.Doc); doc != "" {
				fmt.Fprintf(&b, "\n%s\n", doc)
			}
			if r.Example.Before != "" {
				fmt.Fprintf(&b, "\nFlagged:\n\n%s\n", fence(r.Example.Before))
				if r.Example.After != "" {
					fmt.Fprintf(&b, "\nFixed:\n\n%s\n", fence(r.Example.After))
				}
			}
			writeOptions(&b, "Rule options", p.Name+".rules."+r.Name, r.Options)
			fmt.Fprintf(&b, "\nTurn it off: `[%s.rules.%s]` `enabled = false`\n", p.Name, r.Name)
		}
		writeOptions(&b, "Plugin options", p.Name, p.Options)
	}
	return b.String()
}

func writeOptions(b *strings.Builder, title, table string, opts []sdk.Option) {
	if len(opts) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s (in rules.toml under `[%s]`):\n\n", title, table)
	for _, o := range opts {
		def := ""
		if o.Default != nil {
			j, _ := json.Marshal(o.Default)
			def = " (default `" + string(j) + "`)"
		}
		fmt.Fprintf(b, "- `%s` %s%s: %s\n", o.Name, o.Type, def, strings.Join(strings.Fields(o.Doc), " "))
	}
}
