package aqua

import (
	"fmt"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

func TestAquaState_PersistsAcrossRestarts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	srv, ts := newTestServer(t, kernel.Options{StatePath: path})
	c := newAquaClient(t, ts)
	su := c.syncUser("bot", 2)
	wiretest.WantStatus(t, c.do(http.MethodPost, "/api/Project/2/Meta/Defect/Fields/Resolution/Entries", apiProjectTemplateDictionaryEntryNew{Name: "Unresolved"}), http.StatusOK)
	d := aquaCloudDefinition("persisted")
	d.AquaSyncUserID = su.ID
	def := c.createDefinition(d)
	wiretest.WantStatus(t, c.do(http.MethodPost, fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d/field-mappings", def.ID), aquaKeyMapping()), http.StatusCreated)
	wiretest.WantStatus(t, c.do(http.MethodPost, fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d/value-mappings", def.ID), aquaResolutionMapping()), http.StatusCreated)
	oldToken := c.token
	ts.Close()
	if err := srv.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	srv2, ts2 := newTestServer(t, kernel.Options{StatePath: path})
	// Tokens live in memory only.
	wantAquaError(t, wiretest.Call(t, ts2, wiretest.Bearer(oldToken), http.MethodGet, "/aqua/api/Session", nil), http.StatusUnauthorized)
	c2 := newAquaClient(t, ts2)
	if u := c2.getUser(su.ID); u.UserName != "bot" || len(u.Licenses) != 1 || u.Licenses[0] != (apiUserLicenseAssignment{Code: licenseJiraSync, Type: licenseNamed}) {
		t.Errorf("user after restart = %+v", u)
	}
	if got := aquaDecode[syncDefinition](t, c2.do(http.MethodGet, fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d", def.ID), nil)); got.Name != "persisted" || got.AquaSyncUserID != su.ID {
		t.Errorf("definition after restart = %+v", got)
	}
	if token, ok := productOf(t, srv2).AquaSyncSecret(def.ID, "sync.apiToken"); !ok || token != "sync-token-persisted" {
		t.Errorf("sync token after restart = %q, %t", token, ok)
	}
	if got := aquaDecode[[]fieldMapping](t, c2.do(http.MethodGet, fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d/field-mappings", def.ID), nil)); len(got) != 1 {
		t.Errorf("field mappings after restart = %+v", got)
	}
	if got := aquaDecode[[]valueMapping](t, c2.do(http.MethodGet, fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d/value-mappings", def.ID), nil)); len(got) != 1 {
		t.Errorf("value mappings after restart = %+v", got)
	}
	wantAquaError(t, c2.do(http.MethodPost, "/api/Project/2/Meta/Defect/Fields/Resolution/Entries", apiProjectTemplateDictionaryEntryNew{Name: "Unresolved"}),
		http.StatusBadRequest, "already has the entry")
	// The JIRASYNC named seats still count the license given before the restart.
	named := apiUserLicenseAssignment{Code: licenseJiraSync, Type: licenseNamed}
	wiretest.WantStatus(t, c2.do(http.MethodPost, "/api/System/User/1/License", named), http.StatusNoContent)
	third := c2.createUser("third")
	wantAquaError(t, c2.do(http.MethodPost, fmt.Sprintf("/api/System/User/%d/License", third.ID), named), http.StatusBadRequest, "no free named JIRASYNC license")
	// Id counters survived: a new definition does not reuse an id.
	if next := c2.createDefinition(aquaServerDefinition("next")); next.ID != def.ID+1 {
		t.Errorf("next definition id = %d, want %d", next.ID, def.ID+1)
	}
}

func TestAquaState_ResetRestoresTheSeed(t *testing.T) {
	t.Parallel()
	srv, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	c.createUser("temp")
	c.createDefinition(aquaServerDefinition("temp"))
	srv.Reset()
	// Tokens survive a reset.
	if users := aquaDecode[[]apiUserMinimalInfo](t, c.do(http.MethodGet, "/api/System/User", nil)); len(users) != 1 || users[0].UserName != kernel.DefaultUsername {
		t.Errorf("users after reset = %+v", users)
	}
	if defs := aquaDecode[[]syncDefinition](t, c.do(http.MethodGet, "/almsync/aqua-jira-sync/v1/definitions", nil)); len(defs) != 0 {
		t.Errorf("definitions after reset = %+v", defs)
	}
}

func TestAquaErrors_FaultsAndUnknownRoutesUseAquasErrorBody(t *testing.T) {
	t.Parallel()
	srv, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	wantAquaError(t, c.do(http.MethodGet, "/api/Nothing", nil), http.StatusNotFound, "/aqua/api/Nothing")
	r := c.do(http.MethodPost, "/api/Session", nil)
	wantAquaError(t, r, http.StatusMethodNotAllowed, "POST")
	if r.Header.Get("Allow") != "GET" {
		t.Errorf("Allow = %q", r.Header.Get("Allow"))
	}
	if err := srv.SetFaults(kernel.Faults{ErrorRate: 1}); err != nil {
		t.Fatal(err)
	}
	r = c.do(http.MethodGet, "/api/Session", nil)
	if r.Status < 500 {
		t.Fatalf("status with error_rate 1 = %d", r.Status)
	}
	wantAquaError(t, r, r.Status, "injected fault")
	if got := srv.Stats().Products["aqua"].Routes["GET /api/Session"]; got != 1 {
		t.Errorf("stats for GET /api/Session = %d, want 1", got)
	}
}
