package config

import (
	"strings"

	"github.com/agnivade/levenshtein"
)

// BurntSushi/toml does not expose where a key was defined, so errors find it
// again: Line scans the file for the table headers and key/value lines and
// returns the first line whose full key path is key (or, failing that, the
// first line under which key is defined). It returns 0 when nothing matches,
// and the error then names the file alone.
func (c *Config) Line(key ...string) int {
	want := strings.Join(key, "\x00")
	best := 0
	var table []string
	for i, line := range strings.Split(string(c.src), "\n") {
		t := strings.TrimSpace(line)
		if t == "" || t[0] == '#' {
			continue
		}
		var path []string
		switch {
		case strings.HasPrefix(t, "[["):
			table = splitKey(strings.TrimSuffix(strings.TrimSpace(stripComment(t[2:])), "]]"))
			path = table
		case t[0] == '[':
			table = splitKey(strings.TrimSuffix(strings.TrimSpace(stripComment(t[1:])), "]"))
			path = table
		default:
			eq := keyEnd(t)
			if eq < 0 {
				continue
			}
			path = append(append([]string{}, table...), splitKey(t[:eq])...)
		}
		joined := strings.Join(path, "\x00")
		if joined == want {
			return i + 1
		}
		if best == 0 && strings.HasPrefix(joined, want+"\x00") {
			best = i + 1
		}
	}
	return best
}

// nthArrayTableLine returns the line of the i-th [[name]] header.
func (c *Config) nthArrayTableLine(name string, i int) int {
	n := 0
	for ln, line := range strings.Split(string(c.src), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[[") && strings.Join(splitKey(strings.TrimSuffix(strings.TrimSpace(stripComment(t[2:])), "]]")), ".") == name {
			if n == i {
				return ln + 1
			}
			n++
		}
	}
	return 0
}

// keyEnd returns the index of the "=" that ends a key, skipping quoted parts.
func keyEnd(s string) int {
	var quote byte
	for i := 0; i < len(s); i++ {
		switch {
		case quote != 0:
			if s[i] == quote {
				quote = 0
			}
		case s[i] == '"' || s[i] == '\'':
			quote = s[i]
		case s[i] == '=':
			return i
		}
	}
	return -1
}

func stripComment(s string) string {
	var quote byte
	for i := 0; i < len(s); i++ {
		switch {
		case quote != 0:
			if s[i] == quote {
				quote = 0
			}
		case s[i] == '"' || s[i] == '\'':
			quote = s[i]
		case s[i] == '#':
			return s[:i]
		}
	}
	return s
}

// splitKey splits a TOML dotted key into its parts, unquoting them.
func splitKey(s string) []string {
	var parts []string
	var cur strings.Builder
	var quote byte
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case quote != 0:
			if ch == quote {
				quote = 0
			} else {
				cur.WriteByte(ch)
			}
		case ch == '"' || ch == '\'':
			quote = ch
		case ch == '.':
			parts = append(parts, strings.TrimSpace(cur.String()))
			cur.Reset()
		case ch == ' ' || ch == '\t':
		default:
			cur.WriteByte(ch)
		}
	}
	return append(parts, strings.TrimSpace(cur.String()))
}

// didYouMean suggests the closest candidate when one is near enough.
// DidYouMean returns "; did you mean X?" for the candidate closest to got
// (case-insensitive edit distance), or "" when none is close.
func DidYouMean(got string, candidates []string) string { return didYouMean(got, candidates) }

func didYouMean(got string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := levenshtein.ComputeDistance(strings.ToLower(got), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" || bestD > max(2, len(got)/3) {
		return ""
	}
	return "; did you mean " + best + "?"
}
