package runner

import (
	"testing"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/config"
)

func TestDecideLanguageOrder(t *testing.T) {
	de := "Der Gemeinderat hat am Dienstag beschlossen, dass die neue Brücke erst im Frühjahr für den Verkehr geöffnet wird."
	parse := func(meta string) *article.Article {
		t.Helper()
		src := `{"headline":"H","body":` + quote(de) + meta + `}`
		a, err := article.Parse("a.json", article.FormatJSON, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	auto, _ := config.Parse("rules.toml", []byte(`language = "auto"`), nil)
	fixed, _ := config.Parse("rules.toml", []byte(`language = "fr"`), nil)

	a := parse(`,"language":"en-GB"`)
	if src := decideLanguage(fixed, a); a.Language != "en" || src != "the article's language field" {
		t.Errorf("CMS field: %q from %s", a.Language, src)
	}
	a = parse("")
	if src := decideLanguage(fixed, a); a.Language != "fr" || src != "language in rules.toml" {
		t.Errorf("config: %q from %s", a.Language, src)
	}
	a = parse("")
	if decideLanguage(auto, a); a.Language != "de" {
		t.Errorf("identified: %q", a.Language)
	}
}

func TestConfigLanguageIsChecked(t *testing.T) {
	if _, err := config.Parse("rules.toml", []byte(`language = "english"`), nil); err == nil {
		t.Fatal(`language = "english" was accepted`)
	}
}

func quote(s string) string { return `"` + s + `"` }
