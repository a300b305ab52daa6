package config

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Files that are not articles (package.json, data exports, templates) are
// left out of every check with globs:
//
//	exclude = ["package.json", "data/**", "*.tmpl.html"]
//
// or with an override that turns its paths off:
//
//	[[overrides]]
//	paths = ["fixtures/**"]
//	enabled = false
//
// A glob matches a path, any of its trailing sub-paths ("package.json"
// matches web/package.json), or with "**" any depth of folders — the same
// matching as overrides' paths. The CLI adds --exclude GLOB.

// parseExclude reads the top-level exclude list.
func (c *Config) parseExclude(v any) Errors {
	var errs Errors
	fail := func(format string, args ...any) {
		errs = append(errs, &Error{Path: c.Path, Line: c.Line("exclude"), Msg: fmt.Sprintf(format, args...)})
	}
	l, ok := v.([]any)
	if !ok {
		fail(`exclude must be a list of globs, such as exclude = ["package.json", "data/**"]`)
		return errs
	}
	for _, e := range l {
		s, ok := e.(string)
		if !ok || strings.TrimSpace(s) == "" {
			fail("exclude must hold non-empty strings, got %s", show(e))
			continue
		}
		if err := CheckGlob(s); err != nil {
			fail("exclude: %v", err)
			continue
		}
		c.Exclude = append(c.Exclude, s)
	}
	return errs
}

// CheckGlob reports a malformed glob.
func CheckGlob(g string) error {
	if _, err := filepath.Match(filepath.ToSlash(g), ""); err != nil {
		return fmt.Errorf("bad glob %q: %v", g, err)
	}
	return nil
}

// ExcludeGlobs returns every glob that leaves files out: exclude and the
// paths of overrides with enabled = false.
func (c *Config) ExcludeGlobs() []string {
	out := append([]string(nil), c.Exclude...)
	for _, o := range c.Overrides {
		if o.Enabled != nil && !*o.Enabled {
			out = append(out, o.Paths...)
		}
	}
	return out
}

// MatchPath reports whether one of globs matches path: the whole path, any
// of its trailing sub-paths, or with "**" any depth of folders.
func MatchPath(globs []string, path string) bool {
	path = filepath.ToSlash(filepath.Clean(path))
	for _, g := range globs {
		if globMatch(filepath.ToSlash(g), path) {
			return true
		}
	}
	return false
}

func globMatch(glob, path string) bool {
	parts := strings.Split(path, "/")
	for k := range parts {
		if globMatchFrom(glob, parts[k:]) {
			return true
		}
	}
	return false
}

// globMatchFrom matches the whole of parts. "a/**/b" matches a/b, a/x/b,
// a/x/y/b; "a/**" anything under a.
func globMatchFrom(glob string, parts []string) bool {
	path := strings.Join(parts, "/")
	if !strings.Contains(glob, "**") {
		ok, _ := filepath.Match(glob, path)
		return ok
	}
	prefix, suffix, _ := strings.Cut(glob, "**")
	prefix = strings.TrimSuffix(prefix, "/")
	suffix = strings.TrimPrefix(suffix, "/")
	for i := 0; i <= len(parts); i++ {
		if prefix != "" {
			if ok, _ := filepath.Match(prefix, strings.Join(parts[:i], "/")); !ok {
				continue
			}
		} else if i != 0 {
			break
		}
		tail := parts[i:]
		if suffix == "" {
			return len(tail) > 0
		}
		for j := range tail {
			if globMatchFrom(suffix, tail[j:]) {
				return true
			}
		}
	}
	return false
}
