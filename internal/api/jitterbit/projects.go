package jitterbit

import (
	"context"
	"fmt"
	"net/http"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// ListProjects returns the projects of the organization.
func (c *Client) ListProjects(ctx context.Context) ([]Project, error) {
	return c.listProjects(ctx, "list projects")
}

// GetProject returns the project with the given id. Harmony reads projects
// as one list, so an id missing from it is an error matching
// api.ErrNotFound.
func (c *Client) GetProject(ctx context.Context, id string) (Project, error) {
	const op = "read project"
	projects, err := c.listProjects(ctx, op)
	if err != nil {
		return Project{}, err
	}
	for _, p := range projects {
		if p.ID == id {
			return p, nil
		}
	}
	return Project{}, fmt.Errorf("%s %s: project %q is not among the organization's %d projects: %w",
		productName, op, id, len(projects), api.ErrNotFound)
}

func (c *Client) listProjects(ctx context.Context, op string) ([]Project, error) {
	var projects []Project
	if err := c.call(ctx, op, http.MethodGet, pathProjects, nil, nil, &projects); err != nil {
		return nil, err
	}
	return projects, nil
}
