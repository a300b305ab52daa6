// Command extract prints, for each HTML file given, the main content that
// go-trafilatura and go-readability extract, as JSON {file: {tool: text}}.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	readability "github.com/go-shiori/go-readability"
	trafilatura "github.com/markusmobius/go-trafilatura"
)

func main() {
	out := map[string]map[string]string{}
	for _, path := range os.Args[1:] {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		r := map[string]string{}
		u, _ := url.Parse("https://example.com/")
		if res, err := trafilatura.Extract(bytes.NewReader(src), trafilatura.Options{OriginalURL: u, ExcludeComments: true, EnableFallback: true}); err == nil {
			r["trafilatura"] = res.ContentText
		} else {
			r["trafilatura_err"] = err.Error()
		}
		if art, err := readability.FromReader(bytes.NewReader(src), u); err == nil {
			r["readability"] = art.TextContent
		} else {
			r["readability_err"] = err.Error()
		}
		out[filepath.Base(path)] = r
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
