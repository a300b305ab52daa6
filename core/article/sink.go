package article

import (
	"sort"
	"strings"
)

// sink is where a reader writes text. Readers work on a byte slice (the
// file, or a string decoded from it, such as a CMS JSON body); the sink maps
// offsets in that slice back to the file, so every reader records exact
// source positions without knowing where its input came from.
type sink struct {
	b *Builder
	// m maps offsets of a decoded string to the file; nil when the reader
	// works on the file itself.
	m *pieceMap
	// base is added to offsets when m is nil (a byte-order mark stripped
	// before parsing).
	base int
}

func (s *sink) src(off int) int {
	if s.m != nil {
		return s.m.src(off)
	}
	return s.base + off
}

// copy appends text found verbatim at off, turning "\r\n" and lone "\r" into
// the "\n" Text promises.
func (s *sink) copy(text string, off int) {
	for text != "" {
		i := strings.IndexByte(text, '\r')
		if i < 0 {
			s.copyRaw(text, off)
			return
		}
		s.copyRaw(text[:i], off)
		s.insert("\n", off+i)
		n := i + 1
		if n < len(text) && text[n] == '\n' {
			n++
		}
		text, off = text[n:], off+n
	}
}

func (s *sink) copyRaw(text string, off int) {
	if text == "" {
		return
	}
	if s.m == nil {
		s.b.Copy(text, s.base+off)
		return
	}
	s.m.copy(s.b, text, off)
}

// insert appends text that is not in the input as such, mapped to off.
func (s *sink) insert(text string, off int) { s.b.Insert(text, s.src(off)) }

// insertDecoded appends text decoded from input[off:off+n] (a character
// reference), so that a span ending after it ends after the reference.
func (s *sink) insertDecoded(text string, off, n int) {
	start := s.src(off)
	s.b.InsertEscape(text, start, s.src(off+n)-start)
}

// startBlock separates a new block from the previous one with a blank line
// and returns the block's start offset in Text.
func (s *sink) startBlock(off int) int {
	if s.b.Len() > 0 {
		s.insert("\n\n", off)
	}
	return s.b.Len()
}

// piece says that decoded[dec : dec+n] came from the file at src: byte for
// byte when verbatim, otherwise from one escape sequence starting at src.
type piece struct {
	dec, src, n int
	verbatim    bool
	srcN        int // an escape's length in the file
}

// pieceMap maps a decoded string (a JSON string value) back to the file.
type pieceMap struct {
	pieces []piece
	end    int // file offset just past the encoded string
}

func (m *pieceMap) add(dec, src, n int, verbatim bool) {
	if n == 0 {
		return
	}
	if k := len(m.pieces); verbatim && k > 0 {
		p := &m.pieces[k-1]
		if p.verbatim && p.dec+p.n == dec && p.src+p.n == src {
			p.n += n
			return
		}
	}
	m.pieces = append(m.pieces, piece{dec: dec, src: src, n: n, verbatim: verbatim})
}

// find returns the index of the piece holding decoded offset off, or -1.
func (m *pieceMap) find(off int) int {
	i := sort.Search(len(m.pieces), func(i int) bool { return m.pieces[i].dec+m.pieces[i].n > off })
	if i == len(m.pieces) {
		return -1
	}
	return i
}

func (m *pieceMap) src(off int) int {
	i := m.find(off)
	if i < 0 {
		return m.end
	}
	p := m.pieces[i]
	if off < p.dec {
		return p.src
	}
	if p.verbatim {
		return p.src + off - p.dec
	}
	return p.src
}

// copy appends decoded text starting at off, splitting it at escapes: the
// verbatim runs are copied, each escape's decoded bytes inserted at the
// escape.
func (m *pieceMap) copy(b *Builder, text string, off int) {
	i := m.find(off)
	for text != "" {
		if i < 0 || i >= len(m.pieces) {
			b.Insert(text, m.end)
			return
		}
		p := m.pieces[i]
		k := p.dec + p.n - off // bytes of text inside this piece
		if k > len(text) {
			k = len(text)
		}
		switch {
		case p.verbatim:
			b.Copy(text[:k], p.src+off-p.dec)
		case off == p.dec && k == p.n:
			b.InsertEscape(text[:k], p.src, p.srcN)
		default:
			b.Insert(text[:k], p.src)
		}
		text, off = text[k:], off+k
		i++
	}
}
