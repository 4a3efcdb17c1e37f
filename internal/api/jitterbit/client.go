package jitterbit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// productName names Jitterbit in errors.
const productName = "Jitterbit"

// Credentials log a client in to Harmony. OrganizationID is the
// organization to act in; empty means the user's default organization.
type Credentials struct {
	Username       string
	Password       string
	OrganizationID string
}

// String describes the credentials without the password, should they ever
// be printed.
func (c Credentials) String() string {
	if c.OrganizationID == "" {
		return fmt.Sprintf("user %q, default organization", c.Username)
	}
	return fmt.Sprintf("user %q, organization %q", c.Username, c.OrganizationID)
}

// Client calls the Harmony API of one environment. It is safe for
// concurrent use.
type Client struct {
	base    string // no trailing slash
	creds   Credentials
	http    *transport.Client
	now     func() time.Time // the clock session timeouts are measured with
	session session
}

// New returns a client for the Harmony API at baseURL, e.g.
// https://harmony-api.<region>.jitterbit.com/<stage>, where the stage is
// dev (Jitterbit's default), qa or api: an API stage, not a Harmony
// environment. Nothing is sent until the first call, which logs in.
func New(baseURL string, creds Credentials, tc *transport.Client) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(baseURL, "/"))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("%s URL %q must be an absolute http(s) URL", productName, transport.MaskURL(baseURL))
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("%s URL %q must not have a query or fragment", productName, transport.MaskURL(baseURL))
	}
	if creds.Username == "" || creds.Password == "" {
		return nil, fmt.Errorf("%s: a username and a password are required to log in", productName)
	}
	if tc == nil {
		return nil, errors.New("jitterbit: nil transport client")
	}
	return &Client{base: u.String(), creds: creds, http: tc, now: time.Now}, nil
}

// call sends one authenticated request to path (below the base URL). A
// non-nil body is sent as JSON; when out is non-nil the envelope's data is
// decoded into it. A token whose session timeout has passed is renewed
// before the request; when Harmony refuses the cached token anyway, call
// logs in again once and repeats the request: a refused request changed
// nothing.
func (c *Client) call(ctx context.Context, op, method, path string, query url.Values, body, out any) error {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return fmt.Errorf("%s %s: encoding request: %w", productName, op, err)
		}
	}
	full := c.base + path
	if len(query) > 0 {
		full += "?" + query.Encode()
	}
	for attempt := 0; ; attempt++ {
		auth, err := c.session.get(ctx, c.now, c.login)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(ctx, newRequest(op, method, full, payload, auth))
		if err != nil {
			return err
		}
		err = decode(op, method, path, resp, out)
		if attempt == 0 && errors.Is(err, api.ErrUnauthorized) {
			c.session.invalidate(auth.token)
			continue
		}
		return err
	}
}

// newRequest builds a request carrying Harmony's authentication headers.
func newRequest(op, method, full string, payload []byte, auth authState) *transport.Request {
	header := http.Header{}
	header.Set("authToken", auth.token)
	header.Set("organizationId", auth.org)
	header.Set("Accept", "application/json")
	if payload != nil {
		header.Set("Content-Type", "application/json")
	}
	return &transport.Request{Method: method, URL: full, Header: header, Body: payload, Operation: op}
}
