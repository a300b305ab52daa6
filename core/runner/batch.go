package runner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/copydesk/copydesk/core/article"
)

// A JSON input may hold one CMS article or a batch, {"articles": [article,
// ...]}, the form the hook server takes. A batch becomes one input per
// article, named FILE#ID (the article's "id" or "slug") or FILE#N (N counts
// from 1), each placed in the whole file: lines and columns are the file's.

// sniffJSON reports whether data (standard input without a format) is
// JSON: an object, after an optional byte-order mark and white space.
func sniffJSON(data []byte) bool {
	d := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")))
	return len(d) > 1 && d[0] == '{' && json.Valid(d)
}

// batchRanges returns the byte ranges of the articles of a batch file, or
// ok false when data is not a batch (then it is read as one article).
func batchRanges(data []byte) (ranges [][2]int, ok bool, err error) {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return nil, false, nil
	}
	if _, has := top["articles"]; !has {
		return nil, false, nil
	}
	if _, has := top["body"]; has {
		return nil, false, nil // an article that happens to have an "articles" field
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // {
		return nil, true, err
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil, true, err
		}
		if k != "articles" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, true, err
			}
			continue
		}
		t, err := dec.Token()
		if err != nil {
			return nil, true, err
		}
		if d, isDelim := t.(json.Delim); !isDelim || d != '[' {
			return nil, true, fmt.Errorf(`"articles" must be an array of article objects`)
		}
		for dec.More() {
			from := int(dec.InputOffset())
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, true, err
			}
			end := int(dec.InputOffset())
			start := from
			for start < end && strings.IndexByte(" \t\r\n,", data[start]) >= 0 {
				start++
			}
			ranges = append(ranges, [2]int{start, end})
		}
		if _, err := dec.Token(); err != nil && err != io.EOF { // ]
			return nil, true, err
		}
	}
	if len(ranges) == 0 {
		return nil, true, fmt.Errorf(`"articles" is empty: nothing to check`)
	}
	return ranges, true, nil
}

// parseBatch reads a batch's articles as inputs; a batch that cannot be
// read is one input with the error.
func parseBatch(path string, data []byte) ([]*Input, bool) {
	ranges, ok, err := batchRanges(data)
	if !ok {
		return nil, false
	}
	if err != nil {
		return []*Input{{Path: path, Err: &article.InputError{Path: path, Msg: "reading the batch {\"articles\": [...]}: " + err.Error(),
			Hint: `a batch is {"articles": [{"headline": "...", "body": "..."}, ...]}`}}}, true
	}
	out := make([]*Input, len(ranges))
	seen := map[string]bool{}
	for i, r := range ranges {
		name := fmt.Sprintf("%s#%d", path, i+1)
		if id := ArticleID(data[r[0]:r[1]]); id != "" && !seen[id] {
			seen[id] = true
			name = path + "#" + id
		}
		a, err := article.ParseCMSAt(name, data, r[0], r[1])
		out[i] = &Input{Path: name, Article: a, Err: err, Batch: path}
	}
	return out, true
}

// ArticleID is a CMS article's "id", "_id" or "slug" when it is a non-empty
// string or a number, else "".
func ArticleID(raw []byte) string {
	var fields map[string]json.RawMessage
	if json.Unmarshal(raw, &fields) != nil {
		return ""
	}
	for _, key := range []string{"id", "_id", "slug"} {
		v := bytes.TrimSpace(fields[key])
		if len(v) == 0 {
			continue
		}
		switch {
		case v[0] == '"':
			var s string
			if json.Unmarshal(v, &s) == nil && strings.TrimSpace(s) != "" {
				return s
			}
		case v[0] == '-' || (v[0] >= '0' && v[0] <= '9'):
			return string(v)
		}
	}
	return ""
}
