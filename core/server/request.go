package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/runner"
)

// ParseRequest reads a /v1/check body: one CMS JSON article ({"headline":
// ..., "body": ...}, a WordPress REST API post or an Arc XP ANS story, as
// article.ParseCMS reads them) or a batch {"articles": [article, ...]}.
// Each article's path in the answer is its "id" field, else its "_id" (an
// ANS story's), else its "slug", when it has one, else "article-N" (N
// counts from 1 in the request). In a batch, an article's
// lines, columns and offsets count from the start of its own object, as if
// it had been sent alone.
func ParseRequest(body []byte) ([]*article.Article, *apiError) {
	trimmed := bytes.TrimPrefix(body, []byte("\xEF\xBB\xBF"))
	if len(bytes.TrimSpace(trimmed)) == 0 {
		return nil, &apiError{Error: `empty request body: send one article {"headline": "...", "body": "..."} or {"articles": [...]}`}
	}
	if !utf8.Valid(trimmed) {
		return nil, &apiError{Error: "the request body is not UTF-8"}
	}
	var probe any
	if err := json.Unmarshal(trimmed, &probe); err != nil {
		return nil, syntaxError(body, len(body)-len(trimmed), err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(trimmed, &top); err != nil {
		return nil, &apiError{Error: `the request body must be a JSON object: one article {"headline": "...", "body": "..."} or {"articles": [...]}`}
	}
	raws := []json.RawMessage{json.RawMessage(body)}
	if batch, ok := top["articles"]; ok {
		if err := json.Unmarshal(batch, &raws); err != nil {
			return nil, &apiError{Error: `"articles" must be an array of article objects`}
		}
		if len(raws) == 0 {
			return nil, &apiError{Error: `"articles" is empty: nothing to check`}
		}
	}
	out := make([]*article.Article, len(raws))
	for i, raw := range raws {
		name := fmt.Sprintf("article-%d", i+1)
		a, err := article.Parse(name, article.FormatJSON, raw)
		if err != nil {
			e := &apiError{Error: err.Error()}
			var ie *article.InputError
			if errors.As(err, &ie) {
				e.Error = name + ": " + ie.Msg
				if ie.Hint != "" {
					e.Error += " (" + ie.Hint + ")"
				}
				e.Line = ie.Line // the field at fault (a WordPress or ANS shape error)
			}
			if len(raws) > 1 || top["articles"] != nil {
				e.Article = i + 1
			}
			return nil, e
		}
		if id := runner.ArticleID(raw); id != "" {
			a.Path = id
		}
		out[i] = a
	}
	return out, nil
}

// syntaxError places a JSON decoding error at its line and column (1-based,
// columns in characters) in the body.
func syntaxError(body []byte, start int, err error) *apiError {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return &apiError{Error: "malformed JSON: " + err.Error()}
	}
	off := start + int(se.Offset)
	// Offset counts the offending byte as read, except at the end of input.
	if off > start && !strings.Contains(se.Error(), "end of JSON input") {
		off--
	}
	off = min(off, len(body))
	line := 1 + bytes.Count(body[:off], []byte("\n"))
	lineStart := bytes.LastIndexByte(body[:off], '\n') + 1
	col := 1 + utf8.RuneCount(body[lineStart:off])
	return &apiError{Error: fmt.Sprintf("malformed JSON at line %d, column %d: %s", line, col, se.Error()), Line: line, Column: col}
}
