package jitterbit

import (
	"context"
	"math"
	"sync"
	"time"
)

// authState is what a login yields: the token, the organization every
// later request names, and when the token's session ends (zero when Harmony
// did not say).
type authState struct {
	token   string
	org     string
	expires time.Time
}

// usable reports whether the token may still be sent at now.
func (a authState) usable(now time.Time) bool {
	return a.token != "" && (a.expires.IsZero() || now.Before(a.expires))
}

// sessionEnd is when a session that started at start ends, given the
// login's sessionTimeoutInSeconds: the zero time when the timeout is not
// positive, or too large to mean anything but "no end".
func sessionEnd(start time.Time, timeoutSeconds int64) time.Time {
	if timeoutSeconds <= 0 || timeoutSeconds > math.MaxInt64/int64(time.Second) {
		return time.Time{}
	}
	return start.Add(time.Duration(timeoutSeconds) * time.Second)
}

// session caches the authentication of a client. A token is kept until the
// session timeout of its login has passed (counted from the moment the
// login was sent) or Harmony refuses it, whichever comes first.
type session struct {
	mu      sync.Mutex
	current authState
}

// get returns the cached authentication, logging in when there is none or
// its session has ended. Concurrent callers wait for one login.
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
