package article

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchParagraphs is 1,000 words of news copy in 20 paragraphs.
func benchParagraphs() []string {
	const sentence = "Officials in Washington said on Tuesday that the talks, held in Geneva, had made „real progress” on trade. "
	// 17 words a sentence; three sentences a paragraph; 20 paragraphs.
	var ps []string
	for i := 0; i < 20; i++ {
		ps = append(ps, strings.Repeat(sentence, 3)[:len(sentence)*3-1])
	}
	return ps
}

func benchInputs() map[Format]string {
	ps := benchParagraphs()
	var md, html, js strings.Builder
	md.WriteString("# Talks make progress\n\n")
	html.WriteString("<html><head><title>Talks</title></head><body><h1>Talks make progress</h1>\n")
	js.WriteString(`{"headline": "Talks make progress", "byline": "By A. Writer", "body": "`)
	for i, p := range ps {
		md.WriteString(strings.Replace(p, "Geneva", "*Geneva*", 1) + "\n\n")
		fmt.Fprintf(&html, "<p>%s</p>\n", strings.Replace(p, "Geneva", "<a href=\"/g\">Geneva</a>", 1))
		if i > 0 {
			js.WriteString(`\n\n`)
		}
		js.WriteString(strings.ReplaceAll(p, "„", `\u201e`))
	}
	js.WriteString(`"}`)
	html.WriteString("</body></html>")
	return map[Format]string{
		FormatText:     "Talks make progress\n\n" + strings.Join(ps, "\n\n"),
		FormatMarkdown: md.String(),
		FormatHTML:     html.String(),
		FormatJSON:     js.String(),
	}
}

func BenchmarkParse1000Words(b *testing.B) {
	inputs := benchInputs()
	for _, f := range []Format{FormatText, FormatMarkdown, FormatHTML, FormatJSON} {
		data := []byte(inputs[f])
		b.Run(string(f), func(b *testing.B) {
			a, err := Parse("bench", f, data)
			if err != nil {
				b.Fatal(err)
			}
			words := len(strings.Fields(a.Text))
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				if _, err := Parse("bench", f, data); err != nil {
					b.Fatal(err)
				}
			}
			// The shared machine is often loaded: CPU time is the
			// steadier measure; wall time (ns/op) is reported as usual.
			cpu := (cpuTime() - cpu0).Seconds()
			b.ReportMetric(cpu*1e9/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(words)*float64(b.N)/cpu, "words/cpu-s")
		})
	}
}
