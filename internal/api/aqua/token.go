package aqua

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// Operations of the token endpoint, as errors name them.
const (
	opLogIn        = "log in"
	opRefreshToken = "refresh token"
)

// defaultTokenLifetime is assumed when aqua does not say how long a token
// lasts.
const defaultTokenLifetime = 5 * time.Minute

// tokenSource caches aqua's access token and renews it: with the refresh
// token when it has one, else (or when the refresh is refused) with a
// password login. It is safe for concurrent use; concurrent callers wait
// for one renewal rather than each logging in.
type tokenSource struct {
	request func(ctx context.Context, op string, form url.Values) (TokenResponse, error)
	creds   Credentials
	now     func() time.Time

	mu      sync.Mutex
	access  string
	refresh string
	renewAt time.Time
}

func newTokenSource(request func(context.Context, string, url.Values) (TokenResponse, error), creds Credentials) *tokenSource {
	return &tokenSource{request: request, creds: creds, now: time.Now}
}

// get returns a valid access token, renewing it when needed.
func (s *tokenSource) get(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.access != "" && s.now().Before(s.renewAt) {
		return s.access, nil
	}
	s.access = ""
	if s.refresh != "" {
		form := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {s.refresh}}
		tok, err := s.request(ctx, opRefreshToken, form)
		if err == nil {
			return s.keep(tok), nil
		}
		if ctx.Err() != nil {
			return "", err
		}
		// A refused or failed refresh falls back to a password login.
		s.refresh = ""
	}
	form := url.Values{"grant_type": {"password"}, "username": {s.creds.Username}, "password": {s.creds.Password}}
	tok, err := s.request(ctx, opLogIn, form)
	if err != nil {
		return "", err
	}
	return s.keep(tok), nil
}

// keep caches tok and returns its access token. It renews a little before
// the token expires, so that a token never expires in flight.
func (s *tokenSource) keep(tok TokenResponse) string {
	lifetime := defaultTokenLifetime
	if tok.ExpiresIn > 0 {
		lifetime = time.Duration(tok.ExpiresIn) * time.Second
	}
	margin := min(lifetime/10, time.Minute)
	s.access, s.renewAt = tok.AccessToken, s.now().Add(lifetime-margin)
	if tok.RefreshToken != "" {
		s.refresh = tok.RefreshToken
	}
	return s.access
}

// refused forgets token after aqua answered 401 to it, unless another
// caller has renewed it meanwhile. The refresh token is kept for the next
// renewal.
func (s *tokenSource) refused(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.access == token {
		s.access = ""
	}
}

// requestToken posts form to aqua's token endpoint.
func (c *Client) requestToken(ctx context.Context, op string, form url.Values) (TokenResponse, error) {
	resp, err := c.http.Do(ctx, &transport.Request{
		Method: http.MethodPost,
		URL:    c.base + pathToken,
		Header: http.Header{
			"Content-Type": {"application/x-www-form-urlencoded"},
			"Accept":       {"application/json"},
		},
		Body:      []byte(form.Encode()),
		Retryable: true, // asking for a token again is harmless
		Operation: op,
	})
	if err != nil {
		return TokenResponse{}, err
	}
	var tok TokenResponse
	if err := decodeAnswer(op, http.MethodPost, pathToken, resp, &tok); err != nil {
		return TokenResponse{}, asLoginError(err)
	}
	if tok.AccessToken == "" {
		return TokenResponse{}, decodeError(op, resp, errors.New("access_token is missing"))
	}
	return tok, nil
}

// loginError is a token request aqua refused (invalid_grant, for example:
// wrong username or password). It matches api.ErrUnauthorized, whatever
// status aqua answered with (400 for OAuth grant errors), and unwraps to
// the *api.Error.
type loginError struct {
	err *api.Error
}

func (e *loginError) Error() string { return e.err.Error() }

func (e *loginError) Unwrap() error { return e.err }

// Is makes a refused login an api.ErrUnauthorized.
func (e *loginError) Is(target error) bool { return target == api.ErrUnauthorized }

// asLoginError marks a 4xx answer of the token endpoint as a refused
// login; other errors are returned as they are.
func asLoginError(err error) error {
	var apiErr *api.Error
	if errors.As(err, &apiErr) && apiErr.StatusCode >= 400 && apiErr.StatusCode < 500 {
		return &loginError{err: apiErr}
	}
	return err
}
