package kernel

import (
	"testing"
	"time"
)

func TestRateLimiterBucket(t *testing.T) {
	var fi faultInjector
	start := time.Unix(1000, 0)
	if err := fi.set(Faults{RateLimitPerSecond: 2}, start); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		at         time.Duration
		retryAfter int64
	}{
		{0, 0}, {0, 0}, // burst of 2
		{0, 1},
		{400 * time.Millisecond, 1}, // 0.8 token
		{500 * time.Millisecond, 0}, // 1.0 token
		{500 * time.Millisecond, 1},
	}
	for i, s := range steps {
		if got := fi.plan(start.Add(s.at)).retryAfter; got != s.retryAfter {
			t.Errorf("step %d at %v: retryAfter = %d, want %d", i, s.at, got, s.retryAfter)
		}
	}
	if err := fi.set(Faults{RateLimitPerSecond: 0.1}, start); err != nil {
		t.Fatal(err)
	}
	fi.plan(start)
	if got := fi.plan(start).retryAfter; got != 10 {
		t.Errorf("retryAfter at 0.1/s = %d, want 10", got)
	}
}
