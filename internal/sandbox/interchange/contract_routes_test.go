package interchange

import (
	"net/http"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// The discovery of the connector contract answers without credentials, as
// the contract defines it, with the contract's name and version.
func TestConnectorContract_DiscoveryNeedsNoCredentials(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	r := wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/interchange/almsync/interchange-connectors/v1/contract", nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	env := wiretest.Envelope[struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}](t, r)
	if env.Data.Name != "interchange-connectors" || env.Data.Version != "1.0.0" || env.Meta.Status != "OK" {
		t.Errorf("discovery answered %s", r.Body)
	}
}

// The connectors need credentials, the token endpoint stays, and the
// former routes are gone.
func TestConnectorContract_RoutesMoved(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, connectorsRoute, nil), http.StatusUnauthorized)
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, connectorsRoute, nil), http.StatusOK)
	if tok := wiretest.AccessToken(t, ts, "/interchange"); tok == "" {
		t.Error("no OAuth token from /interchange/rest/oauth/token")
	}
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/interchange/rest/v1/connectors", nil), http.StatusNotFound)
}
