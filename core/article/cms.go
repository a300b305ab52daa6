package article

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
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

// Location names the element of a CMS document a finding lies in, so that
// a CMS can show it, or apply a fix, through its own API.
type Location struct {
	// Shape is "wordpress" or "ans".
	Shape string `json:"shape"`
	// Pointer is the JSON Pointer (RFC 6901) of the string holding the
	// text: "/content/raw", "/content_elements/3/content".
	Pointer string `json:"pointer"`
	// Field is the document's top-level field the text is in ("title",
	// "content", "excerpt", "headlines", "content_elements"...).
	Field string `json:"field"`

	// ANS: the index of the content element in the story's
	// content_elements, its _id and type. For text nested in a quote or a
	// list these name the top-level element; Pointer names the string.
	Index *int   `json:"index,omitempty"`
	ID    string `json:"_id,omitempty"`
	Type  string `json:"type,omitempty"`

	// WordPress: the index of the top-level Gutenberg block in the post's
	// content as the block editor lists them (wp.blocks.parse: white space
	// between blocks is not a block; other HTML outside any block is one
	// classic block), the path of indexes down to the innermost block when
	// it is nested (innerBlocks), and that block's name ("core/paragraph";
	// "core/freeform" for HTML outside any block).
	Block     *int   `json:"block,omitempty"`
	BlockPath []int  `json:"block_path,omitempty"`
	BlockName string `json:"block_name,omitempty"`
}

// String describes the element for people: "content_elements[4] (quote,
// _id ELQUOTE4RIDER)", "content block 6.0 (core/paragraph)", "title".
func (l *Location) String() string {
	switch {
	case l.Index != nil:
		s := fmt.Sprintf("%s[%d] (%s", l.Field, *l.Index, l.Type)
		if l.ID != "" {
			s += ", _id " + l.ID
		}
		return s + ")"
	case l.Block != nil:
		return fmt.Sprintf("%s block %s (%s)", l.Field, l.BlockNumber(), l.BlockName)
	}
	return l.Field
}

// BlockNumber is the WordPress block's place as the block editor numbers
// it: "6", or "6.0" for the first block nested in block 6.
func (l *Location) BlockNumber() string {
	path := l.BlockPath
	if len(path) == 0 && l.Block != nil {
		path = []int{*l.Block}
	}
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = strconv.Itoa(p)
	}
	return strings.Join(parts, ".")
}

// locRange says that source[start:end], the inside of a JSON string or a
// part of one, holds text of loc (nil for the fields of copydesk's own
// shape, which are bounds but no CMS element).
type locRange struct {
	start, end int
	loc        *Location
}

// rangeAt returns the smallest recorded range holding source offset src
// (with a Location, when withLoc is set), or nil.
func (a *Article) rangeAt(src int, withLoc bool) *locRange {
	var best *locRange
	for i := range a.locations {
		r := &a.locations[i]
		if r.start <= src && src < r.end && (!withLoc || r.loc != nil) && (best == nil || r.end-r.start < best.end-best.start) {
			best = r
		}
	}
	return best
}

// Location returns the CMS element the text at textOffset comes from, or
// nil when the article is not a CMS document of a known shape. The result
// is the caller's to keep.
func (a *Article) Location(textOffset int) *Location {
	if len(a.locations) == 0 {
		return nil
	}
	best := a.rangeAt(a.SourceOffset(textOffset), true)
	if best == nil {
		return nil
	}
	l := *best.loc
	l.BlockPath = append([]int(nil), l.BlockPath...)
	return &l
}

// SourceRange maps the span [start, end) of Text to a range of the source,
// as SourceOffset and SourceEndOffset do, with one more guarantee for JSON
// input: the range never leaves the string (or, in WordPress content, the
// Gutenberg block) its start lies in. A span that runs on into the next
// string (a deletion taking the blank line after a block, say; the next
// string may even come earlier in the file) ends where the last block it
// covers in the first string ends, so that replacing the range keeps the
// document valid JSON and its markup whole.
func (a *Article) SourceRange(start, end int) (int, int) {
	ss, se := a.SourceOffset(start), a.SourceEndOffset(end)
	if len(a.locations) == 0 {
		return ss, se
	}
	r := a.rangeAt(ss, false)
	if r == nil || se >= ss && se <= r.end {
		return ss, se
	}
	for i := len(a.Blocks) - 1; i >= 0; i-- {
		b := a.Blocks[i].Span
		if b.End > end || b.End <= start {
			continue
		}
		if e := a.SourceEndOffset(b.End); e >= ss && e <= r.end {
			return ss, e
		}
	}
	return ss, r.end
}

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
	locs  []locRange
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
		a := &Article{source: r.src}
		e.Line = a.SourcePosition(v.start).Line
	}
	return e
}

// locate records that the string v holds the text of loc.
func (r *cmsReader) locate(v *jsonValue, loc Location) {
	loc.Shape = r.shape
	r.locs = append(r.locs, locRange{start: v.start + 1, end: v.end - 1, loc: &loc})
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
	n0 := len(r.b.a.Blocks)
	htmlBlocks(&sink{b: r.b, m: part}, []byte(value[from:to]), false)
	if kind != "" {
		for i := n0; i < len(r.b.a.Blocks); i++ {
			blk := &r.b.a.Blocks[i]
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
	r.locs = append(r.locs, locRange{start: start, end: end, loc: &loc})
}

// finish segments the article and hands it its locations.
func (r *cmsReader) finish() *Article {
	r.b.lineMode = lineSplit
	a := r.b.Finish()
	sort.SliceStable(r.locs, func(i, j int) bool { return r.locs[i].start < r.locs[j].start })
	a.locations = r.locs
	return a
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
		l.loc.Pointer = prefix + l.loc.Pointer
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
