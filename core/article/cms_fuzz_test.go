package article

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/core/article/model"
)

// FuzzParseCMSShapes parses mutated WordPress posts and ANS stories: no
// panic, a refusal is an *InputError, and every source range the article
// gives stays inside one JSON string (so a fix can never break the JSON).
func FuzzParseCMSShapes(f *testing.F) {
	for _, name := range []string{"ans-story.json", "wordpress-post.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "cms", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		`{"type": "story", "content_elements": [{"type": "quote", "content_elements": [{"type": "list", "items": [{"type": "text", "content": "a \"b\" &amp; c"}]}], "citation": {"content": "x"}}]}`,
		`{"content": {"raw": "<!-- wp:a {\"x\":\"}\"} --><p>x</p><!-- /wp:b -->\n\nfree\n\ntext<!-- wp:c /--><!-- /wp:a -->"}, "title": {"rendered": "T&#8217;"}}`,
		`{"content": {"rendered": "", "protected": true}}`, `{"type": "video", "version": "1"}`, `{"headlines": {"basic": 1}, "type": "story"}`,
		`{"excerpt": {"raw": ""}, "content": {"raw": "\ud800<!-- wp:p -->"}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, FormatJSON, data)
		a, err := Parse("fuzz", FormatJSON, data)
		if err != nil {
			return
		}
		if err := model.CheckBounds(a); err != nil {
			t.Fatal(err)
		}
	})
}
