package sdktest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/sdk"
)

// SharedDir returns the team's read-only shared folder (../shared beside the
// checkout), or skips the test when it is not there. The labelled articles
// in it are licensed for research use and are never copied into the repo.
func SharedDir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("COPYDESK_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(filepath.Dir(dir), "shared")
			if _, err := os.Stat(shared); err != nil {
				t.Skipf("shared data not found at %s (set COPYDESK_SHARED)", shared)
			}
			return shared
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found")
		}
		dir = parent
	}
}

// EvalLabel is one labelled defect of an evaluation case.
type EvalLabel struct {
	Class        string `json:"class"`
	Line         int    `json:"line"`
	Text         string `json:"text"`
	Subtype      string `json:"subtype"`
	RelatedLines []int  `json:"related_lines"`
}

// EvalCase is one article of the labelled dev set.
type EvalCase struct {
	Name    string
	Path    string
	Control bool        `json:"control"`
	Labels  []EvalLabel `json:"labels"`
}

// EvalCases loads ../shared/eval-public/cases.
func EvalCases(t testing.TB) []EvalCase {
	t.Helper()
	return LoadCases(t, filepath.Join(SharedDir(t), "eval-public", "cases"))
}

// LoadCases loads labelled cases (NNNN.txt beside NNNN.json, in the format
// of ../shared/eval-public) from any folder, such as the project's own
// red-team set in testdata/redteam. It skips the test when there are none.
func LoadCases(t testing.TB, dir string) []EvalCase {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(paths) == 0 {
		t.Skipf("no cases in %s", dir)
	}
	sort.Strings(paths)
	var out []EvalCase
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var c EvalCase
		if err := json.Unmarshal(data, &c); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		c.Name = strings.TrimSuffix(filepath.Base(p), ".json")
		c.Path = strings.TrimSuffix(p, ".json") + ".txt"
		out = append(out, c)
	}
	return out
}

// CleanArticles returns the paths of the clean source articles in
// ../shared/eval-public/articles: professional copy every rule must leave
// alone.
func CleanArticles(t testing.TB) []string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(SharedDir(t), "eval-public", "articles", "*.txt"))
	if len(paths) == 0 {
		t.Skip("no clean articles in shared/eval-public/articles")
	}
	return paths
}

// Scores is how a plugin does on one category of the dev set, counted the
// way ../shared/eval-public/score.py counts (a finding within ±1 line of a
// label's line or related line).
type Scores struct {
	Labels, Found       int // labels of the category, and those found
	Diagnostics, Hits   int // findings of the category, and those near a label
	ControlFalsePos     int // findings of the category on control cases
	CleanFalsePos       int // findings of the category on the clean source articles
	Misses, FalseAlarms []string
}

func (s Scores) Recall() float64 {
	if s.Labels == 0 {
		return 1
	}
	return float64(s.Found) / float64(s.Labels)
}

func (s Scores) Precision() float64 {
	if s.Diagnostics == 0 {
		return 1
	}
	return float64(s.Hits) / float64(s.Diagnostics)
}

func (s Scores) String() string {
	return fmt.Sprintf("recall %d/%d=%.2f precision %d/%d=%.2f control FP %d clean-article FP %d",
		s.Found, s.Labels, s.Recall(), s.Hits, s.Diagnostics, s.Precision(), s.ControlFalsePos, s.CleanFalsePos)
}

// Score runs the plugin in-process over the dev set and the clean articles
// and counts its findings of the given category.
func Score(t *testing.T, p *sdk.Plugin, cfg Config, category string) Scores {
	t.Helper()
	return ScoreWith(t, category, func(path string) []Located {
		var out []Located
		for _, r := range checkFile(t, p, cfg, path) {
			out = append(out, Located{Category: r.Category, Line: r.Line, Desc: r.String()})
		}
		return out
	})
}

// Located is a finding's category and source line, all scoring needs.
type Located struct {
	Category string
	Line     int
	Desc     string // for failure messages
}

// ScoreWith scores any checker (in-process, or the copydesk binary) on the
// dev set and the clean articles. check returns the findings for one file.
func ScoreWith(t *testing.T, category string, check func(path string) []Located) Scores {
	t.Helper()
	s := ScoreCases(t, EvalCases(t), category, check)
	for _, path := range CleanArticles(t) {
		for _, r := range check(path) {
			if r.Category == category {
				s.CleanFalsePos++
				s.FalseAlarms = append(s.FalseAlarms, fmt.Sprintf("clean %s:%s", filepath.Base(path), r.Desc))
			}
		}
	}
	return s
}

// ScoreCases scores any checker on the given cases only, counted as
// ScoreWith counts them (CleanFalsePos stays zero: controls are the clean
// copy here).
func ScoreCases(t *testing.T, cases []EvalCase, category string, check func(path string) []Located) Scores {
	t.Helper()
	var s Scores
	near := func(line int, l EvalLabel) bool {
		if abs(line-l.Line) <= 1 {
			return true
		}
		for _, r := range l.RelatedLines {
			if abs(line-r) <= 1 {
				return true
			}
		}
		return false
	}
	for _, c := range cases {
		results := check(c.Path)
		for _, l := range c.Labels {
			if l.Class != category {
				continue
			}
			s.Labels++
			found := false
			for _, r := range results {
				if r.Category == category && near(r.Line, l) {
					found = true
				}
			}
			if found {
				s.Found++
			} else {
				s.Misses = append(s.Misses, fmt.Sprintf("%s:%d %s %q", c.Name, l.Line, l.Subtype, l.Text))
			}
		}
		for _, r := range results {
			if r.Category != category {
				continue
			}
			s.Diagnostics++
			hit := false
			for _, l := range c.Labels {
				if l.Class == category && near(r.Line, l) {
					hit = true
				}
			}
			if hit {
				s.Hits++
			} else {
				s.FalseAlarms = append(s.FalseAlarms, fmt.Sprintf("%s:%s", c.Name, r.Desc))
			}
			if c.Control {
				s.ControlFalsePos++
			}
		}
	}
	return s
}

func checkFile(t *testing.T, p *sdk.Plugin, cfg Config, path string) []Result {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse(path, article.FormatText, data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return Check(t, p, cfg, a)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Targets are what a category must reach on the dev set, and how many
// findings it may leave on the controls and on the clean articles.
type Targets struct {
	Recall, Precision    float64
	MaxControl, MaxClean int
}

// Require logs the scores, the misses and the false alarms, and fails the
// test when the category falls short of its targets.
func (s Scores) Require(t *testing.T, category string, tg Targets) {
	t.Helper()
	t.Logf("%s: %s", category, s)
	for _, m := range s.Misses {
		t.Logf("miss: %s", m)
	}
	for _, f := range s.FalseAlarms {
		t.Logf("false alarm: %s", f)
	}
	if s.Recall() < tg.Recall {
		t.Errorf("%s recall %.2f < %.2f", category, s.Recall(), tg.Recall)
	}
	if s.Precision() < tg.Precision {
		t.Errorf("%s precision %.2f < %.2f", category, s.Precision(), tg.Precision)
	}
	if s.ControlFalsePos > tg.MaxControl || s.CleanFalsePos > tg.MaxClean {
		t.Errorf("%s: %d findings on the controls (at most %d) and %d on the clean articles (at most %d)",
			category, s.ControlFalsePos, tg.MaxControl, s.CleanFalsePos, tg.MaxClean)
	}
}
