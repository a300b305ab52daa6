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
subordinate clause split off the sentence it belongs to, a short garbled
orphan left by a broken translation, or a sentence that stops on "and" or
"the". Only body paragraphs are read
(paragraphs of several words whose sentences mostly end with terminal
punctuation); headlines, labels, credit lines, bios and page furniture after
a credit line are left to other plugins. Quoted speech is never checked:
people speak in fragments.

Part-of-speech tags come from github.com/jdkato/prose/v2. Its model takes a
few hundred milliseconds of CPU to decode, so it is built once per process
and only when a sentence first passes the cheap tests (length, shape, quote
marks) that come before tagging: a run over clean copy that never needs a
tag never pays for it.`,
	Rules: []*sdk.Rule{Verbless, StrandedClause, NoSubject, Orphan, BrokenOff},
}
