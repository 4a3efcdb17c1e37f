package jira

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// jiraSite is one of the emulated Jira sites, as tests address it.
type jiraSite struct {
	path string // below the sandbox root
	kind string // deploymentType
}

// allJiraSites are the three emulated sites.
var allJiraSites = []jiraSite{
	{JiraCloudPath, "Cloud"},
	{JiraServerPath, "Server"},
	{JiraDataCenterPath, "DataCenter"},
}

// cloudGatewaySite is the Cloud site through the gateway's path.
var cloudGatewaySite = jiraSite{JiraCloudGatewayPath, "Cloud"}

var (
	asJiraSync    = wiretest.BasicAuth(JiraSyncAccount, JiraAPIToken)
	asJiraLimited = wiretest.BasicAuth(JiraLimitedAccount, JiraAPIToken)
)

// Get sends GET path below the site's path.
func (s jiraSite) Get(t testing.TB, ts *httptest.Server, auth wiretest.AuthFunc, path string) wiretest.Response {
	t.Helper()
	return wiretest.Call(t, ts, auth, http.MethodGet, s.path+path, nil)
}

// decodeJira decodes a JSON answer into T, failing the test when it is
// not JSON of that shape.
func decodeJira[T any](t testing.TB, r wiretest.Response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(r.Body, &v); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
	return v
}

// wantJiraError checks Jira's error body: the status, exactly one
// errorMessages entry containing fragment, and an empty errors object.
func wantJiraError(t testing.TB, r wiretest.Response, status int, fragment string) {
	t.Helper()
	wiretest.WantStatus(t, r, status)
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	body := decodeJira[map[string]json.RawMessage](t, r)
	var messages []string
	if err := json.Unmarshal(body["errorMessages"], &messages); err != nil || len(messages) != 1 || !strings.Contains(messages[0], fragment) {
		t.Errorf("errorMessages = %s, want one message containing %q", body["errorMessages"], fragment)
	}
	if string(body["errors"]) != "{}" {
		t.Errorf("errors = %s, want {}", body["errors"])
	}
}

// wantJiraUnauthorized checks Jira's 401: body and WWW-Authenticate header.
func wantJiraUnauthorized(t testing.TB, r wiretest.Response) {
	t.Helper()
	wantJiraError(t, r, http.StatusUnauthorized, "You are not authenticated. Authentication required to perform this operation.")
	if got := r.Header.Get("WWW-Authenticate"); got != `Basic realm="protected-area"` {
		t.Errorf("WWW-Authenticate = %q", got)
	}
}

// wantMembers checks which members a decoded JSON object has.
func wantMembers(t testing.TB, what string, obj map[string]json.RawMessage, present, absent []string) {
	t.Helper()
	for _, k := range present {
		if _, ok := obj[k]; !ok {
			t.Errorf("%s: member %q is missing", what, k)
		}
	}
	for _, k := range absent {
		if v, ok := obj[k]; ok {
			t.Errorf("%s: member %q = %s, want it absent", what, k, v)
		}
	}
}
