package aqua

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// ListProjects returns the projects the client's user is assigned to
// (GET /api/Project).
func (c *Client) ListProjects(ctx context.Context) ([]Project, error) {
	var projects []Project
	err := c.call(ctx, "list projects", http.MethodGet, pathProjects, nil, nil, &projects)
	return projects, err
}

// GetProject reads one project by id (GET /api/Project/{id}).
func (c *Client) GetProject(ctx context.Context, id int64) (Project, error) {
	var p Project
	err := c.call(ctx, "read project", http.MethodGet, pathProject(id), nil, nil, &p)
	return p, err
}

// ListAssignments returns the users assigned to a project itself, not to
// its folders, with their roles
// (GET /api/Project/{projectId}/UserAssignment).
func (c *Client) ListAssignments(ctx context.Context, projectID int64) ([]UserAssignment, error) {
	var list UserAssignmentList
	err := c.call(ctx, "list project assignments", http.MethodGet, pathAssignments(projectID), nil, nil, &list)
	if err != nil {
		return nil, err
	}
	project := make([]UserAssignment, 0, len(list.Assignments))
	for _, a := range list.Assignments {
		if a.FolderID == 0 {
			project = append(project, a)
		}
	}
	return project, nil
}

// FindAssignment returns a user's assignment to a project, if any.
func (c *Client) FindAssignment(ctx context.Context, projectID, userID int64) (UserAssignment, bool, error) {
	assignments, err := c.ListAssignments(ctx, projectID)
	if err != nil {
		return UserAssignment{}, false, err
	}
	for _, a := range assignments {
		if a.User.ID == userID {
			return a, true, nil
		}
	}
	return UserAssignment{}, false, nil
}

// AddAssignment assigns a user to a project with the role called roleName,
// e.g. RoleProjectAdministrator
// (POST /api/Project/{projectId}/UserAssignment with FolderId 0). The
// role's id is looked up first (see FindRole). If the answer is lost, the
// project's assignments are checked rather than the user assigned twice.
func (c *Client) AddAssignment(ctx context.Context, projectID, userID int64, roleName string) error {
	role, err := c.FindRole(ctx, roleName)
	if err != nil {
		return err
	}
	req := AssignmentRequest{UserID: userID, FolderID: 0, RoleID: role.ID}
	post := c.poster("add project assignment", pathAssignments(projectID), nil, req, nil)
	return api.CreateOnce(ctx, c.http.MaxRetries(), post, func(ctx context.Context) (bool, error) {
		_, found, err := c.FindAssignment(ctx, projectID, userID)
		return found, err
	})
}

// UpdateAssignment gives a user assigned to a project the role called
// roleName (PATCH /api/Project/{projectId}/UserAssignment?userId=&folderId=0,
// operation Replace).
func (c *Client) UpdateAssignment(ctx context.Context, projectID, userID int64, roleName string) error {
	role, err := c.FindRole(ctx, roleName)
	if err != nil {
		return err
	}
	body := AssignmentReplace{OperationType: OperationReplace, NewRoleID: role.ID}
	return c.call(ctx, "update project assignment", http.MethodPatch, pathAssignments(projectID), projectLevel(userID), body, nil)
}

// RemoveAssignment removes a user from a project
// (DELETE /api/Project/{projectId}/UserAssignment?userId=&folderId=0).
func (c *Client) RemoveAssignment(ctx context.Context, projectID, userID int64) error {
	return c.call(ctx, "remove project assignment", http.MethodDelete, pathAssignments(projectID), projectLevel(userID), nil, nil)
}

// projectLevel is the query naming a user's assignment to the project
// itself (folder 0).
func projectLevel(userID int64) url.Values {
	return url.Values{"userId": {strconv.FormatInt(userID, 10)}, "folderId": {"0"}}
}
