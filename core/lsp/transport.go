package lsp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// codec marshals message payloads with the protocol package's union-aware
// JSON codec, as protocol.NewServer does. (NewServer itself is not used: it
// handles every message concurrently, so a didChange could overtake the
// didOpen or the didChange before it.)
type codec struct{}

func (codec) Marshal(v any) ([]byte, error) {
	switch m := v.(type) {
	case jsonrpc2.RawMessage:
		if m == nil {
			return []byte("null"), nil
		}
		return m, nil
	case nil:
		return []byte("null"), nil
	}
	return protocol.Marshal(v)
}

func (codec) Unmarshal(data []byte, v any) error {
	if p, ok := v.(*jsonrpc2.RawMessage); ok {
		*p = append(jsonrpc2.RawMessage(nil), data...)
		return nil
	}
	return protocol.Unmarshal(data, v)
}

// frameReader is the header stream's frame-level read, which consumes one
// whole Content-Length frame whatever its body holds.
type frameReader interface {
	ReadFrame(ctx context.Context) ([]byte, int64, error)
}

// tolerantStream frames messages as LSP does (Content-Length headers) and
// skips a frame whose body is not a JSON-RPC message, logging it, where the
// plain stream would end the connection: a client's bad message must not
// stop the server. A broken header still ends it (the byte stream cannot be
// resynchronised).
type tolerantStream struct {
	jsonrpc2.Stream
	frames frameReader
	log    func(format string, args ...any)
}

func newStream(rw io.ReadWriteCloser, log func(string, ...any)) jsonrpc2.Stream {
	s := jsonrpc2.NewHeaderStream(rw)
	fr, _ := s.(frameReader)
	return &tolerantStream{Stream: s, frames: fr, log: log}
}

func (s *tolerantStream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	if s.frames == nil {
		return s.Stream.Read(ctx)
	}
	for {
		body, n, err := s.frames.ReadFrame(ctx)
		if err != nil {
			return nil, 0, err
		}
		msg, err := jsonrpc2.DecodeMessage(body)
		if err != nil {
			s.log("ignoring a message that is not JSON-RPC 2.0 (%v): %.200q", err, body)
			continue
		}
		return msg, n, nil
	}
}

// handler routes messages to the server. Notifications run in the order
// they arrive, on the read loop (they only record state and schedule
// work); requests other than initialize and shutdown run concurrently. A
// notification's error or a panic anywhere is logged, never allowed to end
// the connection.
func (s *Server) handler() jsonrpc2.Handler {
	inner := protocol.ServerHandler(s, jsonrpc2.MethodNotFoundHandler)
	routed := func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		if !req.IsCall() {
			return inner(ctx, req)
		}
		// Every call is released with Async, initialize and shutdown only
		// once they are done (so the messages after them see their
		// effect). A call that is never released has its context recycled
		// by jsonrpc2 v1.0.1 when the handler returns, while the goroutine
		// that protocol.CancelHandler's context.WithCancel started may
		// still ask it for Done: a nil-parent panic that no recover can
		// catch. A released call's context is never recycled.
		if m := req.Method(); m == protocol.MethodInitialize || m == protocol.MethodShutdown {
			defer jsonrpc2.Async(ctx)
			return inner(ctx, req)
		}
		jsonrpc2.Async(ctx)
		return inner(ctx, req)
	}
	cancellable := protocol.CancelHandler(routed)
	return func(ctx context.Context, req *jsonrpc2.Request) (result any, err error) {
		method := req.Method()
		call := req.IsCall()
		defer func() {
			if r := recover(); r != nil {
				s.logf("internal error handling %s: %v\n%s", method, r, debug.Stack())
				result = nil
				err = nil
				if call {
					err = fmt.Errorf("%w: copydesk: %v", jsonrpc2.ErrInternal, r)
				}
			}
		}()
		if call && !s.initialized() && method != protocol.MethodInitialize && method != protocol.MethodShutdown {
			return nil, jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "copydesk: send initialize first")
		}
		if call && s.shutdownRequested() && method != protocol.MethodShutdown {
			return nil, fmt.Errorf("%w: copydesk: the server is shutting down", jsonrpc2.ErrInvalidRequest)
		}
		result, err = cancellable(ctx, req)
		if !call {
			if err != nil && !errors.Is(err, context.Canceled) {
				s.logf("ignoring %s: %v", method, err)
			}
			return nil, nil
		}
		return result, err
	}
}
