package byline

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/sdk"
)

// NameVariant reports a credited name spelled differently from the bio or
// the staff roster.
var NameVariant = &sdk.Rule{
	Name:     "name-variant",
	Category: sdk.CategoryByline,
	Severity: sdk.Error,
	Summary:  "a credited name is spelled differently in the bio or the staff roster",
	Doc: `Compares every credited name with the names of the author bios and, when
rules.toml has a staff roster, with the roster's names and aliases. Given and
family names are compared separately with an edit distance that allows one
slip in a short name and two in a long one, so "Humeya Pamuk" is reported
against "Humeyra Pamuk" while "Lukas Goldberg" and "Lukas Schwarz" stay two
people. Diacritics, particles and initials do not count as differences
("Jose Alvarez" is "José Álvarez", "J. Smith" is "John Smith"). A bio name
that is itself credited is somebody else, not a correction.`,
	Example: sdk.Example{
		Before: "Council backs new bridge\n\nThe city council approved the new bridge on Tuesday, officials said.\n\nReporting by Jane Deo; Editing by John Roe\n\nJane Doe is a correspondent in Paris.",
		After:  "Council backs new bridge\n\nThe city council approved the new bridge on Tuesday, officials said.\n\nReporting by Jane Doe; Editing by John Roe\n\nJane Doe is a correspondent in Paris.",
	},
	Languages: sdk.English,
	Check: func(p *sdk.Pass) {
		an := analyse(p)
		for li, c := range an.credits {
			line := c.Names()
			for _, n := range line {
				if n.Start < 0 {
					continue
				}
				if d, ok := an.variantFinding(n, li, line); ok {
					p.Report(d)
				}
			}
		}
		credited := an.creditedNames()
		for _, b := range an.bios {
			if an.knownSpelling(b.Name) || an.creditedAs(b.Name, credited) {
				continue
			}
			if s, ok := an.rosterVariant(b.Name); ok {
				p.Report(sdk.Diagnostic{
					Span:    sdk.Span{Start: b.Name.Start, End: b.Name.End()},
					Message: fmt.Sprintf("the bio's %q is not on the staff roster: did you mean %q?", b.Name.Text, s),
				})
			}
		}
	},
}

// variantFinding checks one credited name n, from credit line li whose
// names are line, against the bios, the other credit lines and the roster.
// A near spelling credited on the same line is a second person, not a
// misspelling: "Reporting by Anna Berg and Anne Berg".
func (an *analysis) variantFinding(n Name, li int, line []Name) (sdk.Diagnostic, bool) {
	span := sdk.Span{Start: n.Start, End: n.End()}
	related := func(o Name, msg string) []sdk.Related {
		if o.Start < 0 {
			return nil
		}
		return []sdk.Related{{Span: sdk.Span{Start: o.Start, End: o.End()}, Message: msg}}
	}
	if b, ok := an.bioCasing(n); ok {
		return sdk.Diagnostic{Span: span, Related: related(b, "the bio's spelling"),
			Message: fmt.Sprintf("credit writes the name %q but the bio writes it %q", n.Text, b.Text)}, true
	}
	if an.knownSpelling(n) {
		return sdk.Diagnostic{}, false
	}
	for _, b := range an.bios {
		if variantOf(n, b.Name) && !an.creditedAs(b.Name, line) {
			return sdk.Diagnostic{Span: span, Related: related(b.Name, "the bio's spelling"),
				Message: fmt.Sprintf("credit spells the name %q but the bio spells it %q", n.Text, b.Name.Text)}, true
		}
	}
	for lj, c := range an.credits {
		if lj == li {
			continue
		}
		for _, o := range c.Names() {
			if !variantOf(n, o) || an.creditedAs(o, line) {
				continue
			}
			// Without a bio or roster to settle it, the later spelling
			// is the one reported; the CMS field counts as first.
			if !an.knownSpelling(o) && !an.before(lj, li) {
				continue
			}
			where := "the byline field"
			if !c.CMS {
				where = "another credit"
			}
			return sdk.Diagnostic{Span: span, Related: related(o, "the other spelling"),
				Message: fmt.Sprintf("credit spells the name %q but %s spells it %q", n.Text, where, o.Text)}, true
		}
	}
	if s, ok := an.rosterVariant(n); ok {
		return sdk.Diagnostic{Span: span, Message: fmt.Sprintf("%q is not on the staff roster: did you mean %q?", n.Text, s)}, true
	}
	return sdk.Diagnostic{}, false
}

// before reports whether credit line i comes before credit line j: the CMS
// byline field first, then lines in the order of the text.
func (an *analysis) before(i, j int) bool {
	ci, cj := an.credits[i], an.credits[j]
	if ci.CMS != cj.CMS {
		return ci.CMS
	}
	return ci.Start < cj.Start
}

// bioCasing finds a bio that spells n the same way but with capitals where
// the credit has lower case ("Samuel nakamura").
func (an *analysis) bioCasing(n Name) (Name, bool) {
	for _, b := range an.bios {
		if sameName(n, b.Name) && lostCapital(n.Text, b.Name.Text) {
			return b.Name, true
		}
	}
	return Name{}, false
}

// lostCapital reports whether some word of a is lower case where the same
// word of b is capitalised. Particles are left alone: "von" is lower case
// by right.
func lostCapital(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) != len(wb) {
		return false
	}
	for i := range wa {
		ra, _ := utf8.DecodeRuneInString(wa[i])
		rb, _ := utf8.DecodeRuneInString(wb[i])
		if unicode.IsLower(ra) && unicode.IsUpper(rb) {
			return true
		}
	}
	return false
}

// knownSpelling reports whether a name is spelled as a bio or the roster
// spells it.
func (an *analysis) knownSpelling(n Name) bool {
	for _, b := range an.bios {
		if spelledAs(n, b.Name) {
			return true
		}
	}
	for _, s := range an.cfg.staff {
		for _, sn := range s.names {
			if spelledAs(n, sn) {
				return true
			}
		}
	}
	return false
}

func (an *analysis) creditedAs(n Name, credited []Name) bool {
	for _, c := range credited {
		if sameName(n, c) {
			return true
		}
	}
	return false
}

func (an *analysis) rosterVariant(n Name) (string, bool) {
	for _, s := range an.cfg.staff {
		for _, sn := range s.names {
			if variantOf(n, sn) {
				return s.Name, true
			}
		}
	}
	return "", false
}
