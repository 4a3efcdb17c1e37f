package jira

import (
	"net/http"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// TestJiraPersonalAccessTokens checks that Server and Data Center log in
// with a personal access token sent as a bearer token, as the token's
// account, and that a wrong one is Jira's 401.
func TestJiraPersonalAccessTokens(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	for _, site := range allJiraSites[1:] {
		for token, want := range map[string]string{
			JiraAdminPersonalAccessToken: kernel.DefaultUsername,
			JiraSyncPersonalAccessToken:  JiraSyncAccount,
		} {
			r := site.Get(t, ts, wiretest.Bearer(token), "/rest/api/2/myself?expand=groups")
			wiretest.WantStatus(t, r, http.StatusOK)
			if u := decodeJira[jiraServerUser](t, r); u.Name != want || u.Key == "" {
				t.Errorf("%s: token %s logs in as %+v, want %s", site.kind, token, u, want)
			}
			wiretest.WantStatus(t, site.Get(t, ts, wiretest.Bearer(token), "/rest/api/2/mypermissions?permissions=BROWSE_PROJECTS"), http.StatusOK)
		}
		for name, auth := range map[string]wiretest.AuthFunc{
			"unknown token":        wiretest.Bearer("sandbox-nobody-pat"),
			"API token as bearer":  wiretest.Bearer(JiraAPIToken),
			"token as a password":  wiretest.BasicAuth(kernel.DefaultUsername, JiraAdminPersonalAccessToken),
			"empty bearer":         func(r *http.Request) { r.Header.Set("Authorization", "Bearer ") },
			"another scheme":       func(r *http.Request) { r.Header.Set("Authorization", "Token "+JiraAdminPersonalAccessToken) },
			"anonymous route, bad": wiretest.Bearer("wrong"),
		} {
			route := "/rest/api/2/myself"
			if name == "anonymous route, bad" {
				route = "/rest/api/2/serverInfo"
			}
			t.Run(site.kind+"/"+name, func(t *testing.T) {
				wantJiraUnauthorized(t, site.Get(t, ts, auth, route))
			})
		}
	}
}

// TestJiraPersonalAccessTokens_CloudRefuses checks that Jira Cloud, which
// has no personal access tokens, refuses them, on its own URL and through
// the gateway.
func TestJiraPersonalAccessTokens_CloudRefuses(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	for _, site := range []jiraSite{allJiraSites[0], cloudGatewaySite} {
		for _, token := range []string{JiraAdminPersonalAccessToken, JiraSyncPersonalAccessToken} {
			wantJiraUnauthorized(t, site.Get(t, ts, wiretest.Bearer(token), "/rest/api/2/myself"))
		}
	}
}

// TestJiraCloudGateway checks the Cloud site in the shape of
// https://api.atlassian.com/ex/jira/{cloudId}: the same site, whose
// serverInfo reports the site's own base URL, while self links keep the
// gateway URL.
func TestJiraCloudGateway(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	r := cloudGatewaySite.Get(t, ts, wiretest.NoAuth, "/rest/api/2/serverInfo")
	wiretest.WantStatus(t, r, http.StatusOK)
	if info := decodeJira[jiraServerInfo](t, r); info.DeploymentType != "Cloud" || info.BaseURL != ts.URL+JiraCloudPath {
		t.Errorf("serverInfo = %+v, want Cloud at %s", info, ts.URL+JiraCloudPath)
	}
	r = cloudGatewaySite.Get(t, ts, asJiraSync, "/rest/api/2/myself")
	wiretest.WantStatus(t, r, http.StatusOK)
	u := decodeJira[jiraCloudUser](t, r)
	if u.EmailAddress != JiraSyncAccount || u.Self != ts.URL+JiraCloudGatewayPath+"/rest/api/2/user?accountId="+u.AccountID {
		t.Errorf("user = %+v", u)
	}
	wiretest.WantStatus(t, cloudGatewaySite.Get(t, ts, asJiraSync, "/rest/api/2/resolution/search"), http.StatusOK)
	wantJiraError(t, wiretest.Call(t, ts, asJiraSync, http.MethodGet, JiraCloudPath+"/ex/jira/00000000-0000-0000-0000-000000000000/rest/api/2/myself", nil),
		http.StatusNotFound, "no resource")
}
