package aqua

import (
	"context"
	"net/http"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// SyncTestRequest is the optional body of the contract's
// POST .../definitions/{id}/test: extra CA certificates (PEM) trusted for
// this test, in addition to the system roots.
type SyncTestRequest struct {
	TrustedCAPEM string `json:"TrustedCaPem,omitempty"`
}

// SyncTestResult is the answer of the contract's
// POST .../definitions/{id}/test, api.ConnectionTest in aqua's PascalCase.
type SyncTestResult struct {
	Success    bool            `json:"Success"`
	Message    string          `json:"Message"`
	CheckedAt  time.Time       `json:"CheckedAt"`
	DurationMS int64           `json:"DurationMs"`
	Checks     []SyncTestCheck `json:"Checks"`
}

// SyncTestCheck is one check of a SyncTestResult.
type SyncTestCheck struct {
	Name    string `json:"Name"`
	Success bool   `json:"Success"`
	Detail  string `json:"Detail"`
}

// ConnectionTest returns r as the product-neutral api.ConnectionTest.
func (r SyncTestResult) ConnectionTest() api.ConnectionTest {
	checks := make([]api.ConnectionCheck, 0, len(r.Checks))
	for _, c := range r.Checks {
		checks = append(checks, api.ConnectionCheck{Name: c.Name, Success: c.Success, Detail: c.Detail})
	}
	return api.ConnectionTest{Success: r.Success, Message: r.Message, CheckedAt: r.CheckedAt,
		DurationMS: r.DurationMS, Checks: checks}
}

// TestSyncDefinition runs the definition's connection test: aqua connects
// to the definition's Jira with the configuration user's credentials and
// reports each check, the permissions in JiraProjectKey included.
// trustedCAPEM, when not empty, holds extra CA certificates (PEM) aqua
// trusts for this test. A failed test is a result with Success false, not
// an error; an unknown id matches api.ErrNotFound.
func (c *Client) TestSyncDefinition(ctx context.Context, id int64, trustedCAPEM string) (api.ConnectionTest, error) {
	var result SyncTestResult
	body := SyncTestRequest{TrustedCAPEM: trustedCAPEM}
	if err := c.contractCall(ctx, "test sync definition", http.MethodPost, pathSyncDefinitionTest(id), nil, body, &result); err != nil {
		return api.ConnectionTest{}, err
	}
	return result.ConnectionTest(), nil
}
