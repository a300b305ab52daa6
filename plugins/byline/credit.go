package byline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// CreditLine is one line that credits people for the story: a wire credit
// ("Reporting by A and B; Editing by C"), a byline ("By A, Agency"), a
// contributor line ("Contributors: A, B") or a CMS byline field.
type CreditLine struct {
	Start, End int // the line in Article.Text
	Segments   []Segment
	Block      int  // index of the block the line is in
	CMS        bool // the CMS byline field, not a line of copy
}

// Segment is one role of a credit line and the people credited with it.
type Segment struct {
	Role      string // as written: "Reporting", "Additional reporting", "By"
	RoleStart int    // byte offset of Role in Article.Text
	// Prep is what joins role and names: "by", "of", "from", ":" or
	// "contributed"; "" for a CMS field that lists bare names, "-" for a
	// role followed directly by a name.
	Prep  string
	Names []Name
}

// RoleEnd is the offset just after the role and its preposition.
func (s Segment) RoleEnd() int {
	switch s.Prep {
	case "", "contributed", ":", "-":
		return s.RoleStart + len(s.Role)
	}
	return s.RoleStart + len(s.Role) + 1 + len(s.Prep)
}

// Names returns every person the line credits.
func (c CreditLine) Names() []Name {
	var out []Name
	for _, s := range c.Segments {
		out = append(out, s.Names...)
	}
	return out
}

// roleSet is the house's list of credit roles.
type roleSet map[string]bool

// known reports whether a role joined to its names by prep is one the house
// uses. A role is credited "by" someone; "Edited from" or "Coverage of" are
// not credits the house writes, whatever the verb.
func (rs roleSet) known(role, prep string) bool {
	switch prep {
	case "contributed", "":
		return true
	case "by", ":":
	default:
		return false
	}
	r := strings.ToLower(strings.Join(strings.Fields(role), " "))
	if r == "by" {
		return true // a plain byline, whatever the house's role list says
	}
	r = strings.TrimPrefix(r, "with ")
	// "Reporting from London by": where the reporting was done is not part
	// of the role.
	if i := strings.LastIndex(r, " from "); i > 0 {
		r = r[:i]
	} else if i := strings.LastIndex(r, " in "); i > 0 {
		r = r[:i]
	}
	for _, part := range roleParts.Split(r, -1) {
		part = strings.TrimPrefix(strings.TrimSpace(part), "additional ")
		if !rs[part] {
			return false
		}
	}
	return true
}

var roleParts = lazy(`\s*(?:,|&|\band\b)\s*`)

// roleShape is what can stand before "by" in a credit: one to four words,
// the first capitalised ("Additional reporting", "Statement").
var roleShape = lazy(`^\pL[\p{L}'’-]*(?:,? (?:&|[\p{L}'’-]+)){0,3}$`)

func contributedIndex(s string) []int {
	if !strings.Contains(s, " contributed ") {
		return nil
	}
	return contributed.FindStringSubmatchIndex(s)
}

var contributed = lazy(`^(.+?) contributed (?:reporting|additional reporting|to this (?:report|story|article)|research|writing)\b`)

// parseCredit reads one line as a credit line. off is the line's offset in
// Article.Text. bare allows a list of names with no role (a CMS byline
// field). It returns false when the line is not shaped like a credit.
func parseCredit(line string, off int, bare bool) (CreditLine, bool) {
	c := CreditLine{Start: off, End: off + len(line)}
	t := strings.TrimRight(line, " \t")
	if t == "" || len(t) > 300 || !bare && sentenceBreak(t) {
		return c, false
	}
	for _, seg := range splitSegments(t) {
		s, ok := parseSegment(seg.s, off+seg.off, bare)
		if !ok {
			return c, false
		}
		c.Segments = append(c.Segments, s)
	}
	return c, len(c.Segments) > 0
}

// sentenceBreak reports a full stop after a word (not an initial) followed
// by more text: a line of prose, not a credit. It is the regexp
// `\p{Ll}{2}\. \S` written out, because every line of every article goes
// through it and the regexp engine made it the plugin's largest cost.
func sentenceBreak(t string) bool {
	for i := strings.Index(t, ". "); i >= 0; {
		if i+2 < len(t) && !asciiSpace(t[i+2]) && lowerBefore(t[:i], 2) {
			return true
		}
		j := strings.Index(t[i+1:], ". ")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// asciiSpace is the regexp class \s (RE2's, which is ASCII only).
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// lowerBefore reports whether s ends with n lower-case letters.
func lowerBefore(s string, n int) bool {
	for ; n > 0; n-- {
		r, size := utf8.DecodeLastRuneInString(s)
		if size == 0 || !unicode.IsLower(r) {
			return false
		}
		s = s[:len(s)-size]
	}
	return true
}

// segmentComma is a comma that starts a new role rather than another name:
// "Reporting by Jane Doe, Editing by John Roe".
var segmentComma = lazy(`, *\p{Lu}[\p{L}'’-]*(?: [\p{L}'’-]+){0,3} (?:by|of|from) `)

// splitSegments splits a credit line into its roles at semicolons, and at
// commas that open a new role.
func splitSegments(t string) []piece {
	var out []piece
	for _, p := range splitOffsets(t, ";") {
		rest, off := p.s, p.off
		for {
			m := segmentComma.FindStringIndex(rest)
			if m == nil || m[0] == 0 {
				break
			}
			out = append(out, piece{strings.TrimSpace(rest[:m[0]]), off})
			skip := m[0] + 1
			for skip < len(rest) && rest[skip] == ' ' {
				skip++
			}
			rest, off = rest[skip:], off+skip
		}
		out = append(out, piece{rest, off})
	}
	return out
}

type piece struct {
	s   string
	off int
}

// splitOffsets splits s at sep, trimming spaces, keeping each piece's offset.
func splitOffsets(s, sep string) []piece {
	var out []piece
	start := 0
	for {
		i := strings.Index(s[start:], sep)
		end := len(s)
		if i >= 0 {
			end = start + i
		}
		p := s[start:end]
		lead := len(p) - len(strings.TrimLeft(p, " \t"))
		p = strings.TrimSpace(p)
		if p != "" {
			out = append(out, piece{p, start + lead})
		}
		if i < 0 {
			return out
		}
		start = end + len(sep)
	}
}

func parseSegment(s string, off int, bare bool) (Segment, bool) {
	s = strings.TrimSuffix(s, ".")
	// "By Jane Doe and John Roe, Reuters"
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		names, ok := parseNames(s[3:], off+3)
		return Segment{Role: s[:2], RoleStart: off, Prep: "by", Names: names}, ok
	}
	// "Jane Doe and John Roe contributed reporting"
	// (The Contains test spares the regexp's backtracking over lines that
	// cannot match.)
	if m := contributedIndex(s); m != nil {
		names, ok := parseNames(s[:m[3]], off)
		return Segment{Role: "contributed", RoleStart: off + m[3] + 1, Prep: "contributed", Names: names}, ok
	}
	// "Contributors: Jane Doe, John Roe"
	if i := strings.Index(s, ":"); i > 0 && roleShape.MatchString(s[:i]) {
		names, ok := parseNames(s[i+1:], off+i+1)
		return Segment{Role: s[:i], RoleStart: off, Prep: ":", Names: names}, ok
	}
	// "Reporting by Jane Doe", "Coverage of Jane Doe"
	for _, m := range prepRE.FindAllStringSubmatchIndex(roleHead(s), -1) {
		role := s[:m[0]]
		if !roleShape.MatchString(role) {
			continue
		}
		names, ok := parseNames(s[m[1]:], off+m[1])
		if ok {
			return Segment{Role: role, RoleStart: off, Prep: s[m[2]:m[3]], Names: names}, true
		}
	}
	if bare {
		names, ok := parseNames(s, off)
		return Segment{RoleStart: off, Names: names}, ok
	}
	// "Coverage Jane Doe": a role with no "by" at all.
	words := strings.Fields(s)
	for k := 1; k <= 3 && k < len(words)-1; k++ {
		if len(words)-k > 5 {
			continue // personName takes two to five words
		}
		role := strings.Join(words[:k], " ")
		rest := strings.Join(words[k:], " ")
		if strings.HasPrefix(s, role+" ") && roleShape.MatchString(role) && personName(rest) && !strings.HasSuffix(role, ",") {
			return Segment{Role: role, RoleStart: off, Prep: "-", Names: []Name{newName(rest, off+len(role)+1)}}, true
		}
	}
	return Segment{}, false
}

// roleHead is the part of s where a prepRE match can follow a role that
// roleShape accepts: a role has at most three spaces, so the match starts at
// the fourth space at the latest and ends by the fifth. Long lines of prose
// need not be searched to their end.
func roleHead(s string) string {
	spaces := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			if spaces++; spaces == 5 {
				return s[:i+1]
			}
		}
	}
	return s
}

// prepRE is what may join a role to its names. Only "by" is right; the
// others are what machine translation and bad templates write.
var prepRE = lazy(` (by|of|from|via|through|with|for|per|to|on|at|in) `)

var nameSep = lazy(`\s*(?:,\s*and\b|,|\band\b|&)\s*`)

// parseNames reads "A, B and C in London, Agency": people's names, each
// optionally followed by where they reported from, and perhaps a trailing
// organisation or title after a comma.
func parseNames(s string, off int) ([]Name, bool) {
	trimmed := strings.TrimLeft(s, " ")
	off += len(s) - len(trimmed)
	s = strings.TrimRight(trimmed, " .")
	var names []Name
	start := 0
	seps := nameSep.FindAllStringIndex(s, -1)
	placed := false // the previous chunk ended with "in Place"
	for i := 0; i <= len(seps); i++ {
		end := len(s)
		if i < len(seps) {
			end = seps[i][0]
		}
		chunkStart := start
		chunk := s[start:end]
		afterComma := i > 0 && strings.Contains(s[seps[i-1][0]:seps[i-1][1]], ",")
		last := i == len(seps)
		if i < len(seps) {
			start = seps[i][1]
		}
		name := chunk
		hasPlace := false
		if j := strings.Index(chunk, " in "); j > 0 {
			name, hasPlace = chunk[:j], true
		}
		switch {
		case personName(name) || sloppyName(name):
			names = append(names, newName(name, off+chunkStart))
			placed = hasPlace
		case placed && capitalised(chunk):
			// "in Hong Kong and Beijing": a second place, not a person.
		case last && afterComma && len(names) > 0 && capitalised(chunk):
			// ", Reuters" or ", Staff Writer".
		default:
			return nil, false
		}
	}
	return names, len(names) > 0
}

func capitalised(s string) bool {
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !particles[w] {
			return false
		}
	}
	return s != ""
}

// sloppyName accepts a credited name whose later parts lost their capital
// ("Samuel nakamura"): it is still a name, and a misspelt one the name
// rules should see. Only two or three words, the first capitalised, none a
// function word.
func sloppyName(s string) bool {
	toks := strings.Fields(s)
	if len(toks) < 2 || len(toks) > 3 || !nameToken(toks[0]) || notName[fold(toks[0])] {
		return false
	}
	for _, t := range toks[1:] {
		f := fold(t)
		if notName[f] || particles[f] || functionWords[f] || len(f) < 3 {
			return false
		}
		for _, r := range t {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' {
				return false
			}
		}
	}
	return true
}
