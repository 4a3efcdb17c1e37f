package aqua

import (
	"context"
	"net/http"
	"net/url"

	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// contractInfo is the answer of the contract's discovery operation, in
// aqua's style: no envelope, PascalCase keys.
type contractInfo struct {
	Name    string `json:"Name"`
	Version string `json:"Version"`
}

// CheckContract makes sure that a bridge serves the Jira Sync contract at
// the contract URL: the first call of a client sends the discovery request,
// later calls reuse its answer (see contract.Discovery). It returns nil
// when the contract is served, a *contract.AbsentError when nothing serves
// it there (a 404, an HTML page, another shape), a *contract.VersionError
// for a version this client does not implement, or the failure of the
// request itself. Every contract method calls it first.
func (c *Client) CheckContract(ctx context.Context) error {
	return c.discovery.Ensure(ctx)
}

// probeContract sends the discovery request. It carries no credentials:
// the contract's discovery is public, so that a server answering 404 to
// everything is recognised before any login could fail.
func (c *Client) probeContract(ctx context.Context) (contract.Info, error) {
	const op = "discover the Jira Sync contract"
	path := contract.AquaJiraSync.DiscoveryPath()
	resp, err := c.http.Do(ctx, &transport.Request{
		Method:    http.MethodGet,
		URL:       c.contractBase + path,
		Header:    http.Header{"Accept": {"application/json"}},
		Operation: op,
	})
	if err != nil {
		return contract.Info{}, err
	}
	var info contractInfo
	if err := decodeAnswer(op, http.MethodGet, path, resp, &info); err != nil {
		return contract.Info{}, err
	}
	return contract.Info{Name: info.Name, Version: info.Version}, nil
}

// contractCall sends one authenticated request of the Jira Sync contract,
// after CheckContract; rel is relative to the contract's prefix below the
// contract URL.
func (c *Client) contractCall(ctx context.Context, op, method, rel string, query url.Values, body, out any) error {
	if err := c.CheckContract(ctx); err != nil {
		return err
	}
	return c.callAt(ctx, c.contractBase, op, method, contractPath(rel), query, body, out)
}

// contractPoster is poster for a create of the Jira Sync contract.
func (c *Client) contractPoster(op, rel string, body, out any) func(context.Context) error {
	return func(ctx context.Context) error { return c.contractCall(ctx, op, http.MethodPost, rel, nil, body, out) }
}
