package transport

import (
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// waitPolicy computes the wait before a retry.
type waitPolicy struct {
	min, max time.Duration
}

// wait returns how long to wait before retry number retry+1 (retry counts
// from 0) after an answer with status and header (status 0 and a nil header
// after a transport error). A server hint (see serverHint) is used as is, up
// to max. Without a hint the wait is exponential back-off with equal
// jitter: a value between half of and the full ceiling step(retry). randN
// returns a random number in [0, n).
func (p waitPolicy) wait(retry, status int, header http.Header, now time.Time, randN func(n int64) int64) time.Duration {
	if d, ok := serverHint(status, header, now); ok {
		return min(d, p.max)
	}
	ceiling := p.step(retry)
	half := ceiling / 2
	return half + time.Duration(randN(int64(ceiling-half)+1))
}

// step returns min doubled retry times, capped at max.
func (p waitPolicy) step(retry int) time.Duration {
	d := p.min
	for i := 0; i < retry && d < p.max; i++ {
		if d > math.MaxInt64/2 {
			return p.max
		}
		d *= 2
	}
	if d > p.max || d < 0 {
		return p.max
	}
	return d
}

// serverHint returns the wait a server asked for: Retry-After (delta
// seconds or an HTTP date) on any answer, or on a 429 answer without
// Retry-After, X-RateLimit-Reset (an RFC 3339 / ISO 8601 timestamp, Unix
// epoch seconds, or, for values below 10^9, delta seconds). Times in the
// past give 0.
func serverHint(status int, header http.Header, now time.Time) (time.Duration, bool) {
	if header == nil {
		return 0, false
	}
	if v := header.Get("Retry-After"); v != "" {
		if d, ok := parseRetryAfter(v, now); ok {
			return d, true
		}
	}
	if status == http.StatusTooManyRequests {
		if v := header.Get("X-RateLimit-Reset"); v != "" {
			if d, ok := parseRateLimitReset(v, now); ok {
				return d, true
			}
		}
	}
	return 0, false
}

// parseRetryAfter parses a Retry-After value: delta seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		return seconds(float64(secs)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return untilTime(t, now), true
	}
	return 0, false
}

// rateLimitLayouts are the timestamp forms accepted in X-RateLimit-Reset.
var rateLimitLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z0700",
}

// parseRateLimitReset parses an X-RateLimit-Reset value.
func parseRateLimitReset(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if n, err := strconv.ParseFloat(v, 64); err == nil {
		switch {
		case math.IsNaN(n) || n < 0:
			return 0, false
		case n < 1e9:
			return seconds(n), true
		default:
			sec, frac := math.Modf(n)
			return untilTime(time.Unix(int64(sec), int64(frac*1e9)), now), true
		}
	}
	for _, layout := range rateLimitLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			return untilTime(t, now), true
		}
	}
	return 0, false
}

// seconds converts s seconds to a Duration, saturating instead of
// overflowing.
func seconds(s float64) time.Duration {
	if s >= float64(math.MaxInt64)/float64(time.Second) {
		return time.Duration(math.MaxInt64)
	}
	return time.Duration(s * float64(time.Second))
}

// untilTime returns t - now, or 0 when t is not in the future.
func untilTime(t, now time.Time) time.Duration {
	return max(t.Sub(now), 0)
}

// lockedRand is a random source owned by one Client and safe for
// concurrent use.
type lockedRand struct {
	mu  sync.Mutex
	rnd *rand.Rand
}

// newLockedRand returns a source with a random seed.
func newLockedRand() *lockedRand {
	return &lockedRand{rnd: rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))}
}

// Int64N returns a random number in [0, n); 0 when n <= 0.
func (r *lockedRand) Int64N(n int64) int64 {
	if n <= 0 {
		return 0
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.rnd.Int64N(n)
}
