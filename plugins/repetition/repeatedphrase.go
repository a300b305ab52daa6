package repetition

import (
	"github.com/copydesk/copydesk/core/sdk"
)

// RepeatedPhrase reports a run of words immediately followed by itself.
var RepeatedPhrase = &sdk.Rule{
	Name:      "repeated-phrase",
	Category:  sdk.CategoryRepetition,
	Severity:  sdk.Warning,
	Languages: languages,
	Summary:   "a phrase immediately repeated (\"the result of, the result of\")",
	Doc: `Reports a run of two or more words that is immediately followed by an
identical copy, ignoring case and allowing only spaces and up to two commas,
semicolons or colons between the two copies. Such doubles are the trace of
an edit that was not finished or of a paste that landed twice:

    Just before the Olympics, the pair dramatically missed, pair dramatically
    missed another test.

The suggestion deletes the second copy with the separator before it.

Left alone, each for a reason in its context:
  - copies with nothing but spaces between them when the second copy has a
    capital letter: a title or a name ("Measure for Measure", "New York
    New York");
  - a heading line followed by a paragraph that starts with the same words
    ("... for Men" then "For men who...");
  - copies whose words differ in capitals inside the run: a sentence ends
    in one copy and not in the other;
  - rhetorical repetition: a run said three times ("fought it and fought it
    and fought it", "the indicator, the indicator, the indicator"), and one
    content word doubled with a coordinator ("And on and on", German "Tag
    und Nacht und Nacht");
  - ranges: "from country to country to", and a range whose end repeats a
    phrase of its start ("from 25 years to life in prison, to life in
    prison without parole");
  - phrases listed in the language's doubled.txt, and runs of numbers.
A finding inside a direct quotation says so. Single words are
doubled-word's.`,
	Example: sdk.Example{
		Before: "He said the inflow of funds is the result of, the result of confidence in the country.",
		After:  "He said the inflow of funds is the result of confidence in the country.",
	},
	Check: func(p *sdk.Pass) { checkRepeats(p, 2, maxPhrase) },
}

// maxPhrase is the longest run of words checked for an immediate repeat.
// Pasted-twice fragments in copy are clauses, rarely longer than this;
// checking longer runs costs little, since most fail on the first word.
const maxPhrase = 25
