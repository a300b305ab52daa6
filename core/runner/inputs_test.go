package runner

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Collect reads files in parallel but returns them in input order, once
// each, with unreadable ones in their place.
func TestCollectOrderAndErrors(t *testing.T) {
	dir := t.TempDir()
	var want []string
	for i := 0; i < 40; i++ {
		p := filepath.Join(dir, fmt.Sprintf("a%02d.txt", i))
		body := fmt.Sprintf("Headline %d\n\nThe council met on Monday. It voted %d times.\n", i, i)
		if i == 7 {
			body = strings.Repeat("x", 200) // over the size limit below
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		want = append(want, p)
	}
	missing := filepath.Join(dir, "missing.txt")
	inputs := Collect([]string{dir, want[3], missing}, InputOptions{MaxBytes: 150})
	if len(inputs) != len(want)+1 {
		t.Fatalf("got %d inputs, want %d", len(inputs), len(want)+1)
	}
	for i, p := range want {
		in := inputs[i]
		if in.Path != p {
			t.Fatalf("input %d is %s, want %s", i, in.Path, p)
		}
		if i == 7 {
			if in.Err == nil {
				t.Errorf("%s: over the size limit but read", p)
			}
			continue
		}
		if in.Err != nil || in.Article == nil {
			t.Fatalf("%s: %v", p, in.Err)
		}
		if got := in.Article.Text; !strings.Contains(got, fmt.Sprintf("voted %d times", i)) {
			t.Errorf("%s holds another file's text: %q", p, got)
		}
		if n := len(in.Article.Blocks); n < 2 || len(in.Article.Blocks[1].Sentences) != 2 {
			t.Errorf("%s: parsed into %d blocks: %+v", p, n, in.Article.Blocks)
		}
	}
	if last := inputs[len(want)]; last.Path != missing || last.Err == nil {
		t.Errorf("missing file: %+v", last)
	}
}
