package protocol

import (
	"strings"
	"testing"

	"google.golang.org/protobuf/proto"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/protocol/pb"
)

// BenchmarkServerSide is a plugin's work per article minus the socket:
// decode the request, check, encode the answer.
func BenchmarkServerSide(b *testing.B) {
	var sb strings.Builder
	var spans [][2]int
	for p := 0; p < 9; p++ {
		if p > 0 {
			sb.WriteString("\n\n")
		}
		st := sb.Len()
		sb.WriteString(strings.Repeat("The minister said on Tuesday that talks would resume next week. ", 3))
		spans = append(spans, [2]int{st, sb.Len() - 1})
	}
	text := sb.String()
	bl := article.NewBuilder("a.txt", article.FormatText, []byte(text))
	bl.Copy(text, 0)
	for _, s := range spans {
		bl.AddBlock(article.Paragraph, "p", s[0], s[1])
	}
	req, err := proto.Marshal(&pb.CheckRequest{Id: 1, Article: ArticleToWire(bl.Finish()), MaxFindings: 1000})
	if err != nil {
		b.Fatal(err)
	}
	s := newServer(testPlugin)
	b.SetBytes(int64(len(req)))
	for b.Loop() {
		var in pb.CheckRequest
		if err := proto.Unmarshal(req, &in); err != nil {
			b.Fatal(err)
		}
		if _, err := proto.Marshal(s.check(&in)); err != nil {
			b.Fatal(err)
		}
	}
}
