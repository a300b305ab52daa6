package runner

import (
	"github.com/copydesk/copydesk/core/config"
	"github.com/copydesk/copydesk/core/sdk"
)

// Static answers what Engine.Rules and Engine.Declarations answer without
// starting a process, when every enabled plugin is built in: their
// declarations are compiled into the binary. `copydesk rules` and `copydesk
// explain` use it to answer at once. ok is false when a third-party plugin
// is enabled (it must be started to say what it declares); a configuration
// that does not match the declarations is an error, as in Start.
func Static(cfg *config.Config, builtins []*sdk.Plugin) (rules []RuleInfo, decls []*sdk.Plugin, ok bool, err error) {
	byName := map[string]*sdk.Plugin{}
	names := make([]string, len(builtins))
	for i, b := range builtins {
		byName[b.Name] = b
		names[i] = b.Name
	}
	if err := cfg.Validate(byName); err != nil {
		return nil, nil, false, err
	}
	for _, t := range cfg.WithBuiltins(names) {
		if !t.Enabled {
			continue
		}
		d := byName[t.Name]
		if d == nil {
			return nil, nil, false, nil
		}
		if !anyRuleEnabled(cfg, t, d) {
			continue
		}
		settings := cfg.RuleSettings(t, d)
		for _, r := range d.Rules {
			sev := r.Severity
			if rc := t.Rules[r.Name]; rc != nil && rc.Severity != 0 {
				sev = rc.Severity
			}
			rules = append(rules, RuleInfo{ID: d.Name + "/" + r.Name, Category: r.Category, Severity: sev, Enabled: settings[r.Name].Enabled, Summary: r.Summary})
		}
		decls = append(decls, d)
	}
	return append(rules, coreRules()...), append(decls, CorePlugin), true, nil
}
