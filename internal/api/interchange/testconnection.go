package interchange

import (
	"context"
	"net/http"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// TestConnector runs the connector's "Test connection": Interchange
// connects to the connector's Jama Connect instance with the stored
// credentials and reports each check. trustedCAPEM, when not empty, holds
// extra CA certificates (PEM) Interchange trusts for this test. A failed
// test is a result with Success false, not an error; an unknown id matches
// api.ErrNotFound.
func (c *Client) TestConnector(ctx context.Context, id int64, trustedCAPEM string) (api.ConnectionTest, error) {
	var result api.ConnectionTest
	body := api.ConnectionTestRequest{TrustedCAPEM: trustedCAPEM}
	_, err := c.rest.ContractCall(ctx, "test connector", http.MethodPost, routeConnectorTest(id), nil, body, &result)
	return result, err
}
