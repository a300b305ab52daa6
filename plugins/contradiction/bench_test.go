package contradiction

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/sdktest"
)

// benchArticles is how many clean wire articles one benchmark iteration
// checks: enough to mix short items and long features.
const benchArticles = 100

// BenchmarkPlugin runs every rule over the first clean English wire
// articles of ../shared (read at run time, never copied into the repo).
// One op is one article.
func BenchmarkPlugin(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(sdktest.SharedDir(b), "corpus", "clean", "en", "*.txt"))
	if len(paths) == 0 {
		b.Skip("no clean English articles in shared/corpus/clean/en")
	}
	if len(paths) > benchArticles {
		paths = paths[:benchArticles]
	}
	var arts []*article.Article
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		a, err := article.Parse(p, article.FormatText, data)
		if err != nil {
			b.Fatalf("%s: %v", p, err)
		}
		arts = append(arts, a)
	}
	s, err := sdk.NewSession(Plugin, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, failures := s.Check(arts[i%len(arts)]); len(failures) > 0 {
			b.Fatalf("rule failures: %v", failures)
		}
	}
}
