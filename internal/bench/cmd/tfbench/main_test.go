package main

import (
	"io"
	"slices"
	"testing"
)

func TestParseFlags(t *testing.T) {
	opts, err := parseFlags([]string{"-terraform", "/bin/true"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(opts.Sizes, []int{200, 500}) || opts.Rounds != 5 || opts.Parallelism != 10 {
		t.Errorf("defaults = %v, %d rounds, parallelism %d; want [200 500], 5, 10", opts.Sizes, opts.Rounds, opts.Parallelism)
	}
	if opts.RateLimitN != 200 || opts.RateLimitOnly {
		t.Errorf("rate-limited phase defaults = N %d, only %v; want 200, false", opts.RateLimitN, opts.RateLimitOnly)
	}

	opts, err = parseFlags([]string{"-terraform", "/bin/true", "-n", "500,200", "-rounds", "7", "-quick"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(opts.Sizes, []int{5, 10}) || opts.Rounds != 1 || opts.RateLimitN != 50 {
		t.Errorf("-quick = %v, %d rounds, rate limit N %d; want [5 10], 1, 50", opts.Sizes, opts.Rounds, opts.RateLimitN)
	}

	for _, tc := range []struct {
		args []string
		n    int
		only bool
	}{
		{[]string{"-ratelimit-n", "0"}, 0, false},
		{[]string{"-ratelimit-n", "0", "-quick"}, 0, false},
		{[]string{"-ratelimit-n", "30", "-ratelimit-only"}, 30, true},
	} {
		opts, err := parseFlags(append([]string{"-terraform", "/bin/true"}, tc.args...), io.Discard)
		if err != nil || opts.RateLimitN != tc.n || opts.RateLimitOnly != tc.only {
			t.Errorf("parseFlags(%q) = N %d, only %v, %v; want %d, %v", tc.args, opts.RateLimitN, opts.RateLimitOnly, err, tc.n, tc.only)
		}
	}

	for _, bad := range [][]string{{"-n", "0"}, {"-n", "x"}, {"extra"}, {"-ratelimit-n", "-1"}, {"-ratelimit-only", "-ratelimit-n", "0"}} {
		if _, err := parseFlags(append([]string{"-terraform", "/bin/true"}, bad...), io.Discard); err == nil {
			t.Errorf("parseFlags(%q): want an error", bad)
		}
	}

	t.Setenv("TFBENCH_QUICK", "1")
	if opts, err = parseFlags([]string{"-terraform", "/bin/true"}, io.Discard); err != nil || opts.Rounds != 1 {
		t.Errorf("TFBENCH_QUICK=1: %d rounds, %v; want 1 round", opts.Rounds, err)
	}
}
