// Package consistency is copydesk's built-in consistency plugin.
package consistency

import "github.com/copydesk/copydesk/core/sdk"

// Plugin is the consistency ruleset.
var Plugin = &sdk.Plugin{
	Name:    "consistency",
	Version: "0.1.0",
}
