package interchange

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// Client manages Interchange connectors.
type Client struct {
	rest *jama.REST
}

// New returns a client for the Interchange instance at instanceURL.
func New(instanceURL string, creds jama.Credentials, tc *transport.Client) (*Client, error) {
	rest, err := jama.NewREST("Interchange", instanceURL, creds, tc)
	if err != nil {
		return nil, err
	}
	return &Client{rest: rest}, nil
}

// GetConnector reads one connector by id. Secrets come back empty.
func (c *Client) GetConnector(ctx context.Context, id int64) (Connector, error) {
	var conn Connector
	_, err := c.rest.Call(ctx, "read connector", http.MethodGet, pathConnector(id), nil, nil, &conn)
	return conn, err
}

// FindConnector looks a connector up by name (case-insensitive).
func (c *Client) FindConnector(ctx context.Context, name string) (Connector, bool, error) {
	conns, err := jama.List[Connector](ctx, c.rest, "find connector", pathConnectors, url.Values{"name": {name}})
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

// CreateConnector creates a connector and returns its id. If the answer is
// lost, the connector is looked up by name rather than created twice.
func (c *Client) CreateConnector(ctx context.Context, conn Connector) (int64, error) {
	conn.ID = 0
	if conn.Application == "" {
		conn.Application = ApplicationJamaConnect
	}
	return c.rest.Create(ctx, "create connector", pathConnectors, conn, func(ctx context.Context) (int64, bool, error) {
		found, ok, err := c.FindConnector(ctx, conn.Name)
		return found.ID, ok, err
	})
}

// UpdateConnector replaces a connector; an empty secret keeps the stored one.
func (c *Client) UpdateConnector(ctx context.Context, id int64, conn Connector) error {
	conn.ID = id
	if conn.Application == "" {
		conn.Application = ApplicationJamaConnect
	}
	_, err := c.rest.Call(ctx, "update connector", http.MethodPut, pathConnector(id), nil, conn, nil)
	return err
}

// DeleteConnector deletes a connector.
func (c *Client) DeleteConnector(ctx context.Context, id int64) error {
	_, err := c.rest.Call(ctx, "delete connector", http.MethodDelete, pathConnector(id), nil, nil, nil)
	return err
}
