package sdk_test

import (
	"os/exec"
	"strings"
	"testing"
)

// pluginSide are the packages a plugin binary links: the SDK, the protocol
// that serves it, and the worked example of a third-party plugin.
var pluginSide = []string{
	"github.com/copydesk/copydesk/core/sdk",
	"github.com/copydesk/copydesk/core/protocol",
	"github.com/copydesk/copydesk/plugins/example-external",
}

// parsers are the host's readers, segmenter and language identifier. A
// plugin receives a parsed article, so it must never link them: they made a
// one-rule plugin binary carry every parser (issue 16).
var parsers = []string{
	"github.com/copydesk/copydesk/core/article", // the readers; the model is core/article/model
	"github.com/yuin/goldmark",
	"golang.org/x/net/html",
	"github.com/neurosnap/sentences",
	"github.com/pemistahl/lingua-go",
}

func TestPluginSideLinksNoParser(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH to list dependencies with")
	}
	out, err := exec.Command(goTool, append([]string{"list", "-deps"}, pluginSide...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == "github.com/copydesk/copydesk/core/article/model" {
			continue
		}
		for _, p := range parsers {
			if dep == p || strings.HasPrefix(dep, p+"/") {
				t.Errorf("%s is linked into plugins (go list -deps %s); import core/article/model, not the readers", dep, strings.Join(pluginSide, " "))
			}
		}
	}
}

// TestPluginsDoNotDecideLanguage: the host decides an article's language
// (core/language, which links lingua-go); a plugin reads Article.Language
// and never repeats the decision. Tools under plugins/*/cmd may.
func TestPluginsDoNotDecideLanguage(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH to list imports with")
	}
	out, err := exec.Command(goTool, "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "github.com/copydesk/copydesk/plugins/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.Contains(f[0], "/cmd/") {
			continue
		}
		for _, imp := range f[1:] {
			if imp == "github.com/copydesk/copydesk/core/language" {
				t.Errorf("%s imports core/language: read Article.Language, which the host sets (empty: not decided, run)", f[0])
			}
		}
	}
}
