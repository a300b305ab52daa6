// Package fragment is copydesk's built-in fragment plugin.
package fragment

import "github.com/copydesk/copydesk/core/sdk"

// Plugin is the fragment ruleset.
var Plugin = &sdk.Plugin{
	Name:    "fragment",
	Version: "0.1.0",
}
