package sandbox

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

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jira"
)

// Paths of Jira's public REST API a test reads, relative to the site URL.
const (
	connJiraServerInfo    = "/rest/api/2/serverInfo"
	connJiraMyself        = "/rest/api/2/myself"
	connJiraMyPermissions = "/rest/api/2/mypermissions"
)

// connJiraTarget is the Jira site a connection points at and how the
// connection logs in to it.
type connJiraTarget struct {
	siteURL    string
	creds      connCredentials
	projectKey string // optional: the permissions are asked in this project
	// urlProblem, when set, says why siteURL cannot be connected to at
	// all; the reachability check then fails with it.
	urlProblem string
}

// testJira tests a connection to a Jira site: reachability and TLS with
// the anonymous serverInfo, authentication with myself, the username rule
// of Jira Cloud, then each permission of the seed's list with
// mypermissions.
func (t connTester) testJira(ctx context.Context, target connJiraTarget) api.ConnectionTest {
	run := t.start()
	if target.urlProblem != "" {
		run.fail(checkReachability, target.urlProblem)
		return run.result()
	}
	probe := t.newProbe(true)
	defer probe.close()

	site := strings.TrimRight(target.siteURL, "/")
	serverInfo, ok := run.reach(ctx, probe, site+connJiraServerInfo)
	if !ok || !run.jiraAuthentication(ctx, probe, site, target.creds) {
		return run.result()
	}
	if target.creds.basic() && connJiraIsCloud(site, serverInfo) && !run.jiraUsername(target.creds.username) {
		return run.result()
	}
	run.jiraPermissions(ctx, probe, site, target)
	return run.result()
}

// connJiraIsCloud reports whether the site is Jira Cloud: by the
// serverInfo answer, else by its host.
func connJiraIsCloud(site string, serverInfo connAnswer) bool {
	var si jira.ServerInfo
	if serverInfo.status == http.StatusOK && json.Unmarshal(serverInfo.body, &si) == nil &&
		(si.DeploymentType != "" || si.BaseURL != "") {
		return jira.IsCloud(si)
	}
	return jira.IsCloud(jira.ServerInfo{BaseURL: site})
}

// jiraAuthentication records the authentication check: myself must answer
// 200 to the credentials.
func (r *connTestRun) jiraAuthentication(ctx context.Context, p *connProbe, site string, creds connCredentials) bool {
	if creds.missing != "" {
		r.fail(checkAuthentication, creds.missing)
		return false
	}
	answer, err := p.get(ctx, site+connJiraMyself, creds)
	if err != nil {
		r.fail(checkAuthentication, describeRequestFailure(err))
		return false
	}
	if answer.status != http.StatusOK {
		r.fail(checkAuthentication, describeJiraRefusal(answer))
		return false
	}
	var me struct {
		Name         string `json:"name"`
		EmailAddress string `json:"emailAddress"`
		DisplayName  string `json:"displayName"`
		AccountID    string `json:"accountId"`
	}
	if err := json.Unmarshal(answer.body, &me); err != nil {
		r.fail(checkAuthentication, "HTTP 200, but the answer is not Jira's JSON: "+api.Excerpt(answer.body, 120))
		return false
	}
	login := cmp.Or(me.EmailAddress, me.Name, me.AccountID)
	r.pass(checkAuthentication, fmt.Sprintf("logged in as %s (%s)", me.DisplayName, login))
	return true
}

// jiraUsername records the username check of Jira Cloud, where accounts
// log in with their email address.
func (r *connTestRun) jiraUsername(username string) bool {
	if isEmail(username) {
		r.pass(checkUsername, fmt.Sprintf("%q is an email address, as Jira Cloud requires", username))
		return true
	}
	r.fail(checkUsername, fmt.Sprintf("%q is not an email address: on Jira Cloud the username must be the account's email address, with an API token as password", username))
	return false
}

// jiraPermissions records one check per required permission. When Jira
// does not answer the question, one permissions check fails with its
// answer.
func (r *connTestRun) jiraPermissions(ctx context.Context, p *connProbe, site string, target connJiraTarget) {
	keys := jira.DefaultRequiredPermissions()
	q := url.Values{"permissions": {strings.Join(keys, ",")}}
	if target.projectKey != "" {
		q.Set("projectKey", target.projectKey)
	}
	answer, err := p.get(ctx, site+connJiraMyPermissions+"?"+q.Encode(), target.creds)
	if err != nil {
		r.fail(checkPermissions, describeRequestFailure(err))
		return
	}
	if answer.status != http.StatusOK {
		r.fail(checkPermissions, describeJiraRefusal(answer))
		return
	}
	var held struct {
		Permissions map[string]jira.Permission `json:"permissions"`
	}
	if err := json.Unmarshal(answer.body, &held); err != nil {
		r.fail(checkPermissions, "HTTP 200, but the answer is not Jira's JSON: "+api.Excerpt(answer.body, 120))
		return
	}
	for _, key := range keys {
		if held.Permissions[key].HavePermission {
			r.pass(checkPermission+key, "granted")
		} else {
			r.fail(checkPermission+key, "missing")
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
