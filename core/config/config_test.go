package config

import (
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/core/sdk"
)

var builtins = []string{"repetition", "quotes", "byline"}

// decls stands in for what plugins declare.
var decls = map[string]*sdk.Plugin{
	"quotes": {Name: "quotes", Options: []sdk.Option{{Name: "style", Type: sdk.Enumeration, Choices: []string{"curly", "straight"}}},
		Rules: []*sdk.Rule{{Name: "mixed-style", Options: []sdk.Option{{Name: "min_count", Type: sdk.Int}}}, {Name: "unclosed"}}},
	"byline":     {Name: "byline", Options: []sdk.Option{{Name: "staff", Type: sdk.TableList}}, Rules: []*sdk.Rule{{Name: "credit-verb"}, {Name: "pronoun", Disabled: true}}},
	"repetition": {Name: "repetition", Rules: []*sdk.Rule{{Name: "doubled-word"}}},
}

func TestParseValid(t *testing.T) {
	src := `
fail_on = "warning"
min_severity = "warning"
max_file_size = "1MiB"

[timeouts]
start = "2s"
check = "500ms"

[quotes]
style = "curly"

[quotes.rules.mixed-style]
severity = "error"
min_count = 2

[[byline.staff]]
name = "Humeyra Pamuk"
pronouns = "she/her"

[byline.rules.pronoun]
enabled = true

[repetition]
enabled = false

[house]
path = "bin/house"
sha256 = "` + strings.Repeat("ab", 32) + `"

[[overrides]]
paths = ["archive/**"]
min_severity = "error"
[overrides.rules]
"quotes/unclosed" = { enabled = false }
`
	c, err := Parse("/cfg/rules.toml", []byte(src), builtins)
	if err != nil {
		t.Fatal(err)
	}
	if c.FailOn != sdk.Warning || c.MinSeverity != sdk.Warning || c.MaxFileBytes != 1<<20 {
		t.Errorf("core settings: %+v", c)
	}
	if c.StartTimeout != 2*time.Second || c.CheckTimeout != 500*time.Millisecond {
		t.Errorf("timeouts: %v %v", c.StartTimeout, c.CheckTimeout)
	}
	if err := c.Validate(decls); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	house := c.Plugin("house")
	if house == nil || house.Path != "/cfg/bin/house" {
		t.Errorf("third-party path is resolved against rules.toml's folder: %+v", house)
	}
	if p := c.Plugin("repetition"); p == nil || p.Enabled {
		t.Errorf("repetition should be disabled: %+v", p)
	}
	rs := c.RuleSettings(c.Plugin("byline"), decls["byline"])
	if !rs["pronoun"].Enabled || !rs["credit-verb"].Enabled {
		t.Errorf("byline rule settings: %+v", rs)
	}
	q := c.RuleSettings(c.Plugin("quotes"), decls["quotes"])
	if q["mixed-style"].Options["min_count"] != int64(2) {
		t.Errorf("rule options: %+v", q["mixed-style"].Options)
	}
	if len(c.Overrides) != 1 || *c.Overrides[0].Rules["quotes/unclosed"].Enabled {
		t.Errorf("overrides: %+v", c.Overrides)
	}
	all := c.WithBuiltins(builtins)
	if len(all) != 4 {
		t.Errorf("WithBuiltins: want the file's 4 tables (house + 3 built-ins), got %d", len(all))
	}
}

func TestParseErrorsNameLineAndSuggest(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		want      string
	}{
		{"syntax", "fail_on = \"error\"\nmin_severity = = \"info\"\n", 2, "TOML syntax"},
		{"bad severity", "\n\nfail_on = \"fatal\"\n", 3, `fail_on must be "info", "warning" or "error"`},
		{"unknown plugin", "[quotse]\nenabled = true\n", 1, "did you mean quotes?"},
		{"unknown top-level key", "fail-on = \"error\"\n", 1, "did you mean fail_on?"},
		{"built-in with path", "[quotes]\npath = \"x\"\n", 2, "built-in plugin"},
		{"bad sha", "[house]\npath = \"x\"\nsha256 = \"abc\"\n", 3, "64 hex digits"},
		{"bad timeout", "[timeouts]\nstart = \"soon\"\n", 2, "positive duration"},
		{"unknown timeout", "[timeouts]\nstrat = \"1s\"\n", 2, "did you mean start?"},
		{"enabled not bool", "[byline]\nenabled = \"yes\"\n", 2, "true or false"},
		{"rule severity", "[quotes.rules.unclosed]\nseverity = \"loud\"\n", 2, "severity must be"},
		{"override without paths", "[[overrides]]\nmin_severity = \"error\"\n", 1, "needs paths"},
		{"bad size", "max_file_size = \"lots\"\n", 1, "max_file_size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("rules.toml", []byte(tt.src), builtins)
			if err == nil {
				t.Fatal("no error")
			}
			errs, ok := err.(Errors)
			if !ok || len(errs) == 0 {
				t.Fatalf("want config.Errors, got %T %v", err, err)
			}
			if errs[0].Line != tt.line || !strings.Contains(errs[0].Error(), tt.want) {
				t.Errorf("got %q (line %d), want line %d containing %q", errs[0].Error(), errs[0].Line, tt.line, tt.want)
			}
			if !strings.HasPrefix(errs[0].Error(), "rules.toml") {
				t.Errorf("error must name the file: %q", errs[0].Error())
			}
		})
	}
}

func TestValidateAgainstDeclarations(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		want      string
	}{
		{"unknown plugin option", "[quotes]\nstlye = \"curly\"\n", 2, "unknown option quotes.stlye; did you mean style?"},
		{"misspelt enabled", "[quotes]\nenabeld = false\n", 2, "unknown option quotes.enabeld; did you mean enabled?"},
		{"misspelt severity", "[quotes.rules.mixed-style]\nseverty = \"error\"\n", 2, "did you mean severity?"},
		{"bad enumeration", "[quotes]\nstyle = \"fancy\"\n", 2, "not one of"},
		{"unknown rule", "[quotes.rules.unclsoed]\nenabled = false\n", 1, "did you mean unclosed?"},
		{"unknown rule option", "[quotes.rules.mixed-style]\nmin_cuont = 3\n", 2, "did you mean min_count?"},
		{"wrong option type", "[quotes.rules.mixed-style]\nmin_count = \"three\"\n", 2, "wants a int, got string"},
		{"table list wanted", "[byline]\nstaff = \"Humeyra\"\n", 2, "wants a table-list"},
		{"override unknown rule", "[[overrides]]\npaths = [\"a/*\"]\n[overrides.rules]\n\"quotes/unclsoed\" = { enabled = false }\n", 1, "did you mean quotes/unclosed?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("rules.toml", []byte(tt.src), builtins)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			err = c.Validate(decls)
			errs, ok := err.(Errors)
			if !ok || len(errs) == 0 {
				t.Fatalf("want config.Errors, got %v", err)
			}
			if errs[0].Line != tt.line || !strings.Contains(errs[0].Msg, tt.want) {
				t.Errorf("got %q (line %d), want line %d containing %q", errs[0].Error(), errs[0].Line, tt.line, tt.want)
			}
		})
	}
}

func TestLineFindsQuotedAndDottedKeys(t *testing.T) {
	src := "a = 1\n[p.rules.\"x-y\"]\nopt = 2 # c\n[p]\nq.r = 3\n"
	c := &Config{src: []byte(src)}
	for _, tt := range []struct {
		key  []string
		want int
	}{
		{[]string{"a"}, 1}, {[]string{"p", "rules", "x-y"}, 2}, {[]string{"p", "rules", "x-y", "opt"}, 3},
		{[]string{"p"}, 4}, {[]string{"p", "q", "r"}, 5}, {[]string{"zzz"}, 0},
	} {
		if got := c.Line(tt.key...); got != tt.want {
			t.Errorf("Line(%v) = %d, want %d", tt.key, got, tt.want)
		}
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	if p, err := Find("", dir); err != nil || p != "" {
		t.Errorf("no rules.toml: got %q %v", p, err)
	}
	if _, err := Find(dir+"/missing.toml", dir); err == nil {
		t.Error("a missing --config must be an error")
	}
}
