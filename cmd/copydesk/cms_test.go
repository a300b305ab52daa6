package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article/cmstest"
	"github.com/copydesk/copydesk/core/runner"
)

// The CMS-shape tests run a WordPress REST post and an Arc XP ANS story of
// our own writing (core/article/testdata/cms) through every way in: a
// file, --ndjson, serve and --fix. Their expected findings are the
// fixtures' sidecars (see core/article/cmstest).

func cmsGot(ds []runner.Diagnostic) []cmstest.Got {
	var out []cmstest.Got
	for _, d := range ds {
		out = append(out, cmstest.Got{Line: d.Line, Column: d.Column, Rule: d.Rule, Category: d.Category, Location: d.Location})
	}
	return out
}

func TestCMSShapesCheck(t *testing.T) {
	for _, name := range cmstest.Fixtures {
		data, err := os.ReadFile(cmstest.Path(name))
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		writeFile(t, dir, name, string(data))
		r := runCLI(t, dir, "", "check", "--format", "json", "--min-severity", "info", name)
		if r.code != exitOK && r.code != exitFindings {
			t.Fatalf("%s: exit %d: %s", name, r.code, r.stderr)
		}
		var res runner.Result
		if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || len(res.Files) != 1 {
			t.Fatalf("%s: %v\n%s", name, err, r.stdout)
		}
		cmstest.Check(t, name, data, cmsGot(res.Files[0].Diagnostics), true)

		// The same document on standard input.
		r = runCLI(t, dir, string(data), "check", "--format", "json", "--min-severity", "info", "--stdin-name", name, "-")
		res = runner.Result{}
		if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || len(res.Files) != 1 {
			t.Fatalf("%s on stdin: %v\n%s", name, err, r.stdout)
		}
		cmstest.Check(t, name, data, cmsGot(res.Files[0].Diagnostics), true)
	}
}

// TestCMSShapesNDJSON sends both documents as NDJSON lines (compacted, so
// columns differ from the files': the text at each column is checked).
func TestCMSShapesNDJSON(t *testing.T) {
	var in bytes.Buffer
	var lines [][]byte
	for _, name := range cmstest.Fixtures {
		data, err := os.ReadFile(cmstest.Path(name))
		if err != nil {
			t.Fatal(err)
		}
		var line bytes.Buffer
		if err := json.Compact(&line, data); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, line.Bytes())
		in.Write(line.Bytes())
		in.WriteByte('\n')
	}
	r := runCLI(t, "", in.String(), "check", "--ndjson", "--min-severity", "info")
	if r.code != exitOK && r.code != exitFindings {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	ids := []string{"QX7TFERRYSTORY2026", "4817"}
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var o struct {
			Line        int
			ID          string
			Verdict     string
			Diagnostics []runner.Diagnostic
		}
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			t.Fatal(err)
		}
		i := o.Line - 1
		if i < 0 || i >= len(lines) || o.ID != ids[i] || o.Verdict != "pass" {
			t.Fatalf("result %+v", o)
		}
		cmstest.Check(t, cmstest.Fixtures[i], lines[i], cmsGot(o.Diagnostics), false)
		n++
	}
	if n != len(lines) {
		t.Errorf("%d results for %d lines", n, len(lines))
	}
}

func TestCMSShapesServe(t *testing.T) {
	s := startServe(t, nil)
	for _, name := range cmstest.Fixtures {
		data, err := os.ReadFile(cmstest.Path(name))
		if err != nil {
			t.Fatal(err)
		}
		a := s.do("POST", "/v1/check", string(data), nil)
		var c struct {
			Verdict string
			Files   []struct {
				Path        string
				Diagnostics []runner.Diagnostic
			}
		}
		if err := json.Unmarshal(a.raw, &c); err != nil || a.status != 200 || len(c.Files) != 1 {
			t.Fatalf("%s: %d %s", name, a.status, a.raw)
		}
		cmstest.Check(t, name, data, cmsGot(c.Files[0].Diagnostics), true)
	}
}

// jsonStrings maps the JSON Pointer of every string in a document to its
// value.
func jsonStrings(t *testing.T, data []byte) map[string]string {
	t.Helper()
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("not valid JSON: %v\n%s", err, data)
	}
	out := map[string]string{}
	var walk func(v any, ptr string)
	walk = func(v any, ptr string) {
		switch v := v.(type) {
		case map[string]any:
			for k, c := range v {
				walk(c, ptr+"/"+strings.NewReplacer("~", "~0", "/", "~1").Replace(k))
			}
		case []any:
			for i, c := range v {
				walk(c, ptr+"/"+strconv.Itoa(i))
			}
		case string:
			out[ptr] = v
		}
	}
	walk(doc, "")
	return out
}

// TestCMSShapesFix: --fix on each document writes valid JSON in which the
// only strings that changed are the elements with fixes, each changed by
// exactly its fixes (the block comments, markup and every other element
// untouched); checked again, it has none of the fixed findings left.
func TestCMSShapesFix(t *testing.T) {
	fixes := map[string]map[string][][2]string{
		"ans-story.json": {
			"/subheadlines/basic":                            {{"The the blue", "The blue"}},
			"/content_elements/0/content":                    {{"after a a four", "after a four"}},
			"/content_elements/2/content":                    {{"repainted repainted", "repainted"}},
			"/content_elements/3/content":                    {{"new new", "new"}},
			"/content_elements/4/content_elements/0/content": {{"takes takes", "takes"}},
			"/content_elements/5/items/1/content":            {{"free free", "free"}},
			"/content_elements/7/content":                    {{"pier pier", "pier"}, {"<p>Sign up for our newsletter</p>", "<p></p>"}},
			"/content_elements/8/text":                       {{"the the wrong", "the wrong"}},
		},
		"wordpress-post.json": {
			"/title/raw":   {{"the the flood", "the flood"}},
			"/excerpt/raw": {{"opens opens", "opens"}},
			"/content/raw": {{"its its", "its"}, {"What what", "What"}, {"that the the roof", "that the roof"},
				{"still still", "still"}, {"one one", "one"}, {"<p>Share this article</p>", "<p></p>"}},
		},
	}
	for _, name := range cmstest.Fixtures {
		data, err := os.ReadFile(cmstest.Path(name))
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		path := writeFile(t, dir, name, string(data))
		// --fix-quoted: this test is about where fixes land in each CMS
		// shape, and one of the fixtures' slips sits inside a quotation,
		// which --fix alone leaves for the desk (TestFixLeavesQuotations).
		r := runCLI(t, dir, "", "check", "--fix", "--fix-quoted", name)
		if r.code != exitOK && r.code != exitFindings {
			t.Fatalf("%s: exit %d: %s", name, r.code, r.stderr)
		}
		fixed, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		before, after := jsonStrings(t, data), jsonStrings(t, fixed)
		for ptr, old := range before {
			want := old
			for _, rep := range fixes[name][ptr] {
				if !strings.Contains(want, rep[0]) {
					t.Fatalf("bad test: %q not in %s", rep[0], ptr)
				}
				want = strings.Replace(want, rep[0], rep[1], 1)
			}
			if after[ptr] != want {
				t.Errorf("%s %s:\n got %q\nwant %q", name, ptr, after[ptr], want)
			}
		}
		if len(after) != len(before) {
			t.Errorf("%s: %d strings after the fix, %d before", name, len(after), len(before))
		}
		// Checked again: no finding with a fix is left.
		r = runCLI(t, dir, "", "check", "--format", "json", filepath.Base(path))
		var res runner.Result
		if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || len(res.Files) != 1 {
			t.Fatalf("%s: %v\n%s", name, err, r.stdout)
		}
		for _, d := range res.Files[0].Diagnostics {
			if len(d.Suggestions) > 0 {
				t.Errorf("%s after --fix: %s at %d:%d still has a fix", name, d.Rule, d.Line, d.Column)
			}
		}
	}
}

// TestCMSBadShapesCLI: a document of a shape copydesk does not check stops
// the run with exit 2 and names the file, the line and the field.
func TestCMSBadShapesCLI(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "gallery.json", "{\n  \"_id\": \"G1\",\n  \"type\": \"gallery\",\n  \"version\": \"0.10.9\"\n}\n")
	writeFile(t, dir, "locked.json", "{\"id\": 8,\n \"title\": {\"raw\": \"T\"},\n \"content\": {\"raw\": \"Text.\", \"protected\": true}}\n")
	writeFile(t, dir, "empty-post.json", "{\"id\": 9, \"title\": {\"rendered\": \"T\"}}\n")
	for _, c := range []struct{ file, want string }{
		{"gallery.json", `gallery.json:3: the ANS document is a gallery, not a story ("type": "gallery")`},
		{"locked.json", `locked.json:3: the WordPress post is password-protected ("content.protected" is true)`},
		{"empty-post.json", `empty-post.json: the WordPress post has no "content" field`},
	} {
		r := runCLI(t, dir, "", "check", c.file)
		if r.code != exitUsage || !strings.Contains(r.stdout+r.stderr, c.want) {
			t.Errorf("%s: exit %d, want %d and %q\nstdout %s\nstderr %s", c.file, r.code, exitUsage, c.want, r.stdout, r.stderr)
		}
	}
}
