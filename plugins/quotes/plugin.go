// Package quotes is copydesk's built-in quotes plugin.
package quotes

import "github.com/copydesk/copydesk/core/sdk"

// Plugin is the quotes ruleset.
var Plugin = &sdk.Plugin{
	Name:    "quotes",
	Version: "0.1.0",
}
