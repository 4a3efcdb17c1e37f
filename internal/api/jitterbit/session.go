package jitterbit

import (
	"context"
	"math"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api/lease"
)

// authState is what a login yields: the token and the organization every
// later request names.
type authState struct {
	token string
	org   string
}

// sessionLifetime is the lifetime of a session whose login answered
// sessionTimeoutInSeconds: zero (kept until Harmony refuses the token) when
// the timeout is not positive, or too large to mean anything but "no end".
func sessionLifetime(timeoutSeconds int64) time.Duration {
	if timeoutSeconds <= 0 || timeoutSeconds > math.MaxInt64/int64(time.Second) {
		return 0
	}
	return time.Duration(timeoutSeconds) * time.Second
}

// newSession returns the cache of a client's session: a token is kept
// until less than its margin (see package lease) is left of the session
// timeout of its login, counted from the moment the login was sent, or
// until Harmony refuses it, whichever comes first. Concurrent callers wait
// for one login.
func (c *Client) newSession() *lease.Cache[authState] {
	return lease.New(func(ctx context.Context, _ authState, _ bool) (lease.Grant[authState], error) {
		return c.login(ctx)
	}, func() time.Time { return c.now() })
}
