package conntest

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// Paths of Jira's public REST API a test reads, relative to the site URL.
const (
	connJiraServerInfo    = "/rest/api/2/serverInfo"
	connJiraMyself        = "/rest/api/2/myself"
	connJiraMyPermissions = "/rest/api/2/mypermissions"
)

// JiraRequiredPermissions returns a new slice of the permission keys a test
// of a Jira connection checks, in order: those Jama's classic JIRA
// Connector asks of its Jira user (Browse Projects, Create Issues, Edit
// Issues, Add Comments, Create Attachments).
func JiraRequiredPermissions() []string {
	return []string{"BROWSE_PROJECTS", "CREATE_ISSUES", "EDIT_ISSUES", "ADD_COMMENTS", "CREATE_ATTACHMENTS"}
}

// JiraTarget is the Jira site a connection points at and how the
// connection logs in to it.
type JiraTarget struct {
	SiteURL    string
	Creds      Credentials
	ProjectKey string // optional: the permissions are asked in this project
	// URLProblem, when set, says why SiteURL cannot be connected to at
	// all; the reachability check then fails with it.
	URLProblem string
}

// TestJira tests a connection to a Jira site: reachability and TLS with
// the anonymous serverInfo, authentication with myself (a personal access
// token is refused on Jira Cloud without being sent), the username rule of
// Jira Cloud for Basic credentials, then each permission of
// JiraRequiredPermissions with mypermissions.
func (t Tester) TestJira(ctx context.Context, target JiraTarget) Result {
	run := t.start()
	if target.URLProblem != "" {
		run.fail(CheckReachability, target.URLProblem)
		return run.result()
	}
	probe := t.newProbe(true)
	defer probe.close()

	site := strings.TrimRight(target.SiteURL, "/")
	serverInfo, ok := run.reach(ctx, probe, site+connJiraServerInfo)
	if !ok {
		return run.result()
	}
	cloud := jiraSiteIsCloud(site, serverInfo)
	if cloud && target.Creds.pat {
		run.fail(CheckAuthentication, "Jira Cloud has no personal access tokens: "+
			"log in with the account's email address and an API token instead")
		return run.result()
	}
	if !run.jiraAuthentication(ctx, probe, site, target.Creds) {
		return run.result()
	}
	if target.Creds.basic() && cloud && !run.jiraUsername(target.Creds.username) {
		return run.result()
	}
	run.jiraPermissions(ctx, probe, site, target)
	return run.result()
}

// jiraSiteIsCloud reports whether the site is Jira Cloud: by the
// serverInfo answer's deploymentType, else by the base URL it reports or
// the site URL (IsJiraCloud).
func jiraSiteIsCloud(site string, serverInfo connAnswer) bool {
	var si jiraServerInfo
	if serverInfo.status == http.StatusOK && json.Unmarshal(serverInfo.body, &si) == nil {
		if si.DeploymentType != "" {
			return strings.EqualFold(si.DeploymentType, "Cloud")
		}
		if si.BaseURL != "" && IsJiraCloud(si.BaseURL) {
			return true
		}
	}
	return IsJiraCloud(site)
}

// jiraAuthentication records the authentication check: myself must answer
// 200 to the credentials.
func (r *connTestRun) jiraAuthentication(ctx context.Context, p *connProbe, site string, creds Credentials) bool {
	if creds.missing != "" {
		r.fail(CheckAuthentication, creds.missing)
		return false
	}
	answer, err := p.get(ctx, site+connJiraMyself, creds)
	if err != nil {
		r.fail(CheckAuthentication, describeRequestFailure(err))
		return false
	}
	if busyStatus(answer.status) {
		r.notChecked(CheckAuthentication, describeBusy(describeJiraRefusal(answer), answer))
		return false
	}
	if answer.status != http.StatusOK {
		r.fail(CheckAuthentication, describeJiraRefusal(answer))
		return false
	}
	var me jiraUser
	if err := json.Unmarshal(answer.body, &me); err != nil || cmp.Or(me.AccountID, me.Key, me.Name) == "" {
		r.fail(CheckAuthentication, "HTTP 200, but the answer is not Jira's user: "+excerpt(answer.body))
		return false
	}
	login := cmp.Or(me.EmailAddress, me.Name, me.AccountID)
	how := ""
	if creds.pat {
		how = " with a personal access token"
	}
	r.pass(CheckAuthentication, fmt.Sprintf("logged in as %s (%s)%s", me.DisplayName, login, how))
	return true
}

// jiraUsername records the username check of Jira Cloud, where accounts
// log in with their email address.
func (r *connTestRun) jiraUsername(username string) bool {
	if kernel.IsEmail(username) {
		r.pass(CheckUsername, fmt.Sprintf("%q is an email address, as Jira Cloud requires", username))
		return true
	}
	r.fail(CheckUsername, fmt.Sprintf("%q is not an email address: on Jira Cloud the username must be the account's email address, with an API token as password", username))
	return false
}

// jiraPermissions records one check per required permission. When Jira
// does not answer the question, one permissions check fails with its
// answer.
func (r *connTestRun) jiraPermissions(ctx context.Context, p *connProbe, site string, target JiraTarget) {
	keys := JiraRequiredPermissions()
	q := url.Values{"permissions": {strings.Join(keys, ",")}}
	if target.ProjectKey != "" {
		q.Set("projectKey", target.ProjectKey)
	}
	answer, err := p.get(ctx, site+connJiraMyPermissions+"?"+q.Encode(), target.Creds)
	if err != nil {
		r.fail(CheckPermissions, describeRequestFailure(err))
		return
	}
	if busyStatus(answer.status) {
		r.notChecked(CheckPermissions, describeBusy(describeJiraRefusal(answer), answer))
		return
	}
	if answer.status != http.StatusOK {
		r.fail(CheckPermissions, describeJiraRefusal(answer))
		return
	}
	var held jiraPermissions
	if err := json.Unmarshal(answer.body, &held); err != nil || held.Permissions == nil {
		r.fail(CheckPermissions, "HTTP 200, but the answer is not Jira's permissions: "+excerpt(answer.body))
		return
	}
	for _, key := range keys {
		if held.Permissions[key].HavePermission {
			r.pass(CheckPermission+key, "granted")
		} else {
			r.fail(CheckPermission+key, "missing")
		}
	}
}

// describeJiraRefusal is the detail of a Jira answer other than 200:
// "HTTP 401: " and Jira's errorMessages and errors, or the status text.
func describeJiraRefusal(answer connAnswer) string {
	var body jiraErrorBody
	var parts []string
	if json.Unmarshal(answer.body, &body) == nil {
		parts = append(parts, body.ErrorMessages...)
		for _, field := range slices.Sorted(maps.Keys(body.Errors)) {
			parts = append(parts, field+": "+body.Errors[field])
		}
	}
	if len(parts) == 0 {
		return fmt.Sprintf("HTTP %d %s", answer.status, http.StatusText(answer.status))
	}
	return fmt.Sprintf("HTTP %d: %s", answer.status, strings.Join(parts, "; "))
}
