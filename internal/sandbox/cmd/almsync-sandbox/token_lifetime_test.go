package main

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"
)

func TestTokenLifetimeFlag(t *testing.T) {
	for _, d := range []string{"2s", "90m", "0"} {
		cfg, err := parseFlags([]string{"--token-lifetime", d}, io.Discard)
		want, _ := time.ParseDuration(d)
		if err != nil || cfg.tokenLifetime != want {
			t.Errorf("--token-lifetime %s: %v, %v; want %v", d, cfg.tokenLifetime, err, want)
		}
	}
	for _, bad := range []string{"500ms", "-1s", "two"} {
		var stdout, stderr strings.Builder
		if code := run(context.Background(), []string{"--token-lifetime", bad}, &stdout, &stderr); code != 2 {
			t.Errorf("--token-lifetime %s: exit code %d, want 2", bad, code)
		}
		if !strings.Contains(stderr.String(), "token-lifetime") {
			t.Errorf("--token-lifetime %s: stderr %q does not name the flag", bad, stderr.String())
		}
	}
}
