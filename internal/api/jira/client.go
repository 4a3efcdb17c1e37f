package jira

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// productName names Jira in errors.
const productName = "Jira"

// Client reads a Jira site through its public REST API. It is safe for
// concurrent use.
type Client struct {
	site  string // site URL, no trailing slash
	creds Credentials
	http  *transport.Client

	mu sync.Mutex
	// cloud is whether the site is Jira Cloud, once known: from the URL
	// (IsCloudURL), else from the first serverInfo answer.
	cloud *bool
}

// New returns a client of the Jira site at siteURL, e.g.
// https://example.atlassian.net, https://api.atlassian.com/ex/jira/{cloudId}
// or https://jira.example.com/jira (a context path is kept). Nothing is
// sent until the first call. A personal access token is refused for a
// Jira Cloud URL, where Jira has none.
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
	c := &Client{site: u.String(), creds: creds, http: tc}
	if IsCloudURL(u) {
		if creds.BearerToken() {
			return nil, fmt.Errorf("%s URL %q is Jira Cloud, which does not accept personal access tokens: "+
				"log in with the account's email address and an API token", productName, transport.MaskURL(siteURL))
		}
		c.learnDeployment(true)
	}
	return c, nil
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
	if auth := c.creds.AuthorizationHeader(); how == authenticated && auth != "" {
		header.Set("Authorization", auth)
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

// learnDeployment records whether the site is Jira Cloud.
func (c *Client) learnDeployment(cloud bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cloud = &cloud
}

// isCloud reports whether the site is Jira Cloud: by its URL, else by its
// serverInfo, read once per client.
func (c *Client) isCloud(ctx context.Context) (bool, error) {
	c.mu.Lock()
	known := c.cloud
	c.mu.Unlock()
	if known != nil {
		return *known, nil
	}
	si, err := c.ServerInfo(ctx)
	if err != nil {
		return false, err
	}
	return IsCloud(si), nil
}
