// Package fragment is copydesk's built-in fragment plugin: it finds body
// sentences that are not sentences, the debris of careless cuts and machine
// translation.
package fragment

import "github.com/copydesk/copydesk/core/sdk"

// Plugin is the fragment ruleset.
var Plugin = &sdk.Plugin{
	Name:    "fragment",
	Version: "0.1.0",
	Doc: `Finds body sentences that have no main clause: a noun phrase or a
subordinate clause split off the sentence it belongs to, or a short garbled
orphan left by a broken translation. Only body paragraphs are read
(paragraphs of several words whose sentences mostly end with terminal
punctuation); headlines, labels, credit lines, bios and page furniture after
a credit line are left to other plugins. Quoted speech is never checked:
people speak in fragments.

Part-of-speech tags come from github.com/jdkato/prose/v2's model, which is
loaded once per process, in the background from the moment the run is
configured.`,
	Rules: []*sdk.Rule{Verbless, StrandedClause, Orphan},
	// The tagger model takes a few hundred milliseconds to decode. Start
	// on it as soon as a run is configured, in the background, so that it
	// overlaps with the host reading and parsing the input; the first check
	// waits for it only if it is not ready yet.
	Configure: func(sdk.Options) (any, error) {
		go tagModel()
		return nil, nil
	},
}
