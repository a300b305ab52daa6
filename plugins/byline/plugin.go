// Package byline is copydesk's built-in byline plugin.
package byline

import "github.com/copydesk/copydesk/core/sdk"

// Plugin is the byline ruleset.
var Plugin = &sdk.Plugin{
	Name:    "byline",
	Version: "0.1.0",
}
