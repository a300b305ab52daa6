package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/fatih/color"
	"github.com/hashicorp/go-hclog"
	"github.com/mattn/go-isatty"

	"github.com/copydesk/copydesk"
	"github.com/copydesk/copydesk/core/config"
	"github.com/copydesk/copydesk/core/report"
	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/plugins"
)

// common are the flags every command that loads plugins shares.
type common struct {
	fs         *flag.FlagSet
	configPath string
	verbose    bool
}

func newCommon(name string) *common {
	c := &common{fs: flag.NewFlagSet(name, flag.ContinueOnError)}
	c.fs.StringVar(&c.configPath, "config", "", "rules.toml to use (default: nearest rules.toml upward, else the built-in one)")
	c.fs.BoolVar(&c.verbose, "verbose", false, "log plugin start-up and protocol details to stderr")
	return c
}

// parse accepts flags before and after positional arguments, as users type
// them ("copydesk check story.md --format json").
func (c *common) parse(args []string) ([]string, error) {
	if err := unknownFlag(c.fs, args); err != nil {
		return nil, err
	}
	var rest []string
	for {
		if err := c.fs.Parse(args); err != nil {
			return nil, err
		}
		args = c.fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

func (c *common) loadConfig() (*config.Config, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	path, err := config.Find(c.configPath, wd)
	if err != nil {
		return nil, err
	}
	src, name := copydesk.DefaultRules, "(built-in rules.toml)"
	if path != "" {
		if src, err = os.ReadFile(path); err != nil {
			return nil, err
		}
		name = path
	}
	return config.Parse(name, src, builtinNames())
}

func (c *common) logger() hclog.Logger {
	level := hclog.Warn
	if c.verbose {
		level = hclog.Debug
	}
	return hclog.New(&hclog.LoggerOptions{Name: "copydesk", Level: level, Output: os.Stderr})
}

func builtinNames() []string {
	out := make([]string, len(plugins.Builtin))
	for i, p := range plugins.Builtin {
		out[i] = p.Name
	}
	return out
}

// startEngine loads the configuration and starts the plugins; on failure it
// prints the error and returns the exit code to use.
func (c *common) startEngine(ctx context.Context, cfg *config.Config) (*runner.Engine, int) {
	e, err := runner.Start(ctx, runner.Options{Config: cfg, Builtins: plugins.Builtin, Logger: c.logger()})
	if err == nil && ctx.Err() != nil {
		e.Close()
		err = ctx.Err()
	}
	if err != nil && ctx.Err() != nil {
		fmt.Fprintln(os.Stderr, "copydesk: interrupted while starting plugins; no results written")
		return nil, exitInterrupted
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "copydesk: %v\n", err)
		var ce *config.Error
		var ces config.Errors
		if errors.As(err, &ce) || errors.As(err, &ces) {
			return nil, exitUsage
		}
		return nil, exitFailure
	}
	return e, exitOK
}

// cmdCheck is copydesk check (and, with writeBaselineTo set, copydesk
// baseline). Each flag's handling is a function of checkFlags
// (checkflags.go); this is the order they run in.
func cmdCheck(args []string) int {
	f := newCheckFlags()
	paths, code, ok := f.parsePaths(args)
	if !ok {
		return code
	}
	cfg, err := f.loadConfig()
	if err != nil {
		fmt.Fprintf(os.Stderr, "copydesk: %v\n", err)
		return exitUsage
	}
	if code := f.applyToConfig(cfg); code != exitOK {
		return code
	}
	rep, useColor, code := f.reporter()
	if code != exitOK {
		return code
	}
	if code := f.validateModes(paths); code != exitOK {
		return code
	}
	sf, code := f.stdinFormat()
	if code != exitOK {
		return code
	}

	// Inputs, standard input included, are read in full before any plugin
	// starts.
	paths, code = f.ci.selectPaths(paths)
	if code != exitOK {
		return code
	}
	inputs := f.collect(paths, cfg, sf)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	engine, code := f.startEngine(ctx, cfg)
	if engine == nil {
		return code
	}
	defer engine.Close()
	if f.ci.ndjson {
		return runNDJSON(ctx, engine, cfg, os.Stdin, os.Stdout, f.ci.batch, f.stdinName)
	}

	f.ed.batch = batches(inputs)
	res := checkWithProgress(ctx, engine, readable(inputs)) // progress.go: a bar when stderr is a terminal
	if ctx.Err() != nil {
		engine.Close()
		fmt.Fprintln(os.Stderr, "copydesk: interrupted; no results written")
		return exitInterrupted
	}
	echo := f.echoErrors()
	inputErrors := restoreUnreadable(res, inputs, echo)
	if done, code := f.ci.beforeReport(res); done {
		return code
	}
	if done, code := f.ed.afterCheck(ctx, engine, res, f.ci.applyBaseline); done {
		return code
	}
	f.printStats(res)
	if err := f.ci.report(os.Stdout, rep, f.format, report.Options{Color: useColor}, engine, cfg, res); err != nil {
		// An I/O error, like an unreadable input: exit 2, not the
		// plugin-failure code.
		fmt.Fprintf(os.Stderr, "copydesk: writing report: %v\n", err)
		return exitUsage
	}
	return exitCode(res, inputErrors, cfg.FailOn, echo)
}

// unknownFlag refuses a flag the command does not have with a did-you-mean
// ("--formt": did you mean --format?), before the flag package would print
// its whole usage.
func unknownFlag(fs *flag.FlagSet, args []string) error {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return nil
		}
		if len(a) < 2 || a[0] != '-' {
			continue
		}
		name, _, withValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
		if name == "h" || name == "help" {
			return nil
		}
		f := fs.Lookup(name)
		if f == nil {
			var names []string
			fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
			hint := strings.Replace(config.DidYouMean(name, names), "did you mean ", "did you mean --", 1)
			fmt.Fprintf(os.Stderr, "copydesk %s: unknown flag %s%s (copydesk %s -h lists them)\n", fs.Name(), a, hint, fs.Name())
			return fmt.Errorf("unknown flag %s", a)
		}
		if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); !withValue && !(ok && bf.IsBoolFlag()) {
			i++ // the flag's value, which may start with "-"
		}
	}
	return nil
}

// flagSet reports whether the flag was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// sameFile reports whether a and b are the same file, terminal or pipe.
func sameFile(a, b *os.File) bool {
	sa, err1 := a.Stat()
	sb, err2 := b.Stat()
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// sizeFlag is a size flag that takes what rules.toml takes: bytes or a
// number with a unit (30MiB, 512KiB, 2MB).
type sizeFlag int64

func (f *sizeFlag) String() string { return strconv.FormatInt(int64(*f), 10) }

func (f *sizeFlag) Set(s string) error {
	n, err := config.ParseSize(s)
	if err != nil {
		return err
	}
	*f = sizeFlag(n)
	return nil
}

// globsFlag is a repeatable glob flag (--exclude).
type globsFlag []string

func (g *globsFlag) String() string { return strings.Join(*g, ",") }

func (g *globsFlag) Set(s string) error {
	if err := config.CheckGlob(s); err != nil {
		return err
	}
	*g = append(*g, s)
	return nil
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// wantColor decides whether to colour output written to w.
func wantColor(mode string, w io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		if _, ok := os.LookupEnv("NO_COLOR"); ok {
			return false, nil
		}
		if f, ok := w.(*os.File); ok {
			return isatty.IsTerminal(f.Fd()) && !color.NoColor, nil
		}
		return false, nil
	}
	return false, fmt.Errorf("--color must be auto, always or never, got %q", mode)
}
