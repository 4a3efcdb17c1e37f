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
	if !slices.Equal(opts.Sizes, []int{50, 200, 500}) || opts.Rounds != 5 || opts.Parallelism != 10 {
		t.Errorf("defaults = %v, %d rounds, parallelism %d; want [50 200 500], 5, 10", opts.Sizes, opts.Rounds, opts.Parallelism)
	}

	opts, err = parseFlags([]string{"-terraform", "/bin/true", "-n", "500,200", "-rounds", "7", "-quick"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(opts.Sizes, []int{5, 10}) || opts.Rounds != 1 {
		t.Errorf("-quick = %v, %d rounds; want [5 10], 1", opts.Sizes, opts.Rounds)
	}

	for _, bad := range [][]string{{"-n", "0"}, {"-n", "x"}, {"extra"}} {
		if _, err := parseFlags(append([]string{"-terraform", "/bin/true"}, bad...), io.Discard); err == nil {
			t.Errorf("parseFlags(%q): want an error", bad)
		}
	}

	t.Setenv("TFBENCH_QUICK", "1")
	if opts, err = parseFlags([]string{"-terraform", "/bin/true"}, io.Discard); err != nil || opts.Rounds != 1 {
		t.Errorf("TFBENCH_QUICK=1: %d rounds, %v; want 1 round", opts.Rounds, err)
	}
}
