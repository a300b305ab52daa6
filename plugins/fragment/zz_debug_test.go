package fragment

import (
	"fmt"
	"os"
	"testing"
)

func TestZZTags(t *testing.T) {
	s := os.Getenv("ZZ")
	if s == "" {
		t.Skip()
	}
	toks := tagSentence(s)
	for i, tk := range toks {
		m := ""
		if taggedFinite(toks, i) {
			m = "*T"
		}
		if lexiconFinite(toks, i) {
			m += "*L"
		}
		fmt.Printf("%s/%s%s ", tk.Text, tk.Tag, m)
	}
	fmt.Println()
}

func TestZZTrace(t *testing.T) {
	s := os.Getenv("ZT")
	if s == "" {
		t.Skip()
	}
	tr, err := TraceText(s)
	fmt.Println(tr, err)
}
