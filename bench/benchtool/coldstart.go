package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	"github.com/copydesk/copydesk/core/article"
	"github.com/copydesk/copydesk/core/host"
	"github.com/copydesk/copydesk/core/protocol"
	"github.com/copydesk/copydesk/core/protocol/pb"
	"github.com/copydesk/copydesk/plugins"
)

// bundleCommand is how benchtool re-executes itself to serve every built-in
// ruleset in one process (protocol.ServeBundle); host.BuiltinCommand serves
// one, as copydesk does.
const bundleCommand = "__bundle"

// serveIfAsked serves plugins when benchtool was re-executed to, and reports
// whether it did.
func serveIfAsked(args []string) bool {
	if len(args) == 1 && args[0] == bundleCommand {
		protocol.ServeBundle(plugins.Builtin)
		return true
	}
	return host.ServeBuiltin(args, plugins.Lookup)
}

// coldstart checks one article with every built-in ruleset the way a cold
// `copydesk check` does (start, handshake, Describe, Configure with the
// defaults, Check), either with one process per ruleset (-mode split, what
// copydesk does today) or with every ruleset in one process (-mode bundle,
// the issue-17 prototype). It prints the CPU each plugin process had used
// once its handshake was done and once it had answered, read from
// /proc/PID/stat before the process is killed, and the findings per ruleset
// (the same in both modes). Run it under `benchtool measure` for the whole
// tree's CPU.
func coldstart(args []string) error {
	fs := flag.NewFlagSet("coldstart", flag.ExitOnError)
	mode := fs.String("mode", "split", "split: one process per ruleset; bundle: one process for all")
	lang := fs.String("lang", "en", "the article's language, as the host would set it")
	fs.Parse(args)
	if fs.NArg() != 1 || (*mode != "split" && *mode != "bundle") {
		return fmt.Errorf("coldstart needs -mode split|bundle and one article")
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	a, err := article.Parse(fs.Arg(0), article.FormatText, data)
	if err != nil {
		return err
	}
	a.Language = *lang
	wire := protocol.ArticleToWire(a)
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	sockets, err := os.MkdirTemp("", "benchtool-coldstart-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(sockets)

	type proc struct {
		client *plugin.Client
		rpc    pb.LinterClient
		pid    int
		ready  time.Duration // CPU once the handshake was done
	}
	start := func(args ...string) (*proc, error) {
		cmd := exec.Command(exe, args...)
		c := plugin.NewClient(&plugin.ClientConfig{
			HandshakeConfig:  protocol.Handshake,
			VersionedPlugins: protocol.PluginSets(nil),
			Cmd:              cmd,
			AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
			Logger:           hclog.NewNullLogger(),
			UnixSocketConfig: &plugin.UnixSocketConfig{TempDir: sockets},
			GRPCDialOptions: []grpc.DialOption{grpc.WithDefaultCallOptions(
				grpc.MaxCallRecvMsgSize(protocol.MaxMessageBytes), grpc.MaxCallSendMsgSize(protocol.MaxMessageBytes))},
		})
		if _, err := c.Start(); err != nil {
			c.Kill()
			return nil, fmt.Errorf("%v: %w", args, err)
		}
		rc, err := c.Client()
		if err != nil {
			c.Kill()
			return nil, err
		}
		raw, err := rc.Dispense(protocol.PluginKey)
		if err != nil {
			c.Kill()
			return nil, err
		}
		p := &proc{client: c, rpc: raw.(pb.LinterClient)}
		if r := c.ReattachConfig(); r != nil {
			p.pid = r.Pid
		}
		p.ready = procCPU(p.pid)
		return p, nil
	}
	// check runs one ruleset's Describe, Configure and Check on p.
	check := func(p *proc, name string) (int, error) {
		ctx := context.Background()
		if *mode == "bundle" {
			ctx = protocol.ForRuleset(ctx, name)
		}
		if _, err := p.rpc.Describe(ctx, &pb.DescribeRequest{}); err != nil {
			return 0, err
		}
		conf, _ := protocol.ConfigureToWire(nil, nil)
		if cr, err := p.rpc.Configure(ctx, conf); err != nil || cr.Error != "" {
			return 0, fmt.Errorf("configure %s: %v %s", name, err, cr.GetError())
		}
		resp, err := p.rpc.Check(ctx, &pb.CheckRequest{Article: wire, MaxFindings: 1000})
		if err != nil {
			return 0, err
		}
		if resp.Error != "" {
			return 0, fmt.Errorf("%s: %s", name, resp.Error)
		}
		return len(resp.Findings), nil
	}

	names := make([]string, len(plugins.Builtin))
	for i, p := range plugins.Builtin {
		names[i] = p.Name
	}
	procs := make([]*proc, len(names)) // split: one per ruleset; bundle: the same one
	found := make([]int, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	if *mode == "bundle" {
		p, err := start(bundleCommand)
		if err != nil {
			return err
		}
		for i := range procs {
			procs[i] = p
		}
	}
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if procs[i] == nil {
				p, err := start(host.BuiltinCommand, name)
				if err != nil {
					errs[i] = err
					return
				}
				procs[i] = p
			}
			found[i], errs[i] = check(procs[i], name)
		}()
	}
	wg.Wait()
	defer func() { // every process, on errors too
		for _, p := range procs {
			if p != nil {
				p.client.Kill()
			}
		}
	}()
	var ready, done time.Duration
	seen := map[*proc]bool{}
	for i, name := range names {
		if errs[i] != nil {
			return fmt.Errorf("%s: %w", name, errs[i])
		}
		p := procs[i]
		cpu := procCPU(p.pid)
		if *mode == "split" {
			fmt.Printf("process=%s ready_cpu=%.3f done_cpu=%.3f findings=%d\n", name, p.ready.Seconds(), cpu.Seconds(), found[i])
		} else {
			fmt.Printf("ruleset=%s findings=%d\n", name, found[i])
		}
		if !seen[p] {
			seen[p] = true
			ready += p.ready
			done += cpu
		}
	}
	var self syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	hostCPU := time.Duration(self.Utime.Nano() + self.Stime.Nano())
	fmt.Printf("mode=%s processes=%d plugins_ready_cpu=%.3f plugins_done_cpu=%.3f host_cpu=%.3f\n", *mode, len(seen), ready.Seconds(), done.Seconds(), hostCPU.Seconds())
	return nil
}

// procCPU is a live process's user+system CPU so far, from /proc/PID/stat
// (clock ticks of 10 ms on Linux), or 0 when it cannot be read.
func procCPU(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name (field 2) may hold spaces; fields after ")" start at 3.
	s := string(data)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * (time.Second / 100)
}
