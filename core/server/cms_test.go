package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/article/cmstest"
	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
)

// doubledWords stands in for the engine on CMS documents: it reports every
// word written twice in a row as repetition/doubled-word, placed as the
// runner places findings (SourceRange, SourcePosition, Location), so the
// answer shows what the server makes of a WordPress post or an ANS story.
type doubledWords struct{}

func (doubledWords) Check(_ context.Context, articles []*article.Article) *runner.Result {
	res := &runner.Result{}
	for _, a := range articles {
		f := &runner.File{Path: a.Path, Diagnostics: []runner.Diagnostic{}, Article: a}
		type word struct{ start, end int }
		var prev word
		for i := 0; i < len(a.Text); {
			for i < len(a.Text) && !isWordByte(a.Text[i]) {
				i++
			}
			w := word{i, i}
			for w.end < len(a.Text) && isWordByte(a.Text[w.end]) {
				w.end++
			}
			if w.end > w.start && prev.end+1 == w.start && a.Text[prev.end] == ' ' && strings.EqualFold(a.Text[prev.start:prev.end], a.Text[w.start:w.end]) {
				ss, se := a.SourceRange(w.start, w.end)
				sp, ep := a.SourcePosition(ss), a.SourcePosition(se)
				f.Diagnostics = append(f.Diagnostics, runner.Diagnostic{Rule: "repetition/doubled-word", Category: "repetition", Severity: sdk.Warning,
					Line: sp.Line, Column: sp.Column, EndLine: ep.Line, EndColumn: ep.Column, Offset: ss, EndOffset: se,
					Message: "doubled", Suggestions: []runner.Suggestion{}, Location: a.Location(w.start)})
			}
			prev, i = w, max(w.end, i+1)
		}
		res.Files = append(res.Files, f)
	}
	return res
}

func isWordByte(c byte) bool {
	return c >= 0x80 || c == '\'' || unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
}

func (doubledWords) Rules() []runner.RuleInfo { return nil }

// TestCMSShapesThroughServe sends the WordPress and ANS fixtures to
// POST /v1/check as a CMS would, alone and in a batch: each answer's path is
// the document's id, and each finding carries the JSON line and column of
// the document as sent and the element it lies in.
func TestCMSShapesThroughServe(t *testing.T) {
	_, ts, _ := newTestServer(t, Options{}, doubledWords{})
	ids := map[string]string{"ans-story.json": "QX7TFERRYSTORY2026", "wordpress-post.json": "4817"}
	for _, name := range cmstest.Fixtures {
		data, err := os.ReadFile(cmstest.Path(name))
		if err != nil {
			t.Fatal(err)
		}
		a := post(t, ts.URL, data)
		if len(a.Files) != 1 || a.Files[0].Path != ids[name] {
			t.Fatalf("%s: files %+v, want one with path %q", name, a.Files, ids[name])
		}
		if a.Verdict != "pass" { // warnings only; fail_on is error
			t.Errorf("%s: verdict %q", name, a.Verdict)
		}
		cmstest.Check(t, name, data, got(a.Files[0].Diagnostics), true, "repetition/doubled-word")
	}

	// In a batch, positions count from each article's own object.
	var batch bytes.Buffer
	batch.WriteString(`{"articles": [`)
	var docs [][]byte
	for i, name := range cmstest.Fixtures {
		data, _ := os.ReadFile(cmstest.Path(name))
		docs = append(docs, data)
		if i > 0 {
			batch.WriteString(",")
		}
		batch.Write(data)
	}
	batch.WriteString("]}")
	a := post(t, ts.URL, batch.Bytes())
	if len(a.Files) != len(cmstest.Fixtures) {
		t.Fatalf("batch: %d files", len(a.Files))
	}
	for i, name := range cmstest.Fixtures {
		cmstest.Check(t, name, docs[i], got(a.Files[i].Diagnostics), true, "repetition/doubled-word")
	}
}

type checkAnswer struct {
	Verdict string `json:"verdict"`
	Files   []struct {
		Path        string              `json:"path"`
		Diagnostics []runner.Diagnostic `json:"diagnostics"`
	} `json:"files"`
}

func post(t *testing.T, url string, body []byte) checkAnswer {
	t.Helper()
	resp, err := http.Post(url+"/v1/check", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var a checkAnswer
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d, %v", resp.StatusCode, err)
	}
	return a
}

func got(ds []runner.Diagnostic) []cmstest.Got {
	var out []cmstest.Got
	for _, d := range ds {
		out = append(out, cmstest.Got{Line: d.Line, Column: d.Column, Rule: d.Rule, Category: d.Category, Location: d.Location})
	}
	return out
}

// TestCMSBadShapesThroughServe: a document of a CMS shape copydesk does not
// check is a 400 naming the field and its line.
func TestCMSBadShapesThroughServe(t *testing.T) {
	_, ts, _ := newTestServer(t, Options{}, doubledWords{})
	for _, c := range []struct {
		body string
		line int
		msg  string
	}{
		{"{\"_id\": \"G\",\n\"type\": \"gallery\", \"version\": \"0.10.9\", \"content_elements\": []}", 2, `article-1: the ANS document is a gallery, not a story ("type": "gallery")`},
		{"{\"id\": 3, \"title\": {\"raw\": \"T\"},\n\"content\": {\"raw\": \"x\",\n\"protected\": true}}", 3, `article-1: the WordPress post is password-protected ("content.protected" is true)`},
		{`{"id": 3, "title": {"raw": "T"}}`, 0, `article-1: the WordPress post has no "content" field`},
	} {
		a := do(t, http.MethodPost, ts.URL+"/v1/check", c.body, nil)
		msg, _ := a.body["error"].(string)
		line, _ := a.body["line"].(float64)
		if a.status != http.StatusBadRequest || !strings.HasPrefix(msg, c.msg) || int(line) != c.line {
			t.Errorf("%.40q: status %d, %v; want 400, line %d, %q", c.body, a.status, a.body, c.line, c.msg)
		}
	}
}
