package jitterbit

import (
	"context"
	"sync"
)

// authState is what a login yields: the token and the organization every
// later request names.
type authState struct {
	token string
	org   string
}

// session caches the authentication of a client. Harmony states no token
// lifetime, so a token is kept until Harmony refuses it.
type session struct {
	mu      sync.Mutex
	current authState
}

// get returns the cached authentication, logging in when there is none.
// Concurrent callers wait for one login.
func (s *session) get(ctx context.Context, login func(context.Context) (authState, error)) (authState, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.current.token != "" {
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
