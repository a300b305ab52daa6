// Package strayui is copydesk's built-in strayui plugin.
package strayui

import "github.com/copydesk/copydesk/core/sdk"

// Plugin is the strayui ruleset.
var Plugin = &sdk.Plugin{
	Name:    "strayui",
	Version: "0.1.0",
}
