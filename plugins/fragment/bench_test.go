package fragment

import (
	"bufio"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/sdk/sdktest"
)

// BenchmarkCheck runs every fragment rule over the clean source articles and
// reports throughput in sentences per second, the time the tagger model
// took to load, and the process's peak resident memory (VmHWM).
//
//	go test ./plugins/fragment -run '^$' -bench Check -benchtime 20x
func BenchmarkCheck(b *testing.B) {
	var arts []*article.Article
	sentences := 0
	for _, p := range sdktest.CleanArticles(b) {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		a, err := article.Parse(p, article.FormatText, data)
		if err != nil {
			b.Fatal(err)
		}
		for _, blk := range a.Blocks {
			sentences += len(blk.Sentences)
		}
		arts = append(arts, a)
	}
	s, err := sdk.NewSession(Plugin, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	tagModel()
	b.ResetTimer()
	start, cpu0 := time.Now(), cpuTime()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			// A fresh copy defeats the per-article cache, as a new
			// article from the host would.
			c := *a
			if _, fails := s.Check(&c); len(fails) > 0 {
				b.Fatal(fails)
			}
		}
	}
	elapsed, cpu := time.Since(start), cpuTime()-cpu0
	b.ReportMetric(float64(sentences*b.N)/elapsed.Seconds(), "sentences/s")
	if cpu > 0 {
		b.ReportMetric(float64(sentences*b.N)/cpu.Seconds(), "sentences/cpu-s")
	}
	b.ReportMetric(float64(ModelLoadTime().Milliseconds()), "model-load-ms")
	if kb := vmHWM(); kb > 0 {
		b.ReportMetric(float64(kb)/1024, "peak-MiB")
	}
}

// vmHWM reads the peak resident set size from /proc/self/status, in KiB,
// or 0 where there is no /proc.
func vmHWM() int {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			var kb int
			for _, r := range strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")) {
				if r < '0' || r > '9' {
					break
				}
				kb = kb*10 + int(r-'0')
			}
			return kb
		}
	}
	return 0
}

// BenchmarkModelLoad measures building the tagger model from scratch, the
// cost the first article of a run pays (or waits for, if the background
// load started by Configure has not finished).
//
//	go test ./plugins/fragment -run '^$' -bench ModelLoad -benchtime 5x
func BenchmarkModelLoad(b *testing.B) {
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		modelOnce = sync.Once{}
		if tagModel() == nil {
			b.Fatal("no model")
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}
