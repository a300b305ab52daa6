package runner

import "github.com/copydesk/copydesk/core/sdk"

// CorePlugin declares the findings the host itself reports, so that they
// can be looked up like any plugin's (copydesk rules, copydesk explain,
// SARIF rule metadata). It has no process and no Check functions: the
// findings come from the pipeline (suppress.go).
var CorePlugin = &sdk.Plugin{
	Name:    "copydesk",
	Version: "core",
	Doc:     "Findings copydesk reports about the run itself.",
	Rules: []*sdk.Rule{{
		Name:     "ignore",
		Category: "suppression",
		Severity: sdk.Warning,
		Summary:  "A copydesk:ignore directive is missing its reason, names an unknown rule, or silenced nothing.",
		Doc: `A copydesk:ignore directive silences the named rules' findings — in
Markdown and HTML an HTML comment, in plain text a line of its own, in CMS
JSON the "copydesk_ignore" field — and must say why after "--" (in JSON,
"reason"). This finding marks a directive that silences nothing: one without
a reason, one naming a rule no plugin has (with a did-you-mean), or one whose
finding is gone. Fix the directive, or delete it once the copy it excused
has changed, so that stale suppressions do not pile up.`,
		Example: sdk.Example{
			Before: "<!-- copydesk:ignore byline/credit-verbs -->\nStatement by A. Writer",
			After:  "<!-- copydesk:ignore byline/credit-verb -- op-eds are credited \"Statement by\" -->\nStatement by A. Writer",
		},
	}},
}

// coreRules are CorePlugin's rules as `copydesk rules` lists them.
func coreRules() []RuleInfo {
	var out []RuleInfo
	for _, r := range CorePlugin.Rules {
		out = append(out, RuleInfo{ID: CorePlugin.Name + "/" + r.Name, Category: r.Category, Severity: r.Severity, Enabled: true, Summary: r.Summary})
	}
	return out
}
