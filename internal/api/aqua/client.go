package aqua

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
	"github.com/almsync/terraform-provider-almsync/internal/api/readcache"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// productName names aqua in errors.
const productName = "aqua"

// Credentials are the aqua user the client logs in as.
type Credentials struct {
	Username string
	Password string
}

// String hides the password if Credentials are ever printed.
func (c Credentials) String() string { return fmt.Sprintf("aqua user %q", c.Username) }

// Client is an aqua REST API client. It is safe for concurrent use.
//
// GetSyncDefinition is list-backed when many definitions are read in a row
// (package readcache): the contract's list holds each definition as its
// read does, so the client lists them all in one request and serves the
// reads from it; every write through the client makes the definition's
// next reads plain GETs. GetUser is not: aqua's user list lacks the email
// address and the licenses a user's read holds.
type Client struct {
	base string // aqua base URL, no trailing slash
	// contractBase is where the Jira Sync contract is served (the
	// contract_url), no trailing slash; the base URL unless another was
	// given.
	contractBase string
	http         *transport.Client
	tokens       *tokenSource
	discovery    *contract.Discovery
	syncDefs     *readcache.Cache[int64, SyncDefinition]
}

// Option configures a Client.
type Option func(*options)

type options struct {
	contractURL string
}

// WithContractURL serves the Jira Sync contract from contractURL (a
// bridge, possibly on another host) instead of the aqua base URL. Empty
// keeps the base URL.
func WithContractURL(contractURL string) Option {
	return func(o *options) { o.contractURL = contractURL }
}

// New returns a client for the aqua instance at baseURL, e.g.
// https://app.aqua-cloud.io/aquaWebNG. Requests go through tc.
func New(baseURL string, creds Credentials, tc *transport.Client, opts ...Option) (*Client, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	base, ok := baseOf(baseURL)
	if !ok {
		return nil, fmt.Errorf("aqua URL %q must be an absolute http(s) URL", baseURL)
	}
	contractBase := base
	if strings.TrimSpace(o.contractURL) != "" {
		if contractBase, ok = baseOf(o.contractURL); !ok {
			return nil, fmt.Errorf("aqua contract URL %q must be an absolute http(s) URL", o.contractURL)
		}
	}
	if tc == nil {
		return nil, errors.New("aqua: nil transport client")
	}
	if creds.Username == "" || creds.Password == "" {
		return nil, errors.New("aqua: username and password are required")
	}
	c := &Client{base: base, contractBase: contractBase, http: tc}
	c.tokens = newTokenSource(c.requestToken, creds)
	c.discovery = contract.NewDiscovery(contract.AquaJiraSync, contractBase+contract.AquaJiraSync.DiscoveryPath(), c.probeContract)
	c.syncDefs = readcache.New(readcache.Options[int64, SyncDefinition]{
		List: c.ListSyncDefinitions, // not paged: one request
		Key:  func(d SyncDefinition) int64 { return d.ID },
	})
	return c, nil
}

// baseOf is raw without a trailing slash, when it is an absolute http(s)
// URL.
func baseOf(raw string) (string, bool) {
	u, err := url.Parse(strings.TrimRight(strings.TrimSpace(raw), "/"))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "", false
	}
	return u.String(), true
}

// call sends one authenticated request to path (relative to the base URL).
// A non-nil body is sent as JSON; when out is non-nil the answer is decoded
// into it and must not be empty.
func (c *Client) call(ctx context.Context, op, method, path string, query url.Values, body, out any) error {
	return c.callAt(ctx, c.base, op, method, path, query, body, out)
}

// callAt is call with path relative to base.
func (c *Client) callAt(ctx context.Context, base, op, method, path string, query url.Values, body, out any) error {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return fmt.Errorf("aqua %s: encoding request: %w", op, err)
		}
	}
	full := base + path
	if len(query) > 0 {
		full += "?" + query.Encode()
	}
	resp, err := c.send(ctx, op, method, full, payload)
	if err != nil {
		return err
	}
	return decodeAnswer(op, method, path, resp, out)
}

// send sends a request with a bearer token. When aqua refuses the token
// (401), it is renewed once and the request sent again.
func (c *Client) send(ctx context.Context, op, method, full string, payload []byte) (*transport.Response, error) {
	for attempt := 0; ; attempt++ {
		token, gen, err := c.tokens.get(ctx)
		if err != nil {
			return nil, err
		}
		req := &transport.Request{
			Method:    method,
			URL:       full,
			Header:    http.Header{"Authorization": {"Bearer " + token}, "Accept": {"application/json"}},
			Body:      payload,
			Operation: op,
		}
		if payload != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := c.http.Do(ctx, req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusUnauthorized && attempt == 0 {
			c.tokens.refused(gen)
			continue
		}
		return resp, nil
	}
}
