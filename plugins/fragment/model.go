package fragment

import (
	_ "embed"
	"encoding/binary"
	"errors"
)

//go:generate go run ./internal/posgen data/pos.model

// posModelData is prose's averaged-perceptron POS model, laid out by
// internal/posgen (which documents the format) so that it is used in place:
// reading it builds only the class list and the small dictionary of words
// with a fixed tag; the 75,000 features stay in the binary's data and are
// found through the file's own hash table.
//
//go:embed data/pos.model
var posModelData []byte

type posModel struct {
	classes []string
	tagMap  map[string]string // words whose tag is fixed
	slots   []byte            // u32 per slot: offset of a feature record + 1, or 0
	mask    uint32
	data    []byte
}

var errModel = errors.New("fragment: data/pos.model is damaged; run go generate ./plugins/fragment")

func readModel(data []byte) (*posModel, error) {
	r := reader{b: data}
	if string(r.next(6)) != "CDPOS1" {
		return nil, errModel
	}
	m := &posModel{data: data}
	for n := r.u16(); n > 0 && r.ok(); n-- {
		m.classes = append(m.classes, string(r.next(int(r.u8()))))
	}
	n := r.u32()
	m.tagMap = make(map[string]string, n)
	for ; n > 0 && r.ok(); n-- {
		w := string(r.next(int(r.u8())))
		if c := int(r.u8()); c < len(m.classes) {
			m.tagMap[w] = m.classes[c]
		}
	}
	slots := r.u32()
	m.slots = r.next(4 * int(slots))
	if !r.ok() || slots == 0 || slots&(slots-1) != 0 || len(m.classes) == 0 {
		return nil, errModel
	}
	m.mask = slots - 1
	// Records follow the table in slot-independent order, the last one
	// ending the file: it must read to the very end.
	last := uint32(0)
	for i := 0; i < len(m.slots); i += 4 {
		last = max(last, binary.LittleEndian.Uint32(m.slots[i:]))
	}
	if last == 0 || int(last-1) < r.i {
		return nil, errModel
	}
	r = reader{b: data, i: int(last - 1)}
	r.next(int(r.u16()))
	r.next(5 * int(r.u16()))
	if !r.ok() || r.i != len(data) {
		return nil, errModel
	}
	return m, nil
}

// score adds the weights of feature key to scores, marking the classes it
// touches. An unknown feature adds nothing.
func (m *posModel) score(key []byte, scores []float64, touched []bool) {
	h := uint32(2166136261) // FNV-1a, as posgen hashes
	for _, c := range key {
		h ^= uint32(c)
		h *= 16777619
	}
	for h &= m.mask; ; h = (h + 1) & m.mask {
		off := binary.LittleEndian.Uint32(m.slots[4*h:])
		if off == 0 {
			return
		}
		r := reader{b: m.data, i: int(off - 1)}
		if string(r.next(int(r.u16()))) != string(key) {
			continue
		}
		for n := r.u16(); n > 0; n-- {
			c := int(r.u8())
			w := float64(int32(r.u32())) / 1000
			if r.ok() && c < len(scores) {
				scores[c] += w
				touched[c] = true
			}
		}
		return
	}
}

// reader reads the model's little-endian fields; past the end it returns
// zeros and ok reports false.
type reader struct {
	b   []byte
	i   int
	bad bool
}

func (r *reader) next(n int) []byte {
	if r.bad || n < 0 || r.i+n > len(r.b) {
		r.bad = true
		return nil
	}
	r.i += n
	return r.b[r.i-n : r.i]
}

func (r *reader) ok() bool { return !r.bad }

func (r *reader) u8() uint8 {
	if b := r.next(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) u16() uint16 {
	if b := r.next(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *reader) u32() uint32 {
	if b := r.next(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}
