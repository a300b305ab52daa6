// Package protocol is the seam between copydesk and its rule plugins: the
// go-plugin handshake, the gRPC service (copydesk.proto, generated into pb/),
// the conversions between sdk values and wire messages, and Serve, which a
// plugin's main calls.
//
// Everything here speaks gRPC only; net/rpc is refused at the handshake.
package protocol

import (
	"context"

	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	"github.com/copydesk/copydesk/core/protocol/pb"
	"github.com/copydesk/copydesk/core/sdk"
)

// ProtocolVersion is the version of copydesk.proto that this build speaks.
// Bump it (and add a plugin set to PluginSets) on any breaking change to the
// messages; go-plugin then refuses mismatched plugins at the handshake with
// a message naming both versions.
const ProtocolVersion = 1

// PluginKey is the name the linter service is dispensed under.
const PluginKey = "linter"

// MaxMessageBytes bounds one gRPC message either way: a long article going
// to the plugin, or an article's findings coming back. The gRPC default of
// 4 MiB is too small for a long CMS JSON article.
const MaxMessageBytes = 64 << 20

// Handshake is checked by both sides before anything else. The cookie is not
// a secret; it stops a user who runs a plugin binary by hand from getting a
// confusing hang, and stops copydesk from talking to a binary that is not a
// copydesk plugin.
var Handshake = plugin.HandshakeConfig{
	ProtocolVersion:  ProtocolVersion,
	MagicCookieKey:   "COPYDESK_PLUGIN",
	MagicCookieValue: "7d1f2c0e-copydesk-rules",
}

// PluginSets maps each protocol version this build can speak to the plugins
// served under it. impl is the plugin to serve; hosts pass nil.
func PluginSets(impl *sdk.Plugin) map[int]plugin.PluginSet {
	return map[int]plugin.PluginSet{
		1: {PluginKey: &GRPCPlugin{Impl: impl}},
	}
}

// GRPCPlugin adapts the linter service to go-plugin. On the plugin side Impl
// is served; on the host side GRPCClient returns a pb.LinterClient.
type GRPCPlugin struct {
	plugin.NetRPCUnsupportedPlugin
	Impl *sdk.Plugin
}

// GRPCServer registers the linter service.
func (g *GRPCPlugin) GRPCServer(_ *plugin.GRPCBroker, s *grpc.Server) error {
	pb.RegisterLinterServer(s, newServer(g.Impl))
	return nil
}

// GRPCClient returns a pb.LinterClient over the plugin's connection.
func (g *GRPCPlugin) GRPCClient(_ context.Context, _ *plugin.GRPCBroker, c *grpc.ClientConn) (any, error) {
	return pb.NewLinterClient(c), nil
}
