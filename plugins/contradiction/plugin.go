// Package contradiction is copydesk's built-in contradiction plugin.
package contradiction

import "github.com/copydesk/copydesk/core/sdk"

// Plugin is the contradiction ruleset.
var Plugin = &sdk.Plugin{
	Name:    "contradiction",
	Version: "0.1.0",
}
