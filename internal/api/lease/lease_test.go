package lease

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock is a clock the test moves.
type fakeClock struct {
	mu sync.Mutex
	at time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{at: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.at
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at = c.at.Add(d)
}

// counting returns a renewal that numbers its credentials "c1", "c2", ...
// with lifetime, and records the prev each renewal was given.
func counting(lifetime time.Duration) (Renew[string], func() []string) {
	var mu sync.Mutex
	var prevs []string
	renew := func(_ context.Context, prev string, had bool) (Grant[string], error) {
		mu.Lock()
		defer mu.Unlock()
		if !had {
			prev = "none"
		}
		prevs = append(prevs, prev)
		return Grant[string]{Value: fmt.Sprintf("c%d", len(prevs)), Lifetime: lifetime}, nil
	}
	return renew, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), prevs...)
	}
}

func TestMargin(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		lifetime, want time.Duration
	}{
		"aqua's 15 minutes":   {15 * time.Minute, time.Minute},
		"Jama's hour":         {time.Hour, time.Minute},
		"Jitterbit's 14400 s": {14400 * time.Second, time.Minute},
		"ten minutes":         {10 * time.Minute, time.Minute},
		"five minutes":        {5 * time.Minute, 30 * time.Second},
		"two seconds":         {2 * time.Second, 200 * time.Millisecond},
		"no lifetime":         {0, 0},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := Margin(tc.lifetime); got != tc.want {
				t.Errorf("Margin(%v) = %v, want %v", tc.lifetime, got, tc.want)
			}
		})
	}
}

func TestCache_RenewsWhenLessThanTheMarginIsLeft(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	renew, prevs := counting(15 * time.Minute)
	c := New(renew, clock.now)
	ctx := context.Background()
	steps := []struct {
		advance time.Duration
		want    string
	}{
		{0, "c1"},
		{13 * time.Minute, "c1"},
		{time.Minute - time.Nanosecond, "c1"}, // 1 min + 1 ns left
		{time.Nanosecond, "c2"},               // exactly the margin left
		{14*time.Minute - time.Nanosecond, "c2"},
		{time.Nanosecond, "c3"},
	}
	for i, s := range steps {
		clock.advance(s.advance)
		got, _, err := c.Get(ctx)
		if err != nil || got != s.want {
			t.Fatalf("step %d: Get = %q, %v; want %q", i, got, err, s.want)
		}
	}
	if got := fmt.Sprint(prevs()); got != "[none c1 c2]" {
		t.Errorf("renewals were given %s, want [none c1 c2]", got)
	}
}

func TestCache_LifetimeCountsFromTheRequest(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	// The renewal itself takes 30 s; the lifetime starts when it was asked.
	c := New(func(context.Context, string, bool) (Grant[string], error) {
		clock.advance(30 * time.Second)
		return Grant[string]{Value: "t", Lifetime: 2 * time.Minute}, nil
	}, clock.now)
	first, gen, _ := c.Get(context.Background())
	clock.advance(77 * time.Second) // 107 s after the request: 13 s left
	if got, g, _ := c.Get(context.Background()); got != first || g != gen {
		t.Fatalf("renewed with 13 s left of 120 s")
	}
	clock.advance(2 * time.Second) // 109 s: 11 s left, more than a tenth gone
	if _, g, _ := c.Get(context.Background()); g == gen {
		t.Error("not renewed 109 s into a 120 s lifetime counted from the request")
	}
}

func TestCache_NoLifetimeIsKeptUntilRefused(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	renew, prevs := counting(0)
	c := New(renew, clock.now)
	ctx := context.Background()
	_, gen, _ := c.Get(ctx)
	clock.advance(1000 * time.Hour)
	if got, _, _ := c.Get(ctx); got != "c1" {
		t.Fatalf("credential without a lifetime renewed by time: %q", got)
	}
	c.Refused(gen)
	if got, _, _ := c.Get(ctx); got != "c2" {
		t.Errorf("after a refusal Get = %q, want c2", got)
	}
	if got := fmt.Sprint(prevs()); got != "[none c1]" {
		t.Errorf("renewals were given %s, want the refused credential as prev", got)
	}
}

func TestCache_RefusedIgnoresAnOlderGeneration(t *testing.T) {
	t.Parallel()
	renew, prevs := counting(time.Hour)
	c := New(renew, nil)
	ctx := context.Background()
	_, old, _ := c.Get(ctx)
	c.Refused(old)
	_, renewed, _ := c.Get(ctx)
	// A late 401 to the old credential must not throw the new one away.
	c.Refused(old)
	if got, g, _ := c.Get(ctx); got != "c2" || g != renewed {
		t.Errorf("Get = %q (generation %d), want c2 (generation %d) kept", got, g, renewed)
	}
	if n := len(prevs()); n != 2 {
		t.Errorf("renewals = %d, want 2", n)
	}
}

func TestCache_FailedRenewalIsReturnedAndTriedAgain(t *testing.T) {
	t.Parallel()
	var calls atomic.Int64
	refused := errors.New("refused")
	c := New(func(context.Context, string, bool) (Grant[string], error) {
		if calls.Add(1) == 1 {
			return Grant[string]{}, refused
		}
		return Grant[string]{Value: "t", Lifetime: time.Hour}, nil
	}, nil)
	if _, _, err := c.Get(context.Background()); !errors.Is(err, refused) {
		t.Fatalf("Get = %v, want the renewal's error", err)
	}
	if got, _, err := c.Get(context.Background()); err != nil || got != "t" {
		t.Errorf("second Get = %q, %v; want a new attempt", got, err)
	}
}

func TestCache_ConcurrentCallersShareOneRenewal(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	var calls atomic.Int64
	c := New(func(context.Context, string, bool) (Grant[string], error) {
		calls.Add(1)
		<-release
		return Grant[string]{Value: "t", Lifetime: time.Hour}, nil
	}, nil)
	var wg sync.WaitGroup
	for range 32 {
		wg.Go(func() {
			if got, _, err := c.Get(context.Background()); err != nil || got != "t" {
				t.Errorf("Get = %q, %v", got, err)
			}
		})
	}
	close(release)
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("renewals = %d, want 1 shared by every caller", n)
	}
}

func TestCache_WaiterGivesUpWhenItsContextEnds(t *testing.T) {
	t.Parallel()
	entered, release := make(chan struct{}), make(chan struct{})
	c := New(func(context.Context, string, bool) (Grant[string], error) {
		close(entered)
		<-release
		return Grant[string]{Value: "t", Lifetime: time.Hour}, nil
	}, nil)
	done := make(chan error, 1)
	go func() {
		_, _, err := c.Get(context.Background())
		done <- err
	}()
	<-entered
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := c.Get(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("waiting Get with an ended context = %v, want context.Canceled", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Errorf("renewing Get = %v", err)
	}
}
