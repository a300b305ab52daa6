package plugins

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
)

// FuzzBuiltinRules: no rule of any built-in plugin panics or reports a span
// outside the article, whatever the copy. A rule that panics costs its
// findings and fails the run with exit 3, so this is worth a fuzzer.
func FuzzBuiltinRules(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "*.txt"))
	more, _ := filepath.Glob(filepath.Join("*", "testdata", "*.txt"))
	for _, p := range append(seeds, more...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("Headline\n\n„Quote” said U.S. and US officials, the the talks with Washington. READ\u00a0 Other\n\nStatement by A B\n\nA Bb\n")
	sessions := make([]*sdk.Session, len(Builtin))
	for i, p := range Builtin {
		s, err := sdk.NewSession(p, nil, nil)
		if err != nil {
			f.Fatal(err)
		}
		sessions[i] = s
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, err := article.Parse("f.txt", article.FormatText, []byte(text))
		if err != nil {
			return // not text copydesk accepts: the CLI reports it as an input error
		}
		for i, s := range sessions {
			found, failures := s.Check(a)
			for _, fl := range failures {
				t.Fatalf("%s/%s panicked: %s", Builtin[i].Name, fl.Rule, fl.Error)
			}
			for _, d := range found {
				if d.Span.Start < 0 || d.Span.End > len(a.Text) || d.Span.Start > d.Span.End {
					t.Fatalf("%s/%s: span %v outside the %d-byte article", Builtin[i].Name, d.Rule, d.Span, len(a.Text))
				}
			}
		}
	})
}
