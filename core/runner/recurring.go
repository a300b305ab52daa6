package runner

import (
	"hash/maphash"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/copydesk/copydesk/core/article"
)

// The cross-file pre-pass. When one run checks many articles, a line that
// recurs verbatim in many articles of the same source is page furniture
// whatever its words (a newsletter box, a site's tag line, a widget label):
// the signal boilerplate-removal tools rely on. No single article shows it,
// so the host computes it once over the run and hands each article only
// what concerns its own lines (article.Recurrence), over the protocol, so
// that every plugin, third-party ones included, can read it.
//
//   - A line is a line of a block's text (every block but code), trimmed.
//     It is compared after normalisation (article.NormaliseLine): spaces
//     of any kind collapsed to one, letters case-folded, and in short lines
//     every run of digits counted as one digit, because widgets and footers
//     carry counts and years that change from page to page ("Comments
//     (12)", "© 2025") while staying the same furniture; a longer line that
//     differs only in its numbers is a templated story sentence. A line
//     with no letter ("___", "* * *", "12") is not compared: it says
//     nothing about its source.
//   - Articles are compared within their source (recurrenceSource): the
//     "source" or "site" metadata field when the article has one (CMS JSON,
//     Markdown front matter), else the directory of its file.
//   - A line counts once per article however often it occurs in it.
//
// Single-article runs (one file, standard input, the language server, a
// hook request or --ndjson line of one article) have no cross-file signal:
// their articles keep a nil Recurrence. A batch ({"articles": [...]}, in a
// file, a hook request or an --ndjson line) is compared within itself. A
// --shard or --changed-since run compares only the articles it checks.
//
// The cost is one pass over the text and one hash per line.

// MarkRecurring sets Recurrence on every article of a run of two or more.
// Callers that check a run in batches (the progress bar) call it once over
// the whole run first; Engine.Check then leaves the marks alone.
func MarkRecurring(articles []*article.Article) {
	if len(articles) < 2 {
		return
	}
	groups := map[string][]*article.Article{}
	var order []string
	for _, a := range articles {
		src := recurrenceSource(a)
		if _, ok := groups[src]; !ok {
			order = append(order, src)
		}
		groups[src] = append(groups[src], a)
	}
	seed := maphash.MakeSeed()
	for _, src := range order {
		markGroup(src, groups[src], seed)
	}
}

// recurrenceMarked reports whether a caller already marked the run.
func recurrenceMarked(articles []*article.Article) bool {
	for _, a := range articles {
		if a.Recurrence != nil {
			return true
		}
	}
	return false
}

// maxOthers is how many other articles a RecurringLine names.
const maxOthers = 3

// lineCount is what the pre-pass knows of one normalised line in a group.
type lineCount struct {
	files int
	last  int      // index of the last article counted, so each counts once
	paths []string // the first maxOthers+1 articles that contain it
}

// groupLine is one line of one article with its hash.
type groupLine struct {
	span article.Span
	hash uint64
}

func markGroup(src string, group []*article.Article, seed maphash.Seed) {
	counts := map[uint64]*lineCount{}
	lines := make([][]groupLine, len(group))
	var buf []byte
	for i, a := range group {
		forEachLine(a, func(span article.Span, line string) {
			buf = article.NormaliseLine(buf[:0], line)
			if buf == nil {
				return
			}
			h := maphash.Bytes(seed, buf)
			lines[i] = append(lines[i], groupLine{span: span, hash: h})
			c := counts[h]
			if c == nil {
				c = &lineCount{last: -1}
				counts[h] = c
			}
			if c.last != i {
				c.last = i
				c.files++
				if len(c.paths) <= maxOthers {
					c.paths = append(c.paths, a.Path)
				}
			}
		})
	}
	for i, a := range group {
		rec := &article.Recurrence{Source: src, GroupFiles: len(group)}
		for _, l := range lines[i] {
			c := counts[l.hash]
			if c.files < 2 {
				continue
			}
			var others []string
			for _, p := range c.paths {
				if p != a.Path && len(others) < maxOthers {
					others = append(others, p)
				}
			}
			rec.Lines = append(rec.Lines, article.RecurringLine{Span: l.span, Files: c.files, Others: others})
		}
		a.Recurrence = rec
	}
}

// forEachLine calls fn with every trimmed, non-empty line of the article's
// blocks, code blocks left out.
func forEachLine(a *article.Article, fn func(article.Span, string)) {
	for _, b := range a.Blocks {
		if b.Kind == article.Code {
			continue
		}
		start := b.Span.Start
		text := a.Slice(b.Span)
		for len(text) > 0 {
			line := text
			next := len(text)
			if i := strings.IndexByte(text, '\n'); i >= 0 {
				line, next = text[:i], i+1
			}
			lead := len(line) - len(strings.TrimLeftFunc(line, unicode.IsSpace))
			trimmed := strings.TrimSpace(line)
			if trimmed != "" {
				s := start + lead
				fn(article.Span{Start: s, End: s + len(trimmed)}, trimmed)
			}
			start += next
			text = text[next:]
		}
	}
}

// recurrenceSource names the group an article is compared within: its
// "source" or "site" metadata field, else its file's directory (a batch
// file's articles, "desk/batch.json#7", share the batch file's directory).
func recurrenceSource(a *article.Article) string {
	for _, key := range []string{"source", "site"} {
		if v := strings.TrimSpace(a.Meta[key]); v != "" {
			return key + ": " + strings.ToLower(v)
		}
	}
	path := a.Path
	if i := strings.LastIndex(path, ".json#"); i >= 0 {
		path = path[:i+len(".json")]
	}
	return filepath.Dir(path)
}
