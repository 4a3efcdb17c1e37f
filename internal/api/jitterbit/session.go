package jitterbit

import (
	"context"
	"math"
	"sync"
	"time"
)

// renewalMargin is how long before the end of a session the client logs in
// again, so that no request is sent with a token about to expire. A session
// shorter than ten times the margin is renewed when a tenth of it is left.
const renewalMargin = 5 * time.Minute

// authState is what a login yields: the token, the organization every
// later request names, and when the token is to be renewed (zero when
// Harmony did not say how long the session lasts).
type authState struct {
	token   string
	org     string
	expires time.Time
}

// usable reports whether the token may still be sent at now.
func (a authState) usable(now time.Time) bool {
	return a.token != "" && (a.expires.IsZero() || now.Before(a.expires))
}

// sessionEnd is when a session that started at start is to be renewed,
// given the login's sessionTimeoutInSeconds: a margin before the timeout
// ends (renewalMargin, or a tenth of the timeout when that is shorter), or
// the zero time when the timeout is not positive, or too large to mean
// anything but "no end".
func sessionEnd(start time.Time, timeoutSeconds int64) time.Time {
	if timeoutSeconds <= 0 || timeoutSeconds > math.MaxInt64/int64(time.Second) {
		return time.Time{}
	}
	timeout := time.Duration(timeoutSeconds) * time.Second
	return start.Add(timeout - min(renewalMargin, timeout/10))
}

// session caches the authentication of a client. A token is kept until a
// margin before the session timeout of its login ends (counted from the
// moment the login was sent) or Harmony refuses it, whichever comes first.
type session struct {
	mu      sync.Mutex
	current authState
}

// get returns the cached authentication, logging in when there is none or
// its session is about to end. Concurrent callers wait for one login.
func (s *session) get(ctx context.Context, now func() time.Time, login func(context.Context) (authState, error)) (authState, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.current.usable(now()) {
		return s.current, nil
	}
	auth, err := login(ctx)
	if err != nil {
		return authState{}, err
	}
	s.current = auth
	return auth, nil
}

// invalidate forgets token, unless another caller has already replaced it.
func (s *session) invalidate(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.current.token == token {
		s.current = authState{}
	}
}
