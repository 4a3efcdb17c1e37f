package aqua

import (
	"context"
	"net/http"
)

// JiraResolution is one resolution of the sync's Jira, in Jira's own shape
// (GET /rest/api/2/resolution), passed through by aqua.
type JiraResolution struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

// JiraResolutions lists the resolutions of the sync's Jira, which aqua
// reads with the sync's configuration user, so that a resolution value
// mapping can be checked for completeness.
func (c *Client) JiraResolutions(ctx context.Context, syncID int64) ([]JiraResolution, error) {
	var rs []JiraResolution
	err := c.contractCall(ctx, "list Jira resolutions", http.MethodGet, pathJiraResolutions(syncID), nil, nil, &rs)
	return rs, err
}
