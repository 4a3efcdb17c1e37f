package jitterbit

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/lease"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// login logs in at POST {base}/login with the credentials in the username
// and password headers, as Harmony documents it, and picks the
// organization: the configured one, else the user's default. The session
// lasts sessionTimeoutInSeconds.
func (c *Client) login(ctx context.Context) (lease.Grant[authState], error) {
	const op = "log in"
	header := http.Header{}
	header.Set("username", c.creds.Username)
	header.Set("password", c.creds.Password)
	header.Set("Accept", "application/json")
	resp, err := c.http.Do(ctx, &transport.Request{
		Method:    http.MethodPost,
		URL:       c.base + pathLogin,
		Header:    header,
		Retryable: true, // logging in changes nothing
		Operation: op,
	})
	if err != nil {
		return lease.Grant[authState]{}, err
	}
	var res loginResult
	if err := decode(op, http.MethodPost, pathLogin, resp, &res); err != nil {
		// Harmony refuses credentials with HTTP 200 and "success": false;
		// whatever its error code, a refused login is a 401.
		var apiErr *api.Error
		if !errors.As(err, &apiErr) {
			return lease.Grant[authState]{}, err
		}
		if resp.StatusCode < http.StatusBadRequest {
			apiErr.StatusCode = http.StatusUnauthorized
		}
		return lease.Grant[authState]{}, explainRefusedLogin(apiErr, c.creds.Username, refusalText(resp.Body))
	}
	if res.AuthenticationToken == "" {
		return lease.Grant[authState]{}, &api.DecodeError{Product: productName, Operation: op, StatusCode: resp.StatusCode,
			ContentType: resp.Header.Get("Content-Type"), Err: errors.New("authenticationToken is missing")}
	}
	org := c.creds.OrganizationID
	if org == "" {
		org = string(res.DefaultOrgID)
	}
	if org == "" {
		return lease.Grant[authState]{}, fmt.Errorf("%s %s: user %q has no default organization; configure the organization ID", productName, op, c.creds.Username)
	}
	return lease.Grant[authState]{
		Value:    authState{token: res.AuthenticationToken, org: org},
		Lifetime: sessionLifetime(res.SessionTimeoutInSeconds),
	}, nil
}
