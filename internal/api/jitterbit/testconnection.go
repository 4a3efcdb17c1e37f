package jitterbit

import (
	"context"
	"net/http"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// TestJSMConnection runs the connection's "Test": Harmony connects to the
// connection's Jira Service Management site with the connection's auth
// scheme and credentials and reports each check. trustedCAPEM, when not
// empty, holds extra CA certificates (PEM) Harmony trusts for this test. A
// failed test is a result with Success false, not an error; an unknown id
// matches api.ErrNotFound.
func (c *Client) TestJSMConnection(ctx context.Context, id string, trustedCAPEM string) (api.ConnectionTest, error) {
	const op = "test JSM connection"
	if err := requireID(op, id); err != nil {
		return api.ConnectionTest{}, err
	}
	var result api.ConnectionTest
	body := api.ConnectionTestRequest{TrustedCAPEM: trustedCAPEM}
	err := c.contractCall(ctx, op, http.MethodPost, pathJSMConnectionTest(id), nil, body, &result)
	return result, err
}
