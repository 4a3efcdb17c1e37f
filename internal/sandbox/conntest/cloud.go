package conntest

import (
	"net/url"
	"strings"
)

// IsJiraCloud reports whether siteURL is the URL of a Jira Cloud site, by
// Atlassian's rule: a host below atlassian.net (https://acme.atlassian.net),
// or a site reached through Atlassian's API gateway,
// https://api.atlassian.com/ex/jira/{cloudId}, the only way in for scoped
// and service-account API tokens. Hosts compare without regard to case; a
// URL that does not parse is not Cloud.
func IsJiraCloud(siteURL string) bool {
	u, err := url.Parse(strings.TrimSpace(siteURL))
	if err != nil {
		return false
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if strings.HasSuffix(host, ".atlassian.net") {
		return true
	}
	if host != "api.atlassian.com" {
		return false
	}
	segments := strings.Split(strings.TrimPrefix(u.EscapedPath(), "/"), "/")
	return len(segments) >= 3 && segments[0] == "ex" && segments[1] == "jira" && segments[2] != ""
}
