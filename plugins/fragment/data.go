package fragment

import (
	"embed"

	"github.com/copydesk/copydesk/core/sdk/wordlist"
)

// dataFS holds the plugin's word lists: one entry a line, read (lower-cased)
// through core/sdk/wordlist.
//
//go:embed data/*.txt
var dataFS embed.FS

var (
	subordinators = wordSet("subordinators")
	relatives     = wordSet("relatives")
	stopwords     = wordSet("stopwords")
	stylistic     = wordSet("stylistic")
	creditMarkers = wordlist.MustLines(dataFS, "data/credits.txt", wordlist.Lower)
	abbreviations = wordSet("abbreviations")
	quantifiers   = wordSet("quantifiers")
	reporting     = wordSet("reporting")
	danglers      = wordSet("danglers")
	prepositions  = wordSet("prepositions")
	timeWords     = wordSet("timewords")
)

func wordSet(name string) map[string]bool {
	return wordlist.MustSet(dataFS, "data/"+name+".txt", wordlist.Lower)
}
