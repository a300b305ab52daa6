package byline

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article"
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
		Before: "Statement by Jane Doe; Editing by John Roe",
		After:  "Reporting by Jane Doe; Editing by John Roe",
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
		Before: "Reporting by Jane Deo; Editing by John Roe\n\nJane Doe is a correspondent in Paris.",
		After:  "Reporting by Jane Doe; Editing by John Roe\n\nJane Doe is a correspondent in Paris.",
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

// GarbledName reports a stray line that is a distorted copy of a credited
// name.
var GarbledName = &sdk.Rule{
	Name:     "garbled-name",
	Category: sdk.CategoryByline,
	Severity: sdk.Error,
	Summary:  "a stray line after the article is a garbled copy of a credited name",
	Doc: `Scrapers and machine translation leave lines such as "Humera cotton" after the
credit: a reporter's name with one part misspelt and another replaced by a
common word (here a literal translation: Pamuk is Turkish for cotton). A
short stand-alone line after the body, not itself a sentence, is reported
when it is a credited or bio name garbled:
- word for word, each word a near spelling of the corresponding part
  (letters swapped, changed or dropped: "Hmyra Pmuk") or a lower-case word
  where a name belongs, with at least one near spelling;
- or with the family name first, every part a near spelling ("pamuk
  humeyra", "wallis danel" for Daniel Wallis).
The name written correctly on its own line is left alone, and so is a
correct part beside a capitalised stranger ("Jane Austen" is not Jane
Doe).`,
	Example: sdk.Example{
		Before: "Reporting by Jane Doe\n\nJne dough",
		After:  "Reporting by Jane Doe",
	},
	Languages: sdk.English,
	Check: func(p *sdk.Pass) {
		an := analyse(p)
		// The bio's spelling first: the credit may itself be misspelt.
		var refs []Name
		for _, b := range an.bios {
			refs = append(refs, b.Name)
		}
		refs = append(refs, an.creditedNames()...)
	lines:
		for _, l := range an.stray {
			for _, r := range refs {
				if l.text == r.Text {
					continue lines
				}
			}
			for _, r := range refs {
				if !garbled(l.text, r) {
					continue
				}
				d := sdk.Diagnostic{
					Span:    sdk.Span{Start: l.start, End: l.start + len(l.text)},
					Message: fmt.Sprintf("%q looks like a garbled copy of %q: delete the line", l.text, r.Text),
					Suggestions: []sdk.Suggestion{{
						Span: sdk.Span{Start: l.start, End: l.start + len(l.text)}, Description: "delete the garbled name line",
					}},
				}
				if r.Start >= 0 {
					d.Related = []sdk.Related{{Span: sdk.Span{Start: r.Start, End: r.End()}, Message: "the name it garbles"}}
				}
				p.Report(d)
				break
			}
		}
	},
}

// garbled reports whether line is a garbled copy of name n: word for word,
// each word a near spelling of the matching part or a stand-in for it
// (garbledInOrder), or with the family name first and both parts there
// ("pamuk humeyra", "wallis danel").
func garbled(line string, n Name) bool {
	var words []string
	for _, w := range strings.Fields(line) {
		if !particles[fold(w)] {
			words = append(words, w)
		}
	}
	if len(words) != len(n.Key) || len(words) < 2 {
		return false
	}
	if garbledInOrder(words, n.Key) {
		return true
	}
	// Family name first: every part must be there, each a near spelling,
	// since a stand-in word in a reordered line matches too much.
	rotated := append([]string{n.Key[len(n.Key)-1]}, n.Key[:len(n.Key)-1]...)
	for i, w := range words {
		if !nearPart(fold(strings.Trim(w, ".")), rotated[i]) {
			return false
		}
	}
	return true
}

// garbledInOrder reports whether words are the name's parts in order, each
// a near spelling of its part or a stand-in for it, with at least one near
// spelling and at least one part damaged.
func garbledInOrder(words, key []string) bool {
	close, exact, other := 0, 0, 0
	for i, w := range words {
		f := fold(strings.Trim(w, "."))
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case nearPart(f, key[i]):
			close++
			if f == key[i] && unicode.IsUpper(r) {
				exact++
			}
		case unicode.IsLower(r):
			// A common word where a name belongs: a literal translation
			// ("cotton" for Pamuk) or a scraper's guess.
		default:
			other++
		}
	}
	// One capitalised stranger is allowed beside a misspelt part
	// ("Humera Cotton"), not beside a correct one ("Jane Austen" is
	// somebody else).
	misspelt := close - exact
	return close > 0 && exact < len(words) && (other == 0 || other == 1 && misspelt >= 1)
}

// nearPart reports whether a folded word is a name part, misspelt or with
// letters dropped.
func nearPart(w, part string) bool {
	return tokenClose(w, part) || looseClose(w, part) || dropped(w, part)
}

// Letters dropped from a name part ("Hmyra" for Humeyra, "amuk" for
// Pamuk) still name it when enough are left: half of them from the first
// letter on, or keptWithoutFirst of them when the first is gone too.
const (
	minKept          = 3
	keptWithoutFirst = 2.0 / 3
)

// dropped reports whether w is part with letters left out.
func dropped(w, part string) bool {
	rw, rp := []rune(w), []rune(part)
	if len(rw) < minKept || len(rw) >= len(rp) || !subsequence(rw, rp) {
		return false
	}
	if rw[0] == rp[0] {
		return 2*len(rw) >= len(rp)
	}
	return len(rw) > minKept && float64(len(rw)) >= keptWithoutFirst*float64(len(rp))
}

// subsequence reports whether a's letters appear in b in order.
func subsequence(a, b []rune) bool {
	i := 0
	for _, r := range b {
		if i < len(a) && a[i] == r {
			i++
		}
	}
	return i == len(a)
}

// looseClose allows a garbled line more damage than a misspelt credit: a
// third of the letters of a name of five or more.
func looseClose(a, b string) bool {
	n := min(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	d := osa(a, b)
	return n >= 3 && d <= 1 || n >= 5 && d <= n/3
}

// CreditBioMismatch reports a bio about someone the credit does not name.
var CreditBioMismatch = &sdk.Rule{
	Name:     "credit-bio-mismatch",
	Category: sdk.CategoryByline,
	Severity: sdk.Error,
	Summary:  "the author bio describes someone the credit line does not name",
	Doc: `An author bio at the foot of the article belongs to one of the people credited
for it. When the bio's name matches no credited name, not even as a
misspelling, the credit or the bio was taken from another story.`,
	Example: sdk.Example{
		Before: "Reporting by Jane Doe; Editing by John Roe\n\nMary Major is a correspondent in Paris.",
		After:  "Reporting by Mary Major; Editing by John Roe\n\nMary Major is a correspondent in Paris.",
	},
	Languages: sdk.English,
	Check: func(p *sdk.Pass) {
		an := analyse(p)
		credited := an.creditedNames()
		if len(credited) == 0 {
			return
		}
	bios:
		for _, b := range an.bios {
			for _, n := range credited {
				if sameName(n, b.Name) || variantOf(n, b.Name) {
					continue bios
				}
			}
			c, ok := an.creditBefore(b.Block)
			if !ok {
				continue
			}
			first := c.Names()[0]
			var list []string
			for _, n := range c.Names() {
				list = append(list, n.Text)
			}
			p.Report(sdk.Diagnostic{
				Span:    sdk.Span{Start: first.Start, End: first.End()},
				Message: fmt.Sprintf("the bio describes %s, who is not credited (credit: %s)", b.Name.Text, strings.Join(list, ", ")),
				Related: []sdk.Related{{Span: sdk.Span{Start: b.Name.Start, End: b.Name.End()}, Message: "the bio"}},
			})
		}
	},
}

// creditBefore is the credit line in the text nearest before block, or the
// first one in the text.
func (an *analysis) creditBefore(block int) (CreditLine, bool) {
	var best CreditLine
	found := false
	for _, c := range an.credits {
		if c.Start < 0 || len(c.Names()) == 0 || c.Names()[0].Start < 0 {
			continue
		}
		if !found || c.Block < block {
			best, found = c, true
		}
	}
	return best, found
}

// BioPronoun reports a bio whose pronouns contradict the staff roster.
var BioPronoun = &sdk.Rule{
	Name:     "bio-pronoun",
	Category: sdk.CategoryByline,
	Severity: sdk.Warning,
	Summary:  "an author bio uses pronouns the staff roster says the person does not use",
	Doc: `When rules.toml lists a staff member's pronouns ([[byline.staff]] pronouns =
"she/her"), a bio of that person that says "He covers..." is wrong, often
the work of machine translation from a language without gendered pronouns.
Without a roster the rule is silent.`,
	Example: sdk.Example{
		Before: "Reporting by Jane Doe\n\nJane Doe is a correspondent in Paris. He covers trade.",
		After:  "Reporting by Jane Doe\n\nJane Doe is a correspondent in Paris. She covers trade.",
	},
	Languages: sdk.English,
	Check: func(p *sdk.Pass) {
		an := analyse(p)
		for _, b := range an.bios {
			s, ok := an.rosterEntry(b.Name)
			if !ok {
				continue
			}
			wrong := wrongPronouns(s.Pronouns)
			if wrong == nil {
				continue
			}
			blk := p.Article.Blocks[b.Block]
			text := p.Article.BlockText(blk)
			for _, m := range wordRE.FindAllStringIndex(text, -1) {
				w := text[m[0]:m[1]]
				if !wrong[strings.ToLower(w)] || m[0] < b.Name.End()-blk.Span.Start {
					continue
				}
				p.Report(sdk.Diagnostic{
					Span:    sdk.Span{Start: blk.Span.Start + m[0], End: blk.Span.Start + m[1]},
					Message: fmt.Sprintf("the bio says %q but the staff roster gives %s's pronouns as %s", w, s.Name, s.Pronouns),
					Related: []sdk.Related{{Span: sdk.Span{Start: b.Name.Start, End: b.Name.End()}, Message: "the bio's subject"}},
				})
				break
			}
		}
	},
}

var wordRE = lazy(`\pL+`)

func (an *analysis) rosterEntry(n Name) (staffEntry, bool) {
	for _, s := range an.cfg.staff {
		for _, sn := range s.names {
			if sameName(n, sn) {
				return s, true
			}
		}
	}
	for _, s := range an.cfg.staff {
		for _, sn := range s.names {
			if variantOf(n, sn) {
				return s, true
			}
		}
	}
	return staffEntry{}, false
}

// wrongPronouns is the set of pronouns a bio of someone with the given
// roster pronouns should not use.
func wrongPronouns(p string) map[string]bool {
	he := map[string]bool{"he": true, "him": true, "his": true, "himself": true}
	she := map[string]bool{"she": true, "her": true, "hers": true, "herself": true}
	first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(p)), "/")
	switch first {
	case "she":
		return he
	case "he":
		return she
	case "they":
		for k := range she {
			he[k] = true
		}
		return he
	}
	return nil
}

// authorRoles are the roles that name who wrote the story, as opposed to
// who edited it or added reporting.
var authorRoles = map[string]bool{"by": true, "reporting": true, "reported": true, "writing": true, "written": true, "": true}

func authors(c CreditLine) []Name {
	var out []Name
	for _, s := range c.Segments {
		if authorRoles[strings.ToLower(s.Role)] {
			out = append(out, s.Names...)
		}
	}
	return out
}

// ConflictingCredits reports two credit lines that name different authors.
var ConflictingCredits = &sdk.Rule{
	Name:     "conflicting-credits",
	Category: sdk.CategoryByline,
	Severity: sdk.Warning,
	Summary:  "two credit lines (or the CMS byline and a credit line) name different authors",
	Doc: `A story may carry a byline at the top and a wire credit at the foot, or a CMS
byline field and a credit line in the copy. They must agree: when the
authors one names ("By", "Reporting by", "Writing by") share nobody with the
people the other credits, one of them belongs to another story.

When two or more credits stand between paragraphs of body copy, each heads
a section of its own, as in excerpts of several court opinions ("By Justice
Stevens" ... "By Justice Breyer") or a page of letters: they credit their
sections, not the story, and are not compared.`,
	Example: sdk.Example{
		Before: "By Jane Doe\n\n...\n\nReporting by John Roe; Editing by Mary Major",
		After:  "By Jane Doe\n\n...\n\nReporting by Jane Doe; Editing by Mary Major",
	},
	Languages: sdk.English,
	Check: func(p *sdk.Pass) {
		an := analyse(p)
		for j := 1; j < len(an.credits); j++ {
			cj := an.credits[j]
			aj := authors(cj)
			if cj.Start < 0 || len(aj) == 0 || an.sectionCredit(cj) {
				continue
			}
			for i := 0; i < j; i++ {
				ci := an.credits[i]
				if len(authors(ci)) == 0 || overlap(ci.Names(), cj.Names()) {
					continue
				}
				d := sdk.Diagnostic{
					Span:    sdk.Span{Start: aj[0].Start, End: aj[0].End()},
					Message: fmt.Sprintf("this credit names %s but an earlier credit names %s", aj[0].Text, authors(ci)[0].Text),
				}
				if ci.Start >= 0 {
					d.Related = []sdk.Related{{Span: sdk.Span{Start: ci.Start, End: ci.End}, Message: "the other credit"}}
				}
				p.Report(d)
				break
			}
		}
	},
}

func overlap(a, b []Name) bool {
	for _, x := range a {
		for _, y := range b {
			if sameName(x, y) || variantOf(x, y) {
				return true
			}
		}
	}
	return false
}

// CreditInBody reports a credit line with body copy on both sides.
var CreditInBody = &sdk.Rule{
	Name:     "credit-in-body",
	Category: sdk.CategoryByline,
	Severity: sdk.Warning,
	Summary:  "a credit line sits in the middle of the body",
	Doc: `Credits go at the top (a byline) or at the foot (a wire credit). A credit line
with paragraphs of body copy before and after it was pasted in the wrong
place, or two stories were run together. Two or more such credits head the
sections of a piece by several hands (excerpts of court opinions, a page
of letters) and are not reported.`,
	Example: sdk.Example{
		Before: "First paragraph...\n\nReporting by Jane Doe\n\nSecond paragraph...\n\nThird paragraph...",
		After:  "First paragraph...\n\nSecond paragraph...\n\nThird paragraph...\n\nReporting by Jane Doe",
	},
	Languages: sdk.English,
	Check: func(p *sdk.Pass) {
		an := analyse(p)
		for _, c := range an.credits {
			if c.CMS || c.Start < 0 || an.sectionCredit(c) {
				continue
			}
			if an.bodyBefore(c.Block) >= 1 && an.bodyAfter(c.Block) >= 2 {
				p.Report(sdk.Diagnostic{
					Span:    sdk.Span{Start: c.Start, End: c.End},
					Message: "credit line in the middle of the body: move it to the top or the foot of the story",
				})
			}
		}
	},
}

// MissingByline reports a CMS article whose byline field is empty.
var MissingByline = &sdk.Rule{
	Name:     "missing-byline",
	Category: sdk.CategoryByline,
	Severity: sdk.Warning,
	Summary:  "the CMS byline field is empty (off unless the house requires a byline)",
	Doc: `For houses that require every story to carry a byline: a CMS JSON article
whose byline field is missing or empty is reported at its headline. Off by
default; enable it with [byline.rules.missing-byline] enabled = true.`,
	Example: sdk.Example{
		Before: `{"headline": "...", "byline": "", "body": "..."}`,
		After:  `{"headline": "...", "byline": "Jane Doe", "body": "..."}`,
	},
	Disabled:  true,
	Languages: []string{sdk.AnyLanguage},
	Check: func(p *sdk.Pass) {
		a := p.Article
		if a.Format != article.FormatJSON || metaByline(a) != "" {
			return
		}
		span := sdk.Span{}
		for _, b := range a.Blocks {
			if b.Kind == article.Byline && strings.TrimSpace(a.BlockText(b)) != "" {
				return
			}
		}
		for _, b := range a.Blocks {
			if b.Kind == article.Headline {
				span = b.Span
				break
			}
		}
		if span.End == 0 && len(a.Blocks) > 0 {
			span = a.Blocks[0].Span
		}
		p.Report(sdk.Diagnostic{Span: span, Message: "the byline field is empty: the house requires a byline on every story"})
	},
}
