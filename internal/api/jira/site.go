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
	if err := c.getPublic(ctx, "read server info", pathServerInfo, &si); err != nil {
		return ServerInfo{}, err
	}
	c.learnDeployment(IsCloud(si))
	return si, nil
}

// IsCloud reports whether si describes a Jira Cloud site: by its
// deployment type, or, when a very old Server version leaves that out, by a
// base URL that IsCloudURL calls Cloud or one on jira.com (the hosts of
// Atlassian's former hosted Jira).
func IsCloud(si ServerInfo) bool {
	if si.DeploymentType != "" {
		return strings.EqualFold(si.DeploymentType, DeploymentCloud)
	}
	u, err := url.Parse(si.BaseURL)
	if err != nil {
		return false
	}
	return IsCloudURL(u) || strings.HasSuffix(strings.ToLower(u.Hostname()), ".jira.com")
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
