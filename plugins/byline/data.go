package byline

import (
	"embed"

	"github.com/copydesk/copydesk/core/sdk/wordlist"
)

//go:embed data/*.txt
var dataFS embed.FS

var (
	defaultRoles  = wordlist.MustLines(dataFS, "data/roles.txt", wordlist.Lower)
	particles     = wordlist.MustSet(dataFS, "data/particles.txt", wordlist.Lower)
	notName       = wordlist.MustSet(dataFS, "data/notname.txt", wordlist.Lower)
	titles        = wordlist.MustSet(dataFS, "data/titles.txt", wordlist.Lower)
	functionWords = wordlist.MustSet(dataFS, "data/function.txt", wordlist.Lower)
	bioLists      = wordlist.MustSections(dataFS, "data/bio.txt", "verbs", "words")
	bioVerbs      = bioLists.Set("verbs", wordlist.Lower)
	bioWords      = bioLists.Set("words", wordlist.Lower)
)
