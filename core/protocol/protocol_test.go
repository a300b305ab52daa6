package protocol

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"google.golang.org/protobuf/proto"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/protocol/pb"
	"github.com/copydesk/copydesk/core/sdk"
)

var shout = &sdk.Rule{
	Name: "shout", Category: "house-style", Severity: sdk.Warning,
	Summary: "Flags capitals.", Doc: "Long doc.", Example: sdk.Example{Before: "NO", After: "no"},
	Options: []sdk.Option{
		{Name: "min", Type: sdk.Int, Doc: "shortest run", Default: 3},
		{Name: "mode", Type: sdk.Enumeration, Doc: "how", Default: "words", Choices: []string{"words", "letters"}},
		{Name: "skip", Type: sdk.StringList, Doc: "allowed", Default: []string{"NATO"}},
	},
	Check: func(p *sdk.Pass) {
		if p.Article.Text == "BOOM" {
			panic("boom")
		}
		min := p.Options.Int("min")
		for _, b := range p.Article.Blocks {
			for _, s := range b.Sentences {
				txt := p.Article.SentenceText(s)
				if len(txt) >= min && strings.ToUpper(txt) == txt {
					p.Report(sdk.Diagnostic{
						Span: s.Span, Message: "shouting",
						Suggestions: []sdk.Suggestion{{Span: s.Span, Replacement: strings.ToLower(txt), Description: "lower it"}},
						Related:     []sdk.Related{{Span: b.Span, Message: "in this block"}},
					})
				}
			}
		}
	},
}

var quiet = &sdk.Rule{Name: "quiet", Category: "house-style", Severity: sdk.Info, Disabled: true, Check: func(p *sdk.Pass) {
	p.Reportf(sdk.Span{}, "always")
}}

var testPlugin = &sdk.Plugin{
	Name: "house", Version: "2.0.0", Doc: "house rules",
	Options: []sdk.Option{{Name: "desk", Type: sdk.String, Doc: "which desk", Default: "metro"}},
	Rules:   []*sdk.Rule{shout, quiet},
}

func TestDescribeRoundTrip(t *testing.T) {
	w, err := DescribeToWire(testPlugin)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DescribeFromWire(w)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "house" || got.Version != "2.0.0" || got.Doc != "house rules" || len(got.Rules) != 2 {
		t.Fatalf("got %+v", got)
	}
	r := got.Rules[0]
	if r.Check != nil || r.Name != "shout" || r.Category != "house-style" || r.Severity != sdk.Warning || r.Summary != "Flags capitals." ||
		r.Doc != "Long doc." || r.Example != shout.Example || got.Rules[1].Disabled != true {
		t.Fatalf("rule %+v", r)
	}
	// Defaults arrive as a JSON round trip leaves them, like option values.
	wantOpts := []sdk.Option{
		{Name: "min", Type: sdk.Int, Doc: "shortest run", Default: float64(3)},
		{Name: "mode", Type: sdk.Enumeration, Doc: "how", Default: "words", Choices: []string{"words", "letters"}},
		{Name: "skip", Type: sdk.StringList, Doc: "allowed", Default: []any{"NATO"}},
	}
	if !reflect.DeepEqual(r.Options, wantOpts) {
		t.Fatalf("options %#v", r.Options)
	}
	if len(got.Options) != 1 || got.Options[0].Default != "metro" {
		t.Fatalf("plugin options %+v", got.Options)
	}
}

func wireArticle(text string) *pb.Article {
	b := article.NewBuilder("a.txt", article.FormatText, []byte(text))
	b.Copy(text, 0)
	b.AddBlock(article.Paragraph, "p", 0, len(text))
	b.SetMeta("desk", "metro")
	return ArticleToWire(b.Finish())
}

func TestArticleRoundTrip(t *testing.T) {
	w := wireArticle("First one. SECOND ONE.")
	a := ArticleFromWire(w)
	if a.Path != "a.txt" || a.Format != article.FormatText || a.Text != "First one. SECOND ONE." || a.Meta["desk"] != "metro" {
		t.Fatalf("%+v", a)
	}
	if len(a.Blocks) != 1 || a.Blocks[0].Element != "p" || a.Blocks[0].Kind != article.Paragraph || len(a.Blocks[0].Sentences) != 2 ||
		a.SentenceText(a.Blocks[0].Sentences[1]) != "SECOND ONE." {
		t.Fatalf("blocks %+v", a.Blocks)
	}
}

func TestServerConfigureAndCheck(t *testing.T) {
	ctx := context.Background()
	s := newServer(testPlugin)
	req := &pb.CheckRequest{Id: 7, Article: wireArticle("Calm words. LOUD WORDS HERE.")}

	// Before Configure: defaults (quiet is disabled by default).
	resp, err := s.Check(ctx, req)
	if err != nil || resp.Id != 7 || resp.Error != "" || len(resp.Findings) != 1 || resp.TotalFindings != 1 {
		t.Fatalf("%v %+v", err, resp)
	}
	f := FindingsFromWire(resp.Findings)[0]
	if f.Rule != "shout" || f.Severity != sdk.Warning || f.Span != (sdk.Span{Start: 12, End: 28}) ||
		f.Suggestions[0].Replacement != "loud words here." || f.Related[0].Span != (sdk.Span{Start: 0, End: 28}) {
		t.Fatalf("%+v", f)
	}

	conf, err := ConfigureToWire(sdk.Options{"desk": "sport"}, map[string]sdk.RuleSettings{
		"shout": {Enabled: true, Severity: sdk.Error, Options: sdk.Options{"min": int64(100)}},
		"quiet": {Enabled: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	cr, _ := s.Configure(ctx, conf)
	if cr.Error != "" || !reflect.DeepEqual(cr.Rules, []string{"shout", "quiet"}) {
		t.Fatalf("%+v", cr)
	}
	resp, _ = s.Check(ctx, req)
	if len(resp.Findings) != 1 || resp.Findings[0].Rule != "quiet" {
		t.Fatalf("configured: %+v", resp)
	}

	for _, bad := range []struct {
		rules map[string]sdk.RuleSettings
		want  string
	}{
		{map[string]sdk.RuleSettings{"shout": {Enabled: true, Options: sdk.Options{"min": 2.5}}}, "option min wants a int"},
		{map[string]sdk.RuleSettings{"shout": {Enabled: true, Options: sdk.Options{"mode": "both"}}}, `"both" is not one of`},
		{map[string]sdk.RuleSettings{"shout": {Enabled: true, Options: sdk.Options{"loud": true}}}, `unknown option "loud"`},
		{map[string]sdk.RuleSettings{"quiet": {Enabled: true, Options: sdk.Options{"x": 1}}}, "it takes no options"},
		{map[string]sdk.RuleSettings{"shout": {Enabled: true, Severity: 9}}, "severity 9"},
		{map[string]sdk.RuleSettings{"whisper": {Enabled: true}}, `no rule "whisper"`},
	} {
		conf, _ := ConfigureToWire(nil, bad.rules)
		cr, err := s.Configure(ctx, conf)
		if err != nil || !strings.Contains(cr.Error, bad.want) {
			t.Errorf("%v: %q, want %q", bad.rules, cr.Error, bad.want)
		}
	}
	// Refused settings leave the session alone.
	if resp, _ = s.Check(ctx, req); len(resp.Findings) != 1 || resp.Findings[0].Rule != "quiet" {
		t.Fatalf("after refusals: %+v", resp)
	}

	// A panicking rule is a failure; the others' findings stand.
	resp, _ = s.Check(ctx, &pb.CheckRequest{Article: wireArticle("BOOM")})
	if len(resp.Failures) != 1 || resp.Failures[0].Rule != "shout" || len(resp.Findings) != 1 {
		t.Fatalf("panic: %+v", resp)
	}
}

func TestFindingsCapped(t *testing.T) {
	found := make([]sdk.Finding, 50)
	if got := len(FindingsToWire(found, 10)); got != 11 {
		t.Fatalf("capped to %d, want 11", got)
	}
	if got := len(FindingsToWire(found, 0)); got != 50 {
		t.Fatalf("uncapped: %d", got)
	}
}

// Protobuf refuses strings that are not UTF-8; one such message from a rule
// must not cost the article its findings.
func TestInvalidUTF8Repaired(t *testing.T) {
	found := []sdk.Finding{{Rule: "shout", Category: "x", Diagnostic: sdk.Diagnostic{
		Message:     "quoted \xe2\x80 half",
		Suggestions: []sdk.Suggestion{{Replacement: "\xff"}},
		Related:     []sdk.Related{{Message: "ok"}},
	}}}
	resp := &pb.CheckResponse{Findings: FindingsToWire(found, 0), Failures: FailuresToWire([]sdk.RuleFailure{{Rule: "shout", Error: "\xc3"}})}
	if _, err := proto.Marshal(resp); err != nil {
		t.Fatalf("marshal: %v", err)
	}
	if m := resp.Findings[0].Message; m != "quoted \uFFFD half" {
		t.Fatalf("message %q", m)
	}
	a := article.FromWire("bad\xffname.txt", article.FormatText, "fine", nil, map[string]string{"k": "\xfe"}, "")
	if _, err := proto.Marshal(ArticleToWire(a)); err != nil {
		t.Fatalf("article: %v", err)
	}
	if a.Meta["k"] != "\xfe" {
		t.Fatal("ArticleToWire changed the article")
	}
}
