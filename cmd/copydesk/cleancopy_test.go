package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
)

// Budgets of unreviewed findings on clean copy, per 1,000 sentences.
const (
	cleanBudgetTotal   = 1.0 // over one language folder
	cleanBudgetPerRule = 0.3 // for any single rule
)

// TestCleanCopy is the precision gate: copydesk with its default
// configuration over real edited news (../shared/corpus/clean), every
// finding compared with the reviewed list in testdata/clean-copy. See that
// folder's README.
func TestCleanCopy(t *testing.T) {
	clean := filepath.Join(sharedDir(t), "corpus", "clean")
	if _, err := os.Stat(clean); err != nil {
		t.Skipf("no clean corpus at %s", clean)
	}
	reviewed := readReviewed(t, repoFile(t, "testdata/clean-copy"))
	englishOnly := englishOnlyRules(t)
	used := map[reviewKey]bool{}
	ran := map[string]bool{}
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			ran[lang] = true
			dir := filepath.Join(clean, lang)
			sentences := countSentences(t, dir)
			r := runCLI(t, "", "", "check", "--format", "json", "--fail-on", "error", dir)
			if r.code != 0 && r.code != 1 {
				t.Fatalf("copydesk exited %d\n%s", r.code, r.stderr)
			}
			out := decode(t, r.stdout)
			for _, f := range out.PluginFailures {
				t.Errorf("plugin failure: %s on %s: %s", f.Plugin, f.Path, f.Error)
			}
			perRule := map[string]int{}
			unreviewed := map[string][]string{}
			total, totalUnreviewed := 0, 0
			for _, f := range out.Files {
				if f.Error != "" {
					t.Errorf("%s: %s", f.Path, f.Error)
				}
				rel := lang + "/" + filepath.Base(f.Path)
				for _, d := range f.Diagnostics {
					total++
					perRule[d.Rule]++
					if lang != "en" && englishOnly[d.Rule] {
						t.Errorf("%s:%d: %s declares English only, yet reported on %s copy: %s", rel, d.Line, d.Rule, lang, d.Message)
					}
					k := reviewKey{rel, d.Line, d.Rule}
					if reviewed[k] != "" {
						used[k] = true
						continue
					}
					totalUnreviewed++
					unreviewed[d.Rule] = append(unreviewed[d.Rule], fmt.Sprintf("%s:%d %s %s", rel, d.Line, d.Rule, d.Message))
				}
			}
			per1k := func(n int) float64 { return float64(n) * 1000 / float64(sentences) }
			t.Logf("%s: %d articles, %d sentences, %d findings, %d unreviewed (%.2f per 1,000 sentences; budget %.1f)",
				lang, len(out.Files), sentences, total, totalUnreviewed, per1k(totalUnreviewed), cleanBudgetTotal)
			rules := make([]string, 0, len(perRule))
			for r := range perRule {
				rules = append(rules, r)
			}
			sort.Strings(rules)
			for _, rule := range rules {
				n := len(unreviewed[rule])
				t.Logf("  %-34s %4d findings, %4d unreviewed = %.2f per 1,000 (budget %.1f)", rule, perRule[rule], n, per1k(n), cleanBudgetPerRule)
				if per1k(n) > cleanBudgetPerRule {
					t.Errorf("%s: %d unreviewed findings on clean %s copy, %.2f per 1,000 sentences, over the budget of %.1f:\n  %s",
						rule, n, lang, per1k(n), cleanBudgetPerRule, strings.Join(unreviewed[rule], "\n  "))
				}
			}
			if per1k(totalUnreviewed) > cleanBudgetTotal {
				t.Errorf("%d unreviewed findings on clean %s copy, %.2f per 1,000 sentences, over the budget of %.1f", totalUnreviewed, lang, per1k(totalUnreviewed), cleanBudgetTotal)
			}
		})
	}
	if t.Failed() {
		return
	}
	for k, reason := range reviewed {
		if lang, _, _ := strings.Cut(k.file, "/"); ran[lang] && !used[k] {
			t.Errorf("testdata/clean-copy: %s:%d %s (%s) is no longer reported; remove the entry", k.file, k.line, k.rule, reason)
		}
	}
}

type reviewKey struct {
	file string
	line int
	rule string
}

// readReviewed reads every reviewed*.tsv of dir: file, line, rule, TRUE, reason.
func readReviewed(t *testing.T, dir string) map[reviewKey]string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "reviewed*.tsv"))
	out := map[reviewKey]string{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			cols := strings.Split(line, "\t")
			if len(cols) != 5 {
				t.Fatalf("%s:%d: want 5 tab-separated columns (file, line, rule, TRUE, reason), got %d", p, n, len(cols))
			}
			ln, err := strconv.Atoi(cols[1])
			if err != nil || ln < 1 {
				t.Fatalf("%s:%d: line %q is not a line number", p, n, cols[1])
			}
			if cols[3] != "TRUE" || strings.TrimSpace(cols[4]) == "" {
				t.Fatalf("%s:%d: only findings judged TRUE, with a reason, belong here", p, n)
			}
			k := reviewKey{cols[0], ln, cols[2]}
			if out[k] != "" {
				t.Fatalf("%s:%d: %s:%d %s is listed twice", p, n, k.file, k.line, k.rule)
			}
			out[k] = cols[4]
		}
		f.Close()
	}
	return out
}

// countSentences counts the sentences of every article in dir with
// copydesk's own parser and segmenter.
func countSentences(t *testing.T, dir string) int {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no articles in %s", dir)
	}
	n := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := article.Parse(p, article.FormatText, data)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, b := range a.Blocks {
			n += len(b.Sentences)
		}
	}
	return n
}

// englishOnlyRules lists the rules that declare English as their only
// language, from `copydesk rules --json`.
func englishOnlyRules(t *testing.T) map[string]bool {
	t.Helper()
	r := runCLI(t, "", "", "rules", "--json")
	if r.code != 0 {
		t.Fatalf("copydesk rules --json exited %d: %s", r.code, r.stderr)
	}
	var rules []struct {
		ID, Languages string
	}
	if err := json.Unmarshal([]byte(r.stdout), &rules); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, rule := range rules {
		if rule.Languages == "en" {
			out[rule.ID] = true
		}
	}
	return out
}
