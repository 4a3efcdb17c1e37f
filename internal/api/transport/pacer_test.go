package transport

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newFakePacer(rate float64) (*Pacer, *fakeClock) {
	clock := &fakeClock{t: time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)}
	p := NewPacer(rate)
	p.now = clock.now
	return p, clock
}

func TestPacer_SpacesRequestsAtTheRate(t *testing.T) {
	p, clock := newFakePacer(10)
	start := clock.now()
	for i := range 5 {
		got := p.reserve().Sub(start)
		if want := time.Duration(i) * 100 * time.Millisecond; got != want {
			t.Errorf("request %d starts at +%s, want +%s", i, got, want)
		}
	}
	if s := p.Stats(); s.Sent != 5 || s.RateLimited != 0 {
		t.Errorf("Stats = %+v, want 5 sent, 0 limited", s)
	}
}

func TestPacer_UnlimitedSendsAtOnce(t *testing.T) {
	p, clock := newFakePacer(0)
	for i := range 100 {
		if got := p.reserve(); !got.Equal(clock.now()) {
			t.Fatalf("request %d delayed to %s", i, got)
		}
	}
}

func TestPacer_429PausesEveryRequestAndHalvesTheRateOncePerSecond(t *testing.T) {
	p, clock := newFakePacer(10)
	p.reserve()
	p.RateLimited(2 * time.Second)
	if got := p.Rate(); got != 5 {
		t.Errorf("rate after a 429 = %v, want 5", got)
	}
	// More answers of the same burst count once.
	p.RateLimited(2 * time.Second)
	p.RateLimited(time.Second)
	if got := p.Rate(); got != 5 {
		t.Errorf("rate after a burst of 429s = %v, want 5", got)
	}
	if got := p.reserve().Sub(clock.now()); got != 2*time.Second {
		t.Errorf("next request after Retry-After 2s starts in %s, want 2s", got)
	}
	clock.advance(1100 * time.Millisecond)
	p.RateLimited(0)
	if got := p.Rate(); got != 2.5 {
		t.Errorf("rate after a 429 one second later = %v, want 2.5", got)
	}
	for range 10 {
		clock.advance(time.Second)
		p.RateLimited(0)
	}
	if got := p.Rate(); got != minPacedRate {
		t.Errorf("rate after many 429s = %v, want the floor %v", got, minPacedRate)
	}
	if s := p.Stats(); s.RateLimited != 14 {
		t.Errorf("RateLimited = %d, want 14", s.RateLimited)
	}
}

func TestPacer_RecoversToTheConfiguredRate(t *testing.T) {
	p, clock := newFakePacer(10)
	p.RateLimited(0)
	steps := 0
	for p.Rate() < 10 {
		clock.advance(recoverAfter)
		p.reserve()
		steps++
		if steps > 10 {
			t.Fatalf("rate still %v after %d recovery steps", p.Rate(), steps)
		}
	}
	if got := p.Rate(); got != 10 {
		t.Errorf("recovered rate = %v, want exactly the configured 10", got)
	}
	if steps != 4 { // 5 → 6.25 → 7.8 → 9.8 → 10
		t.Errorf("recovery took %d steps, want 4", steps)
	}
	// Without waiting, no step is taken.
	p.RateLimited(0)
	p.reserve()
	if got := p.Rate(); got != 5 {
		t.Errorf("rate right after a 429 = %v, want 5", got)
	}
}

func TestPacer_UnlimitedLearnsNineTenthsOfTheAcceptedRate(t *testing.T) {
	p, clock := newFakePacer(0)
	for range 20 {
		clock.advance(50 * time.Millisecond)
		p.reserve()
		p.Accepted()
	}
	p.RateLimited(0)
	// 20 answers in the last second; those older than a second are dropped.
	if got, want := p.Rate(), 0.9*20; got != want {
		t.Errorf("learned rate = %v, want %v", got, want)
	}
	for range 40 {
		clock.advance(recoverAfter)
		p.reserve()
	}
	if got := p.Rate(); got != 0 {
		t.Errorf("rate after a long quiet time = %v, want unlimited again", got)
	}
}

func TestPacer_NilPacesNothing(t *testing.T) {
	var p *Pacer
	p.RateLimited(time.Second)
	p.Accepted()
	if err := p.Wait(context.Background()); err != nil {
		t.Fatalf("Wait: %v", err)
	}
	if p.Rate() != 0 || p.Stats() != (PacerStats{}) {
		t.Error("a nil Pacer reports pacing")
	}
}

func TestPacer_WaitEndsWithTheContext(t *testing.T) {
	p := NewPacer(0.001)
	if err := p.Wait(context.Background()); err != nil {
		t.Fatalf("first Wait: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p.Wait(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Wait with a cancelled context = %v, want context.Canceled", err)
	}
}

// TestDo_SharedPacerSeesEveryRequestOfItsClients checks that two Clients
// holding one Pacer wait for it and report their 429 answers to it.
func TestDo_SharedPacerSeesEveryRequestOfItsClients(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if hits.Add(1) == 3 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
		}
	}))
	t.Cleanup(srv.Close)
	pacer := NewPacer(200)
	a := newTestClient(t, func(cfg *Config) { cfg.Pacer = pacer })
	b := newTestClient(t, func(cfg *Config) { cfg.Pacer = pacer })
	var wg sync.WaitGroup
	for i := range 6 {
		c := a
		if i%2 == 1 {
			c = b
		}
		wg.Go(func() {
			if _, err := c.Do(context.Background(), &Request{URL: srv.URL}); err != nil {
				t.Errorf("Do: %v", err)
			}
		})
	}
	wg.Wait()
	if s := pacer.Stats(); s.Sent != 7 || s.RateLimited != 1 {
		t.Errorf("Stats = %+v, want 7 sent (6 requests, 1 repeated after its 429), 1 rate-limited", s)
	}
	if a.Pacer() != pacer || b.Pacer() != pacer {
		t.Error("Pacer() does not return the configured pacer")
	}
}

// TestDo_RateLimitWaitsDoNotSpendMaxRetries: a request answered 429 more
// often than MaxRetries still succeeds; 5xx answers spend the budget.
func TestDo_RateLimitWaitsDoNotSpendMaxRetries(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		switch n := hits.Add(1); {
		case n <= 6:
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
		case n == 7:
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	t.Cleanup(srv.Close)
	c := newTestClient(t, func(cfg *Config) { cfg.MaxRetries = 1 })

	resp, err := c.Do(context.Background(), &Request{URL: srv.URL})
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	if resp.StatusCode != http.StatusOK || hits.Load() != 8 {
		t.Errorf("status = %d after %d requests, want 200 after 8", resp.StatusCode, hits.Load())
	}
}

// TestDo_RateLimitWaitBudget: once the next Retry-After would pass
// RateLimitWait, the request fails and says why.
func TestDo_RateLimitWaitBudget(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	t.Cleanup(srv.Close)
	c := newTestClient(t, func(cfg *Config) {
		cfg.RateLimitWait = 1500 * time.Millisecond
		cfg.RetryWaitMax = 5 * time.Second
	})

	_, err := c.Do(context.Background(), &Request{URL: srv.URL, Operation: "read item"})
	reqErr := asRequestError(t, err)
	if !reqErr.Exhausted || reqErr.Attempts != 2 {
		t.Errorf("Exhausted = %v, Attempts = %d; want true, 2 (one wait of 1s fits in 1.5s)", reqErr.Exhausted, reqErr.Attempts)
	}
	var rlErr *RateLimitError
	if !errors.As(err, &rlErr) || rlErr.Answers != 2 || rlErr.Waited != time.Second || rlErr.Budget != 1500*time.Millisecond {
		t.Errorf("error %v carries %+v, want a RateLimitError waited 1s of 1.5s", err, rlErr)
	}
	if !IsRateLimited(err) {
		t.Error("IsRateLimited = false")
	}
	if !strings.Contains(err.Error(), "429 Too Many Requests (still rate-limited after 2 answers and 1s of waiting; the wait budget is 1.5s)") {
		t.Errorf("error = %q", err)
	}
}

// TestDo_EndlessRetryAfterZeroEnds: a server that answers every request
// 429 with "Retry-After: 0" is not asked forever.
func TestDo_EndlessRetryAfterZeroEnds(t *testing.T) {
	srv, hits := scriptedServer(t, http.StatusTooManyRequests)
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	c := newTestClient(t, nil)
	_, err := c.Do(context.Background(), &Request{URL: srv.URL})
	var rlErr *RateLimitError
	if !errors.As(err, &rlErr) || rlErr.Answers != maxRateLimited+1 {
		t.Fatalf("error %v, want a RateLimitError after %d answers", err, maxRateLimited+1)
	}
	if got := hits.Load(); got != maxRateLimited+1 {
		t.Errorf("server asked %d times, want %d", got, maxRateLimited+1)
	}
}

func TestDo_BackoffScheduleWithoutServerHint(t *testing.T) {
	c := newTestClient(t, func(cfg *Config) {
		cfg.Backoff = []time.Duration{3 * time.Second, 5 * time.Second, 8 * time.Second, 13 * time.Second}
		cfg.RetryWaitMax = 30 * time.Second
	})
	for retry, want := range []time.Duration{3 * time.Second, 5 * time.Second, 8 * time.Second, 13 * time.Second, 13 * time.Second} {
		for range 20 {
			got := c.backoff(retry, http.StatusServiceUnavailable, nil)
			if got > want || got < want*4/5 {
				t.Fatalf("wait before retry %d = %s, want within [%s, %s]", retry+1, got, want*4/5, want)
			}
		}
	}
	hinted := c.backoff(0, http.StatusServiceUnavailable, http.Header{"Retry-After": {"1"}})
	if hinted != time.Second {
		t.Errorf("wait with Retry-After 1 = %s, want the server's 1s", hinted)
	}
}

// TestDo_PermanentFailuresAreNotRetried: each is tried once and recognised.
func TestDo_PermanentFailuresAreNotRetried(t *testing.T) {
	plain := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	t.Cleanup(plain.Close)
	selfSigned := httptest.NewTLSServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	t.Cleanup(selfSigned.Close)

	tests := []struct {
		name string
		url  string
		is   func(error) bool
	}{
		{"plain HTTP server behind https", strings.Replace(plain.URL, "http://", "https://", 1), IsPlainHTTPServer},
		{"certificate not trusted", selfSigned.URL, IsCertificateError},
		{"unknown host", "https://no-such-host.invalid/rest/v1", IsUnknownHost},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestClient(t, nil)
			_, err := c.Do(context.Background(), &Request{URL: tt.url})
			reqErr := asRequestError(t, err)
			if reqErr.Attempts != 1 || reqErr.Exhausted {
				t.Errorf("Attempts = %d, Exhausted = %v; want 1 attempt, not exhausted (error %v)", reqErr.Attempts, reqErr.Exhausted, err)
			}
			if !tt.is(err) {
				t.Errorf("error %v (%T) not recognised", err, reqErr.Err)
			}
			if IsConnectionRefused(err) || IsRateLimited(err) || IsTimeout(err) {
				t.Errorf("error %v also taken for a refused connection, a rate limit or a timeout", err)
			}
		})
	}
}
