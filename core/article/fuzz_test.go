package article

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// The fuzz targets parse arbitrary input and check the invariants every
// plugin relies on (checkInvariants): no panic, spans inside Text, sentences
// inside their block, in order and not overlapping, positions on real lines.
// Input the reader refuses must be refused with an *InputError.

func fuzzParse(t *testing.T, format Format, data []byte) {
	a, err := Parse("fuzz", format, data)
	if err != nil {
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Fatalf("error %v is %T, not *InputError", err, err)
		}
		return
	}
	checkInvariants(t, a)
	if a.Format != format {
		t.Fatalf("format %q, want %q", a.Format, format)
	}
}

func FuzzParseText(f *testing.F) {
	for _, s := range []string{"Head\n\nBody. More.", "\uFEFFA\r\n\r\nB „c” 😀.\rD", " \n\t", "x\x00y", "a\xffb", "one\ntwo\nthree."} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, FormatText, data) })
}

func FuzzParseMarkdown(f *testing.F) {
	for _, s := range []string{
		"# H *e*\n\nP [l](u) `c` &amp; \\* x\nsoft.\n\n- a\n- b\n\n> q\n\n```\nc\n```\n<!-- want x -->",
		"Setext\n===\n\n1. a\n   > b\r\n\r\n<div>raw</div>\n\n<http://x> ![i](j)",
		">>>>> - - - deep", "&#0; &#x110000; &bogus; \\",
		"---\ntitle: 'T'\nx: \"y\"\n---\n# H\n\nP.", "---\r\ntitle:\r\n...\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, FormatMarkdown, data) })
}

func FuzzParseHTML(f *testing.F) {
	for _, s := range []string{
		"<html><head><title>T</title></head><body><h1>H &amp; x</h1><p>P<br>q</p><ul><li>a<li>b</ul></body></html>",
		"<p>one<p>two<aside>x</aside><pre>a\n b</pre><script>x</script>tail &copy &notin; &#x1F600;",
		"<div><div><b>unclosed", "</p></li></div>text", "<title>only</title>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, FormatHTML, data) })
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{
		`{"headline": "H\u00e9", "byline": "B", "dateline": "D", "id": 1, "body": "P one.\n\nP \"two\" \ud83d\ude00."}`,
		`{"body": "<p>x &amp; y</p>", "format": "html"}`,
		`{"body": 1}`, `[]`, `{"a":`, "\uFEFF{\"body\":\"x\\r\\ny\"}", `{"body": "\ud800 lone"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, FormatJSON, data) })
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"U.S. officials said. Gen. Smith left on Jan. 5.", "It rose 3.5 pct. Then 1987. Then",
		"\"Done.\" He left.\nNext line", "a\n\nb", "...", "1. 2. 3.",
	} {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		if !utf8.ValidString(text) {
			return
		}
		if start < 0 || start > len(text) {
			start = 0
		}
		if end < start || end > len(text) {
			end = len(text)
		}
		span := Span{Start: start, End: end}
		for _, mode := range []lineMode{lineSplit, lineJoin, lineAuto} {
			prev := start
			for _, s := range segmentLines(text, span, mode) {
				if !span.Contains(s.Span) || s.Span.Start < prev || s.Span.Start >= s.Span.End {
					t.Fatalf("mode %d: sentence %v outside %v or before %d", mode, s.Span, span, prev)
				}
				if isSpace(text[s.Span.Start]) || isSpace(text[s.Span.End-1]) {
					t.Fatalf("mode %d: sentence %q not trimmed", mode, text[s.Span.Start:s.Span.End])
				}
				prev = s.Span.End
			}
		}
	})
}
