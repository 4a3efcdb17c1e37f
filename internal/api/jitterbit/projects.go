package jitterbit

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// Environment is one entry of a project's environments (Harmony's envId,
// envName).
type Environment struct {
	ID   string
	Name string
}

// Project is GET /project's data.projects.
type Project struct {
	GUID         string        // guid
	Name         string        // name
	ProjectID    string        // projectId (a number on the wire, kept as text)
	Description  string        // description (null -> "")
	Environments []Environment // environments
}

// GetProject reads an Integration Studio project: GET /project with the
// header organizationId and the query parameters environmentId and
// projectGuid, as Harmony documents it. A project unknown in that
// environment is an *api.Error matching api.ErrNotFound, whether Harmony
// refuses the call or answers no project.
func (c *Client) GetProject(ctx context.Context, environmentID, projectGUID string) (Project, error) {
	const op = "read project"
	if err := requireProjectKey(op, environmentID, projectGUID); err != nil {
		return Project{}, err
	}
	q := url.Values{"environmentId": {environmentID}, "projectGuid": {projectGUID}}
	var res projectResult
	if err := c.call(ctx, op, http.MethodGet, pathProject, q, nil, &res); err != nil {
		return Project{}, err
	}
	var wire projectWire
	if len(bytes.TrimSpace(res.Projects)) > 0 && !bytes.Equal(bytes.TrimSpace(res.Projects), []byte("null")) {
		if err := json.Unmarshal(res.Projects, &wire); err != nil {
			return Project{}, &api.DecodeError{Product: productName, Operation: op, StatusCode: http.StatusOK,
				Err: fmt.Errorf("data.projects: %w", err)}
		}
	}
	if wire.GUID == "" {
		return Project{}, &api.Error{Product: productName, Operation: op, Method: http.MethodGet, Path: pathProject,
			StatusCode: http.StatusNotFound,
			Message:    fmt.Sprintf("no project %q in environment %q", projectGUID, environmentID)}
	}
	return wire.project(), nil
}

// requireProjectKey rejects an empty environment ID or project GUID before
// anything is sent: Harmony requires both.
func requireProjectKey(op, environmentID, projectGUID string) error {
	switch {
	case environmentID == "":
		return fmt.Errorf("%s %s: the environment ID is empty", productName, op)
	case projectGUID == "":
		return fmt.Errorf("%s %s: the project GUID is empty", productName, op)
	}
	return nil
}
