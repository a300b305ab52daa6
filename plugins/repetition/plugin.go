// Package repetition is copydesk's built-in repetition plugin.
package repetition

import "github.com/copydesk/copydesk/core/sdk"

// Plugin is the repetition ruleset.
var Plugin = &sdk.Plugin{
	Name:    "repetition",
	Version: "0.1.0",
}
