package sdk

import (
	"strings"
	"testing"
)

func TestHeuristicFiresTracesAndSwitchesOff(t *testing.T) {
	short := &Heuristic[string]{Name: "short", Doc: "a short text", Effect: Suppresses,
		Positive: "No.", Negative: "A longer sentence.", Test: func(s string) bool { return len(s) < 5 }}
	var set HeuristicSet
	set.Register(short.Info())
	tr := &Trace{}
	if !short.Fires(&set, short.Positive, tr) || short.Fires(&set, short.Negative, tr) {
		t.Fatal("examples do not behave")
	}
	if !tr.Fired("short") || !strings.Contains(tr.String(), "+ short (suppresses)") || !strings.Contains(tr.String(), "- short (suppresses)") {
		t.Errorf("trace:\n%s", tr)
	}
	if err := set.SetOff("short"); err != nil {
		t.Fatal(err)
	}
	if short.Fires(&set, short.Positive, nil) {
		t.Error("a heuristic switched off fired")
	}
	if err := set.SetOff("long"); err == nil || !strings.Contains(err.Error(), "known: short") {
		t.Errorf("unknown name: err = %v", err)
	}
	if short.Fires(nil, short.Positive, nil) != true {
		t.Error("a nil set must leave heuristics on")
	}
}

func TestHeuristicRegisterRefusesIncomplete(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a heuristic without examples was registered")
		}
	}()
	var set HeuristicSet
	set.Register(HeuristicInfo{Name: "x", Doc: "y"})
}
