package sandbox

import (
	"net/http"
	"testing"
	"time"
)

func TestJiraAuthentication_Refused(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	refusals := map[string]authFunc{
		"no credentials":  noAuth,
		"wrong token":     basicAuth(JiraSyncAccount, "wrong"),
		"wrong password":  basicAuth(DefaultUsername, "wrong"),
		"unknown account": basicAuth("nobody@example.com", JiraAPIToken),
		"another's token": basicAuth(DefaultUsername, JiraAPIToken),
		"bearer token":    bearer(JiraAPIToken),
	}
	routes := []string{"/rest/api/2/myself", "/rest/api/2/mypermissions?permissions=BROWSE_PROJECTS", "/rest/api/2/resolution", "/rest/api/2/project/SYNC"}
	for _, site := range allJiraSites {
		for name, auth := range refusals {
			for _, route := range routes {
				t.Run(site.kind+"/"+name+route, func(t *testing.T) {
					wantJiraUnauthorized(t, site.get(t, ts, auth, route))
				})
			}
		}
	}
}

// TestJiraAuthentication_AnonymousRoutes checks that the anonymous routes
// need no credentials but still refuse wrong ones.
func TestJiraAuthentication_AnonymousRoutes(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	for _, site := range allJiraSites {
		for _, route := range []string{"/rest/api/2/serverInfo", "/rest/servicedeskapi/info"} {
			wantStatus(t, site.get(t, ts, noAuth, route), http.StatusOK)
			wantStatus(t, site.get(t, ts, asJiraSync, route), http.StatusOK)
			r := site.get(t, ts, basicAuth(JiraSyncAccount, "wrong"), route)
			wantJiraUnauthorized(t, r)
			if r.header.Get("X-Seraph-LoginReason") != "AUTHENTICATED_FAILED" {
				t.Errorf("%s%s: X-Seraph-LoginReason = %q", site.path, route, r.header.Get("X-Seraph-LoginReason"))
			}
		}
	}
}

func TestJiraAuthentication_Logins(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	logins := map[string]authFunc{
		"sync":                basicAuth(JiraSyncAccount, JiraAPIToken),
		"sync, other case":    basicAuth("Sync@Example.com", JiraAPIToken),
		"limited":             basicAuth(JiraLimitedAccount, JiraAPIToken),
		"admin by username":   asAdmin,
		"admin by email":      basicAuth("admin@example.com", DefaultPassword),
		"admin, capital name": basicAuth("ADMIN", DefaultPassword),
	}
	for _, site := range allJiraSites {
		for name, auth := range logins {
			if r := site.get(t, ts, auth, "/rest/api/2/myself"); r.status != http.StatusOK {
				t.Errorf("%s %s: status %d, body %s", site.kind, name, r.status, r.body)
			}
		}
	}
}

func TestJiraErrors_UseJiraBody(t *testing.T) {
	srv, ts := newTestServer(t, Options{})
	wantJiraError(t, call(t, ts, asAdmin, http.MethodGet, "/jira/rest/api/2/issue/SYNC-1", nil), http.StatusNotFound, "no resource at /jira/rest/api/2/issue/SYNC-1")
	r := call(t, ts, asAdmin, http.MethodPost, "/jira/server/rest/api/2/myself", nil)
	wantJiraError(t, r, http.StatusMethodNotAllowed, "POST")
	if r.header.Get("Allow") != "GET" {
		t.Errorf("Allow = %q, want GET", r.header.Get("Allow"))
	}

	if err := srv.SetFaults(Faults{RateLimitPerSecond: 0.001}); err != nil {
		t.Fatal(err)
	}
	call(t, ts, noAuth, http.MethodGet, "/jira/rest/api/2/serverInfo", nil) // uses the burst
	r = call(t, ts, noAuth, http.MethodGet, "/jira/rest/api/2/serverInfo", nil)
	wantJiraError(t, r, http.StatusTooManyRequests, "rate limit exceeded")
	if r.header.Get("Retry-After") == "" || r.header.Get("RateLimit-Reason") == "" {
		t.Errorf("429 headers = %v", r.header)
	}
	if _, err := time.Parse(time.RFC3339, r.header.Get("X-RateLimit-Reset")); err != nil {
		t.Errorf("X-RateLimit-Reset %q: %v", r.header.Get("X-RateLimit-Reset"), err)
	}
}
