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

// EachUser hands every user of the instance to yield (inactive users too
// when includeInactive is set), one page of MaxMaxResults at a time, and
// fetches no further page once yield returns false.
func (c *Client) EachUser(ctx context.Context, includeInactive bool, yield func(User) bool) error {
	q := url.Values{}
	if includeInactive {
		q.Set("includeInactive", "true")
	}
	return eachPage(ctx, "list users", pathUsers, q, c.rest.Call, yield)
}

// ListJiraConnections returns every connection of the JIRA Connector, one
// request per page. Secrets come back empty, as from GetJiraConnection.
func (c *Client) ListJiraConnections(ctx context.Context) ([]JiraConnection, error) {
	return ContractList[JiraConnection](ctx, c.rest, "list JIRA connections", routeJiraConnections, nil)
}

// EachJiraConnection hands every connection of the JIRA Connector to
// yield, one page at a time, and fetches no further page once yield
// returns false. Secrets come back empty.
func (c *Client) EachJiraConnection(ctx context.Context, yield func(JiraConnection) bool) error {
	return ContractEach(ctx, c.rest, "list JIRA connections", routeJiraConnections, nil, yield)
}
