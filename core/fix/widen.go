package fix

import (
	"bytes"
	"strings"

	"github.com/copydesk/copydesk/core/article"
)

// widen grows a deletion so that deleting whole lines leaves no empty line.
// It returns the deletion grown to whole lines (lines) and, further, to a
// neighbouring blank line (full); both are e itself when e is not a
// whole-line deletion.
//
//   - HTML: while the deletion is exactly the text of an element
//     (<p>text</p>, <li><a href=..>text</a></li>), the element's tags go too
//     (never html, head or body, nor a table cell: td, th).
//   - When only spaces and tabs lie between the start of its line and the
//     deletion, and between the deletion and the end of its last line (or
//     the deletion itself ends with a line break), the deletion covers whole
//     lines: it is widened to the start of the first line and past the line
//     break (LF, CRLF or CR) that ends the last.
//   - If the deleted lines then sit between two blank lines (a line of only
//     spaces and tabs, or the start of the file before them), the blank line
//     after them goes too; if they ran to the end of the file after a blank
//     line, that blank line goes. A paragraph deleted from between two others
//     thus leaves exactly one blank line where there were two.
//
// A deletion inside a line (a repeated word) is left as it is.
func widen(src []byte, e Edit, format article.Format) (lines, full Edit) {
	s, end := e.Start, e.End
	if s == end {
		return e, e
	}
	if format == article.FormatHTML {
		for {
			ns, ne, ok := enclosingElement(src, s, end)
			if !ok {
				break
			}
			s, end = ns, ne
		}
	}
	ls := lineStart(src, s)
	if !blank(src[ls:s]) {
		return Edit{Start: s, End: end}, Edit{Start: s, End: end}
	}
	if src[end-1] == '\r' && end < len(src) && src[end] == '\n' {
		end++ // never leave half a CRLF
	}
	if c := src[end-1]; c != '\n' && c != '\r' {
		le := lineEnd(src, end)
		if !blank(src[end:le]) {
			return Edit{Start: s, End: end}, Edit{Start: s, End: end}
		}
		end = le + breakLen(src, le)
	}
	s = ls
	lines = Edit{Start: s, End: end}
	prev := s // the end of the previous line's text
	if prev > fileStart(src) {
		prev--
		if src[prev] == '\n' && prev > 0 && src[prev-1] == '\r' {
			prev--
		}
	}
	blankBefore := s == fileStart(src) || blank(src[lineStart(src, prev):prev])
	switch {
	case blankBefore && end < len(src) && blank(src[end:lineEnd(src, end)]):
		nl := lineEnd(src, end)
		end = nl + breakLen(src, nl)
	case blankBefore && end == len(src) && s > fileStart(src):
		s = lineStart(src, prev)
	}
	return lines, Edit{Start: s, End: end}
}

// fileStart is 0, or 3 after a UTF-8 byte-order mark, which belongs to no
// line.
func fileStart(src []byte) int {
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		return 3
	}
	return 0
}

// lineStart is the offset where the line holding offset i starts. The
// line break before a line belongs to the line before it.
func lineStart(src []byte, i int) int {
	for i > fileStart(src) && src[i-1] != '\n' && src[i-1] != '\r' {
		i--
	}
	return max(i, fileStart(src))
}

// lineEnd is the offset of the line break (or end of file) ending the line
// holding offset i.
func lineEnd(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' && src[i] != '\r' {
		i++
	}
	return i
}

func breakLen(src []byte, i int) int {
	switch {
	case i >= len(src):
		return 0
	case src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n':
		return 2
	}
	return 1
}

func blank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// enclosingElement reports whether src[s:e] is exactly the content of an
// element, <name ...>content</name>, and returns the element's range.
func enclosingElement(src []byte, s, e int) (int, int, bool) {
	if s == 0 || src[s-1] != '>' {
		return 0, 0, false
	}
	open := bytes.LastIndexByte(src[:s-1], '<')
	if open < 0 || bytes.ContainsAny(src[open+1:s-1], "<>") {
		return 0, 0, false
	}
	tag := string(src[open+1 : s-1])
	if tag == "" || strings.HasPrefix(tag, "/") || strings.HasPrefix(tag, "!") || strings.HasSuffix(tag, "/") {
		return 0, 0, false
	}
	fields := strings.Fields(tag)
	if len(fields) == 0 {
		return 0, 0, false
	}
	name := strings.ToLower(fields[0])
	switch name {
	case "html", "head", "body", "td", "th": // a table cell taken out would shift its row
		return 0, 0, false
	}
	rest := src[e:]
	if len(rest) < len(name)+3 || rest[0] != '<' || rest[1] != '/' || !strings.EqualFold(string(rest[2:2+len(name)]), name) {
		return 0, 0, false
	}
	i := 2 + len(name)
	for i < len(rest) && (rest[i] == ' ' || rest[i] == '\t') {
		i++
	}
	if i >= len(rest) || rest[i] != '>' {
		return 0, 0, false
	}
	return open, e + i + 1, true
}
