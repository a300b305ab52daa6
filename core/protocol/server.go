package protocol

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"sync"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	"github.com/copydesk/copydesk/core/protocol/pb"
	"github.com/copydesk/copydesk/core/sdk"
)

// Serve runs p as a plugin process until the host goes away. A plugin's main
// is one line: protocol.Serve(MyPlugin).
//
// The plugin logs through hclog to stderr as JSON, which the host relays into
// its own log; stdout carries the go-plugin handshake and must not be written
// to. Run by hand (without the host's handshake cookie), the binary prints a
// short explanation and exits.
func Serve(p *sdk.Plugin) {
	if p == nil {
		fmt.Fprintln(os.Stderr, "copydesk plugin: no such plugin")
		os.Exit(2)
	}
	serve(p.Name, PluginSets(p))
}

// serve runs go-plugin's server for the given plugin sets: the handshake,
// gRPC with copydesk's message limits, and a JSON logger on stderr that the
// host relays.
func serve(name string, sets map[int]plugin.PluginSet) {
	logger := hclog.New(&hclog.LoggerOptions{
		Name:       name,
		Level:      hclog.Info,
		Output:     os.Stderr,
		JSONFormat: true,
		Color:      hclog.ColorOff,
	})
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig:  Handshake,
		VersionedPlugins: sets,
		GRPCServer: func(opts []grpc.ServerOption) *grpc.Server {
			opts = append(opts, grpc.MaxRecvMsgSize(MaxMessageBytes), grpc.MaxSendMsgSize(MaxMessageBytes))
			return grpc.NewServer(opts...)
		},
		Logger: logger,
	})
}

// server answers the host for one plugin. It holds the session Configure
// built; until Configure is called it checks with every rule's defaults.
type server struct {
	pb.UnimplementedLinterServer
	plugin *sdk.Plugin

	mu         sync.RWMutex
	session    *sdk.Session
	sessionErr error

	// checkMu runs one article at a time even when the host has several
	// calls open (the server mode checks requests concurrently): rules may
	// keep caches in Configure's state, and plugin authors should not have
	// to make them safe for concurrent use. The host runs plugins side by
	// side, which is where the parallelism is.
	checkMu sync.Mutex
}

func newServer(p *sdk.Plugin) *server {
	s := &server{plugin: p}
	s.session, s.sessionErr = sdk.NewSession(p, nil, nil)
	return s
}

func (s *server) Describe(context.Context, *pb.DescribeRequest) (*pb.DescribeResponse, error) {
	return DescribeToWire(s.plugin)
}

func (s *server) Configure(_ context.Context, req *pb.ConfigureRequest) (*pb.ConfigureResponse, error) {
	session, err := s.configure(req)
	if err != nil {
		return &pb.ConfigureResponse{Error: err.Error()}, nil
	}
	s.mu.Lock()
	s.session, s.sessionErr = session, nil
	s.mu.Unlock()
	return &pb.ConfigureResponse{Rules: session.Rules()}, nil
}

func (s *server) configure(req *pb.ConfigureRequest) (_ *sdk.Session, err error) {
	// A plugin's Configure is third-party code; a panic in it is a bad
	// configuration answer, not a dead plugin.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("plugin %s: Configure panicked: %v", s.plugin.Name, r)
		}
	}()
	pluginOptions, rules, err := ConfigureFromWire(req)
	if err != nil {
		return nil, err
	}
	if err := checkOptions(s.plugin.Options, pluginOptions); err != nil {
		return nil, fmt.Errorf("plugin %s: %w", s.plugin.Name, err)
	}
	names := make([]string, 0, len(rules))
	for name := range rules {
		names = append(names, name)
	}
	sort.Strings(names) // report the first bad rule deterministically
	for _, name := range names {
		r := s.plugin.Rule(name)
		if r == nil {
			return nil, fmt.Errorf("plugin %s has no rule %q", s.plugin.Name, name)
		}
		set := rules[name]
		if set.Severity != 0 && (set.Severity < sdk.Info || set.Severity > sdk.Error) {
			return nil, fmt.Errorf("rule %s: severity %d is not info, warning or error", name, set.Severity)
		}
		if err := checkOptions(r.Options, set.Options); err != nil {
			return nil, fmt.Errorf("rule %s: %w", name, err)
		}
	}
	return sdk.NewSession(s.plugin, pluginOptions, rules)
}

// checkOptions refuses options that are not declared or have the wrong type.
func checkOptions(decl []sdk.Option, got sdk.Options) error {
	names := make([]string, 0, len(got))
	for name := range got {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		var o *sdk.Option
		for i := range decl {
			if decl[i].Name == name {
				o = &decl[i]
				break
			}
		}
		if o == nil {
			known := make([]string, len(decl))
			for i, d := range decl {
				known[i] = d.Name
			}
			if len(known) == 0 {
				return fmt.Errorf("unknown option %q: it takes no options", name)
			}
			return fmt.Errorf("unknown option %q: known options are %v", name, known)
		}
		if err := o.CheckType(got[name]); err != nil {
			return err
		}
	}
	return nil
}

func (s *server) current() (*sdk.Session, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.sessionErr != nil {
		return nil, fmt.Errorf("plugin %s is not configured: %w", s.plugin.Name, s.sessionErr)
	}
	return s.session, nil
}

// check checks one article. It never panics: Session.Check recovers panics
// in rules, and anything else becomes the response's error.
func (s *server) check(req *pb.CheckRequest) (resp *pb.CheckResponse) {
	resp = &pb.CheckResponse{Id: req.Id}
	defer func() {
		if r := recover(); r != nil {
			resp = &pb.CheckResponse{Id: req.Id, Error: fmt.Sprintf("plugin %s panicked: %v", s.plugin.Name, r)}
		}
	}()
	session, err := s.current()
	if err != nil {
		resp.Error = err.Error()
		return resp
	}
	a := ArticleFromWire(req.Article)
	s.checkMu.Lock()
	defer s.checkMu.Unlock()
	found, failures := session.CheckRules(a, req.Rules)
	resp.TotalFindings = int64(len(found))
	resp.Findings = FindingsToWire(found, int(req.MaxFindings))
	resp.Failures = FailuresToWire(failures)
	return resp
}

func (s *server) Check(ctx context.Context, req *pb.CheckRequest) (*pb.CheckResponse, error) {
	// A rule cannot be interrupted, but the host's deadline can be honoured:
	// answer when it passes and let the rule finish (or not) on its own.
	done := make(chan *pb.CheckResponse, 1)
	go func() { done <- s.check(req) }()
	select {
	case resp := <-done:
		return resp, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// CheckStream answers each article in the order it arrives (the host relies
// on the order to tell which article broke a stream). The host sends
// without waiting, so gRPC's buffers keep the plugin busy.
func (s *server) CheckStream(stream pb.Linter_CheckStreamServer) error {
	for {
		req, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := stream.Send(s.check(req)); err != nil {
			return err
		}
	}
}
