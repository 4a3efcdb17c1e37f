package sandbox

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

func TestConnTestRequestErrors(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	jira := createJiraConnection(t, ts, jiraConnection(syncLogin(ts.URL+jiraCloudPath)))
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, connectorsPath, object{
		"name": "Jama", "url": ts.URL + "/jama", "verifySsl": true, "authType": "basic",
		"username": kernel.DefaultUsername, "password": kernel.DefaultPassword,
	})
	wiretest.WantStatus(t, r, http.StatusCreated)
	connector := wiretest.Envelope[json.RawMessage](t, r).Meta.ID
	session := asJitterbit(t, ts)
	jsm := wantJitterbitData[struct {
		ID string `json:"id"`
	}](t, wiretest.Call(t, ts, session, http.MethodPost, jsmPath, jsmConnection(syncLogin(ts.URL+jiraCloudPath))), http.StatusCreated)
	aquaAuth := asAqua(t, ts)
	r = wiretest.Call(t, ts, aquaAuth, http.MethodPost, aquaSyncPath,
		aquaDefinition(ts.URL+jiraServerPath, object{"Username": kernel.DefaultUsername, "Password": kernel.DefaultPassword}))
	definition := wiretest.Decode[struct {
		ID int64 `json:"Id"`
	}](t, r)

	invalidPEM := "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
	jamaStyle := []struct{ name, known, unknown string }{
		{"jama", fmt.Sprintf("%s/%d/test", jiraPath, jira), jiraPath + "/999/test"},
		{"interchange", fmt.Sprintf("%s/%d/test", connectorsPath, connector), connectorsPath + "/999/test"},
	}
	for _, p := range jamaStyle {
		wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, p.unknown, nil), http.StatusNotFound, "not found")
		wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, p.known, wiretest.ConnTestRequest{TrustedCAPEM: invalidPEM}),
			http.StatusBadRequest, "trustedCaPem", "PEM block 1")
		wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, p.known, `{"caPem": "x"}`), http.StatusBadRequest, "unknown field")
		wiretest.WantJamaError(t, wiretest.Call(t, ts, wiretest.NoAuth, http.MethodPost, p.known, nil), http.StatusUnauthorized)
	}

	wantJitterbitError(t, wiretest.Call(t, ts, session, http.MethodPost, jsmPath+"/999/test", nil), http.StatusNotFound, "NOT_FOUND")
	wantJitterbitError(t, wiretest.Call(t, ts, session, http.MethodPost, jsmPath+"/"+jsm.ID+"/test", wiretest.ConnTestRequest{TrustedCAPEM: "nothing"}),
		http.StatusBadRequest, "BAD_REQUEST", "trustedCaPem", "no PEM-encoded CERTIFICATE")

	wantAquaError(t, wiretest.Call(t, ts, aquaAuth, http.MethodPost, aquaSyncPath+"/999/test", nil), http.StatusNotFound, "999")
	wantAquaError(t, wiretest.Call(t, ts, aquaAuth, http.MethodPost, fmt.Sprintf("%s/%d/test", aquaSyncPath, definition.ID), map[string]string{"TrustedCaPem": "nothing"}),
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
	id := createJiraConnection(t, ts, jiraConnection(syncLogin(silent.URL)))

	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("%s%s/%d/test", ts.URL, jiraPath, id), nil)
	if err != nil {
		t.Fatal(err)
	}
	wiretest.AsAdmin(req)
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
