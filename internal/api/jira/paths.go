package jira

import "net/url"

// Endpoint paths of Jira's public REST API, relative to the site URL. Each
// is documented by Atlassian for Jira Cloud, Server and Data Center alike,
// unless its comment says otherwise.
const (
	pathServerInfo    = "/rest/api/2/serverInfo"
	pathMyself        = "/rest/api/2/myself"
	pathMyPermissions = "/rest/api/2/mypermissions"
	pathResolutions   = "/rest/api/2/resolution" // deprecated on Cloud
	// pathResolutionSearch is Cloud's paged list of resolutions; Server and
	// Data Center do not serve it.
	pathResolutionSearch = "/rest/api/2/resolution/search"
	pathProjects         = "/rest/api/2/project"
	pathServiceDeskInfo  = "/rest/servicedeskapi/info"
)

func pathProject(key string) string { return pathProjects + "/" + url.PathEscape(key) }
