// Command tfbench measures the wall and CPU time of steady-state Terraform
// plans (with refresh and with -refresh=false) of N existing
// almsync_jama_connector resources against the sandbox, beside the same N
// of the floor (a no-op provider serving the connector's real schema) and
// of terraform_data, with the sandbox requests per object of a refresh,
// and prints the tables (see package tfbench). It runs from the provider's
// repository, as `make bench` does:
//
//	go run ./internal/bench/cmd/tfbench                  # N = 200,500, 5 rounds; rate limit N = 200
//	go run ./internal/bench/cmd/tfbench -quick           # N = 5,10, 1 round; rate limit N = 50
//	go run ./internal/bench/cmd/tfbench -ratelimit-only  # the rate-limited phase alone
//	go run ./internal/bench/cmd/tfbench -ratelimit-n 0   # without the rate-limited phase
//	TFBENCH_QUICK=1 make bench
//
// After the sizes, the rate-limited phase plans -ratelimit-n almsync
// resources against the sandbox limited to 10 requests per second, with
// the provider's default settings, and prints the share of 429 answers
// and the wall time against the limit's floor.
//
// It exits 1 when something breaks (a build, a Terraform command, a plan
// that is not empty), never because of a timing; 2 on invalid
// flags; 130 when interrupted. -quick overrides -n, -rounds and a
// non-zero -ratelimit-n.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/almsync/terraform-provider-almsync/internal/bench/tfbench"
)

// Quick mode: small enough to finish in well under two minutes.
const (
	quickSizes     = "5,10"
	quickRounds    = 1
	quickRateLimit = 50
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// After the first signal, a second one ends the process at once.
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run parses args, runs the benchmark and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opts, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "tfbench: %v\n", err)
		return 2
	}
	opts.Out, opts.Progress = stdout, stderr
	err = tfbench.Run(ctx, opts)
	switch {
	case err == nil:
		return 0
	case ctx.Err() != nil:
		fmt.Fprintln(stderr, "tfbench: interrupted; temporary files removed")
		return 130
	}
	fmt.Fprintf(stderr, "tfbench: %v\n", err)
	return 1
}

// parseFlags turns the command line and the environment into options.
func parseFlags(args []string, stderr io.Writer) (tfbench.Options, error) {
	fs := flag.NewFlagSet("tfbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("n", "200,500", "comma-separated resource counts N")
	rounds := fs.Int("rounds", 5, "rounds per N; the report gives medians")
	parallelism := fs.Int("parallelism", 10, "terraform -parallelism")
	rateN := fs.Int("ratelimit-n", 200, "resources refreshed by the plan against the sandbox limited to 10 requests/s; 0 skips that phase")
	rateOnly := fs.Bool("ratelimit-only", false, "run only the rate-limited phase, not the sizes of -n")
	quick := fs.Bool("quick", envBool("TFBENCH_QUICK"), "quick run: -n "+quickSizes+" -rounds "+strconv.Itoa(quickRounds)+
		" -ratelimit-n "+strconv.Itoa(quickRateLimit)+" unless 0 (also TFBENCH_QUICK=1)")
	tf := fs.String("terraform", os.Getenv("TF_ACC_TERRAFORM_PATH"), "terraform executable (default: TF_ACC_TERRAFORM_PATH, else terraform on PATH)")
	repo := fs.String("repo", ".", "directory inside the provider's repository")
	if err := fs.Parse(args); err != nil {
		return tfbench.Options{}, err
	}
	if fs.NArg() > 0 {
		return tfbench.Options{}, fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	if *rateN < 0 {
		return tfbench.Options{}, fmt.Errorf("-ratelimit-n is %d: want a resource count, or 0 to skip the rate-limited phase", *rateN)
	}
	if *rateOnly && *rateN == 0 {
		return tfbench.Options{}, errors.New("-ratelimit-only with -ratelimit-n 0 leaves nothing to run")
	}
	if *quick {
		*sizes, *rounds = quickSizes, quickRounds
		if *rateN != 0 {
			*rateN = quickRateLimit
		}
	}
	opts := tfbench.Options{Rounds: *rounds, Parallelism: *parallelism, RepoDir: *repo, Terraform: *tf,
		RateLimitN: *rateN, RateLimitOnly: *rateOnly}
	var err error
	if opts.Sizes, err = tfbench.ParseSizes(*sizes); err != nil {
		return opts, fmt.Errorf("-n: %w", err)
	}
	if opts.Terraform == "" {
		if opts.Terraform, err = exec.LookPath("terraform"); err != nil {
			return opts, fmt.Errorf("terraform not found on PATH; install Terraform 1.11+ or set -terraform or TF_ACC_TERRAFORM_PATH: %w", err)
		}
	}
	return opts, nil
}

// envBool reports whether the environment variable name is set to a true
// value such as 1 or true.
func envBool(name string) bool {
	v, err := strconv.ParseBool(os.Getenv(name))
	return err == nil && v
}
