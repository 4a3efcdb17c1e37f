package jama

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/lease"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// defaultTokenLifetime is assumed when Jama's token answer has no
// expires_in.
const defaultTokenLifetime = 5 * time.Minute

// newTokenCache returns the cache of a client's OAuth access token: it is
// renewed with the client credentials when less than its margin is left
// (see package lease), or after Jama refused it.
func (r *REST) newTokenCache() *lease.Cache[string] {
	return lease.New(func(ctx context.Context, _ string, _ bool) (lease.Grant[string], error) {
		tok, err := r.fetchToken(ctx)
		if err != nil {
			return lease.Grant[string]{}, err
		}
		lifetime := defaultTokenLifetime
		if tok.ExpiresIn > 0 {
			lifetime = time.Duration(tok.ExpiresIn) * time.Second
		}
		return lease.Grant[string]{Value: tok.AccessToken, Lifetime: lifetime}, nil
	}, func() time.Time { return r.now() })
}

// fetchToken asks {instance}/rest/oauth/token for a client-credentials token.
func (r *REST) fetchToken(ctx context.Context) (TokenResponse, error) {
	const op = "get OAuth token"
	form := url.Values{"grant_type": {"client_credentials"}}
	resp, err := r.http.Do(ctx, &transport.Request{
		Method: http.MethodPost,
		URL:    r.base + pathOAuthToken,
		Header: http.Header{
			"Authorization": {basicAuth(r.creds.ClientID, r.creds.ClientSecret)},
			"Content-Type":  {"application/x-www-form-urlencoded"},
			"Accept":        {"application/json"},
		},
		Body:      []byte(form.Encode()),
		Retryable: true, // asking for a token changes nothing
		Operation: op,
	})
	if err != nil {
		return TokenResponse{}, err
	}
	ct := resp.Header.Get("Content-Type")
	if resp.StatusCode != http.StatusOK {
		var oauthErr struct {
			Error       string `json:"error"`
			Description string `json:"error_description"`
		}
		msg := "check client_id and client_secret"
		if json.Unmarshal(resp.Body, &oauthErr) == nil && oauthErr.Error != "" {
			msg = oauthErr.Error
			if oauthErr.Description != "" {
				msg += ": " + oauthErr.Description
			}
		}
		return TokenResponse{}, &api.Error{Product: r.product, Operation: op, Method: http.MethodPost,
			Path: pathOAuthToken, StatusCode: resp.StatusCode, Message: msg}
	}
	var tok TokenResponse
	if err := json.Unmarshal(resp.Body, &tok); err != nil || tok.AccessToken == "" {
		if err == nil {
			err = errors.New("access_token is missing")
		}
		return TokenResponse{}, &api.DecodeError{Product: r.product, Operation: op, StatusCode: resp.StatusCode,
			ContentType: ct, Err: err}
	}
	return tok, nil
}

// String hides the credentials if a Credentials value is ever printed.
func (c Credentials) String() string {
	if c.OAuth() {
		return fmt.Sprintf("oauth client %q", c.ClientID)
	}
	return fmt.Sprintf("basic user %q", c.Username)
}
