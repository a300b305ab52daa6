package article

import (
	"regexp"
	"strings"
)

// wordpress reads a WordPress REST API post or page as /wp/v2/posts/ID
// returns it:
//
//   - title.raw (context=edit), else title.rendered: the headline;
//   - _embedded.author[0].name (with ?_embed): the byline;
//   - excerpt.raw, else excerpt.rendered unless it is the excerpt WordPress
//     makes from the content's first words (autoExcerpt): a dek, read as a
//     Heading so body-sentence rules leave it alone;
//   - content.raw, else content.rendered: the body, HTML with Gutenberg
//     block comments (<!-- wp:paragraph -->), which are markup, not prose.
//     Each block's HTML is read on its own, so text never runs from one
//     block into the next; blocks that hold no prose (wpSkippedBlocks) are
//     skipped. Classic content outside blocks is split into paragraphs at
//     blank lines, as WordPress's wpautop does when it renders them;
//   - id, date (as a day: it has no time zone), date_gmt, status, link,
//     slug, type, and a "lang" string (Polylang) as Meta "language".
//
// Everything else (guid, author ids, categories, tags, featured_media,
// comment and ping status, template, meta, _links, the rest of
// _embedded) is not copy and is not read. A post without content, or a
// password-protected one, is refused with the field named.
func (r *cmsReader) wordpress(root *jsonValue) error {
	content := root.get("content")
	if content == nil {
		return r.fail(nil, `the WordPress post has no "content" field`,
			`fetch it with context=edit (content.raw) or context=view (content.rendered), and keep "content" when using _fields`)
	}
	if content.kind != '{' {
		return r.fail(content, `the WordPress post's "content" is not an object with "raw" or "rendered"`,
			`send the post as the REST API returns it: "content": {"raw": "...", "rendered": "..."}`)
	}
	if p := content.get("protected"); p != nil && p.kind == 't' && r.src[p.start] == 't' {
		return r.fail(p, `the WordPress post is password-protected ("content.protected" is true)`,
			`copydesk does not check password-protected posts: check the copy before setting the password, or remove it`)
	}
	body, bodyField := wpText(root, "content")
	if body == nil {
		return r.fail(content, `the WordPress post's "content" has neither a "raw" nor a "rendered" string`,
			`fetch the post with context=edit for content.raw, or context=view for content.rendered`)
	}

	if t, field := wpText(root, "title"); t != nil {
		value, m := r.str(t)
		r.html(t, value, m, 0, len(value), Headline, "title", Location{Field: "title", Pointer: pointer(field...)})
	}
	if name := root.path("_embedded", "author").index(0).get("name"); name.isString() {
		r.plain(name, Byline, "author", Location{Field: "_embedded", Pointer: "/_embedded/author/0/name"})
	}
	if e, field := wpText(root, "excerpt"); e != nil {
		value, m := r.str(e)
		if isRaw(field) || !autoExcerpt(plainHTML(value), plainHTML(r.scalar(body))) {
			r.html(e, value, m, 0, len(value), Heading, "excerpt", Location{Field: "excerpt", Pointer: pointer(field...)})
		}
	}
	r.gutenberg(body, isRaw(bodyField), Location{Field: "content", Pointer: pointer(bodyField...)})

	for _, key := range []string{"id", "status", "link", "slug", "type", "date_gmt"} {
		if s := r.scalar(root.get(key)); s != "" {
			r.b.SetMeta(key, s)
		}
	}
	if d := normalDate(r.scalar(root.get("date"))); d != "" {
		r.b.SetMeta("date", d)
	}
	if l := r.scalar(root.get("lang")); l != "" {
		r.b.SetMeta("language", l)
	}
	return nil
}

// wpText picks the text of a rendered field of root: "raw" when it is
// there (the edit context), else "rendered"; a plain string is taken as
// raw. It returns the string and its pointer parts.
func wpText(root *jsonValue, key string) (*jsonValue, []any) {
	v := root.get(key)
	switch {
	case v == nil:
		return nil, nil
	case v.isString():
		return v, []any{key}
	}
	for _, k := range []string{"raw", "rendered"} {
		if s := v.get(k); s.isString() {
			return s, []any{key, k}
		}
	}
	return nil, nil
}

// isRaw reports whether a field's pointer parts name its raw text.
func isRaw(parts []any) bool { return len(parts) == 1 || parts[len(parts)-1] == "raw" }

// wpBlockDelimiter matches a Gutenberg block comment: an opener
// <!-- wp:name {"attrs"} -->, a closer <!-- /wp:name --> or a void block
// <!-- wp:name /-->, as WordPress's block parser reads them.
var wpBlockDelimiter = regexp.MustCompile(`<!--\s+(/)?wp:([a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s+(?:\{[\s\S]*?\}\s+)?(/)?-->`)

// wpSkippedBlocks are blocks whose HTML is not prose: shortcodes,
// embedded media (their HTML is the URL), file downloads and buttons
// (link labels), page breaks.
var wpSkippedBlocks = map[string]bool{
	"core/shortcode": true, "core/embed": true, "core/file": true,
	"core/buttons": true, "core/button": true, "core/more": true, "core/nextpage": true,
}

// wpQuoteBlocks hold quotations: running text inside them is a BlockQuote
// even though the paragraphs nested in them are blocks of their own.
var wpQuoteBlocks = map[string]bool{"core/quote": true, "core/pullquote": true}

// wpParagraphBreak is a blank line, which separates paragraphs of classic
// content (wpautop).
var wpParagraphBreak = regexp.MustCompile(`\n[ \t]*\r?\n`)

// gutenberg reads post content: the HTML between block delimiters, one
// piece at a time, each located at its block.
func (r *cmsReader) gutenberg(v *jsonValue, raw bool, loc Location) {
	value, m := r.str(v)
	type open struct {
		name     string
		path     []int
		children int
	}
	var stack []*open
	top := 0
	matches := wpBlockDelimiter.FindAllStringSubmatchIndex(value, -1)
	blocks := len(matches) > 0
	piece := func(from, to int) {
		if strings.TrimSpace(value[from:to]) == "" {
			return
		}
		l := loc
		kind := BlockKind("")
		if blocks {
			var path []int
			name := "core/freeform"
			if len(stack) == 0 {
				path = []int{top}
				top++
			} else {
				o := stack[len(stack)-1]
				path, name = o.path, o.name
				for _, s := range stack {
					if wpSkippedBlocks[s.name] || strings.HasPrefix(s.name, "core-embed/") {
						return
					}
					if wpQuoteBlocks[s.name] {
						kind = BlockQuote
					}
				}
			}
			first := path[0]
			l.Block, l.BlockName = &first, name
			if len(path) > 1 {
				l.BlockPath = path
			}
		}
		if len(stack) > 0 || !raw || strings.Contains(value[from:to], "<pre") {
			r.html(v, value, m, from, to, kind, "blockquote", l)
			return
		}
		// Classic content: paragraphs are separated by blank lines.
		at := from
		for _, br := range wpParagraphBreak.FindAllStringIndex(value[from:to], -1) {
			if strings.TrimSpace(value[at:from+br[0]]) != "" {
				r.html(v, value, m, at, from+br[0], kind, "blockquote", l)
			}
			at = from + br[1]
		}
		if strings.TrimSpace(value[at:to]) != "" {
			r.html(v, value, m, at, to, kind, "blockquote", l)
		}
	}
	last := 0
	for _, mt := range matches {
		piece(last, mt[0])
		last = mt[1]
		closer, void := mt[2] >= 0, mt[6] >= 0
		name := value[mt[4]:mt[5]]
		if !strings.Contains(name, "/") {
			name = "core/" + name
		}
		if closer {
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].name == name {
					stack = stack[:i]
					break
				}
			}
			continue
		}
		var path []int
		if len(stack) == 0 {
			path = []int{top}
			top++
		} else {
			p := stack[len(stack)-1]
			path = append(append([]int(nil), p.path...), p.children)
			p.children++
		}
		if !void {
			stack = append(stack, &open{name: name, path: path})
		}
	}
	piece(last, len(value))
}

// autoExcerptWords is how many of an excerpt's first words must be the
// content's first words for it to be the excerpt WordPress generates
// (wp_trim_excerpt: the first 55 words and " [&hellip;]"). Checking it
// would report the opening of the body twice.
const autoExcerptWords = 8

// autoExcerpt reports whether excerpt is the content's opening words.
func autoExcerpt(excerpt, content string) bool {
	ew, cw := strings.Fields(excerpt), strings.Fields(content)
	n := min(autoExcerptWords, len(ew))
	if n == 0 || n > len(cw) {
		return false
	}
	for i := 0; i < n; i++ {
		if !strings.EqualFold(ew[i], cw[i]) {
			return false
		}
	}
	return true
}

// plainHTML is the visible text of an HTML fragment, block comments and
// markup dropped.
func plainHTML(s string) string {
	b := NewBuilder("", FormatHTML, []byte(s))
	htmlBlocks(&sink{b: b}, []byte(s), false)
	return string(b.Bytes())
}
