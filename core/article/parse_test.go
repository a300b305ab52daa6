package article

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/core/article/model"
	readability "github.com/go-shiori/go-readability"
)

// at is a place a test expects a piece of Text to map to: the 1-based source
// line, and the text on that line the piece starts at (its column is counted
// here in runes, independently of the article's map).
type at struct {
	text  string // a piece of Article.Text (its first occurrence)
	line  int
	where string // the source text on that line where it starts; text when empty
}

type parseCase struct {
	name      string
	format    Format
	src       string
	kinds     []BlockKind
	blocks    []string // block texts, when given
	sentences []string // all sentence texts, in order, when given
	at        []at
	meta      map[string]string
}

func sourceLines(src string) []string {
	src = strings.TrimPrefix(src, "\uFEFF")
	src = strings.ReplaceAll(src, "\r\n", "\n")
	src = strings.ReplaceAll(src, "\r", "\n")
	return strings.Split(src, "\n")
}

func runParseCases(t *testing.T, cases []parseCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Parse("test."+string(c.format), c.format, []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, a)
			var kinds []BlockKind
			var blocks, sentences []string
			for _, b := range a.Blocks {
				kinds = append(kinds, b.Kind)
				blocks = append(blocks, a.BlockText(b))
				for _, s := range b.Sentences {
					sentences = append(sentences, a.SentenceText(s))
				}
			}
			if c.kinds != nil && !reflect.DeepEqual(kinds, c.kinds) {
				t.Errorf("kinds = %v, want %v\ntext: %q", kinds, c.kinds, a.Text)
			}
			if c.blocks != nil && !reflect.DeepEqual(blocks, c.blocks) {
				t.Errorf("blocks = %q\nwant     %q", blocks, c.blocks)
			}
			if c.sentences != nil && !reflect.DeepEqual(sentences, c.sentences) {
				t.Errorf("sentences = %q\nwant        %q", sentences, c.sentences)
			}
			if c.meta != nil && !reflect.DeepEqual(a.Meta, c.meta) {
				t.Errorf("meta = %v, want %v", a.Meta, c.meta)
			}
			lines := sourceLines(c.src)
			for _, w := range c.at {
				i := strings.Index(a.Text, w.text)
				if i < 0 {
					t.Errorf("%q not in text %q", w.text, a.Text)
					continue
				}
				where := w.where
				if where == "" {
					where = w.text
				}
				if w.line > len(lines) {
					t.Fatalf("bad case: line %d", w.line)
				}
				col := strings.Index(lines[w.line-1], where)
				if col < 0 {
					t.Fatalf("bad case: %q not on line %d %q", where, w.line, lines[w.line-1])
				}
				want := Position{Line: w.line, Column: 1 + utf8.RuneCountInString(lines[w.line-1][:col])}
				if got := a.Position(i); got != want {
					t.Errorf("%q at %d:%d, want %d:%d", w.text, got.Line, got.Column, want.Line, want.Column)
				}
			}
		})
	}
}

// checkInvariants asserts what every parsed article promises, whatever the
// input: spans inside Text, sentences inside their block, in order and not
// overlapping, and positions on real source lines.
func checkInvariants(t testing.TB, a *Article) {
	t.Helper()
	src := strings.ReplaceAll(string(a.Source()), "\r\n", "\n")
	nlines := 1 + strings.Count(strings.ReplaceAll(src, "\r", "\n"), "\n")
	pos := func(off int) {
		p := a.Position(off)
		if p.Line < 1 || p.Column < 1 || p.Line > nlines {
			t.Fatalf("Position(%d) = %+v, source has %d lines", off, p, nlines)
		}
	}
	prevEnd := 0
	for _, b := range a.Blocks {
		if b.Span.Start < prevEnd || b.Span.End > len(a.Text) || b.Span.Start >= b.Span.End {
			t.Fatalf("block span %v bad (prev end %d, text %d)", b.Span, prevEnd, len(a.Text))
		}
		prevEnd = b.Span.End
		pos(b.Span.Start)
		pos(b.Span.End)
		sEnd := b.Span.Start
		for _, s := range b.Sentences {
			if !b.Span.Contains(s.Span) || s.Span.Start < sEnd || s.Span.Start >= s.Span.End {
				t.Fatalf("sentence %v bad in block %v (prev end %d)", s.Span, b.Span, sEnd)
			}
			sEnd = s.Span.End
			pos(s.Span.Start)
			// A sentence's end maps to the source no earlier than its start.
			if st, en := a.SourceOffset(s.Span.Start), a.SourceEndOffset(s.Span.End); en < st {
				t.Fatalf("sentence %v maps to source %d..%d", s.Span, st, en)
			}
			if p := a.SourcePosition(a.SourceEndOffset(s.Span.End)); p.Line < 1 || p.Column < 1 || p.Line > nlines {
				t.Fatalf("end of sentence %v at %+v", s.Span, p)
			}
		}
	}
	// Every piece copied from the source is what the source holds there.
	if err := model.CheckAnchors(a); err != nil {
		t.Fatal(err)
	}
	if !utf8.ValidString(a.Text) {
		t.Fatalf("text is not UTF-8: %.200q", a.Text)
	}
}

func TestParseText(t *testing.T) {
	runParseCases(t, []parseCase{{
		name:      "BOM, CRLF, multibyte and emoji",
		format:    FormatText,
		src:       "\uFEFFHeadline here\r\n\r\nCafé „Zürich” 😀 opened. It grew.\r\nÉ second line\r\n",
		kinds:     []BlockKind{Headline, Paragraph},
		sentences: []string{"Headline here", "Café „Zürich” 😀 opened.", "It grew.", "É second line"},
		at:        []at{{"Headline", 1, ""}, {"Zürich", 3, ""}, {"opened", 3, ""}, {"It grew", 3, ""}, {"second", 4, ""}},
	}, {
		name:      "lone CR",
		format:    FormatText,
		src:       "Title\r\rOne line.\rTwo line.",
		kinds:     []BlockKind{Headline, Paragraph},
		sentences: []string{"Title", "One line.", "Two line."},
		at:        []at{{"Two", 4, ""}, {"One", 3, ""}},
	}, {
		name:   "combining marks count as characters",
		format: FormatText,
		src:    "Cafe\u0301 Ame\u0301lie\n\nThe cafe\u0301 reopened. Critics cheered.",
		at:     []at{{"Ame\u0301lie", 1, ""}, {"reopened", 3, ""}, {"Critics", 3, ""}},
	}, {
		name:      "right-to-left text",
		format:    FormatText,
		src:       "عنوان الخبر\n\nقال المسؤولون إن المحادثات فشلت. ثم غادروا.\n\nאמר הדובר כי השיחות נכשלו.",
		kinds:     []BlockKind{Headline, Paragraph, Paragraph},
		sentences: []string{"عنوان الخبر", "قال المسؤولون إن المحادثات فشلت.", "ثم غادروا.", "אמר הדובר כי השיחות נכשלו."},
		at:        []at{{"ثم", 3, ""}, {"الخبر", 1, ""}, {"השיחות", 5, ""}},
	}, {
		name:      "hard-wrapped paragraph joins lines",
		format:    FormatText,
		src:       "Head\n\nThe company said on\nTuesday that profits rose. It was\nthe best year since\n1987 for the group.\n",
		sentences: []string{"Head", "The company said on\nTuesday that profits rose.", "It was\nthe best year since\n1987 for the group."},
		at:        []at{{"Tuesday", 4, ""}, {"the best", 5, ""}},
	}, {
		name:      "scraped lines stay separate",
		format:    FormatText,
		src:       "Head\n\nShare this article\nRead more\nAdvertisement\n",
		sentences: []string{"Head", "Share this article", "Read more", "Advertisement"},
	}, {
		name:      "two-line first block is a paragraph",
		format:    FormatText,
		src:       "  Indented line one.\n\tTab line two.  \n",
		kinds:     []BlockKind{Paragraph},
		sentences: []string{"Indented line one.", "Tab line two."},
		at:        []at{{"Indented", 1, ""}, {"Tab", 2, ""}},
	}})
}

func TestParseMarkdown(t *testing.T) {
	runParseCases(t, []parseCase{{
		name:   "structure and inline markup",
		format: FormatMarkdown,
		src: "# Title with *em*\n\nIntro para with [a link](http://x.example) and `code`\nwrapped here. Second sentence.\n\n" +
			"## Sub\n\n- one item\n- two\n\n> A quote.\n\n<!-- want rule \"msg\" -->\n\n    indented code\n\nAmp &amp; \\*star\\* done.\n\n```\nfenced\n```\n",
		kinds: []BlockKind{Headline, Paragraph, Heading, ListItem, ListItem, BlockQuote, Code, Paragraph, Code},
		blocks: []string{"Title with em", "Intro para with a link and code\nwrapped here. Second sentence.", "Sub",
			"one item", "two", "A quote.", "indented code", "Amp & *star* done.", "fenced"},
		sentences: []string{"Title with em", "Intro para with a link and code\nwrapped here.", "Second sentence.",
			"Sub", "one item", "two", "A quote.", "Amp & *star* done."},
		at: []at{{"Title", 1, ""}, {"em", 1, "em*"}, {"a link", 3, ""}, {"code\n", 3, "code`"}, {"wrapped", 4, ""},
			{"Second", 4, ""}, {"Sub", 6, ""}, {"two", 9, ""}, {"A quote", 11, ""}, {"indented", 15, ""},
			{"& *", 17, "&amp;"}, {"star", 17, "star"}, {"fenced", 20, ""}},
	}, {
		name:      "BOM and CRLF",
		format:    FormatMarkdown,
		src:       "\uFEFF# Head „x”\r\n\r\nBody „quote” é 😀 end.\r\nNext.\r\n",
		kinds:     []BlockKind{Headline, Paragraph},
		sentences: []string{"Head „x”", "Body „quote” é 😀 end.", "Next."},
		at:        []at{{"Head", 1, ""}, {"x”", 1, ""}, {"end", 3, ""}, {"Next", 4, ""}},
	}, {
		name:      "lone CR",
		format:    FormatMarkdown,
		src:       "# Head\r\rPara one.\rPara cont.",
		blocks:    []string{"Head", "Para one.\nPara cont."},
		at:        []at{{"cont", 4, ""}, {"Para one", 3, ""}},
		sentences: []string{"Head", "Para one.", "Para cont."},
	}, {
		name:   "front matter gives the headline and metadata",
		format: FormatMarkdown,
		src:    "---\r\ntitle: \"Talks „stall” in Geneva\"\r\nauthor: Ana Pérez\r\ntags:\r\n  - trade\r\n---\r\n# Not the headline\r\n\r\nBody text.\r\n",
		kinds:  []BlockKind{Headline, Heading, Paragraph},
		blocks: []string{"Talks „stall” in Geneva", "Not the headline", "Body text."},
		meta:   map[string]string{"title": "Talks „stall” in Geneva", "author": "Ana Pérez", "tags": ""},
		at:     []at{{"Talks", 2, ""}, {"Geneva", 2, ""}, {"Not the", 7, ""}, {"Body", 9, ""}},
	}, {
		name:   "a thematic break first is not front matter",
		format: FormatMarkdown,
		src:    "---\n\nHead line\n\nBody.",
		kinds:  []BlockKind{Paragraph, Paragraph},
	}, {
		name:   "heading after a paragraph is not the headline",
		format: FormatMarkdown,
		src:    "Lead paragraph.\n\n# Late heading\n\nSetext\n======\n",
		kinds:  []BlockKind{Paragraph, Heading, Heading},
	}, {
		name:   "setext headline, nested list, quote with list, escapes and entities",
		format: FormatMarkdown,
		src:    "Big Story\n=========\n\n1. First\n   - nested &eacute;\n\n> - quoted item\n\nTab\\\nhard break <span>inline</span> <https://example.com> ![alt](i.png).\n",
		kinds:  []BlockKind{Headline, ListItem, ListItem, BlockQuote, Paragraph},
		blocks: []string{"Big Story", "First", "nested é", "quoted item", "Tab\nhard break inline https://example.com ."},
		at:     []at{{"Big", 1, ""}, {"é", 5, "&eacute;"}, {"quoted", 7, ""}, {"hard", 10, ""}, {"https", 10, ""}, {"inline", 10, ""}},
	}})
}

func TestParseHTML(t *testing.T) {
	doc := "<!DOCTYPE html>\n<html><head><title>Site title</title><style>p{color:red}</style></head>\n<body>\n" +
		"<h1>Big &amp; Bold</h1>\n" +
		"<p>First  para\n with <a href=x>link</a> caf&eacute; „q”.<br>After break.</p>\n" +
		"<ul><li>One<li>Two &#8217;s</ul>\n" +
		"<blockquote><p>Quoted.</p></blockquote>\n" +
		"<figure><img src=a.jpg><figcaption>Cap text</figcaption></figure>\n" +
		"<nav>Home News</nav>\n" +
		"<script>var x = '<p>no</p>';</script><!-- <p>comment</p> -->\n" +
		"<pre>code\n  here</pre>\n" +
		"Loose text\n" +
		"<h2>Sub</h2><footer>© 2026</footer></body></html>"
	runParseCases(t, []parseCase{{
		name:   "document",
		format: FormatHTML,
		src:    doc,
		kinds:  []BlockKind{Headline, Paragraph, ListItem, ListItem, BlockQuote, Caption, Aside, Code, Line, Heading, Aside},
		blocks: []string{"Big & Bold", "First para with link café „q”.\nAfter break.", "One", "Two ’s", "Quoted.", "Cap text",
			"Home News", "code\n  here", "Loose text", "Sub", "© 2026"},
		sentences: []string{"Big & Bold", "First para with link café „q”.", "After break.", "One", "Two ’s", "Quoted.",
			"Cap text", "Home News", "Loose text", "Sub", "© 2026"},
		at: []at{{"Big", 4, ""}, {"& Bold", 4, "&amp;"}, {"Bold", 4, ""}, {"with", 6, ""}, {"link", 6, "link<"},
			{"café", 6, "caf&"}, {"é", 6, "&eacute;"}, {"„q”", 6, ""}, {"After", 6, ""}, {"Two", 7, ""}, {"’s", 7, "&#8217;"},
			{"Quoted", 8, ""}, {"Cap", 9, ""}, {"Home", 10, ""}, {"code", 12, ""}, {"  here", 13, ""}, {"Loose", 14, ""}, {"Sub", 15, ""}},
	}, {
		name:   "title is the headline when there is no h1",
		format: FormatHTML,
		src:    "<html><head><title>Only &amp; title</title></head>\r\n<body><p>Text one.\r\nText two.</p></body></html>",
		kinds:  []BlockKind{Headline, Paragraph},
		blocks: []string{"Only & title", "Text one. Text two."},
		at:     []at{{"Text two", 3, ""}, {"Only", 1, ""}},
	}, {
		name:   "unclosed paragraphs, aside with element, form",
		format: FormatHTML,
		src:    "<p>One<p>Two<div>Block</div><aside><p>Related</p></aside><form><label>Name</label><button>Send</button></form><header>Site</header>",
		kinds:  []BlockKind{Paragraph, Paragraph, Line, Aside, Aside, Aside, Aside},
		blocks: []string{"One", "Two", "Block", "Related", "Name", "Send", "Site"},
	}, {
		name:   "code outside running text, inline code inside it, hidden elements",
		format: FormatHTML,
		src:    "<div><code>x = 1</code></div><p>See <code>y</code> here.</p><div hidden><p>Secret</p></div><p hidden>No</p><p>Yes</p>",
		kinds:  []BlockKind{Code, Paragraph, Paragraph},
		blocks: []string{"x = 1", "See y here.", "Yes"},
	}, {
		name:   "bylines by class, rel or itemprop",
		format: FormatHTML,
		src: "<header><h1>Head</h1><p class=\"story-byline\">By <a rel=author>Ana Pérez</a></p><time>Today</time></header>" +
			"<p>By <span class=author>Lead</span> text.</p><div itemprop=author>Bo Li</div><p class=authorship>Not a byline.</p>",
		kinds:  []BlockKind{Headline, Byline, Aside, Paragraph, Byline, Paragraph},
		blocks: []string{"Head", "By Ana Pérez", "Today", "By Lead text.", "Bo Li", "Not a byline."},
	}, {
		name:   "BOM and right-to-left",
		format: FormatHTML,
		src:    "\uFEFF<p>قال المسؤولون. ثم غادروا.</p>",
		at:     []at{{"قال", 1, ""}, {"ثم", 1, ""}},
	}})
	// The Element of an aside block names its tag.
	a, err := Parse("x.html", FormatHTML, []byte("<nav>Menu</nav><footer>Foot</footer><p>Body.</p>"+
		"<table><caption>Cap</caption></table><figure><figcaption>Fig</figcaption></figure><div><code>x</code></div><pre>y</pre>"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range a.Blocks {
		got = append(got, b.Element)
	}
	if want := []string{"nav", "footer", "p", "caption", "figcaption", "code", "pre"}; !reflect.DeepEqual(got, want) {
		t.Errorf("elements = %v, want %v", got, want)
	}
	// Nested furniture names its path, outermost first, and says when it
	// sits inside an <article>: a story's fact box is not the page's sidebar.
	a, err = Parse("x.html", FormatHTML, []byte("<header><nav><a>Home</a></nav></header><div><article><header><p>Politics</p></header>"+
		"<p>Body.</p><aside><p>Fact</p></aside><footer><form><label>Reply</label></form></footer></article></div><aside>Side</aside>"))
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, b := range a.Blocks {
		got = append(got, b.Element)
	}
	if want := []string{"header>nav", "article>header", "p", "article>aside", "article>footer>form", "aside"}; !reflect.DeepEqual(got, want) {
		t.Errorf("elements = %v, want %v", got, want)
	}
}

func TestParseJSON(t *testing.T) {
	src := "{\n" +
		`  "headline": "Caf\u00e9 \"Zürich\" opens",` + "\n" +
		`  "byline": "By Ana Pérez",` + "\n" +
		`  "dateline": "PARIS, Jan. 5",` + "\n" +
		`  "id": 42, "live": true, "score": 1.5e3, "none": null,` + "\n" +
		`  "tags": [ "a", {"b": 1} ], "section": "World",` + "\n" +
		`  "body": "First para\u2019s text. More \ud83d\ude00 here.\n\nSecond \"para\".\r\nStill second \\ yes."` + "\n}"
	runParseCases(t, []parseCase{{
		name:   "text body",
		format: FormatJSON,
		src:    src,
		kinds:  []BlockKind{Headline, Byline, Dateline, Paragraph, Paragraph},
		blocks: []string{`Café "Zürich" opens`, "By Ana Pérez", "PARIS, Jan. 5", "First para’s text. More 😀 here.", "Second \"para\".\nStill second \\ yes."},
		sentences: []string{`Café "Zürich" opens`, "By Ana Pérez", "PARIS, Jan. 5", "First para’s text.", "More 😀 here.",
			"Second \"para\".", "Still second \\ yes."},
		meta: map[string]string{"id": "42", "live": "true", "score": "1.5e3", "none": "null", "tags": `["a",{"b":1}]`, "section": "World"},
		at: []at{{"Café", 2, "Caf"}, {"é", 2, `\u00e9`}, {`"Zürich`, 2, `\"Zürich`}, {"Zürich", 2, "Zürich"}, {"opens", 2, ""},
			{"Pérez", 3, ""}, {"Jan", 4, ""}, {"’s", 7, `\u2019`}, {"text", 7, ""}, {"😀", 7, `\ud83d`}, {"here", 7, ""},
			{"Second", 7, ""}, {"Still", 7, ""}, {"\\ yes", 7, `\\ yes`}, {"yes", 7, ""}},
	}, {
		name:      "HTML body by its first character",
		format:    FormatJSON,
		src:       `{"headline": "H", "body": " <h1>Sub</h1><p>One &amp; two.</p>\n<p>Three \u00e9 four.</p>"}`,
		kinds:     []BlockKind{Headline, Heading, Paragraph, Paragraph},
		sentences: []string{"H", "Sub", "One & two.", "Three é four."},
		at:        []at{{"One", 1, ""}, {"& two", 1, "&amp;"}, {"four", 1, ""}, {"é", 1, `\u00e9`}},
	}, {
		name:   "HTML body by body_format",
		format: FormatJSON,
		src:    "\uFEFF{\"body_format\": \"HTML\", \"body\": \"Lead <b>bold</b> text.<p>Next.</p>\"}",
		kinds:  []BlockKind{Line, Paragraph},
		blocks: []string{"Lead bold text.", "Next."},
		meta:   map[string]string{"body_format": "HTML"},
		at:     []at{{"bold", 1, "bold<"}, {"Lead", 1, ""}},
	}, {
		name:   "Markdown body by format",
		format: FormatJSON,
		src:    `{"headline": "H", "format": "markdown", "body": "# Not the headline\n\nSome *em* text\nwrapped.\n\n- item"}`,
		kinds:  []BlockKind{Headline, Heading, Paragraph, ListItem},
		blocks: []string{"H", "Not the headline", "Some em text\nwrapped.", "item"},
		at:     []at{{"em", 1, "em*"}, {"wrapped", 1, ""}, {"item", 1, ""}},
	}, {
		name:   "body paragraphs on their own JSON lines are mapped there",
		format: FormatJSON,
		src:    "{\"headline\":\n  \"Multi\\nline\",\n\"body\": \"one\\n\\ntwo\"}",
		blocks: []string{"Multi\nline", "one", "two"},
		at:     []at{{"line", 2, "line\""}, {"two", 3, ""}},
	}})
}

func inputError(t *testing.T, err error) *InputError {
	t.Helper()
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v (%T) is not an *InputError", err, err)
	}
	return ie
}

func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		name, src string
		format    Format
		line      int
		msg       string // in the error text
	}{
		{"empty", "", FormatText, 0, "empty"},
		{"only white space and BOM", "\uFEFF \n\t\r\n", FormatMarkdown, 0, "empty"},
		{"NUL byte", "Head\n\nBody\x00 text", FormatText, 3, "NUL"},
		{"invalid UTF-8", "Head\n\nfine\ncaf\xe9 latin-1", FormatHTML, 4, "UTF-8"},
		{"malformed JSON", "{\n  \"headline\": \"H\",\n  \"body\": \"x\" \"y\"\n}", FormatJSON, 3, "line 3, column 15"},
		{"truncated JSON", "{\"body\": \"x\"", FormatJSON, 1, "malformed JSON"},
		{"trailing garbage JSON", "{\"body\": \"x\"} x", FormatJSON, 1, "column 15"},
		{"JSON array", "[{\"body\": \"x\"}]", FormatJSON, 0, "an array, not an object"},
		{"JSON without body", "{\"headline\": \"x\"}", FormatJSON, 0, `no "body"`},
		{"JSON body not a string", "{\"body\": [\"x\"]}", FormatJSON, 0, "not a string"},
		{"unknown format", "x", Format("doc"), 0, "unknown input format"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("in", c.format, []byte(c.src))
			if err == nil {
				t.Fatal("no error")
			}
			ie := inputError(t, err)
			if ie.Line != c.line || !strings.Contains(ie.Error(), c.msg) {
				t.Errorf("got %q (line %d), want line %d and %q", ie.Error(), ie.Line, c.line, c.msg)
			}
			if ie.Hint == "" {
				t.Errorf("no hint in %q", ie.Error())
			}
		})
	}
}

func TestParseCMSIsTheJSONReader(t *testing.T) {
	a, err := ParseCMS("feed.ndjson:3", []byte(`{"headline": "H", "body": "B."}`))
	if err != nil {
		t.Fatal(err)
	}
	if a.Format != FormatJSON || len(a.Blocks) != 2 || a.Path != "feed.ndjson:3" {
		t.Errorf("got %+v", a)
	}
	if _, err := ParseCMS("x", []byte("{")); err == nil {
		t.Error("no error for malformed JSON")
	}
}

func TestHugeAndDeepInput(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	// A 10 MB single line: one block, sentences found, positions on line 3.
	const unit = "Prices rose 3.5 pct in the U.S. market. "
	n := 10 << 20 / len(unit)
	line := strings.Repeat(unit, n)
	a, err := Parse("big.txt", FormatText, []byte("Head\n\n"+line))
	if err != nil {
		t.Fatal(err)
	}
	b := a.Blocks[1]
	if len(b.Sentences) != n {
		t.Errorf("%d sentences, want %d", len(b.Sentences), n)
	}
	last := b.Sentences[len(b.Sentences)-1]
	if p := a.Position(last.Span.Start); p.Line != 3 || p.Column != 1+len(unit)*(n-1) {
		t.Errorf("last sentence at %+v", p)
	}

	// 100,000 nested elements neither blow the stack nor lose the text.
	for _, tag := range []string{"div", "blockquote", "b", "li"} {
		deep := strings.Repeat("<"+tag+">", 100000) + "deep text" + strings.Repeat("</"+tag+">", 100000) + "<p>After.</p>"
		a, err := Parse("deep.html", FormatHTML, []byte(deep))
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, a)
		if !strings.Contains(a.Text, "deep text") || !strings.Contains(a.Text, "After.") {
			t.Errorf("%s: text %.200q", tag, a.Text)
		}
		if p := a.Position(strings.Index(a.Text, "deep")); p.Column != 1+100000*(len(tag)+2) {
			t.Errorf("%s: deep text at %+v", tag, p)
		}
	}
	// Markdown nesting as deep is read too, in bounded time.
	for _, prefix := range []string{">", "- ", "> - "} {
		deep := strings.Repeat(prefix, 100000) + "deep text\n\nAfter."
		a, err := Parse("deep.md", FormatMarkdown, []byte(deep))
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, a)
		if !strings.Contains(a.Text, "deep text") || !strings.Contains(a.Text, "After.") {
			t.Errorf("%q: text %.200q", prefix, a.Text)
		}
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(small, []byte("Head\n\nBody."), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := ReadFile(small, 0)
	if err != nil || string(data) != "Head\n\nBody." {
		t.Fatalf("got %q, %v", data, err)
	}
	if _, err := ReadFile(small, 11); err != nil {
		t.Errorf("file at the limit refused: %v", err)
	}
	_, err = ReadFile(small, 10)
	if ie := inputError(t, err); !strings.Contains(ie.Error(), "--max-file-size") || !strings.Contains(ie.Error(), "10-byte") {
		t.Errorf("oversize error %q names neither the flag nor the limit", ie.Error())
	}
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, make([]byte, DefaultMaxBytes+1), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = ReadFile(big, 0)
	if ie := inputError(t, err); !strings.Contains(ie.Error(), "4 MiB") {
		t.Errorf("default limit error %q", ie.Error())
	}
	_, err = ReadFile(dir, 0)
	if ie := inputError(t, err); !strings.Contains(ie.Msg, "directory") {
		t.Errorf("directory: %q", ie.Error())
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		// Opening a FIFO for reading blocks until a writer comes; open it
		// read-write from here so the test cannot hang if ReadFile regresses.
		w, err := os.OpenFile(fifo, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		_, err = ReadFile(fifo, 0)
		if ie := inputError(t, err); !strings.Contains(ie.Msg, "named pipe") {
			t.Errorf("fifo: %q", ie.Error())
		}
	}
	if _, err := ReadFile(filepath.Join(dir, "missing"), 0); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// TestSegmentConcurrent parses articles in parallel; under -race it checks
// that the shared tokenizer is safe without a lock.
func TestSegmentConcurrent(t *testing.T) {
	const src = "Head\n\nU.S. officials said on Jan. 5 that talks failed. Gen. Smith left. Profit rose 3.5 pct. It was 1987. Fine."
	want, err := Parse("a.txt", FormatText, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan *Article)
	for i := 0; i < 8; i++ {
		go func() {
			a, _ := Parse("a.txt", FormatText, []byte(src))
			done <- a
		}()
	}
	for i := 0; i < 8; i++ {
		if a := <-done; !reflect.DeepEqual(a.Blocks, want.Blocks) {
			t.Errorf("concurrent parse gave %+v, want %+v", a.Blocks, want.Blocks)
		}
	}
}

func TestParseCMSAtNDJSONLine(t *testing.T) {
	file := []byte("{\"headline\": \"One\", \"body\": \"First.\"}\n" +
		"{\"headline\": \"Two \\u00e9\", \"body\": \"Second „x”. More.\"}\n" +
		"{\"headline\": \"Three\", \"body\": }\n")
	lines := bytes.SplitAfter(file, []byte("\n"))
	start := len(lines[0])
	a, err := ParseCMSAt("feed.ndjson", file, start, start+len(lines[1]))
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, a)
	if got := a.BlockText(a.Blocks[0]); got != "Two é" {
		t.Errorf("headline %q", got)
	}
	more := strings.Index(a.Text, "More")
	if p := a.Position(more); p.Line != 2 || p.Column != 1+utf8.RuneCountInString(string(lines[1][:bytes.Index(lines[1], []byte("More"))])) {
		t.Errorf("More at %+v", p)
	}
	start += len(lines[1])
	_, err = ParseCMSAt("feed.ndjson", file, start, start+len(lines[2]))
	if ie := inputError(t, err); ie.Line != 3 || !strings.Contains(ie.Msg, "line 3, column 31") {
		t.Errorf("error %q (line %d), want line 3 column 31", ie.Error(), ie.Line)
	}
}

func TestParseFile(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "story.md")
	if err := os.WriteFile(md, []byte("# Head\n\nBody *text*."), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := ParseFile(md, 0)
	if err != nil {
		t.Fatal(err)
	}
	if a.Format != FormatMarkdown || a.Text != "Head\n\nBody text." || a.Path != md {
		t.Errorf("got %s %q %s", a.Format, a.Text, a.Path)
	}
	if _, err := ParseFile(filepath.Join(dir, "story.docx"), 0); !strings.Contains(fmt.Sprint(err), "unknown file type") {
		t.Errorf("docx: %v", err)
	}
	if _, err := ParseFile(md, 5); !strings.Contains(fmt.Sprint(err), "--max-file-size") {
		t.Errorf("limit: %v", err)
	}
}

// A whole web page records the blocks the main-content extractor leaves
// out (MetaOffMain); a page it cannot read leaves no signal and no error.
func TestMetaOffMain(t *testing.T) {
	body := strings.Repeat("<p>Dock workers at the port returned to work on Wednesday after unions accepted a two-year pay deal, ending a strike that had stranded dozens of ships.</p>", 4)
	a, err := Parse("x.html", FormatHTML, []byte("<html><body><div class=menu><a href=/a>Ferry fares rise for the summer season</a></div><div class=story><h1>Port strike ends</h1>"+body+"</div></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	off, ok := a.Meta[MetaOffMain]
	if !ok {
		t.Fatalf("no %s in %v", MetaOffMain, a.Meta)
	}
	var dropped []string
	for _, f := range strings.Split(off, ",") {
		n, err := strconv.Atoi(f)
		if err != nil || n >= len(a.Blocks) {
			t.Fatalf("%s = %q: not block indexes", MetaOffMain, off)
		}
		dropped = append(dropped, a.BlockText(a.Blocks[n]))
	}
	if len(dropped) != 1 || dropped[0] != "Ferry fares rise for the summer season" {
		t.Errorf("blocks left out = %q, want the menu line only", dropped)
	}
	for _, src := range []string{"<html>", "<p>One line.</p>", "<<<>>><table><td><td>", "<div>" + strings.Repeat("<div>", 600)} {
		a, err := Parse("x.html", FormatHTML, []byte(src))
		if err != nil {
			t.Errorf("%q: %v", src, err)
		} else if v := a.Meta[MetaOffMain]; strings.Contains(v, "x") {
			t.Errorf("%q: %s = %q", src, MetaOffMain, v)
		}
	}
}

// MetaOffMain on a page of many blocks is the same as searching the
// extracted text block by block (markOffMain looks blocks up in one suffix
// array: a search per block was quadratic, a minute on a 4 MB page).
func TestMetaOffMainManyBlocks(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body><nav><a href=/>Home</a> <a href=/w>World</a></nav><article><h1>Council backs road plan</h1>")
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&b, "<p>The council said on Tuesday that the plan for road number %d would go ahead after years of delay and debate among residents.</p>", i)
	}
	b.WriteString("</article><aside><h2>Most read</h2><ul><li>Ferry fares rise for the summer</li><li>Harbour wall to be repaired</li></ul></aside><footer>© 2024 The Gazette</footer></body></html>")
	a, err := Parse("x.html", FormatHTML, []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	art, err := readability.FromReader(strings.NewReader(b.String()), pageURL)
	if err != nil {
		t.Fatal(err)
	}
	main := foldSpace(art.TextContent)
	var want []string
	for i, blk := range a.Blocks {
		if s := foldSpace(a.BlockText(blk)); s != "" && !strings.Contains(main, s) {
			want = append(want, strconv.Itoa(i))
		}
	}
	if got := a.Meta[MetaOffMain]; got != strings.Join(want, ",") {
		t.Errorf("%s = %q, block by block %q", MetaOffMain, got, strings.Join(want, ","))
	}
	if len(want) == 0 || len(want) > 10 {
		t.Errorf("blocks left out = %v: want the page's furniture only", want)
	}
}
