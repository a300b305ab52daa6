package protocol

import (
	"context"
	"strings"
	"testing"

	"google.golang.org/grpc/metadata"

	"github.com/copydesk/copydesk/core/protocol/pb"
	"github.com/copydesk/copydesk/core/sdk"
)

// incoming turns ForRuleset's outgoing metadata into what the server sees.
func incoming(name string) context.Context {
	ctx := context.Background()
	if name == "" {
		return ctx
	}
	md, _ := metadata.FromOutgoingContext(ForRuleset(ctx, name))
	return metadata.NewIncomingContext(ctx, md)
}

var other = &sdk.Plugin{Name: "other", Version: "1.0.0", Doc: "other rules", Rules: []*sdk.Rule{
	{Name: "always", Category: "house-style", Severity: sdk.Info, Summary: "Always.", Check: func(p *sdk.Pass) {
		p.Reportf(sdk.Span{}, "always")
	}},
}}

func TestBundleDispatchesByRuleset(t *testing.T) {
	b, err := newBundle([]*sdk.Plugin{testPlugin, other})
	if err != nil {
		t.Fatal(err)
	}
	d, err := b.Describe(incoming("other"), &pb.DescribeRequest{})
	if err != nil || d.Name != "other" {
		t.Fatalf("describe other: %v %+v", err, d)
	}
	req := &pb.CheckRequest{Article: wireArticle("Calm words. LOUD WORDS HERE.")}
	resp, err := b.Check(incoming("house"), req)
	if err != nil || len(resp.Findings) != 1 || resp.Findings[0].Rule != "shout" {
		t.Fatalf("house: %v %+v", err, resp)
	}
	resp, err = b.Check(incoming("other"), req)
	if err != nil || len(resp.Findings) != 1 || resp.Findings[0].Rule != "always" {
		t.Fatalf("other: %v %+v", err, resp)
	}
	// Configure reaches one ruleset only.
	conf, _ := ConfigureToWire(nil, map[string]sdk.RuleSettings{"shout": {Enabled: false}})
	if cr, err := b.Configure(incoming("house"), conf); err != nil || cr.Error != "" {
		t.Fatalf("configure: %v %+v", err, cr)
	}
	if resp, _ = b.Check(incoming("other"), req); len(resp.Findings) != 1 {
		t.Fatalf("other after configuring house: %+v", resp)
	}
	// A panicking rule fails that ruleset's rule for that article only.
	conf, _ = ConfigureToWire(nil, nil) // back to the defaults: shout on
	if cr, err := b.Configure(incoming("house"), conf); err != nil || cr.Error != "" {
		t.Fatalf("configure: %v %+v", err, cr)
	}
	resp, _ = b.Check(incoming("house"), &pb.CheckRequest{Article: wireArticle("BOOM")})
	if len(resp.Failures) != 1 || resp.Failures[0].Rule != "shout" {
		t.Fatalf("panic: %+v", resp)
	}
	if resp, _ = b.Check(incoming("other"), &pb.CheckRequest{Article: wireArticle("BOOM")}); len(resp.Failures) != 0 || len(resp.Findings) != 1 {
		t.Fatalf("other on the article that panicked house: %+v", resp)
	}
}

func TestBundleRefusesUnnamedCalls(t *testing.T) {
	b, _ := newBundle([]*sdk.Plugin{testPlugin, other})
	for name, want := range map[string]string{"": "must name one ruleset", "nope": `no ruleset "nope" in this bundle (it has house, other)`} {
		if _, err := b.Check(incoming(name), &pb.CheckRequest{Article: wireArticle("x")}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ruleset %q: %v, want %q", name, err, want)
		}
	}
	if _, err := newBundle([]*sdk.Plugin{testPlugin, testPlugin}); err == nil || !strings.Contains(err.Error(), "bundled twice") {
		t.Errorf("twice: %v", err)
	}
}
