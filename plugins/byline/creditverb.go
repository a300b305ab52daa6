package byline

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/sdk"
)

// CreditVerb reports credit roles the house does not use.
var CreditVerb = &sdk.Rule{
	Name:     "credit-verb",
	Category: sdk.CategoryByline,
	Severity: sdk.Warning,
	Summary:  "credit line uses a role that is not one of the house's (\"Statement by\", \"Edited from\")",
	Doc: `A credit line names each person's part in the story with one of the house's
roles, followed by "by": "Reporting by", "Additional reporting by", "Writing
by", "Editing by"... Machine translation and careless templating produce
roles no newsroom writes ("Statement by", "Redaction by", "Coverage of",
"Edited from"), which read as if the reporter issued a statement.

The list of roles is the plugin's "roles" option; by default it holds the
common wire roles. A line counts as a credit when another of its roles is a
house role, or when it stands alone after the body and names someone the
bio or the staff roster knows.`,
	Example: sdk.Example{
		Before: "Council backs new bridge\n\nThe city council approved the new bridge on Tuesday, officials said.\n\nStatement by Jane Doe; Editing by John Roe",
		After:  "Council backs new bridge\n\nThe city council approved the new bridge on Tuesday, officials said.\n\nReporting by Jane Doe; Editing by John Roe",
	},
	Languages: sdk.English,
	Check: func(p *sdk.Pass) {
		an := analyse(p)
		for _, c := range an.credits {
			if c.Start < 0 {
				continue
			}
			for _, s := range c.Segments {
				if an.cfg.roles.known(s.Role, s.Prep) {
					continue
				}
				span := sdk.Span{Start: s.RoleStart, End: s.RoleEnd()}
				written := p.Article.Slice(span)
				d := sdk.Diagnostic{Span: span, Message: fmt.Sprintf("%q is not a house credit: credits read \"Reporting by\", \"Writing by\", \"Editing by\"...", written)}
				if fix := an.cfg.roles.suggest(s.Role); fix != "" {
					d.Message = fmt.Sprintf("%q is not a house credit: did you mean %q?", written, fix)
					d.Suggestions = []sdk.Suggestion{{Span: span, Replacement: fix, Description: "use the house credit"}}
				}
				p.Report(d)
			}
		}
	},
}

// suggest returns the house role a wrong one most likely stands for
// ("Report" -> "Reporting by", "Edited from" -> "Edited by"), or "".
func (rs roleSet) suggest(role string) string {
	r := fold(role)
	if rs.known(role, "by") {
		return role + " by"
	}
	stem := r
	if utf8.RuneCountInString(stem) > 4 {
		stem = string([]rune(stem)[:4])
	}
	best := ""
	for _, h := range defaultRoles {
		if rs[h] && strings.HasPrefix(h, stem) && strings.HasSuffix(h, "ing") && len(stem) >= 4 {
			if best == "" || len(h) < len(best) {
				best = h
			}
		}
	}
	if best == "" {
		return ""
	}
	return strings.ToUpper(best[:1]) + best[1:] + " by"
}
