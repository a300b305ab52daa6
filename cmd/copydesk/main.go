// Command copydesk checks news copy for the defects spell-checkers and style
// linters miss: garbled bylines, sentence fragments, stray page furniture,
// self-contradictions, repetition, broken quotes and inconsistent style.
//
//	copydesk check [flags] PATHS...   check files, directories, globs or - (stdin)
//	copydesk rules                    the effective rule table
//	copydesk explain RULE             a rule's documentation and example
//	copydesk plugins                  each plugin's name, version, source and status
//	copydesk serve [flags]            the CMS pre-publish hook over HTTP
//	copydesk lsp [flags]              the language server for editors (stdio)
//	copydesk baseline [flags] PATHS   record findings for check --baseline
//
// Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;
// 2 usage, configuration, input or output error (a report that cannot be
// written); 3 a plugin or internal failure;
// 130 interrupted.
package main

import (
	"fmt"
	"os"

	"github.com/copydesk/copydesk/core/config"
	"github.com/copydesk/copydesk/core/host"
	"github.com/copydesk/copydesk/plugins"
)

// Exit codes.
const (
	exitOK          = 0
	exitFindings    = 1
	exitUsage       = 2
	exitFailure     = 3
	exitInterrupted = 130
)

func main() {
	// `copydesk __plugin NAME` (host.BuiltinCommand) is how the host serves a
	// built-in plugin: the binary re-executes itself, so built-ins run out
	// of process over the same protocol as third-party plugins.
	if host.ServeBuiltin(os.Args[1:], plugins.Lookup) {
		return
	}
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	if len(args) == 0 {
		usage()
		return exitUsage
	}
	switch args[0] {
	case "check":
		return cmdCheck(args[1:])
	case "rules":
		return cmdRules(args[1:])
	case "explain":
		if len(args) > 1 && args[1] == "--trace" {
			return cmdTrace(args[2:]) // trace.go
		}
		return cmdExplain(args[1:])
	case "plugins":
		return cmdPlugins(args[1:])
	case "serve":
		return cmdServe(args[1:])
	case "lsp":
		return cmdLSP(args[1:])
	case "baseline":
		return cmdBaseline(args[1:])
	case "version", "--version":
		fmt.Println("copydesk", version)
		return exitOK
	case "help", "-h", "--help":
		usage()
		return exitOK
	}
	fmt.Fprintf(os.Stderr, "copydesk: unknown command %q%s\n", args[0], config.DidYouMean(args[0], commands))
	usage()
	return exitUsage
}

const version = "0.1.0"

// commands are the subcommands, for did-you-mean.
var commands = []string{"check", "rules", "explain", "plugins", "serve", "baseline", "version", "help"}

func usage() {
	fmt.Fprint(os.Stderr, `usage: copydesk COMMAND [flags] [args]

commands:
  check PATHS...   check files, directories (recursive), globs, or - for stdin
  rules            print the effective rule table
  explain RULE     print a rule's documentation and example
                   (explain --trace FILE:LINE: which fragment heuristics fired there, and why)
  plugins          print each plugin's name, version, source and status
  serve            run the CMS pre-publish hook (HTTP; see docs/cms-hook.md)
  lsp              run the language server for editors (stdio; see docs/editor.md)
  baseline PATHS   record today's findings so check --baseline reports only new ones (docs/ci.md)
  version          print copydesk's version

Run 'copydesk COMMAND -h' for a command's flags.
`)
}
