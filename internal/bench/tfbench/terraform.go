package tfbench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/bench/rsslog"
)

// terraformStopDelay is how long terraform may take to stop after an
// interrupt before it is killed.
const terraformStopDelay = 30 * time.Second

// Phases: the Terraform commands, as the providers' RSS records name them.
const (
	phaseInit     = "init"
	phaseApply    = "apply"
	phasePlan     = "plan"
	phasePlanNR   = "plan-norefresh"
	phaseDestroy  = "destroy"
	phaseValidate = "validate"
	phaseVersion  = "version"
)

// terraform runs the terraform CLI with a fixed environment.
type terraform struct {
	bin         string
	env         []string
	parallelism string
	// rssLog is the file the provider wrapper appends its records to.
	rssLog string
}

// result is the outcome of one terraform command.
type result struct {
	elapsed time.Duration
	// cpu is the user and system CPU time of terraform and of the
	// provider processes it started and waited for.
	cpu    time.Duration
	code   int
	output string
}

// timing is the wall and CPU time of a command.
type timing struct{ wall, cpu time.Duration }

// commandError is a terraform command that failed.
type commandError struct {
	dir    string
	args   []string
	code   int
	output string
	reason string
}

func (e *commandError) Error() string {
	return fmt.Sprintf("terraform %s in %s: %s (exit status %d):\n%s",
		strings.Join(e.args, " "), e.dir, e.reason, e.code, lastLines(e.output, 40))
}

// execute runs terraform with args in dir and reports its wall time, exit
// status and combined output; phase tags the providers' RSS records. err
// is set only when terraform could not be run or ctx ended; a non-zero
// exit status is not an error here.
func (t *terraform) execute(ctx context.Context, dir, phase string, args ...string) (result, error) {
	cmd := exec.CommandContext(ctx, t.bin, args...)
	cmd.Dir = dir
	cmd.Env = append(t.env[:len(t.env):len(t.env)], rsslog.EnvPhase+"="+phase, rsslog.EnvFile+"="+t.rssLog)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.SysProcAttr = childAttr()
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = terraformStopDelay

	start := time.Now()
	err := cmd.Run()
	res := result{elapsed: time.Since(start), output: out.String()}
	if ps := cmd.ProcessState; ps != nil {
		res.cpu = ps.UserTime() + ps.SystemTime()
	}
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return res, fmt.Errorf("terraform %s: %w", args[0], ctx.Err())
	case errors.As(err, &exitErr):
		res.code = exitErr.ExitCode()
	case err != nil:
		return res, fmt.Errorf("run terraform %s: %w", args[0], err)
	}
	return res, nil
}

// run runs a terraform command that must succeed and returns its times.
func (t *terraform) run(ctx context.Context, dir, phase string, args ...string) (timing, error) {
	res, err := t.execute(ctx, dir, phase, args...)
	if err != nil {
		return timing{}, err
	}
	if res.code != 0 {
		return timing{}, &commandError{dir: dir, args: args, code: res.code, output: res.output, reason: "failed"}
	}
	return timing{res.elapsed, res.cpu}, nil
}

// init initializes the working directory dir.
func (t *terraform) init(ctx context.Context, dir string) error {
	_, err := t.run(ctx, dir, phaseInit, "init", "-input=false", "-no-color")
	return err
}

// apply creates or updates everything in dir's configuration.
func (t *terraform) apply(ctx context.Context, dir string) (timing, error) {
	return t.run(ctx, dir, phaseApply, "apply", "-auto-approve", "-input=false", "-no-color", "-parallelism="+t.parallelism)
}

// destroy removes everything in dir's state without refreshing it first.
func (t *terraform) destroy(ctx context.Context, dir string) error {
	_, err := t.run(ctx, dir, phaseDestroy, "destroy", "-auto-approve", "-input=false", "-no-color", "-refresh=false", "-parallelism="+t.parallelism)
	return err
}

// validate validates dir's configuration.
func (t *terraform) validate(ctx context.Context, dir string) error {
	_, err := t.run(ctx, dir, phaseValidate, "validate", "-no-color")
	return err
}

// plan refreshes dir's state (unless refresh is false: -refresh=false)
// and plans; the plan must be empty.
func (t *terraform) plan(ctx context.Context, dir string, refresh bool) (timing, error) {
	args := []string{"plan", "-input=false", "-no-color", "-detailed-exitcode", "-parallelism=" + t.parallelism}
	phase := phasePlan
	if !refresh {
		args, phase = append(args, "-refresh=false"), phasePlanNR
	}
	res, err := t.execute(ctx, dir, phase, args...)
	if err != nil {
		return timing{}, err
	}
	switch res.code {
	case 0:
		return timing{res.elapsed, res.cpu}, nil
	case 2:
		return timing{}, &commandError{dir: dir, args: args, code: res.code, output: res.output, reason: "the plan right after apply is not empty"}
	}
	return timing{}, &commandError{dir: dir, args: args, code: res.code, output: res.output, reason: "failed"}
}

// version returns the Terraform version and platform, e.g. "1.11.4" and
// "linux_amd64".
func (t *terraform) version(ctx context.Context) (version, platform string, err error) {
	args := []string{"version", "-json"}
	res, err := t.execute(ctx, ".", phaseVersion, args...)
	if err != nil {
		return "", "", err
	}
	if res.code != 0 {
		return "", "", &commandError{dir: ".", args: args, code: res.code, output: res.output, reason: "failed"}
	}
	var v struct {
		Version  string `json:"terraform_version"`
		Platform string `json:"platform"`
	}
	if err := json.Unmarshal([]byte(res.output), &v); err != nil {
		return "", "", fmt.Errorf("parse terraform version -json: %w", err)
	}
	return v.Version, v.Platform, nil
}

// lastLines returns at most n final lines of s, for error messages.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{"[...]"}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}
