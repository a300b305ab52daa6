package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/copydesk/copydesk/core/config"
	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/plugins"
)

// parseAndLoad parses an information command's flags and loads the
// configuration; on failure it prints why and returns a nil config and the
// exit code.
func (c *common) parseAndLoad(args []string) ([]string, *config.Config, int) {
	rest, err := c.parse(args)
	if err != nil {
		return nil, nil, flagExit(err)
	}
	cfg, err := c.loadConfig()
	if err != nil {
		fmt.Fprintf(os.Stderr, "copydesk: %v\n", err)
		return nil, nil, exitUsage
	}
	return rest, cfg, exitOK
}

// withEngine parses the flags of an information command, loads the
// configuration, starts the plugins and hands them to fn.
func (c *common) withEngine(args []string, fn func(cfg *config.Config, e *runner.Engine, rest []string) int) int {
	rest, cfg, code := c.parseAndLoad(args)
	if cfg == nil {
		return code
	}
	e, code := c.startEngine(context.Background(), cfg)
	if e == nil {
		return code
	}
	defer e.Close()
	return fn(cfg, e, rest)
}

// withDeclarations is withEngine for the commands that only read what the
// plugins declare (rules, explain): when every enabled plugin is built in,
// their declarations are in this binary and nothing is started.
func (c *common) withDeclarations(args []string, fn func(cfg *config.Config, rules []runner.RuleInfo, decls []*sdk.Plugin, rest []string) int) int {
	rest, cfg, code := c.parseAndLoad(args)
	if cfg == nil {
		return code
	}
	rules, decls, ok, err := runner.Static(cfg, plugins.Builtin)
	if err != nil {
		fmt.Fprintf(os.Stderr, "copydesk: %v\n", err)
		return exitUsage
	}
	if ok {
		return fn(cfg, rules, decls, rest)
	}
	e, code := c.startEngine(context.Background(), cfg)
	if e == nil {
		return code
	}
	defer e.Close()
	return fn(cfg, e.Rules(), e.Declarations(), rest)
}

func cmdRules(args []string) int {
	c := newCommon("rules")
	asJSON := c.fs.Bool("json", false, "print JSON")
	return c.withDeclarations(args, func(cfg *config.Config, rules []runner.RuleInfo, _ []*sdk.Plugin, _ []string) int {
		if *asJSON {
			return printJSON(rules)
		}
		tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "RULE\tCATEGORY\tSEVERITY\tENABLED\tLANGUAGES\tDESCRIPTION")
		for _, r := range rules {
			on := "yes"
			if !r.Enabled {
				on = "no"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Category, r.Severity, on, r.Languages, r.Summary)
		}
		tw.Flush()
		fmt.Printf("\nconfiguration: %s (language: %s)\n", cfg.Path, cfg.Language)
		return exitOK
	})
}

func cmdPlugins(args []string) int {
	c := newCommon("plugins")
	asJSON := c.fs.Bool("json", false, "print JSON")
	return c.withEngine(args, func(_ *config.Config, e *runner.Engine, _ []string) int {
		ps := e.Plugins()
		if *asJSON {
			return printJSON(ps)
		}
		tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "PLUGIN\tVERSION\tSOURCE\tSTATUS")
		failed := false
		for _, p := range ps {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p.Name, p.Version, p.Source, p.Status)
			failed = failed || !strings.HasPrefix(p.Status, "running")
		}
		tw.Flush()
		if failed {
			return exitFailure
		}
		return exitOK
	})
}

func cmdExplain(args []string) int {
	c := newCommon("explain")
	return c.withDeclarations(args, func(_ *config.Config, _ []runner.RuleInfo, declarations []*sdk.Plugin, rest []string) int {
		if len(rest) != 1 {
			fmt.Fprintln(os.Stderr, "usage: copydesk explain PLUGIN/RULE   (see 'copydesk rules' for the list)")
			return exitUsage
		}
		id := rest[0]
		// A bare rule name is accepted when it is unambiguous.
		var match []string
		for _, d := range declarations {
			for _, r := range d.Rules {
				full := d.Name + "/" + r.Name
				if full == id {
					printRuleDoc(d, r)
					return exitOK
				}
				if !strings.Contains(id, "/") && (r.Name == id || d.Name == id) {
					match = append(match, full)
				}
			}
		}
		if len(match) == 1 {
			pn, rn, _ := strings.Cut(match[0], "/")
			for _, d := range declarations {
				if r := d.Rule(rn); d.Name == pn && r != nil {
					printRuleDoc(d, r)
					return exitOK
				}
			}
		}
		fmt.Fprintf(os.Stderr, "copydesk explain: no rule %q", id)
		if len(match) > 0 {
			fmt.Fprintf(os.Stderr, "; did you mean one of: %s", strings.Join(match, ", "))
		} else {
			var all []string
			for _, d := range declarations {
				for _, r := range d.Rules {
					all = append(all, d.Name+"/"+r.Name)
					if !strings.Contains(id, "/") {
						all = append(all, r.Name)
					}
				}
			}
			fmt.Fprint(os.Stderr, config.DidYouMean(id, all))
		}
		fmt.Fprintln(os.Stderr, " (see 'copydesk rules')")
		return exitUsage
	})
}

func printRuleDoc(p *sdk.Plugin, r *sdk.Rule) {
	fmt.Printf("%s/%s — %s\n\n", p.Name, r.Name, r.Summary)
	fmt.Printf("category: %s    default severity: %s    languages: %s", r.Category, r.Severity, r.LanguageList())
	if r.Disabled {
		fmt.Print("    off by default")
	}
	fmt.Printf("\nplugin: %s %s\n\n", p.Name, p.Version)
	if r.Doc != "" {
		fmt.Println(strings.TrimSpace(r.Doc))
		fmt.Println()
	}
	if r.Example.Before != "" {
		fmt.Println("Flagged:")
		fmt.Println(indent(r.Example.Before))
		if r.Example.After != "" {
			fmt.Println("Fixed:")
			fmt.Println(indent(r.Example.After))
		}
		fmt.Println()
	}
	printOptions := func(title, table string, opts []sdk.Option) {
		if len(opts) == 0 {
			return
		}
		fmt.Printf("%s (in rules.toml under [%s]):\n", title, table)
		for _, o := range opts {
			def := ""
			if o.Default != nil {
				b, _ := json.Marshal(o.Default)
				def = " (default " + string(b) + ")"
			}
			fmt.Printf("  %s  %s%s\n      %s\n", o.Name, o.Type, def, o.Doc)
		}
		fmt.Println()
	}
	printOptions("Rule options", p.Name+".rules."+r.Name, r.Options)
	printOptions("Plugin options", p.Name, p.Options)
	if p == runner.CorePlugin {
		fmt.Println("It is not a plugin's rule and cannot be turned off in rules.toml; fix or delete the directive it points at.")
		return
	}
	fmt.Printf("Turn it off:  [%s.rules.%s]\n              enabled = false\n", p.Name, r.Name)
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimSpace(s), "\n", "\n    ")
}

func printJSON(v any) int {
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return exitFailure
	}
	return exitOK
}

func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}
