package tfbench

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Options configure a run.
type Options struct {
	// Sizes are the resource counts N, each measured separately.
	Sizes []int
	// Rounds is how many times each kind is applied and planned per N.
	Rounds int
	// Parallelism is passed to terraform as -parallelism.
	Parallelism int
	// Terraform is the terraform executable.
	Terraform string
	// RepoDir is a directory inside the provider's module; the providers
	// are built from there.
	RepoDir string
	// RateLimitN is the resource count of the rate-limited phase (see
	// ratelimit.go); 0 skips the phase.
	RateLimitN int
	// RateLimitOnly runs the rate-limited phase alone, without Sizes.
	RateLimitOnly bool
	// Out receives the report, Progress one line per step.
	Out, Progress io.Writer
}

// ParseSizes parses a comma-separated list of positive resource counts,
// e.g. "50,200,500", and returns them sorted without duplicates.
func ParseSizes(s string) ([]int, error) {
	var sizes []int
	for field := range strings.SplitSeq(s, ",") {
		field = strings.TrimSpace(field)
		if field == "" {
			continue
		}
		n, err := strconv.Atoi(field)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("resource count %q: want a positive whole number", field)
		}
		sizes = append(sizes, n)
	}
	if len(sizes) == 0 {
		return nil, errors.New("no resource count given")
	}
	slices.Sort(sizes)
	return slices.Compact(sizes), nil
}

// check reports the first unusable option.
func (o Options) check() error {
	switch {
	case o.RateLimitN < 0:
		return fmt.Errorf("rate-limited phase resource count is %d: want 0 (skip) or more", o.RateLimitN)
	case o.RateLimitOnly && o.RateLimitN == 0:
		return errors.New("only the rate-limited phase asked for, but its resource count is 0 (skip)")
	case !o.RateLimitOnly && len(o.Sizes) == 0:
		return errors.New("no resource count given")
	case len(o.Sizes) > 0 && slices.Min(o.Sizes) < 1:
		return errors.New("resource counts must be positive")
	case o.Rounds < 1:
		return fmt.Errorf("rounds is %d: want at least 1", o.Rounds)
	case o.Parallelism < 1:
		return fmt.Errorf("parallelism is %d: want at least 1", o.Parallelism)
	case o.Terraform == "":
		return errors.New("no terraform executable given")
	case o.Out == nil || o.Progress == nil:
		return errors.New("no output given")
	}
	return nil
}
