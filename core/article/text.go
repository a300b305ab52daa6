package article

import "bytes"

// parseText reads plain text as a scraper or a wire service writes it: blocks
// separated by blank lines. The first block is the headline when it is a
// single line; every other block is a paragraph. Hard-wrapped lines inside a
// block are kept as "\n"; segmentation decides whether a sentence runs on
// across them (see wrappedBreak).
func parseText(path string, src []byte) *Article {
	b := NewBuilder(path, FormatText, src)
	b.lineMode = lineAuto
	start := 0
	if bytes.HasPrefix(src, bom) {
		start = 3
	}
	textBlocks(&sink{b: b, base: start}, src[start:], true)
	return b.Finish()
}

var bom = []byte("\xEF\xBB\xBF")

// textBlocks adds the blank-line separated blocks of src. With headline set,
// a first block of one line is the headline.
func textBlocks(s *sink, src []byte, headline bool) {
	type line struct {
		text   []byte
		offset int
	}
	var block []line
	first := headline
	flush := func() {
		if len(block) == 0 {
			return
		}
		bs := s.startBlock(block[0].offset)
		for i, l := range block {
			if i > 0 {
				s.insert("\n", l.offset)
			}
			s.copy(string(l.text), l.offset)
		}
		kind := Paragraph
		if first && len(block) == 1 {
			kind = Headline
		}
		first = false
		s.b.AddBlock(kind, "", bs, s.b.Len())
		block = block[:0]
	}
	newlineSplit(src, func(l []byte, off int) {
		trimmed := bytes.TrimRight(l, " \t\f\v")
		lead := len(trimmed) - len(bytes.TrimLeft(trimmed, " \t\f\v"))
		trimmed = trimmed[lead:]
		if len(trimmed) == 0 {
			flush()
			return
		}
		block = append(block, line{trimmed, off + lead})
	})
	flush()
}
