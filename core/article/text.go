package article

import "bytes"

// parseText reads plain text as a scraper or a wire service writes it: blocks
// separated by blank lines. The first block is the headline when it is a
// single line; every other block is a paragraph. Hard-wrapped lines inside a
// block are kept, so a sentence may run over several lines.
func parseText(path string, src []byte) *Article {
	b := NewBuilder(path, FormatText, src)
	start := 0
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		start = 3
	}
	type line struct {
		text   []byte
		offset int
	}
	var block []line
	first := true
	flush := func() {
		if len(block) == 0 {
			return
		}
		if b.Len() > 0 {
			b.Insert("\n\n", block[0].offset)
		}
		bs := b.Len()
		for i, l := range block {
			if i > 0 {
				b.Insert("\n", l.offset)
			}
			b.Copy(string(l.text), l.offset)
		}
		kind := Paragraph
		if first && len(block) == 1 {
			kind = Headline
		}
		first = false
		b.AddBlock(kind, "", bs, b.Len())
		block = block[:0]
	}
	newlineSplit(src[start:], func(l []byte, off int) {
		off += start
		trimmed := bytes.TrimRight(l, " \t")
		lead := len(trimmed) - len(bytes.TrimLeft(trimmed, " \t"))
		trimmed = trimmed[lead:]
		if len(trimmed) == 0 {
			flush()
			return
		}
		block = append(block, line{trimmed, off + lead})
	})
	flush()
	return b.Finish()
}
