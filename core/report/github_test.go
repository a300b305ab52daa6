package report

import (
	"strings"
	"testing"
)

func TestGitHubAnnotations(t *testing.T) {
	out := render(t, "github", ciOptions(), ciResult(t))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("want 3 findings, 1 unreadable file and 1 plugin failure, got %d lines:\n%s", len(lines), out)
	}
	want := []string{
		// ',' and ':' are escaped in properties, '%' and newlines everywhere.
		`::warning file=desk/story one.txt,line=3,col=24,endLine=3,endColumn=31,title=repetition/doubled-word::"the" is repeated, 100%25%0Asure: yes, really`,
		`::error file=desk/story one.txt,line=5,col=17,endLine=5,endColumn=20,title=quotes/colon-quote::a quotation without quotation marks`,
		`::notice file=desk/story one.txt,line=5,col=17,endLine=5,endColumn=20,title=style/info-only::an info finding`,
		`::error file=desk/bad.txt,title=copydesk%3A file not checked::desk/bad.txt: the file is empty`,
		`::error file=desk/clean.txt,title=copydesk%3A plugin fragment failed::its findings are missing: plugin crashed`,
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, lines[i], want[i])
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	for _, tt := range []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"50%", "50%25", "50%25"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"a,b:c", "a,b:c", "a%2Cb%3Ac"},
		{"%0A", "%250A", "%250A"}, // a literal escape stays literal
		{"C:\\desk\\a, b.txt", "C:\\desk\\a, b.txt", "C%3A\\desk\\a%2C b.txt"},
	} {
		if got := ghData(tt.in); got != tt.data {
			t.Errorf("ghData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := ghProperty(tt.in); got != tt.prop {
			t.Errorf("ghProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
	}
}
