package jama

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// tokenCache holds one OAuth access token until shortly before it expires.
type tokenCache struct {
	mu      sync.Mutex
	token   string
	expires time.Time
}

// get returns the cached token or fetches a new one.
func (c *tokenCache) get(ctx context.Context, fetch func(context.Context) (TokenResponse, error)) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.token != "" && time.Now().Before(c.expires) {
		return c.token, nil
	}
	tok, err := fetch(ctx)
	if err != nil {
		return "", err
	}
	lifetime := time.Duration(tok.ExpiresIn) * time.Second
	// Renew a little early so a token never expires in flight.
	margin := min(lifetime/10, 60*time.Second)
	c.token, c.expires = tok.AccessToken, time.Now().Add(lifetime-margin)
	return c.token, nil
}

func (c *tokenCache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.token = ""
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
	if tok.ExpiresIn <= 0 {
		tok.ExpiresIn = 300
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
