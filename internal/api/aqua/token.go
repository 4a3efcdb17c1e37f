package aqua

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/lease"
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

// bearer is what aqua's token endpoint yields: the access token sent with
// every request and the refresh token that renews it.
type bearer struct {
	access  string
	refresh string
}

// tokenSource caches aqua's access token and renews it before it expires
// (see package lease): with the refresh token when it has one, else (or
// when the refresh is refused) with a password login. It is safe for
// concurrent use; concurrent callers wait for one renewal rather than each
// logging in.
type tokenSource struct {
	request func(ctx context.Context, op string, form url.Values) (TokenResponse, error)
	creds   Credentials
	now     func() time.Time
	cache   *lease.Cache[bearer]
}

func newTokenSource(request func(context.Context, string, url.Values) (TokenResponse, error), creds Credentials) *tokenSource {
	s := &tokenSource{request: request, creds: creds, now: time.Now}
	s.cache = lease.New(s.renew, func() time.Time { return s.now() })
	return s
}

// get returns an access token that may be sent now and its generation,
// for refused.
func (s *tokenSource) get(ctx context.Context) (string, lease.Generation, error) {
	b, gen, err := s.cache.Get(ctx)
	return b.access, gen, err
}

// refused forgets the token of generation gen after aqua answered 401 to
// it, unless another caller has renewed it meanwhile. Its refresh token is
// tried first at the next renewal.
func (s *tokenSource) refused(gen lease.Generation) { s.cache.Refused(gen) }

// renew obtains a new token: with prev's refresh token when there is one,
// falling back to a password login when aqua refuses it (or the refresh
// fails otherwise), unless ctx has ended.
func (s *tokenSource) renew(ctx context.Context, prev bearer, _ bool) (lease.Grant[bearer], error) {
	if prev.refresh != "" {
		form := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {prev.refresh}}
		tok, err := s.request(ctx, opRefreshToken, form)
		if err == nil {
			return grantOf(tok, prev.refresh), nil
		}
		if ctx.Err() != nil {
			return lease.Grant[bearer]{}, err
		}
	}
	form := url.Values{"grant_type": {"password"}, "username": {s.creds.Username}, "password": {s.creds.Password}}
	tok, err := s.request(ctx, opLogIn, form)
	if err != nil {
		return lease.Grant[bearer]{}, err
	}
	return grantOf(tok, ""), nil
}

// grantOf is the lease of a token answer; an answer without a refresh
// token keeps the one it was renewed with (refresh), if any.
func grantOf(tok TokenResponse, refresh string) lease.Grant[bearer] {
	lifetime := defaultTokenLifetime
	if tok.ExpiresIn > 0 {
		lifetime = time.Duration(tok.ExpiresIn) * time.Second
	}
	if tok.RefreshToken != "" {
		refresh = tok.RefreshToken
	}
	return lease.Grant[bearer]{Value: bearer{access: tok.AccessToken, refresh: refresh}, Lifetime: lifetime}
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
