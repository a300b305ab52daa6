package article

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// InputError is a problem with an input file: it names the file, the line
// when there is one, and what to do about it.
type InputError struct {
	Path string
	Line int // 0 when the problem is the whole file
	Msg  string
	Hint string // what the user can do next
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString(" (")
		b.WriteString(e.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// FormatFromPath picks the input format from a file name's extension. The
// second result is false for extensions copydesk does not read.
func FormatFromPath(path string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return FormatText, true
	case ".md", ".markdown":
		return FormatMarkdown, true
	case ".html", ".htm":
		return FormatHTML, true
	case ".json":
		return FormatJSON, true
	}
	return "", false
}

// ParseFormat turns a --stdin-format value into a Format.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "txt", "text":
		return FormatText, nil
	case "md", "markdown":
		return FormatMarkdown, nil
	case "html", "htm":
		return FormatHTML, nil
	case "json", "cms":
		return FormatJSON, nil
	}
	return "", fmt.Errorf("unknown format %q: use txt, md, html or json", s)
}

// Parse checks that data is text copydesk can read and parses it in the given
// format. Every reader keeps the visible text only, records where each piece
// of it came from (so Position lands on the exact source line and column,
// escapes and entities included), and separates blocks with blank lines:
//
//   - txt: blank-line separated blocks; a first one-line block is the
//     headline. A line break inside a block ends a sentence unless the text
//     is hard-wrapped prose.
//   - md (goldmark, CommonMark): headings, paragraphs, list items, block
//     quotes and code blocks; the first heading before any other text, or a
//     front matter title, is the headline. Inline markup is dropped, raw HTML
//     and comments skipped; a soft line break is "\n" but does not end a
//     sentence.
//   - html (x/net/html tokenizer): p, h1-h6, li, blockquote, figcaption and
//     caption, aside/nav/footer/header/form (Aside, Element naming the tag),
//     pre/code, and Line for text outside any of them; scripts, styles,
//     hidden elements and the like are skipped. White space collapses as a
//     browser shows it; <br> is "\n". The first <h1>, or the <title> when
//     there is no <h1>, is the headline. Nesting is bounded, not recursive.
//   - json: see ParseCMS.
func Parse(path string, format Format, data []byte) (*Article, error) {
	if err := checkText(path, data); err != nil {
		return nil, err
	}
	switch format {
	case FormatText:
		return parseText(path, data), nil
	case FormatMarkdown:
		return parseMarkdown(path, data)
	case FormatHTML:
		return parseHTML(path, data)
	case FormatJSON:
		return parseJSON(path, data)
	}
	return nil, &InputError{Path: path, Msg: fmt.Sprintf("unknown input format %q", format), Hint: "use txt, md, html or json"}
}

// checkText refuses input that is not UTF-8 text, naming the first bad line.
func checkText(path string, data []byte) error {
	body := bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if len(bytes.TrimSpace(body)) == 0 {
		return &InputError{Path: path, Msg: "file is empty", Hint: "nothing to check; remove it from the list or add the copy"}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return &InputError{Path: path, Line: 1 + bytes.Count(data[:i], []byte("\n")), Msg: "file contains a NUL byte: it looks binary, not text", Hint: "check the file is the article's text, saved as UTF-8"}
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return &InputError{Path: path, Line: 1 + bytes.Count(data[:off], []byte("\n")), Msg: fmt.Sprintf("invalid UTF-8 at byte %d", off), Hint: "re-save the file as UTF-8 (e.g. iconv -f windows-1252 -t utf-8)"}
	}
	return nil
}

// newlineSplit calls fn for each line of src (without its line ending) with
// the line's byte offset. "\r\n", "\n" and a lone "\r" all end a line.
func newlineSplit(src []byte, fn func(line []byte, offset int)) {
	start := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			fn(src[start:i], start)
			start = i + 1
		case '\r':
			fn(src[start:i], start)
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(src) {
		fn(src[start:], start)
	}
}
