package article

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/copydesk/copydesk/core/article/model"
)

// CMS shapes. Besides copydesk's own {headline, byline, body} object, the
// JSON reader takes two CMS documents as their CMS stores them:
//
//   - a WordPress REST API post or page (wordpress.go), and
//   - an Arc XP ANS story (ans.go).
//
// Every string the reader takes text from is read where it stands in the
// file, so findings keep their line and column in the JSON document, escapes
// included, and fixes edit the same string. Each finding also gets a
// Location naming the element it lies in.

// Shape names of CMS documents, as Location.Shape reports them.
const (
	ShapeWordPress = "wordpress"
	ShapeANS       = "ans"
)

// jsonValue is one value of a JSON document with its place in the source:
// src[start:end] is its text, quotes and brackets included.
type jsonValue struct {
	kind       byte // '{', '[', '"', '0' (number), 't' (true/false) or 'n' (null)
	start, end int
	keys       []string     // an object's keys, in order
	vals       []*jsonValue // an object's values or an array's elements
}

// get returns the value of an object's key (the last one, as encoding/json
// decodes duplicates), or nil.
func (v *jsonValue) get(key string) *jsonValue {
	if v == nil || v.kind != '{' {
		return nil
	}
	for i := len(v.keys) - 1; i >= 0; i-- {
		if v.keys[i] == key {
			return v.vals[i]
		}
	}
	return nil
}

// path follows keys through nested objects.
func (v *jsonValue) path(keys ...string) *jsonValue {
	for _, k := range keys {
		v = v.get(k)
	}
	return v
}

// index returns an array's i-th element, or nil.
func (v *jsonValue) index(i int) *jsonValue {
	if v == nil || v.kind != '[' || i < 0 || i >= len(v.vals) {
		return nil
	}
	return v.vals[i]
}

// isString reports whether v is a JSON string.
func (v *jsonValue) isString() bool { return v != nil && v.kind == '"' }

// jsonTree parses the JSON value at src[start:end], already validated,
// into values that know their byte ranges. It uses encoding/json's token
// stream: every token ends where the decoder's offset stands after it, and
// starts after the white space, colon or comma that precedes it.
func jsonTree(src []byte, start, end int) (*jsonValue, error) {
	dec := json.NewDecoder(bytes.NewReader(src[start:end]))
	dec.UseNumber()
	p := &treeParser{dec: dec, src: src, base: start, prev: start}
	return p.value()
}

type treeParser struct {
	dec        *json.Decoder
	src        []byte
	base, prev int
}

// token reads the next token and its byte range.
func (p *treeParser) token() (json.Token, int, int, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return nil, 0, 0, err
	}
	end := p.base + int(p.dec.InputOffset())
	start := p.prev
	for start < end && (isSpace(p.src[start]) || p.src[start] == ':' || p.src[start] == ',') {
		start++
	}
	p.prev = end
	return tok, start, end, nil
}

func (p *treeParser) value() (*jsonValue, error) {
	tok, start, end, err := p.token()
	if err != nil {
		return nil, err
	}
	return p.rest(tok, start, end)
}

// rest builds the value that begins with tok.
func (p *treeParser) rest(tok json.Token, start, end int) (*jsonValue, error) {
	v := &jsonValue{start: start, end: end}
	switch t := tok.(type) {
	case json.Delim:
		v.kind = byte(t)
		for p.dec.More() {
			if t == '{' {
				k, _, _, err := p.token()
				if err != nil {
					return nil, err
				}
				key, _ := k.(string)
				v.keys = append(v.keys, key)
			}
			child, err := p.value()
			if err != nil {
				return nil, err
			}
			v.vals = append(v.vals, child)
		}
		if _, _, e, err := p.token(); err != nil { // the closing bracket
			return nil, err
		} else {
			v.end = e
		}
	case string:
		v.kind = '"'
	case json.Number:
		v.kind = '0'
	case bool:
		v.kind = 't'
	default:
		v.kind = 'n'
	}
	return v, nil
}

// cmsReader builds an article from a CMS document.
type cmsReader struct {
	path  string
	src   []byte
	shape string
	b     *Builder
	locs  []Bound
}

// str decodes a JSON string value: its text and the map back to the file.
func (r *cmsReader) str(v *jsonValue) (string, *pieceMap) {
	return decodeJSONString(r.src, v.start)
}

// scalar is a string's decoded value, or another scalar's JSON text ("42",
// "true"); "" for objects, arrays and null.
func (r *cmsReader) scalar(v *jsonValue) string {
	switch {
	case v == nil || v.kind == 'n' || v.kind == '{' || v.kind == '[':
		return ""
	case v.kind == '"':
		s, _ := r.str(v)
		return s
	}
	return string(r.src[v.start:v.end])
}

// fail is an InputError naming the line of v (or the whole file when v is
// nil).
func (r *cmsReader) fail(v *jsonValue, msg, hint string) error {
	e := &InputError{Path: r.path, Msg: msg, Hint: hint}
	if v != nil {
		e.Line = model.PositionIn(r.src, v.start).Line
	}
	return e
}

// locate records that the string v holds the text of loc.
func (r *cmsReader) locate(v *jsonValue, loc Location) {
	loc.Shape = r.shape
	r.locs = append(r.locs, Bound{Start: v.start + 1, End: v.end - 1, Loc: &loc})
}

// plain adds the string v, plain text, as one block of the given kind.
func (r *cmsReader) plain(v *jsonValue, kind BlockKind, element string, loc Location) {
	value, m := r.str(v)
	lead := len(value) - len(strings.TrimLeft(value, " \t\r\n"))
	text := strings.TrimRight(value[lead:], " \t\r\n")
	if text == "" {
		return
	}
	s := &sink{b: r.b, m: m}
	bs := s.startBlock(lead)
	s.copy(text, lead)
	r.b.AddBlock(kind, element, bs, r.b.Len())
	r.locate(v, loc)
}

// html adds the HTML fragment in the string v (or its part value[from:to])
// and records loc over it. Blocks the fragment leaves as plain running
// text (Line or Paragraph) take the given kind and element when kind is
// set; others (a list, a quotation, code inside the fragment) keep theirs.
func (r *cmsReader) html(v *jsonValue, value string, m *pieceMap, from, to int, kind BlockKind, element string, loc Location) {
	part := m
	if from > 0 || to < len(value) {
		part = m.slice(from, to, len(value))
	}
	n0 := len(r.b.Blocks())
	htmlBlocks(&sink{b: r.b, m: part}, []byte(value[from:to]), false)
	if kind != "" {
		blocks := r.b.Blocks()
		for i := n0; i < len(blocks); i++ {
			blk := &blocks[i]
			if blk.Kind == Line || blk.Kind == Paragraph {
				blk.Kind, blk.Element = kind, element
			}
		}
	}
	loc.Shape = r.shape
	start, end := v.start+1, v.end-1
	if part != m {
		start, end = m.src(from), m.src(to)
		end = part.end
	}
	r.locs = append(r.locs, Bound{Start: start, End: end, Loc: &loc})
}

// finish segments the article and hands it its locations.
func (r *cmsReader) finish() *Article {
	r.b.lineMode = lineSplit
	sort.SliceStable(r.locs, func(i, j int) bool { return r.locs[i].Start < r.locs[j].Start })
	r.b.SetBounds(r.locs)
	return r.b.Finish()
}

// slice returns the map of decoded[from:to] as a string of its own: offset
// 0 of the result is offset from of m.
func (m *pieceMap) slice(from, to, total int) *pieceMap {
	out := &pieceMap{end: m.end}
	if to < total {
		out.end = m.src(to)
	}
	for i := m.find(from); i >= 0 && i < len(m.pieces); i++ {
		p := m.pieces[i]
		if p.dec >= to {
			break
		}
		lo, hi := max(p.dec, from), min(p.dec+p.n, to)
		if p.verbatim {
			out.pieces = append(out.pieces, piece{dec: lo - from, src: p.src + lo - p.dec, n: hi - lo, verbatim: true})
		} else {
			// An escape is never cut: the callers cut at ASCII
			// markup, which an escape decodes to whole.
			out.pieces = append(out.pieces, piece{dec: lo - from, src: p.src, n: hi - lo, srcN: p.srcN})
		}
	}
	return out
}

// pointer builds a JSON Pointer from keys and indexes.
func pointer(parts ...any) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteByte('/')
		switch p := p.(type) {
		case int:
			b.WriteString(strconv.Itoa(p))
		case string:
			b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(p))
		default:
			fmt.Fprint(&b, p)
		}
	}
	return b.String()
}

// cmsShape tells which CMS document an object without a "body" is, from
// its top-level keys: "" when it is none of them.
func cmsShape(top map[string]any) string {
	if inner, ok := top["ans"].(map[string]any); ok && cmsShape(inner) == ShapeANS {
		return ShapeANS // a Draft API revision: {"id": ..., "ans": {story}}
	}
	if _, ok := top["content_elements"]; ok {
		return ShapeANS
	}
	if _, ok := top["headlines"].(map[string]any); ok {
		return ShapeANS
	}
	if t, _ := top["type"].(string); ansDocumentTypes[t] {
		if _, ok := top["version"].(string); ok {
			return ShapeANS
		}
	}
	for _, key := range []string{"content", "title", "excerpt", "guid"} {
		if o, ok := top[key].(map[string]any); ok {
			_, raw := o["raw"]
			_, rendered := o["rendered"]
			_, protected := o["protected"]
			if raw || rendered || protected {
				return ShapeWordPress
			}
		}
	}
	return ""
}

// parseShape reads an object of a known CMS shape.
func parseShape(shape, path string, src []byte, start, end int) (*Article, error) {
	root, err := jsonTree(src, start, end)
	if err != nil {
		return nil, jsonError(path, src, start, err)
	}
	r := &cmsReader{path: path, src: src, shape: shape, b: NewBuilder(path, FormatJSON, src)}
	r.b.SetMeta("shape", shape)
	prefix := ""
	switch shape {
	case ShapeWordPress:
		err = r.wordpress(root)
	default:
		if inner := root.get("ans"); inner != nil && inner.kind == '{' && root.get("content_elements") == nil && root.get("headlines") == nil {
			// An Arc XP Draft API revision wraps the story in "ans".
			root, prefix = inner, "/ans"
		}
		err = r.ans(root)
	}
	if err != nil {
		return nil, err
	}
	for _, l := range r.locs {
		l.Loc.Pointer = prefix + l.Loc.Pointer
	}
	return r.finish(), nil
}

// normalDate turns a CMS date into one the date rules read (RFC 3339, or a
// day when the time has no zone, as WordPress's "date" has not); "" when
// it is not a date.
func normalDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return ""
	}
	for _, c := range s[:4] + s[5:7] + s[8:10] {
		if c < '0' || c > '9' {
			return ""
		}
	}
	if len(s) > 10 && (strings.HasSuffix(s, "Z") || strings.LastIndexAny(s, "+-") > 10) {
		return s
	}
	return s[:10]
}
