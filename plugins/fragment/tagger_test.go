package fragment

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk/sdktest"
	"github.com/jdkato/prose/v2"
)

// TestTaggerAgreesWithProse tags every sentence of the clean articles, the
// dev cases and the fixtures with tagSentence and with prose's own pipeline:
// tokens and tags must be the same (repeated words included, which prose
// shows with their last occurrence's tag).
func TestTaggerAgreesWithProse(t *testing.T) {
	paths := sdktest.CleanArticles(t)
	for _, c := range sdktest.EvalCases(t) {
		paths = append(paths, c.Path)
	}
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	paths = append(paths, fixtures...)
	paths = append(paths, "") // the synthetic sentence below
	proseModel, err := prose.NewDocument("", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		t.Fatal(err)
	}
	words, differ := 0, 0
	for _, p := range paths {
		data := []byte("The dog saw the cat, and the dog ran: (\"It's a $5 U.S. deal,\" he'll say) - don't :-) see http://x.org or a@b.com... -LRB- 1999 well-known, 0 *T*-1 * -RRB- Dr. J.R. Smith")
		if p != "" {
			var err error
			if data, err = os.ReadFile(p); err != nil {
				t.Fatal(err)
			}
		}
		a, err := article.Parse(p, article.FormatText, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, blk := range a.Blocks {
			for _, s := range blk.Sentences {
				text := a.SentenceText(s)
				doc, err := prose.NewDocument(text, prose.UsingModel(proseModel.Model), prose.WithSegmentation(false), prose.WithExtraction(false))
				if err != nil {
					t.Fatal(err)
				}
				want := doc.Tokens()
				got := tagSentence(text)
				if len(got) != len(want) {
					t.Fatalf("%q: %d tokens, prose has %d", text, len(got), len(want))
				}
				for i := range want {
					words++
					if got[i].Text != want[i].Text || got[i].Tag != want[i].Tag {
						differ++
						t.Logf("%q: token %d %s/%s, prose %s/%s", text, i, got[i].Text, got[i].Tag, want[i].Text, want[i].Tag)
					}
				}
			}
		}
	}
	t.Logf("%d words, %d tagged differently", words, differ)
	if differ > 0 {
		t.Errorf("%d of %d words tagged differently from prose", differ, words)
	}
}

// A damaged model file is refused rather than read out of bounds.
func TestReadModelRejectsDamage(t *testing.T) {
	if _, err := readModel(posModelData); err != nil {
		t.Fatalf("the embedded model: %v", err)
	}
	for _, n := range []int{0, 5, 100, len(posModelData) / 3, len(posModelData) - 1} {
		if _, err := readModel(posModelData[:n]); err == nil {
			t.Errorf("a model cut to %d bytes was accepted", n)
		}
	}
}
