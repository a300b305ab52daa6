package host

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/copydesk/copydesk/core/article"
)

// benchArticles generates n news-length articles (a headline and eight
// paragraphs, about 3 KB) with a couple of words the test plugin flags.
func benchArticles(n int) []*article.Article {
	words := strings.Fields(`the minister said on tuesday that talks with officials in the capital
		would resume next week after a trade dispute over tariffs and quotas had stalled
		negotiations between the two governments for most of the year while exporters
		of steel grain and machinery waited for a decision from the courts of appeal in
		three provinces where farmers protested against rising costs of fuel and feed
		banana`)
	rng := rand.New(rand.NewSource(1))
	sentence := func() string {
		k := 12 + rng.Intn(14)
		ws := make([]string, k)
		for i := range ws {
			ws[i] = words[rng.Intn(len(words))]
		}
		s := strings.Join(ws, " ")
		return strings.ToUpper(s[:1]) + s[1:] + "."
	}
	out := make([]*article.Article, n)
	for i := range out {
		var sb strings.Builder
		var blocks [][2]int
		add := func(s string) {
			if sb.Len() > 0 {
				sb.WriteString("\n\n")
			}
			blocks = append(blocks, [2]int{sb.Len(), sb.Len() + len(s)})
			sb.WriteString(s)
		}
		add(sentence())
		for p := 0; p < 8; p++ {
			add(sentence() + " " + sentence() + " " + sentence())
		}
		text := sb.String()
		b := article.NewBuilder(fmt.Sprintf("bench-%d.txt", i), article.FormatText, []byte(text))
		b.Copy(text, 0)
		for j, bl := range blocks {
			kind := article.Paragraph
			if j == 0 {
				kind = article.Headline
			}
			b.AddBlock(kind, "", bl[0], bl[1])
		}
		out[i] = b.Finish()
	}
	return out
}

// cpuTime is the CPU time (user and system) used so far by this process
// and its reaped children: plugins count once Close has reaped them. On a
// shared machine it is a steadier measure than wall time.
func cpuTime() time.Duration {
	self, kids := cpuTimes()
	return self + kids
}

// cpuTimes is cpuTime for this process and its reaped children apart.
func cpuTimes() (self, kids time.Duration) {
	var s, k syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &s)
	_ = syscall.Getrusage(syscall.RUSAGE_CHILDREN, &k)
	tv := func(t syscall.Timeval) time.Duration { return time.Duration(t.Nano()) }
	return tv(s.Utime) + tv(s.Stime), tv(k.Utime) + tv(k.Stime)
}

func benchStart(b *testing.B, specs []Spec, opts Options) {
	ctx := context.Background()
	cpu := cpuTime()
	for b.Loop() {
		h, errs := Start(ctx, specs, opts)
		if len(errs) > 0 {
			b.Fatal(errs[0])
		}
		h.Close()
	}
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkStartOne is one built-in plugin: start, handshake, Describe, Close.
func BenchmarkStartOne(b *testing.B) { benchStart(b, builtin("words"), testOptions()) }

// BenchmarkStartAll7 is seven plugins started concurrently, as copydesk's
// seven built-ins are.
func BenchmarkStartAll7(b *testing.B) {
	benchStart(b, builtin("words", "words2", "panicky", "crash", "hang", "badspan", "million"), testOptions())
}

// BenchmarkStartExternalSHA256 is a third-party plugin pinned by checksum.
func BenchmarkStartExternalSHA256(b *testing.B) {
	data, err := os.ReadFile(exampleBin)
	if err != nil {
		b.Fatal(err)
	}
	sum := sha256.Sum256(data)
	benchStart(b, []Spec{{Name: "house", Path: exampleBin, SHA256: hex.EncodeToString(sum[:])}}, testOptions())
}

// BenchmarkStartExternal is the same plugin without a checksum.
func BenchmarkStartExternal(b *testing.B) {
	benchStart(b, []Spec{{Name: "house", Path: exampleBin}}, testOptions())
}

// benchCheck runs check over 1,000 articles per iteration and reports
// articles per second of wall time and CPU microseconds (host and plugin
// together, the start excluded) per article.
func benchCheck(b *testing.B, check func(*Plugin, []*article.Article) error) {
	arts := benchArticles(1000)
	found := 0
	for _, r := range benchPlugin(b).CheckAll(context.Background(), arts[:10]) {
		found += len(r.Findings)
	}
	b.Logf("%d findings per article", found/10)
	// The CPU count includes one plugin start and Close (some 30 ms),
	// spread over every article checked.
	self0, kids0 := cpuTimes()
	h, errs := Start(context.Background(), builtin("words"), testOptions())
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	p := h.Plugins()[0]
	b.ResetTimer()
	for b.Loop() {
		if err := check(p, arts); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	h.Close()
	self1, kids1 := cpuTimes()
	n := float64(b.N * len(arts))
	b.ReportMetric(n/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64((self1-self0).Microseconds())/n, "host-cpu-µs/article")
	b.ReportMetric(float64((kids1-kids0).Microseconds())/n, "plugin-cpu-µs/article")
}

func benchPlugin(b *testing.B) *Plugin {
	h, errs := Start(context.Background(), builtin("words"), testOptions())
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	b.Cleanup(h.Close)
	return h.Plugins()[0]
}

// BenchmarkCheckAll1000 streams 1,000 articles through one plugin.
func BenchmarkCheckAll1000(b *testing.B) {
	benchCheck(b, func(p *Plugin, arts []*article.Article) error {
		for i, r := range p.CheckAll(context.Background(), arts) {
			if r.Err != nil {
				return fmt.Errorf("article %d: %w", i, r.Err)
			}
		}
		return nil
	})
}

// BenchmarkCheckUnary1000 checks the same articles one unary call at a time.
func BenchmarkCheckUnary1000(b *testing.B) {
	benchCheck(b, func(p *Plugin, arts []*article.Article) error {
		for i, a := range arts {
			if r := p.Check(context.Background(), a); r.Err != nil {
				return fmt.Errorf("article %d: %w", i, r.Err)
			}
		}
		return nil
	})
}
