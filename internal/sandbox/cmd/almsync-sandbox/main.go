// Command almsync-sandbox serves the sandbox emulator of the products the
// almsync provider talks to (see package sandbox) on one listener:
//
//	almsync-sandbox --listen 127.0.0.1:8080 --state sandbox.json
//
// It prints one line with the URL and the default credentials, and shuts
// down gracefully on SIGINT or SIGTERM, writing the state file last.
// Invalid flags exit with status 2.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
)

// shutdownTimeout bounds how long in-flight requests may take at shutdown.
const shutdownTimeout = 5 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// config is the parsed command line.
type config struct {
	listen string
	state  string
	faults sandbox.Faults
	quiet  bool
	// tokenLifetime is Options.TokenLifetime.
	tokenLifetime time.Duration
}

// parseFlags parses args; the error says what is wrong.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("almsync-sandbox", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.listen, "listen", "127.0.0.1:8080", "address to listen on (host:port)")
	fs.StringVar(&c.state, "state", "", "JSON state file (empty: keep state in memory only)")
	fs.Float64Var(&c.faults.ErrorRate, "error-rate", 0, "fraction (0..1) of product requests answered 500/502/503")
	fs.Float64Var(&c.faults.RateLimitPerSecond, "rate-limit", 0, "product requests per second before 429 (0: off)")
	fs.IntVar(&c.faults.LatencyMS, "latency", 0, "milliseconds added to every product request")
	fs.Float64Var(&c.faults.DropRate, "drop-rate", 0, "fraction (0..1) of product requests whose connection is dropped after being applied")
	fs.Uint64Var(&c.faults.Seed, "seed", 0, "seed of the random fault decisions: the same seed and requests give the same faults (0: choose one, shown by GET /_sandbox/faults)")
	fs.BoolVar(&c.quiet, "quiet", false, "do not log requests")
	fs.DurationVar(&c.tokenLifetime, "token-lifetime", 0,
		"lifetime of every issued aqua access token, Jama and Interchange OAuth token and Jitterbit session, e.g. 2s; at least 1s (0: the products' real lifetimes, 15m, 1h and 14400s)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	if _, _, err := net.SplitHostPort(c.listen); err != nil {
		return c, fmt.Errorf("invalid -listen %q: %w", c.listen, err)
	}
	if err := c.faults.Validate(); err != nil {
		return c, fmt.Errorf("invalid fault flags: %w", err)
	}
	if c.tokenLifetime != 0 && c.tokenLifetime < sandbox.MinTokenLifetime {
		return c, fmt.Errorf("invalid -token-lifetime %s: it must be at least %s, or 0 for the products' real lifetimes", c.tokenLifetime, sandbox.MinTokenLifetime)
	}
	return c, nil
}

// run serves until ctx is done and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "almsync-sandbox: %v\n", err)
		return 2
	}
	logger := log.New(stderr, "", log.LstdFlags)
	opts := sandbox.Options{StatePath: cfg.state, Faults: cfg.faults}
	opts.TokenLifetime = cfg.tokenLifetime
	if !cfg.quiet {
		opts.Logf = logger.Printf
	}
	srv, err := sandbox.New(opts)
	if err != nil {
		fmt.Fprintf(stderr, "almsync-sandbox: %v\n", err)
		return 1
	}
	if f := srv.Faults(); f.ErrorRate > 0 || f.DropRate > 0 {
		logger.Printf("almsync-sandbox: injecting random faults with seed %d (replay with --seed %d)", f.Seed, f.Seed)
	}
	if err := serve(ctx, srv, cfg.listen, stdout, logger); err != nil {
		fmt.Fprintf(stderr, "almsync-sandbox: %v\n", err)
		_ = srv.Close()
		return 1
	}
	if err := srv.Close(); err != nil {
		fmt.Fprintf(stderr, "almsync-sandbox: %v\n", err)
		return 1
	}
	return 0
}

// serve listens on addr and serves srv until ctx is done, then shuts down.
func serve(ctx context.Context, srv *sandbox.Server, addr string, stdout io.Writer, logger *log.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          logger,
	}
	fmt.Fprintf(stdout, "almsync-sandbox listening on http://%s (user %s/%s, OAuth client %s/%s, control endpoints under /_sandbox)\n",
		ln.Addr(), sandbox.DefaultUsername, sandbox.DefaultPassword, sandbox.DefaultClientID, sandbox.DefaultClientSecret)

	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
