package jira

import (
	"net/http"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

func TestJiraAuthentication_Refused(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	refusals := map[string]wiretest.AuthFunc{
		"no credentials":  wiretest.NoAuth,
		"wrong token":     wiretest.BasicAuth(JiraSyncAccount, "wrong"),
		"wrong password":  wiretest.BasicAuth(kernel.DefaultUsername, "wrong"),
		"unknown account": wiretest.BasicAuth("nobody@example.com", JiraAPIToken),
		"another's token": wiretest.BasicAuth(kernel.DefaultUsername, JiraAPIToken),
		"bearer token":    wiretest.Bearer(JiraAPIToken),
	}
	routes := []string{"/rest/api/2/myself", "/rest/api/2/mypermissions?permissions=BROWSE_PROJECTS", "/rest/api/2/resolution", "/rest/api/2/project/SYNC"}
	for _, site := range allJiraSites {
		for name, auth := range refusals {
			for _, route := range routes {
				t.Run(site.kind+"/"+name+route, func(t *testing.T) {
					wantJiraUnauthorized(t, site.Get(t, ts, auth, route))
				})
			}
		}
	}
}

// TestJiraAuthentication_AnonymousRoutes checks that the anonymous routes
// need no credentials but still refuse wrong ones.
func TestJiraAuthentication_AnonymousRoutes(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	for _, site := range allJiraSites {
		for _, route := range []string{"/rest/api/2/serverInfo", "/rest/servicedeskapi/info"} {
			wiretest.WantStatus(t, site.Get(t, ts, wiretest.NoAuth, route), http.StatusOK)
			wiretest.WantStatus(t, site.Get(t, ts, asJiraSync, route), http.StatusOK)
			r := site.Get(t, ts, wiretest.BasicAuth(JiraSyncAccount, "wrong"), route)
			wantJiraUnauthorized(t, r)
			if r.Header.Get("X-Seraph-LoginReason") != "AUTHENTICATED_FAILED" {
				t.Errorf("%s%s: X-Seraph-LoginReason = %q", site.path, route, r.Header.Get("X-Seraph-LoginReason"))
			}
		}
	}
}

func TestJiraAuthentication_Logins(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	logins := map[string]wiretest.AuthFunc{
		"sync":                wiretest.BasicAuth(JiraSyncAccount, JiraAPIToken),
		"sync, other case":    wiretest.BasicAuth("Sync@Example.com", JiraAPIToken),
		"limited":             wiretest.BasicAuth(JiraLimitedAccount, JiraAPIToken),
		"admin by username":   wiretest.AsAdmin,
		"admin by email":      wiretest.BasicAuth("admin@example.com", kernel.DefaultPassword),
		"admin, capital name": wiretest.BasicAuth("ADMIN", kernel.DefaultPassword),
	}
	for _, site := range allJiraSites {
		for name, auth := range logins {
			if r := site.Get(t, ts, auth, "/rest/api/2/myself"); r.Status != http.StatusOK {
				t.Errorf("%s %s: status %d, body %s", site.kind, name, r.Status, r.Body)
			}
		}
	}
}

func TestJiraErrors_UseJiraBody(t *testing.T) {
	srv, ts := newTestServer(t, kernel.Options{})
	wantJiraError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jira/rest/api/2/issue/SYNC-1", nil), http.StatusNotFound, "no resource at /jira/rest/api/2/issue/SYNC-1")
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, "/jira/server/rest/api/2/myself", nil)
	wantJiraError(t, r, http.StatusMethodNotAllowed, "POST")
	if r.Header.Get("Allow") != "GET" {
		t.Errorf("Allow = %q, want GET", r.Header.Get("Allow"))
	}

	if err := srv.SetFaults(kernel.Faults{RateLimitPerSecond: 0.001}); err != nil {
		t.Fatal(err)
	}
	wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/jira/rest/api/2/serverInfo", nil) // uses the burst
	r = wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/jira/rest/api/2/serverInfo", nil)
	wantJiraError(t, r, http.StatusTooManyRequests, "rate limit exceeded")
	if r.Header.Get("Retry-After") == "" || r.Header.Get("RateLimit-Reason") == "" {
		t.Errorf("429 headers = %v", r.Header)
	}
	if _, err := time.Parse(time.RFC3339, r.Header.Get("X-RateLimit-Reset")); err != nil {
		t.Errorf("X-RateLimit-Reset %q: %v", r.Header.Get("X-RateLimit-Reset"), err)
	}
}
