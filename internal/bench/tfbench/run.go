package tfbench

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"time"
)

// environment describes the machine of a run.
type environment struct {
	terraformVersion, platform string
	cores                      int
	loadStart                  string // load averages when the run started
}

// bench is one run: its temporary directory, the sandbox and the
// terraform runner.
type bench struct {
	opts    Options
	tmp     string
	started time.Time
	env     environment
	sandbox *sandboxServer
	tf      *terraform
}

// Run builds the providers, installs them into a local mirror, starts the
// sandbox, measures every size and writes the report to opts.Out. It
// removes what it created and stops what it started, also when ctx is
// cancelled.
func Run(ctx context.Context, opts Options) (err error) {
	if err := opts.check(); err != nil {
		return fmt.Errorf("invalid options: %w", err)
	}
	// The growth figures compare each size with the next larger one.
	opts.Sizes = slices.Compact(slices.Sorted(slices.Values(opts.Sizes)))
	tmp, err := os.MkdirTemp("", "tfbench-")
	if err != nil {
		return fmt.Errorf("create temporary directory: %w", err)
	}
	b := &bench{opts: opts, tmp: tmp, started: time.Now()}
	defer func() {
		if b.sandbox != nil {
			err = errors.Join(err, b.sandbox.close())
		}
		if rmErr := os.RemoveAll(tmp); rmErr != nil {
			err = errors.Join(err, fmt.Errorf("remove temporary directory: %w", rmErr))
		}
	}()
	if err := b.setup(ctx); err != nil {
		return err
	}
	var results []sizeResult
	if !opts.RateLimitOnly {
		for _, n := range opts.Sizes {
			res, err := b.measureSize(ctx, n)
			if err != nil {
				return fmt.Errorf("at N=%d: %w", n, err)
			}
			results = append(results, res)
		}
	}
	var rate *rateResult
	if opts.RateLimitN > 0 {
		res, err := b.measureRateLimit(ctx, opts.RateLimitN)
		if err != nil {
			return fmt.Errorf("rate-limited phase at N=%d: %w", opts.RateLimitN, err)
		}
		rate = &res
	}
	b.progressf("done")
	writeReport(opts.Out, report{
		env:         b.env,
		rounds:      opts.Rounds,
		parallelism: opts.Parallelism,
		results:     results,
		rate:        rate,
		elapsed:     time.Since(b.started),
		loadEnd:     loadAverage(),
	})
	return nil
}

// setup checks terraform, builds and installs the providers and starts the
// sandbox.
func (b *bench) setup(ctx context.Context) error {
	b.tf = &terraform{bin: b.opts.Terraform, env: cleanEnv(), parallelism: strconv.Itoa(b.opts.Parallelism)}
	version, platform, err := b.tf.version(ctx)
	if err != nil {
		return err
	}
	b.env = environment{terraformVersion: version, platform: platform, cores: runtime.NumCPU(), loadStart: loadAverage()}
	sizes := b.opts.Sizes
	if b.opts.RateLimitOnly {
		sizes = nil
	}
	b.progressf("Terraform %s (%s), %d CPU cores; N=%v, %d round(s), rate-limited phase N=%d: expect roughly %s",
		version, platform, b.env.cores, sizes, b.opts.Rounds, b.opts.RateLimitN,
		(estimate(sizes, b.opts.Rounds) + estimateRateLimit(b.opts.RateLimitN)).Round(time.Second))

	b.progressf("building the providers")
	bins, err := buildBinaries(ctx, b.opts.RepoDir, filepath.Join(b.tmp, "bin"))
	if err != nil {
		return err
	}
	mirror := filepath.Join(b.tmp, "mirror")
	if err := installMirror(mirror, bins); err != nil {
		return err
	}
	cliConfig := filepath.Join(b.tmp, "terraformrc")
	if err := writeCLIConfig(cliConfig, mirror); err != nil {
		return err
	}
	// Providers create their plugin sockets in TMPDIR: keep them in here.
	pluginTmp := filepath.Join(b.tmp, "plugin-tmp")
	if err := os.Mkdir(pluginTmp, 0o700); err != nil {
		return fmt.Errorf("create directory: %w", err)
	}
	b.tf.env = cleanEnv(
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"TF_IN_AUTOMATION=1",
		"CHECKPOINT_DISABLE=1",
		"TMPDIR="+pluginTmp,
	)
	if b.sandbox, err = startSandbox(); err != nil {
		return err
	}
	b.progressf("sandbox at %s", b.sandbox.url)
	return nil
}

// progressf prints one progress line with the time since the start.
func (b *bench) progressf(format string, args ...any) {
	elapsed := time.Since(b.started).Round(time.Second)
	fmt.Fprintf(b.opts.Progress, "[%8s] %s\n", elapsed, fmt.Sprintf(format, args...))
}
