// Package byline is copydesk's built-in byline plugin: it reads the credit
// lines, CMS byline field and author bios of an article and reports credits
// the house does not use and names that disagree with each other or with the
// staff roster.
package byline

import "github.com/copydesk/copydesk/core/sdk"

// Plugin is the byline ruleset.
var Plugin = &sdk.Plugin{
	Name:    "byline",
	Version: "0.1.0",
	Doc: `Checks who the article credits. Credit lines are read in the forms newsrooms
use: wire style ("Reporting by A and B; Additional reporting by C; Editing by
D"), "By A and B, Agency", contributor lines ("Contributors: A, B", "A
contributed reporting") and the CMS byline field. Author bios at the foot of
the article are matched to the credited names with a name-aware fuzzy match
(given and family names compared separately, diacritics and initials
tolerated), so a misspelt credit points at the bio that spells it right.

With a staff roster ([[byline.staff]] in rules.toml: name, aliases, pronouns,
desk), credited names close to a staff member's get "did you mean", and bios
whose pronouns contradict the roster are reported.`,
	Options:   options,
	Configure: configure,
	Rules:     []*sdk.Rule{CreditVerb, NameVariant, GarbledName, CreditBioMismatch, BioPronoun, ConflictingCredits, CreditInBody, MissingByline},
}

var options = []sdk.Option{
	{Name: "staff", Type: sdk.TableList, Doc: "The staff roster: [[byline.staff]] tables with name, aliases (list), pronouns (\"she/her\") and desk. Without it the roster checks stay off."},
	{Name: "roles", Type: sdk.StringList, Doc: "The house's credit roles, the words before \"by\" (\"reporting\", \"additional reporting\", \"editing\"...). Defaults to the common wire roles.", Default: defaultRoles},
}
