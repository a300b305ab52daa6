package contradiction

import "github.com/copydesk/copydesk/core/sdk"

// proseSentence is one sentence of running copy, read once per article and
// shared by every rule: its tokens and the keywords its patterns need.
type proseSentence struct {
	block int // index in Article.Blocks
	span  sdk.Span
	text  string
	toks  []token
	kw    keywords
}

// sentencesOf tokenizes every prose sentence of the article once; the rules
// used to tokenize each sentence three times.
var sentencesOf = &sdk.Analysis[[]proseSentence]{
	Name: "contradiction sentences",
	Run: func(a *sdk.Article, _ any) []proseSentence {
		var out []proseSentence
		for bi, b := range a.Blocks {
			if !proseBlock(b.Kind) {
				continue
			}
			for _, s := range b.Sentences {
				text := a.Slice(s.Span)
				out = append(out, proseSentence{
					block: bi,
					span:  s.Span,
					text:  text,
					toks:  tokenize(a.Text, s.Span.Start, s.Span.End),
					kw:    scanKeywords(text),
				})
			}
		}
		return out
	},
}

// keywords says which words a sentence holds among those the date and
// count patterns cannot match without, so a pattern's long alternations
// (every month, every weekday) run only over sentences that hold one. One
// pass over the sentence's letter runs, each looked up in a hashed table,
// replaces one scan per pattern.
type keywords uint8

const (
	kwWeekday keywords = 1 << iota // Monday ... Sunday, Mon ... Sun
	kwMonth                        // January ... December, Jan ... Dec, Sept
	kwSpan                         // from, between (yearSpan)
	kwBorn                         // born
	kwDigit                        // any ASCII digit
)

var keywordTable = func() map[string]keywords {
	t := map[string]keywords{"from": kwSpan, "From": kwSpan, "between": kwSpan, "Between": kwSpan, "born": kwBorn}
	for _, d := range []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"} {
		t[d] |= kwWeekday
	}
	for _, m := range []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"} {
		t[m] |= kwMonth
	}
	return t
}()

// scanKeywords finds the keywords among the maximal runs of ASCII letters in
// text. Every pattern that needs a keyword has it between non-letters
// (`\b`, `\s`, a full stop or a comma), so it is one such run.
func scanKeywords(text string) keywords {
	var kw keywords
	start := -1
	for i := 0; i <= len(text); i++ {
		c := byte(0)
		if i < len(text) {
			c = text[i]
		}
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			kw |= keywordTable[text[start:i]]
			start = -1
		}
		if c >= '0' && c <= '9' {
			kw |= kwDigit
		}
	}
	return kw
}
