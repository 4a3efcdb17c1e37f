package kernel

import (
	"crypto/sha256"
	"encoding/binary"
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
//
// Every random decision (whether a request errors, with which status,
// whether it is dropped and how it is cut) is drawn from a generator keyed
// by Seed, the request's method and path (product prefix included, query
// excluded) and how many requests to that method and path came before it
// since the faults were set. So the same seed and the same requests give the
// same faults, and concurrent requests to different paths do not shift each
// other's faults; only concurrent requests to one method and path (creates
// posted to one collection, say) may swap the decisions between them.
// Requests answered 429 do not count, so the faults of a path do not depend
// on timing. Rate limiting and latency are not random: they follow the
// clock, not the seed.
type Faults struct {
	// Seed keys every random decision of fault injection. Setting faults
	// with seed 0 chooses one at random (below 2^53, so that any JSON
	// reader keeps it exact); the faults in effect always name the seed in
	// use, so that a run can be replayed by setting the same faults again.
	Seed uint64 `json:"seed"`
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
	dropMode    int // with drop: how much of the answer is written (drop modes)
}

// faultInjector holds the current faults, the rate limiter's bucket and the
// per-request counters the random decisions are keyed by.
type faultInjector struct {
	mu     sync.Mutex
	faults Faults
	tokens float64   // token bucket for the rate limit
	filled time.Time // when tokens was last topped up
	// seen counts, per method and path, the requests that reached the
	// random decisions since the faults were set.
	seen map[string]uint64
}

func (fi *faultInjector) Get() Faults {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	return fi.faults
}

// set validates and installs f, choosing a seed when f has none; the rate
// limiter starts with a full bucket and the request counters from zero, so
// that setting the same faults again replays them.
func (fi *faultInjector) set(f Faults, now time.Time) error {
	if err := f.Validate(); err != nil {
		return err
	}
	if f.Seed == 0 {
		f.Seed = randomSeed()
	}
	fi.mu.Lock()
	defer fi.mu.Unlock()
	fi.faults = f
	fi.tokens = burst(f.RateLimitPerSecond)
	fi.filled = now
	fi.seen = make(map[string]uint64)
	return nil
}

// maxRandomSeed bounds the seeds chosen at random: integers up to 2^53 are
// exact in every JSON reader, JavaScript's included.
const maxRandomSeed = 1 << 53

// randomSeed chooses a seed in [1, maxRandomSeed).
func randomSeed() uint64 { return 1 + rand.Uint64N(maxRandomSeed-1) }

// requestRand returns the generator of the n-th request (from 0) to key
// under seed. Its seed is a SHA-256 digest of all three, so that any
// difference gives unrelated decisions.
func requestRand(seed uint64, key string, n uint64) *rand.Rand {
	h := sha256.New()
	var buf [16]byte
	binary.BigEndian.PutUint64(buf[:8], seed)
	binary.BigEndian.PutUint64(buf[8:], n)
	_, _ = h.Write(buf[:])
	_, _ = h.Write([]byte(key))
	var chachaSeed [32]byte
	h.Sum(chachaSeed[:0])
	return rand.New(rand.NewChaCha8(chachaSeed))
}

// maxRetryAfter bounds Retry-After (seconds) for tiny rate limits.
const maxRetryAfter = 86_400

func burst(rate float64) float64 { return max(1, rate) }

// plan decides the faults of one request arriving at now; key is its method
// and path ("GET /jama/rest/v1/users/1").
func (fi *faultInjector) plan(now time.Time, key string) faultPlan {
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
	if f.ErrorRate == 0 && f.DropRate == 0 {
		return p // nothing random to decide
	}
	n := fi.seen[key]
	fi.seen[key] = n + 1
	// Every value is drawn whatever the rates, so that one seed gives the
	// same errors whatever drop_rate is, and the same drops wherever no
	// error came first.
	statuses := [...]int{http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable}
	r := requestRand(f.Seed, key, n)
	errorDraw, status := r.Float64(), r.IntN(len(statuses))
	dropDraw, mode := r.Float64(), r.IntN(dropModes)
	if errorDraw < f.ErrorRate {
		p.errorStatus = statuses[status]
		return p
	}
	if dropDraw < f.DropRate {
		p.drop, p.dropMode = true, mode
	}
	return p
}
