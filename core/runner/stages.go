package runner

import (
	"sort"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/config"
	"github.com/copydesk/copydesk/core/sdk"
)

// A file's findings pass through these stages, in this order, between the
// plugins and the reporters — as golangci-lint's processors do. Each stage
// is a small function with its own test (stages_test.go). The baseline
// (--baseline, copydesk baseline) is the CLI's stage after these: it needs
// the whole run's findings, see cmd/copydesk/ci.go.
var stages = []stage{
	{"quoted", "mark findings inside a direct quotation (in_quote): --fix leaves them alone", stageQuoted},
	{"suppress", "drop findings under a copydesk:ignore directive; report stale ones and unknown rules", stageSuppress},
	{"severity", "apply the severities rules.toml sets for rules", stageSeverity},
	{"overrides", "apply [[overrides]] matching the file: rules off, severities", stageOverrides},
	{"min-severity", "drop findings below min_severity (an override's, when one matches)", stageMinSeverity},
	{"dedupe", "drop a finding identical to an earlier one (rule, span, message)", stageDedupe},
	{"sort", "order by line, column, rule", stageSort},
}

// stage is one named step of processing.
type stage struct {
	name string
	doc  string
	run  func(*fileScope, []Diagnostic) []Diagnostic
}

// fileScope is what the stages know about the file they process.
type fileScope struct {
	cfg        *config.Config
	severities map[string]sdk.Severity // "plugin/rule" -> rules.toml severity
	path       string
	article    *article.Article
	overrides  []*config.Override // the ones matching path, in file order
	known      *catalog           // the rules suppressions may name; nil: unchecked
}

func newFileScope(cfg *config.Config, severities map[string]sdk.Severity, f *File) *fileScope {
	sc := &fileScope{cfg: cfg, severities: severities, path: f.Path, article: f.Article}
	for _, o := range cfg.Overrides {
		if matchAny(o.Paths, f.Path) {
			sc.overrides = append(sc.overrides, o)
		}
	}
	return sc
}

// processFile runs every stage over a file's findings.
func processFile(cfg *config.Config, severities map[string]sdk.Severity, known *catalog, f *File) []Diagnostic {
	sc := newFileScope(cfg, severities, f)
	sc.known = known
	ds := f.Diagnostics
	for _, st := range stages {
		ds = st.run(sc, ds)
	}
	return ds
}

func stageSuppress(sc *fileScope, ds []Diagnostic) []Diagnostic {
	if sc.article == nil {
		return ds
	}
	return suppress(sc.article, ds, sc.known)
}

func stageQuoted(sc *fileScope, ds []Diagnostic) []Diagnostic {
	return markQuoted(sc.article, ds)
}

func stageSeverity(sc *fileScope, ds []Diagnostic) []Diagnostic {
	for i := range ds {
		if s, ok := sc.severities[ds[i].Rule]; ok {
			ds[i].Severity = s
		}
	}
	return ds
}

func stageOverrides(sc *fileScope, ds []Diagnostic) []Diagnostic {
	if len(sc.overrides) == 0 {
		return ds
	}
	out := ds[:0]
	for _, d := range ds {
		enabled := true
		for _, o := range sc.overrides { // later overrides win
			if rc := o.Rules[d.Rule]; rc != nil {
				if rc.Enabled != nil {
					enabled = *rc.Enabled
				}
				if rc.Severity != 0 {
					d.Severity = rc.Severity
				}
			}
		}
		if enabled {
			out = append(out, d)
		}
	}
	return out
}

func stageMinSeverity(sc *fileScope, ds []Diagnostic) []Diagnostic {
	minSev := sc.cfg.MinSeverity
	for _, o := range sc.overrides {
		if o.MinSeverity != 0 {
			minSev = o.MinSeverity
		}
	}
	out := ds[:0]
	for _, d := range ds {
		if d.Severity >= minSev {
			out = append(out, d)
		}
	}
	return out
}

func stageDedupe(_ *fileScope, ds []Diagnostic) []Diagnostic {
	out := ds[:0]
	seen := map[[4]any]bool{}
	for _, d := range ds {
		key := [4]any{d.Rule, d.Offset, d.EndOffset, d.Message}
		if !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	return out
}

func stageSort(_ *fileScope, ds []Diagnostic) []Diagnostic {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
	return ds
}
