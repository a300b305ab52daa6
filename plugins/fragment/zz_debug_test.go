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
	for _, tk := range tagSentence(s) {
		fmt.Printf("%s/%s ", tk.Text, tk.Tag)
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
