package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// The measurements issue 19 asks for; they log, they do not assert.
//
//	go test -run '^$' -bench . -benchtime 10x ./core/lsp/
//
// BenchmarkOpenToDiagnostics: didOpen to publishDiagnostics with warm
// plugins, for the seed article and a 5,000-word article (clean English
// articles joined). BenchmarkChangeMemory: 1,000 didChange events, each a
// keystroke 25 ms after the last with a 20 ms debounce (so most are
// checked), then the server's heap after a GC and the plugins' memory.

func BenchmarkOpenToDiagnostics(b *testing.B) {
	seed := sharedFile(b, seedPath)
	long := longArticle(b, 5000)
	for _, c := range []struct{ name, text string }{{"seed", seed}, {"5000words", long}} {
		b.Run(c.name, func(b *testing.B) {
			h := startServer(b, time.Millisecond)
			// Warm up: start the plugins and let them load their data.
			u := h.open("warm.txt", c.text)
			h.waitVersion(u, 1)
			b.ResetTimer()
			var total time.Duration
			for i := 0; i < b.N; i++ {
				u := uri.File(filepath.Join(h.dir, fmt.Sprintf("doc%d.txt", i)))
				t0 := time.Now()
				if err := h.server.DidOpen(h.ctx(), &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
					URI: u, LanguageID: "plaintext", Version: 1, Text: c.text,
				}}); err != nil {
					b.Fatal(err)
				}
				p := h.waitVersion(u, 1)
				total += time.Since(t0)
				if i == 0 {
					b.Logf("%s: %d words, %d diagnostics", c.name, len(strings.Fields(c.text)), len(p.Diagnostics))
				}
				h.server.DidClose(h.ctx(), &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/open")
		})
	}
}

func BenchmarkChangeMemory(b *testing.B) {
	seed := sharedFile(b, seedPath)
	for i := 0; i < b.N; i++ {
		h := startServer(b, 20*time.Millisecond)
		u := h.open("typing.txt", seed)
		h.waitVersion(u, 1)
		before := heap()
		text := seed
		const changes = 1000
		t0 := time.Now()
		for v := int32(2); v <= changes+1; v++ {
			text += string(rune('a' + v%26))
			if v%7 == 0 {
				text += " "
			}
			h.change(u, v, text)
			time.Sleep(25 * time.Millisecond)
		}
		h.waitVersion(u, changes+1)
		elapsed := time.Since(t0)
		h.rec.mu.Lock()
		published := 0
		for _, p := range h.rec.diags {
			if p.URI == u {
				published++
			}
		}
		h.rec.diags = nil // the client's copy is not the server's memory
		h.rec.mu.Unlock()
		after := heap()
		plugins := 0
		for _, pids := range pluginProcesses(b) {
			for _, pid := range pids {
				plugins += rssKB(pid)
			}
		}
		b.ReportMetric(float64(after)/(1<<20), "MB-heap-after")
		b.ReportMetric(float64(plugins)/1024, "MB-plugins-rss")
		b.Logf("%d didChange in %v, %d publications; Go heap after GC %.1f MB (%.1f MB before the changes); this process's RSS %.1f MB; plugin processes' RSS %.1f MB",
			changes, elapsed.Round(time.Millisecond), published, float64(after)/(1<<20), float64(before)/(1<<20), float64(rssKB(os.Getpid()))/1024, float64(plugins)/1024)
		h.stop()
	}
}

func heap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// rssKB is a process's resident memory from /proc, in KiB (0 elsewhere).
func rssKB(pid int) int {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	return 0
}

// longArticle joins clean English articles (headline of the first, bodies
// of the rest) until it has at least the given number of words.
func longArticle(b testing.TB, words int) string {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "clean", "en")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		b.Skipf("clean corpus not found in %s", dir)
	}
	sort.Strings(names)
	var sb strings.Builder
	n := 0
	for i, name := range names {
		t, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		text := string(t)
		if i > 0 {
			if _, body, ok := strings.Cut(text, "\n\n"); ok {
				text = body
			}
			sb.WriteString("\n\n")
		}
		sb.WriteString(strings.TrimSpace(text))
		if n += len(strings.Fields(text)); n >= words {
			break
		}
	}
	return sb.String() + "\n"
}
