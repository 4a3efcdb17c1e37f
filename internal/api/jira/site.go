package jira

import (
	"context"
	"net/url"
	"strings"
)

// ServerInfo reads the site's version and deployment type. Jira serves it
// to anonymous callers; see the package documentation for when credentials
// are sent.
func (c *Client) ServerInfo(ctx context.Context) (ServerInfo, error) {
	var si ServerInfo
	err := c.getPublic(ctx, "read server info", pathServerInfo, &si)
	return si, err
}

// IsCloud reports whether si describes a Jira Cloud site: by its
// deployment type, or, when a very old Server version leaves that out, by a
// base URL on atlassian.net or jira.com.
func IsCloud(si ServerInfo) bool {
	if si.DeploymentType != "" {
		return strings.EqualFold(si.DeploymentType, DeploymentCloud)
	}
	u, err := url.Parse(si.BaseURL)
	if err != nil {
		return false
	}
	host := strings.ToLower(u.Hostname())
	return strings.HasSuffix(host, ".atlassian.net") || strings.HasSuffix(host, ".jira.com")
}

// ServiceDeskInfo reads the version and licence state of Jira Service
// Management. Jira serves it to anonymous callers; a site without Jira
// Service Management answers 404 (errors.Is(err, api.ErrNotFound)).
func (c *Client) ServiceDeskInfo(ctx context.Context) (ServiceDeskInfo, error) {
	var info serviceDeskInfoWire
	if err := c.getPublic(ctx, "read Service Management info", pathServiceDeskInfo, &info); err != nil {
		return ServiceDeskInfo{}, err
	}
	return info.info(), nil
}
