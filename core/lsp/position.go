package lsp

import (
	"sort"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// lines indexes a document's text for the conversions LSP needs: a byte
// offset (copydesk's unit) to a line and a column in UTF-16 code units (the
// protocol's unit), and back. „ and curly quotes are one UTF-16 unit but
// three UTF-8 bytes; an emoji is two units and four bytes.
type lines struct {
	text  string
	start []int // byte offset of each line's first byte
}

func newLines(text string) *lines {
	l := &lines{text: text, start: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			l.start = append(l.start, i+1)
		}
	}
	return l
}

// position turns a byte offset into an LSP position. Offsets past the end
// land on the end; an offset inside a UTF-8 sequence counts from the
// character's start.
func (l *lines) position(off int) protocol.Position {
	off = max(0, min(off, len(l.text)))
	line := sort.Search(len(l.start), func(i int) bool { return l.start[i] > off }) - 1
	col := 0
	for i := l.start[line]; i < off; {
		r, n := utf8.DecodeRuneInString(l.text[i:])
		if i+n > off {
			break
		}
		col += utf16Len(r)
		i += n
	}
	return protocol.Position{Line: uint32(line), Character: uint32(col)}
}

// rangeOf is the LSP range of the bytes [start, end).
func (l *lines) rangeOf(start, end int) protocol.Range {
	if end < start {
		end = start
	}
	return protocol.Range{Start: l.position(start), End: l.position(end)}
}

// offset turns an LSP position into a byte offset. A line past the end is
// the end of the text; a column past the end of its line is the line's end
// (before its line break), as the protocol asks.
func (l *lines) offset(p protocol.Position) int {
	if int(p.Line) >= len(l.start) {
		return len(l.text)
	}
	i := l.start[p.Line]
	end := l.lineEnd(int(p.Line))
	for col := 0; i < end; {
		r, n := utf8.DecodeRuneInString(l.text[i:])
		if col+utf16Len(r) > int(p.Character) {
			break
		}
		col += utf16Len(r)
		i += n
	}
	return i
}

// lineEnd is the byte offset of the end of a line's text, before "\n" or
// "\r\n".
func (l *lines) lineEnd(line int) int {
	end := len(l.text)
	if line+1 < len(l.start) {
		end = l.start[line+1] - 1
		if end > l.start[line] && l.text[end-1] == '\r' {
			end--
		}
	}
	return end
}

// lineColumn turns copydesk's 1-based line and column (counted in
// characters) into a byte offset.
func (l *lines) lineColumn(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(l.start) {
		return len(l.text)
	}
	i := l.start[line-1]
	end := l.lineEnd(line - 1)
	for c := 1; c < col && i < end; c++ {
		_, n := utf8.DecodeRuneInString(l.text[i:])
		i += n
	}
	return i
}

func utf16Len(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}
