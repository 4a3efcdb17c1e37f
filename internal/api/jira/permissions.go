package jira

import (
	"context"
	"net/url"
	"strings"
)

// Keys of the project permissions a Jira account needs to synchronize
// issues, as Jira names them.
const (
	PermissionBrowseProjects    = "BROWSE_PROJECTS"
	PermissionCreateIssues      = "CREATE_ISSUES"
	PermissionEditIssues        = "EDIT_ISSUES"
	PermissionAddComments       = "ADD_COMMENTS"
	PermissionCreateAttachments = "CREATE_ATTACHMENTS"
	PermissionModifyReporter    = "MODIFY_REPORTER"
)

// DefaultRequiredPermissions returns a new slice of the permissions Jama's
// classic JIRA Connector requires of its Jira user: Browse Projects, Create
// Issues, Edit Issues, Add Comments and Create Attachments. Modify Reporter
// (PermissionModifyReporter) is left out: the connector needs it only when
// it maps the Assignee field, so callers add it in that case.
func DefaultRequiredPermissions() []string {
	return []string{
		PermissionBrowseProjects,
		PermissionCreateIssues,
		PermissionEditIssues,
		PermissionAddComments,
		PermissionCreateAttachments,
	}
}

// MyPermissions reports which of the permissions keys the account holds,
// keyed by permission key. With a projectKey the answer is about that
// project (an unknown project is a 404, errors.Is(err, api.ErrNotFound));
// without, a project permission counts when the account holds it in any
// project. Jira Cloud requires at least one key (400 otherwise); Jira
// Server and Data Center answer every permission when keys is empty. An
// unknown key is Jira's 400.
func (c *Client) MyPermissions(ctx context.Context, keys []string, projectKey string) (map[string]Permission, error) {
	q := url.Values{}
	if len(keys) > 0 {
		q.Set("permissions", strings.Join(keys, ","))
	}
	if projectKey != "" {
		q.Set("projectKey", projectKey)
	}
	var answer permissionsWire
	if err := c.get(ctx, "read permissions", pathMyPermissions, q, authenticated, &answer); err != nil {
		return nil, err
	}
	for key, p := range answer.Permissions {
		if p.Key == "" {
			p.Key = key
			answer.Permissions[key] = p
		}
	}
	return answer.Permissions, nil
}
