package conntest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

func TestResultSummarisesTheFirstFailure(t *testing.T) {
	t.Parallel()
	at := time.Date(2025, 3, 1, 12, 30, 45, 123, time.UTC)
	tester := Tester{now: func() time.Time { return at }}

	run := tester.start()
	run.pass(CheckReachability, "HTTP 200")
	run.fail(CheckPermission+"EDIT_ISSUES", "missing")
	run.fail(CheckPermission+"ADD_COMMENTS", "missing")
	res := run.result()
	if res.Success || res.Message != "permission EDIT_ISSUES failed: missing" || len(res.Checks) != 3 {
		t.Errorf("result = %+v", res)
	}
	if !res.CheckedAt.Equal(at.Truncate(time.Second)) || res.DurationMS < 0 {
		t.Errorf("checkedAt = %s, durationMs = %d", res.CheckedAt, res.DurationMS)
	}

	run = tester.start()
	run.pass(CheckReachability, "HTTP 200")
	if res := run.result(); !res.Success || res.Message != Succeeded {
		t.Errorf("result = %+v", res)
	}
}

// TestResult_WireShape holds Result against the literal JSON of the
// contracts' camelCase test result.
func TestResult_WireShape(t *testing.T) {
	t.Parallel()
	res := Result{
		Message:    "authentication failed: HTTP 401",
		CheckedAt:  time.Date(2025, 3, 1, 12, 30, 45, 0, time.UTC),
		DurationMS: 12,
		Checks: []Check{
			{Name: CheckReachability, Success: true, Detail: "HTTP 200 from GET /rest/api/2/serverInfo"},
			{Name: CheckAuthentication, Detail: "HTTP 401"},
		},
	}
	got, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"success":false,"message":"authentication failed: HTTP 401","checkedAt":"2025-03-01T12:30:45Z","durationMs":12,` +
		`"checks":[{"name":"reachability","success":true,"detail":"HTTP 200 from GET /rest/api/2/serverInfo"},` +
		`{"name":"authentication","success":false,"detail":"HTTP 401"}]}`
	if string(got) != want {
		t.Errorf("JSON = %s\nwant   %s", got, want)
	}
	if empty, _ := json.Marshal((&connTestRun{}).result()); !strings.Contains(string(empty), `"checks":[]`) {
		t.Errorf("a run without checks = %s, want an empty checks array", empty)
	}
}

func TestRoots(t *testing.T) {
	t.Parallel()
	if roots, err := connTestRoots("  \n"); roots != nil || err != nil {
		t.Errorf("blank PEM: %v, %v; want the system roots alone", roots, err)
	}
	front := httptest.NewTLSServer(http.NotFoundHandler())
	t.Cleanup(front.Close)
	if roots, err := connTestRoots(wiretest.CertificatePEM(front)); roots == nil || err != nil {
		t.Errorf("certificate: %v, %v", roots, err)
	}
	for _, bad := range []string{"not PEM", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"} {
		if _, err := connTestRoots(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	if _, err := NewTester(time.Now, "trustedCaPem", "not PEM"); err == nil || !strings.Contains(err.Error(), "trustedCaPem") {
		t.Errorf("NewTester with a bad PEM: %v, want an error naming the field", err)
	}
}

func TestIsJiraCloud(t *testing.T) {
	t.Parallel()
	tests := map[string]bool{
		"https://acme.atlassian.net":                       true,
		"https://ACME.Atlassian.net/":                      true,
		" https://acme.atlassian.net ":                     true,
		"https://api.atlassian.com/ex/jira/4f2c9a1e-7b3d":  true,
		"https://api.atlassian.com/ex/jira/4f2c9a1e-7b3d/": true,
		"https://api.atlassian.com/ex/jira/":               false,
		"https://api.atlassian.com/ex/confluence/4f2c9a1e": false,
		"https://api.atlassian.com":                        false,
		"https://atlassian.net":                            false,
		"https://atlassian.net.example.com":                false,
		"https://jira.example.com/ex/jira/4f2c9a1e":        false,
		"http://127.0.0.1:8080/jira/ex/jira/4f2c9a1e-7b3d": false,
		"https://[::1": false,
		"":             false,
	}
	for u, want := range tests {
		if got := IsJiraCloud(u); got != want {
			t.Errorf("IsJiraCloud(%q) = %t, want %t", u, got, want)
		}
	}
}

func TestJiraSiteIsCloud(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		site   string
		answer connAnswer
		want   bool
	}{
		"deploymentType Cloud":         {"http://127.0.0.1/jira", connAnswer{status: http.StatusOK, body: []byte(`{"version":"1001.0.0","deploymentType":"Cloud"}`)}, true},
		"deploymentType DataCenter":    {"https://x.atlassian.net", connAnswer{status: http.StatusOK, body: []byte(`{"version":"9.12.2","deploymentType":"DataCenter"}`)}, false},
		"old Server, Cloud base URL":   {"http://127.0.0.1/jira", connAnswer{status: http.StatusOK, body: []byte(`{"version":"7.0.0","baseUrl":"https://acme.atlassian.net"}`)}, true},
		"anonymous refused, Cloud URL": {"https://acme.atlassian.net", connAnswer{status: http.StatusUnauthorized, body: []byte(`{"errorMessages":["no"]}`)}, true},
		"anonymous refused, own URL":   {"https://jira.example.com", connAnswer{status: http.StatusUnauthorized}, false},
		"not JSON, gateway URL":        {"https://api.atlassian.com/ex/jira/abc", connAnswer{status: http.StatusOK, body: []byte(`<html>`)}, true},
	}
	for name, tc := range tests {
		if got := jiraSiteIsCloud(tc.site, tc.answer); got != tc.want {
			t.Errorf("%s: jiraSiteIsCloud = %t, want %t", name, got, tc.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	t.Parallel()
	if got := excerpt([]byte("short")); got != "short" {
		t.Errorf("excerpt(short) = %q", got)
	}
	long := strings.Repeat("é", excerptLength) // two bytes each
	got := excerpt([]byte(long))
	if !strings.HasSuffix(got, "…") || len(got) > excerptLength+len("…") || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Errorf("excerpt(long) = %q", got)
	}
}
