package sandbox

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

func TestConnTestResultSummarisesTheFirstFailure(t *testing.T) {
	t.Parallel()
	at := time.Date(2025, 3, 1, 12, 30, 45, 123, time.UTC)
	tester := connTester{now: func() time.Time { return at }}

	run := tester.start()
	run.pass(checkReachability, "HTTP 200")
	run.fail(checkPermission+"EDIT_ISSUES", "missing")
	run.fail(checkPermission+"ADD_COMMENTS", "missing")
	res := run.result()
	if res.Success || res.Message != "permission EDIT_ISSUES failed: missing" {
		t.Errorf("result = %+v", res)
	}
	if !res.CheckedAt.Equal(at.Truncate(time.Second)) || res.DurationMS < 0 {
		t.Errorf("checkedAt = %s, durationMs = %d", res.CheckedAt, res.DurationMS)
	}

	run = tester.start()
	run.pass(checkReachability, "HTTP 200")
	if res := run.result(); !res.Success || res.Message != connTestSucceeded {
		t.Errorf("result = %+v", res)
	}
}

func TestConnTestRoots(t *testing.T) {
	t.Parallel()
	if roots, err := connTestRoots("  \n"); roots != nil || err != nil {
		t.Errorf("blank PEM: %v, %v; want the system roots alone", roots, err)
	}
	front := httptest.NewTLSServer(http.NotFoundHandler())
	t.Cleanup(front.Close)
	if roots, err := connTestRoots(certificatePEM(front)); roots == nil || err != nil {
		t.Errorf("certificate: %v, %v", roots, err)
	}
	for _, bad := range []string{"not PEM", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"} {
		if _, err := connTestRoots(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestConnTestRequestErrors(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	jira := createJiraConnection(t, ts, jama.JiraConnection{
		JiraURL: ts.URL + JiraCloudPath, JiraUsername: JiraSyncAccount, JiraPassword: JiraAPIToken, JamaUser: DefaultUsername,
		Schedule: jama.SyncSchedule{Type: jama.ScheduleInterval, IntervalMinutes: 60},
	})
	connector := createConnector(t, ts, jamaTestConnector(ts.URL+"/jama", "basic", true))
	jsm := createJSM(t, ts, asJitterbit(t, ts), basicJSM("1001", "JSM"))
	aquaClient := newAquaClient(t, ts)
	definition := aquaClient.createDefinition(aquaServerDefinition("Sync"))

	invalidPEM := "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
	jamaStyle := []struct{ name, known, unknown string }{
		{"jama", fmt.Sprintf("%s/%d/test", jiraPath, jira), jiraPath + "/999/test"},
		{"interchange", fmt.Sprintf("%s/%d/test", connectorsPath, connector), connectorsPath + "/999/test"},
	}
	for _, p := range jamaStyle {
		wantError(t, call(t, ts, asAdmin, http.MethodPost, p.unknown, nil), http.StatusNotFound, "not found")
		wantError(t, call(t, ts, asAdmin, http.MethodPost, p.known, api.ConnectionTestRequest{TrustedCAPEM: invalidPEM}),
			http.StatusBadRequest, "trustedCaPem", "PEM block 1")
		wantError(t, call(t, ts, asAdmin, http.MethodPost, p.known, `{"caPem": "x"}`), http.StatusBadRequest, "unknown field")
		wantError(t, call(t, ts, noAuth, http.MethodPost, p.known, nil), http.StatusUnauthorized)
	}

	session := asJitterbit(t, ts)
	wantJitterbitError(t, call(t, ts, session, http.MethodPost, jsmPath+"/999/test", nil), http.StatusNotFound, "NOT_FOUND")
	wantJitterbitError(t, call(t, ts, session, http.MethodPost, jsmPath+"/"+jsm.ID+"/test", api.ConnectionTestRequest{TrustedCAPEM: "nothing"}),
		http.StatusBadRequest, "BAD_REQUEST", "trustedCaPem", "no PEM-encoded CERTIFICATE")

	wantAquaError(t, aquaClient.do(http.MethodPost, "/api/JiraSync/Definition/999/Test", nil), http.StatusNotFound, "999")
	wantAquaError(t, aquaClient.do(http.MethodPost, fmt.Sprintf("/api/JiraSync/Definition/%d/Test", definition.ID), map[string]string{"TrustedCaPem": "nothing"}),
		http.StatusBadRequest, "TrustedCaPem")
}

func TestConnTestHonoursTheRequestContext(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	// A Jira that never answers: it reports when the sandbox gives up.
	released := make(chan struct{}, 1)
	silent := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
		released <- struct{}{}
	}))
	t.Cleanup(silent.Close)
	id := createJiraConnection(t, ts, jama.JiraConnection{
		JiraURL: silent.URL, JiraUsername: JiraSyncAccount, JiraPassword: JiraAPIToken, JamaUser: DefaultUsername,
		Schedule: jama.SyncSchedule{Type: jama.ScheduleInterval, IntervalMinutes: 60},
	})

	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("%s%s/%d/test", ts.URL, jiraPath, id), nil)
	if err != nil {
		t.Fatal(err)
	}
	asAdmin(req)
	if resp, err := ts.Client().Do(req); err == nil {
		_ = resp.Body.Close()
		t.Fatalf("the test answered %d before the silent Jira did", resp.StatusCode)
	}
	select {
	case <-released:
	case <-time.After(connTestTimeout / 2):
		t.Fatal("the sandbox kept waiting for Jira after its caller gave up")
	}
}

func TestConnTestCancelledContextFailsReachability(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := connTester{now: time.Now}.testJira(ctx, connJiraTarget{
		siteURL: ts.URL + JiraCloudPath, creds: basicCredentials(JiraSyncAccount, JiraAPIToken),
	})
	wantChecks(t, res, checkReachability)
	wantCheck(t, res, checkReachability, false, "context canceled")
}
