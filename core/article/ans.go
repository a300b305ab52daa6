package article

import (
	"fmt"
	"strings"
)

// ansDocumentTypes are the top-level ANS document types
// (github.com/washingtonpost/ans-schema); copydesk reads stories only.
var ansDocumentTypes = map[string]bool{
	"story": true, "gallery": true, "video": true, "image": true, "audio": true, "redirect": true,
}

// ans reads an Arc XP ANS story:
//
//   - headlines.basic: the headline;
//   - subheadlines.basic and description.basic: deks, read as Headings so
//     body-sentence rules leave them alone;
//   - credits.by[]: each author's byline (the public name), else name,
//     joined into one byline; references not yet resolved to an author
//     have neither and are left out;
//   - content_elements[], in order: text (Paragraph), header (Heading),
//     quote (its content_elements, as BlockQuotes, and its citation),
//     the older blockquote, list (its items, nested lists included),
//     correction (Aside, so the contradiction rules do not read the wrong
//     figure it corrects as a contradiction) and raw_html (read as HTML).
//     Their content is HTML (inline markup and entities). Every other
//     element type (image, gallery, video, oembed_response, table,
//     interstitial_link, link_list, divider, code, custom_embed,
//     element_group, reference, story...) is not running copy and is
//     skipped;
//   - _id, language and display_date as Meta "id", "language" and "date"
//     (the language-aware runner and the date rules read them), and
//     canonical_url, website_url, version.
//
// Other headline variants (web, print, mobile...), promo items, taxonomy,
// related content, story-level corrections and planning fields are not
// read. A document of another ANS type is refused with its "type" named.
// An Arc XP Draft API revision ({"id": ..., "ans": {story}}) is read as the
// story it holds, its pointers starting with /ans.
func (r *cmsReader) ans(root *jsonValue) error {
	typ := root.get("type")
	switch t := r.scalar(typ); {
	case typ == nil:
		return r.fail(nil, `the ANS document has no "type" field`, `copydesk reads ANS stories: "type": "story"`)
	case t != "story":
		return r.fail(typ, fmt.Sprintf(`the ANS document is %s, not a story ("type": %q)`, withArticle(t), t),
			`copydesk reads ANS stories; send the story, or the text as {"headline": ..., "body": ...}`)
	}
	if ce := root.get("content_elements"); ce != nil && ce.kind != '[' {
		return r.fail(ce, `the ANS story's "content_elements" is not an array`, `send the story as ANS stores it: "content_elements": [{"type": "text", "content": "..."}, ...]`)
	}

	if h := root.path("headlines", "basic"); h.isString() {
		r.ansHTML(h, Headline, "headline", Location{Field: "headlines", Pointer: "/headlines/basic"})
	}
	if s := root.path("subheadlines", "basic"); s.isString() {
		r.ansHTML(s, Heading, "subheadline", Location{Field: "subheadlines", Pointer: "/subheadlines/basic"})
	}
	if d := root.path("description", "basic"); d.isString() {
		r.ansHTML(d, Heading, "description", Location{Field: "description", Pointer: "/description/basic"})
	}
	r.ansByline(root.path("credits", "by"))
	if ce := root.get("content_elements"); ce != nil {
		for i, el := range ce.vals {
			idx := i
			loc := Location{Field: "content_elements", Index: &idx, ID: r.scalar(el.get("_id")), Type: r.scalar(el.get("type"))}
			r.ansElement(el, []any{"content_elements", i}, loc, "", 0)
		}
	}

	if id := r.scalar(root.get("_id")); id != "" {
		r.b.SetMeta("id", id)
	}
	if l := strings.TrimSpace(r.scalar(root.get("language"))); l != "" {
		r.b.SetMeta("language", l)
	}
	if d := normalDate(r.scalar(root.get("display_date"))); d != "" {
		r.b.SetMeta("date", d)
	}
	for _, key := range []string{"canonical_url", "website_url", "version"} {
		if s := r.scalar(root.get(key)); s != "" {
			r.b.SetMeta(key, s)
		}
	}
	return nil
}

func withArticle(noun string) string {
	if noun == "" {
		return "an untyped document"
	}
	if strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// ansMaxDepth bounds how deep quotes and lists nested in each other are
// followed; ANS editors nest one or two levels.
const ansMaxDepth = 16

// ansElement reads one content element. inside is the kind its running
// text takes inside a quote or a list ("" at the top level).
func (r *cmsReader) ansElement(el *jsonValue, ptr []any, loc Location, inside BlockKind, depth int) {
	if el == nil || el.kind != '{' || depth > ansMaxDepth {
		return
	}
	at := func(key string) Location {
		l := loc
		l.Pointer = pointer(append(append([]any(nil), ptr...), key)...)
		return l
	}
	textKind := func(k BlockKind) BlockKind {
		if inside != "" {
			return inside
		}
		return k
	}
	switch r.scalar(el.get("type")) {
	case "text":
		if c := el.get("content"); c.isString() {
			r.ansHTML(c, textKind(Paragraph), "text", at("content"))
		}
	case "header":
		if c := el.get("content"); c.isString() {
			elem := "header"
			if lv := r.scalar(el.get("level")); len(lv) == 1 && lv[0] >= '1' && lv[0] <= '6' {
				elem = "h" + lv
			}
			r.ansHTML(c, Heading, elem, at("content"))
		}
	case "quote":
		if ce := el.get("content_elements"); ce != nil {
			for j, sub := range ce.vals {
				r.ansElement(sub, append(append([]any(nil), ptr...), "content_elements", j), loc, BlockQuote, depth+1)
			}
		}
		if c := el.path("citation", "content"); c.isString() {
			l := loc
			l.Pointer = pointer(append(append([]any(nil), ptr...), "citation", "content")...)
			r.ansHTML(c, Caption, "citation", l)
		}
	case "blockquote":
		if c := el.get("content"); c.isString() {
			r.ansHTML(c, BlockQuote, "blockquote", at("content"))
		}
	case "list":
		if items := el.get("items"); items != nil {
			for j, it := range items.vals {
				r.ansElement(it, append(append([]any(nil), ptr...), "items", j), loc, ListItem, depth+1)
			}
		}
	case "correction":
		if c := el.get("text"); c.isString() {
			r.ansHTML(c, Aside, "correction", at("text"))
		}
	case "raw_html":
		if c := el.get("content"); c.isString() {
			value, m := r.str(c)
			l := at("content")
			r.html(c, value, m, 0, len(value), "", "", l)
		}
	}
}

// ansHTML reads an ANS string, HTML with inline markup, as blocks of kind.
func (r *cmsReader) ansHTML(v *jsonValue, kind BlockKind, element string, loc Location) {
	value, m := r.str(v)
	r.html(v, value, m, 0, len(value), kind, element, loc)
}

// ansByline joins the credited authors' names into one byline block.
func (r *cmsReader) ansByline(by *jsonValue) {
	if by == nil || by.kind != '[' {
		return
	}
	var names []*jsonValue
	var ptrs []string
	for i, a := range by.vals {
		for _, key := range []string{"byline", "name"} {
			if n := a.get(key); n.isString() && strings.TrimSpace(r.scalar(n)) != "" {
				names = append(names, n)
				ptrs = append(ptrs, pointer("credits", "by", i, key))
				break
			}
		}
	}
	start := -1
	for i, n := range names {
		value, m := r.str(n)
		lead := len(value) - len(strings.TrimLeft(value, " \t\r\n"))
		text := strings.TrimRight(value[lead:], " \t\r\n")
		s := &sink{b: r.b, m: m}
		switch {
		case i == 0:
			start = s.startBlock(lead)
		case i == len(names)-1:
			s.insert(" and ", lead)
		default:
			s.insert(", ", lead)
		}
		s.copy(text, lead)
		r.locate(n, Location{Field: "credits", Pointer: ptrs[i]})
	}
	if start >= 0 {
		r.b.AddBlock(Byline, "credits", start, r.b.Len())
	}
}
