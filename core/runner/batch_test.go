package runner

import (
	"strings"
	"testing"
)

func TestBatchRanges(t *testing.T) {
	data := []byte(`{"source": "cms", "articles": [ {"body": "One."} ,
{"body": "Two, {with} [brackets] and \"quotes\"."}]}`)
	ranges, ok, err := batchRanges(data)
	if !ok || err != nil || len(ranges) != 2 {
		t.Fatalf("ranges %v ok %v err %v", ranges, ok, err)
	}
	if got := string(data[ranges[0][0]:ranges[0][1]]); got != `{"body": "One."}` {
		t.Errorf("first: %q", got)
	}
	if got := string(data[ranges[1][0]:ranges[1][1]]); !strings.HasPrefix(got, `{"body": "Two`) || !strings.HasSuffix(got, `."}`) {
		t.Errorf("second: %q", got)
	}
	for _, notBatch := range []string{`{"body": "x"}`, `{"body": "x", "articles": []}`, `[1]`, `not json`} {
		if _, ok, _ := batchRanges([]byte(notBatch)); ok {
			t.Errorf("%s is not a batch", notBatch)
		}
	}
	for _, bad := range []string{`{"articles": []}`, `{"articles": "x"}`} {
		if _, ok, err := batchRanges([]byte(bad)); !ok || err == nil {
			t.Errorf("%s: a batch with an error, got ok %v err %v", bad, ok, err)
		}
	}
}

func TestSniffJSON(t *testing.T) {
	for in, want := range map[string]bool{
		"\xEF\xBB\xBF {\"body\": \"x\"}\n": true,
		`{"body": "x"`:                     false,
		"A story about {braces}.":          false,
		"{not json}":                       false,
	} {
		if got := sniffJSON([]byte(in)); got != want {
			t.Errorf("sniffJSON(%q) = %v", in, got)
		}
	}
}
