package main

import (
	"strings"
	"testing"
)

// TestStdinJSONAndBatchFiles: JSON on standard input is read as a CMS
// article without --stdin-format, and a file holding the server's batch
// form {"articles": [...]} is checked article by article.
func TestStdinJSONAndBatchFiles(t *testing.T) {
	dir := t.TempDir()
	story := `{"id": "ferry", "headline": "Ferry fares to rise", "body": "Fares on the the island ferry will rise in April."}`
	r := runCLI(t, dir, story, "check", "--format", "json", "-")
	out := decode(t, r.stdout)
	if len(out.Files) != 1 || out.Files[0].Error != "" {
		t.Fatalf("stdin: %+v\n%s", out.Files, r.stderr)
	}
	var doubled bool
	for _, d := range out.Files[0].Diagnostics {
		if d.Rule == "repetition/doubled-word" {
			doubled = true
		}
		if d.Line == 1 && d.Column == 1 {
			t.Errorf("a finding at the JSON's first character: stdin was read as text: %+v", d)
		}
	}
	if !doubled {
		t.Errorf("stdin JSON: the doubled word in the body is not found: %+v", out.Files[0].Diagnostics)
	}

	batch := `{"articles": [
  ` + story + `,
  {"slug": "library", "headline": "Library budget approved", "body": "The council approved the library budget on Tuesday."}
]}`
	writeFile(t, dir, "batch.json", batch)
	for _, args := range [][]string{{"check", "--format", "json", "batch.json"}, {"check", "--format", "json", "-"}} {
		stdin := ""
		if args[len(args)-1] == "-" {
			stdin = batch
		}
		r := runCLI(t, dir, stdin, args...)
		out := decode(t, r.stdout)
		var paths []string
		for _, f := range out.Files {
			paths = append(paths, f.Path)
			if f.Error != "" {
				t.Errorf("%v: %s: %s", args, f.Path, f.Error)
			}
		}
		if got := strings.Join(paths, " "); !strings.Contains(got, "#ferry") || !strings.Contains(got, "#library") || len(paths) != 2 {
			t.Errorf("%v: files %q, want the batch's two articles", args, got)
		}
		// Positions are the file's: the doubled word is on line 2.
		for _, d := range out.Files[0].Diagnostics {
			if d.Rule == "repetition/doubled-word" && d.Line != 2 {
				t.Errorf("%v: doubled word at line %d, want 2 (the file's line)", args, d.Line)
			}
		}
	}
	if r := runCLI(t, dir, "", "check", "--fix", "batch.json"); !strings.Contains(r.stderr, "do not edit batch files") {
		t.Errorf("--fix on a batch: %s", r.stderr)
	}
}
