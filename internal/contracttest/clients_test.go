package contracttest_test

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/api/jira"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
	"github.com/almsync/terraform-provider-almsync/internal/contracttest"
)

// The tests of this file replay each golden answer to the provider's
// client and check that the documented values reach the client's result,
// and that the client's requests are the documented ones.

func jamaClient(t *testing.T, url string, creds jama.Credentials) *jama.Client {
	t.Helper()
	c, err := jama.New(url, creds, transportFor(t, "Jama"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var jamaBasic = jama.Credentials{Username: "admin", Password: "sandbox"}

// checkJamaUser compares a client's user with the documentation's.
func checkJamaUser(t *testing.T, got jama.User, want map[string]any) {
	t.Helper()
	active, _ := want["active"].(bool)
	for field, pair := range map[string][2]any{
		"id":          {got.ID, num(want, "id")},
		"username":    {got.Username, str(want, "username")},
		"firstName":   {got.FirstName, str(want, "firstName")},
		"lastName":    {got.LastName, str(want, "lastName")},
		"email":       {got.Email, str(want, "email")},
		"phone":       {got.Phone, str(want, "phone")},
		"title":       {got.Title, str(want, "title")},
		"location":    {got.Location, str(want, "location")},
		"licenseType": {got.LicenseType, str(want, "licenseType")},
		"avatarUrl":   {got.AvatarURL, str(want, "avatarUrl")},
		"active":      {got.Active, active},
	} {
		if pair[0] != pair[1] {
			t.Errorf("%s: the client read %v, the documentation's answer holds %v", field, pair[0], pair[1])
		}
	}
}

func TestJamaClient_CurrentUser(t *testing.T) {
	g := mustGolden(t, contracttest.Jama, "users-current")
	srv, _ := serveGoldens(t, nil, g)
	u, err := jamaClient(t, srv.URL, jamaBasic).CurrentUser(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	checkJamaUser(t, u, responseData(t, g, "data"))
}

func TestJamaClient_GetUser(t *testing.T) {
	g := mustGolden(t, contracttest.Jama, "users-get")
	srv, _ := serveGoldens(t, nil, g)
	u, err := jamaClient(t, srv.URL, jamaBasic).GetUser(t.Context(), 58)
	if err != nil {
		t.Fatal(err)
	}
	checkJamaUser(t, u, responseData(t, g, "data"))
}

func TestJamaClient_FindUser(t *testing.T) {
	g := mustGolden(t, contracttest.Jama, "users-list-by-username")
	srv, rec := serveGoldens(t, nil, g)
	u, found, err := jamaClient(t, srv.URL, jamaBasic).FindUser(t.Context(), "rjones")
	if err != nil || !found {
		t.Fatalf("FindUser = found %v, %v", found, err)
	}
	list := responseData(t, g)["data"].([]any)
	checkJamaUser(t, u, list[0].(map[string]any))
	reqs := rec.requestsTo("/rest/v1/users")
	if len(reqs) != 1 {
		t.Fatalf("the client asked %d pages of a one-page answer", len(reqs))
	}
	if q := reqs[0].URL.Query(); q.Get("username") != "rjones" || q.Get("includeInactive") != "true" {
		t.Errorf("query %q does not ask for username rjones, inactive users included", reqs[0].URL.RawQuery)
	}
}

func TestJamaClient_CreateUser(t *testing.T) {
	g := mustGolden(t, contracttest.Jama, "users-create")
	srv, rec := serveGoldens(t, nil, g)
	id, err := jamaClient(t, srv.URL, jamaBasic).CreateUser(t.Context(), jama.UserRequest{
		Username: "akim", Password: "Initial-Pa55word", FirstName: "Alex", LastName: "Kim",
		Email: "alex.kim@example.com", Phone: "+1 503 555 0142", Title: "Test Lead", Location: "Boston",
		LicenseType: "NAMED",
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := num(responseData(t, g, "meta"), "id"); id != want {
		t.Errorf("CreateUser = %d, the documentation's meta.id is %d", id, want)
	}
	if n := len(rec.requestsTo("/rest/v1/users")); n != 1 {
		t.Errorf("%d requests to /rest/v1/users, want the one POST", n)
	}
}

func TestJamaClient_UpdateUser(t *testing.T) {
	g := mustGolden(t, contracttest.Jama, "users-update")
	srv, rec := serveGoldens(t, nil, g)
	err := jamaClient(t, srv.URL, jamaBasic).UpdateUser(t.Context(), 58, jama.UserUpdate{
		Username: "akim", FirstName: "Alex", LastName: "Kim-Lee", Email: "alex.kimlee@example.com",
		Phone: "+1 503 555 0142", Title: "Quality Manager", Location: "Seattle", LicenseType: "NAMED",
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rec.requestsTo("/rest/v1/users/58")); n != 1 {
		t.Errorf("%d requests, want the one PUT", n)
	}
}

func TestJamaClient_SetUserActive(t *testing.T) {
	g := mustGolden(t, contracttest.Jama, "users-active")
	srv, rec := serveGoldens(t, nil, g)
	if err := jamaClient(t, srv.URL, jamaBasic).SetUserActive(t.Context(), 58, false); err != nil {
		t.Fatal(err)
	}
	if n := len(rec.requestsTo("/rest/v1/users/58/active")); n != 1 {
		t.Errorf("%d requests, want the one PUT", n)
	}
}

func TestJamaClient_OAuthToken(t *testing.T) {
	token := mustGolden(t, contracttest.Jama, "oauth-token")
	current := mustGolden(t, contracttest.Jama, "users-current")
	srv, rec := serveGoldens(t, nil, token, current)
	c := jamaClient(t, srv.URL, jama.Credentials{ClientID: "sandbox-client", ClientSecret: "sandbox-secret"})
	if _, err := c.CurrentUser(t.Context()); err != nil {
		t.Fatal(err)
	}
	tokenReqs := rec.requestsTo("/rest/oauth/token")
	if len(tokenReqs) != 1 {
		t.Fatalf("%d token requests, want 1", len(tokenReqs))
	}
	if id, secret, ok := tokenReqs[0].BasicAuth(); !ok || id != "sandbox-client" || secret != "sandbox-secret" {
		t.Errorf("the token request does not carry the client ID and secret as HTTP Basic")
	}
	users := rec.requestsTo("/rest/v1/users/current")
	want := "Bearer " + str(responseData(t, token), "access_token")
	if len(users) != 1 || users[0].Header.Get("Authorization") != want {
		t.Errorf("the user request is not authorized with the documented access_token (%q)", want)
	}
}

func jiraClient(t *testing.T, url string) *jira.Client {
	t.Helper()
	c, err := jira.New(url, jira.Credentials{Username: "sync.bot@example.com", Password: "api-token"}, transportFor(t, "Jira"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestJiraClient_ServerInfo(t *testing.T) {
	g := mustGolden(t, contracttest.Jira, "serverinfo")
	srv, _ := serveGoldens(t, nil, g)
	si, err := jiraClient(t, srv.URL).ServerInfo(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := responseData(t, g)
	if si.BaseURL != str(want, "baseUrl") || si.Version != str(want, "version") || si.DeploymentType != str(want, "deploymentType") ||
		si.BuildNumber != num(want, "buildNumber") || si.ServerTitle != str(want, "serverTitle") || !slices.Equal(si.VersionNumbers, []int{1001, 0, 0}) {
		t.Errorf("the client read %+v from %v", si, want)
	}
	if !jira.IsCloud(si) {
		t.Error("the documented Cloud site is not Cloud to the client")
	}
}

func TestJiraClient_Myself(t *testing.T) {
	g := mustGolden(t, contracttest.Jira, "myself")
	srv, rec := serveGoldens(t, nil, g)
	u, err := jiraClient(t, srv.URL).Myself(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := responseData(t, g)
	if u.EmailAddress != str(want, "emailAddress") || u.DisplayName != str(want, "displayName") ||
		u.AccountID != str(want, "accountId") || u.AccountType != str(want, "accountType") || !u.Active {
		t.Errorf("the client read %+v from %v", u, want)
	}
	if !slices.Equal(u.Groups, []string{"jira-software-users", "site-admins"}) {
		t.Errorf("groups %v, want the documented group names", u.Groups)
	}
	if !slices.Equal(u.ApplicationRoles, []string{"jira-software"}) {
		t.Errorf("application roles %v, want the documented keys", u.ApplicationRoles)
	}
	reqs := rec.requestsTo("/rest/api/2/myself")
	if len(reqs) != 1 || !slices.Contains(splitComma(reqs[0].URL.Query().Get("expand")), "groups") {
		t.Errorf("the client did not expand groups: %v", reqs)
	}
}

func TestJiraClient_MyPermissions(t *testing.T) {
	g := mustGolden(t, contracttest.Jira, "mypermissions")
	srv, rec := serveGoldens(t, nil, g)
	perms, err := jiraClient(t, srv.URL).MyPermissions(t.Context(), []string{"BROWSE_PROJECTS", "CREATE_ISSUES"}, "SYNC")
	if err != nil {
		t.Fatal(err)
	}
	browse, create := perms["BROWSE_PROJECTS"], perms["CREATE_ISSUES"]
	if !browse.HavePermission || create.HavePermission || browse.Name != "Browse Projects" || create.ID != "11" || browse.Type != "PROJECT" {
		t.Errorf("the client read %+v", perms)
	}
	q := rec.requestsTo("/rest/api/2/mypermissions")[0].URL.Query()
	if q.Get("permissions") != "BROWSE_PROJECTS,CREATE_ISSUES" || q.Get("projectKey") != "SYNC" {
		t.Errorf("query %v does not ask the documented permissions of project SYNC", q)
	}
}

func TestJiraClient_Resolutions(t *testing.T) {
	cloudInfo := mustGolden(t, contracttest.Jira, "serverinfo")
	serverInfo := cloudInfo
	serverInfo.Response.Body = []byte(`{"baseUrl":"https://jira.example.com","version":"9.12.4","versionNumbers":[9,12,4],` +
		`"deploymentType":"Server","buildNumber":9120004,"serverTitle":"Example Jira"}`)
	tests := map[string]struct {
		info, list contracttest.Golden
		listPath   string
	}{
		"Cloud reads the paged search": {info: cloudInfo, list: mustGolden(t, contracttest.Jira, "resolution-search"), listPath: "/rest/api/2/resolution/search"},
		"Server reads the plain list":  {info: serverInfo, list: mustGolden(t, contracttest.Jira, "resolution"), listPath: "/rest/api/2/resolution"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			srv, rec := serveGoldens(t, nil, tc.info, tc.list)
			got, err := jiraClient(t, srv.URL).Resolutions(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			want := []jira.Resolution{
				{ID: "10000", Name: "Done", Description: "Work has been done on this issue."},
				{ID: "10001", Name: "Won't Do", Description: "This issue won't be actioned."},
			}
			if !slices.Equal(got, want) {
				t.Errorf("Resolutions = %+v, want the documented %+v", got, want)
			}
			if len(rec.requestsTo(tc.listPath)) != 1 {
				t.Errorf("the client did not read %s once", tc.listPath)
			}
		})
	}
}

func TestJitterbitClient_Login(t *testing.T) {
	g := mustGolden(t, contracttest.Jitterbit, "login")
	var authToken, orgID string
	refuse := func(w http.ResponseWriter, r *http.Request) {
		// Any call after the login shows which session it carries; the
		// answer is a refusal so that no other shape is assumed.
		authToken, orgID = r.Header.Get("authToken"), r.Header.Get("organizationId")
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"success":false,"error":{"errorMessage":"replay: refused","errorCode":"TEST"}}`))
	}
	srv, rec := serveGoldens(t, refuse, g)
	c, err := jitterbit.New(srv.URL, jitterbit.Credentials{Username: "integration@example.com", Password: "harmony-password"}, transportFor(t, "Jitterbit"))
	if err != nil {
		t.Fatal(err)
	}
	_, _ = c.GetProject(t.Context(), "866020", "9a87b6c5-a1b2-34c5-6d7e-123456a7b89c")
	logins := rec.requestsTo("/login")
	if len(logins) != 1 {
		t.Fatalf("%d logins, want 1", len(logins))
	}
	if logins[0].Header.Get("username") != "integration@example.com" || logins[0].Header.Get("password") != "harmony-password" {
		t.Error("the login does not carry the username and password headers")
	}
	data := responseData(t, g, "data")
	if authToken != str(data, "authenticationToken") {
		t.Errorf("the call after login sent authToken %q, want the documented authenticationToken %q", authToken, str(data, "authenticationToken"))
	}
	if orgID != str(data, "defaultOrgId") {
		t.Errorf("the call after login sent organizationId %q, want the documented defaultOrgId %q", orgID, str(data, "defaultOrgId"))
	}
}

func splitComma(s string) []string {
	var out []string
	for start := 0; start <= len(s); {
		end := start
		for end < len(s) && s[end] != ',' {
			end++
		}
		out = append(out, s[start:end])
		start = end + 1
	}
	return out
}

// jitterbitReplayClient is a client of goldens served with the documented
// login first.
func jitterbitReplayClient(t *testing.T, goldens ...contracttest.Golden) (*jitterbit.Client, *replay) {
	t.Helper()
	srv, rec := serveGoldens(t, nil, append([]contracttest.Golden{mustGolden(t, contracttest.Jitterbit, "login")}, goldens...)...)
	c, err := jitterbit.New(srv.URL, jitterbit.Credentials{Username: "integration@example.com", Password: "harmony-password"}, transportFor(t, "Jitterbit"))
	if err != nil {
		t.Fatal(err)
	}
	return c, rec
}

// wantDocumentedRequest checks that the client's one request to path
// carries the golden's query and organizationId.
func wantDocumentedRequest(t *testing.T, rec *replay, g contracttest.Golden) {
	t.Helper()
	reqs := rec.requestsTo(g.Request.Path)
	if len(reqs) != 1 {
		t.Fatalf("%d requests to %s, want 1", len(reqs), g.Request.Path)
	}
	if got, want := reqs[0].URL.Query().Encode(), mustQuery(t, g.Request.Query); got != want {
		t.Errorf("query %q, the documentation's example %q", got, want)
	}
	if got, want := reqs[0].Header.Get("organizationId"), g.Request.Headers["organizationId"]; got != want {
		t.Errorf("organizationId %q, want the login's defaultOrgId %q", got, want)
	}
}

func mustQuery(t *testing.T, raw string) string {
	t.Helper()
	q, err := url.ParseQuery(raw)
	if err != nil {
		t.Fatal(err)
	}
	return q.Encode()
}

func TestJitterbitClient_GetProject(t *testing.T) {
	g := mustGolden(t, contracttest.Jitterbit, "project")
	c, rec := jitterbitReplayClient(t, g)
	got, err := c.GetProject(t.Context(), "866020", "9a87b6c5-a1b2-34c5-6d7e-123456a7b89c")
	if err != nil {
		t.Fatal(err)
	}
	want := responseData(t, g, "data", "projects")
	env := want["environments"].([]any)[0].(map[string]any)
	if got.GUID != str(want, "guid") || got.Name != str(want, "name") || got.ProjectID != strconv.FormatInt(num(want, "projectId"), 10) ||
		got.Description != "" || !slices.Equal(got.Environments, []jitterbit.Environment{{ID: str(env, "envId"), Name: str(env, "envName")}}) {
		t.Errorf("project = %+v, the documentation's answer holds %v", got, want)
	}
	wantDocumentedRequest(t, rec, g)
}

func TestJitterbitClient_ListProjectVariables(t *testing.T) {
	g := mustGolden(t, contracttest.Jitterbit, "project-variables")
	c, rec := jitterbitReplayClient(t, g)
	got, err := c.ListProjectVariables(t.Context(), "866020", "db54a73c-c58d-45c1-8222-4b2d2ebef2e2")
	if err != nil {
		t.Fatal(err)
	}
	detail := responseData(t, g, "data")["projectVariableDetail"].([]any)[0].(map[string]any)
	want := []jitterbit.ProjectVariable{{ID: str(detail, "projectVariableId"), Name: str(detail, "projectVariableName"),
		Description: str(detail, "projectVariableDescription")}}
	if !slices.Equal(got, want) {
		t.Errorf("variables = %+v, want the documented %+v (a null value read as empty)", got, want)
	}
	wantDocumentedRequest(t, rec, g)
}

func TestJitterbitClient_SetProjectVariable(t *testing.T) {
	g := mustGolden(t, contracttest.Jitterbit, "project-variables-set")
	c, rec := jitterbitReplayClient(t, g)
	// The replay compares the body with the documented example.
	err := c.SetProjectVariable(t.Context(), jitterbit.ProjectVariable{ID: "41207", Name: "TestVar1",
		Value: "https://example.atlassian.net", Description: "TestVar1 Descriptions", HideValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if reqs := rec.requestsTo("/project-variables"); len(reqs) != 1 || reqs[0].Method != http.MethodPut {
		t.Errorf("%d requests to /project-variables, want one PUT", len(reqs))
	}
}

func TestJitterbitClient_DeployProject(t *testing.T) {
	g := mustGolden(t, contracttest.Jitterbit, "project-deploy")
	c, rec := jitterbitReplayClient(t, g)
	// The replay compares the body with the documented example.
	if err := c.DeployProject(t.Context(), "9a87b6c5-a1b2-34c5-6d7e-123456a7b89c"); err != nil {
		t.Fatal(err)
	}
	if reqs := rec.requestsTo("/project"); len(reqs) != 1 || reqs[0].Method != http.MethodPut {
		t.Errorf("%d requests to /project, want one PUT", len(reqs))
	}
}

func TestJitterbitClient_SSORefusal(t *testing.T) {
	g := mustGolden(t, contracttest.Jitterbit, "login-sso-refused")
	srv, _ := serveGoldens(t, nil, g)
	c, err := jitterbit.New(srv.URL, jitterbit.Credentials{Username: "sso-user@example.com", Password: "harmony-password"}, transportFor(t, "Jitterbit"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.GetProject(t.Context(), "866020", "9a87b6c5-a1b2-34c5-6d7e-123456a7b89c")
	if !errors.Is(err, jitterbit.ErrSSOLogin) || !errors.Is(err, api.ErrUnauthorized) ||
		!strings.Contains(err.Error(), str(responseData(t, g, "error"), "errorMessage")) {
		t.Errorf("error = %v, want a 401 matching ErrSSOLogin with Harmony's message", err)
	}
}
