package fragment

import (
	_ "embed"
	"strings"
)

var (
	//go:embed data/subordinators.txt
	subordinatorData string
	//go:embed data/relatives.txt
	relativeData string
	//go:embed data/stopwords.txt
	stopwordData string
	//go:embed data/stylistic.txt
	stylisticData string
	//go:embed data/credits.txt
	creditData string
	//go:embed data/abbreviations.txt
	abbreviationData string
	//go:embed data/quantifiers.txt
	quantifierData string
	//go:embed data/reporting.txt
	reportingData string
	//go:embed data/danglers.txt
	danglerData string
	//go:embed data/prepositions.txt
	prepositionData string
	//go:embed data/timewords.txt
	timeWordData string

	subordinators = wordSet(subordinatorData)
	relatives     = wordSet(relativeData)
	stopwords     = wordSet(stopwordData)
	stylistic     = wordSet(stylisticData)
	creditMarkers = wordList(creditData)
	abbreviations = wordSet(abbreviationData)
	quantifiers   = wordSet(quantifierData)
	reporting     = wordSet(reportingData)
	danglers      = wordSet(danglerData)
	prepositions  = wordSet(prepositionData)
	timeWords     = wordSet(timeWordData)
)

// wordList reads a data file: one entry a line, # comments and blank lines
// ignored, entries lowercased.
func wordList(data string) []string {
	var out []string
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.ToLower(line))
	}
	return out
}

func wordSet(data string) map[string]bool {
	out := map[string]bool{}
	for _, w := range wordList(data) {
		out[w] = true
	}
	return out
}
