package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/copydesk/copydesk"
	"github.com/copydesk/copydesk/core/lsp"
	"github.com/copydesk/copydesk/plugins"
)

// cmdLSP runs the language server on stdin and stdout for an editor. See
// docs/editor.md ("In your editor").
func cmdLSP(args []string) int {
	c := newCommon("lsp")
	debounce := c.fs.Duration("debounce", lsp.DefaultDebounce, "wait this long after an edit before checking the document again")
	c.fs.Bool("stdio", true, "talk LSP over stdin and stdout (the only transport; accepted because editors pass it)")
	c.fs.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: copydesk lsp [flags]   (a language server on stdio; see docs/editor.md)")
		c.fs.PrintDefaults()
	}
	rest, err := c.parse(args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		fmt.Fprintf(os.Stderr, "copydesk lsp: unexpected argument %q (documents arrive over LSP)\n", rest[0])
		return exitUsage
	}
	if *debounce < 0 {
		fmt.Fprintln(os.Stderr, "copydesk lsp: --debounce must not be negative")
		return exitUsage
	}
	if c.configPath != "" {
		if _, err := os.Stat(c.configPath); err != nil {
			fmt.Fprintf(os.Stderr, "copydesk lsp: --config: %v\n", err)
			return exitUsage
		}
	}
	// An editor ends the server with shutdown and exit; a signal (the
	// editor killed) still stops the plugins.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return lsp.Serve(ctx, os.Stdin, os.Stdout, lsp.Options{
		Builtins:     plugins.Builtin,
		DefaultRules: copydesk.DefaultRules,
		ConfigPath:   c.configPath,
		Debounce:     *debounce,
		Log:          os.Stderr,
		PluginLogger: c.logger(),
		Version:      version,
	})
}
