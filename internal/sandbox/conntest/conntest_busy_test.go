package conntest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// startBusyStub serves a site that answers anonymous GETs 200 and
// everything with credentials status, with Retry-After 7 on a 429.
func startBusyStub(t *testing.T, status int) string {
	t.Helper()
	stub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Header.Get("Authorization") == "" && r.Method == http.MethodGet {
			_, _ = w.Write([]byte(`{"baseUrl":"https://jira.example.com","version":"9.12.2","deploymentType":"DataCenter"}`))
			return
		}
		if status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "7")
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(`{"errorMessages":["Rate limit exceeded."]}`))
	}))
	t.Cleanup(stub.Close)
	return stub.URL
}

// TestBusyTargets: a login answered 429 or 503 was not checked; the
// test's message says so instead of calling it a failed login.
func TestBusyTargets(t *testing.T) {
	t.Parallel()
	tester, err := NewTester(time.Now, "trustedCaPem", "")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cases := map[string]struct {
		run       func(site string) Result
		status    int
		message   string
		fragments []string
	}{
		"jira 429": {
			run: func(site string) Result {
				return tester.TestJira(ctx, JiraTarget{SiteURL: site, Creds: Basic("u", "p")})
			},
			status:    http.StatusTooManyRequests,
			message:   "authentication not checked: HTTP 429: Rate limit exceeded.",
			fragments: []string{"rate-limited the test (Retry-After 7)", "retry later"},
		},
		"jira 503": {
			run: func(site string) Result {
				return tester.TestJira(ctx, JiraTarget{SiteURL: site, Creds: Basic("u", "p")})
			},
			status:    http.StatusServiceUnavailable,
			message:   "authentication not checked: HTTP 503",
			fragments: []string{"could not serve the request now"},
		},
		"jama basic 429": {
			run: func(site string) Result {
				return tester.TestJama(ctx, JamaTarget{InstanceURL: site, VerifyTLS: true, Creds: Basic("u", "p")})
			},
			status:    http.StatusTooManyRequests,
			message:   "authentication not checked: HTTP 429 Too Many Requests",
			fragments: []string{"Retry-After 7"},
		},
		"jama oauth token 429": {
			run: func(site string) Result {
				return tester.TestJama(ctx, JamaTarget{InstanceURL: site, VerifyTLS: true, OAuth: true, ClientID: "app", ClientSecret: "app-secret"})
			},
			status:    http.StatusTooManyRequests,
			message:   "authentication not checked: token request (POST /rest/oauth/token): HTTP 429",
			fragments: []string{"rate-limited the test"},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res := asWire(t, tc.run(startBusyStub(t, tc.status)))
			wiretest.WantFailure(t, res, tc.message)
			wiretest.WantChecks(t, res, CheckReachability, CheckAuthentication)
			wiretest.WantCheck(t, res, CheckAuthentication, false, tc.fragments...)
			if strings.Contains(res.Message, "failed") {
				t.Errorf("message %q calls the login failed", res.Message)
			}
		})
	}
}
