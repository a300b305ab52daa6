package runner

import (
	"reflect"
	"testing"

	"github.com/copydesk/copydesk/core/article"
)

func parseText(t *testing.T, path, text string) *article.Article {
	t.Helper()
	format, ok := article.FormatFromPath(path)
	if !ok {
		format = article.FormatText
	}
	a, err := article.Parse(path, format, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// recurring returns the article's recurring lines as text -> files.
func recurring(a *article.Article) map[string]int {
	out := map[string]int{}
	for _, l := range a.Recurrence.Lines {
		out[a.Slice(l.Span)] = l.Files
	}
	return out
}

func TestMarkRecurringCountsFilesPerSource(t *testing.T) {
	a := parseText(t, "desk/a.txt", "Story A\n\nA paragraph of its own.\n\nSign up for the Daily Brief\n\nSign up for the Daily Brief\n\n___\n\nComments (12)")
	b := parseText(t, "desk/b.txt", "Story B\n\nAnother paragraph.\n\n  sign UP  for the daily\u00a0brief \n\n___\n\nComments (3)")
	c := parseText(t, "desk/c.txt", "Story C\n\nA third paragraph.\n\nSign up for the Daily Brief\n\nCOMMENTS (120)")
	other := parseText(t, "wire/x.txt", "Story X\n\nA paragraph.\n\nSign up for the Daily Brief")
	MarkRecurring([]*article.Article{a, b, c, other})

	if a.Recurrence.Source != "desk" || a.Recurrence.GroupFiles != 3 {
		t.Errorf("source %q of %d files, want desk of 3", a.Recurrence.Source, a.Recurrence.GroupFiles)
	}
	// Case, spaces (no-break ones too) and digit runs are normalised; a
	// line counts once per file however often it occurs; a line without
	// a letter is not compared.
	if got, want := recurring(a), map[string]int{"Sign up for the Daily Brief": 3, "Comments (12)": 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("a: %v, want %v", got, want)
	}
	if got := len(a.Recurrence.Lines); got != 3 {
		t.Errorf("a: %d recurring lines, want 3 (the repeated line twice)", got)
	}
	if got, want := recurring(b), map[string]int{"sign UP  for the daily\u00a0brief": 3, "Comments (3)": 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("b: %v, want %v", got, want)
	}
	// Others names the other files, never the article itself.
	for _, l := range a.Recurrence.Lines {
		if want := []string{"desk/b.txt", "desk/c.txt"}; !reflect.DeepEqual(l.Others, want) {
			t.Errorf("a: others %v, want %v", l.Others, want)
		}
	}
	// Another directory is another source: its line recurs in no file of
	// its own group.
	if other.Recurrence.GroupFiles != 1 || len(other.Recurrence.Lines) != 0 {
		t.Errorf("wire/x.txt: %+v, want a group of 1 with nothing recurring", other.Recurrence)
	}
}

func TestMarkRecurringSourceField(t *testing.T) {
	// The "source" metadata field groups articles across directories; a
	// batch file's articles share its directory.
	a := parseText(t, "a/1.md", "---\nsource: Harbour Gazette\n---\n# One\n\nSee more from the Gazette\n")
	b := parseText(t, "b/2.md", "---\nsource: harbour gazette\n---\n# Two\n\nSee more from the Gazette\n")
	c := parseText(t, "b/3.md", "# Three\n\nSee more from the Gazette\n")
	MarkRecurring([]*article.Article{a, b, c})
	if a.Recurrence.Source != "source: harbour gazette" || a.Recurrence.GroupFiles != 2 || len(a.Recurrence.Lines) != 1 {
		t.Errorf("a: %+v, want the source group of 2 with one recurring line", a.Recurrence)
	}
	if c.Recurrence.Source != "b" || len(c.Recurrence.Lines) != 0 {
		t.Errorf("c: %+v, want directory b alone", c.Recurrence)
	}
	for path, want := range map[string]string{"desk/batch.json#a/7": "desk", "desk/story.txt": "desk", "-": "."} {
		if got := recurrenceSource(&article.Article{Path: path}); got != want {
			t.Errorf("recurrenceSource(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestMarkRecurringSingleArticle(t *testing.T) {
	// One article has no cross-file signal: Recurrence stays nil.
	a := parseText(t, "a.txt", "Story\n\nSign up for the Daily Brief")
	MarkRecurring([]*article.Article{a})
	if a.Recurrence != nil {
		t.Errorf("single article: %+v, want nil", a.Recurrence)
	}
	if recurrenceMarked([]*article.Article{a}) {
		t.Error("an unmarked run reads as marked")
	}
}

func TestNormaliseLine(t *testing.T) {
	for in, want := range map[string]string{
		"Comments  (12)":          "comments (0)",
		"© 2025 Gazette\u00a0Ltd": "© 0 gazette ltd",
		"ÉTÉ 2024":                "été 0",
		"___":                     "",
		"12 / 3":                  "",
	} {
		if got := string(article.NormaliseLine(nil, in)); got != want {
			t.Errorf("normaliseLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkMarkRecurring(b *testing.B) {
	var run []*article.Article
	for i := range 200 {
		text := "Headline\n\n"
		for j := range 30 {
			text += "Paragraph " + string(rune('a'+j%26)) + " of story " + string(rune('A'+i%26)) + " with some words in it to hash.\n\n"
		}
		text += "Sign up for the Daily Brief\n"
		a, _ := article.Parse("desk/x.txt", article.FormatText, []byte(text))
		run = append(run, a)
	}
	b.ResetTimer()
	for range b.N {
		for _, a := range run {
			a.Recurrence = nil
		}
		MarkRecurring(run)
	}
}
