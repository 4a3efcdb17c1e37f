package transport

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

func TestWaitPolicyStepDoublesAndCaps(t *testing.T) {
	p := waitPolicy{min: time.Second, max: 30 * time.Second}
	want := []time.Duration{1, 2, 4, 8, 16, 30, 30, 30}
	for retry, w := range want {
		if got := p.step(retry); got != w*time.Second {
			t.Errorf("step(%d) = %s, want %s", retry, got, w*time.Second)
		}
	}
	if got := p.step(1000); got != 30*time.Second {
		t.Errorf("step(1000) = %s, want the cap", got)
	}
	huge := waitPolicy{min: time.Duration(1 << 62), max: time.Duration(1<<63 - 1)}
	if got := huge.step(5); got != huge.max {
		t.Errorf("step without overflow = %s, want %s", got, huge.max)
	}
}

func TestWaitPolicyJitterBounds(t *testing.T) {
	p := waitPolicy{min: 100 * time.Millisecond, max: time.Second}
	now := time.Now()
	lowest := func(int64) int64 { return 0 }
	highest := func(n int64) int64 { return n - 1 }
	for retry, ceiling := range []time.Duration{100, 200, 400, 800, 1000, 1000} {
		ceiling *= time.Millisecond
		if got := p.wait(retry, 0, nil, now, lowest); got != ceiling/2 {
			t.Errorf("retry %d: lowest wait = %s, want %s", retry, got, ceiling/2)
		}
		if got := p.wait(retry, 0, nil, now, highest); got != ceiling {
			t.Errorf("retry %d: highest wait = %s, want %s", retry, got, ceiling)
		}
	}

	rnd := newLockedRand()
	for range 1000 {
		got := p.wait(2, http.StatusServiceUnavailable, http.Header{}, now, rnd.Int64N)
		if got < 200*time.Millisecond || got > 400*time.Millisecond {
			t.Fatalf("jittered wait %s outside [200ms, 400ms]", got)
		}
	}
}

func TestWaitPolicyServerHints(t *testing.T) {
	now := time.Date(2024, 6, 15, 10, 30, 0, 0, time.UTC)
	p := waitPolicy{min: time.Millisecond, max: time.Minute}
	noJitter := func(int64) int64 { return 0 }
	tests := []struct {
		name   string
		status int
		header map[string]string
		want   time.Duration
	}{
		{"Retry-After seconds", 429, map[string]string{"Retry-After": "7"}, 7 * time.Second},
		{"Retry-After seconds on 503", 503, map[string]string{"Retry-After": " 3 "}, 3 * time.Second},
		{"Retry-After HTTP date", 503, map[string]string{"Retry-After": "Sat, 15 Jun 2024 10:30:20 GMT"}, 20 * time.Second},
		{"Retry-After date in the past", 429, map[string]string{"Retry-After": "Sat, 15 Jun 2024 10:00:00 GMT"}, 0},
		{"Retry-After capped", 429, map[string]string{"Retry-After": "3600"}, time.Minute},
		{"X-RateLimit-Reset RFC 3339", 429, map[string]string{"X-RateLimit-Reset": "2024-06-15T10:30:30Z"}, 30 * time.Second},
		{"X-RateLimit-Reset with offset", 429, map[string]string{"X-RateLimit-Reset": "2024-06-15T12:30:10+02:00"}, 10 * time.Second},
		{"X-RateLimit-Reset fraction", 429, map[string]string{"X-RateLimit-Reset": "2024-06-15T10:30:01.5Z"}, 1500 * time.Millisecond},
		{"X-RateLimit-Reset minutes (Jira)", 429, map[string]string{"X-RateLimit-Reset": "2024-06-15T10:31Z"}, time.Minute},
		{"X-RateLimit-Reset epoch", 429, map[string]string{"X-RateLimit-Reset": strconv.FormatInt(now.Unix()+12, 10)}, 12 * time.Second},
		{"X-RateLimit-Reset delta", 429, map[string]string{"X-RateLimit-Reset": "5"}, 5 * time.Second},
		{"Retry-After wins", 429, map[string]string{"Retry-After": "2", "X-RateLimit-Reset": "50"}, 2 * time.Second},
		{"X-RateLimit-Reset ignored on 503", 503, map[string]string{"X-RateLimit-Reset": "50"}, time.Millisecond / 2},
		{"garbage falls back to back-off", 429, map[string]string{"Retry-After": "soon", "X-RateLimit-Reset": "later"}, time.Millisecond / 2},
		{"negative falls back to back-off", 429, map[string]string{"Retry-After": "-5"}, time.Millisecond / 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tt.header {
				h.Set(k, v)
			}
			if got := p.wait(0, tt.status, h, now, noJitter); got != tt.want {
				t.Errorf("wait = %s, want %s", got, tt.want)
			}
		})
	}
}

// TestDoHonoursServerWait checks with real waits of about a second that the
// hints are followed; without them the tiny RetryWaitMin would retry at once.
func TestDoHonoursServerWait(t *testing.T) {
	tests := []struct {
		name   string
		header func() (string, string)
	}{
		{"Retry-After seconds", func() (string, string) { return "Retry-After", "1" }},
		{"Retry-After HTTP date", func() (string, string) {
			return "Retry-After", time.Now().Add(2 * time.Second).UTC().Format(http.TimeFormat)
		}},
		{"X-RateLimit-Reset timestamp", func() (string, string) {
			return "X-RateLimit-Reset", time.Now().Add(2 * time.Second).UTC().Format(time.RFC3339)
		}},
		{"X-RateLimit-Reset epoch", func() (string, string) {
			return "X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(2*time.Second).Unix(), 10)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var hits atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				if hits.Add(1) == 1 {
					w.Header().Set(tt.header())
					w.WriteHeader(http.StatusTooManyRequests)
				}
			}))
			t.Cleanup(srv.Close)
			c := newTestClient(t, func(cfg *Config) { cfg.RetryWaitMax = 5 * time.Second })

			start := time.Now()
			resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL})
			elapsed := time.Since(start)
			if err != nil {
				t.Fatalf("Do: %v", err)
			}
			if resp.StatusCode != http.StatusOK || hits.Load() != 2 {
				t.Fatalf("status = %d, hits = %d; want 200, 2", resp.StatusCode, hits.Load())
			}
			if elapsed < 900*time.Millisecond {
				t.Errorf("retried after %s, want about a second or more", elapsed)
			}
		})
	}
}
