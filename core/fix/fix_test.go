package fix

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/runner"
)

// at returns the byte range of the n-th (0-based) occurrence of sub in src.
func at(t *testing.T, src, sub string, n int) (int, int) {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(src[off:], sub)
		if j < 0 {
			t.Fatalf("%q not found %d times in %q", sub, n+1, src)
		}
		if i == n {
			return off + j, off + j + len(sub)
		}
		off += j + len(sub)
	}
}

func TestMake(t *testing.T) {
	type sugg struct {
		sub  string // the text the suggestion replaces (its first occurrence, or n-th below)
		n    int
		repl string
	}
	type fixSpec []sugg
	tests := []struct {
		name    string
		format  article.Format
		src     string
		fixes   []fixSpec
		want    string
		applied int
		skipped []string // reasons, in order
	}{
		{name: "replacement", src: "The the council met.\n",
			fixes: []fixSpec{{{"The the", 0, "The"}}}, want: "The council met.\n", applied: 1},
		{name: "deletion inside a line stays inside it", src: "The council met met on Tuesday.\n",
			fixes: []fixSpec{{{" met", 1, ""}}}, want: "The council met on Tuesday.\n", applied: 1},
		{name: "overlap: the first by position wins",
			src:     "The council approved the the budget.\n",
			fixes:   []fixSpec{{{"the the", 0, "the"}}, {{"approved the", 0, "passed the"}}},
			want:    "The council passed the the budget.\n",
			applied: 1, skipped: []string{"overlaps an earlier fix at line 1"}},
		{name: "adjacent edits do not overlap", src: "ab",
			fixes: []fixSpec{{{"a", 0, "A"}}, {{"b", 0, "B"}}}, want: "AB", applied: 2},
		{name: "two insertions at one point conflict", src: "ab",
			fixes:   []fixSpec{{{"", 0, "x"}}, {{"", 0, "y"}}},
			want:    "xab",
			applied: 1, skipped: []string{"overlaps an earlier fix at line 1"}},
		{name: "a fix's edits go together or not at all",
			src:     "He said 'yes' and 'no'.\n",
			fixes:   []fixSpec{{{"'", 0, "‘"}, {"'", 1, "’"}}, {{"'", 1, "\""}, {"'", 2, "\""}}},
			want:    "He said ‘yes’ and 'no'.\n",
			applied: 1, skipped: []string{"overlaps an earlier fix at line 1"}},
		{name: "identical suggestions from two rules are both applied once", src: "colour colour\n",
			fixes: []fixSpec{{{" colour", 0, ""}}, {{" colour", 0, ""}}}, want: "colour\n", applied: 2},
		{name: "a no-op is already applied", src: "fine\n",
			fixes: []fixSpec{{{"fine", 0, "fine"}}}, want: "fine\n", skipped: []string{"already applied"}},
		{name: "multi-byte text around and in edits",
			src:     "Café “naïve” résumé — 東京 東京 🙂\n",
			fixes:   []fixSpec{{{" 東京", 1, ""}}, {{"“naïve”", 0, "‘naïve’"}}, {{"🙂", 0, "☺"}}},
			want:    "Café ‘naïve’ résumé — 東京 ☺\n",
			applied: 3},
		{name: "whole-line deletion takes its line break", src: "Headline\nShare this\nBody.\n",
			fixes: []fixSpec{{{"Share this", 0, ""}}}, want: "Headline\nBody.\n", applied: 1},
		{name: "a paragraph between blank lines leaves one blank line",
			src:   "First para.\n\nRead more: other story\n\nSecond para.\n",
			fixes: []fixSpec{{{"Read more: other story", 0, ""}}}, want: "First para.\n\nSecond para.\n", applied: 1},
		{name: "two adjacent paragraphs deleted",
			src:     "A.\n\nShare\n\nTweet\n\nB.\n",
			fixes:   []fixSpec{{{"Share", 0, ""}}, {{"Tweet", 0, ""}}},
			want:    "A.\n\nB.\n",
			applied: 2},
		{name: "a multi-line paragraph", src: "A.\n\nSign up for\nour newsletter\n\nB.\n",
			fixes: []fixSpec{{{"Sign up for\nour newsletter", 0, ""}}}, want: "A.\n\nB.\n", applied: 1},
		{name: "last paragraph removes the blank line before it",
			src:   "Body.\n\nComments (12)\n",
			fixes: []fixSpec{{{"Comments (12)", 0, ""}}}, want: "Body.\n", applied: 1},
		{name: "last paragraph without a final newline",
			src:   "Body.\n\nComments (12)",
			fixes: []fixSpec{{{"Comments (12)", 0, ""}}}, want: "Body.\n", applied: 1},
		{name: "first paragraph", src: "Advertisement\n\nBody.\n",
			fixes: []fixSpec{{{"Advertisement", 0, ""}}}, want: "Body.\n", applied: 1},
		{name: "a deletion that ends with its line break",
			src:   "A\nShare\nB\n",
			fixes: []fixSpec{{{"Share\n", 0, ""}}}, want: "A\nB\n", applied: 1},
		{name: "a deletion ending inside CRLF takes the LF too",
			src:   "A\r\nShare\r\nB\r\n",
			fixes: []fixSpec{{{"Share\r", 0, ""}}}, want: "A\r\nB\r\n", applied: 1},
		{name: "touching deletions are joined: a block and the last line",
			src:     "Body.\n\nLeave a comment\n\nYour address will not be published. *\n",
			fixes:   []fixSpec{{{"Leave a comment\n\n", 0, ""}}, {{"Your address will not be published. *", 0, ""}}},
			want:    "Body.\n",
			applied: 2},
		{name: "widening stops at a neighbouring edit",
			src:     "A\nShare\nB\n",
			fixes:   []fixSpec{{{"Share", 0, ""}}, {{"\n", 1, " "}}},
			want:    "A\n B\n",
			applied: 2},
		{name: "indented line", src: "A\n   Share  \nB\n",
			fixes: []fixSpec{{{"Share", 0, ""}}}, want: "A\nB\n", applied: 1},
		{name: "CRLF: line break removed whole", src: "A.\r\n\r\nShare this\r\n\r\nB.\r\n",
			fixes: []fixSpec{{{"Share this", 0, ""}}}, want: "A.\r\n\r\nB.\r\n", applied: 1},
		{name: "CRLF: newlines in a replacement follow the file", src: "A.\r\nB.\r\n",
			fixes: []fixSpec{{{"A.", 0, "A.\n\nA2."}}}, want: "A.\r\n\r\nA2.\r\nB.\r\n", applied: 1},
		{name: "CRLF: deletion inside a line", src: "the the end\r\n",
			fixes: []fixSpec{{{" the", 0, ""}}}, want: "the end\r\n", applied: 1},
		{name: "byte-order mark stays", src: "\xEF\xBB\xBFShare\n\nBody.\n",
			fixes: []fixSpec{{{"Share", 0, ""}}}, want: "\xEF\xBB\xBFBody.\n", applied: 1},
		{name: "HTML: the element goes with its text", format: article.FormatHTML,
			src:   "<p>Body.</p>\n<p class=\"x\"><a href=\"/s\">Share</a></p>\n<p>More.</p>\n",
			fixes: []fixSpec{{{"Share", 0, ""}}}, want: "<p>Body.</p>\n<p>More.</p>\n", applied: 1},
		{name: "HTML: a table cell is emptied, not removed", format: article.FormatHTML,
			src:   "<tr><td>Share</td><td>5</td></tr>\n",
			fixes: []fixSpec{{{"Share", 0, ""}}}, want: "<tr><td></td><td>5</td></tr>\n", applied: 1},
		{name: "HTML: part of an element's text stays a text deletion", format: article.FormatHTML,
			src:   "<p>the the end</p>\n",
			fixes: []fixSpec{{{" the", 0, ""}}}, want: "<p>the end</p>\n", applied: 1},
		{name: "HTML: replacements are escaped", format: article.FormatHTML,
			src:   "<p>Smith and Jones</p>\n",
			fixes: []fixSpec{{{"and", 0, "&"}}}, want: "<p>Smith &amp; Jones</p>\n", applied: 1},
		{name: "JSON: replacements are escaped, deletions never widened", format: article.FormatJSON,
			src:   "{\"body\": \"He said 'hi'.\"}\n",
			fixes: []fixSpec{{{"'", 0, "\""}, {"'", 1, "\""}}}, want: "{\"body\": \"He said \\\"hi\\\".\"}\n", applied: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			format := tt.format
			if format == "" {
				format = article.FormatText
			}
			var fixes []Fix
			for _, fs := range tt.fixes {
				var f Fix
				for _, s := range fs {
					st, en := at(t, tt.src, s.sub, s.n)
					if s.sub == "" {
						st, en = 0, 0
					}
					f.Edits = append(f.Edits, Edit{Start: st, End: en, New: s.repl})
				}
				fixes = append(fixes, f)
			}
			p := Make([]byte(tt.src), format, fixes)
			if got := string(p.Result()); got != tt.want {
				t.Errorf("result\n got %q\nwant %q", got, tt.want)
			}
			if len(p.Applied) != tt.applied {
				t.Errorf("applied %d fixes, want %d", len(p.Applied), tt.applied)
			}
			var reasons []string
			for _, s := range p.Skipped {
				reasons = append(reasons, s.Reason)
			}
			if strings.Join(reasons, "|") != strings.Join(tt.skipped, "|") {
				t.Errorf("skipped %q, want %q", reasons, tt.skipped)
			}
		})
	}
}

func TestMakeRejectsInvalidRanges(t *testing.T) {
	src := []byte("Café au lait\n")
	for _, tt := range []struct {
		name string
		e    Edit
		want string
	}{
		{"past the end", Edit{Start: 5, End: 99}, "outside the file"},
		{"reversed", Edit{Start: 5, End: 2}, "outside the file"},
		{"negative", Edit{Start: -1, End: 2}, "outside the file"},
		{"inside a character", Edit{Start: 4, End: 5, New: "e"}, "cuts a character"},
	} {
		p := Make(src, article.FormatText, []Fix{{Edits: []Edit{tt.e}}, {Edits: []Edit{{Start: 0, End: 1, New: "K"}}}})
		if len(p.Skipped) != 1 || !strings.Contains(p.Skipped[0].Reason, tt.want) {
			t.Errorf("%s: skipped %+v, want one skip saying %q", tt.name, p.Skipped, tt.want)
		}
		if got := string(p.Result()); got != "Kafé au lait\n" {
			t.Errorf("%s: the valid fix should still apply, got %q", tt.name, got)
		}
	}
	p := Make(src, article.FormatText, []Fix{{Edits: []Edit{{Start: 0, End: 3, New: "x"}, {Start: 1, End: 5, New: "y"}}}})
	if len(p.Applied) != 0 || p.Changed() || !strings.Contains(p.Skipped[0].Reason, "own suggestions overlap") {
		t.Errorf("a fix whose own edits overlap must be skipped: %+v", p)
	}
}

func TestFromDiagnostics(t *testing.T) {
	ds := []runner.Diagnostic{
		{Rule: "a/no-fix", Line: 1, Offset: 0, EndOffset: 3},
		{Rule: "b/fix", Line: 2, Message: "m", Suggestions: []runner.Suggestion{{Offset: 4, EndOffset: 7, Replacement: "x"}, {Offset: 9, EndOffset: 9, Replacement: "y"}}},
	}
	fs := FromDiagnostics(ds)
	if len(fs) != 1 || fs[0].Rule != "b/fix" || len(fs[0].Edits) != 2 || fs[0].Edits[1] != (Edit{Start: 9, End: 9, New: "y"}) {
		t.Fatalf("FromDiagnostics = %+v", fs)
	}
}

func TestDiff(t *testing.T) {
	src := "one\ntwo the the\nthree\nfour\nfive\nsix\nseven\n"
	s, e := at(t, src, " the", 1)
	p := Make([]byte(src), article.FormatText, []Fix{{Edits: []Edit{{Start: s, End: e}}}})
	d, err := p.Diff("story.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := "--- story.txt\n+++ story.txt\n@@ -1,5 +1,5 @@\n one\n-two the the\n+two the\n three\n four\n five\n"
	if d != want {
		t.Errorf("diff\n%s\nwant\n%s", d, want)
	}
	if d, _ := Make([]byte(src), article.FormatText, nil).Diff("x"); d != "" {
		t.Errorf("no change must give an empty diff, got %q", d)
	}
}

// TestDiffHTMLKeepsUnchangedLines: an edit inside one line next to a deleted
// paragraph shows only the changed and deleted lines, never an unchanged
// paragraph removed and added back; the last line keeps its line break.
func TestDiffHTMLKeepsUnchangedLines(t *testing.T) {
	src := "<html><body>\n<h1>Harbour board backs cafe expansion</h1>\n<p>The board approved the the expansion on Thursday.</p>\n<p>Share this article</p>\n<p>Board chair Olu Adeyemi said the plan was a modest step.</p>\n<p>Read more: Ferry timetable changes</p>\n<p>Members voted five to two in favour.</p>\n</body></html>\n"
	at := func(s string) Edit {
		i := strings.Index(src, s)
		return Edit{Start: i, End: i + len(s)}
	}
	p := Make([]byte(src), article.FormatHTML, []Fix{
		{Rule: "r/doubled", Edits: []Edit{at("the ")}},
		// As strayui suggests them: from the text to the next paragraph's.
		{Rule: "r/share", Edits: []Edit{at("Share this article</p>\n<p>")}},
		{Rule: "r/more", Edits: []Edit{at("Read more: Ferry timetable changes</p>\n<p>")}},
	})
	d, err := p.Diff("s.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, unchanged := range []string{"Board chair", "Members voted"} {
		for _, l := range strings.Split(d, "\n") {
			if strings.Contains(l, unchanged) && !strings.HasPrefix(l, " ") {
				t.Errorf("unchanged line shown as changed: %q in\n%s", l, d)
			}
		}
	}
	for _, want := range []string{"-<p>Share this article</p>\n", "-<p>Read more: Ferry timetable changes</p>\n", "+<p>The board approved the expansion on Thursday.</p>\n"} {
		if !strings.Contains(d, want) {
			t.Errorf("diff lacks %q:\n%s", want, d)
		}
	}
	one := "<p>The board approved the the expansion.</p><p>Share this article</p>\n"
	p = Make([]byte(one), article.FormatHTML, []Fix{{Rule: "r/doubled", Edits: []Edit{{Start: strings.Index(one, "the "), End: strings.Index(one, "the ") + 4}}}})
	if d, _ := p.Diff("t.html"); !strings.HasSuffix(d, "</p>\n") || strings.Contains(d, "No newline") {
		t.Errorf("a file ending in a line break: the diff's last line must end with one:\n%q", d)
	}
}
