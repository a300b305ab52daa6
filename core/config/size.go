package config

// ParseSize reads a size as rules.toml writes it, for flags to take the same
// values: bytes ("4194304") or with a unit ("4MiB", "512KiB", "2MB").
func ParseSize(s string) (int64, error) { return parseSize(s) }
