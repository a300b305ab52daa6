package sdk

import (
	"encoding/json"
	"fmt"
	"time"
)

// Options are the settings a rule or plugin receives, keyed by option name,
// with defaults applied. Values are as TOML decodes them after a JSON round
// trip: string, float64 (for int and float options), bool, []any,
// map[string]any.
type Options map[string]any

// WithDefaults returns opts with every declared option that is missing set to
// its default.
func WithDefaults(decl []Option, opts Options) Options {
	out := Options{}
	for _, o := range decl {
		if o.Default != nil {
			out[o.Name] = normalize(o.Default)
		}
	}
	for k, v := range opts {
		out[k] = v
	}
	return out
}

// normalize passes a Go value through JSON so defaults declared as Go values
// look exactly like values that arrived over the wire.
func normalize(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	if json.Unmarshal(b, &out) != nil {
		return v
	}
	return out
}

// String returns a string option, or "".
func (o Options) String(name string) string {
	s, _ := o[name].(string)
	return s
}

// Bool returns a bool option, or false.
func (o Options) Bool(name string) bool {
	b, _ := o[name].(bool)
	return b
}

// Float returns a number option, or 0.
func (o Options) Float(name string) float64 {
	switch v := o[name].(type) {
	case float64:
		return v
	case int:
		return float64(v)
	case int64:
		return float64(v)
	}
	return 0
}

// Int returns a number option as an int, or 0.
func (o Options) Int(name string) int { return int(o.Float(name)) }

// Strings returns a string-list option, or nil.
func (o Options) Strings(name string) []string {
	switch v := o[name].(type) {
	case []string:
		return v
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// StringMap returns a string-map option, or nil.
func (o Options) StringMap(name string) map[string]string {
	switch v := o[name].(type) {
	case map[string]string:
		return v
	case map[string]any:
		out := make(map[string]string, len(v))
		for k, e := range v {
			if s, ok := e.(string); ok {
				out[k] = s
			}
		}
		return out
	}
	return nil
}

// Duration returns a duration option, or 0.
func (o Options) Duration(name string) time.Duration {
	d, _ := time.ParseDuration(o.String(name))
	return d
}

// Decode fills dst (a pointer) from the option, through JSON: use it for
// table and table-list options, e.g. a []StaffMember from [[byline.staff]].
func (o Options) Decode(name string, dst any) error {
	v, ok := o[name]
	if !ok {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("option %s: %w", name, err)
	}
	if err := json.Unmarshal(b, dst); err != nil {
		return fmt.Errorf("option %s: %w", name, err)
	}
	return nil
}

// CheckType reports whether v (as decoded from TOML) fits the option's type.
func (o Option) CheckType(v any) error {
	want := o.Type
	bad := func() error { return fmt.Errorf("option %s wants a %s, got %s", o.Name, want, tomlTypeName(v)) }
	switch want {
	case String, Duration, Enumeration:
		s, ok := v.(string)
		if !ok {
			return bad()
		}
		if want == Duration {
			if _, err := time.ParseDuration(s); err != nil {
				return fmt.Errorf("option %s: %q is not a duration such as \"5s\" or \"250ms\"", o.Name, s)
			}
		}
		if want == Enumeration {
			for _, c := range o.Choices {
				if c == s {
					return nil
				}
			}
			return fmt.Errorf("option %s: %q is not one of %v", o.Name, s, o.Choices)
		}
	case Int:
		switch n := v.(type) {
		case int64, int:
		case float64:
			if n != float64(int64(n)) {
				return bad()
			}
		default:
			return bad()
		}
	case Float:
		switch v.(type) {
		case int64, int, float64:
		default:
			return bad()
		}
	case Bool:
		if _, ok := v.(bool); !ok {
			return bad()
		}
	case StringList:
		switch l := v.(type) {
		case []string:
		case []any:
			for _, e := range l {
				if _, ok := e.(string); !ok {
					return fmt.Errorf("option %s wants a list of strings, found %s in it", o.Name, tomlTypeName(e))
				}
			}
		default:
			return bad()
		}
	case StringMap:
		switch m := v.(type) {
		case map[string]string:
		case map[string]any:
			for k, e := range m {
				if _, ok := e.(string); !ok {
					return fmt.Errorf("option %s: key %q wants a string, got %s", o.Name, k, tomlTypeName(e))
				}
			}
		default:
			return bad()
		}
	case Table:
		if _, ok := v.(map[string]any); !ok {
			return bad()
		}
	case TableList:
		switch l := v.(type) {
		case []map[string]any:
		case []any:
			for _, e := range l {
				if _, ok := e.(map[string]any); !ok {
					return fmt.Errorf("option %s wants an array of tables ([[...]]), found %s in it", o.Name, tomlTypeName(e))
				}
			}
		default:
			return bad()
		}
	}
	return nil
}

func tomlTypeName(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case int, int64:
		return "integer"
	case float64:
		return "float"
	case bool:
		return "boolean"
	case []any, []string:
		return "array"
	case []map[string]any:
		return "array of tables"
	case map[string]any:
		return "table"
	case nil:
		return "nothing"
	}
	return fmt.Sprintf("%T", v)
}
