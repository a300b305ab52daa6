package host

import (
	"fmt"
	"regexp"

	"github.com/copydesk/copydesk/core/protocol/pb"
	"github.com/copydesk/copydesk/core/sdk"
)

// category is a lowercase word, hyphens allowed: "byline", "stray-ui".
var category = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

func validSeverity(s sdk.Severity) bool { return s >= sdk.Info && s <= sdk.Error }

// validateInfo checks a plugin's description before any rule of it is used.
func validateInfo(p *sdk.Plugin) error {
	if p.Name == "" {
		return fmt.Errorf("the plugin has no name")
	}
	seen := map[string]bool{}
	for _, r := range p.Rules {
		switch {
		case r.Name == "":
			return fmt.Errorf("a rule has no name")
		case seen[r.Name]:
			return fmt.Errorf("rule %q is declared twice", r.Name)
		case !category.MatchString(r.Category):
			return fmt.Errorf("rule %s: category %q is not a lowercase word", r.Name, r.Category)
		case !validSeverity(r.Severity):
			return fmt.Errorf("rule %s: severity %d is not info, warning or error", r.Name, r.Severity)
		}
		seen[r.Name] = true
	}
	return nil
}

// validate checks one article's answer: the host maps every span back to
// the source file and prints it, so a bad span must never get that far.
func validate(resp *pb.CheckResponse, textLen int, rules map[string]*sdk.Rule, maxFindings int) error {
	if n := max(resp.TotalFindings, int64(len(resp.Findings))); n > int64(maxFindings) {
		return fmt.Errorf("%d findings for one article, more than the limit of %d", n, maxFindings)
	}
	span := func(what string, s *pb.Span) error {
		if s == nil {
			return fmt.Errorf("%s has no span", what)
		}
		if s.Start < 0 || s.Start > s.End || s.End > int64(textLen) {
			return fmt.Errorf("%s has span [%d,%d) outside the article's %d bytes", what, s.Start, s.End, textLen)
		}
		return nil
	}
	for i, f := range resp.Findings {
		what := fmt.Sprintf("finding %d (rule %q)", i, f.Rule)
		if rules[f.Rule] == nil {
			return fmt.Errorf("%s: the plugin has no such rule", what)
		}
		// The rule's own category was checked in Describe; only another
		// one needs the (slower) pattern.
		if f.Category != rules[f.Rule].Category && !category.MatchString(f.Category) {
			return fmt.Errorf("%s: category %q is not a lowercase word", what, f.Category)
		}
		if !validSeverity(sdk.Severity(f.Severity)) {
			return fmt.Errorf("%s: severity %d is not info, warning or error", what, f.Severity)
		}
		if err := span(what, f.Span); err != nil {
			return err
		}
		for _, s := range f.Suggestions {
			if err := span(what+": a suggestion", s.Span); err != nil {
				return err
			}
		}
		for _, r := range f.Related {
			if err := span(what+": a related place", r.Span); err != nil {
				return err
			}
		}
	}
	for _, f := range resp.Failures {
		if rules[f.Rule] == nil {
			return fmt.Errorf("a failure of rule %q: the plugin has no such rule", f.Rule)
		}
	}
	return nil
}
