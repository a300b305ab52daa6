package strayui

import (
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
)

// RecurringLine reports lines that recur verbatim in many articles of the
// same source checked in one run: page furniture whatever its words. It
// reads the host's cross-file pre-pass (article.Recurrence) and says nothing
// in single-article runs, which have no such signal.
var RecurringLine = &sdk.Rule{
	Languages: anyLanguage,
	Name:      "recurring-line",
	Category:  sdk.CategoryStrayUI,
	Severity:  sdk.Warning,
	Summary:   "a line that recurs verbatim in many articles of the same source in one run: page furniture (needs a run of several files)",
	Doc:       recurringDoc,
	Example: sdk.Example{
		Before: "The port authority said dock workers would return on Wednesday after the unions accepted a two-year pay deal.\n\nGet the Harbour Briefing in your inbox every weekday morning",
		After:  "The port authority said dock workers would return on Wednesday after the unions accepted a two-year pay deal.",
	},
	Options: []sdk.Option{
		{Name: "recurring_min_files", Type: sdk.Int, Default: 3, Doc: "a line is furniture only when at least this many articles of its source contain it (2 or more)"},
		{Name: "recurring_share", Type: sdk.Float, Default: defaultRecurringShare, Doc: "... and at least this share of the source's articles in the run (0-1]"},
		{Name: "recurring_allow", Type: sdk.StringList, Doc: "lines the desk uses on purpose (a house tag line, a series note), compared as the pre-pass compares lines (case, spaces and numbers ignored); a trailing * matches any ending"},
	},
	Validate: func(o sdk.Options) error { _, _, _, err := recurringSettings(o); return err },
	Check:    checkRecurring,
}

// defaultRecurringShare: measured on ../shared. A page template's furniture
// is on most of a site's pages (of the furniture lines of the 16 sites with
// two pages in corpus/pages, 51% recur in the other page; widget labels
// 63%), while the most widespread recurring line of edited copy is on 1.5%
// of corpus/clean/en ("On the Net:", a wire section label) and nothing
// recurs in three files of corpus/clean/de. A quarter of the source's
// articles leaves room on both sides: a section widget on one page in four
// is still found, and a desk's own recurring line must be on a quarter of
// its files before the allow-list is needed.
const defaultRecurringShare = 0.25

const recurringDoc = `Reports a line that recurs verbatim in many articles of the same source
checked in one run: a newsletter box, a site's tag line, a widget label, a
"most read" heading. Whatever its words, a line a site stamps on every page is
page furniture, the signal boilerplate-removal tools rely on; it finds
furniture in any language and in no list.

The host compares the articles of one run before any rule runs (a hash per
line): lines are trimmed and compared with spaces collapsed, case folded and
every run of digits counted as one digit (widgets carry counts and years:
"Comments (12)", "© 2025"); lines without a letter ("___") are not compared.
Articles are grouped by source: the article's "source" or "site" metadata
field (CMS JSON, Markdown front matter), else the directory of its file. A
line is reported when at least recurring_min_files articles of its source
(default 3) and at least recurring_share of them (default 0.25) contain it.
Adjacent recurring lines are reported as one block.

It needs a run of several articles: one file, standard input, the language
server, a hook request or --ndjson line of one article give it nothing to
compare, and it stays silent (a batch, {"articles": [...]}, is compared
within itself). A --shard or --changed-since run compares only the files it
checks.

Versions or copies of one story checked together (drafts, updates,
syndicated copies, one story in several formats) share their story, not
furniture: in an article more than half of whose story paragraphs (lines of
10 words or more ending as a sentence ends) recur, recurring lines that end
as a sentence ends are not reported; its recurring labels and headlines
("Subscribe to the Morning Brief", "Most read") still are.

Lines a desk repeats on purpose stay silent: wire sign-offs and credit
lines ("The Associated Press contributed to this report.", "Reporting by
...; Editing by ...", "(dpa/AFP)", "ENDS", "On the Net:"), datelines, quotations, a label
with a colon that introduces the article's own line ("On the Net:" above its
links), lines of fewer than four letters, the headline, byline and markup
furniture (aside, nav, footer, captions), and copyright notices, which
site-footer reports. List any other line the desk uses on purpose (a house
tag line, a series note) in recurring_allow:

    [strayui.rules.recurring-line]
    recurring_allow = ["Sign up for the Morning Brief*", "This story is part of our Climate Desk series."]`

// recurCand is one recurring line of the article, as the heuristics see
// it.
type recurCand struct {
	text string
	// next is the article's next line, and nextRecurs whether it recurs
	// too (over the thresholds).
	next       string
	nextRecurs bool
}

// Heuristics of recurring-line, each with an example on either side
// (recurringline_test.go runs them).
var (
	hCreditLine = &sdk.Heuristic[*recurCand]{
		Name: "credit-line", Effect: sdk.Suppresses,
		Doc:      "wire sign-offs, credit lines, end marks and the wire's \"On the Net:\" label recur on purpose: the desk writes them",
		Positive: "The Associated Press contributed to this report.",
		Negative: "Get the Harbour Briefing in your inbox every weekday morning",
		Test:     func(c *recurCand) bool { return creditOrSignOff.MatchString(c.text) || agencyChain.MatchString(c.text) },
	}
	hDateline = &sdk.Heuristic[*recurCand]{
		Name: "dateline", Effect: sdk.Suppresses,
		Doc:      "a dateline on a line of its own (a place in capitals, an agency, a dash) opens the story",
		Positive: "WELLINGTON, New Zealand (AP) —",
		Negative: "MOST READ",
		Test:     func(c *recurCand) bool { return datelineLine.MatchString(c.text) },
	}
	hQuotation = &sdk.Heuristic[*recurCand]{
		Name: "quotation", Effect: sdk.Suppresses,
		Doc:      "a quotation recurs when a series quotes the same words: it is story, not furniture",
		Positive: "“We will not leave the harbour,” the union said.",
		Negative: "Read our harbour coverage",
		Test:     func(c *recurCand) bool { return startsWithQuote(c.text) },
	}
	hIntroducesOwn = &sdk.Heuristic[*recurCand]{
		Name: "introduces-own-line", Effect: sdk.Suppresses,
		Doc:      "a label ending in a colon above a line of the article's own (one that does not recur) is a subhead of the story's material",
		Positive: "On the Net:\nhttps://example.org/harbour-report",
		Negative: "Share this:",
		Test: func(c *recurCand) bool {
			return strings.HasSuffix(strings.TrimSpace(c.text), ":") && c.next != "" && !c.nextRecurs
		},
	}
	hTooShort = &sdk.Heuristic[*recurCand]{
		Name: "too-short", Effect: sdk.Suppresses,
		Doc:      "a line of fewer than four letters (\"nn\", \"AP\", a list marker) says too little to call it furniture",
		Positive: "nn",
		Negative: "Advertisement",
		Test:     func(c *recurCand) bool { return letterCount(c.text) < 4 },
	}
	hCopyright = &sdk.Heuristic[*recurCand]{
		Name: "copyright-notice", Effect: sdk.Suppresses,
		Doc:      "a copyright notice is site-footer's to report (anywhere, once); a publisher's own tag line is silenced there",
		Positive: "© 2026 Harbour Gazette. All rights reserved.",
		Negative: "Harbour Gazette: news for the coast since 1901",
		Test: func(c *recurCand) bool {
			// The layout's copyright line (© or "all rights reserved" in
			// its twenty languages, any length here), or a plain
			// "Copyright ..." / "(c) 2026" notice.
			return strings.ContainsRune(c.text, '©') || rightsReserved.MatchString(c.text) || copyrightWord.MatchString(c.text)
		},
	}
	recurringHeuristics = []*sdk.Heuristic[*recurCand]{hCreditLine, hDateline, hQuotation, hIntroducesOwn, hTooShort, hCopyright}

	// hVersions looks at the whole article: its examples are "N of M",
	// N of its M story paragraphs recurring.
	hVersions = &sdk.Heuristic[*recurStory]{
		Name: "versions-of-one-story", Effect: sdk.Suppresses,
		Doc:      "when more than half of the article's story paragraphs (lines of 10 words or more ending as a sentence ends) recur, the run holds versions or copies of one story (drafts, updates, syndicated copies, one story in several formats): its recurring sentences are the story and are not reported (recurring labels and headlines still are)",
		Positive: "7 of 9",
		Negative: "1 of 9",
		Test:     func(s *recurStory) bool { return s.prose > 0 && 2*s.recurring > s.prose },
	}
)

// recurStory counts an article's story paragraphs (isStoryParagraph) and
// how many of them recur over the thresholds.
type recurStory struct{ prose, recurring int }

// storyWords: a line of this many words that ends as a sentence ends is a
// story paragraph, for hVersions. Most furniture is shorter (labels) or
// does not end with a full stop (related headlines); a long blurb or a
// comment counts, so on a scraped page of a short story and long
// furniture the heuristic may fire: then only the blurbs go unreported.
const storyWords = 10

// isStoryParagraph reports whether a line reads as a story paragraph.
func isStoryParagraph(line string) bool {
	return len(strings.Fields(line)) >= storyWords && endsAsSentence(line)
}

// endsAsSentence reports whether a line ends as a sentence ends (a full
// stop, a question or exclamation mark, a colon or an ellipsis, before any
// closing quotes and brackets). Labels and headlines do not.
func endsAsSentence(line string) bool {
	line = strings.TrimRight(line, " \t\u00a0\"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?:…", r)
}

// RecurringHeuristics lists recurring-line's heuristics.
var RecurringHeuristics sdk.HeuristicSet

func init() {
	for _, h := range recurringHeuristics {
		RecurringHeuristics.Register(h.Info())
	}
	RecurringHeuristics.Register(hVersions.Info())
}

var (
	// creditOrSignOff: credit lines and sign-offs of the wires and desks,
	// in the languages the clean corpus holds, end marks, and the AP's
	// "On the Net:" section label (its links may have been cut, 14 files
	// of corpus/clean/en end with it). "By" must be
	// followed by a capital (a name), so "By continuing you agree..." is
	// not a credit (no (?i) around \p{Lu}: it would match any letter).
	creditOrSignOff = regexp.MustCompile(`(?i:contributed (?:to )?this (?:report|story|article))|^\(?\s*(?i:(?:additional |writing and )?(?:reporting|writing|editing|compiled|produced|edited|written|photos?) by)\b|(?i:;\s*editing by)\b|^[Bb][Yy]\s+\p{Lu}|^\(?(?i:mit material (?:von|der)|mitarbeit|mit agenturen)\b|^\(?(?i:ends?|ende|fin|fine|koniec|###|-30-|xxx)\)?\.?$|^(?i:on the (?:net|web)):?$`)
	// agencyChain: agency initials joined by slashes, as German and
	// French desks credit them: "(dpa/AFP)", "ans/dpa/rtr".
	agencyChain = regexp.MustCompile(`^\(?\s*\pL{1,6}(\s*/\s*\pL{1,6})+\s*\)?\.?$`)
	// datelineLine: a place in capitals, optionally a region and an
	// agency, ending in a dash.
	datelineLine = regexp.MustCompile(`^\p{Lu}[\p{Lu}\p{M} .'’-]+(,\s*[\pL .'’-]+)?\s*(\([\pL ]+\))?\s*[—–-]+\s*$`)
	// copyrightWord: a notice that copyrightLine (layout.go) leaves to
	// the desk, "Copyright 2026 ..." or "(c) 2026", still recurs on purpose.
	copyrightWord = regexp.MustCompile(`(?i)\(c\)\s*\d|\bcopyright\b`)
)

func startsWithQuote(s string) bool {
	for _, r := range s {
		return strings.ContainsRune("\"'“”„‘’‚«»‹›「『", r)
	}
	return false
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// recurringAllow is one recurring_allow entry, normalised.
type recurringAllow struct {
	text   string
	prefix bool
}

// normaliseRecurring compares lines as the host's pre-pass does
// (article.NormaliseLine).
func normaliseRecurring(s string) string {
	return string(article.NormaliseLine(nil, strings.TrimSpace(s)))
}

func allowed(list []recurringAllow, line string) bool {
	n := normaliseRecurring(line)
	for _, a := range list {
		if n == a.text || a.prefix && strings.HasPrefix(n, a.text) {
			return true
		}
	}
	return false
}

// recurringSettings reads and checks the rule's options.
func recurringSettings(o sdk.Options) (minFiles int, share float64, allow []recurringAllow, err error) {
	minFiles, share = o.Int("recurring_min_files"), o.Float("recurring_share")
	if minFiles < 2 {
		return 0, 0, nil, fmt.Errorf("recurring_min_files: %d is below 2; a line in one file does not recur (3 is the default)", minFiles)
	}
	if share <= 0 || share > 1 {
		return 0, 0, nil, fmt.Errorf("recurring_share: %v is outside (0, 1]; %v is the default", share, defaultRecurringShare)
	}
	for _, s := range o.Strings("recurring_allow") {
		a := recurringAllow{text: normaliseRecurring(s)}
		if strings.HasSuffix(a.text, "*") {
			a.text, a.prefix = strings.TrimSpace(strings.TrimSuffix(a.text, "*")), true
		}
		if a.text != "" {
			allow = append(allow, a)
		}
	}
	return minFiles, share, allow, nil
}

// recurringSkip reports whether a block's lines are left alone: the
// headline (the first block), CMS byline and dateline fields, markup
// furniture (aside, nav, footer, captions), which is not stray in the body,
// and code.
func recurringSkip(a *sdk.Article, bi int) bool {
	if bi == 0 {
		return true
	}
	switch a.Blocks[bi].Kind {
	case article.Headline, article.Byline, article.Dateline, article.Aside, article.Caption, article.Code:
		return true
	}
	return false
}

func checkRecurring(p *sdk.Pass) {
	a := p.Article
	rec := a.Recurrence
	if rec == nil || len(rec.Lines) == 0 {
		return // a single-article run, or nothing recurs
	}
	minFiles, share, allow, err := recurringSettings(p.Options)
	if err != nil {
		panic(err) // Validate refused these at start; a host that skips it gets a rule failure naming the option
	}
	need := max(minFiles, int(math.Ceil(share*float64(rec.GroupFiles)-1e-9)))
	over := map[int]bool{} // span starts of lines over the thresholds
	for _, l := range rec.Lines {
		if l.Files >= need {
			over[l.Span.Start] = true
		}
	}
	if len(over) == 0 {
		return
	}
	versions := hVersions.Fires(nil, storyOf(a, over), nil)
	// The reported lines, adjacent ones merged into one block.
	type block struct {
		first, last  article.RecurringLine
		n            int
		fewest, most int // files containing the block's lines
	}
	var blocks []block
	bi := 0
	for _, l := range rec.Lines {
		if !over[l.Span.Start] || l.Span.End > len(a.Text) || l.Span.Start < 0 {
			continue
		}
		for bi+1 < len(a.Blocks) && a.Blocks[bi].Span.End <= l.Span.Start {
			bi++
		}
		if bi < len(a.Blocks) && a.Blocks[bi].Span.Contains(l.Span) && (recurringSkip(a, bi) || a.Blocks[bi].Kind == article.BlockQuote) {
			continue
		}
		text := a.Slice(l.Span)
		next, nextStart := nextLine(a.Text, l.Span.End)
		c := &recurCand{text: text, next: next, nextRecurs: over[nextStart]}
		if suppressed(c) || allowed(allow, text) || versions && endsAsSentence(text) {
			continue
		}
		if n := len(blocks); n > 0 && strings.TrimSpace(a.Text[blocks[n-1].last.Span.End:l.Span.Start]) == "" {
			b := &blocks[n-1]
			b.last, b.n, b.fewest, b.most = l, b.n+1, min(b.fewest, l.Files), max(b.most, l.Files)
			continue
		}
		blocks = append(blocks, block{first: l, last: l, n: 1, fewest: l.Files, most: l.Files})
	}
	for _, b := range blocks {
		span := sdk.Span{Start: b.first.Span.Start, End: b.last.Span.End}
		what := fmt.Sprintf("line %s recurs", clip(a.Slice(b.first.Span)))
		if b.n > 1 {
			what = fmt.Sprintf("%d lines from %s to %s recur", b.n, clip(a.Slice(b.first.Span)), clip(a.Slice(b.last.Span)))
		}
		files := fmt.Sprint(b.fewest)
		if b.most > b.fewest {
			files = fmt.Sprintf("%d-%d", b.fewest, b.most)
		}
		p.Report(sdk.Diagnostic{
			Span: span,
			Message: fmt.Sprintf("%s verbatim in %s of the %d articles from %s%s: page furniture, delete it (or list it in recurring_allow if the desk uses it on purpose)",
				what, files, rec.GroupFiles, sourceName(rec.Source), alsoIn(a.Path, b.first.Others, b.first.Files-1)),
			Suggestions: []sdk.Suggestion{{Span: deletion(a.Text, span), Description: "delete the recurring furniture"}},
		})
	}
}

// storyOf counts the article's story paragraphs outside skipped blocks and
// those of them that recur over the thresholds (over: their starts).
func storyOf(a *sdk.Article, over map[int]bool) *recurStory {
	st := &recurStory{}
	for bi, b := range a.Blocks {
		if recurringSkip(a, bi) {
			continue
		}
		start := b.Span.Start
		for _, line := range strings.SplitAfter(a.BlockText(b), "\n") {
			trimmed := strings.TrimSpace(line)
			if isStoryParagraph(trimmed) {
				st.prose++
				lead := len(line) - len(strings.TrimLeftFunc(line, unicode.IsSpace))
				if over[start+lead] {
					st.recurring++
				}
			}
			start += len(line)
		}
	}
	return st
}

func suppressed(c *recurCand) bool {
	for _, h := range recurringHeuristics {
		if h.Fires(nil, c, nil) {
			return true
		}
	}
	return false
}

// nextLine returns the first non-blank line after offset end, and where it
// starts (-1: none).
func nextLine(text string, end int) (string, int) {
	i := end
	for i < len(text) && text[i] != '\n' {
		i++ // the rest of this line
	}
	for i < len(text) && (text[i] == '\n' || text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
		i++
	}
	if i >= len(text) {
		return "", -1
	}
	j := strings.IndexByte(text[i:], '\n')
	if j < 0 {
		j = len(text) - i
	}
	return strings.TrimSpace(text[i : i+j]), i
}

// sourceName shows a group's name in a message.
func sourceName(src string) string {
	if strings.HasPrefix(src, "source: ") || strings.HasPrefix(src, "site: ") {
		return strings.TrimPrefix(strings.TrimPrefix(src, "source: "), "site: ")
	}
	if src == "." {
		return "this directory"
	}
	return src + "/"
}

// alsoIn names up to three of the other articles with the line, by file
// name when they sit in the article's directory.
func alsoIn(own string, others []string, n int) string {
	if len(others) == 0 {
		return ""
	}
	names := make([]string, len(others))
	for i, o := range others {
		names[i] = o
		if filepath.Dir(o) == filepath.Dir(own) {
			names[i] = filepath.Base(o)
		}
	}
	s := " (also in " + strings.Join(names, ", ")
	if n > len(others) {
		s += fmt.Sprintf(" and %d more", n-len(others))
	}
	return s + ")"
}
