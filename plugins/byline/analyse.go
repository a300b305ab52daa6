package byline

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
)

// StaffMember is one entry of the house roster, [[byline.staff]] in
// rules.toml.
type StaffMember struct {
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases"`
	Pronouns string   `json:"pronouns"` // "she/her", "he/him", "they/them"
	Desk     string   `json:"desk"`
}

// config is the plugin's state: the house roles and the roster.
type config struct {
	roles roleSet
	staff []staffEntry
}

type staffEntry struct {
	StaffMember
	names []Name // the name and its aliases
}

func configure(opts sdk.Options) (any, error) {
	c := &config{roles: roleSet{}}
	roles := opts.Strings("roles")
	if len(roles) == 0 {
		roles = defaultRoles
	}
	for _, r := range roles {
		c.roles[strings.ToLower(strings.TrimSpace(r))] = true
	}
	var staff []StaffMember
	if err := opts.Decode("staff", &staff); err != nil {
		return nil, err
	}
	for i, s := range staff {
		if strings.TrimSpace(s.Name) == "" {
			return nil, fmt.Errorf("byline.staff entry %d has no name: give each [[byline.staff]] a name = \"...\"", i+1)
		}
		if wrongPronouns(s.Pronouns) == nil && s.Pronouns != "" {
			return nil, fmt.Errorf("byline.staff entry %q: pronouns %q not understood: write \"she/her\", \"he/him\" or \"they/them\"", s.Name, s.Pronouns)
		}
		e := staffEntry{StaffMember: s}
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			if nm := newName(n, -1); len(nm.Key) > 0 {
				e.names = append(e.names, nm)
			}
		}
		c.staff = append(c.staff, e)
	}
	return c, nil
}

func configFrom(state any) *config {
	if c, ok := state.(*config); ok {
		return c
	}
	defaultOnce.Do(func() {
		c, _ := configure(sdk.WithDefaults(options, nil))
		defaultCfg = c.(*config)
	})
	return defaultCfg
}

// defaultCfg serves passes made without Configure (test helpers), built once.
var (
	defaultOnce sync.Once
	defaultCfg  *config
)

// Bio is an author bio: a block in the article's tail that opens with a
// person's name and says what they cover ("Jane Doe is a correspondent...").
type Bio struct {
	Name  Name
	Block int
}

// line is one line of a block.
type line struct {
	text       string
	start      int
	block      int
	standalone bool // the block has this one line
}

// analysis is what every byline rule needs to know about an article.
type analysis struct {
	a       *sdk.Article
	cfg     *config
	credits []CreditLine
	bios    []Bio
	body    []bool // per block: a paragraph of body copy
	tail    int    // index of the first block after the last body paragraph
	stray   []line // short standalone lines in the tail
	// bodyLines are the offsets of the lines of copy that read as body
	// paragraphs; plain-text wire copy may hold a whole story in one block,
	// a paragraph a line.
	bodyLines []int
}

// sectionCredit reports whether credit line c heads a section of a piece
// by several hands: the piece has two or more credit lines with body copy
// both before and after them (excerpts of several court opinions, "By
// Justice Stevens" ... "By Justice Breyer"), and c is one of them. One
// credit alone in the middle of the body is a paste error, not a section.
func (an *analysis) sectionCredit(c CreditLine) bool {
	mid := func(c CreditLine) bool {
		return !c.CMS && c.Start >= 0 && len(an.bodyLines) > 0 &&
			an.bodyLines[0] < c.Start && an.bodyLines[len(an.bodyLines)-1] > c.End
	}
	if !mid(c) {
		return false
	}
	n := 0
	for _, o := range an.credits {
		if mid(o) {
			n++
		}
	}
	return n >= 2
}

func (an *analysis) bodyBefore(block int) (n int) {
	for i := 0; i < block && i < len(an.body); i++ {
		if an.body[i] {
			n++
		}
	}
	return n
}

func (an *analysis) bodyAfter(block int) (n int) {
	for i := block + 1; i < len(an.body); i++ {
		if an.body[i] {
			n++
		}
	}
	return n
}

// creditedNames is every name credited in the text or in the CMS byline.
func (an *analysis) creditedNames() []Name {
	var out []Name
	for _, c := range an.credits {
		out = append(out, c.Names()...)
	}
	return out
}

// analysed is what every byline rule needs to know about an article,
// worked out once per article and shared by the rules.
var analysed = &sdk.Analysis[*analysis]{
	Name: "byline analysis",
	Run:  func(a *sdk.Article, state any) *analysis { return analyseArticle(a, configFrom(state)) },
}

// analyse returns the analysis of p's article. Rules only read it.
func analyse(p *sdk.Pass) *analysis { return analysed.Of(p) }

func analyseArticle(a *sdk.Article, cfg *config) *analysis {
	an := &analysis{a: a, cfg: cfg, body: make([]bool, len(a.Blocks))}
	for i, b := range a.Blocks {
		if !copyBlock(b.Kind) {
			continue
		}
		text := a.BlockText(b)
		if bio, ok := parseBio(text, b.Span.Start); ok {
			an.bios = append(an.bios, Bio{Name: bio, Block: i})
			continue
		}
		an.body[i] = bodyParagraph(text)
	}
	an.tail = 0
	for i := range an.body {
		if an.body[i] {
			an.tail = i + 1
		}
	}

	var lines []line
	cmsBlock := false
	for i, b := range a.Blocks {
		text := a.BlockText(b)
		if b.Kind == article.Byline {
			cmsBlock = true
			if c, ok := parseCredit(strings.TrimSpace(text), b.Span.Start+len(text)-len(strings.TrimLeft(text, " \t\n")), true); ok {
				c.Block, c.CMS = i, true
				an.credits = append(an.credits, c)
			}
			continue
		}
		if !copyBlock(b.Kind) {
			continue
		}
		parts := strings.Split(text, "\n")
		off := b.Span.Start
		for _, l := range parts {
			lines = append(lines, line{text: l, start: off, block: i, standalone: len(parts) == 1})
			off += len(l) + 1
		}
	}
	if meta := metaByline(a); meta != "" && !cmsBlock {
		// The field is not part of the text: its names serve as the
		// reference spelling but cannot carry a finding themselves.
		if c, ok := parseCredit(meta, 0, true); ok {
			c.Start, c.End, c.Block, c.CMS = -1, -1, -1, true
			for si := range c.Segments {
				for ni := range c.Segments[si].Names {
					c.Segments[si].Names[ni].Start = -1
				}
			}
			an.credits = append(an.credits, c)
		}
	}

	for _, l := range lines {
		if bodyParagraph(l.text) && !an.isBio(l.block) {
			an.bodyLines = append(an.bodyLines, l.start)
		}
	}
	for _, l := range lines {
		if an.isBio(l.block) {
			continue
		}
		c, ok := parseCredit(l.text, l.start, false)
		if ok && an.acceptCredit(c, l) {
			c.Block = l.block
			an.credits = append(an.credits, c)
			continue
		}
		if l.standalone && l.block >= an.tail && nameLine.MatchString(l.text) {
			an.stray = append(an.stray, l)
		}
	}
	// An author bio follows the credit it belongs to with no body copy in
	// between (or, with only a CMS byline, closes the article); otherwise
	// a bio-shaped paragraph is the story's own paragraph about someone.
	// (Page chrome after the bio may read as body copy: "Save my name,
	// email, and website in this browser for the next time I comment.")
	bios := an.bios[:0]
	for _, b := range an.bios {
		for _, c := range an.credits {
			if c.CMS && b.Block == len(a.Blocks)-1 || !c.CMS && c.Block < b.Block && an.bodyAfter(c.Block) == an.bodyAfter(b.Block) {
				bios = append(bios, b)
				break
			}
		}
	}
	an.bios = bios
	return an
}

func (an *analysis) isBio(block int) bool {
	for _, b := range an.bios {
		if b.Block == block {
			return true
		}
	}
	return false
}

// acceptCredit decides whether a line shaped like a credit is one. A line
// with a house role ("Editing by") is. A line whose every role is unknown
// ("Statement by Jane Doe") could be a subhead ("Death of John Lennon"), so
// it counts only when it is a single "X by NAME", stands alone after the
// body, and a bio or the roster knows the person it names.
func (an *analysis) acceptCredit(c CreditLine, l line) bool {
	for _, s := range c.Segments {
		if s.Prep == ":" && !an.cfg.roles.known(s.Role, s.Prep) {
			return false // "Our Standards: ..." is page furniture
		}
	}
	for _, s := range c.Segments {
		if an.cfg.roles.known(s.Role, s.Prep) {
			return true
		}
	}
	// Only "by": "Interview with Lena Fischer" or "Death of Marcus Bell"
	// over a paragraph about that person is a subhead, not a credit.
	if !l.standalone || l.block < an.tail || len(c.Segments) != 1 || c.Segments[0].Prep != "by" {
		return false
	}
	for _, n := range c.Names() {
		for _, b := range an.bios {
			if sameName(n, b.Name) || variantOf(n, b.Name) {
				return true
			}
		}
		for _, s := range an.cfg.staff {
			for _, sn := range s.names {
				if sameName(n, sn) || variantOf(n, sn) {
					return true
				}
			}
		}
	}
	return false
}

// nameLine is a stray line that could be a name: one to four words of
// letters, no sentence punctuation.
var nameLine = lazy(`^\pL[\pL\pM'’.-]*(?: \pL[\pL\pM'’.-]*){0,3}$`)

func copyBlock(k article.BlockKind) bool {
	switch k {
	case article.Paragraph, article.Line, article.Aside, article.Caption:
		return true
	}
	return false
}

// bodyParagraph reports whether a block reads as body copy: a dozen words
// or more ending like a sentence.
func bodyParagraph(text string) bool {
	t := strings.TrimSpace(text)
	if len(strings.Fields(t)) < 12 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(`.!?"”’')`, r)
}

// parseBio recognises an author bio: the block opens with a person's name
// and a verb such as "is" or "covers", and mentions the trade.
func parseBio(text string, off int) (Name, bool) {
	// A bio's verb is one of its first six words: test that before
	// splitting the whole block, which most blocks fail.
	head := firstFields(text, 6)
	if len(head) < 4 {
		return Name{}, false
	}
	verb := false
	for n := 2; n <= 5 && n < len(head); n++ {
		verb = verb || bioVerbs[head[n]]
	}
	if !verb {
		return Name{}, false
	}
	words := strings.Fields(text)
	trade := false
	for _, w := range words {
		if bioWords[fold(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))] {
			trade = true
			break
		}
	}
	if !trade {
		return Name{}, false
	}
	for n := 2; n <= 5 && n < len(words); n++ {
		cand := strings.Join(words[:n], " ")
		if !bioVerbs[words[n]] {
			continue
		}
		if personName(cand) && strings.HasPrefix(text, cand) {
			return newName(cand, off), true
		}
	}
	return Name{}, false
}

// firstFields is strings.Fields(s) cut to its first n words.
func firstFields(s string, n int) []string {
	var out []string
	for len(out) < n {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		end := strings.IndexFunc(s, unicode.IsSpace)
		if end < 0 {
			end = len(s)
		}
		out = append(out, s[:end])
		s = s[end:]
	}
	return out
}

// metaByline is the CMS byline field when it was not a plain string (the
// reader keeps those in Meta as JSON): a list of names or of objects with
// a name, joined into one credit.
func metaByline(a *sdk.Article) string {
	raw := strings.TrimSpace(a.Meta["byline"])
	if raw == "" || raw == "null" {
		return ""
	}
	var list []any
	if json.Unmarshal([]byte(raw), &list) != nil {
		var one any
		if json.Unmarshal([]byte(raw), &one) == nil {
			list = []any{one}
		} else {
			return raw
		}
	}
	var names []string
	for _, e := range list {
		switch v := e.(type) {
		case string:
			names = append(names, strings.TrimSpace(v))
		case map[string]any:
			if n, ok := v["name"].(string); ok {
				names = append(names, strings.TrimSpace(n))
			}
		}
	}
	return strings.Trim(strings.Join(names, ", "), ", ")
}
