package language

import "testing"

func TestIdentifyLanguage(t *testing.T) {
	for _, c := range []struct {
		text, want string
		sure       bool
	}{
		{"The council said on Tuesday that the new bridge would open to traffic in the spring, a year later than planned.", "en", true},
		{"Der Gemeinderat hat am Dienstag beschlossen, dass die neue Brücke erst im Frühjahr für den Verkehr geöffnet wird.", "de", true},
		{"Le conseil municipal a annoncé mardi que le nouveau pont ouvrira au printemps, avec un an de retard sur le calendrier.", "fr", true},
		{"Rada miasta poinformowała we wtorek, że nowy most zostanie otwarty wiosną, z rocznym opóźnieniem wobec planu.", "pl", true},
		{"Bridge opens", "en", false}, // too short to say: the default
	} {
		got, sure := Identify(c.text)
		if got != c.want || sure != c.sure {
			t.Errorf("Identify(%.30q) = %q, %v; want %q, %v", c.text, got, sure, c.want, c.sure)
		}
	}
}
