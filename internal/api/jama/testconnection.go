package jama

import (
	"context"
	"net/http"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// TestJiraConnection runs the JIRA Connector's "Test Connection": Jama
// connects to the connection's Jira with the stored username and password
// and reports each check, the seed's required permissions included.
// trustedCAPEM, when not empty, holds extra CA certificates (PEM) Jama
// trusts for this test. A failed test is a result with Success false, not
// an error; an unknown id matches api.ErrNotFound.
func (c *Client) TestJiraConnection(ctx context.Context, id int64, trustedCAPEM string) (api.ConnectionTest, error) {
	var result api.ConnectionTest
	body := api.ConnectionTestRequest{TrustedCAPEM: trustedCAPEM}
	_, err := c.rest.ContractCall(ctx, "test JIRA connection", http.MethodPost, routeJiraConnectionTest(id), nil, body, &result)
	return result, err
}
