package jitterbit

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// CheckContract makes sure the JSM connection contract is served at the
// contract URL: the first call of a client sends the contract's discovery
// request, later calls reuse its outcome. It returns nil when the contract
// is served, a *contract.AbsentError when nothing serves it there (a 404,
// an HTML page, an answer of another shape), a *contract.VersionError for
// a version the client does not implement, and the transport's error for
// a failure that may pass (asked again on the next call). Every contract
// method calls it first.
func (c *Client) CheckContract(ctx context.Context) error {
	return c.discovery.Ensure(ctx)
}

// discover sends the discovery request: GET {contract URL}/almsync/
// jitterbit-jsm-connections/v1/contract, without credentials (the
// contract's discovery takes none, so that a server that serves no
// contract is recognised before any login), and reads Harmony's envelope
// whose data is {"name", "version"}.
func (c *Client) discover(ctx context.Context) (contract.Info, error) {
	const op = "discover the JSM connection contract"
	header := http.Header{}
	header.Set("Accept", "application/json")
	resp, err := c.http.Do(ctx, &transport.Request{
		Method:    http.MethodGet,
		URL:       c.contract + pathContract,
		Header:    header,
		Operation: op,
	})
	if err != nil {
		return contract.Info{}, err
	}
	var info contract.Info
	err = decode(op, http.MethodGet, pathContract, resp, &info)
	var refused *api.Error
	if errors.As(err, &refused) && (refused.StatusCode == http.StatusUnauthorized || refused.StatusCode == http.StatusForbidden) {
		// The contract's discovery takes no credentials: a server that
		// asks for some here serves something else.
		return contract.Info{}, &api.DecodeError{Product: productName, Operation: op, StatusCode: refused.StatusCode,
			ContentType: resp.Header.Get("Content-Type"), Excerpt: refused.Message,
			Err: fmt.Errorf("HTTP %d asks for credentials, which the contract's discovery does not take", refused.StatusCode)}
	}
	return info, err
}
