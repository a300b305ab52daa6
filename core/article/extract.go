package article

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"

	readability "github.com/go-shiori/go-readability"
)

// MetaOffMain is the Meta key under which a web page's article lists, as
// comma-separated indexes into Blocks, the blocks that a maintained
// main-content extractor (go-readability, the Firefox Reader View
// algorithm) leaves out of the page's main content. It is set for whole
// HTML pages only, and only when the extractor found main content; rules
// use it as one signal of page furniture among others (strayui/off-story),
// never alone: an extractor also drops some of a story's own lines.
const MetaOffMain = "html-off-main"

// pageURL is the base URL the extractor resolves links against; copydesk
// reads no links, so any URL does.
var pageURL = &url.URL{Scheme: "https", Host: "page.invalid", Path: "/"}

// markOffMain records MetaOffMain for a whole HTML page. A block is in the
// main content when its text, white space collapsed and case folded,
// occurs in the extracted text. An extractor failure (or a panic on odd
// markup) leaves no signal, never an error: the page is still checked.
func markOffMain(a *Article, src []byte) {
	defer func() { _ = recover() }()
	art, err := readability.FromReader(bytes.NewReader(src), pageURL)
	if err != nil {
		return
	}
	main := foldSpace(art.TextContent)
	if main == "" {
		return
	}
	var off []string
	for i, b := range a.Blocks {
		if t := foldSpace(a.BlockText(b)); t != "" && !strings.Contains(main, t) {
			off = append(off, strconv.Itoa(i))
		}
	}
	if a.Meta == nil {
		a.Meta = map[string]string{}
	}
	a.Meta[MetaOffMain] = strings.Join(off, ",")
}

// foldSpace lower-cases s and collapses its white space (no-break spaces
// too) to single spaces.
func foldSpace(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "\u00a0", " "))), " ")
}
