package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkColdStart is one user's run: process start to diagnostics for one
// article with every built-in plugin (each a child process).
//
//	go test ./cmd/copydesk -run '^$' -bench ColdStart -benchtime 20x
func BenchmarkColdStart(b *testing.B) {
	article, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "example-article.txt"))
	dir := b.TempDir()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(binary, "check", "--format", "json", article)
		cmd.Dir = dir
		if out, err := cmd.Output(); err != nil && cmd.ProcessState.ExitCode() > 1 {
			b.Fatalf("exit %v: %s", err, out)
		}
	}
}

// BenchmarkThroughput checks a generated set of 1,000 articles in one run
// and reports articles and words per second.
//
//	go test ./cmd/copydesk -run '^$' -bench Throughput -benchtime 3x
func BenchmarkThroughput(b *testing.B) {
	dir, words := corpus(b, 1000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(binary, "check", "--format", "json", dir)
		cmd.Dir = b.TempDir()
		if out, err := cmd.Output(); err != nil && cmd.ProcessState.ExitCode() > 1 {
			b.Fatalf("exit %v: %s", err, out)
		}
	}
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(1000/sec, "articles/s")
	b.ReportMetric(float64(words)/sec, "words/s")
}

// corpus writes n articles built from the clean shared articles (read at
// run time, never copied into the repository), or from the repository's
// example article when ../shared is absent.
func corpus(b *testing.B, n int) (string, int) {
	b.Helper()
	var sources []string
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "eval-public", "articles", "*.txt"))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			sources = append(sources, string(data))
		}
	}
	if len(sources) == 0 {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "example-article.txt"))
		if err != nil {
			b.Fatal(err)
		}
		sources = []string{string(data)}
	}
	dir := b.TempDir()
	words := 0
	for i := 0; i < n; i++ {
		text := sources[i%len(sources)]
		// Vary the headline so no two files are identical.
		text = fmt.Sprintf("Article %d: %s", i, text)
		words += len(strings.Fields(text))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir, words
}
