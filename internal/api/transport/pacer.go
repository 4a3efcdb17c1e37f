package transport

import (
	"context"
	"math"
	"sync"
	"time"
)

// Pacing constants of [Pacer].
const (
	// minPacedRate is the slowest a Pacer gets after repeated 429 answers.
	minPacedRate = 0.5
	// slowDownEvery is the shortest interval between two slow-downs: a
	// burst of 429 answers to requests sent at one rate halves it once.
	slowDownEvery = time.Second
	// recoverAfter is how long without a 429 the Pacer waits before each
	// step back up towards its configured rate.
	recoverAfter = 2 * time.Second
	// recoverFactor is the growth of one recovery step.
	recoverFactor = 1.25
	// learnFactor is the share of the accepted rate an unlimited Pacer
	// keeps after its first 429.
	learnFactor = 0.9
	// learnWindow is the window over which an unlimited Pacer counts the
	// requests the server accepted.
	learnWindow = time.Second
	// unlimitedAbove is the rate above which a Pacer configured as
	// unlimited becomes unlimited again while recovering.
	unlimitedAbove = 1000
)

// Pacer spaces the requests to one product endpoint at a rate, shared by
// every Client (and so every resource) that holds it. It is a token bucket
// of one token: requests leave at most every 1/rate seconds, so a server
// whose own limit is the same rate, with any burst allowance, does not
// answer 429.
//
// On a 429 answer the Pacer pauses every request until the server's
// Retry-After has passed and halves its rate (at most once per second, so
// one burst of answers counts once). A Pacer without a configured rate
// sends freely until its first 429 and then learns a rate: nine tenths of
// what the server accepted in the last second. After two seconds without
// a 429 the rate grows by a quarter, step by step, back to the configured
// rate (or, unlimited, until it is no longer needed).
//
// The zero value is not usable; a nil *Pacer paces nothing. Methods are
// safe for concurrent use.
type Pacer struct {
	mu         sync.Mutex
	configured float64   // rate asked for; 0 = unlimited
	rate       float64   // current rate; 0 = unlimited
	next       time.Time // earliest start of the next request
	pauseUntil time.Time // no request before this (a server's Retry-After)
	lastSlow   time.Time // latest slow-down
	lastStep   time.Time // latest recovery step or slow-down
	accepted   []time.Time
	now        func() time.Time

	sent, limited int64
}

// NewPacer returns a Pacer at requestsPerSecond (0 or less: unlimited until
// the server says otherwise).
func NewPacer(requestsPerSecond float64) *Pacer {
	if math.IsNaN(requestsPerSecond) || requestsPerSecond < 0 {
		requestsPerSecond = 0
	}
	return &Pacer{configured: requestsPerSecond, rate: requestsPerSecond, now: time.Now}
}

// Rate is the current rate in requests per second; 0 means unlimited.
func (p *Pacer) Rate() float64 {
	if p == nil {
		return 0
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.rate
}

// PacerStats counts what a Pacer saw.
type PacerStats struct {
	Sent        int64 // requests let through
	RateLimited int64 // 429 answers reported
}

// Stats returns the counts so far.
func (p *Pacer) Stats() PacerStats {
	if p == nil {
		return PacerStats{}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return PacerStats{Sent: p.sent, RateLimited: p.limited}
}

// Wait blocks until the next request may leave, or until ctx is done.
func (p *Pacer) Wait(ctx context.Context) error {
	if p == nil {
		return ctx.Err()
	}
	return sleep(ctx, time.Until(p.reserve()))
}

// reserve books the next slot and returns when it starts.
func (p *Pacer) reserve() time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	p.recover(now)
	start := now
	if p.pauseUntil.After(start) {
		start = p.pauseUntil
	}
	if p.rate > 0 {
		if p.next.After(start) {
			start = p.next
		}
		p.next = start.Add(time.Duration(float64(time.Second) / p.rate))
	}
	p.sent++
	return start
}

// recover raises the rate one step when no 429 came for recoverAfter.
// The caller holds p.mu.
func (p *Pacer) recover(now time.Time) {
	if p.rate == p.configured || p.rate == 0 || now.Sub(p.lastStep) < recoverAfter {
		return
	}
	p.lastStep = now
	p.rate *= recoverFactor
	switch {
	case p.configured > 0 && p.rate >= p.configured:
		p.rate = p.configured
	case p.configured == 0 && p.rate > unlimitedAbove:
		p.rate = 0
	}
}

// Accepted records an answer that was not a 429.
func (p *Pacer) Accepted() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rate != 0 {
		return // only an unlimited Pacer learns from what was accepted
	}
	now := p.now()
	p.accepted = append(p.accepted, now)
	p.trim(now)
}

// trim drops accepted answers older than learnWindow. The caller holds p.mu.
func (p *Pacer) trim(now time.Time) {
	i := 0
	for i < len(p.accepted) && now.Sub(p.accepted[i]) > learnWindow {
		i++
	}
	p.accepted = append(p.accepted[:0], p.accepted[i:]...)
}

// RateLimited records a 429 answer; retryAfter is the server's wait (0
// when it gave none). Every request waits for retryAfter, and the rate is
// lowered as the type's documentation says.
func (p *Pacer) RateLimited(retryAfter time.Duration) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	p.limited++
	if until := now.Add(retryAfter); until.After(p.pauseUntil) {
		p.pauseUntil = until
	}
	if now.Sub(p.lastSlow) < slowDownEvery {
		return
	}
	p.lastSlow, p.lastStep = now, now
	if p.rate == 0 {
		p.trim(now)
		p.rate = max(minPacedRate, learnFactor*float64(len(p.accepted))/learnWindow.Seconds())
		p.accepted = nil
	} else {
		p.rate = max(minPacedRate, p.rate/2)
	}
	if p.next.Before(now) {
		p.next = now
	}
}
