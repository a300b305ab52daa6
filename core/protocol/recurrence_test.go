package protocol

import (
	"reflect"
	"testing"

	"github.com/copydesk/copydesk/core/article"
)

// The cross-file signal reaches plugins as the host computed it, and a
// single-article run's nil stays nil.
func TestRecurrenceRoundTrip(t *testing.T) {
	a := ArticleFromWire(wireArticle("First one. SECOND ONE."))
	if a.Recurrence != nil {
		t.Fatalf("no recurrence sent, got %+v", a.Recurrence)
	}
	want := &article.Recurrence{Source: "desk", GroupFiles: 5, Lines: []article.RecurringLine{
		{Span: article.Span{Start: 0, End: 10}, Files: 4, Others: []string{"desk/b.txt", "desk/c.txt"}},
		{Span: article.Span{Start: 11, End: 22}, Files: 2},
	}}
	a.Recurrence = want
	got := ArticleFromWire(ArticleToWire(a)).Recurrence
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip: %+v, want %+v", got, want)
	}
}
