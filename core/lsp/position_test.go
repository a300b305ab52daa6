package lsp

import (
	"strings"
	"testing"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

func TestPositions(t *testing.T) {
	// „ and ” are 3 bytes and 1 UTF-16 unit; 🙂 is 4 bytes and 2 units.
	text := "„Wir“, sagte er.\r\nHe said 🙂 “the the”.\nlast"
	l := newLines(text)
	for _, c := range []struct {
		at   string // the text at the offset
		line uint32
		col  uint32
	}{
		{"„Wir", 0, 0},
		{"Wir", 0, 1},
		{", sagte", 0, 5},
		{"\r\n", 0, 16},
		{"He said", 1, 0},
		{"🙂", 1, 8},
		{" “the", 1, 10},
		{"the the", 1, 12},
		{"last", 2, 0},
	} {
		off := strings.Index(text, c.at)
		p := l.position(off)
		if p != (protocol.Position{Line: c.line, Character: c.col}) {
			t.Errorf("%q at byte %d: %v, want %d:%d", c.at, off, p, c.line, c.col)
		}
		if back := l.offset(p); back != off {
			t.Errorf("%q: offset(%v) = %d, want %d", c.at, p, back, off)
		}
	}
	// Past the end of a line is its end (before CRLF); past the last line is
	// the end of the text.
	if got := l.offset(protocol.Position{Line: 0, Character: 99}); got != strings.Index(text, "\r\n") {
		t.Errorf("past the end of line 0: %d", got)
	}
	if got := l.offset(protocol.Position{Line: 9, Character: 0}); got != len(text) {
		t.Errorf("past the last line: %d", got)
	}
	// copydesk's 1-based line and character column.
	if got := l.lineColumn(2, 12); got != strings.Index(text, "the the") {
		t.Errorf("lineColumn(2, 12) = %d", got)
	}
	if got := l.position(len(text) + 5); got != (protocol.Position{Line: 2, Character: 4}) {
		t.Errorf("past the end: %v", got)
	}
}

// FuzzPositions: an offset on a character boundary survives the round trip
// through an LSP position (except between CR and LF, which the protocol
// cannot address), and positions never go backwards.
func FuzzPositions(f *testing.F) {
	f.Add("„Wir“, sagte er.\r\nHe said 🙂 “the the”.\nlast", 5)
	f.Add("a\n\nb", 2)
	f.Add("\xff\xfe„x", 2)
	f.Fuzz(func(t *testing.T, text string, off int) {
		if off < 0 || off > len(text) {
			return
		}
		l := newLines(text)
		p := l.position(off)
		if int(p.Line) >= len(l.start) {
			t.Fatalf("line %d of %d", p.Line, len(l.start))
		}
		boundary := off == len(text) || utf8.RuneStart(text[off])
		betweenCRLF := off > 0 && off < len(text) && text[off-1] == '\r' && text[off] == '\n'
		if boundary && !betweenCRLF && utf8.ValidString(text) {
			if back := l.offset(p); back != off {
				t.Fatalf("offset %d -> %v -> %d", off, p, back)
			}
		}
		if off > 0 {
			q := l.position(off - 1)
			if q.Line > p.Line || q.Line == p.Line && q.Character > p.Character {
				t.Fatalf("position of %d (%v) after position of %d (%v)", off-1, q, off, p)
			}
		}
	})
}
