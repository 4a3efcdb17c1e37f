package jira

import (
	"net/url"
	"strings"
)

// Hosts of Jira Cloud.
const (
	// cloudSiteSuffix ends the host of every Jira Cloud site, e.g.
	// acme.atlassian.net.
	cloudSiteSuffix = ".atlassian.net"
	// cloudGatewayHost is Atlassian's API gateway, through which scoped
	// API tokens, service accounts and OAuth 2.0 apps reach a site:
	// https://api.atlassian.com/ex/jira/{cloudId}.
	cloudGatewayHost = "api.atlassian.com"
)

// IsCloudURL reports whether u is the URL of a Jira Cloud site: a host
// below atlassian.net (https://acme.atlassian.net), or a site reached
// through Atlassian's API gateway, https://api.atlassian.com/ex/jira/{cloudId},
// as scoped and service-account API tokens require. Hosts compare without
// regard to case; a nil URL is not Cloud.
func IsCloudURL(u *url.URL) bool {
	if u == nil {
		return false
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if strings.HasSuffix(host, cloudSiteSuffix) {
		return true
	}
	if host != cloudGatewayHost {
		return false
	}
	segments := strings.Split(strings.TrimPrefix(u.EscapedPath(), "/"), "/")
	return len(segments) >= 3 && segments[0] == "ex" && segments[1] == "jira" && segments[2] != ""
}
