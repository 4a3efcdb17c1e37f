package jama

import (
	"net/http"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// The discovery of the JIRA Connector contract answers without credentials,
// as the contract defines it, with the contract's name and version.
func TestJiraConnectorContract_DiscoveryNeedsNoCredentials(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	r := wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/jama/almsync/jama-jira-connector/v1/contract", nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	env := wiretest.Envelope[contractInfo](t, r)
	if env.Data.Name != "jama-jira-connector" || env.Data.Version != "1.0.0" || env.Meta.Status != "OK" || env.Meta.Timestamp == "" {
		t.Errorf("discovery answered %s", r.Body)
	}
}

// The contract's connections need credentials, and the former routes
// inside Jama's REST API are gone: Jama itself serves nothing there.
func TestJiraConnectorContract_RoutesMovedOutOfJamaREST(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/jama"+jiraConnectionsPath, nil), http.StatusUnauthorized)
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, "/jama"+jiraConnectionsPath, nil), http.StatusOK)
	for _, old := range []string{"/jama/rest/v1/jiraconnector/connections", "/jama/rest/v1/jiraconnector/connections/1"} {
		wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, old, nil), http.StatusNotFound)
	}
}
