package aqua

import (
	"context"
	"net/http"
)

// pathIntegrationVerify is aqua's documented Integrations_Verify.
const pathIntegrationVerify = "/api/Integration/Verify"

// IntegrationTypeJira is the IntegrationType of aqua's Jira integration.
const IntegrationTypeJira = "JIRA"

// JiraVerifyRequest is the body of POST /api/Integration/Verify for Jira,
// aqua's ApiIntegrationConfigVerifyJira: the Jira base URL and the account
// aqua's servers log in with. The discriminator IntegrationType is "JIRA".
type JiraVerifyRequest struct {
	IntegrationType string `json:"IntegrationType"`
	APIBaseURL      string `json:"APIBaseURL"`
	APIUser         string `json:"APIUser"`
	APIPassword     string `json:"APIPassword"`
}

// VerifyResponse is aqua's ApiIntegrationVerifyResponse.
type VerifyResponse struct {
	// IsSuccess is true when aqua's servers could connect to the target
	// with the credentials given.
	IsSuccess bool `json:"IsSuccess"`
}

// VerifyJira asks aqua's own servers to connect to the Jira at baseURL as
// user with password (a password or an API token), through aqua's
// documented POST /api/Integration/Verify. It returns aqua's answer:
// false is a connection that could not be made, not an error. aqua says
// no more than that: not why a connection failed, and nothing about the
// account's Jira permissions.
func (c *Client) VerifyJira(ctx context.Context, baseURL, user, password string) (bool, error) {
	var out VerifyResponse
	body := JiraVerifyRequest{IntegrationType: IntegrationTypeJira, APIBaseURL: baseURL, APIUser: user, APIPassword: password}
	if err := c.call(ctx, "verify Jira integration", http.MethodPost, pathIntegrationVerify, nil, body, &out); err != nil {
		return false, err
	}
	return out.IsSuccess, nil
}
