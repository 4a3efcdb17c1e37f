package aqua_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// admin is the login the tests use.
var admin = aqua.Credentials{Username: "admin", Password: "s3cret-pass"}

// request is a request the fake aqua received.
type request struct {
	Method, Path string
	Query        url.Values
	Body         string
	Token        string // the bearer token
}

// answer is how a route of the fake answers: a status and a literal body,
// JSON unless it starts with '<'.
type answer struct {
	status int
	body   string
}

// handler computes the answer to a request; the n-th call of a route
// (from 1) is numbered.
type handler func(req request, n int) answer

// fixed answers every request with status and body.
func fixed(status int, body string) handler {
	return func(request, int) answer { return answer{status, body} }
}

// fakeAqua is an aqua server for tests: a token endpoint issuing numbered
// tokens, and routes ("GET /api/System/User/7") answering literal JSON
// written from aqua's OpenAPI document. A request to any other path fails
// the test.
type fakeAqua struct {
	t   *testing.T
	URL string

	mu       sync.Mutex
	routes   map[string]handler
	calls    map[string]int
	requests []request
	grants   []string
	issued   int
	valid    map[string]bool // access tokens aqua accepts
	refresh  map[string]bool // refresh tokens aqua accepts
	// refuseRefresh makes the token endpoint refuse refresh grants.
	refuseRefresh bool
	// expiresIn is the lifetime of the tokens issued, in seconds.
	expiresIn int
	// fallback, when set, answers the requests no route matches.
	fallback handler
	// discovery answers the Jira Sync contract's discovery request, which
	// needs no token; by default the contract is served.
	discovery handler
}

// discoveryPath is where the Jira Sync contract's discovery is asked.
const discoveryPath = "/almsync/aqua-jira-sync/v1/contract"

// servedContract is the discovery answer of a bridge serving the contract.
const servedContract = `{"Name":"aqua-jira-sync","Version":"1.0.0"}`

// newFakeAqua serves a fake aqua with routes until the test ends.
func newFakeAqua(t *testing.T, routes map[string]handler) *fakeAqua {
	t.Helper()
	f := &fakeAqua{t: t, routes: routes, calls: map[string]int{}, valid: map[string]bool{}, refresh: map[string]bool{}, expiresIn: 900,
		discovery: fixed(http.StatusOK, servedContract)}
	if f.routes == nil {
		f.routes = map[string]handler{}
	}
	hs := httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(hs.Close)
	f.URL = hs.URL + "/aquaWebNG"
	return f
}

func (f *fakeAqua) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	path := strings.TrimPrefix(r.URL.Path, "/aquaWebNG")
	if r.Method == http.MethodPost && path == "/api/token" {
		f.token(w, r, body)
		return
	}
	req := request{Method: r.Method, Path: path, Query: r.URL.Query(), Body: string(body),
		Token: strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")}
	key := r.Method + " " + path
	f.mu.Lock()
	f.requests = append(f.requests, req)
	if key == http.MethodGet+" "+discoveryPath {
		f.calls[key]++
		h, n := f.discovery, f.calls[key]
		f.mu.Unlock()
		write(w, h(req, n))
		return
	}
	authorized := f.valid[req.Token]
	h, routed := f.routes[key]
	if !routed && f.fallback != nil {
		h, routed = f.fallback, true
	}
	if routed && authorized {
		f.calls[key]++
	}
	n := f.calls[key]
	f.mu.Unlock()
	switch {
	case !authorized:
		write(w, answer{http.StatusUnauthorized, `{"Message":"Authorization has been denied for this request.","Code":"401","Type":"Unauthorized"}`})
	case !routed:
		f.t.Errorf("fake aqua: unexpected request %s", key)
		write(w, answer{http.StatusNotFound, `{"Message":"No such endpoint.","Code":"404","Type":"NotFound"}`})
	default:
		write(w, h(req, n))
	}
}

// token serves POST /api/token, password and refresh_token grants.
func (f *fakeAqua) token(w http.ResponseWriter, r *http.Request, body []byte) {
	form, err := url.ParseQuery(string(body))
	if err != nil || r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {
		write(w, answer{http.StatusBadRequest, `{"error":"unsupported_grant_type"}`})
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	grant := form.Get("grant_type")
	f.grants = append(f.grants, grant)
	switch {
	case grant == "password" && form.Get("username") == admin.Username && form.Get("password") == admin.Password:
	case grant == "refresh_token" && !f.refuseRefresh && f.refresh[form.Get("refresh_token")]:
		delete(f.refresh, form.Get("refresh_token"))
	case grant == "refresh_token":
		write(w, answer{http.StatusBadRequest, `{"error":"invalid_grant","error_description":"The refresh token is invalid or has expired."}`})
		return
	default:
		write(w, answer{http.StatusBadRequest, `{"error":"invalid_grant","error_description":"The user name or password is incorrect."}`})
		return
	}
	f.issued++
	access, refresh := fmt.Sprintf("access-%d", f.issued), fmt.Sprintf("refresh-%d", f.issued)
	f.valid[access], f.refresh[refresh] = true, true
	write(w, answer{http.StatusOK, fmt.Sprintf(`{"access_token":%q,"token_type":"bearer","expires_in":%d,"refresh_token":%q}`, access, f.expiresIn, refresh)})
}

// revokeTokens makes aqua refuse every access token issued so far.
func (f *fakeAqua) revokeTokens() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.valid = map[string]bool{}
}

// answeringAll serves a fake aqua that answers every request but the
// token's with status and body.
func answeringAll(t *testing.T, status int, body string) *fakeAqua {
	t.Helper()
	f := newFakeAqua(t, nil)
	f.fallback = fixed(status, body)
	return f
}

// route adds or replaces the handler of key.
func (f *fakeAqua) route(key string, h handler) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.routes[key] = h
}

// received returns the requests to key ("GET /api/Session") so far.
func (f *fakeAqua) received(key string) []request {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []request
	for _, r := range f.requests {
		if r.Method+" "+r.Path == key {
			out = append(out, r)
		}
	}
	return out
}

// grantTypes returns the grant types of the token requests so far.
func (f *fakeAqua) grantTypes() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.grants...)
}

// client returns a client of the fake with quick retries.
func (f *fakeAqua) client(t *testing.T) *aqua.Client {
	t.Helper()
	c, err := aqua.New(f.URL, admin, newClientTransport(t))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func write(w http.ResponseWriter, a answer) {
	if a.body != "" {
		ct := "application/json; charset=utf-8"
		if strings.HasPrefix(a.body, "<") {
			ct = "text/html"
		}
		w.Header().Set("Content-Type", ct)
	}
	w.WriteHeader(a.status)
	_, _ = io.WriteString(w, a.body)
}

// newClientTransport returns a transport with quick retries.
func newClientTransport(t *testing.T) *transport.Client {
	t.Helper()
	tc, err := transport.New(transport.Config{Product: "aqua", MaxRetries: 2,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return tc
}

// assertOneRequest checks that key was requested exactly once, with the
// query and (for want != "") the JSON body want.
func assertOneRequest(t *testing.T, f *fakeAqua, key string, query url.Values, want string) {
	t.Helper()
	got := f.received(key)
	if len(got) != 1 {
		t.Fatalf("%s requested %d times, want once", key, len(got))
	}
	if query == nil {
		query = url.Values{}
	}
	if got[0].Query.Encode() != query.Encode() {
		t.Errorf("%s query = %q, want %q", key, got[0].Query.Encode(), query.Encode())
	}
	if want != "" {
		assertJSONEqual(t, key+" body", got[0].Body, want)
	}
}

// assertJSONEqual checks that got and want are the same JSON value.
func assertJSONEqual(t *testing.T, what, got, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatalf("%s is not JSON: %v: %s", what, err, got)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("want of %s is not JSON: %v", what, err)
	}
	gb, _ := json.Marshal(g)
	wb, _ := json.Marshal(w)
	if !bytes.Equal(gb, wb) {
		t.Errorf("%s =\n%s\nwant\n%s", what, gb, wb)
	}
}

// userReq is a valid user request.
func userReq(name string) aqua.UserRequest {
	return aqua.UserRequest{UserName: name, FirstName: "First", Surname: "Last", Email: name + "@example.com"}
}

// cloudDefinition is a valid Jira Cloud sync definition for project 2.
func cloudDefinition(name string) aqua.SyncDefinition {
	return aqua.SyncDefinition{
		Name: name, AquaProjectID: 2, JiraURL: "https://acme.atlassian.net", JiraProjectKey: "SYNC",
		ConfigurationUser: aqua.JiraAccount{Email: "config@acme.example", APIToken: "config-token"},
		Enabled:           true,
	}
}
