package sdk

import (
	"fmt"
	"runtime/debug"
	"sort"
)

// RuleSettings is what rules.toml says about one rule.
type RuleSettings struct {
	Enabled  bool
	Severity Severity // zero keeps the rule's default
	Options  Options
}

// Finding is a diagnostic tagged with the rule that reported it.
type Finding struct {
	Rule     string // the rule's name within its plugin
	Category string
	Diagnostic
}

// RuleFailure is a rule that panicked on an article. The other rules' findings
// stand.
type RuleFailure struct {
	Rule  string
	Error string
}

// Session is a plugin configured for a run: options applied, rules chosen.
// The plugin server holds one; sdktest makes one per test.
type Session struct {
	plugin *Plugin
	state  any
	rules  []activeRule
}

type activeRule struct {
	rule     *Rule
	severity Severity
	options  Options
}

// NewSession configures p. rules maps rule names to their settings; a rule
// missing from the map runs with its defaults unless it is Disabled.
func NewSession(p *Plugin, pluginOptions Options, rules map[string]RuleSettings) (*Session, error) {
	s := &Session{plugin: p}
	for name := range rules {
		if p.Rule(name) == nil {
			return nil, fmt.Errorf("plugin %s has no rule %q", p.Name, name)
		}
	}
	if p.Configure != nil {
		st, err := p.Configure(WithDefaults(p.Options, pluginOptions))
		if err != nil {
			return nil, err
		}
		s.state = st
	}
	for _, r := range p.Rules {
		set, ok := rules[r.Name]
		if !ok {
			set = RuleSettings{Enabled: !r.Disabled}
		}
		if !set.Enabled {
			continue
		}
		sev := r.Severity
		if set.Severity != 0 {
			sev = set.Severity
		}
		opts := WithDefaults(r.Options, set.Options)
		if r.Validate != nil {
			if err := r.Validate(opts); err != nil {
				return nil, fmt.Errorf("rule %s: %w", r.Name, err)
			}
		}
		s.rules = append(s.rules, activeRule{rule: r, severity: sev, options: opts})
	}
	return s, nil
}

// Rules returns the names of the rules the session runs.
func (s *Session) Rules() []string {
	out := make([]string, len(s.rules))
	for i, r := range s.rules {
		out[i] = r.rule.Name
	}
	return out
}

// Check runs every enabled rule that understands a's language over a. A
// rule that panics loses its own findings for this article and is listed in
// the failures.
func (s *Session) Check(a *Article) ([]Finding, []RuleFailure) {
	return s.CheckRules(a, nil)
}

// CheckRules is Check limited to the named rules (nil: every enabled rule).
// Names the session does not run are ignored. Rules that do not understand
// the article's language are skipped either way.
func (s *Session) CheckRules(a *Article, only []string) ([]Finding, []RuleFailure) {
	var out []Finding
	var failures []RuleFailure
	shared := &sharedResults{}
	for _, ar := range s.rules {
		if only != nil && !contains(only, ar.rule.Name) {
			continue
		}
		if !ar.rule.Understands(a.Language) {
			continue
		}
		found, err := runRule(a, ar, s.state, shared)
		if err != nil {
			failures = append(failures, RuleFailure{Rule: ar.rule.Name, Error: err.Error()})
			continue
		}
		out = append(out, found...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out, failures
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func runRule(a *Article, ar activeRule, state any, shared *sharedResults) (found []Finding, err error) {
	defer func() {
		if r := recover(); r != nil {
			found = nil
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	if ar.rule.Check == nil {
		return nil, nil
	}
	rule := *ar.rule
	rule.Severity = ar.severity
	pass := NewPass(a, &rule, ar.options, state, func(d Diagnostic) {
		found = append(found, Finding{Rule: rule.Name, Category: rule.Category, Diagnostic: d})
	})
	pass.shared = shared
	ar.rule.Check(pass)
	return found, nil
}
