package jitterbit

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// ListJSMConnections returns every Jira Service Management connection of a
// project in an environment; the contract lists one project of one
// environment at a time, so both are required. Secrets come back empty.
func (c *Client) ListJSMConnections(ctx context.Context, environmentID, projectGUID string) ([]JSMConnection, error) {
	const op = "list JSM connections"
	if err := requireProjectKey(op, environmentID, projectGUID); err != nil {
		return nil, err
	}
	q := url.Values{"environmentId": {environmentID}, "projectGuid": {projectGUID}}
	return listAll[JSMConnection](ctx, c, op, pathJSMConnections, q)
}

// EachJSMConnection hands every Jira Service Management connection of a
// project in an environment to yield, one page at a time, and fetches no
// further page once yield returns false. Secrets come back empty.
func (c *Client) EachJSMConnection(ctx context.Context, environmentID, projectGUID string, yield func(JSMConnection) bool) error {
	const op = "list JSM connections"
	if err := requireProjectKey(op, environmentID, projectGUID); err != nil {
		return err
	}
	q := url.Values{"environmentId": {environmentID}, "projectGuid": {projectGUID}}
	return eachOf(ctx, c, op, pathJSMConnections, q, yield)
}

// FindJSMConnection looks a connection up by environment, project and name,
// the name compared without regard to case.
func (c *Client) FindJSMConnection(ctx context.Context, environmentID, projectGUID, name string) (JSMConnection, bool, error) {
	const op = "find JSM connection"
	if err := requireProjectKey(op, environmentID, projectGUID); err != nil {
		return JSMConnection{}, false, err
	}
	q := url.Values{"environmentId": {environmentID}, "projectGuid": {projectGUID}, "name": {name}}
	conns, err := listAll[JSMConnection](ctx, c, op, pathJSMConnections, q)
	if err != nil {
		return JSMConnection{}, false, err
	}
	for _, conn := range conns {
		if conn.EnvironmentID == environmentID && conn.ProjectGUID == projectGUID && strings.EqualFold(conn.Name, name) {
			return conn, true, nil
		}
	}
	return JSMConnection{}, false, nil
}

// GetJSMConnection reads one connection by id. Secrets come back empty.
func (c *Client) GetJSMConnection(ctx context.Context, id string) (JSMConnection, error) {
	const op = "read JSM connection"
	if err := requireID(op, id); err != nil {
		return JSMConnection{}, err
	}
	var conn JSMConnection
	err := c.contractCall(ctx, op, http.MethodGet, pathJSMConnection(id), nil, nil, &conn)
	return conn, err
}

// CreateJSMConnection creates a connection and returns it as stored, with
// its id and without secrets; conn.ID is ignored. When the answer is lost
// (a transport failure or a 5xx), the connection is looked up by
// environment, project and name rather than created twice.
func (c *Client) CreateJSMConnection(ctx context.Context, conn JSMConnection) (JSMConnection, error) {
	const op = "create JSM connection"
	// Without the contract nothing is created, and nothing is to be found.
	if err := c.CheckContract(ctx); err != nil {
		return JSMConnection{}, err
	}
	conn.ID = ""
	var created JSMConnection
	post := func(ctx context.Context) error {
		if err := c.contractCall(ctx, op, http.MethodPost, pathJSMConnections, nil, conn, &created); err != nil {
			return err
		}
		if created.ID == "" {
			return &api.DecodeError{Product: productName, Operation: op, StatusCode: http.StatusCreated,
				Err: errors.New("the created connection has no id")}
		}
		return nil
	}
	find := func(ctx context.Context) (bool, error) {
		found, ok, err := c.FindJSMConnection(ctx, conn.EnvironmentID, conn.ProjectGUID, conn.Name)
		if ok {
			created = found
		}
		return ok, err
	}
	if err := api.CreateOnce(ctx, c.http.MaxRetries(), post, find); err != nil {
		return JSMConnection{}, err
	}
	return created, nil
}

// UpdateJSMConnection replaces a connection's fields and returns it as
// stored. An empty secret keeps the stored one; conn.ID is ignored.
func (c *Client) UpdateJSMConnection(ctx context.Context, id string, conn JSMConnection) (JSMConnection, error) {
	const op = "update JSM connection"
	if err := requireID(op, id); err != nil {
		return JSMConnection{}, err
	}
	conn.ID = ""
	var updated JSMConnection
	err := c.contractCall(ctx, op, http.MethodPut, pathJSMConnection(id), nil, conn, &updated)
	return updated, err
}

// DeleteJSMConnection deletes a connection.
func (c *Client) DeleteJSMConnection(ctx context.Context, id string) error {
	const op = "delete JSM connection"
	if err := requireID(op, id); err != nil {
		return err
	}
	return c.contractCall(ctx, op, http.MethodDelete, pathJSMConnection(id), nil, nil, nil)
}

// requireID rejects an empty id before anything is sent.
func requireID(op, id string) error {
	if id == "" {
		return fmt.Errorf("%s %s: the connection id is empty", productName, op)
	}
	return nil
}
