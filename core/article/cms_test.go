package article

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// blockSummary is a block as the CMS tests compare it: kind, element and
// text, and the location of its first character.
type blockSummary struct {
	kind    BlockKind
	element string
	text    string
	pointer string
	elem    string // "_id@index", "name@block" or "-"
}

func summarize(a *Article) []blockSummary {
	var out []blockSummary
	for _, b := range a.Blocks {
		s := blockSummary{kind: b.Kind, element: b.Element, text: a.BlockText(b), pointer: "-", elem: "-"}
		if l := a.Location(b.Span.Start); l != nil {
			s.pointer = l.Pointer
			switch {
			case l.Index != nil:
				s.elem = l.ID + "@" + itoa(*l.Index)
			case l.Block != nil:
				s.elem = l.BlockName + "@" + itoa(*l.Block)
				for _, p := range l.BlockPath[min(1, len(l.BlockPath)):] {
					s.elem += "." + itoa(p)
				}
			}
		}
		out = append(out, s)
	}
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }

func parseFixture(t *testing.T, name string) *Article {
	t.Helper()
	path := filepath.Join("testdata", "cms", name)
	a, err := ParseFile(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, a)
	return a
}

func compareBlocks(t *testing.T, a *Article, want []blockSummary) {
	t.Helper()
	got := summarize(a)
	for i := 0; i < max(len(got), len(want)); i++ {
		switch {
		case i >= len(got):
			t.Errorf("missing block %d %+v", i, want[i])
		case i >= len(want):
			t.Errorf("extra block %d %+v", i, got[i])
		case got[i] != want[i]:
			t.Errorf("block %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

// TestANSStory checks what of an ANS story is read, in which order and as
// what, and what is skipped: the image's caption, the oembed's title and
// the reference credit hold defects that must never be seen.
func TestANSStory(t *testing.T) {
	a := parseFixture(t, "ans-story.json")
	const ce = "/content_elements/"
	compareBlocks(t, a, []blockSummary{
		{Headline, "headline", "Harbor ferry returns after a winter of repairs", "/headlines/basic", "-"},
		{Heading, "subheadline", "The the blue-hulled boat will sail every hour from Pier 4", "/subheadlines/basic", "-"},
		{Heading, "description", "Commuters get their crossing back after four months.", "/description/basic", "-"},
		{Byline, "credits", "Tessa Voss and Inês Barros", "/credits/by/0/byline", "-"},
		{Paragraph, "text", "The city’s only passenger ferry, the Marguerite, returned to service on Thursday after a a four-month overhaul of its engines.", ce + "0/content", "ELTEXT0OPENING@0"},
		{Paragraph, "text", `Harbor master Lena Ortiz, who was born in 1971, said the 70-year-old vessel had "never looked better" and that the crew had repainted repainted the wheelhouse.`, ce + "2/content", "ELTEXT2HISTORY@2"},
		{Heading, "h2", "A new new schedule", ce + "3/content", "ELHEAD3SCHEDULE@3"},
		{BlockQuote, "text", "“I missed it every single morning. The bus takes takes twice as long.", ce + "4/content_elements/0/content", "ELQUOTE4RIDER@4"},
		{Caption, "citation", "Rafael Quintero, a daily rider", ce + "4/citation/content", "ELQUOTE4RIDER@4"},
		{ListItem, "text", "Adults pay $3 each way.", ce + "5/items/0/content", "ELLIST5FARES@5"},
		{ListItem, "text", "Children under 12 ride free free on weekends.", ce + "5/items/1/content", "ELLIST5FARES@5"},
		{Paragraph, "p", "The pier pier reopens at 6 a.m.", ce + "7/content", "ELRAW7NEWSLETTER@7"},
		{Paragraph, "p", "Sign up for our newsletter", ce + "7/content", "ELRAW7NEWSLETTER@7"},
		{Aside, "correction", "An earlier version of this story gave the the wrong pier number.", ce + "8/text", "ELCORR8@8"},
	})
	want := map[string]string{"shape": "ans", "id": "QX7TFERRYSTORY2026", "language": "en", "date": "2026-03-05T14:30:00.000Z",
		"canonical_url": "/local/2026/03/05/harbor-ferry-returns/", "version": "0.10.9"}
	if !reflect.DeepEqual(a.Meta, want) {
		t.Errorf("meta = %v\nwant   %v", a.Meta, want)
	}
	if l := a.Location(strings.Index(a.Text, "takes takes")); l == nil || l.Type != "quote" || l.ID != "ELQUOTE4RIDER" || *l.Index != 4 || l.Shape != ShapeANS || l.Field != "content_elements" {
		t.Errorf("location in the quote = %+v", l)
	}
}

// TestWordPressPost checks what of a REST post (context=edit) is read: raw
// fields, the embedded author, each Gutenberg block on its own, the
// embed's URL and the shortcode skipped, the quote's paragraph a quote.
func TestWordPressPost(t *testing.T) {
	a := parseFixture(t, "wordpress-post.json")
	const c = "/content/raw"
	compareBlocks(t, a, []blockSummary{
		{Headline, "title", "Library reopens after the the flood", "/title/raw", "-"},
		{Byline, "author", "Priya Raman", "/_embedded/author/0/name", "-"},
		{Heading, "excerpt", "The main branch opens opens its doors again next week.", "/excerpt/raw", "-"},
		{Paragraph, "p", "The county library will reopen its its main branch on Monday, officials said.", c, "core/paragraph@0"},
		{Heading, "h2", "What what changes", c, "core/heading@1"},
		{Paragraph, "p", "Director Amara Lindqvist said the reading room had been “fully rebuilt” and that the the roof no longer leaks.", c, "core/paragraph@2"},
		{Paragraph, "p", "The branch first opened on Friday, March 3, 1974.", c, "core/paragraph@3"},
		{ListItem, "li", "Opening hours run from 9 a.m. to 8 p.m.", c, "core/list-item@5.0"},
		{ListItem, "li", "Cards issued before 2020 still still work.", c, "core/list-item@5.1"},
		{BlockQuote, "blockquote", "We kept every book dry. Not one one was lost.", c, "core/paragraph@6.0"},
		{BlockQuote, "blockquote", "Jonas Erikkson, head librarian", c, "core/quote@6"},
		{Paragraph, "p", "Share this article", c, "core/paragraph@8"},
	})
	want := map[string]string{"shape": "wordpress", "id": "4817", "date": "2026-02-16", "date_gmt": "2026-02-16T14:12:00",
		"status": "draft", "link": "https://news.example.org/?p=4817", "slug": "county-library-reopens", "type": "post"}
	if !reflect.DeepEqual(a.Meta, want) {
		t.Errorf("meta = %v\nwant   %v", a.Meta, want)
	}
}

func TestCMSShapes(t *testing.T) {
	runParseCases(t, []parseCase{{
		name:   "WordPress context=view: rendered fields, entities decoded, the generated excerpt skipped",
		format: FormatJSON,
		src: `{"id": 9, "date": "2026-01-02T08:00:00", "title": {"rendered": "Mayor&#8217;s plan"},` + "\n" +
			`"content": {"rendered": "<p>The mayor unveiled her plan for the harbor district on Friday morning.<\/p>\n<p>Work starts in May.<\/p>\n", "protected": false},` + "\n" +
			`"excerpt": {"rendered": "<p>The mayor unveiled her plan for the harbor district on Friday morning. Work starts in May. [&hellip;]<\/p>\n", "protected": false}}`,
		kinds:  []BlockKind{Headline, Paragraph, Paragraph},
		blocks: []string{"Mayor’s plan", "The mayor unveiled her plan for the harbor district on Friday morning.", "Work starts in May."},
		meta:   map[string]string{"shape": "wordpress", "id": "9", "date": "2026-01-02"},
		at:     []at{{"’s", 1, "&#8217;"}, {"Work", 2, ""}, {"Friday", 2, ""}},
	}, {
		name:   "WordPress context=view: a hand-written excerpt is read",
		format: FormatJSON,
		src:    `{"content": {"rendered": "<p>Body text here.</p>"}, "excerpt": {"rendered": "<p>A dek of its own.</p>"}}`,
		kinds:  []BlockKind{Heading, Paragraph},
		blocks: []string{"A dek of its own.", "Body text here."},
	}, {
		name:   "WordPress classic content: paragraphs at blank lines, as wpautop makes them",
		format: FormatJSON,
		src:    `{"title": {"raw": "T"}, "content": {"raw": "First paragraph with <em>emphasis</em>.\r\n\r\nSecond paragraph.\n \nThird."}}`,
		kinds:  []BlockKind{Headline, Line, Line, Line},
		blocks: []string{"T", "First paragraph with emphasis.", "Second paragraph.", "Third."},
		at:     []at{{"Second", 1, ""}, {"Third", 1, ""}},
	}, {
		name:   "ANS: nested lists, the old blockquote, escapes in HTML content",
		format: FormatJSON,
		src: "{\"type\": \"story\", \"version\": \"0.10.9\", \"content_elements\": [\n" +
			`{"type": "list", "items": [{"type": "text", "content": "Top"}, {"type": "list", "items": [{"type": "text", "content": "Inner &amp; \"deep\""}]}]},` + "\n" +
			`{"type": "blockquote", "content": "Old <b>style</b> quote."},` + "\n" +
			`{"type": "table", "rows": [[{"type": "text", "content": "Cell"}]]},` + "\n" +
			`{"type": "element_group", "content_elements": [{"type": "text", "content": "Grouped"}]}]}`,
		kinds:  []BlockKind{ListItem, ListItem, BlockQuote},
		blocks: []string{"Top", `Inner & "deep"`, "Old style quote."},
		meta:   map[string]string{"shape": "ans", "version": "0.10.9"},
		at:     []at{{"&", 2, "&amp;"}, {`"deep`, 2, `\"deep`}, {"deep", 2, `deep\"`}, {"style", 3, ""}},
	}, {
		name:   "an object with a body stays copydesk's own shape, whatever else it has",
		format: FormatJSON,
		src:    `{"headline": "H", "body": "Text.", "content": {"raw": "not read"}, "headlines": {"basic": "not read"}}`,
		kinds:  []BlockKind{Headline, Paragraph},
		blocks: []string{"H", "Text."},
	}})
}

// TestANSDraftRevision: a Draft API revision is read as the story in its
// "ans", with pointers into the revision.
func TestANSDraftRevision(t *testing.T) {
	src := "{\"id\": \"REV1\", \"document_id\": \"S1\", \"type\": \"DRAFT\",\n" +
		` "ans": {"_id": "S1", "type": "story", "version": "0.10.9", "headlines": {"basic": "Head"},` + "\n" +
		`  "content_elements": [{"_id": "E0", "type": "text", "content": "Body text."}]}}`
	a, err := Parse("rev.json", FormatJSON, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, a)
	compareBlocks(t, a, []blockSummary{
		{Headline, "headline", "Head", "/ans/headlines/basic", "-"},
		{Paragraph, "text", "Body text.", "/ans/content_elements/0/content", "E0@0"},
	})
	if a.Meta["id"] != "S1" || a.Position(strings.Index(a.Text, "Body")).Line != 3 {
		t.Errorf("meta %v, body at %+v", a.Meta, a.Position(strings.Index(a.Text, "Body")))
	}
}

func TestCMSBadShapes(t *testing.T) {
	for _, c := range []struct {
		name, src string
		line      int
		msg       string
	}{
		{"ANS gallery", "{\n  \"_id\": \"G1\",\n  \"type\": \"gallery\",\n  \"version\": \"0.10.9\",\n  \"content_elements\": []\n}", 3, `is a gallery, not a story ("type": "gallery")`},
		{"ANS video by type and version", `{"type": "video", "version": "0.10.9", "headlines": {"basic": "x"}}`, 1, "is a video, not a story"},
		{"ANS without type", "{\"headlines\": {\"basic\": \"H\"},\n \"content_elements\": []}", 0, `has no "type" field`},
		{"ANS content_elements not an array", "{\"type\": \"story\",\n \"content_elements\": {\"type\": \"text\"}}", 2, `"content_elements" is not an array`},
		{"WordPress without content", "{\"id\": 5,\n \"title\": {\"rendered\": \"T\"}}", 0, `WordPress post has no "content" field`},
		{"WordPress content not an object", "{\"title\": {\"raw\": \"T\"},\n \"content\": \"x\"}", 2, `"content" is not an object`},
		{"WordPress content without text", "{\"title\": {\"raw\": \"T\"},\n \"content\": {\"block_version\": 1, \"protected\": false}}", 2, `neither a "raw" nor a "rendered"`},
		{"WordPress password-protected", "{\"title\": {\"rendered\": \"T\"},\n \"content\": {\"rendered\": \"\",\n   \"protected\": true}}", 3, `password-protected ("content.protected" is true)`},
		{"neither shape", `{"title": "T", "text": "x"}`, 0, `no "body" field`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("story.json", FormatJSON, []byte(c.src))
			if err == nil {
				t.Fatal("no error")
			}
			ie := inputError(t, err)
			if ie.Line != c.line || !strings.Contains(ie.Error(), c.msg) || !strings.HasPrefix(ie.Error(), "story.json") || ie.Hint == "" {
				t.Errorf("got %q (line %d), want line %d and %q with a hint", ie.Error(), ie.Line, c.line, c.msg)
			}
		})
	}
}

// TestSourceRangeKeepsJSONValid: a span running from one string into the
// next (a deletion that takes the blank line after its block) ends inside
// the first, at the end of its last block; within one string it is left
// alone; a span ending after an escape takes the whole escape.
func TestSourceRangeKeepsJSONValid(t *testing.T) {
	src := `{"type": "story", "content_elements": [` +
		`{"type": "raw_html", "content": "<p>Keep.</p><p>Sign up now</p>"}, {"type": "text", "content": "Next \"one\"."}]}`
	a, err := Parse("s.json", FormatJSON, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(a.Text, "Sign")
	end := strings.Index(a.Text, "Next")
	ss, se := a.SourceRange(start, end)
	if got := src[ss:se]; got != "Sign up now" {
		t.Errorf("cross-string range = %q, want the first block's text only", got)
	}
	ss, se = a.SourceRange(strings.Index(a.Text, "Keep"), start)
	if got := src[ss:se]; got != "Keep.</p><p>" {
		t.Errorf("in-string range = %q", got)
	}
	q := strings.Index(a.Text, `"one"`)
	ss, se = a.SourceRange(q, q+1)
	if got := src[ss:se]; got != `\"` {
		t.Errorf("escape range = %q, want the whole escape", got)
	}
	// The legacy shape's fields are bounds too.
	legacy := `{"headline": "Head line", "body": "Body."}`
	b, err := Parse("l.json", FormatJSON, []byte(legacy))
	if err != nil {
		t.Fatal(err)
	}
	ss, se = b.SourceRange(0, strings.Index(b.Text, "Body"))
	if got := legacy[ss:se]; got != "Head line" {
		t.Errorf("legacy cross-field range = %q", got)
	}
	if b.Location(0) != nil {
		t.Error("the legacy shape has no CMS location")
	}
}

// TestGutenbergBlockIndexes: block indexes count as the block editor
// lists blocks: white space between blocks is none, other HTML outside
// blocks is a classic block, void blocks count, nested blocks have a path.
func TestGutenbergBlockIndexes(t *testing.T) {
	src := `{"content": {"raw": "<!-- wp:paragraph --><p>One.</p><!-- /wp:paragraph -->\n\nLoose text.\n\n` +
		`<!-- wp:spacer {\"height\":\"20px\"} /-->` +
		`<!-- wp:columns --><div><!-- wp:column --><div><!-- wp:paragraph --><p>Deep.</p><!-- /wp:paragraph --></div><!-- /wp:column --></div><!-- /wp:columns -->` +
		`<!-- wp:core-embed/youtube {\"url\":\"https://example.org/v\"} --><figure>https://example.org/v</figure><!-- /wp:core-embed/youtube -->` +
		`<!-- wp:html --><div>Raw block text.</div><!-- /wp:html -->"}}`
	a, err := Parse("p.json", FormatJSON, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, a)
	const c = "/content/raw"
	compareBlocks(t, a, []blockSummary{
		{Paragraph, "p", "One.", c, "core/paragraph@0"},
		{Line, "", "Loose text.", c, "core/freeform@1"},
		{Paragraph, "p", "Deep.", c, "core/paragraph@3.0.0"},
		{Line, "div", "Raw block text.", c, "core/html@5"},
	})
}

// TestCMSShapesAtNDJSONLine: a WordPress post or an ANS story on a line of
// a larger file is placed, and refused, at its line of the file.
func TestCMSShapesAtNDJSONLine(t *testing.T) {
	file := []byte(`{"headline": "One", "body": "First."}` + "\n" +
		`{"type": "story", "version": "0.10.9", "content_elements": [{"_id": "E", "type": "text", "content": "Body \"here\" now."}]}` + "\n" +
		`{"title": {"raw": "T"}, "content": {"raw": "x", "protected": true}}` + "\n")
	lines := bytes.SplitAfter(file, []byte("\n"))
	start := len(lines[0])
	a, err := ParseCMSAt("feed.ndjson", file, start, start+len(lines[1]))
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, a)
	now := strings.Index(a.Text, "now")
	if p := a.Position(now); p.Line != 2 || p.Column != 1+bytes.Index(lines[1], []byte("now")) {
		t.Errorf("now at %+v", p)
	}
	if l := a.Location(now); l == nil || l.ID != "E" || l.Pointer != "/content_elements/0/content" {
		t.Errorf("location %+v", l)
	}
	start += len(lines[1])
	_, err = ParseCMSAt("feed.ndjson", file, start, start+len(lines[2]))
	if ie := inputError(t, err); ie.Line != 3 || !strings.Contains(ie.Msg, "password-protected") {
		t.Errorf("error %q (line %d), want line 3", ie.Error(), ie.Line)
	}
}

// TestCharacterReferenceEnds: a span ending after a character reference
// (&quot;, even written \u0026quot; inside a JSON string) ends after the
// whole reference, so a fix replacing the character replaces it.
func TestCharacterReferenceEnds(t *testing.T) {
	for _, c := range []struct {
		format   Format
		src, ref string
	}{
		{FormatHTML, `<p>She said &quot;no&quot; twice.</p>`, "&quot;"},
		{FormatJSON, `{"type": "story", "content_elements": [{"type": "text", "content": "She said \u0026quot;no&quot; twice."}]}`, `\u0026quot;`},
	} {
		a, err := Parse("x", c.format, []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		q := strings.Index(a.Text, `"`)
		ss, se := a.SourceRange(q, q+1)
		if got := c.src[ss:se]; got != c.ref {
			t.Errorf("%s: range of the quote = %q, want %q", c.format, got, c.ref)
		}
	}
}
