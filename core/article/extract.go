package article

import (
	"bytes"
	"index/suffixarray"
	"net/url"
	"strconv"
	"strings"

	"github.com/copydesk/copydesk/core/article/model"
	readability "github.com/go-shiori/go-readability"
)

// MetaOffMain is the Meta key of the blocks the extractor leaves out (see
// model.MetaOffMain).
const MetaOffMain = model.MetaOffMain

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
	// One suffix array of the extracted text, not a strings.Contains per
	// block: a page of 24,000 paragraphs took a minute that way.
	idx := suffixarray.New([]byte(main))
	var off []string
	for i, b := range a.Blocks {
		if t := foldSpace(a.BlockText(b)); t != "" && len(idx.Lookup([]byte(t), 1)) == 0 {
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
