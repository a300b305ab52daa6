// Command testplugin serves the misbehaving plugins core/host's tests need,
// the way copydesk serves its built-ins: testplugin __plugin NAME.
package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/hashicorp/go-plugin"

	"github.com/copydesk/copydesk/core/host"
	"github.com/copydesk/copydesk/core/protocol"
	"github.com/copydesk/copydesk/core/sdk"
)

// findWord reports every occurrence of its "word" option, with the
// plugin-wide "prefix" (from Configure's state) in front of the message.
var findWord = &sdk.Rule{
	Name:     "find-word",
	Category: "test",
	Severity: sdk.Warning,
	Summary:  "Flags a word.",
	Doc:      "Flags every occurrence of the word option.",
	Example:  sdk.Example{Before: "a banana", After: "an apple"},
	Options: []sdk.Option{
		{Name: "word", Type: sdk.String, Doc: "the word to flag", Default: "banana"},
		{Name: "limit", Type: sdk.Int, Doc: "stop after this many", Default: 0},
	},
	Check: func(p *sdk.Pass) {
		word := p.Options.String("word")
		prefix, _ := p.State.(string)
		text := p.Article.Text
		n := 0
		for off := 0; word != ""; {
			i := strings.Index(text[off:], word)
			if i < 0 {
				break
			}
			s := sdk.Span{Start: off + i, End: off + i + len(word)}
			p.Report(sdk.Diagnostic{
				Span:        s,
				Message:     prefix + "found " + word,
				Suggestions: []sdk.Suggestion{{Span: s, Replacement: "apple", Description: "use apple"}},
				Related:     []sdk.Related{{Span: sdk.Span{Start: 0, End: 0}, Message: "start"}},
			})
			off = s.End
			n++
			if lim := p.Options.Int("limit"); lim > 0 && n >= lim {
				break
			}
		}
	},
}

var exclaim = &sdk.Rule{
	Name: "exclaim", Category: "test", Severity: sdk.Info, Summary: "Flags !!!.", Disabled: true,
	Check: func(p *sdk.Pass) {
		if i := strings.Index(p.Article.Text, "!!!"); i >= 0 {
			p.Reportf(sdk.Span{Start: i, End: i + 3}, "too many exclamation marks")
		}
	},
}

func words(name string, extra ...*sdk.Rule) *sdk.Plugin {
	return &sdk.Plugin{
		Name: name, Version: "0.1.0", Doc: "test plugin " + name,
		Options: []sdk.Option{{Name: "prefix", Type: sdk.String, Doc: "message prefix", Default: ""}},
		Rules:   append([]*sdk.Rule{findWord, exclaim}, extra...),
		Configure: func(o sdk.Options) (any, error) {
			if o.String("prefix") == "bad" {
				return nil, fmt.Errorf("prefix %q is not allowed", "bad")
			}
			return o.String("prefix"), nil
		},
	}
}

func rule(name string, check func(*sdk.Pass)) *sdk.Rule {
	return &sdk.Rule{Name: name, Category: "test", Severity: sdk.Error, Summary: name, Check: check}
}

var testPlugins = map[string]*sdk.Plugin{
	"words":  words("words"),
	"words2": words("words2"),
	"panicky": words("panicky", rule("boom", func(*sdk.Pass) {
		panic("boom")
	})),
	"crash": words("crash", rule("crash", func(p *sdk.Pass) {
		if strings.Contains(p.Article.Text, "CRASH") {
			// Give gRPC time to deliver the answers already sent, as a
			// plugin working on an article before dying would; the host
			// keeps those answers.
			time.Sleep(time.Second)
			// A panic outside the rule's goroutine kills the process,
			// as a real bug in a plugin's helper goroutine would.
			go func() { panic("deliberate crash") }()
			time.Sleep(time.Hour)
		}
	})),
	"hang": words("hang", rule("hang", func(p *sdk.Pass) {
		if strings.Contains(p.Article.Text, "HANG") {
			time.Sleep(time.Hour)
		}
	})),
	"badspan": words("badspan", rule("badspan", func(p *sdk.Pass) {
		p.Reportf(sdk.Span{Start: 0, End: len(p.Article.Text) + 10}, "past the end")
	})),
	"huge": words("huge", rule("huge", func(p *sdk.Pass) {
		if strings.Contains(p.Article.Text, "HUGE") {
			// More than any gRPC message may carry.
			p.Reportf(sdk.Span{}, "%s", strings.Repeat("x", 65<<20))
		}
	})),
	"million": words("million", rule("million", func(p *sdk.Pass) {
		for i := 0; i < 1_000_000; i++ {
			p.Report(sdk.Diagnostic{Message: "again"})
		}
	})),
}

func main() {
	if len(os.Args) == 3 && os.Args[1] == host.BuiltinCommand {
		switch os.Args[2] {
		case "garbage":
			fmt.Println("Hello! I am not a plugin.")
			os.Args[2] = "words"
		case "silent":
			time.Sleep(time.Hour)
		case "future":
			// A plugin built for protocol version 2, which this host
			// does not speak.
			hs := protocol.Handshake
			hs.ProtocolVersion = 2
			plugin.Serve(&plugin.ServeConfig{
				HandshakeConfig:  hs,
				VersionedPlugins: map[int]plugin.PluginSet{2: protocol.PluginSets(testPlugins["words"])[1]},
				GRPCServer:       plugin.DefaultGRPCServer,
			})
			return
		case "env":
			// Dumps its environment to stderr, then serves normally.
			for _, kv := range os.Environ() {
				fmt.Fprintln(os.Stderr, "ENV "+kv)
			}
			os.Args[2] = "words"
		}
	}
	if host.ServeBuiltin(os.Args[1:], func(name string) *sdk.Plugin { return testPlugins[name] }) {
		return
	}
	fmt.Fprintln(os.Stderr, "usage: testplugin __plugin NAME")
	os.Exit(2)
}
