// Package config reads rules.toml: which plugins run, how each rule is set,
// which findings are shown and which fail the run. Validation is strict and
// every error names the file, the line and a did-you-mean where one helps.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/copydesk/copydesk/core/sdk"
)

// DefaultName is the file name looked up from the working directory upward.
const DefaultName = "rules.toml"

// Config is a loaded rules.toml.
type Config struct {
	// Path is the file it came from, or "(built-in rules.toml)".
	Path string

	FailOn       sdk.Severity
	MinSeverity  sdk.Severity
	MaxFileBytes int64
	StartTimeout time.Duration
	CheckTimeout time.Duration
	// Language is the copy's language (ISO 639-1, "en"), or "auto" to
	// identify it per article. A CMS article's own "language" field wins.
	Language string

	// Plugins in the order the file names them.
	Plugins   []*Plugin
	Overrides []*Override
	// Exclude are globs of files never checked (exclude.go).
	Exclude []string

	src []byte
}

// Plugin is one plugin's table.
type Plugin struct {
	Name    string
	Enabled bool
	// Path and SHA256 locate a third-party plugin binary. Built-in plugins
	// have neither.
	Path    string
	SHA256  string
	Options sdk.Options
	Rules   map[string]*Rule
}

// Rule is a rule's table, [PLUGIN.rules.NAME].
type Rule struct {
	Enabled  *bool // nil: the rule's default
	Severity sdk.Severity
	Options  sdk.Options
}

// Override changes settings for files matching its paths.
type Override struct {
	Paths       []string
	MinSeverity sdk.Severity
	// Enabled false leaves the paths out of every check (exclude.go).
	Enabled *bool
	// Rules is keyed "plugin/rule"; only enabled and severity apply.
	Rules map[string]*Rule
}

// Error is a configuration problem at a place in rules.toml.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Errors is every problem found in one file.
type Errors []*Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Find returns the path of the rules.toml to use: explicit when set, else
// the nearest rules.toml from dir upward, else "" for the built-in default.
func Find(explicit, dir string) (string, error) {
	if explicit != "" {
		if _, err := os.Stat(explicit); err != nil {
			return "", fmt.Errorf("--config %s: %w", explicit, errors.Unwrap(err))
		}
		return explicit, nil
	}
	for {
		p := filepath.Join(dir, DefaultName)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// reserved are the keys of a plugin table that are not plugin options.
var reserved = map[string]bool{"enabled": true, "path": true, "sha256": true, "rules": true}

// coreKeys are the top-level keys that are not plugin tables.
var coreKeys = []string{"fail_on", "min_severity", "max_file_size", "language", "timeouts", "overrides", "exclude"}

// languageCode is an ISO 639-1 code, as `language` takes it.
var languageCode = regexp.MustCompile(`^[a-z]{2}$`)

// Parse reads a rules.toml. builtins names the plugins the binary serves;
// any other plugin table needs a path. Options are checked later, against
// what each plugin declares (see Validate).
func Parse(path string, src []byte, builtins []string) (*Config, error) {
	c := &Config{
		Path:         path,
		FailOn:       sdk.Error,
		MinSeverity:  sdk.Info,
		MaxFileBytes: 4 << 20,
		StartTimeout: 5 * time.Second,
		CheckTimeout: 10 * time.Second,
		Language:     "auto",
		src:          src,
	}
	var raw map[string]any
	md, err := toml.Decode(string(src), &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, Errors{{Path: path, Line: pe.Position.Line, Msg: pe.Message + " (TOML syntax)"}}
		}
		return nil, Errors{{Path: path, Msg: err.Error()}}
	}
	_ = md
	var errs Errors
	fail := func(key []string, format string, args ...any) {
		errs = append(errs, &Error{Path: path, Line: c.Line(key...), Msg: fmt.Sprintf(format, args...)})
	}
	isBuiltin := map[string]bool{}
	for _, b := range builtins {
		isBuiltin[b] = true
	}

	// Plugins appear in file order so output is stable and readable.
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return c.Line(keys[i]) < c.Line(keys[j]) })

	for _, k := range keys {
		v := raw[k]
		switch k {
		case "fail_on", "min_severity":
			s, ok := v.(string)
			sev, err := sdk.ParseSeverity(s)
			if !ok || err != nil {
				fail([]string{k}, "%s must be \"info\", \"warning\" or \"error\", got %s", k, show(v))
				continue
			}
			if k == "fail_on" {
				c.FailOn = sev
			} else {
				c.MinSeverity = sev
			}
		case "language":
			l, ok := v.(string)
			l = strings.ToLower(strings.TrimSpace(l))
			if !ok || (l != "auto" && !languageCode.MatchString(l)) {
				fail([]string{k}, "language must be \"auto\" or a two-letter ISO 639-1 code such as \"en\" or \"de\", got %s", show(v))
				continue
			}
			c.Language = l
		case "max_file_size":
			n, err := parseSize(v)
			if err != nil {
				fail([]string{k}, "max_file_size: %v", err)
				continue
			}
			c.MaxFileBytes = n
		case "timeouts":
			t, ok := v.(map[string]any)
			if !ok {
				fail([]string{k}, "timeouts must be a table: [timeouts]")
				continue
			}
			for tk, tv := range t {
				d, err := parseDuration(tv)
				switch {
				case tk != "start" && tk != "check":
					fail([]string{k, tk}, "unknown key timeouts.%s%s", tk, didYouMean(tk, []string{"start", "check"}))
				case err != nil:
					fail([]string{k, tk}, "timeouts.%s: %v", tk, err)
				case tk == "start":
					c.StartTimeout = d
				default:
					c.CheckTimeout = d
				}
			}
		case "exclude":
			errs = append(errs, c.parseExclude(v)...)
		case "overrides":
			list, ok := v.([]map[string]any)
			if !ok {
				fail([]string{k}, "overrides must be an array of tables: [[overrides]]")
				continue
			}
			for i, o := range list {
				ov, oerrs := c.parseOverride(i, o)
				errs = append(errs, oerrs...)
				if ov != nil {
					c.Overrides = append(c.Overrides, ov)
				}
			}
		default:
			t, ok := v.(map[string]any)
			if !ok {
				fail([]string{k}, "unknown setting %q%s", k, didYouMean(k, append(append([]string{}, coreKeys...), builtins...)))
				continue
			}
			p, perrs := c.parsePlugin(k, t, isBuiltin[k])
			if perrs != nil {
				errs = append(errs, perrs...)
				continue
			}
			if !isBuiltin[k] && p.Path == "" {
				fail([]string{k}, "unknown plugin %q%s; a third-party plugin needs path = \"...\"", k, didYouMean(k, builtins))
				continue
			}
			c.Plugins = append(c.Plugins, p)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return c, nil
}

func (c *Config) parsePlugin(name string, t map[string]any, builtin bool) (*Plugin, Errors) {
	p := &Plugin{Name: name, Enabled: true, Options: sdk.Options{}, Rules: map[string]*Rule{}}
	var errs Errors
	fail := func(key []string, format string, args ...any) {
		errs = append(errs, &Error{Path: c.Path, Line: c.Line(key...), Msg: fmt.Sprintf(format, args...)})
	}
	for k, v := range t {
		switch k {
		case "enabled":
			b, ok := v.(bool)
			if !ok {
				fail([]string{name, k}, "%s.enabled must be true or false, got %s", name, show(v))
			}
			p.Enabled = b
		case "path", "sha256":
			s, ok := v.(string)
			if !ok {
				fail([]string{name, k}, "%s.%s must be a string, got %s", name, k, show(v))
				continue
			}
			if builtin {
				fail([]string{name, k}, "%s is a built-in plugin: it takes no %s", name, k)
				continue
			}
			if k == "path" {
				if !filepath.IsAbs(s) && c.Path != "" && !strings.HasPrefix(c.Path, "(") {
					s = filepath.Join(filepath.Dir(c.Path), s) // relative to rules.toml, not to the working directory
				}
				p.Path = s
			} else {
				p.SHA256 = strings.ToLower(s)
				if len(s) != 64 || strings.Trim(p.SHA256, "0123456789abcdef") != "" {
					fail([]string{name, k}, "%s.sha256 must be 64 hex digits (sha256sum of the plugin binary)", name)
				}
			}
		case "rules":
			rules, ok := v.(map[string]any)
			if !ok {
				fail([]string{name, k}, "%s.rules must be a table of rule tables: [%s.rules.RULE]", name, name)
				continue
			}
			for rn, rv := range rules {
				rt, ok := rv.(map[string]any)
				if !ok {
					fail([]string{name, "rules", rn}, "%s.rules.%s must be a table", name, rn)
					continue
				}
				r, rerrs := c.parseRule([]string{name, "rules", rn}, rt, true)
				errs = append(errs, rerrs...)
				p.Rules[rn] = r
			}
		default:
			p.Options[k] = v
		}
	}
	return p, errs
}

// parseRule reads enabled, severity and (when options is true) everything
// else as options.
func (c *Config) parseRule(key []string, t map[string]any, options bool) (*Rule, Errors) {
	r := &Rule{Options: sdk.Options{}}
	var errs Errors
	for k, v := range t {
		at := append(append([]string{}, key...), k)
		switch k {
		case "enabled":
			b, ok := v.(bool)
			if !ok {
				errs = append(errs, &Error{Path: c.Path, Line: c.Line(at...), Msg: fmt.Sprintf("%s.enabled must be true or false, got %s", strings.Join(key, "."), show(v))})
				continue
			}
			r.Enabled = &b
		case "severity":
			s, _ := v.(string)
			sev, err := sdk.ParseSeverity(s)
			if err != nil {
				errs = append(errs, &Error{Path: c.Path, Line: c.Line(at...), Msg: fmt.Sprintf("%s.severity must be \"info\", \"warning\" or \"error\", got %s", strings.Join(key, "."), show(v))})
				continue
			}
			r.Severity = sev
		default:
			if !options {
				errs = append(errs, &Error{Path: c.Path, Line: c.Line(at...), Msg: fmt.Sprintf("unknown key %q: overrides set only enabled and severity", k)})
				continue
			}
			r.Options[k] = v
		}
	}
	return r, errs
}

func (c *Config) parseOverride(i int, t map[string]any) (*Override, Errors) {
	o := &Override{Rules: map[string]*Rule{}}
	var errs Errors
	line := c.nthArrayTableLine("overrides", i)
	fail := func(format string, args ...any) {
		errs = append(errs, &Error{Path: c.Path, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	for k, v := range t {
		switch k {
		case "paths":
			l, ok := v.([]any)
			if !ok || len(l) == 0 {
				fail("overrides.paths must be a non-empty list of globs")
				continue
			}
			for _, e := range l {
				s, ok := e.(string)
				if !ok {
					fail("overrides.paths must hold strings")
					continue
				}
				if _, err := filepath.Match(s, ""); err != nil {
					fail("overrides.paths: bad glob %q: %v", s, err)
				}
				o.Paths = append(o.Paths, s)
			}
		case "min_severity":
			s, _ := v.(string)
			sev, err := sdk.ParseSeverity(s)
			if err != nil {
				fail("overrides.min_severity: %v", err)
				continue
			}
			o.MinSeverity = sev
		case "rules":
			rules, ok := v.(map[string]any)
			if !ok {
				fail("overrides.rules must be a table keyed \"plugin/rule\"")
				continue
			}
			for rn, rv := range rules {
				rt, ok := rv.(map[string]any)
				if !ok || !strings.Contains(rn, "/") {
					fail("overrides.rules.%q must be a table such as { enabled = false }, keyed \"plugin/rule\"", rn)
					continue
				}
				r, rerrs := c.parseRule([]string{"overrides", "rules", rn}, rt, false)
				for _, e := range rerrs {
					e.Line = line
				}
				errs = append(errs, rerrs...)
				o.Rules[rn] = r
			}
		case "enabled":
			b, ok := v.(bool)
			if !ok {
				fail("overrides.enabled must be true or false (false leaves the paths out of every check)")
				continue
			}
			o.Enabled = &b
		default:
			fail("unknown key overrides.%s%s", k, didYouMean(k, []string{"paths", "min_severity", "rules", "enabled"}))
		}
	}
	if len(o.Paths) == 0 && len(errs) == 0 {
		fail("an [[overrides]] table needs paths = [\"glob\", ...]")
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return o, nil
}

// Plugin returns the named plugin's table, or nil.
func (c *Config) Plugin(name string) *Plugin {
	for _, p := range c.Plugins {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// WithBuiltins returns the plugin tables to run: every table of the file,
// plus a default table (enabled, no options) for each built-in plugin the
// file does not mention. A user's rules.toml therefore only needs to say
// what differs from the defaults.
func (c *Config) WithBuiltins(builtins []string) []*Plugin {
	out := append([]*Plugin{}, c.Plugins...)
	for _, b := range builtins {
		if c.Plugin(b) == nil {
			out = append(out, &Plugin{Name: b, Enabled: true, Options: sdk.Options{}, Rules: map[string]*Rule{}})
		}
	}
	return out
}

// Validate checks plugin options, rule names, rule options and overrides
// against what the plugins declare. decls maps plugin name to its
// declaration; plugins missing from it (failed to start) are skipped.
func (c *Config) Validate(decls map[string]*sdk.Plugin) error {
	var errs Errors
	fail := func(key []string, format string, args ...any) {
		errs = append(errs, &Error{Path: c.Path, Line: c.Line(key...), Msg: fmt.Sprintf(format, args...)})
	}
	for _, p := range c.Plugins {
		d := decls[p.Name]
		if d == nil {
			continue
		}
		checkOptions(d.Options, p.Options, []string{p.Name}, fail)
		var ruleNames []string
		for _, r := range d.Rules {
			ruleNames = append(ruleNames, r.Name)
		}
		for rn, r := range p.Rules {
			rd := d.Rule(rn)
			if rd == nil {
				fail([]string{p.Name, "rules", rn}, "plugin %s has no rule %q%s", p.Name, rn, didYouMean(rn, ruleNames))
				continue
			}
			checkOptions(rd.Options, r.Options, []string{p.Name, "rules", rn}, fail)
		}
	}
	for i, o := range c.Overrides {
		for id := range o.Rules {
			pn, rn, _ := strings.Cut(id, "/")
			d := decls[pn]
			if d == nil {
				if c.Plugin(pn) == nil {
					errs = append(errs, &Error{Path: c.Path, Line: c.nthArrayTableLine("overrides", i), Msg: fmt.Sprintf("overrides: unknown plugin in rule %q", id)})
				}
				continue
			}
			if d.Rule(rn) == nil {
				var names []string
				for _, r := range d.Rules {
					names = append(names, pn+"/"+r.Name)
				}
				errs = append(errs, &Error{Path: c.Path, Line: c.nthArrayTableLine("overrides", i), Msg: fmt.Sprintf("overrides: unknown rule %q%s", id, didYouMean(id, names))})
			}
		}
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
		return errs
	}
	return nil
}

func checkOptions(decl []sdk.Option, got sdk.Options, key []string, fail func([]string, string, ...any)) {
	var names []string
	byName := map[string]sdk.Option{}
	for _, o := range decl {
		names = append(names, o.Name)
		byName[o.Name] = o
	}
	// A misspelt setting of the table itself ("enabeld") lands here too.
	if len(key) == 1 {
		names = append(names, "enabled", "rules", "path", "sha256")
	} else {
		names = append(names, "enabled", "severity")
	}
	for k, v := range got {
		at := append(append([]string{}, key...), k)
		o, ok := byName[k]
		if !ok {
			fail(at, "unknown option %s.%s%s", strings.Join(key, "."), k, didYouMean(k, names))
			continue
		}
		if err := o.CheckType(v); err != nil {
			fail(at, "%s: %v", strings.Join(key, "."), err)
		}
	}
}

// RuleSettings turns a plugin's table into the settings its plugin process
// receives. Rules enabled by an override somewhere are enabled here too and
// filtered per file afterwards.
func (c *Config) RuleSettings(p *Plugin, decl *sdk.Plugin) map[string]sdk.RuleSettings {
	out := map[string]sdk.RuleSettings{}
	for _, r := range decl.Rules {
		set := sdk.RuleSettings{Enabled: !r.Disabled}
		if rc := p.Rules[r.Name]; rc != nil {
			if rc.Enabled != nil {
				set.Enabled = *rc.Enabled
			}
			set.Options = rc.Options
		}
		for _, o := range c.Overrides {
			if rc := o.Rules[p.Name+"/"+r.Name]; rc != nil && rc.Enabled != nil && *rc.Enabled {
				set.Enabled = true
			}
		}
		out[r.Name] = set
	}
	return out
}

func parseDuration(v any) (time.Duration, error) {
	s, ok := v.(string)
	if !ok {
		return 0, fmt.Errorf("want a duration such as \"5s\", got %s", show(v))
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("want a positive duration such as \"5s\" or \"500ms\", got %q", s)
	}
	return d, nil
}

func parseSize(v any) (int64, error) {
	switch n := v.(type) {
	case int64:
		if n <= 0 {
			return 0, fmt.Errorf("want a positive size, got %d", n)
		}
		return n, nil
	case string:
		s := strings.TrimSpace(strings.ToUpper(n))
		mult := int64(1)
		for _, u := range []struct {
			suffix string
			m      int64
		}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1000}, {"MB", 1000 * 1000}, {"GB", 1000 * 1000 * 1000}, {"B", 1}} {
			if strings.HasSuffix(s, u.suffix) {
				s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.m
				break
			}
		}
		x, err := strconv.ParseInt(s, 10, 64)
		if err != nil || x <= 0 {
			return 0, fmt.Errorf("want a size such as \"4MiB\" or 4194304, got %q", n)
		}
		return x * mult, nil
	}
	return 0, fmt.Errorf("want a size such as \"4MiB\" or 4194304, got %s", show(v))
}

func show(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case nil:
		return "nothing"
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "an array"
	}
	return fmt.Sprint(v)
}
