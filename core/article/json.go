package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article/model"
)

// ParseCMS reads one CMS JSON article: an object with headline, byline,
// dateline and body fields, a WordPress REST API post or an Arc XP ANS
// story (see cms.go; an object with a "body" field is always the first). The body is plain text with blank-line paragraphs,
// or HTML when it starts with "<" or a body_format or format field says
// "html" (or Markdown when that field says "markdown"). Every other top-level field is kept in Meta as a string. Spans map
// back to the characters of the JSON file, escapes included. The server mode
// and NDJSON input call it once per object.
func ParseCMS(path string, data []byte) (*Article, error) {
	if err := checkText(path, data); err != nil {
		return nil, err
	}
	return parseJSON(path, data)
}

// cmsField is a top-level string field: its decoded value and the map from
// the value back to the file.
type cmsField struct {
	value string
	m     *pieceMap
	start int // offset of the string's first character in the file
}

// ParseCMSAt reads the CMS JSON object at file[start:end], one line of an
// NDJSON file, keeping the whole file as the source: positions and errors
// name the line and column in the file, not in the object.
func ParseCMSAt(path string, file []byte, start, end int) (*Article, error) {
	if start < 0 || end > len(file) || start > end {
		return nil, &InputError{Path: path, Msg: fmt.Sprintf("bad object range %d..%d of a %d-byte file", start, end, len(file))}
	}
	if err := checkText(path, file[start:end]); err != nil {
		var ie *InputError
		if errors.As(err, &ie) && ie.Line > 0 {
			ie.Line += bytes.Count(file[:start], []byte("\n"))
		}
		return nil, err
	}
	return parseJSONRange(path, file, start, end)
}

func parseJSON(path string, src []byte) (*Article, error) {
	start := 0
	if bytes.HasPrefix(src, bom) {
		start = 3
	}
	return parseJSONRange(path, src, start, len(src))
}

// parseJSONRange reads the object at src[start:end]; src is the whole
// source the positions refer to.
func parseJSONRange(path string, src []byte, start, end int) (*Article, error) {
	body := src[start:end]
	var probe any
	if err := json.Unmarshal(body, &probe); err != nil {
		return nil, jsonError(path, src, start, err)
	}
	top, ok := probe.(map[string]any)
	if !ok {
		return nil, &InputError{Path: path, Msg: fmt.Sprintf("the JSON is %s, not an object", jsonKind(probe)),
			Hint: `a CMS article is one object such as {"headline": "...", "body": "..."}; for several articles use NDJSON, one object per line`}
	}
	if _, ok := top["body"]; !ok {
		// A WordPress post or an ANS story, read as the CMS stores it (cms.go).
		if shape := cmsShape(top); shape != "" {
			return parseShape(shape, path, src, start, end)
		}
	}

	b := NewBuilder(path, FormatJSON, src)
	fields := map[string]cmsField{}
	if err := scanObject(src[:end], start, func(key string, valStart, valEnd int) {
		raw := src[valStart:valEnd]
		if raw[0] == '"' {
			v, m := decodeJSONString(src, valStart)
			fields[key] = cmsField{v, m, valStart + 1}
			return
		}
		var buf bytes.Buffer
		if err := json.Compact(&buf, raw); err != nil {
			buf.Reset()
			buf.Write(raw)
		}
		fields[key] = cmsField{value: buf.String()}
	}); err != nil {
		return nil, jsonError(path, src, start, err)
	}

	bodyField, ok := fields["body"]
	if !ok {
		return nil, &InputError{Path: path, Msg: `the JSON object has no "body" field, so it is not a CMS article`,
			Hint: `put the article text in "body" (plain text with blank lines between paragraphs, or HTML), or send a WordPress REST post or an Arc XP ANS story as the CMS returns it; if the file is not an article (package.json, data), leave it out with exclude = ["` + filepath.Base(path) + `"] in rules.toml or --exclude ` + filepath.Base(path)}
	}
	if bodyField.m == nil {
		return nil, &InputError{Path: path, Msg: `the "body" field is not a string`,
			Hint: `"body" must be the article text as one string, plain text or HTML`}
	}
	for key, f := range fields {
		switch key {
		case "headline", "byline", "dateline", "body":
			if f.m != nil {
				continue
			}
		}
		b.SetMeta(key, f.value)
	}
	var bounds []Bound // each text field's string: no source range leaves it
	for _, key := range []string{"headline", "byline", "dateline", "body"} {
		if f := fields[key]; f.m != nil {
			bounds = append(bounds, Bound{Start: f.start, End: f.m.end})
		}
	}
	for _, fk := range []struct {
		key  string
		kind BlockKind
	}{{"headline", Headline}, {"byline", Byline}, {"dateline", Dateline}} {
		f, ok := fields[fk.key]
		if !ok || f.m == nil {
			continue
		}
		lead := len(f.value) - len(strings.TrimLeft(f.value, " \t\r\n"))
		v := strings.TrimRight(f.value[lead:], " \t\r\n")
		if v == "" {
			continue
		}
		s := &sink{b: b, m: f.m}
		bs := s.startBlock(lead)
		// A field is one block; line breaks inside it (rare) stay visible.
		s.copy(v, lead)
		b.AddBlock(fk.kind, fk.key, bs, b.Len())
	}

	s := &sink{b: b, m: bodyField.m}
	format := strings.ToLower(fields["body_format"].value)
	if format == "" {
		format = strings.ToLower(fields["format"].value)
	}
	switch {
	case format == "markdown" || format == "md":
		b.lineMode = lineJoin
		mdBlocks(s, []byte(bodyField.value), false)
	case format == "html" || strings.HasPrefix(strings.TrimLeft(bodyField.value, " \t\r\n"), "<"):
		b.lineMode = lineSplit
		htmlBlocks(s, []byte(bodyField.value), false)
	default:
		b.lineMode = lineAuto
		textBlocks(s, []byte(bodyField.value), false)
	}
	b.SetBounds(bounds)
	return b.Finish(), nil
}

func jsonKind(v any) string {
	switch v.(type) {
	case []any:
		return "an array"
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "not an object"
}

// jsonError turns a decoding error into an InputError naming the line and
// column of the problem.
func jsonError(path string, src []byte, start int, err error) error {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return &InputError{Path: path, Msg: "malformed JSON: " + err.Error(), Hint: "fix the JSON, or give the file a .txt extension if it is not a CMS export"}
	}
	off := start + int(se.Offset)
	if off > 0 && off <= len(src) && !strings.Contains(se.Error(), "end of JSON input") {
		off-- // Offset counts the offending byte as read
	}
	p := model.PositionIn(src, off)
	return &InputError{Path: path, Line: p.Line,
		Msg:  fmt.Sprintf("malformed JSON at line %d, column %d: %s", p.Line, p.Column, se.Error()),
		Hint: "fix the JSON there (a missing comma, quote or brace is the usual cause), or give the file a .txt extension if it is not a CMS export"}
}

// scanObject walks the top-level object of src (already validated) and calls
// fn with each key and the byte range of its raw value.
func scanObject(src []byte, start int, fn func(key string, valStart, valEnd int)) error {
	dec := json.NewDecoder(bytes.NewReader(src[start:]))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil { // {
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		after := start + int(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		end := start + int(dec.InputOffset())
		// The value starts after the colon and any white space.
		vs := after
		for vs < end && (isSpace(src[vs]) || src[vs] == ':') {
			vs++
		}
		fn(key, vs, end)
	}
	return nil
}

// decodeJSONString decodes the JSON string literal starting at src[q] (a
// quote), recording where each decoded byte came from.
func decodeJSONString(src []byte, q int) (string, *pieceMap) {
	m := &pieceMap{}
	var out []byte
	i := q + 1
	for i < len(src) {
		c := src[i]
		switch {
		case c == '"':
			m.end = i
			return string(out), m
		case c == '\\' && i+1 < len(src):
			esc := i
			var dec []byte
			n := 2
			switch src[i+1] {
			case 'n':
				dec = []byte{'\n'}
			case 't':
				dec = []byte{'\t'}
			case 'r':
				dec = []byte{'\r'}
			case 'b':
				dec = []byte{'\b'}
			case 'f':
				dec = []byte{'\f'}
			case 'u':
				r, k := decodeU(src[i:])
				dec, n = utf8.AppendRune(nil, r), k
			default: // \" \\ \/
				dec = []byte{src[i+1]}
			}
			m.add(len(out), esc, len(dec), false)
			m.pieces[len(m.pieces)-1].srcN = n
			out = append(out, dec...)
			i += n
		default:
			j := i
			for j < len(src) && src[j] != '"' && src[j] != '\\' {
				j++
			}
			m.add(len(out), i, j-i, true)
			out = append(out, src[i:j]...)
			i = j
		}
	}
	m.end = len(src)
	return string(out), m
}

// decodeU decodes a \uXXXX escape (and its low surrogate, if any) at the
// start of s, returning the rune and the bytes consumed. Broken surrogates
// decode to U+FFFD, as encoding/json does.
func decodeU(s []byte) (rune, int) {
	if len(s) < 6 {
		return utf8.RuneError, len(s)
	}
	v, err := strconv.ParseUint(string(s[2:6]), 16, 32)
	if err != nil {
		return utf8.RuneError, 6
	}
	r := rune(v)
	if utf16.IsSurrogate(r) {
		if len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
			if v2, err := strconv.ParseUint(string(s[8:12]), 16, 32); err == nil {
				if d := utf16.DecodeRune(r, rune(v2)); d != utf8.RuneError {
					return d, 12
				}
			}
		}
		return utf8.RuneError, 6
	}
	return r, 6
}
