package jira

import (
	"context"
	"fmt"
	"strings"
)

// Resolutions lists the site's issue resolutions, e.g. Fixed and Won't Fix.
func (c *Client) Resolutions(ctx context.Context) ([]Resolution, error) {
	var list resolutionsWire
	if err := c.get(ctx, "list resolutions", pathResolutions, nil, authenticated, &list); err != nil {
		return nil, err
	}
	return list, nil
}

// Project reads a project by key (or id). An unknown project, or one the
// account may not browse, is a 404: errors.Is(err, api.ErrNotFound).
func (c *Client) Project(ctx context.Context, key string) (Project, error) {
	if strings.TrimSpace(key) == "" {
		return Project{}, fmt.Errorf("%s read project: the project key is empty", productName)
	}
	var p Project
	err := c.get(ctx, "read project", pathProject(key), nil, authenticated, &p)
	return p, err
}
