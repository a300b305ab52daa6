package host

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	"github.com/copydesk/copydesk/core/protocol"
	"github.com/copydesk/copydesk/core/protocol/pb"
)

// process is one running plugin process. A Plugin replaces it on Restart.
type process struct {
	client *plugin.Client
	cmd    *exec.Cmd
	rpc    pb.LinterClient
	stderr *tail
	pid    int
	killed atomic.Bool // the host is killing it: its end is no error
	once   sync.Once   // kill's work, done once (bundle members share a process)

	mu     sync.Mutex
	broken error // why the host stopped using it
}

// env is all a plugin inherits: a CMS's secrets in copydesk's environment
// are none of a third-party plugin's business.
func env(socketDir string) []string {
	var out []string
	for _, k := range append([]string{"PATH", "HOME", "TMPDIR", "LANG"}, passedEnv...) {
		if v, ok := os.LookupEnv(k); ok {
			out = append(out, k+"="+v)
		}
	}
	return append(out, plugin.EnvUnixSocketDir+"="+socketDir)
}

// command builds the plugin's command line and, for third-party plugins,
// checks the executable before anything runs.
func (h *Host) command(spec Spec, bundle []string) (*exec.Cmd, *plugin.SecureConfig, error) {
	if spec.Builtin {
		exe := h.opts.Executable
		if exe == "" {
			var err error
			if exe, err = os.Executable(); err != nil {
				return nil, nil, fmt.Errorf("cannot find the copydesk executable to serve built-in plugins: %w", err)
			}
		}
		if bundle != nil {
			return exec.Command(exe, append([]string{BundleCommand}, bundle...)...), nil, nil
		}
		return exec.Command(exe, BuiltinCommand, spec.Name), nil, nil
	}
	if spec.Path == "" {
		return nil, nil, errors.New("no path: set path = \"/path/to/plugin\" in its table in rules.toml, or remove the table")
	}
	path := spec.Path
	if !filepath.IsAbs(path) {
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, nil, err
		}
		path = abs
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, nil, fmt.Errorf("executable %s does not exist: build the plugin or fix path in rules.toml", path)
	case err != nil:
		return nil, nil, fmt.Errorf("cannot use executable %s: %w", path, err)
	case fi.IsDir():
		return nil, nil, fmt.Errorf("%s is a directory, not the plugin's executable: fix path in rules.toml", path)
	case fi.Mode().Perm()&0o111 == 0:
		return nil, nil, fmt.Errorf("%s is not executable: chmod +x it, or fix path in rules.toml", path)
	}
	var sc *plugin.SecureConfig
	if spec.SHA256 != "" {
		sum, err := hex.DecodeString(strings.TrimSpace(spec.SHA256))
		if err != nil || len(sum) != sha256.Size {
			return nil, nil, fmt.Errorf("sha256 %q in rules.toml is not a 64-digit hex checksum; compute it with: sha256sum %s", spec.SHA256, path)
		}
		sc = &plugin.SecureConfig{Checksum: sum, Hash: sha256.New()}
	}
	return exec.Command(path), sc, nil
}

// launch starts a plugin's process and shakes hands; it does not Describe.
func (p *Plugin) launch() (*process, error) { return p.host.launch(p.spec, nil) }

// launch starts the process serving spec, or the built-in rulesets of
// bundle together when bundle is not nil, and shakes hands.
func (h *Host) launch(spec Spec, bundle []string) (*process, error) {
	cmd, sc, err := h.command(spec, bundle)
	if err != nil {
		return nil, err
	}
	cmd.Env = env(h.socketDir)
	setProcAttr(cmd)
	errTail := newTail(8 << 10)
	pr := &process{cmd: cmd, stderr: errTail}
	logger := killLogger{Logger: h.opts.Logger.Named(spec.Name), killed: &pr.killed}
	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig:  protocol.Handshake,
		VersionedPlugins: protocol.PluginSets(nil),
		Cmd:              cmd,
		SecureConfig:     sc,
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		Logger:           logger,
		StartTimeout:     h.opts.StartTimeout,
		SkipHostEnv:      true,
		UnixSocketConfig: &plugin.UnixSocketConfig{TempDir: h.socketDir},
		Stderr:           errTail,
		GRPCDialOptions: []grpc.DialOption{grpc.WithDefaultCallOptions(
			grpc.MaxCallRecvMsgSize(protocol.MaxMessageBytes),
			grpc.MaxCallSendMsgSize(protocol.MaxMessageBytes),
		)},
	})
	pr.client = client
	fail := func(err error) (*process, error) {
		pr.kill()
		return nil, err
	}
	if _, err := client.Start(); err != nil {
		// Kill first: it waits for the plugin's stderr to be read, and
		// stderr usually says what went wrong.
		pr.kill()
		return nil, startError(err, cmd.Path, h.opts.StartTimeout, errTail)
	}
	if rc := client.ReattachConfig(); rc != nil {
		pr.pid = rc.Pid
	}
	rpcClient, err := client.Client()
	if err != nil {
		return fail(fmt.Errorf("could not connect to %s: %w", cmd.Path, err))
	}
	raw, err := rpcClient.Dispense(protocol.PluginKey)
	if err != nil {
		return fail(fmt.Errorf("%s does not serve copydesk rules: %w", cmd.Path, err))
	}
	lc, ok := raw.(pb.LinterClient)
	if !ok {
		return fail(fmt.Errorf("%s does not serve copydesk rules", cmd.Path))
	}
	pr.rpc = lc
	return pr, nil
}

func startError(err error, path string, timeout time.Duration, stderr *tail) error {
	if errors.Is(err, plugin.ErrChecksumsDoNotMatch) {
		return fmt.Errorf("refused to start %s: its sha256 does not match rules.toml. If you rebuilt or upgraded the plugin on purpose, update sha256 (sha256sum %s); otherwise do not run it", path, path)
	}
	msg := err.Error()
	if strings.Contains(msg, "incompatible API version with plugin") {
		return fmt.Errorf("%s speaks another version of the copydesk plugin protocol (%s; this copydesk speaks %d): rebuild the plugin against this copydesk's core/sdk, or use the copydesk it was built for", path, msg, protocol.ProtocolVersion)
	}
	if strings.Contains(msg, "timeout while waiting for plugin to start") {
		return fmt.Errorf("%s did not complete the plugin handshake within %s: is it a copydesk plugin (built with protocol.Serve)?%s", path, timeout, stderr.summary())
	}
	if rest, ok := strings.CutPrefix(msg, "Unrecognized remote plugin message: "); ok {
		first, _, _ := strings.Cut(rest, "\n")
		if first == "" {
			return fmt.Errorf("%s exited before the plugin handshake%s", path, stderr.summary())
		}
		return fmt.Errorf("%s wrote %q to stdout instead of the plugin handshake: a plugin must log to stderr only%s", path, first, stderr.summary())
	}
	return fmt.Errorf("could not start %s: %v%s", path, err, stderr.summary())
}

// kill stops the process and every process it started in its group at
// once, and waits until it is reaped. Plugins hold no state worth a graceful
// shutdown, and a hung one would not take it.
func (pr *process) kill() { pr.once.Do(pr.killNow) }

func (pr *process) killNow() {
	pr.killed.Store(true)
	if pr.cmd.Process != nil {
		// The group outlives its leader: this also ends what a plugin
		// that crashed left running.
		killGroup(pr.cmd.Process.Pid)
		_ = pr.cmd.Process.Kill()
	}
	pr.client.Kill()
}

// stop marks the process unusable for reason and kills it.
func (pr *process) stop(reason error) {
	pr.mu.Lock()
	if pr.broken == nil {
		pr.broken = reason
	}
	pr.mu.Unlock()
	pr.kill()
}

func (pr *process) brokenErr() error {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	return pr.broken
}

// exited waits up to d for the process to be gone. A broken stream is a
// crash when the process is gone, and something else when it is not.
func (pr *process) exited(ctx context.Context, d time.Duration) bool {
	deadline := time.NewTimer(d)
	defer deadline.Stop()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		if pr.client.Exited() {
			return true
		}
		select {
		case <-deadline.C:
			return false
		case <-ctx.Done():
			return pr.client.Exited()
		case <-tick.C:
		}
	}
}

// tail keeps the last bytes a plugin wrote to stderr, to quote its panic
// message when it crashes.
type tail struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func newTail(max int) *tail { return &tail{max: max} }

func (t *tail) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, b...)
	if len(t.buf) > t.max {
		t.buf = append([]byte(nil), t.buf[len(t.buf)-t.max:]...)
	}
	return len(b), nil
}

// summary is the interesting end of stderr, prefixed for appending to an
// error: from a Go panic's first line when there is one, else the last lines.
func (t *tail) summary() string {
	t.mu.Lock()
	s := string(t.buf)
	t.mu.Unlock()
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	var keep []string
	for i, l := range lines {
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") {
			keep = lines[i:]
			break
		}
	}
	if keep == nil {
		if len(lines) > 3 {
			lines = lines[len(lines)-3:]
		}
		keep = lines
	}
	if len(keep) > 8 {
		keep = keep[:8]
	}
	out := strings.TrimSpace(strings.Join(keep, "\n"))
	if out == "" {
		return ""
	}
	if len(out) > 1500 {
		out = out[:1500] + "..."
	}
	return "\nplugin stderr:\n" + out
}
