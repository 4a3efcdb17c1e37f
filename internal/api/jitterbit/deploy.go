package jitterbit

import (
	"context"
	"fmt"
	"net/http"
)

// deployProjectRequest is the body of PUT /project: the reference's Deploy
// Project takes the project's GUID and nothing else.
type deployProjectRequest struct {
	ProjectGUID string `json:"projectGuid"`
}

// DeployProject deploys an Integration Studio project: PUT /project with
// the body {"projectGuid"}, as Jitterbit's reference documents Deploy
// Project; Harmony answers the envelope without data. The reference's
// deploy takes no environment: a project is deployed to the environment
// it belongs to, so a caller that means one environment reads the project
// there first (GetProject). A refusal, including HTTP 200 with "success":
// false, is an *api.Error; an unknown project matches api.ErrNotFound when
// Harmony says so by status or error code.
func (c *Client) DeployProject(ctx context.Context, projectGUID string) error {
	const op = "deploy project"
	if projectGUID == "" {
		return fmt.Errorf("%s %s: the project GUID is empty", productName, op)
	}
	return c.call(ctx, op, http.MethodPut, pathProject, nil, deployProjectRequest{ProjectGUID: projectGUID}, nil)
}
