package fix

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article"
)

// FuzzMake throws arbitrary fixes at arbitrary text: planning never panics,
// the applied edits never overlap, valid UTF-8 stays valid, and text outside
// the edits is kept byte for byte.
func FuzzMake(f *testing.F) {
	f.Add([]byte("A.\n\nShare this\n\nB the the end.\n"), 3, 13, "", 20, 24, "x", uint8(0))
	f.Add([]byte("A.\r\n\r\nAd\r\n"), 6, 8, "", 0, 0, "\n", uint8(1))
	f.Add([]byte("<p>Share</p>\n<p>é</p>\n"), 3, 8, "", 16, 18, "&", uint8(2))
	f.Add([]byte("{\"body\":\"x y\"}"), 9, 10, "\"", 10, 11, "", uint8(3))
	f.Fuzz(func(t *testing.T, src []byte, s1, e1 int, r1 string, s2, e2 int, r2 string, fm uint8) {
		format := []article.Format{article.FormatText, article.FormatMarkdown, article.FormatHTML, article.FormatJSON}[fm%4]
		p := Make(src, format, []Fix{{Edits: []Edit{{s1, e1, r1}}}, {Edits: []Edit{{s2, e2, r2}}}, {Edits: []Edit{{s1, e1, r1}, {s2, e2, r2}}}})
		if len(p.Applied)+len(p.Skipped) != 3 {
			t.Fatalf("%d applied + %d skipped of 3 fixes", len(p.Applied), len(p.Skipped))
		}
		last := -1
		for i, e := range p.Edits {
			if e.Start < 0 || e.End > len(src) || e.Start > e.End {
				t.Fatalf("edit %+v outside the source", e)
			}
			if e.Start < last || (i > 0 && e.Start == p.Edits[i-1].Start) {
				t.Fatalf("edits overlap: %+v", p.Edits)
			}
			last = e.End
		}
		out := p.Result()
		if utf8.Valid(src) && utf8.ValidString(r1) && utf8.ValidString(r2) && !utf8.Valid(out) {
			t.Fatalf("valid UTF-8 became invalid: %q -> %q", src, out)
		}
		if len(p.Edits) == 0 && !bytes.Equal(out, src) {
			t.Fatal("no edits but the text changed")
		}
		if len(p.Edits) > 0 && !bytes.HasPrefix(out, src[:p.Edits[0].Start]) {
			t.Fatal("text before the first edit changed")
		}
		if _, err := p.Diff("x"); err != nil {
			t.Fatalf("diff: %v", err)
		}
	})
}
