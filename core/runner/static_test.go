package runner

import (
	"reflect"
	"testing"

	"github.com/copydesk/copydesk/core/config"
	"github.com/copydesk/copydesk/core/sdk"
)

// TestStaticMatchesEngine: without starting anything, Static lists the same
// rules, with the same effective settings, as a started engine.
func TestStaticMatchesEngine(t *testing.T) {
	plug := &sdk.Plugin{Name: "words", Version: "1", Rules: []*sdk.Rule{
		{Name: "a", Category: "test", Severity: sdk.Warning, Summary: "A."},
		{Name: "b", Category: "test", Severity: sdk.Info, Summary: "B.", Disabled: true},
	}}
	off := &sdk.Plugin{Name: "off", Version: "1", Rules: []*sdk.Rule{{Name: "c", Category: "test", Severity: sdk.Error, Summary: "C.", Disabled: true}}}
	cfg, err := config.Parse("rules.toml", []byte("[words.rules.a]\nseverity = \"error\"\n"), []string{"words", "off"})
	if err != nil {
		t.Fatal(err)
	}
	rules, decls, ok, err := Static(cfg, []*sdk.Plugin{plug, off})
	if err != nil || !ok {
		t.Fatalf("ok %v err %v", ok, err)
	}
	want := []RuleInfo{
		{ID: "words/a", Category: "test", Severity: sdk.Error, Enabled: true, Summary: "A."},
		{ID: "words/b", Category: "test", Severity: sdk.Info, Enabled: false, Summary: "B."},
	}
	want = append(want, coreRules()...)
	if !reflect.DeepEqual(rules, want) {
		t.Errorf("rules\n%+v\nwant\n%+v", rules, want)
	}
	if len(decls) != 2 || decls[0] != plug || decls[1] != CorePlugin {
		t.Errorf("declarations: %v", decls)
	}

	third, err := config.Parse("rules.toml", []byte("[house]\npath = \"bin/house\"\n"), []string{"words"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok, _ := Static(third, []*sdk.Plugin{plug}); ok {
		t.Error("a third-party plugin must be started to be described")
	}
	bad, _ := config.Parse("rules.toml", []byte("[words.rules.nope]\nenabled = false\n"), []string{"words"})
	if _, _, _, err := Static(bad, []*sdk.Plugin{plug}); err == nil {
		t.Error("a rule no plugin declares is a configuration error")
	}
}
