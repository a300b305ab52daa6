// Package copydesk holds what the whole binary shares: the default
// configuration, embedded so `go run ./cmd/copydesk` works with no files.
package copydesk

import _ "embed"

// DefaultRules is the repository's rules.toml, used when no --config is given
// and no rules.toml is found from the working directory upward.
//
//go:embed rules.toml
var DefaultRules []byte
