package jitterbit

import (
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// TestJitterbitDeployProject: the documented body deploys the project and
// answers the envelope without data; each deployment is counted with the
// server clock's time, and survives in the state file.
func TestJitterbitDeployProject(t *testing.T) {
	statePath := filepath.Join(t.TempDir(), "state.json")
	srv, ts := newTestServer(t, kernel.Options{StatePath: statePath})
	auth := asJitterbit(t, ts)
	at := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	srv.SetClock(func() time.Time { return at })
	defer srv.SetClock(time.Now)

	p := productOf(t, srv)
	if n, last, ok := p.ProjectDeployments(seedProjectJSM); !ok || n != 0 || !last.IsZero() {
		t.Fatalf("before: %d deployments, last %v, known %t", n, last, ok)
	}
	for range 2 {
		r := wiretest.Call(t, ts, auth, http.MethodPut, projectURL, map[string]any{"projectGuid": seedProjectJSM})
		env := jitterbitEnvelope[map[string]any](t, r)
		if r.Status != http.StatusOK || !env.Success || env.Data != nil || env.Error != nil || env.URI == "" {
			t.Errorf("deploy: HTTP %d %s, want success with a uri and without data", r.Status, r.Body)
		}
	}
	if n, last, ok := p.ProjectDeployments(seedProjectJSM); !ok || n != 2 || !last.Equal(at) {
		t.Errorf("after: %d deployments, last %v; want 2 at %v", n, last, at)
	}
	if n, _, _ := p.ProjectDeployments(seedProjectSD); n != 0 {
		t.Errorf("the other project has %d deployments", n)
	}
	// The reference lists no organizationId for the deploy.
	token := jitterbitToken(t, ts)
	wiretest.WantStatus(t, wiretest.Call(t, ts, jitterbitSession(token, ""), http.MethodPut, projectURL,
		map[string]any{"projectGuid": seedProjectSD}), http.StatusOK)

	// A restarted sandbox still knows.
	again, _ := newTestServer(t, kernel.Options{StatePath: statePath})
	if n, _, _ := productOf(t, again).ProjectDeployments(seedProjectJSM); n != 2 {
		t.Errorf("after a restart: %d deployments, want 2", n)
	}
}

func TestJitterbitDeployProjectRefusals(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	auth := asJitterbit(t, ts)
	tests := []struct {
		name      string
		body      any
		status    int
		code      string
		fragments []string
	}{
		{"unknown project", map[string]any{"projectGuid": testUnknownGUID}, http.StatusNotFound, "NOT_FOUND",
			[]string{"project " + testUnknownGUID + " not found"}},
		{"no projectGuid", map[string]any{}, http.StatusBadRequest, "BAD_REQUEST", []string{"projectGuid is required"}},
		{"an undocumented member", map[string]any{"projectGuid": seedProjectJSM, "environmentId": "201"}, http.StatusBadRequest, "BAD_REQUEST",
			[]string{"environmentId"}},
		{"not JSON", "{", http.StatusBadRequest, "BAD_REQUEST", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodPut, projectURL, tc.body), tc.status, tc.code, tc.fragments...)
		})
	}
	wantJitterbitError(t, wiretest.Call(t, ts, jitterbitSession("", jitterbitOrgID), http.MethodPut,
		projectURL, map[string]any{"projectGuid": seedProjectJSM}), http.StatusUnauthorized, jitterbitCodeTokenMissing)
}
