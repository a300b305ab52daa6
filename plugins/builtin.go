// Package plugins lists the rulesets built into copydesk. Each lives in its own
// folder; the copydesk binary serves them by re-executing itself, so they run
// out of process over the same gRPC protocol as third-party plugins.
//
// To add a built-in plugin: create plugins/NAME with a Plugin value (see
// core/sdk), add it to Builtin below, and give it a table in rules.toml.
package plugins

import (
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/plugins/byline"
	"github.com/copydesk/copydesk/plugins/consistency"
	"github.com/copydesk/copydesk/plugins/contradiction"
	"github.com/copydesk/copydesk/plugins/fragment"
	"github.com/copydesk/copydesk/plugins/quotes"
	"github.com/copydesk/copydesk/plugins/repetition"
	"github.com/copydesk/copydesk/plugins/strayui"
)

// Builtin is every ruleset the copydesk binary serves, in a stable order.
var Builtin = []*sdk.Plugin{
	repetition.Plugin,
	quotes.Plugin,
	consistency.Plugin,
	strayui.Plugin,
	byline.Plugin,
	fragment.Plugin,
	contradiction.Plugin,
}

// Lookup returns the built-in plugin with the given name, or nil.
func Lookup(name string) *sdk.Plugin {
	for _, p := range Builtin {
		if p.Name == name {
			return p
		}
	}
	return nil
}
