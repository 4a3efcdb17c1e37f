package aqua

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

// ListProjects returns the projects the client's user can see.
func (c *Client) ListProjects(ctx context.Context) ([]Project, error) {
	var projects []Project
	err := c.call(ctx, "list projects", http.MethodGet, pathProjects, nil, nil, &projects)
	return projects, err
}

// GetProject reads one project by id.
func (c *Client) GetProject(ctx context.Context, id int64) (Project, error) {
	var p Project
	err := c.call(ctx, "read project", http.MethodGet, pathProject(id), nil, nil, &p)
	return p, err
}

// ListAssignments returns the members of a project with their roles.
func (c *Client) ListAssignments(ctx context.Context, projectID int64) ([]UserAssignment, error) {
	var members []UserAssignment
	err := c.call(ctx, "list project assignments", http.MethodGet, pathAssignments(projectID), nil, nil, &members)
	return members, err
}

// FindAssignment returns a user's assignment in a project, if any.
func (c *Client) FindAssignment(ctx context.Context, projectID, userID int64) (UserAssignment, bool, error) {
	members, err := c.ListAssignments(ctx, projectID)
	if err != nil {
		return UserAssignment{}, false, err
	}
	for _, m := range members {
		if m.UserID == userID {
			return m, true, nil
		}
	}
	return UserAssignment{}, false, nil
}

// AddAssignment makes a user a member of a project with role, e.g.
// RoleProjectAdministrator. If the answer is lost, the project's members
// are checked rather than the user added twice.
func (c *Client) AddAssignment(ctx context.Context, projectID, userID int64, role string) error {
	req := AssignmentRequest{UserID: userID, RoleName: role}
	return c.create(ctx, "add project assignment", pathAssignments(projectID), req, nil,
		func(ctx context.Context) (bool, error) {
			_, found, err := c.FindAssignment(ctx, projectID, userID)
			return found, err
		})
}

// UpdateAssignment changes a member's role in a project.
func (c *Client) UpdateAssignment(ctx context.Context, projectID, userID int64, role string) error {
	req := AssignmentRequest{UserID: userID, RoleName: role}
	return c.call(ctx, "update project assignment", http.MethodPatch, pathAssignments(projectID), nil, req, nil)
}

// RemoveAssignment removes a user from a project.
func (c *Client) RemoveAssignment(ctx context.Context, projectID, userID int64) error {
	q := url.Values{"userId": {strconv.FormatInt(userID, 10)}}
	return c.call(ctx, "remove project assignment", http.MethodDelete, pathAssignments(projectID), q, nil, nil)
}
