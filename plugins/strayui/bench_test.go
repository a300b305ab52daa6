package strayui

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/sdktest"
)

// benchInjections are what the generated articles carry, one or none each:
// known chrome, an unlisted foreign line (which wakes the identifier), a
// related link, or nothing (clean copy, the common case).
var benchInjections = []string{
	"",
	"Dodaj komentarz",
	"",
	"Přejít k obsahu webu",
	"READ\u00a0 Storm closes ports along the Adriatic coast",
	"",
	"Leave a Reply",
	"Zum Inhalt springen und weiterlesen",
	"",
	"Перейти к содержимому сайта",
}

// benchArticles builds n articles from the shared clean articles, each with
// one of benchInjections appended or set between paragraphs.
func benchArticles(tb testing.TB, n int) []*article.Article {
	tb.Helper()
	paths := sdktest.CleanArticles(tb)
	bodies := make([]string, len(paths))
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		bodies[i] = strings.TrimRight(string(data), "\n")
	}
	out := make([]*article.Article, 0, n)
	for i := 0; i < n; i++ {
		body := bodies[i%len(bodies)]
		inj := benchInjections[i%len(benchInjections)]
		text := body
		if inj != "" {
			if paras := strings.Split(body, "\n\n"); i%2 == 0 && len(paras) > 4 {
				paras = append(paras[:3], append([]string{inj}, paras[3:]...)...)
				text = strings.Join(paras, "\n\n")
			} else {
				text = body + "\n\n" + inj
			}
		}
		a, err := article.Parse(fmt.Sprintf("bench-%04d.txt", i), article.FormatText, []byte(text+"\n"))
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// BenchmarkCheck1000 checks 1,000 articles per iteration with every rule
// on, the way the plugin server does; ns/op is per 1,000 articles.
func BenchmarkCheck1000(b *testing.B) {
	arts := benchArticles(b, 1000)
	s, err := sdk.NewSession(Plugin, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	bytes := 0
	for _, a := range arts {
		bytes += len(a.Text)
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	findings := 0
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			f, _ := s.Check(a)
			findings += len(f)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(findings)/float64(b.N), "findings/op")
}

// TestPeakRSS checks 1,000 articles, identifier included, and reads the
// process's peak resident set size: the plugin must stay under 300 MiB.
func TestPeakRSS(t *testing.T) {
	if testing.Short() {
		t.Skip("checks 1,000 articles")
	}
	arts := benchArticles(t, 1000)
	s, err := sdk.NewSession(Plugin, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	findings := 0
	for _, a := range arts {
		f, fails := s.Check(a)
		if len(fails) > 0 {
			t.Fatalf("%s: %v", a.Path, fails)
		}
		findings += len(f)
	}
	// Every injected article gets at least its one finding.
	injected := 0
	for i := range arts {
		if benchInjections[i%len(benchInjections)] != "" {
			injected++
		}
	}
	if findings < injected {
		t.Errorf("%d findings on %d articles with injected chrome", findings, injected)
	}
	hwm, ok := vmHWM(t)
	if !ok {
		t.Skip("no /proc/self/status")
	}
	t.Logf("checked %d articles, %d findings; peak RSS (VmHWM) %d MiB", len(arts), findings, hwm>>10)
	if hwm>>10 >= 300 {
		t.Errorf("peak RSS %d MiB, budget 300 MiB", hwm>>10)
	}
}

// vmHWM returns the process's peak resident set size in KiB.
func vmHWM(t *testing.T) (int64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			var kb int64
			if _, err := fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), &kb); err != nil {
				t.Fatal(err)
			}
			return kb, true
		}
	}
	return 0, false
}
