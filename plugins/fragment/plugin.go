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

Part-of-speech tags come from github.com/jdkato/prose/v3 (package tag).
The tagger's single best guess is not trusted to find the verb: a word
that WordNet lists as a verb, in a finite form, after a subject that
agrees with it counts as a verb whatever the tag (data/verbs.txt). Only
English articles are read: the host's language when it set one, otherwise
a count of English and German function words.`,
	Rules: []*sdk.Rule{Verbless, StrandedClause, NoSubject, Orphan, BrokenOff},
}
