package byline

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/core/sdk/sdktest"
)

// The hand-written scanners stand for regexps and must agree with them
// exactly, on made-up edge cases and on every line of the clean articles.
func TestScannersAgreeWithRegexps(t *testing.T) {
	breakRE := regexp.MustCompile(`\p{Ll}{2}\. \S`)
	lines := []string{
		"", ".", ". ", "ab. c", "ab. ", "ab.  c", "Ab. c", "aB. c", "J. Smith", "Mr. Smith",
		"he said. Then", "éé. X", "ßa. x", "ab.\tc", "ab. \tc", "ab. \u00a0x", "x ab. .", "a. b ab. c",
		"Reporting by Jane Doe; Editing by John Roe", "by Jane Doe, in London. More",
		"ab. \xff", "\xffab. c", "ab.. c", "abc. d. e",
	}
	for _, p := range sdktest.CleanArticles(t) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	for _, l := range lines {
		if got, want := sentenceBreak(l), breakRE.MatchString(l); got != want {
			t.Errorf("sentenceBreak(%q) = %v, regexp says %v", l, got, want)
		}
		if got, want := contributedIndex(l), contributed.FindStringSubmatchIndex(l); len(got) != len(want) {
			t.Errorf("contributedIndex(%q) = %v, regexp says %v", l, got, want)
		}
		full := prepRE.FindAllStringSubmatchIndex(l, -1)
		head := prepRE.FindAllStringSubmatchIndex(roleHead(l), -1)
		for i, m := range full {
			if !roleShape.MatchString(l[:m[0]]) {
				continue
			}
			if i >= len(head) || head[i][0] != m[0] || head[i][1] != m[1] {
				t.Errorf("roleHead(%q) loses the match at %v", l, m)
			}
		}
	}
}
