package aqua

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// Paths of the aqua product below the server root.
const (
	aquaTokenPath = "/aqua/api/token"
	aquaUsersPath = "/aqua/api/System/User"
	aquaSyncPath  = "/aqua/almsync/aqua-jira-sync/v1/definitions"
)

// aquaTokenCall posts form to aqua's token endpoint.
func aquaTokenCall(t testing.TB, ts *httptest.Server, form url.Values) wiretest.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+aquaTokenPath, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return wiretest.Send(t, ts, req)
}

// aquaLogin logs in with the default credentials and returns the tokens.
func aquaLogin(t testing.TB, ts *httptest.Server) tokenAnswer {
	t.Helper()
	r := aquaTokenCall(t, ts, url.Values{"grant_type": {"password"}, "username": {kernel.DefaultUsername}, "password": {kernel.DefaultPassword}})
	wiretest.WantStatus(t, r, http.StatusOK)
	tok := aquaDecode[tokenAnswer](t, r)
	if tok.AccessToken == "" || tok.RefreshToken == "" {
		t.Fatalf("token answer without tokens: %s", r.Body)
	}
	return tok
}

// aquaClient sends authenticated requests to the aqua product.
type aquaClient struct {
	t     testing.TB
	ts    *httptest.Server
	token string
}

// newAquaClient logs in to the aqua product of ts.
func newAquaClient(t testing.TB, ts *httptest.Server) *aquaClient {
	t.Helper()
	return &aquaClient{t: t, ts: ts, token: aquaLogin(t, ts).AccessToken}
}

// do sends a request with the client's bearer token; path is below /aqua.
func (c *aquaClient) do(method, path string, body any) wiretest.Response {
	c.t.Helper()
	return wiretest.Call(c.t, c.ts, wiretest.Bearer(c.token), method, "/aqua"+path, body)
}

// aquaDecode decodes a JSON answer.
func aquaDecode[T any](t testing.TB, r wiretest.Response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(r.Body, &v); err != nil {
		t.Fatalf("decode %q: %v", r.Body, err)
	}
	return v
}

// wantAquaError checks an aqua error answer: the status and a Message
// containing every fragment.
func wantAquaError(t testing.TB, r wiretest.Response, status int, fragments ...string) {
	t.Helper()
	wiretest.WantStatus(t, r, status)
	body := aquaDecode[apiError](t, r)
	if body.Message == "" || body.Code == "" || body.Type == "" {
		t.Fatalf("error answer is not an ApiError with Message, Code and Type: %s", r.Body)
	}
	for _, f := range fragments {
		if !strings.Contains(body.Message, f) {
			t.Errorf("Message = %q, want it to contain %q", body.Message, f)
		}
	}
}

// aquaUserReq is a valid user request.
func aquaUserReq(name string) apiUserNew {
	return apiUserNew{UserName: name, FirstName: "First", Surname: "Last", Email: name + "@example.com"}
}

// createUser creates a user and returns it as aqua reads it back.
func (c *aquaClient) createUser(name string) apiUser {
	c.t.Helper()
	r := c.do(http.MethodPost, "/api/System/User?sendNotification=false", aquaUserReq(name))
	wiretest.WantStatus(c.t, r, http.StatusOK)
	created := aquaDecode[apiUserNewResponse](c.t, r)
	return c.getUser(created.UserID)
}

// getUser reads a user with its licenses.
func (c *aquaClient) getUser(id int64) apiUser {
	c.t.Helper()
	r := c.do(http.MethodGet, fmt.Sprintf("/api/System/User/%d?includeLicenses=true", id), nil)
	wiretest.WantStatus(c.t, r, http.StatusOK)
	return aquaDecode[apiUser](c.t, r)
}

// syncUser creates a user fit to be a definition's aqua sync user in
// project: it holds the Jira sync license and is Project Administrator.
func (c *aquaClient) syncUser(name string, project int64) apiUser {
	c.t.Helper()
	u := c.createUser(name)
	wiretest.WantStatus(c.t, c.do(http.MethodPost, fmt.Sprintf("/api/System/User/%d/License", u.ID),
		apiUserLicenseAssignment{Code: licenseJiraSync, Type: licenseNamed}), http.StatusNoContent)
	admin, _ := roleNamed(roleProjectAdministrator)
	wiretest.WantStatus(c.t, c.do(http.MethodPost, fmt.Sprintf("/api/Project/%d/UserAssignment", project),
		apiUserProjectFolderAssignment{UserID: u.ID, RoleID: admin.ID}), http.StatusNoContent)
	return u
}

// aquaServerDefinition is a valid definition for a Jira Server in project 2.
func aquaServerDefinition(name string) syncDefinition {
	return syncDefinition{
		Name: name, AquaProjectID: 2, JiraURL: "https://jira.example.com", JiraProjectKey: "SYNC",
		ConfigurationUser: jiraAccount{Username: "jira-admin", Password: "config-pw-" + name},
		Enabled:           true,
	}
}

// aquaCloudDefinition is a valid definition for Jira Cloud in project 2.
func aquaCloudDefinition(name string) syncDefinition {
	return syncDefinition{
		Name: name, AquaProjectID: 2, JiraURL: "https://acme.atlassian.net", JiraProjectKey: "CLOUD",
		ConfigurationUser: jiraAccount{Email: "config@acme.example", APIToken: "config-token-" + name},
		SyncUser:          &jiraAccount{Email: "sync@acme.example", APIToken: "sync-token-" + name},
	}
}

// createDefinition creates a definition and returns the answer.
func (c *aquaClient) createDefinition(d syncDefinition) syncDefinition {
	c.t.Helper()
	r := c.do(http.MethodPost, "/almsync/aqua-jira-sync/v1/definitions", d)
	wiretest.WantStatus(c.t, r, http.StatusCreated)
	return aquaDecode[syncDefinition](c.t, r)
}

// aquaStoredState runs fn on the aqua product's state.
func aquaStoredState(t testing.TB, srv *kernel.Server, fn func(s *aquaState)) {
	t.Helper()
	productOf(t, srv).state.Read(fn)
}

// aquaTestClock is a server clock that tests move forward.
type aquaTestClock struct{ offset atomic.Int64 }

func (c *aquaTestClock) now() time.Time { return time.Now().Add(time.Duration(c.offset.Load())) }

func (c *aquaTestClock) advance(d time.Duration) { c.offset.Add(int64(d)) }

// newAquaTestServer starts a sandbox whose clock the test controls.
func newAquaTestServer(t testing.TB, opts kernel.Options) (*kernel.Server, *httptest.Server, *aquaTestClock) {
	t.Helper()
	srv, ts := newTestServer(t, opts)
	clock := &aquaTestClock{}
	srv.SetClock(clock.now)
	return srv, ts, clock
}
