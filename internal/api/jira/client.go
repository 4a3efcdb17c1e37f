package jira

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// productName names Jira in errors.
const productName = "Jira"

// Credentials log in to Jira with HTTP Basic: on Jira Cloud the account's
// email address and an API token, on Jira Server and Data Center a username
// and password. Empty credentials make every request anonymous.
type Credentials struct {
	Username string
	Password string // password, or API token on Jira Cloud
}

// String describes the credentials without the password, should they ever
// be printed.
func (c Credentials) String() string {
	if !c.present() {
		return "anonymous"
	}
	return fmt.Sprintf("user %q", c.Username)
}

// present reports whether there are credentials to send.
func (c Credentials) present() bool { return c.Username != "" || c.Password != "" }

// Client reads a Jira site through its public REST API. It is safe for
// concurrent use.
type Client struct {
	site  string // site URL, no trailing slash
	creds Credentials
	http  *transport.Client
}

// New returns a client of the Jira site at siteURL, e.g.
// https://example.atlassian.net or https://jira.example.com/jira (a context
// path is kept). Nothing is sent until the first call.
func New(siteURL string, creds Credentials, tc *transport.Client) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(siteURL, "/"))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("%s URL %q must be an absolute http(s) URL", productName, transport.MaskURL(siteURL))
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, fmt.Errorf("%s URL %q must not have a query, a fragment or credentials", productName, transport.MaskURL(siteURL))
	}
	if tc == nil {
		return nil, errors.New("jira: nil transport client")
	}
	return &Client{site: u.String(), creds: creds, http: tc}, nil
}

// access says whether a request carries the client's credentials.
type access bool

const (
	anonymous     access = false
	authenticated access = true
)

// get sends GET path (below the site URL) and decodes the JSON answer into
// out.
func (c *Client) get(ctx context.Context, op, path string, query url.Values, how access, out any) error {
	full := c.site + path
	if len(query) > 0 {
		full += "?" + query.Encode()
	}
	header := http.Header{"Accept": {"application/json"}}
	if how == authenticated && c.creds.present() {
		header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(c.creds.Username+":"+c.creds.Password)))
	}
	resp, err := c.http.Do(ctx, &transport.Request{Method: http.MethodGet, URL: full, Header: header, Operation: op})
	if err != nil {
		return err
	}
	return decode(op, http.MethodGet, path, resp, out)
}

// getPublic reads an endpoint Jira serves to anonymous callers: without
// credentials first, and again with them only when the site refuses the
// anonymous request (see the package documentation).
func (c *Client) getPublic(ctx context.Context, op, path string, out any) error {
	err := c.get(ctx, op, path, nil, anonymous, out)
	if c.creds.present() && (errors.Is(err, api.ErrUnauthorized) || errors.Is(err, api.ErrForbidden)) {
		return c.get(ctx, op, path, nil, authenticated, out)
	}
	return err
}
