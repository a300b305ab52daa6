package main

import (
	"strings"
	"testing"
)

// Articles of our own writing: a German story with a Polish comment form
// scraped into it, and an English one with German page furniture.
const (
	germanStoryPolishChrome = `Neue Brücke über die Donau wird erst im Frühjahr eröffnet

Die neue Brücke über die Donau wird nicht wie geplant im Herbst, sondern erst im Frühjahr für den Verkehr freigegeben. Das hat der Gemeinderat am Dienstag mitgeteilt.

Grund für die Verzögerung seien Lieferprobleme bei den Stahlträgern, sagte die zuständige Stadträtin. Die Kosten würden dadurch aber nicht steigen, die die Stadt im vergangenen Jahr bereitgestellt habe.

Die Bauarbeiten hatten vor zwei Jahren begonnen. Die alte Brücke bleibt bis zur Eröffnung der neuen in Betrieb.

Dodaj komentarz

Twój adres e-mail nie zostanie opublikowany.
`
	englishStoryGermanChrome = `New bridge over the river will open in the spring

The new bridge over the river will not open to traffic in the autumn as planned, but in the spring, the city council said on Tuesday.

Delays in the delivery of steel girders were to blame, the councillor in charge said. The cost would not rise as a result, she said.

Construction began two years ago. The old bridge stays open until the new one is finished.

Kommentar schreiben

Ihre E-Mail-Adresse wird nicht veröffentlicht.
`
)

// German copy reaches only the rules that read German or any language:
// the English rules stay silent (no doubled-word on "die die", no
// fragment), while stray page furniture in a third language is still found,
// and so is German furniture in an English story.
func TestLanguageAwareRules(t *testing.T) {
	dir := t.TempDir()
	de := writeFile(t, dir, "bruecke.txt", germanStoryPolishChrome)
	en := writeFile(t, dir, "bridge.txt", englishStoryGermanChrome)
	r := runCLI(t, dir, "", "check", "--format", "json", de, en)
	if r.code != 0 && r.code != 1 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	out := decode(t, r.stdout)
	englishOnly := englishOnlyRules(t)
	for _, f := range out.Files {
		var strayLines []int
		for _, d := range f.Diagnostics {
			if strings.HasSuffix(f.Path, "bruecke.txt") && englishOnly[d.Rule] {
				t.Errorf("%s:%d: English-only rule %s reported on German copy: %s", f.Path, d.Line, d.Rule, d.Message)
			}
			if d.Category == "stray-ui" {
				strayLines = append(strayLines, d.Line)
			} else if d.Line >= 9 {
				t.Errorf("%s:%d: unexpected %s finding: %s", f.Path, d.Line, d.Rule, d.Message)
			}
		}
		if len(strayLines) < 2 || strayLines[0] != 9 {
			t.Errorf("%s: want the comment form on lines 9 and 11 reported as stray UI, got lines %v", f.Path, strayLines)
		}
	}
	v := runCLI(t, dir, "", "check", "--verbose", de)
	if !strings.Contains(v.stderr, "language=de") || !strings.Contains(v.stderr, "identified from the text") {
		t.Errorf("--verbose should say the article was identified as German:\n%s", v.stderr)
	}
}
