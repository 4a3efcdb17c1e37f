// Package lease keeps one expiring credential of a product client (an
// access token, a session) and renews it the same way for every product:
// before it expires, one renewal at a time, and once more when the product
// refuses it. It imports nothing of the provider and holds no global state.
package lease

import (
	"context"
	"sync"
	"time"
)

// MaxMargin is the longest renewal margin: a credential is renewed when
// less than min(MaxMargin, a tenth of its lifetime) of it is left.
const MaxMargin = time.Minute

// Margin is how long before the end of a lifetime the credential is
// renewed: a tenth of the lifetime, at most MaxMargin.
func Margin(lifetime time.Duration) time.Duration { return min(MaxMargin, lifetime/10) }

// Grant is what a renewal yields: the credential and how long it lasts,
// counted from the moment the renewal was asked for. A Lifetime that is not
// positive means the product did not say: the credential is kept until the
// product refuses it.
type Grant[T any] struct {
	Value    T
	Lifetime time.Duration
}

// Renew obtains a new credential. prev is the last one held (the zero value
// and false before the first), for renewals that use it, such as an OAuth
// refresh token.
type Renew[T any] func(ctx context.Context, prev T, hadPrev bool) (Grant[T], error)

// Generation identifies one credential of a Cache, so that a refusal names
// the credential that was refused.
type Generation uint64

// Cache holds one credential. It is safe for concurrent use: callers that
// find the credential due for renewal wait for one renewal, and give up
// waiting when their context ends.
type Cache[T any] struct {
	renew Renew[T]
	now   func() time.Time
	// turn is held by the one caller renewing; the others wait for it.
	turn chan struct{}

	mu      sync.Mutex
	value   T
	had     bool // value holds a credential obtained before (maybe stale)
	valid   bool // value may be sent
	gen     Generation
	renewAt time.Time // zero: no known end
}

// New returns an empty cache that obtains credentials with renew and
// measures lifetimes with now (time.Now when nil).
func New[T any](renew Renew[T], now func() time.Time) *Cache[T] {
	if now == nil {
		now = time.Now
	}
	return &Cache[T]{renew: renew, now: now, turn: make(chan struct{}, 1)}
}

// current returns the credential when it may still be sent.
func (c *Cache[T]) current() (T, Generation, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.valid && (c.renewAt.IsZero() || c.now().Before(c.renewAt)) {
		return c.value, c.gen, true
	}
	var zero T
	return zero, 0, false
}

// Get returns a credential that may be sent now and its generation,
// renewing it first when there is none or less than its margin is left.
// A failed renewal is returned as it is and tried again by the next Get.
func (c *Cache[T]) Get(ctx context.Context) (T, Generation, error) {
	if v, gen, ok := c.current(); ok {
		return v, gen, nil
	}
	var zero T
	select {
	case c.turn <- struct{}{}:
	case <-ctx.Done():
		return zero, 0, ctx.Err()
	}
	defer func() { <-c.turn }()
	// Another caller may have renewed while this one waited.
	if v, gen, ok := c.current(); ok {
		return v, gen, nil
	}
	c.mu.Lock()
	prev, had := c.value, c.had
	c.mu.Unlock()

	start := c.now()
	g, err := c.renew(ctx, prev, had)
	if err != nil {
		return zero, 0, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.value, c.had, c.valid = g.Value, true, true
	c.gen++
	c.renewAt = time.Time{}
	if g.Lifetime > 0 {
		c.renewAt = start.Add(g.Lifetime - Margin(g.Lifetime))
	}
	return c.value, c.gen, nil
}

// Refused marks the credential of generation gen as refused by the product
// (HTTP 401), so that the next Get renews it, unless another caller has
// renewed it meanwhile. The refused credential stays available to the
// renewal as its prev.
func (c *Cache[T]) Refused(gen Generation) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen == gen {
		c.valid = false
	}
}
