package interchange

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/api/readcache"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// Client manages Interchange connectors through the provider's contract
// (contract.InterchangeConnectors), served at the contract URL
// (jama.WithContractURL; default instanceURL).
//
// GetConnector is list-backed when many connectors are read in a row
// (package readcache): the client lists every connector, one request per
// page, and serves the reads from it. Every write through the client makes
// the connector's next reads plain GETs.
type Client struct {
	rest       *jama.REST
	connectors *readcache.Cache[int64, Connector]
}

// New returns a client for the Interchange instance at instanceURL; opts
// may say where the connector contract is served (jama.WithContractURL).
// OAuth tokens are always asked of instanceURL.
func New(instanceURL string, creds jama.Credentials, tc *transport.Client, opts ...jama.Option) (*Client, error) {
	rest, err := jama.NewREST("Interchange", instanceURL, creds, tc, append([]jama.Option{jama.WithContract(contract.InterchangeConnectors)}, opts...)...)
	if err != nil {
		return nil, err
	}
	c := &Client{rest: rest}
	c.connectors = readcache.New(readcache.Options[int64, Connector]{
		List:     c.ListConnectors,
		Key:      func(conn Connector) int64 { return conn.ID },
		PageSize: jama.MaxMaxResults,
	})
	return c, nil
}

// CheckContract runs the discovery of the connector contract at the
// client's contract URL, once per client: nil when it is served, a
// *contract.AbsentError or *contract.VersionError when not. Every connector
// method runs it first.
func (c *Client) CheckContract(ctx context.Context) error { return c.rest.CheckContract(ctx) }

// ContractURL is the full URL of a route of the connector contract, e.g.
// ".../almsync/interchange-connectors/v1/connectors".
func (c *Client) ContractURL(route string) string { return c.rest.ContractURL(route) }

// GetConnector reads one connector by id. Secrets come back empty.
// List-backed when many connectors are read (see Client).
func (c *Client) GetConnector(ctx context.Context, id int64) (Connector, error) {
	return c.connectors.Get(ctx, id, func(ctx context.Context) (Connector, error) {
		var conn Connector
		_, err := c.rest.ContractCall(ctx, "read connector", http.MethodGet, routeConnector(id), nil, nil, &conn)
		return conn, err
	})
}

// FindConnector looks a connector up by name (case-insensitive).
func (c *Client) FindConnector(ctx context.Context, name string) (Connector, bool, error) {
	conns, err := jama.ContractList[Connector](ctx, c.rest, "find connector", routeConnectors, url.Values{"name": {name}})
	if err != nil {
		return Connector{}, false, err
	}
	for _, conn := range conns {
		if strings.EqualFold(conn.Name, name) {
			return conn, true, nil
		}
	}
	return Connector{}, false, nil
}

// ListConnectors returns every connector, one request per page. Secrets
// come back empty, as from GetConnector.
func (c *Client) ListConnectors(ctx context.Context) ([]Connector, error) {
	return jama.ContractList[Connector](ctx, c.rest, "list connectors", routeConnectors, nil)
}

// EachConnector hands every connector to yield, one page at a time, and
// fetches no further page once yield returns false. Secrets come back
// empty.
func (c *Client) EachConnector(ctx context.Context, yield func(Connector) bool) error {
	return jama.ContractEach(ctx, c.rest, "list connectors", routeConnectors, nil, yield)
}

// CreateConnector creates a connector and returns its id. If the answer is
// lost, the connector is looked up by name rather than created twice.
func (c *Client) CreateConnector(ctx context.Context, conn Connector) (int64, error) {
	conn.ID = 0
	if conn.Application == "" {
		conn.Application = ApplicationJamaConnect
	}
	id, err := c.rest.ContractCreate(ctx, "create connector", routeConnectors, conn, func(ctx context.Context) (int64, bool, error) {
		found, ok, err := c.FindConnector(ctx, conn.Name)
		return found.ID, ok, err
	})
	if id != 0 {
		c.connectors.Forget(id)
	}
	return id, err
}

// UpdateConnector replaces a connector; an empty secret keeps the stored
// one. conn.ID is ignored.
func (c *Client) UpdateConnector(ctx context.Context, id int64, conn Connector) error {
	c.connectors.Forget(id)
	conn.ID = 0 // read-only in the contract: the route names the connector
	if conn.Application == "" {
		conn.Application = ApplicationJamaConnect
	}
	_, err := c.rest.ContractCall(ctx, "update connector", http.MethodPut, routeConnector(id), nil, conn, nil)
	return err
}

// DeleteConnector deletes a connector.
func (c *Client) DeleteConnector(ctx context.Context, id int64) error {
	c.connectors.Forget(id)
	_, err := c.rest.ContractCall(ctx, "delete connector", http.MethodDelete, routeConnector(id), nil, nil, nil)
	return err
}
