package jitterbit

import (
	"net/http"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// TestJitterbitContractDiscovery: the discovery answers without any
// credentials, in Harmony's envelope, with the contract's name and version.
func TestJitterbitContractDiscovery(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	const discovery = "/jitterbit/almsync/jitterbit-jsm-connections/v1/contract"
	r := wiretest.Call(t, ts, jitterbitSession("", ""), http.MethodGet, discovery, nil)
	info := wantJitterbitData[contractInfo](t, r, http.StatusOK)
	if info != (contractInfo{Name: "jitterbit-jsm-connections", Version: "1.0.0"}) {
		t.Errorf("discovery = %+v", info)
	}
	if env := jitterbitEnvelope[contractInfo](t, r); env.URI != ts.URL+discovery {
		t.Errorf("uri = %q, want the URL called", env.URI)
	}
	// The former routes are gone.
	wantJitterbitError(t, wiretest.Call(t, ts, asJitterbit(t, ts), http.MethodGet, "/jitterbit/connections/jira-service-management", nil),
		http.StatusNotFound, "NOT_FOUND")
}

// TestJitterbitStagesShareOneHarmony: a base URL written as Harmony's, with
// its API stage, reaches the same routes and state as the stage-less one.
func TestJitterbitStagesShareOneHarmony(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	for _, stage := range []string{"/dev", "/qa", "/api"} {
		t.Run(stage, func(t *testing.T) {
			base := "/jitterbit" + stage
			login := wiretest.Call(t, ts, func(r *http.Request) {
				r.Header.Set("username", kernel.DefaultUsername)
				r.Header.Set("password", kernel.DefaultPassword)
			}, http.MethodPost, base+"/login", nil)
			token := wantJitterbitData[loginData](t, login, http.StatusOK).AuthenticationToken
			auth := jitterbitSession(token, jitterbitOrgID)
			wantJitterbitData[contractInfo](t, wiretest.Call(t, ts, jitterbitSession("", ""), http.MethodGet,
				base+"/almsync/jitterbit-jsm-connections/v1/contract", nil), http.StatusOK)
			r := wiretest.Call(t, ts, auth, http.MethodPost, base+"/almsync/jitterbit-jsm-connections/v1/connections", basicJSM(seedProjectJSM, "staged"+stage[1:]))
			created := wantJitterbitData[JSMConnection](t, r, http.StatusCreated)
			if want := ts.URL + base + "/almsync/jitterbit-jsm-connections/v1/connections/" + created.ID; r.Header.Get("Location") != want {
				t.Errorf("Location = %q, want %q", r.Header.Get("Location"), want)
			}
			// The stage-less URL, with a token of the staged login, reads it.
			wantJitterbitData[JSMConnection](t, wiretest.Call(t, ts, auth, http.MethodGet, jsmPath+"/"+created.ID, nil), http.StatusOK)
			wantJitterbitData[projectData](t, wiretest.Call(t, ts, auth, http.MethodGet,
				base+"/project?environmentId=201&projectGuid="+seedProjectJSM, nil), http.StatusOK)
		})
	}
	wantJitterbitError(t, wiretest.Call(t, ts, jitterbitSession("", ""), http.MethodGet,
		"/jitterbit/prod/almsync/jitterbit-jsm-connections/v1/contract", nil), http.StatusNotFound, "NOT_FOUND")
}
