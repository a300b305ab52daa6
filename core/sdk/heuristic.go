package sdk

import (
	"fmt"
	"strings"
	"sync"
)

// Effect says what a heuristic does when it fires.
type Effect int

const (
	// Reports: firing makes (or keeps) a candidate a finding.
	Reports Effect = iota
	// Suppresses: firing clears a candidate.
	Suppresses
)

func (e Effect) String() string {
	if e == Suppresses {
		return "suppresses"
	}
	return "reports"
}

// Heuristic is one named test a rule applies to a candidate of type T (a
// sentence, a token in its sentence): a value with a name, a one-line doc
// and an example on each side, instead of an anonymous branch. Tests are
// generated from the examples (Positive must fire it, Negative must not),
// a Trace records which heuristics fired for a candidate, and a
// measurement can switch one off to see what it is worth.
//
//	var quoted = &sdk.Heuristic[*sentence]{
//		Name: "quoted", Effect: sdk.Suppresses,
//		Doc: "quoted speech is not checked: people speak in fragments",
//		Positive: `"Not today."`, Negative: "Not today.",
//		Test: func(s *sentence) bool { return s.Quoted },
//	}
type Heuristic[T any] struct {
	Name     string
	Doc      string
	Effect   Effect
	Positive string // an example the heuristic fires on
	Negative string // a similar example it does not fire on
	Test     func(T) bool
}

// Fires runs the heuristic on c and records the outcome in tr (which may be
// nil). A heuristic switched off in set never fires.
func (h *Heuristic[T]) Fires(set *HeuristicSet, c T, tr *Trace) bool {
	if set.IsOff(h.Name) {
		tr.add(h.Name, h.Effect, false, "off")
		return false
	}
	v := h.Test(c)
	tr.add(h.Name, h.Effect, v, "")
	return v
}

// Info returns the heuristic's description without its test.
func (h *Heuristic[T]) Info() HeuristicInfo {
	return HeuristicInfo{Name: h.Name, Doc: h.Doc, Effect: h.Effect, Positive: h.Positive, Negative: h.Negative}
}

// HeuristicInfo describes a heuristic for listings, tests and metrics.
type HeuristicInfo struct {
	Name, Doc          string
	Effect             Effect
	Positive, Negative string
}

// HeuristicSet is a plugin's register of heuristics and of those switched
// off for a measurement. The zero value has every heuristic on.
type HeuristicSet struct {
	mu   sync.RWMutex
	list []HeuristicInfo
	off  map[string]bool
}

// Register adds heuristics to the set; a duplicate or unnamed one panics
// (a build defect, caught by any test).
func (s *HeuristicSet) Register(hs ...HeuristicInfo) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, h := range hs {
		if h.Name == "" || h.Doc == "" || h.Positive == "" || h.Negative == "" {
			panic(fmt.Sprintf("heuristic %q: name, doc and both examples are required", h.Name))
		}
		for _, o := range s.list {
			if o.Name == h.Name {
				panic(fmt.Sprintf("heuristic %q registered twice", h.Name))
			}
		}
		s.list = append(s.list, h)
	}
}

// List returns the registered heuristics in registration order.
func (s *HeuristicSet) List() []HeuristicInfo {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return append([]HeuristicInfo(nil), s.list...)
}

// SetOff switches the named heuristics off (and every other one on). An
// unknown name is an error naming the known ones.
func (s *HeuristicSet) SetOff(names ...string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	off := map[string]bool{}
	for _, n := range names {
		known := false
		for _, h := range s.list {
			known = known || h.Name == n
		}
		if !known {
			var all []string
			for _, h := range s.list {
				all = append(all, h.Name)
			}
			return fmt.Errorf("unknown heuristic %q (known: %s)", n, strings.Join(all, ", "))
		}
		off[n] = true
	}
	s.off = off
	return nil
}

// IsOff reports whether the named heuristic is switched off. A nil set has
// every heuristic on.
func (s *HeuristicSet) IsOff(name string) bool {
	if s == nil {
		return false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.off[name]
}

// Trace records, for one candidate, which heuristics ran and what they
// said, so that "why did it say that?" has an answer. A nil *Trace records
// nothing.
type Trace struct {
	Steps []TraceStep
}

// TraceStep is one heuristic's outcome.
type TraceStep struct {
	Name   string
	Effect Effect
	Fired  bool
	Note   string // "off" when switched off; a detail such as the word it fired on
}

func (tr *Trace) add(name string, e Effect, fired bool, note string) {
	if tr != nil {
		tr.Steps = append(tr.Steps, TraceStep{Name: name, Effect: e, Fired: fired, Note: note})
	}
}

// Note adds a free-text step (the rule's verdict, the word a token-level
// heuristic fired on).
func (tr *Trace) Note(name, note string) {
	tr.add(name, Reports, true, note)
}

// Fired reports whether the named heuristic fired at least once.
func (tr *Trace) Fired(name string) bool {
	if tr == nil {
		return false
	}
	for _, s := range tr.Steps {
		if s.Name == name && s.Fired {
			return true
		}
	}
	return false
}

// String renders the trace one step a line: "+ name (suppresses)" for a
// heuristic that fired, "- name" for one that did not.
func (tr *Trace) String() string {
	if tr == nil {
		return ""
	}
	var b strings.Builder
	for _, s := range tr.Steps {
		mark := "-"
		if s.Fired {
			mark = "+"
		}
		fmt.Fprintf(&b, "%s %s (%s)", mark, s.Name, s.Effect)
		if s.Note != "" {
			fmt.Fprintf(&b, ": %s", s.Note)
		}
		b.WriteByte('\n')
	}
	return b.String()
}
