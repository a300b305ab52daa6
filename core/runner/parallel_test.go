package runner

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"

	copydesk "github.com/copydesk/copydesk"
	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/config"
	"github.com/copydesk/copydesk/core/host"
	"github.com/copydesk/copydesk/plugins"
)

// The test binary serves the built-in plugins when the host re-executes it,
// as the copydesk binary does.
func TestMain(m *testing.M) {
	if host.ServeBuiltin(os.Args[1:], plugins.Lookup) {
		return
	}
	os.Exit(m.Run())
}

// A large batch checked in chunks, with a helper process, gives exactly
// the findings of one stream per plugin, in input order.
func TestChunkedCheckMatchesOneStream(t *testing.T) {
	if testing.Short() {
		t.Skip("starts every built-in plugin")
	}
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("helpers need two cores")
	}
	var names []string
	for _, p := range plugins.Builtin {
		names = append(names, p.Name)
	}
	cfg, err := config.Parse("rules.toml", copydesk.DefaultRules, names)
	if err != nil {
		t.Fatal(err)
	}
	var articles []*article.Article
	for i := 0; i < 3*parallelMin+5; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Council votes on budget %d\n\n", i)
		for k := 0; k <= i%7; k++ {
			fmt.Fprintf(&b, "The council met on Monday and voted %d times on the the plan. Officials said 12 people were hurt; later they said 14 people were hurt. ", i+k)
			b.WriteString("Utilisation rose, and utilization fell.\n\n")
		}
		b.WriteString("Share this:\n\nReporting by Jane Doe; Editing by John Roe\n")
		a, err := article.Parse(fmt.Sprintf("a%03d.txt", i), article.FormatText, []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		articles = append(articles, a)
	}
	ctx := context.Background()
	check := func(oneStream bool) (*Result, int) {
		e, err := Start(ctx, Options{Config: cfg, Builtins: plugins.Builtin})
		if err != nil {
			t.Fatal(err)
		}
		defer e.Close()
		e.oneStream = oneStream
		res := e.Check(ctx, articles)
		res2 := e.Check(ctx, articles) // a helper, once started, serves the next batch too
		if !reflect.DeepEqual(flatten(res), flatten(res2)) {
			t.Errorf("oneStream=%v: a second Check of the same articles differs", oneStream)
		}
		e.helpers.mu.Lock()
		defer e.helpers.mu.Unlock()
		return res, e.helpers.live()
	}
	want, n := check(true)
	if n != 0 {
		t.Fatalf("one stream per plugin started %d helpers", n)
	}
	got, n := check(false)
	if n == 0 {
		t.Errorf("no helper was started for %d articles", len(articles))
	}
	if len(want.Failures) > 0 || len(got.Failures) > 0 {
		t.Fatalf("failures: %v / %v", want.Failures, got.Failures)
	}
	w, g := flatten(want), flatten(got)
	if len(w) == 0 {
		t.Fatal("the articles drew no findings: the comparison would prove nothing")
	}
	if !reflect.DeepEqual(w, g) {
		t.Errorf("chunked findings differ: %d vs %d lines", len(g), len(w))
	}
}

func flatten(r *Result) []string {
	var out []string
	for _, f := range r.Files {
		for _, d := range f.Diagnostics {
			out = append(out, fmt.Sprintf("%s %+v", f.Path, d))
		}
	}
	return out
}
