package report

import (
	"encoding/json"
	"io"

	"github.com/copydesk/copydesk/core/runner"
)

// JSON prints the result as one JSON object:
// {"files":[{"path":...,"diagnostics":[...]}], "plugin_failures":[...]}.
// A finding in a WordPress post or an ANS story also has a "location"
// object naming its element (runner.Diagnostic.Location).
type JSON struct{}

func (JSON) Report(w io.Writer, r *runner.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
