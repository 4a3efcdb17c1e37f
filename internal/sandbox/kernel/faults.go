package kernel

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"
)

// MaxLatencyMS is the largest accepted Faults.LatencyMS (one minute).
const MaxLatencyMS = 60_000

// Faults are the failures the server injects into product requests (never
// into control endpoints). The zero value injects nothing.
//
// Order of application: latency, then rate limiting, then error_rate, then
// drop_rate. Requests answered 429 or 5xx are not applied. A dropped request
// IS applied: the handler runs to completion, its answer is discarded and
// the connection is closed after writing nothing, a cut status line, or the
// headers and part of the body — the client cannot tell whether its change
// happened.
type Faults struct {
	// ErrorRate is the fraction (0..1) of product requests answered with
	// 500, 502 or 503 (chosen at random) before the request is applied.
	ErrorRate float64 `json:"error_rate"`
	// RateLimitPerSecond caps product requests per second over all
	// products (0 = no limit); above it the answer is 429 with a
	// Retry-After header in whole seconds, at least 1. Bursts of up to
	// max(1, rate) requests are allowed.
	RateLimitPerSecond float64 `json:"rate_limit_per_second"`
	// LatencyMS is added to every product request (0..MaxLatencyMS).
	LatencyMS int `json:"latency_ms"`
	// DropRate is the fraction (0..1) of product requests whose connection
	// is closed mid-response after the request was applied.
	DropRate float64 `json:"drop_rate"`
}

// Validate reports every out-of-range field, naming its JSON key.
func (f Faults) Validate() error {
	var errs []error
	checkRate := func(name string, v float64) {
		if math.IsNaN(v) || v < 0 || v > 1 {
			errs = append(errs, fmt.Errorf("%s must be between 0 and 1, got %v", name, v))
		}
	}
	checkRate("error_rate", f.ErrorRate)
	checkRate("drop_rate", f.DropRate)
	if math.IsNaN(f.RateLimitPerSecond) || math.IsInf(f.RateLimitPerSecond, 0) || f.RateLimitPerSecond < 0 {
		errs = append(errs, fmt.Errorf("rate_limit_per_second must be a finite number >= 0 (0 = off), got %v", f.RateLimitPerSecond))
	}
	if f.LatencyMS < 0 || f.LatencyMS > MaxLatencyMS {
		errs = append(errs, fmt.Errorf("latency_ms must be between 0 and %d, got %d", MaxLatencyMS, f.LatencyMS))
	}
	return errors.Join(errs...)
}

// faultPlan is what to do to one product request.
type faultPlan struct {
	latency     time.Duration
	retryAfter  int64 // seconds; > 0: answer 429
	errorStatus int   // != 0: answer with this status
	drop        bool
}

// faultInjector holds the current faults and the rate limiter's bucket.
type faultInjector struct {
	mu     sync.Mutex
	faults Faults
	tokens float64   // token bucket for the rate limit
	filled time.Time // when tokens was last topped up
}

func (fi *faultInjector) Get() Faults {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	return fi.faults
}

// set validates and installs f; the rate limiter starts with a full bucket.
func (fi *faultInjector) set(f Faults, now time.Time) error {
	if err := f.Validate(); err != nil {
		return err
	}
	fi.mu.Lock()
	defer fi.mu.Unlock()
	fi.faults = f
	fi.tokens = burst(f.RateLimitPerSecond)
	fi.filled = now
	return nil
}

// maxRetryAfter bounds Retry-After (seconds) for tiny rate limits.
const maxRetryAfter = 86_400

func burst(rate float64) float64 { return max(1, rate) }

// plan decides the faults of one request arriving at now.
func (fi *faultInjector) plan(now time.Time) faultPlan {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	f := fi.faults
	p := faultPlan{latency: time.Duration(f.LatencyMS) * time.Millisecond}
	if rate := f.RateLimitPerSecond; rate > 0 {
		elapsed := now.Sub(fi.filled).Seconds()
		fi.tokens = min(burst(rate), fi.tokens+max(0, elapsed)*rate)
		fi.filled = now
		if fi.tokens < 1 {
			wait := math.Ceil((1 - fi.tokens) / rate)
			p.retryAfter = int64(min(max(1, wait), maxRetryAfter))
			return p
		}
		fi.tokens--
	}
	if f.ErrorRate > 0 && rand.Float64() < f.ErrorRate {
		statuses := [...]int{http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable}
		p.errorStatus = statuses[rand.IntN(len(statuses))]
		return p
	}
	p.drop = f.DropRate > 0 && rand.Float64() < f.DropRate
	return p
}
