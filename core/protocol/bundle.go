package protocol

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/copydesk/copydesk/core/protocol/pb"
	"github.com/copydesk/copydesk/core/sdk"
)

// RulesetKey is the gRPC metadata key that names the ruleset a call to a
// bundle is for (see ServeBundle). Calls to a one-plugin process carry none.
const RulesetKey = "copydesk-ruleset"

// ForRuleset returns ctx with the ruleset a call to a bundle is for.
func ForRuleset(ctx context.Context, name string) context.Context {
	return metadata.AppendToOutgoingContext(ctx, RulesetKey, name)
}

// ServeBundle runs several plugins in one process, over one handshake and
// one gRPC connection: each call names its plugin in the RulesetKey
// metadata and is answered by that plugin's own server, with its own
// session, configuration and lock (so the rulesets still check side by
// side). A panic in a rule is that rule's failure for that article, as in a
// one-plugin process; a crash of the process fails every ruleset in it.
//
// copydesk serves its built-in rulesets this way (host.Options.Bundle,
// `copydesk __bundle NAME...`); third-party plugins keep Serve.
func ServeBundle(ps []*sdk.Plugin) {
	b, err := newBundle(ps)
	if err != nil {
		fmt.Fprintln(os.Stderr, "copydesk bundle:", err)
		os.Exit(2)
	}
	serve("bundle", map[int]plugin.PluginSet{ProtocolVersion: {PluginKey: &bundlePlugin{b: b}}})
}

type bundlePlugin struct {
	plugin.NetRPCUnsupportedPlugin
	b *bundle
}

func (g *bundlePlugin) GRPCServer(_ *plugin.GRPCBroker, s *grpc.Server) error {
	pb.RegisterLinterServer(s, g.b)
	return nil
}

func (g *bundlePlugin) GRPCClient(_ context.Context, _ *plugin.GRPCBroker, c *grpc.ClientConn) (any, error) {
	return pb.NewLinterClient(c), nil
}

// bundle dispatches each call to the server of the ruleset it names.
type bundle struct {
	pb.UnimplementedLinterServer
	servers map[string]*server
}

func newBundle(ps []*sdk.Plugin) (*bundle, error) {
	b := &bundle{servers: map[string]*server{}}
	for _, p := range ps {
		if p == nil || p.Name == "" {
			return nil, fmt.Errorf("a bundled plugin has no name")
		}
		if b.servers[p.Name] != nil {
			return nil, fmt.Errorf("plugin %s is bundled twice", p.Name)
		}
		b.servers[p.Name] = newServer(p)
	}
	return b, nil
}

// server returns the server of the ruleset ctx names, or a gRPC error a
// host reports as a failed call.
func (b *bundle) server(ctx context.Context) (*server, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	names := md.Get(RulesetKey)
	if len(names) != 1 {
		return nil, status.Errorf(codes.InvalidArgument, "a call to a bundle of rulesets must name one ruleset in the %q metadata, got %d", RulesetKey, len(names))
	}
	s := b.servers[names[0]]
	if s == nil {
		known := make([]string, 0, len(b.servers))
		for n := range b.servers {
			known = append(known, n)
		}
		sort.Strings(known)
		return nil, status.Errorf(codes.NotFound, "no ruleset %q in this bundle (it has %s)", names[0], strings.Join(known, ", "))
	}
	return s, nil
}

func (b *bundle) Describe(ctx context.Context, req *pb.DescribeRequest) (*pb.DescribeResponse, error) {
	s, err := b.server(ctx)
	if err != nil {
		return nil, err
	}
	return s.Describe(ctx, req)
}

func (b *bundle) Configure(ctx context.Context, req *pb.ConfigureRequest) (*pb.ConfigureResponse, error) {
	s, err := b.server(ctx)
	if err != nil {
		return nil, err
	}
	return s.Configure(ctx, req)
}

func (b *bundle) Check(ctx context.Context, req *pb.CheckRequest) (*pb.CheckResponse, error) {
	s, err := b.server(ctx)
	if err != nil {
		return nil, err
	}
	return s.Check(ctx, req)
}

func (b *bundle) CheckStream(stream pb.Linter_CheckStreamServer) error {
	s, err := b.server(stream.Context())
	if err != nil {
		return err
	}
	return s.CheckStream(stream)
}
