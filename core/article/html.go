package article

import (
	"bytes"
	stdhtml "html"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxExtractBytes bounds the pages the main-content extractor reads
// (markOffMain): larger input, like nesting past maxHTMLDepth, is no web
// page a desk imports, and the extractor's DOM would cost too much.
const maxExtractBytes = 8 << 20

// maxHTMLDepth bounds the element stack: deeper nesting is still read, but
// elements past this depth no longer change the block kind.
const maxHTMLDepth = 512

func parseHTML(path string, src []byte) (*Article, error) {
	b := NewBuilder(path, FormatHTML, src)
	b.lineMode = lineSplit // white space is collapsed; only <br> and <pre> leave "\n"
	start := 0
	if bytes.HasPrefix(src, bom) {
		start = 3
	}
	deep := htmlBlocks(&sink{b: b, base: start}, src[start:], true)
	a := b.Finish()
	if !deep && len(src) <= maxExtractBytes {
		markOffMain(a, src[start:])
	}
	return a, nil
}

// skipped elements hold no visible text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Object: true, atom.Canvas: true, atom.Select: true, atom.Datalist: true,
}

// furniture elements become Aside blocks.
var furniture = map[atom.Atom]bool{
	atom.Aside: true, atom.Nav: true, atom.Footer: true, atom.Header: true, atom.Form: true,
}

// blockLevel elements start and end blocks; everything else is inline.
var blockLevel = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Figure: true, atom.Figcaption: true, atom.Caption: true,
	atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Aside: true, atom.Nav: true, atom.Footer: true, atom.Header: true, atom.Form: true,
	atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Body: true, atom.Html: true,
	atom.Pre: true, atom.Hr: true, atom.Title: true, atom.Address: true, atom.Details: true, atom.Summary: true,
	atom.Fieldset: true, atom.Legend: true, atom.Button: true, atom.Label: true, atom.Option: true,
}

// textBlock elements hold running text: a <code> inside one is inline code,
// not a code block.
var textBlock = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Td: true, atom.Th: true, atom.Caption: true,
	atom.Figcaption: true, atom.Title: true, atom.Label: true, atom.Button: true, atom.Legend: true,
	atom.Summary: true, atom.Option: true, atom.Address: true,
}

// void elements have no end tag and never go on the stack.
var void = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true,
	atom.Track: true, atom.Wbr: true, atom.Param: true,
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

type htmlReader struct {
	s        *sink
	stack    []atom.Atom
	hidden   []bool // per stacked element: it carried the hidden attribute
	byline   []bool // per stacked element: it is marked as the byline
	overflow int    // open elements not pushed because the stack was full
	deep     bool   // the stack was full at some point
	skip     int    // open skipped elements (counted, not just stacked)

	useTitle    bool // no <h1>: the <title> is the headline
	hadHeadline bool

	open     bool // a block is open
	kind     BlockKind
	element  string
	blkStart int
	pending  int  // offset of collapsed white space waiting to be written, or -1
	plain    bool // the pending white space is a single plain space
	content  bool // the open block has text
}

// htmlBlocks adds the blocks of an HTML document or fragment. A whole
// document's <title> is the headline when it has no <h1>. It reports
// whether the nesting went past maxHTMLDepth.
func htmlBlocks(s *sink, src []byte, doc bool) (deep bool) {
	// In a fragment (a CMS body) the headline is a field of its own, so
	// an <h1> there is a heading like any other.
	r := &htmlReader{s: s, pending: -1, hadHeadline: !doc}
	r.useTitle = doc && !bytes.Contains(bytes.ToLower(src), []byte("<h1"))
	z := html.NewTokenizer(bytes.NewReader(src))
	z.SetMaxBuf(0)
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		at := off
		off += len(raw)
		switch tt {
		case html.TextToken:
			if r.skip > 0 {
				continue
			}
			r.text(raw, at)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			var attrs attrFlags
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				attrs.read(key, val)
			}
			r.startTag(a, at, tt == html.SelfClosingTagToken, attrs)
		case html.EndTagToken:
			name, _ := z.TagName()
			r.endTag(atom.Lookup(name), at)
		}
	}
	r.closeBlock()
	return r.deep
}

// attrFlags is what copydesk reads from an element's attributes.
type attrFlags struct {
	hidden bool // the hidden attribute: not shown
	byline bool // class "byline" or "author", rel or itemprop "author"
}

func (f *attrFlags) read(key, val []byte) {
	switch string(key) {
	case "hidden":
		f.hidden = true
	case "class":
		for _, c := range bytes.Fields(bytes.ToLower(val)) {
			if bytes.Contains(c, []byte("byline")) || string(c) == "author" || bytes.HasSuffix(c, []byte("-author")) || bytes.HasSuffix(c, []byte("__author")) {
				f.byline = true
			}
		}
	case "rel", "itemprop":
		if string(bytes.ToLower(val)) == "author" {
			f.byline = true
		}
	}
}

func (r *htmlReader) startTag(a atom.Atom, at int, selfClosing bool, attrs attrFlags) {
	if a == atom.Br {
		if r.skip == 0 && r.open && r.content {
			r.s.insert("\n", at)
			r.pending = -1
		}
		return
	}
	if blockLevel[a] || a == atom.Hr {
		r.closeBlock()
		r.autoClose(a)
	}
	if void[a] || selfClosing {
		return
	}
	if len(r.stack) >= maxHTMLDepth {
		// Past the bound an element only counts, so its end tag pairs up;
		// it can no longer hide text (no article nests 512 deep).
		r.overflow++
		r.deep = true
		return
	}
	if attrs.hidden && r.skip == 0 {
		// An element with the hidden attribute is not shown, nor is
		// anything inside it; it counts as one skipped element.
		r.skip++
		r.push(a, true, false)
		return
	}
	if r.skipped(a) {
		r.skip++
	}
	r.push(a, false, attrs.byline)
}

// skipped reports whether an element's text is not visible: scripts, styles
// and the like, and a <title> when an <h1> gives the headline.
func (r *htmlReader) skipped(a atom.Atom) bool {
	return skipped[a] || a == atom.Title && !r.useTitle
}

// autoClose pops elements the HTML parser would close implicitly: an open
// <p> before a block, the previous <li>, <dt>, <dd>, <tr>, <td> or heading.
func (r *htmlReader) autoClose(a atom.Atom) {
	for i := len(r.stack) - 1; i >= 0; i-- {
		t := r.stack[i]
		if t == atom.P || t == a && (a == atom.Li || a == atom.Dt || a == atom.Dd || a == atom.Tr || a == atom.Td || a == atom.Th || a == atom.Option) ||
			isHeading(t) && isHeading(a) {
			r.popTo(i)
			return
		}
		if blockLevel[t] {
			return
		}
	}
}

func (r *htmlReader) push(a atom.Atom, hidden, byline bool) {
	r.stack = append(r.stack, a)
	r.hidden = append(r.hidden, hidden)
	r.byline = append(r.byline, byline)
}

func (r *htmlReader) popTo(i int) {
	for j := len(r.stack) - 1; j >= i; j-- {
		if r.hidden[j] || r.skipped(r.stack[j]) {
			r.skip--
		}
	}
	r.stack, r.hidden, r.byline = r.stack[:i], r.hidden[:i], r.byline[:i]
	if r.skip < 0 {
		r.skip = 0
	}
}

func (r *htmlReader) endTag(a atom.Atom, at int) {
	if a == atom.Br { // </br> is a <br> to browsers
		r.startTag(a, at, false, attrFlags{})
		return
	}
	if r.overflow > 0 {
		r.overflow--
		return
	}
	for i := len(r.stack) - 1; i >= 0; i-- {
		if r.stack[i] == a {
			if blockLevel[a] || r.skipped(a) {
				r.closeBlock()
			}
			r.popTo(i)
			return
		}
	}
}

// context works out the kind of block text at the current position belongs
// to.
func (r *htmlReader) context() (BlockKind, string) {
	var quote, item bool
	var caption, code atom.Atom
	var inner atom.Atom
	for i, t := range r.stack {
		if r.byline[i] {
			// Marked up as the byline: not furniture, even in a header.
			return Byline, t.String()
		}
	}
	for _, t := range r.stack {
		switch {
		case furniture[t] && t != atom.Header:
			return Aside, r.furniturePath()
		case t == atom.Pre || t == atom.Code && !textBlock[inner]:
			if code == 0 {
				code = t
			}
		case t == atom.Blockquote:
			quote = true
		case t == atom.Li || t == atom.Dd || t == atom.Dt:
			item = true
		case t == atom.Figcaption || t == atom.Caption:
			caption = t
		}
		if blockLevel[t] && t != atom.Body && t != atom.Html {
			inner = t
		}
	}
	switch {
	case code != 0:
		return Code, code.String()
	case isHeading(inner):
		if inner == atom.H1 && !r.hadHeadline {
			return Headline, "h1"
		}
		return Heading, inner.String()
	case inner == atom.Title:
		if !r.hadHeadline {
			return Headline, "title"
		}
		return Heading, "title"
	}
	for _, t := range r.stack {
		if t == atom.Header {
			return Aside, r.furniturePath()
		}
	}
	switch {
	case caption != 0:
		return Caption, caption.String()
	case quote:
		return BlockQuote, "blockquote"
	case item:
		return ListItem, "li"
	case inner == atom.P:
		return Paragraph, "p"
	}
	if inner == 0 {
		return Line, ""
	}
	return Line, inner.String()
}

// furniturePath names the place of an Aside block: the furniture elements
// open around it, outermost first, joined by ">", after "article>" when
// they sit inside an <article> ("nav", "footer>form", "article>aside"). A
// page's own sidebar and a story's fact box are both <aside>; rules tell
// them apart by the path.
func (r *htmlReader) furniturePath() string {
	var b []byte
	for _, t := range r.stack {
		switch {
		case t == atom.Article && len(b) == 0:
			b = append(b, "article"...)
		case furniture[t]:
			if len(b) > 0 {
				b = append(b, '>')
			}
			b = append(b, t.String()...)
		}
	}
	return string(b)
}

func (r *htmlReader) closeBlock() {
	if r.open && r.content {
		r.s.b.AddBlock(r.kind, r.element, r.blkStart, r.s.b.Len())
		if r.kind == Headline {
			r.hadHeadline = true
		}
	}
	r.open, r.content, r.pending = false, false, -1
}

func (r *htmlReader) text(raw []byte, at int) {
	if !r.open {
		r.kind, r.element = r.context()
		r.open = true
	}
	if r.kind == Code {
		r.code(raw, at)
		return
	}
	i := 0
	for i < len(raw) {
		if isSpace(raw[i]) {
			j := i
			for j < len(raw) && isSpace(raw[j]) {
				j++
			}
			if r.content && r.pending < 0 {
				r.pending, r.plain = at+i, j == i+1 && raw[i] == ' '
			}
			i = j
			continue
		}
		j := i
		for j < len(raw) && !isSpace(raw[j]) {
			j++
		}
		r.word(raw[i:j], at+i)
		i = j
	}
}

// word writes a run of non-space text, decoding entities.
func (r *htmlReader) word(w []byte, at int) {
	if !r.content {
		r.blkStart = r.s.startBlock(at)
		r.content = true
	} else if r.pending >= 0 {
		if r.plain {
			r.s.copy(" ", r.pending)
		} else {
			r.s.insert(" ", r.pending)
		}
	}
	r.pending = -1
	decodeEntities(r.s, w, at)
}

// code writes preformatted text as it is, line breaks kept.
func (r *htmlReader) code(raw []byte, at int) {
	if !r.content {
		t := bytes.TrimLeft(raw, " \t\r\n")
		if len(t) == 0 {
			return
		}
		at += len(raw) - len(t)
		raw = t
		r.blkStart = r.s.startBlock(at)
		r.content = true
	}
	decodeEntities(r.s, raw, at)
}

// decodeEntities copies text, inserting each character reference decoded at
// the reference's offset.
func decodeEntities(s *sink, w []byte, at int) {
	for len(w) > 0 {
		i := bytes.IndexByte(w, '&')
		if i < 0 {
			s.copy(string(w), at)
			return
		}
		s.copy(string(w[:i]), at)
		w, at = w[i:], at+i
		n, dec := entity(w)
		if n == 0 {
			s.copy("&", at)
			w, at = w[1:], at+1
			continue
		}
		s.insertDecoded(dec, at, n)
		w, at = w[n:], at+n
	}
}

// entity decodes the character reference at the start of w ("&amp;",
// "&#233;", a legacy "&copy" without semicolon), returning the bytes it takes
// and its text; n is 0 when w does not start with a reference.
func entity(w []byte) (n int, dec string) {
	end := 1
	for end < len(w) && end < 40 {
		c := w[end]
		if c == ';' {
			end++
			break
		}
		if !(c == '#' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			break
		}
		end++
	}
	cand := string(w[:end])
	full := stdhtml.UnescapeString(cand)
	if full == cand {
		return 0, ""
	}
	// The decoder took the longest reference it knows; find how much of
	// cand that was.
	for k := len(cand); k > 1; k-- {
		d := stdhtml.UnescapeString(cand[:k])
		if d != cand[:k] && d+cand[k:] == full {
			return k, d
		}
	}
	return 0, ""
}
