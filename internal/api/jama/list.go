package jama

import (
	"context"
	"net/url"
)

// ListUsers returns every user of the instance, one request per page of
// MaxMaxResults; inactive users too when includeInactive is set.
func (c *Client) ListUsers(ctx context.Context, includeInactive bool) ([]User, error) {
	var q url.Values
	if includeInactive {
		q = url.Values{"includeInactive": {"true"}}
	}
	return List[User](ctx, c.rest, "list users", pathUsers, q)
}

// ListJiraConnections returns every connection of the JIRA Connector, one
// request per page. Secrets come back empty, as from GetJiraConnection.
func (c *Client) ListJiraConnections(ctx context.Context) ([]JiraConnection, error) {
	return ContractList[JiraConnection](ctx, c.rest, "list JIRA connections", routeJiraConnections, nil)
}
