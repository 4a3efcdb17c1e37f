package sandbox

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

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// Paths of the aqua product below the server root.
const (
	aquaTokenPath = "/aqua/api/token"
	aquaUsersPath = "/aqua/api/System/User"
	aquaSyncPath  = "/aqua/api/JiraSync/Definition"
)

// aquaTokenCall posts form to aqua's token endpoint.
func aquaTokenCall(t testing.TB, ts *httptest.Server, form url.Values) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+aquaTokenPath, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return send(t, ts, req)
}

// aquaLogin logs in with the default credentials and returns the tokens.
func aquaLogin(t testing.TB, ts *httptest.Server) aqua.TokenResponse {
	t.Helper()
	r := aquaTokenCall(t, ts, url.Values{"grant_type": {"password"}, "username": {DefaultUsername}, "password": {DefaultPassword}})
	wantStatus(t, r, http.StatusOK)
	tok := aquaDecode[aqua.TokenResponse](t, r)
	if tok.AccessToken == "" || tok.RefreshToken == "" {
		t.Fatalf("token answer without tokens: %s", r.body)
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
func (c *aquaClient) do(method, path string, body any) response {
	c.t.Helper()
	return call(c.t, c.ts, bearer(c.token), method, "/aqua"+path, body)
}

// aquaDecode decodes a JSON answer.
func aquaDecode[T any](t testing.TB, r response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(r.body, &v); err != nil {
		t.Fatalf("decode %q: %v", r.body, err)
	}
	return v
}

// wantAquaError checks an aqua error answer: the status and a Message
// containing every fragment.
func wantAquaError(t testing.TB, r response, status int, fragments ...string) {
	t.Helper()
	wantStatus(t, r, status)
	body := aquaDecode[aqua.ErrorBody](t, r)
	if body.Message == "" {
		t.Fatalf("error answer without Message: %s", r.body)
	}
	for _, f := range fragments {
		if !strings.Contains(body.Message, f) {
			t.Errorf("Message = %q, want it to contain %q", body.Message, f)
		}
	}
}

// aquaUserReq is a valid user request.
func aquaUserReq(name string) aqua.UserRequest {
	return aqua.UserRequest{UserName: name, FirstName: "First", Surname: "Last", Email: name + "@example.com"}
}

// createUser creates a user and returns it.
func (c *aquaClient) createUser(name string) aqua.User {
	c.t.Helper()
	r := c.do(http.MethodPost, "/api/System/User", aquaUserReq(name))
	wantStatus(c.t, r, http.StatusCreated)
	return aquaDecode[aqua.User](c.t, r)
}

// syncUser creates a user fit to be a definition's aqua sync user in
// project: it holds the Jira sync license and is Project Administrator.
func (c *aquaClient) syncUser(name string, project int64) aqua.User {
	c.t.Helper()
	u := c.createUser(name)
	wantStatus(c.t, c.do(http.MethodPost, fmt.Sprintf("/api/System/User/%d/License", u.ID), aqua.LicenseRequest{Code: aquaLicenseJiraSync}), http.StatusCreated)
	wantStatus(c.t, c.do(http.MethodPost, fmt.Sprintf("/api/Project/%d/UserAssignment", project),
		aqua.AssignmentRequest{UserID: u.ID, RoleName: aqua.RoleProjectAdministrator}), http.StatusCreated)
	return u
}

// aquaServerDefinition is a valid definition for a Jira Server in project 2.
func aquaServerDefinition(name string) aqua.SyncDefinition {
	return aqua.SyncDefinition{
		Name: name, AquaProjectID: 2, JiraURL: "https://jira.example.com", JiraProjectKey: "SYNC",
		ConfigurationUser: aqua.JiraAccount{Username: "jira-admin", Password: "config-pw-" + name},
		Enabled:           true,
	}
}

// aquaCloudDefinition is a valid definition for Jira Cloud in project 2.
func aquaCloudDefinition(name string) aqua.SyncDefinition {
	return aqua.SyncDefinition{
		Name: name, AquaProjectID: 2, JiraURL: "https://acme.atlassian.net", JiraProjectKey: "CLOUD",
		ConfigurationUser: aqua.JiraAccount{Email: "config@acme.example", APIToken: "config-token-" + name},
		SyncUser:          &aqua.JiraAccount{Email: "sync@acme.example", APIToken: "sync-token-" + name},
	}
}

// createDefinition creates a definition and returns the answer.
func (c *aquaClient) createDefinition(d aqua.SyncDefinition) aqua.SyncDefinition {
	c.t.Helper()
	r := c.do(http.MethodPost, "/api/JiraSync/Definition", d)
	wantStatus(c.t, r, http.StatusCreated)
	return aquaDecode[aqua.SyncDefinition](c.t, r)
}

// aquaStoredState runs fn on the aqua product's state.
func aquaStoredState(t testing.TB, srv *Server, fn func(s *aquaState)) {
	t.Helper()
	for _, p := range srv.products {
		if ap, ok := p.(*aquaProduct); ok {
			ap.state.read(fn)
			return
		}
	}
	t.Fatal("no aqua product")
}

// aquaTestClock is a server clock that tests move forward.
type aquaTestClock struct{ offset atomic.Int64 }

func (c *aquaTestClock) now() time.Time { return time.Now().Add(time.Duration(c.offset.Load())) }

func (c *aquaTestClock) advance(d time.Duration) { c.offset.Add(int64(d)) }

// newAquaTestServer starts a sandbox whose clock the test controls.
func newAquaTestServer(t testing.TB, opts Options) (*Server, *httptest.Server, *aquaTestClock) {
	t.Helper()
	srv, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	clock := &aquaTestClock{}
	srv.clock = clock.now
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		ts.Close()
		if err := srv.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return srv, ts, clock
}
