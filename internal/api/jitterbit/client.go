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
	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
	"github.com/almsync/terraform-provider-almsync/internal/api/lease"
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

// Client calls the Harmony API of one region and stage, and the
// provider's JSM connection contract at its contract URL. It is safe for
// concurrent use.
type Client struct {
	base      string // the Harmony API; no trailing slash
	contract  string // where the contract is served; no trailing slash
	creds     Credentials
	http      *transport.Client
	now       func() time.Time // the clock session timeouts are measured with
	session   *lease.Cache[authState]
	discovery *contract.Discovery
}

// Option configures a Client.
type Option func(*options)

type options struct {
	contractURL string
}

// WithContractURL serves the JSM connection contract from contractURL (a
// bridge, possibly on another host) instead of the Harmony API's base URL.
// An empty contractURL keeps the default.
func WithContractURL(contractURL string) Option {
	return func(o *options) { o.contractURL = contractURL }
}

// New returns a client for the Harmony API at baseURL, e.g.
// https://harmony-api.<region>.jitterbit.com/<stage>, where the stage is
// dev (Jitterbit's default), qa or api: an API stage, not a Harmony
// environment. The contract is served at baseURL too unless
// WithContractURL says otherwise. Nothing is sent until the first call:
// a contract call asks the contract's discovery first, then logs in.
func New(baseURL string, creds Credentials, tc *transport.Client, opts ...Option) (*Client, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	base, err := parseBaseURL("URL", baseURL)
	if err != nil {
		return nil, err
	}
	contractBase := base
	if o.contractURL != "" {
		if contractBase, err = parseBaseURL("contract URL", o.contractURL); err != nil {
			return nil, err
		}
	}
	if creds.Username == "" || creds.Password == "" {
		return nil, fmt.Errorf("%s: a username and a password are required to log in", productName)
	}
	if tc == nil {
		return nil, errors.New("jitterbit: nil transport client")
	}
	c := &Client{base: base, contract: contractBase, creds: creds, http: tc, now: time.Now}
	c.session = c.newSession()
	c.discovery = contract.NewDiscovery(contractSpec, transport.MaskURL(contractBase+pathContract), c.discover)
	return c, nil
}

// parseBaseURL checks an absolute http(s) URL without query or fragment
// and returns it without a trailing slash; what names it in errors.
func parseBaseURL(what, raw string) (string, error) {
	u, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "", fmt.Errorf("%s %s %q must be an absolute http(s) URL", productName, what, transport.MaskURL(raw))
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%s %s %q must not have a query or fragment", productName, what, transport.MaskURL(raw))
	}
	return u.String(), nil
}

// call sends one authenticated request to path below the Harmony API's
// base URL; see send.
func (c *Client) call(ctx context.Context, op, method, path string, query url.Values, body, out any) error {
	return c.send(ctx, c.base, op, method, path, query, body, out)
}

// contractCall sends one authenticated request of the contract to path
// below the contract URL, once the contract is known to be served there.
func (c *Client) contractCall(ctx context.Context, op, method, path string, query url.Values, body, out any) error {
	if err := c.CheckContract(ctx); err != nil {
		return err
	}
	return c.send(ctx, c.contract, op, method, path, query, body, out)
}

// send sends one authenticated request to path below base. A
// non-nil body is sent as JSON; when out is non-nil the envelope's data is
// decoded into it. A token whose session is about to time out is renewed
// before the request; when Harmony refuses the cached token anyway (401),
// send logs in again once and repeats the request: a refused request
// changed nothing. A second refusal is the caller's error.
func (c *Client) send(ctx context.Context, base, op, method, path string, query url.Values, body, out any) error {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return fmt.Errorf("%s %s: encoding request: %w", productName, op, err)
		}
	}
	full := base + path
	if len(query) > 0 {
		full += "?" + query.Encode()
	}
	for attempt := 0; ; attempt++ {
		auth, gen, err := c.session.Get(ctx)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(ctx, newRequest(op, method, full, payload, auth))
		if err != nil {
			return err
		}
		err = decode(op, method, path, resp, out)
		if attempt == 0 && errors.Is(err, api.ErrUnauthorized) {
			c.session.Refused(gen)
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
