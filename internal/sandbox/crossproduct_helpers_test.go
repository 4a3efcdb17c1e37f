package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// Paths of the products' connection contracts, below the sandbox root.
const (
	jiraPath       = "/jama/almsync/jama-jira-connector/v1/connections"
	jsmPath        = "/jitterbit/almsync/jitterbit-jsm-connections/v1/connections"
	aquaSyncPath   = "/aqua/almsync/aqua-jira-sync/v1/definitions"
	jiraCloudPath  = "/jira"
	jiraServerPath = "/jira/server"
	connectorsPath = "/interchange/almsync/interchange-connectors/v1/connectors"

	// connTestTimeout bounds one request of a connection test.
	connTestTimeout = 5 * time.Second

	// The sandbox's Jira accounts and project, as the README lists them.
	jiraSyncAccount    = "sync@example.com"
	jiraLimitedAccount = "limited@example.com"
	jiraAPIToken       = "sandbox-token"
	jiraSyncProject    = "SYNC"
)

// newTestServer serves the whole sandbox on an httptest server for one test.
func newTestServer(t testing.TB, opts Options) (*Server, *httptest.Server) {
	t.Helper()
	srv, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		ts.Close()
		if err := srv.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return srv, ts
}

// object is a JSON object written as the contract spells it.
type object = map[string]any

// createJiraConnection saves a JIRA Connector connection and returns its id.
func createJiraConnection(t testing.TB, ts *httptest.Server, c object) int64 {
	t.Helper()
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, jiraPath, c)
	wiretest.WantStatus(t, r, http.StatusCreated)
	return wiretest.Envelope[json.RawMessage](t, r).Meta.ID
}

// jiraConnection is a JIRA Connector connection to login, synchronized
// hourly.
func jiraConnection(login jiraLogin) object {
	return object{
		"jiraUrl": login.siteURL, "jiraUsername": login.username, "jiraPassword": login.secret,
		"jamaUser": kernel.DefaultUsername, "enabled": true,
		"schedule": object{"type": "INTERVAL", "intervalMinutes": 60},
	}
}

// asJitterbit logs in to Harmony with the default credentials and returns
// the session headers Harmony asks for.
func asJitterbit(t testing.TB, ts *httptest.Server) wiretest.AuthFunc {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/jitterbit/login", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("username", kernel.DefaultUsername)
	req.Header.Set("password", kernel.DefaultPassword)
	login := wantJitterbitData[struct {
		Token string `json:"authenticationToken"`
		Org   string `json:"defaultOrgId"`
	}](t, wiretest.Send(t, ts, req), http.StatusOK)
	return func(r *http.Request) {
		r.Header.Set("authToken", login.Token)
		r.Header.Set("organizationId", login.Org)
	}
}

// wantJitterbitData checks a successful Harmony answer and decodes its data.
func wantJitterbitData[T any](t testing.TB, r wiretest.Response, status int) T {
	t.Helper()
	wiretest.WantStatus(t, r, status)
	env := wiretest.Decode[struct {
		Success bool            `json:"success"`
		Data    T               `json:"data"`
		Error   json.RawMessage `json:"error"`
	}](t, r)
	if !env.Success {
		t.Fatalf("answer is not a success: %s", r.Body)
	}
	return env.Data
}

// runJSMTest saves the JSM connection c and runs its test.
func runJSMTest(t *testing.T, ts *httptest.Server, c object, trustedPEM string) wiretest.ConnTest {
	t.Helper()
	auth := asJitterbit(t, ts)
	created := wantJitterbitData[struct {
		ID string `json:"id"`
	}](t, wiretest.Call(t, ts, auth, http.MethodPost, jsmPath, c), http.StatusCreated)
	r := wiretest.Call(t, ts, auth, http.MethodPost, jsmPath+"/"+created.ID+"/test", wiretest.ConnTestRequest{TrustedCAPEM: trustedPEM})
	return wantJitterbitData[wiretest.ConnTest](t, r, http.StatusOK)
}

// The seeded Harmony environment and project JSM connections are made in.
const (
	jitterbitEnvironment = "201"
	jitterbitProjectGUID = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
)

// jsmConnection is a Basic JSM connection to login.
func jsmConnection(login jiraLogin) object {
	return object{"environmentId": jitterbitEnvironment, "projectGuid": jitterbitProjectGUID, "name": "JSM", "authScheme": "Basic",
		"url": login.siteURL, "user": login.username, "apiToken": login.secret}
}

// asAqua obtains a bearer token from aqua's token endpoint.
func asAqua(t testing.TB, ts *httptest.Server) wiretest.AuthFunc {
	t.Helper()
	form := url.Values{"grant_type": {"password"}, "username": {kernel.DefaultUsername}, "password": {kernel.DefaultPassword}}
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/aqua/api/token", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r := wiretest.Send(t, ts, req)
	wiretest.WantStatus(t, r, http.StatusOK)
	tok := wiretest.Decode[struct {
		AccessToken string `json:"access_token"`
	}](t, r)
	return wiretest.Bearer(tok.AccessToken)
}

// runAquaTest saves the Jira sync definition d and runs its test; aqua's
// PascalCase answer is read into the common result.
func runAquaTest(t *testing.T, ts *httptest.Server, d object, trustedPEM string) wiretest.ConnTest {
	t.Helper()
	auth := asAqua(t, ts)
	r := wiretest.Call(t, ts, auth, http.MethodPost, aquaSyncPath, d)
	if r.Status != http.StatusOK && r.Status != http.StatusCreated {
		t.Fatalf("create definition: status %d: %s", r.Status, r.Body)
	}
	created := wiretest.Decode[struct {
		ID int64 `json:"Id"`
	}](t, r)
	r = wiretest.Call(t, ts, auth, http.MethodPost, fmt.Sprintf("%s/%d/test", aquaSyncPath, created.ID), object{"TrustedCaPem": trustedPEM})
	wiretest.WantStatus(t, r, http.StatusOK)
	res := wiretest.Decode[struct {
		Success    bool
		Message    string
		CheckedAt  time.Time
		DurationMs int64
		Checks     []struct {
			Name    string
			Success bool
			Detail  string
		}
	}](t, r)
	out := wiretest.ConnTest{Success: res.Success, Message: res.Message, CheckedAt: res.CheckedAt, DurationMS: res.DurationMs}
	for _, c := range res.Checks {
		out.Checks = append(out.Checks, wiretest.ConnCheck{Name: c.Name, Success: c.Success, Detail: c.Detail})
	}
	return out
}

// aquaDefinition is a sync definition of aqua project 2 with the given
// configuration user, synchronized with project SYNC of siteURL.
func aquaDefinition(siteURL string, user object) object {
	return object{"Name": "Sync", "AquaProjectId": 2, "JiraUrl": siteURL, "JiraProjectKey": jiraSyncProject, "ConfigurationUser": user}
}

// requiredPermissions are the permissions Jama's JIRA Connector asks of
// the Jira account (seed 000), in the order the tests check them.
var requiredPermissions = []string{"BROWSE_PROJECTS", "CREATE_ISSUES", "EDIT_ISSUES", "ADD_COMMENTS", "CREATE_ATTACHMENTS"}

// wantJitterbitError checks a failed Harmony answer: status, success false,
// the error code and a message containing every fragment.
func wantJitterbitError(t testing.TB, r wiretest.Response, status int, code string, fragments ...string) {
	t.Helper()
	wiretest.WantStatus(t, r, status)
	env := wiretest.Decode[struct {
		Success bool `json:"success"`
		Error   struct {
			Message string `json:"errorMessage"`
			Code    string `json:"errorCode"`
		} `json:"error"`
	}](t, r)
	if env.Success || env.Error.Code != code {
		t.Errorf("success %v, errorCode %q; want false, %q: %s", env.Success, env.Error.Code, code, r.Body)
	}
	for _, f := range fragments {
		if !strings.Contains(env.Error.Message, f) {
			t.Errorf("errorMessage %q does not contain %q", env.Error.Message, f)
		}
	}
}

// wantAquaError checks a failed aqua answer: status and a Message
// containing every fragment.
func wantAquaError(t testing.TB, r wiretest.Response, status int, fragments ...string) {
	t.Helper()
	wiretest.WantStatus(t, r, status)
	body := wiretest.Decode[struct{ Message string }](t, r)
	for _, f := range fragments {
		if !strings.Contains(body.Message, f) {
			t.Errorf("Message %q does not contain %q", body.Message, f)
		}
	}
}

// validUser is a valid body of Jama's POST /users.
func validUser(username string) object {
	return object{
		"username": username, "password": "pw-" + username, "firstName": "First", "lastName": "Last",
		"email": username + "@example.com", "licenseType": "NAMED",
	}
}

// createUser creates a Jama user and returns its id.
func createUser(t testing.TB, ts *httptest.Server, u object) int64 {
	t.Helper()
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, "/jama/rest/v1/users", u)
	wiretest.WantStatus(t, r, http.StatusCreated)
	return wiretest.Envelope[json.RawMessage](t, r).Meta.ID
}

// basicConnector is an Interchange connector with Basic credentials.
func basicConnector(name string) object {
	return object{"name": name, "url": "https://jama.example.com", "verifySsl": true,
		"authType": "basic", "username": "svc", "password": "basic-secret-" + name}
}

// oauthConnector is an Interchange connector with OAuth client credentials.
func oauthConnector(name string) object {
	return object{"name": name, "url": "http://jama.example.com:8080/base",
		"authType": "oauth", "clientId": "client-" + name, "clientSecret": "oauth-secret-" + name}
}

// createConnector creates an Interchange connector and returns its id.
func createConnector(t testing.TB, ts *httptest.Server, c object) int64 {
	t.Helper()
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, connectorsPath, c)
	wiretest.WantStatus(t, r, http.StatusCreated)
	return wiretest.Envelope[json.RawMessage](t, r).Meta.ID
}

// jamaUser is the part of Jama's user the tests read.
type jamaUser struct {
	ID       int64  `json:"id"`
	Username string `json:"username"`
	Email    string `json:"email"`
	Active   bool   `json:"active"`
}

// getUser reads a Jama user.
func getUser(t testing.TB, ts *httptest.Server, id int64) jamaUser {
	t.Helper()
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, fmt.Sprintf("/jama/rest/v1/users/%d", id), nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	return wiretest.Envelope[jamaUser](t, r).Data
}
