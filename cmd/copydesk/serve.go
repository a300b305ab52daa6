package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/copydesk/copydesk/core/config"
	"github.com/copydesk/copydesk/core/host"
	"github.com/copydesk/copydesk/core/runner"
	"github.com/copydesk/copydesk/core/sdk"
	"github.com/copydesk/copydesk/core/server"
	"github.com/copydesk/copydesk/plugins"
)

// secretEnv names the environment variable holding the hook's shared
// secret. It is never a flag: flags show in ps and shell history.
const secretEnv = "COPYDESK_HOOK_SECRET"

// cmdServe runs the CMS pre-publish hook: an HTTP server whose plugins start
// once and stay warm. See docs/cms-hook.md.
func cmdServe(args []string) int {
	c := newCommon("serve")
	addr := c.fs.String("addr", "127.0.0.1:8080", "address to listen on; a non-loopback address needs --allow-remote")
	allowRemote := c.fs.Bool("allow-remote", false, "allow listening on a non-loopback address (set "+secretEnv+" too)")
	failOn := c.fs.String("fail-on", "", "verdict fail when a finding is at or above this severity (default from rules.toml: error)")
	maxBodyFlag := sizeFlag(server.DefaultMaxBodyBytes)
	c.fs.Var(&maxBodyFlag, "max-body-bytes", "refuse request bodies larger than this with 413, in bytes or with a unit: 1MiB, 512KiB")
	maxBody := (*int64)(&maxBodyFlag)
	timeout := c.fs.Duration("timeout", server.DefaultTimeout, "answer 504 when a check takes longer than this")
	maxInFlight := c.fs.Int("max-in-flight", server.DefaultMaxInFlight, "answer 503 when this many checks are already running")
	grace := c.fs.Duration("shutdown-timeout", 30*time.Second, "on SIGTERM or SIGINT, wait this long for in-flight requests")
	drainDelay := c.fs.Duration("drain-delay", 0, "on SIGTERM or SIGINT, keep accepting requests this long with /readyz failing, so load balancers stop routing here first")
	c.fs.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: copydesk serve [flags]   (shared secret from $"+secretEnv+"; see docs/cms-hook.md)")
		c.fs.PrintDefaults()
	}
	rest, err := c.parse(args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if len(rest) > 0 {
		fmt.Fprintf(os.Stderr, "copydesk serve: unexpected argument %q (articles arrive over HTTP)\n", rest[0])
		return exitUsage
	}
	if *maxBody <= 0 || *timeout <= 0 || *maxInFlight <= 0 || *grace < 0 || *drainDelay < 0 {
		fmt.Fprintln(os.Stderr, "copydesk serve: --max-body-bytes, --timeout and --max-in-flight must be positive")
		return exitUsage
	}
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	defer host.StartProfile("serve")() // only with COPYDESK_CPUPROFILE set (bench/NOTES.md)

	cfg, err := c.loadConfig()
	if err != nil {
		fmt.Fprintf(os.Stderr, "copydesk: %v\n", err)
		return exitUsage
	}
	if *failOn != "" {
		if cfg.FailOn, err = sdk.ParseSeverity(*failOn); err != nil {
			fmt.Fprintf(os.Stderr, "copydesk serve: %v\n", err)
			return exitUsage
		}
	}

	remote, err := isRemote(*addr)
	if err != nil {
		fmt.Fprintf(os.Stderr, "copydesk serve: --addr %q: %v\n", *addr, err)
		return exitUsage
	}
	secret := os.Getenv(secretEnv)
	if remote && !*allowRemote {
		fmt.Fprintf(os.Stderr, "copydesk serve: refusing to listen on %s, which is reachable from other machines; pass --allow-remote (and set %s) to do so on purpose\n", *addr, secretEnv)
		return exitUsage
	}
	if remote && secret == "" {
		log.Warn("listening on a non-loopback address without a shared secret: anyone who can reach it can use it; set " + secretEnv)
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(os.Stderr, "copydesk serve: %v\n", err)
		return exitUsage
	}
	srv := server.New(server.Options{
		FailOn: cfg.FailOn, Secret: []byte(secret), MaxBodyBytes: *maxBody,
		Timeout: *timeout, MaxInFlight: *maxInFlight, Logger: log,
	})
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       *timeout + 10*time.Second,
		WriteTimeout:      *timeout + 20*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- hs.Serve(ln) }()
	log.Info("listening", "addr", ln.Addr().String(), "signed", secret != "", "config", cfg.Path)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	code := exitOK
	engine, err := startServeEngine(ctx, c, cfg)
	switch {
	case err != nil && ctx.Err() == nil:
		fmt.Fprintf(os.Stderr, "copydesk: %v\n", err)
		code = exitFailure
		var ce *config.Error
		var ces config.Errors
		if errors.As(err, &ce) || errors.As(err, &ces) {
			code = exitUsage
		}
	case err == nil:
		engine.KeepWarm()
		var problems []string
		for _, p := range engine.Plugins() {
			if p.Status != "running" {
				problems = append(problems, p.Name+": "+p.Status)
			}
		}
		srv.SetChecker(engine, problems)
		if len(problems) > 0 {
			log.Error("plugins failed to start; every verdict will be fail until they are fixed", "plugins", problems)
		}
		log.Info("ready", "plugins", len(engine.Plugins()), "fail_on", cfg.FailOn.String())
		select {
		case <-ctx.Done():
		case err := <-serveErr:
			fmt.Fprintf(os.Stderr, "copydesk serve: %v\n", err)
			return exitFailure
		}
	}

	// Stop taking requests, let the in-flight ones finish with warm
	// plugins, and only then stop the plugins.
	stop()
	srv.Drain()
	if *drainDelay > 0 && engine != nil {
		log.Info("draining", "delay", drainDelay.String())
		time.Sleep(*drainDelay)
	}
	log.Info("shutting down", "grace", grace.String())
	sctx, cancel := context.WithTimeout(context.Background(), *grace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		log.Warn("in-flight requests did not finish in time", "error", err.Error())
		hs.Close()
	}
	if engine != nil {
		engine.Close()
	}
	log.Info("stopped")
	return code
}

// serveGOGC is the Go garbage collector's target (GOGC) for `copydesk
// serve` and its plugin processes unless GOGC is set in its environment: a
// long-running server's heap is small and steady, and collecting at 4x the
// live heap instead of 2x took GC from ~5% to ~1% of a request's CPU, for
// 120 MiB PSS in all instead of 61 MiB after 800 requests (bench/NOTES.md;
// one process per built-in took 120 MiB at the default).
const serveGOGC = 400

// setServeGOGC applies serveGOGC to this process and, through the
// environment the host passes on, to the plugin processes.
func setServeGOGC() {
	if _, ok := os.LookupEnv("GOGC"); ok {
		return
	}
	os.Setenv("GOGC", strconv.Itoa(serveGOGC))
	debug.SetGCPercent(serveGOGC)
}

func startServeEngine(ctx context.Context, c *common, cfg *config.Config) (*runner.Engine, error) {
	setServeGOGC()
	level := hclog.Warn
	if c.verbose {
		level = hclog.Debug
	}
	logger := hclog.New(&hclog.LoggerOptions{Name: "copydesk", Level: level, Output: os.Stderr, JSONFormat: true})
	return runner.Start(ctx, runner.Options{Config: cfg, Builtins: plugins.Builtin, Logger: logger, Bundle: true})
}

// isRemote reports whether addr listens beyond the loopback interface. An
// empty host ("":8080) means every interface; a name other than localhost
// is resolved and is remote when any of its addresses is.
func isRemote(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, err
	}
	if host == "" {
		return true, nil
	}
	if strings.EqualFold(host, "localhost") {
		return false, nil
	}
	if ip := net.ParseIP(host); ip != nil {
		return !ip.IsLoopback(), nil
	}
	ips, err := net.LookupIP(host)
	if err != nil {
		return false, err
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return true, nil
		}
	}
	return false, nil
}
