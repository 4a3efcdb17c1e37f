package jama

import (
	"context"
	"net/http"
	"net/url"
)

// CheckJiraConnectorContract runs the discovery of the JIRA Connector
// contract at the client's contract URL, once per client: nil when it is
// served, a *contract.AbsentError or *contract.VersionError when not. Every
// JIRA connection method runs it first.
func (c *Client) CheckJiraConnectorContract(ctx context.Context) error {
	return c.rest.CheckContract(ctx)
}

// JiraConnectorContractURL is the full URL of a route of the JIRA Connector
// contract, e.g. ".../almsync/jama-jira-connector/v1/connections".
func (c *Client) JiraConnectorContractURL(route string) string { return c.rest.ContractURL(route) }

// GetJiraConnection reads one JIRA Connector connection by id. The answer
// never holds the Jira password. List-backed when many connections are
// read (see Client).
func (c *Client) GetJiraConnection(ctx context.Context, id int64) (JiraConnection, error) {
	return c.jiraConns.Get(ctx, id, func(ctx context.Context) (JiraConnection, error) {
		var conn JiraConnection
		_, err := c.rest.ContractCall(ctx, "read JIRA connection", http.MethodGet, routeJiraConnection(id), nil, nil, &conn)
		return conn, err
	})
}

// FindJiraConnection looks up the connection to the Jira instance at
// jiraURL, compared ignoring case and a trailing slash.
func (c *Client) FindJiraConnection(ctx context.Context, jiraURL string) (JiraConnection, bool, error) {
	q := url.Values{"jiraUrl": {jiraURL}}
	conns, err := ContractList[JiraConnection](ctx, c.rest, "find JIRA connection", routeJiraConnections, q)
	if err != nil {
		return JiraConnection{}, false, err
	}
	for _, conn := range conns {
		if SameJiraURL(conn.JiraURL, jiraURL) {
			return conn, true, nil
		}
	}
	return JiraConnection{}, false, nil
}

// CreateJiraConnection creates a connection and returns its id. conn.ID is
// ignored. If the answer is lost, the connection is looked up by its Jira
// URL rather than created twice.
func (c *Client) CreateJiraConnection(ctx context.Context, conn JiraConnection) (int64, error) {
	conn.ID = 0
	id, err := c.rest.ContractCreate(ctx, "create JIRA connection", routeJiraConnections, conn, func(ctx context.Context) (int64, bool, error) {
		found, ok, err := c.FindJiraConnection(ctx, conn.JiraURL)
		return found.ID, ok, err
	})
	if id != 0 {
		c.jiraConns.Forget(id)
	}
	return id, err
}

// UpdateJiraConnection replaces a connection's fields. An empty
// JiraPassword keeps the stored password; conn.ID is ignored.
func (c *Client) UpdateJiraConnection(ctx context.Context, id int64, conn JiraConnection) error {
	c.jiraConns.Forget(id)
	conn.ID = 0
	_, err := c.rest.ContractCall(ctx, "update JIRA connection", http.MethodPut, routeJiraConnection(id), nil, conn, nil)
	return err
}

// DeleteJiraConnection deletes a connection.
func (c *Client) DeleteJiraConnection(ctx context.Context, id int64) error {
	c.jiraConns.Forget(id)
	_, err := c.rest.ContractCall(ctx, "delete JIRA connection", http.MethodDelete, routeJiraConnection(id), nil, nil, nil)
	return err
}
