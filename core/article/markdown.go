package article

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// maxMarkdownDepth bounds the recursion over the Markdown tree; blocks
// nested deeper than this are read as if they were at this depth.
const maxMarkdownDepth = 256

var mdParser = goldmark.New().Parser()

func parseMarkdown(path string, src []byte) (*Article, error) {
	b := NewBuilder(path, FormatMarkdown, src)
	b.lineMode = lineJoin // a soft line break is only wrapping
	start := 0
	if bytes.HasPrefix(src, bom) {
		start = 3
	}
	s := &sink{b: b, base: start}
	n, titled := frontMatter(s, src[start:])
	s.base += n
	mdBlocks(s, src[start+n:], !titled)
	return b.Finish(), nil
}

// frontMatter reads a YAML front matter block ("---" lines around
// "key: value" lines, as static site generators and many CMS exports write
// them) at the start of src: its title (or headline) becomes the headline
// block, every simple key goes to Meta. It returns the bytes the block takes
// and whether it gave a headline. Nested YAML is skipped, not parsed.
func frontMatter(s *sink, src []byte) (int, bool) {
	first, rest, ok := cutLine(src, 0)
	if !ok || string(bytes.TrimRight(first, " \t")) != "---" {
		return 0, false
	}
	type field struct {
		key, value string
		at         int
	}
	var fields []field
	for off := rest; off < len(src); {
		line, next, ok := cutLine(src, off)
		t := string(bytes.TrimRight(line, " \t"))
		if t == "---" || t == "..." {
			titled := false
			for _, f := range fields {
				if (f.key == "title" || f.key == "headline") && !titled && f.value != "" {
					bs := s.startBlock(f.at)
					s.copy(f.value, f.at)
					s.b.AddBlock(Headline, f.key, bs, s.b.Len())
					titled = true
				}
				s.b.SetMeta(f.key, f.value)
			}
			return next, titled
		}
		if !ok {
			break
		}
		if k := bytes.IndexByte(line, ':'); k > 0 && line[0] != ' ' && line[0] != '\t' && line[0] != '#' && line[0] != '-' {
			key := string(bytes.TrimSpace(line[:k]))
			v := line[k+1:]
			at := off + k + 1
			// Measure the lead with TrimSpace's own notion of white
			// space (it also trims \v and \f), or at drifts.
			trimmed := bytes.TrimSpace(v)
			lead := len(v) - len(bytes.TrimLeftFunc(v, unicode.IsSpace))
			v, at = trimmed, at+lead
			if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
				v, at = v[1:len(v)-1], at+1
			}
			fields = append(fields, field{key, string(v), at})
		}
		off = next
	}
	return 0, false // no closing line: not front matter
}

// cutLine returns the line of src starting at off (without its ending), the
// offset of the next line, and whether the line had an ending.
func cutLine(src []byte, off int) ([]byte, int, bool) {
	for i := off; i < len(src); i++ {
		switch src[i] {
		case '\n':
			return src[off:i], i + 1, true
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				return src[off:i], i + 2, true
			}
			return src[off:i], i + 1, true
		}
	}
	return src[off:], len(src), false
}

// mdBlocks adds the blocks of a Markdown document. With headline set, a
// heading before any other text is the headline.
func mdBlocks(s *sink, src []byte, headline bool) {
	// CommonMark ends lines at a lone CR too; goldmark does not. Turning
	// each lone CR into LF keeps every offset and makes them agree.
	md := src
	if bytes.IndexByte(md, '\r') >= 0 {
		md = bytes.Clone(md)
		for i, c := range md {
			if c == '\r' && (i+1 == len(md) || md[i+1] != '\n') {
				md[i] = '\n'
			}
		}
	}
	md = capNesting(md)
	doc := mdParser.Parse(text.NewReader(md), parser.WithContext(parser.NewContext()))
	// Text is copied from the source as it is, not from the copy goldmark
	// parsed, so the lone CRs and capped markers read as they stand.
	r := &mdReader{s: s, src: src, content: !headline}
	r.blocks(doc, Paragraph, "p", 0)
}

// maxMarkers is the most container markers ("> ", "- ") one line may open.
// goldmark's time grows with the square of the nesting on a line (100,000
// ">" take many seconds); no article nests quotes or lists this deep.
const maxMarkers = 32

// capNesting turns the container markers of a line past maxMarkers into
// spaces, which keeps every offset. It copies md only when a line needs it.
func capNesting(md []byte) []byte {
	cloned := false
	for i := 0; i < len(md); {
		markers := 0
		j := i
		for ; j < len(md); j++ {
			c := md[j]
			if c == ' ' || c == '\t' {
				continue
			}
			if c != '>' && c != '-' && c != '+' && c != '*' {
				break
			}
			markers++
			if markers > maxMarkers {
				if !cloned {
					md, cloned = bytes.Clone(md), true
				}
				md[j] = ' '
			}
		}
		k := bytes.IndexByte(md[j:], '\n')
		if k < 0 {
			break
		}
		i = j + k + 1
	}
	return md
}

type mdReader struct {
	s       *sink
	src     []byte
	content bool // a block other than a heading has been written
	cursor  int  // source offset after the last text written
}

// blocks walks block nodes; kind and element say what paragraphs inside
// them are (list items, quotes).
func (r *mdReader) blocks(n ast.Node, kind BlockKind, element string, depth int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			k := Heading
			if !r.content && c.Parent() != nil && c.Parent().Kind() == ast.KindDocument {
				k = Headline
				r.content = true
			}
			r.inlineBlock(c, k, "h"+strconv.Itoa(c.Level))
		case *ast.Paragraph, *ast.TextBlock:
			r.content = true
			r.inlineBlock(c, kind, element)
		case *ast.List:
			r.descend(c, kind, element, depth)
		case *ast.ListItem:
			if kind == BlockQuote {
				r.descend(c, BlockQuote, "blockquote", depth)
			} else {
				r.descend(c, ListItem, "li", depth)
			}
		case *ast.Blockquote:
			r.descend(c, BlockQuote, "blockquote", depth)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			r.content = true
			r.code(c)
		case *ast.HTMLBlock, *ast.ThematicBreak, *ast.LinkReferenceDefinition:
			// not visible text: raw HTML (including the <!-- want -->
			// comments of test fixtures) and rules
		default:
			r.descend(c, kind, element, depth)
		}
	}
}

func (r *mdReader) descend(n ast.Node, kind BlockKind, element string, depth int) {
	if depth >= maxMarkdownDepth {
		// Flatten: read what lies deeper without recursing further.
		r.flat(n, kind, element)
		return
	}
	r.blocks(n, kind, element, depth+1)
}

// flat reads the text blocks under n with an explicit stack.
func (r *mdReader) flat(n ast.Node, kind BlockKind, element string) {
	stack := []ast.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
			r.inlineBlock(n, kind, element)
			continue
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			r.code(n)
			continue
		case *ast.HTMLBlock:
			continue
		}
		for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
			stack = append(stack, c)
		}
	}
}

func blockStart(n ast.Node) int {
	if l := n.Lines(); l.Len() > 0 {
		return l.At(0).Start
	}
	return n.Pos()
}

// inlineBlock writes a block of inline content.
func (r *mdReader) inlineBlock(n ast.Node, kind BlockKind, element string) {
	st := r.s.b.Len()
	sep := blockStart(n)
	if sep < 0 {
		sep = r.cursor
	}
	r.cursor = sep
	started := false
	begin := func(off int) {
		if !started {
			st = r.s.startBlock(off)
			started = true
		}
	}
	r.inline(n, begin, false)
	if started {
		// Trailing white space before the block's end is not text.
		end := r.s.b.Len()
		buf := r.s.b.Bytes()
		for end > st && isSpace(buf[end-1]) {
			end--
		}
		r.s.b.AddBlock(kind, element, st, end)
	}
}

// inline writes the text under n: markup dropped, escapes and entities
// decoded. It recurses into emphasis and links only, whose nesting is
// bounded by goldmark's delimiter handling.
func (r *mdReader) inline(n ast.Node, begin func(int), code bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			seg := c.Segment
			// Not seg.Value: that prefixes the spaces a tab expanded to
			// (Padding), which are not in the source.
			v := r.src[seg.Start:seg.Stop]
			if len(v) > 0 {
				begin(seg.Start)
				if code || c.IsRaw() {
					r.copyCode(v, seg.Start)
				} else {
					r.copyText(v, seg.Start)
				}
			}
			r.cursor = seg.Stop
			if (c.SoftLineBreak() || c.HardLineBreak()) && !code {
				begin(seg.Stop)
				r.s.insert("\n", seg.Stop)
			}
		case *ast.String:
			if len(c.Value) > 0 {
				begin(r.cursor)
				r.s.insert(string(c.Value), r.cursor)
			}
		case *ast.CodeSpan:
			r.inline(c, begin, true)
		case *ast.AutoLink:
			label := c.Label(r.src)
			at := c.Pos()
			if at < 0 || at > len(r.src) {
				at = r.cursor
			}
			if i := bytes.Index(r.src[at:], label); i >= 0 && len(label) > 0 {
				begin(at + i)
				r.s.copy(string(label), at+i)
				r.cursor = at + i + len(label)
			}
		case *ast.Image, *ast.RawHTML:
			// alt text and inline HTML are not shown as body text
		default:
			r.inline(c, begin, code)
		}
	}
}

// copyCode copies code span text; a line break inside a code span is a
// space.
func (r *mdReader) copyCode(v []byte, at int) {
	for len(v) > 0 {
		i := bytes.IndexAny(v, "\r\n")
		if i < 0 {
			r.s.copy(string(v), at)
			return
		}
		r.s.copy(string(v[:i]), at)
		r.s.insert(" ", at+i)
		n := i + 1
		if v[i] == '\r' && n < len(v) && v[n] == '\n' {
			n++
		}
		v, at = v[n:], at+n
	}
}

// copyText copies Markdown text, decoding backslash escapes (the escaped
// character is copied from where it stands) and character references.
func (r *mdReader) copyText(v []byte, at int) {
	for len(v) > 0 {
		i := bytes.IndexAny(v, "\\&")
		if i < 0 {
			r.s.copy(string(v), at)
			return
		}
		r.s.copy(string(v[:i]), at)
		v, at = v[i:], at+i
		if v[0] == '\\' {
			if len(v) > 1 && isASCIIPunct(v[1]) {
				r.s.copy(string(v[1:2]), at+1)
				v, at = v[2:], at+2
				continue
			}
			r.s.copy("\\", at)
			v, at = v[1:], at+1
			continue
		}
		n, dec := entity(v)
		if n == 0 || v[n-1] != ';' { // CommonMark needs the semicolon
			r.s.copy("&", at)
			v, at = v[1:], at+1
			continue
		}
		r.s.insert(dec, at)
		v, at = v[n:], at+n
	}
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// code writes a code block's lines as they are.
func (r *mdReader) code(n ast.Node) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	st := r.s.startBlock(lines.At(0).Start)
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		v := r.src[seg.Start:seg.Stop]
		if i == lines.Len()-1 {
			v = bytes.TrimRight(v, "\r\n")
		}
		if seg.Padding > 0 { // the rest of a tab stop, as spaces
			r.s.insert(strings.Repeat(" ", seg.Padding), seg.Start)
		}
		r.s.copy(string(v), seg.Start)
	}
	end := r.s.b.Len()
	buf := r.s.b.Bytes()
	for end > st && isSpace(buf[end-1]) {
		end--
	}
	r.s.b.AddBlock(Code, "pre", st, end)
}
