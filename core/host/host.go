// Package host starts copydesk's rule plugins as child processes, talks to
// them over gRPC (package protocol) and turns whatever they answer into
// validated findings. A plugin that crashes, hangs or returns garbage costs
// its own findings for the articles concerned and nothing else.
//
// Built-in plugins are served by the copydesk binary itself (see
// ServeBuiltin); third-party plugins are separate executables, optionally
// pinned by a sha256 checksum.
package host

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/copydesk/copydesk/core/protocol"
	"github.com/copydesk/copydesk/core/sdk"
)

// BuiltinCommand is the first argument with which copydesk re-executes
// itself to serve one of its built-in plugins.
const BuiltinCommand = "__plugin"

// Spec says where to find one plugin.
type Spec struct {
	Name    string // the plugin's table name in rules.toml
	Builtin bool   // served by this binary: os.Executable() __plugin NAME
	Path    string // external executable (third-party), when !Builtin
	SHA256  string // optional hex checksum of Path; a mismatch refuses to start it
}

// Options tune the host. Zero values mean the defaults.
type Options struct {
	StartTimeout time.Duration // handshake and Describe; default 5s
	CheckTimeout time.Duration // per article, and per Configure; default 10s
	// Logger receives the host's and the plugins' log lines. Default: Warn
	// and above to stderr, without colour.
	Logger hclog.Logger
	// MaxFindings per article per plugin; more and the plugin is reported
	// faulty for that article. Default 1000.
	MaxFindings int
	// Executable serves Builtin specs; default os.Executable(). Tests point
	// it at a binary that serves test plugins.
	Executable string
	// Bundle serves the Builtin specs (two or more) from one process,
	// `copydesk __bundle NAME...`, instead of one process each: less CPU
	// and memory per run and per request, for shared fate. A rule that
	// panics or a ruleset that returns invalid findings still costs only
	// that ruleset's article; a crash or a hang of the shared process
	// fails every built-in ruleset for the articles it had not answered,
	// and a Restart brings all of them back. Third-party plugins keep a
	// process each.
	Bundle bool
}

func (o Options) withDefaults() Options {
	if o.StartTimeout <= 0 {
		o.StartTimeout = 5 * time.Second
	}
	if o.CheckTimeout <= 0 {
		o.CheckTimeout = 10 * time.Second
	}
	if o.Logger == nil {
		// go-plugin's default logger is hclog at Trace; a linter's users
		// want to see plugin warnings and crashes, not handshakes.
		o.Logger = hclog.New(&hclog.LoggerOptions{
			Name:   "copydesk",
			Level:  hclog.Warn,
			Output: os.Stderr,
			Color:  hclog.ColorOff,
		})
	}
	if o.MaxFindings <= 0 {
		o.MaxFindings = 1000
	}
	return o
}

// PluginError is a plugin that could not be used.
type PluginError struct {
	Plugin string
	Err    error
}

func (e *PluginError) Error() string { return fmt.Sprintf("plugin %s: %v", e.Plugin, e.Err) }
func (e *PluginError) Unwrap() error { return e.Err }

// Host is a run's set of plugin processes.
type Host struct {
	opts      Options
	socketDir string // run-owned; every plugin's unix socket lives here

	mu       sync.Mutex
	closed   bool
	all      []*Plugin // every plugin ever started, for Close
	running  []*Plugin // started successfully, in spec order
	starting sync.WaitGroup
	once     sync.Once
}

// Start starts every plugin concurrently, shakes hands and asks each for its
// description. Plugins that fail are returned as errors; the others run.
// The Host is never nil: Close it in every case.
func Start(ctx context.Context, specs []Spec, opts Options) (*Host, []*PluginError) {
	h := &Host{opts: opts.withDefaults()}
	var errs []*PluginError
	sweepStaleSocketDirs(socketBase())
	dir, err := os.MkdirTemp(socketBase(), fmt.Sprintf("%s%d-", socketDirPrefix, os.Getpid()))
	if err != nil {
		for _, s := range specs {
			errs = append(errs, &PluginError{Plugin: s.Name, Err: fmt.Errorf("cannot create a directory for plugin sockets: %w", err)})
		}
		return h, errs
	}
	h.socketDir = dir
	_ = claimSocketDir(dir) // without the lock the directory is swept only when old

	plugins := make([]*Plugin, len(specs))
	perr := make([]error, len(specs))
	seen := map[string]bool{}
	var bundled []int // indexes of the specs served by the shared process
	for i, spec := range specs {
		if seen[spec.Name] {
			perr[i] = errors.New("listed twice; give each plugin one table in rules.toml")
			continue
		}
		seen[spec.Name] = true
		if spec.Builtin && h.opts.Bundle {
			bundled = append(bundled, i)
		}
	}
	if len(bundled) < 2 {
		bundled = nil // one built-in is served as itself
	}
	inBundle := map[int]bool{}
	for _, i := range bundled {
		inBundle[i] = true
	}
	var wg sync.WaitGroup
	if bundled != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			bspecs := make([]Spec, len(bundled))
			for j, i := range bundled {
				bspecs[j] = specs[i]
			}
			members, err := h.startBundle(ctx, bspecs)
			for j, i := range bundled {
				if err != nil {
					perr[i] = err
				} else {
					plugins[i] = members[j]
				}
			}
		}()
	}
	for i, spec := range specs {
		if inBundle[i] || perr[i] != nil {
			continue
		}
		p := &Plugin{host: h, spec: spec}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := p.Restart(ctx); err != nil {
				perr[i] = err
				return
			}
			plugins[i] = p
		}()
	}
	wg.Wait()
	h.mu.Lock()
	for i, p := range plugins {
		if p != nil {
			h.running = append(h.running, p)
		} else if perr[i] != nil {
			errs = append(errs, &PluginError{Plugin: specs[i].Name, Err: perr[i]})
		}
	}
	h.mu.Unlock()
	return h, errs
}

// socketBase is the folder for socket directories: the temporary folder,
// unless its path is so long that a socket inside it would pass the ~104-byte
// limit of a unix socket address (long TMPDIRs are common on macOS and in
// test runners); then /tmp.
func socketBase() string {
	base := os.TempDir()
	// base + "/copydesk-plugins-PID-RANDOM10/pluginRANDOM10"
	if len(base)+len(socketDirPrefix)+50 > 100 {
		if fi, err := os.Stat("/tmp"); err == nil && fi.IsDir() {
			return "/tmp"
		}
	}
	return base
}

// socketDirPrefix names run socket directories: the prefix, the owning
// copydesk's pid, a dash and a random suffix.
const socketDirPrefix = "copydesk-plugins-"

// Plugins returns the plugins that started, in spec order.
func (h *Host) Plugins() []*Plugin {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]*Plugin(nil), h.running...)
}

// register records a plugin about to start a process, so Close can find it.
// It fails once the host is closed.
func (h *Host) register(p *Plugin) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return errors.New("copydesk is shutting down")
	}
	for _, q := range h.all {
		if q == p {
			h.starting.Add(1)
			return nil
		}
	}
	h.all = append(h.all, p)
	h.starting.Add(1)
	return nil
}

// Close kills every plugin process and removes the run's socket directory.
// It is idempotent and safe to call from a signal handler's goroutine while
// other goroutines are checking (their articles get errors). If plugins are
// still starting, it waits for them (at most the start timeout) so that none
// outlives the run.
func (h *Host) Close() {
	h.once.Do(func() {
		h.mu.Lock()
		h.closed = true
		h.mu.Unlock()
		h.starting.Wait()
		h.mu.Lock()
		all := append([]*Plugin(nil), h.all...)
		h.mu.Unlock()
		var wg sync.WaitGroup
		for _, p := range all {
			wg.Add(1)
			go func() {
				defer wg.Done()
				p.shutdown()
			}()
		}
		wg.Wait()
		if h.socketDir != "" {
			releaseSocketDir(h.socketDir)
			_ = os.RemoveAll(h.socketDir)
		}
	})
}

// ServeBuiltin serves a built-in plugin when copydesk was re-executed to do
// so, and reports whether it did. Call it first thing in main:
//
//	if host.ServeBuiltin(os.Args[1:], plugins.Lookup) {
//		return
//	}
//
// An unknown name exits with status 2 and a message on stderr.
func ServeBuiltin(args []string, lookup func(name string) *sdk.Plugin) bool {
	if len(args) > 0 && args[0] == BundleCommand {
		serveBundle(args[1:], lookup)
		return true
	}
	if len(args) == 0 || args[0] != BuiltinCommand {
		return false
	}
	if len(args) != 2 {
		fmt.Fprintf(os.Stderr, "copydesk %s NAME serves a built-in plugin; copydesk runs it itself\n", BuiltinCommand)
		os.Exit(2)
	}
	p := lookup(args[1])
	if p == nil {
		fmt.Fprintf(os.Stderr, "copydesk: no built-in plugin %q\n", args[1])
		os.Exit(2)
	}
	defer StartProfile(p.Name)()
	protocol.Serve(p)
	return true
}

// serveBundle serves the named built-in rulesets from this one process
// (Options.Bundle). An unknown name exits with status 2.
func serveBundle(names []string, lookup func(name string) *sdk.Plugin) {
	if len(names) == 0 {
		fmt.Fprintf(os.Stderr, "copydesk %s NAME... serves built-in plugins; copydesk runs it itself\n", BundleCommand)
		os.Exit(2)
	}
	ps := make([]*sdk.Plugin, len(names))
	for i, n := range names {
		if ps[i] = lookup(n); ps[i] == nil {
			fmt.Fprintf(os.Stderr, "copydesk: no built-in plugin %q\n", n)
			os.Exit(2)
		}
	}
	defer StartProfile("bundle")()
	protocol.ServeBundle(ps)
}
