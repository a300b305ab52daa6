// Package contradiction is copydesk's built-in contradiction plugin: it finds
// places where an article disagrees with itself and points at both sides of
// each conflict (the diagnostic's span and a related span).
//
// Rules:
//
//   - self-reference: one state on both sides of a relation that needs two
//     parties ("the US ... talks with Washington", "a snub to Stockholm by
//     the Swedish leadership"). Names come from data/aliases.txt (every
//     country, its capital, demonym and government buildings); relations
//     from data/relations.txt.
//   - restated-figure: a sentence restated later with a figure changed.
//   - conflicting-count: one person given two ages, one casualty count given
//     two values.
//   - impossible-date: a weekday that does not fit its date, a span that ends
//     before it starts, an age that does not fit a birth year.
//   - conflicting-title: one person given two offices, or an office the house
//     facts contradict.
//
// Settings in rules.toml:
//
//	[[contradiction.aliases]]
//	entity = "Acme Corp"
//	names = ["Acme"]
//	seats = ["Springfield"]
//
//	[[contradiction.facts]]
//	person = "Qin Gang"
//	title = "Foreign Minister"
//	valid_from = "2022-12-30"
//	valid_to = "2023-07-25"
//
// The rules read sentences with closed word lists (data/lexicon.txt) rather
// than a parser, and lean to silence: each one demands the construction that
// makes a contradiction certain, because a linter that cries wolf is turned
// off.
package contradiction
