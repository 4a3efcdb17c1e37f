package jira

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Paging of GET /rest/api/2/resolution/search.
const (
	// resolutionPageSize is the maxResults asked for, Jira Cloud's default.
	resolutionPageSize = 50
	// maxResolutionPages bounds the pages read, against a site that never
	// says its last page has come.
	maxResolutionPages = 200
)

// Resolutions lists the site's issue resolutions, e.g. Fixed and Won't Fix,
// in the site's order. On Jira Cloud, where GET /rest/api/2/resolution is
// deprecated, it reads every page of GET /rest/api/2/resolution/search; on
// Jira Server and Data Center the plain list. Whether the site is Cloud
// comes from its URL (IsCloudURL), else from its serverInfo.
func (c *Client) Resolutions(ctx context.Context) ([]Resolution, error) {
	cloud, err := c.isCloud(ctx)
	if err != nil {
		return nil, err
	}
	if cloud {
		return c.searchResolutions(ctx)
	}
	var list resolutionsWire
	if err := c.get(ctx, "list resolutions", pathResolutions, nil, authenticated, &list); err != nil {
		return nil, err
	}
	return list, nil
}

// searchResolutions reads every page of the paged resolution search.
func (c *Client) searchResolutions(ctx context.Context) ([]Resolution, error) {
	const op = "list resolutions"
	out := []Resolution{}
	for range maxResolutionPages {
		q := url.Values{
			"startAt":    {strconv.Itoa(len(out))},
			"maxResults": {strconv.Itoa(resolutionPageSize)},
		}
		var page resolutionPageWire
		if err := c.get(ctx, op, pathResolutionSearch, q, authenticated, &page); err != nil {
			return nil, err
		}
		for _, r := range page.Values {
			out = append(out, r.resolution())
		}
		if page.IsLast || len(page.Values) == 0 || (page.Total > 0 && len(out) >= page.Total) {
			return out, nil
		}
	}
	return nil, fmt.Errorf("%s %s: more than %d pages of resolutions without a last page", productName, op, maxResolutionPages)
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
