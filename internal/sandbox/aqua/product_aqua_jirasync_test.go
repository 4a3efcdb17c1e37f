package aqua

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

func TestAquaSync_CreateReadListWithoutSecrets(t *testing.T) {
	t.Parallel()
	srv, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	su := c.syncUser("sync.bot", 2)
	in := aquaCloudDefinition("Pilot")
	in.AquaSyncUserID = su.ID

	r := c.do(http.MethodPost, "/almsync/aqua-jira-sync/v1/definitions", in)
	wiretest.WantStatus(t, r, http.StatusCreated)
	created := aquaDecode[syncDefinition](t, r)
	if created.ID != 1 || created.Name != "Pilot" || created.AquaSyncUserID != su.ID || created.SyncUser == nil || created.SyncUser.Email != "sync@acme.example" {
		t.Errorf("created = %+v", created)
	}
	if !strings.HasSuffix(r.Header.Get("Location"), "/aqua/almsync/aqua-jira-sync/v1/definitions/1") {
		t.Errorf("Location = %q", r.Header.Get("Location"))
	}
	reads := []wiretest.Response{
		r,
		c.do(http.MethodGet, "/almsync/aqua-jira-sync/v1/definitions/1", nil),
		c.do(http.MethodGet, "/almsync/aqua-jira-sync/v1/definitions", nil),
		c.do(http.MethodGet, "/almsync/aqua-jira-sync/v1/definitions?name=PILOT", nil),
	}
	for _, read := range reads {
		if read.Status != http.StatusOK && read.Status != http.StatusCreated {
			t.Fatalf("status %d: %s", read.Status, read.Body)
		}
		for _, secret := range []string{"config-token-Pilot", "sync-token-Pilot", "ApiToken", "Password"} {
			if strings.Contains(string(read.Body), secret) {
				t.Errorf("answer %s reveals %q", read.Body, secret)
			}
		}
	}
	if got := aquaDecode[[]syncDefinition](t, reads[3]); len(got) != 1 || got[0].ID != 1 {
		t.Errorf("list by name = %+v", got)
	}
	if got := aquaDecode[[]syncDefinition](t, c.do(http.MethodGet, "/almsync/aqua-jira-sync/v1/definitions?name=other", nil)); len(got) != 0 {
		t.Errorf("list by another name = %+v", got)
	}
	for which, want := range map[string]string{
		"configuration.apiToken": "config-token-Pilot",
		"configuration.password": "",
		"sync.apiToken":          "sync-token-Pilot",
	} {
		if got, ok := productOf(t, srv).AquaSyncSecret(1, which); !ok || got != want {
			t.Errorf("AquaSyncSecret(1, %s) = %q, %t; want %q", which, got, ok, want)
		}
	}
	if _, ok := productOf(t, srv).AquaSyncSecret(1, "bogus"); ok {
		t.Error("AquaSyncSecret accepted an unknown secret name")
	}
	if _, ok := productOf(t, srv).AquaSyncSecret(9, "sync.apiToken"); ok {
		t.Error("AquaSyncSecret found a secret of an unknown definition")
	}
	wantAquaError(t, c.do(http.MethodGet, "/almsync/aqua-jira-sync/v1/definitions/9", nil), http.StatusNotFound, "Jira sync definition 9 does not exist")
}

func TestAquaSync_Validation(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	tests := map[string]struct {
		base   func(string) syncDefinition
		change func(*syncDefinition)
		want   []string
	}{
		"no name":         {aquaServerDefinition, func(d *syncDefinition) { d.Name = " " }, []string{"Name is required"}},
		"no project":      {aquaServerDefinition, func(d *syncDefinition) { d.AquaProjectID = 0 }, []string{"AquaProjectId is required"}},
		"unknown project": {aquaServerDefinition, func(d *syncDefinition) { d.AquaProjectID = 99 }, []string{"AquaProjectId: aqua project 99 does not exist"}},
		"no Jira URL":     {aquaServerDefinition, func(d *syncDefinition) { d.JiraURL = "" }, []string{"JiraUrl is required"}},
		"relative URL":    {aquaServerDefinition, func(d *syncDefinition) { d.JiraURL = "jira.example.com" }, []string{"JiraUrl must be an absolute http or https URL"}},
		"ftp URL":         {aquaServerDefinition, func(d *syncDefinition) { d.JiraURL = "ftp://jira.example.com" }, []string{"JiraUrl must be an absolute http or https URL"}},
		"no project key":  {aquaServerDefinition, func(d *syncDefinition) { d.JiraProjectKey = "" }, []string{"JiraProjectKey is required"}},
		"lower-case key":  {aquaServerDefinition, func(d *syncDefinition) { d.JiraProjectKey = "sync" }, []string{"JiraProjectKey must be a Jira project key", `"sync"`}},
		"one-letter key":  {aquaServerDefinition, func(d *syncDefinition) { d.JiraProjectKey = "S" }, []string{"JiraProjectKey must be a Jira project key"}},
		"no configuration login": {aquaServerDefinition, func(d *syncDefinition) { d.ConfigurationUser.Username = "" },
			[]string{"ConfigurationUser.Username or ConfigurationUser.Email is required"}},
		"no configuration secret": {aquaServerDefinition, func(d *syncDefinition) { d.ConfigurationUser.Password = "" },
			[]string{"ConfigurationUser.Password or ConfigurationUser.ApiToken is required"}},
		"malformed configuration email": {aquaServerDefinition, func(d *syncDefinition) { d.ConfigurationUser.Email = "jira-admin" },
			[]string{"ConfigurationUser.Email must be an email address"}},
		"sync user without secret": {aquaServerDefinition, func(d *syncDefinition) { d.SyncUser = &jiraAccount{Username: "bot"} },
			[]string{"SyncUser.Password or SyncUser.ApiToken is required"}},
		"sync user without login": {aquaServerDefinition, func(d *syncDefinition) { d.SyncUser = &jiraAccount{Password: "pw"} },
			[]string{"SyncUser.Username or SyncUser.Email is required"}},
		"cloud with username and password": {aquaCloudDefinition, func(d *syncDefinition) {
			d.ConfigurationUser = jiraAccount{Username: "jira-admin", Password: "pw"}
		}, []string{"ConfigurationUser.Email is required on Jira Cloud", "instead of the username",
			"ConfigurationUser.ApiToken is required on Jira Cloud", "id.atlassian.com/manage-profile/security/api-tokens"}},
		"cloud sync user with password": {aquaCloudDefinition, func(d *syncDefinition) {
			d.SyncUser = &jiraAccount{Email: "sync@acme.example", Password: "pw"}
		}, []string{"SyncUser.ApiToken is required on Jira Cloud"}},
		"negative sync user": {aquaServerDefinition, func(d *syncDefinition) { d.AquaSyncUserID = -1 }, []string{"AquaSyncUserId must be 0"}},
		"unknown sync user":  {aquaServerDefinition, func(d *syncDefinition) { d.AquaSyncUserID = 42 }, []string{"AquaSyncUserId: aqua user 42 does not exist"}},
		"sync user without the license": {aquaServerDefinition, func(d *syncDefinition) { d.AquaSyncUserID = 1 },
			[]string{"AquaSyncUserId: aqua user 1 has no Jira sync license (JIRASYNC)"}},
		"every problem at once": {aquaServerDefinition, func(d *syncDefinition) { *d = syncDefinition{} },
			[]string{"Name", "AquaProjectId", "JiraUrl", "JiraProjectKey", "ConfigurationUser.Username", "ConfigurationUser.Password"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			d := tc.base("invalid")
			tc.change(&d)
			wantAquaError(t, c.do(http.MethodPost, "/almsync/aqua-jira-sync/v1/definitions", d), http.StatusBadRequest, tc.want...)
		})
	}
}

func TestAquaSync_UnknownJSONKeysAreRejected(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	wantAquaError(t, c.do(http.MethodPost, "/almsync/aqua-jira-sync/v1/definitions", `{"Name":"x","Schedule":"daily"}`), http.StatusBadRequest, "unknown field", "Schedule")
}

func TestAquaSync_AquaSyncUserNeedsLicenseAndProjectAdministratorRole(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	u := c.createUser("bot")
	d := aquaServerDefinition("roles")
	d.AquaSyncUserID = u.ID
	post := func() wiretest.Response { return c.do(http.MethodPost, "/almsync/aqua-jira-sync/v1/definitions", d) }

	wantAquaError(t, post(), http.StatusBadRequest,
		fmt.Sprintf("aqua user %d has no Jira sync license (JIRASYNC)", u.ID),
		fmt.Sprintf("aqua user %d is not Project Administrator in project 2", u.ID))

	wiretest.WantStatus(t, c.do(http.MethodPost, fmt.Sprintf("/api/System/User/%d/License", u.ID), apiUserLicenseAssignment{Code: "JIRASYNC", Type: licenseNamed}), http.StatusNoContent)
	wiretest.WantStatus(t, c.do(http.MethodPost, "/api/Project/2/UserAssignment", apiUserProjectFolderAssignment{UserID: u.ID, RoleID: 2}), http.StatusNoContent)
	r := post()
	wantAquaError(t, r, http.StatusBadRequest, fmt.Sprintf("aqua user %d is not Project Administrator in project 2", u.ID))
	if strings.Contains(string(r.Body), "license") {
		t.Errorf("license problem reported although the user holds it: %s", r.Body)
	}

	// Project Administrator of another project is not enough.
	wiretest.WantStatus(t, c.do(http.MethodPost, "/api/Project/1/UserAssignment", apiUserProjectFolderAssignment{UserID: u.ID, RoleID: 1}), http.StatusNoContent)
	wantAquaError(t, post(), http.StatusBadRequest, "is not Project Administrator in project 2")

	wiretest.WantStatus(t, c.do(http.MethodPatch, fmt.Sprintf("/api/Project/2/UserAssignment?userId=%d&folderId=0", u.ID),
		apiUserProjectFolderAssignmentPatch{OperationType: "Replace", NewRoleID: 1}), http.StatusNoContent)
	wiretest.WantStatus(t, post(), http.StatusCreated)
}

func TestAquaSync_NamesAreUniqueIgnoringCase(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	first := c.createDefinition(aquaServerDefinition("Pilot"))
	wantAquaError(t, c.do(http.MethodPost, "/almsync/aqua-jira-sync/v1/definitions", aquaServerDefinition("PILOT")), http.StatusConflict,
		`a Jira sync definition named "PILOT" already exists (Id 1)`)
	second := c.createDefinition(aquaServerDefinition("Other"))
	wantAquaError(t, c.do(http.MethodPut, fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d", second.ID), aquaServerDefinition("pilot")), http.StatusConflict, "Name")
	// Keeping one's own name is fine.
	wiretest.WantStatus(t, c.do(http.MethodPut, fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d", first.ID), aquaServerDefinition("Pilot")), http.StatusOK)
}

func TestAquaSync_ReplaceKeepsEmptySecrets(t *testing.T) {
	t.Parallel()
	srv, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	d := c.createDefinition(aquaCloudDefinition("keep"))
	path := fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d", d.ID)
	secret := func(which string) string {
		t.Helper()
		s, ok := productOf(t, srv).AquaSyncSecret(d.ID, which)
		if !ok {
			t.Fatalf("no %s", which)
		}
		return s
	}

	// Send back what GET returned (no secrets) with one change.
	read := aquaDecode[syncDefinition](t, c.do(http.MethodGet, path, nil))
	read.JiraProjectKey = "NEWKEY"
	r := c.do(http.MethodPut, path, read)
	wiretest.WantStatus(t, r, http.StatusOK)
	if got := aquaDecode[syncDefinition](t, r); got.JiraProjectKey != "NEWKEY" || got.ConfigurationUser.APIToken != "" {
		t.Errorf("after PUT = %+v", got)
	}
	if secret("configuration.apiToken") != "config-token-keep" || secret("sync.apiToken") != "sync-token-keep" {
		t.Error("empty secrets on PUT did not keep the stored ones")
	}

	// A secret sent replaces the stored one.
	read.ConfigurationUser.APIToken = "rotated"
	wiretest.WantStatus(t, c.do(http.MethodPut, path, read), http.StatusOK)
	if secret("configuration.apiToken") != "rotated" {
		t.Error("new secret not stored")
	}

	// Without SyncUser the Jira sync user and its secret are gone.
	read.SyncUser = nil
	r = c.do(http.MethodPut, path, read)
	wiretest.WantStatus(t, r, http.StatusOK)
	if got := aquaDecode[syncDefinition](t, r); got.SyncUser != nil {
		t.Errorf("SyncUser after removing it = %+v", got.SyncUser)
	}
	if _, ok := productOf(t, srv).AquaSyncSecret(d.ID, "sync.apiToken"); ok {
		t.Error("the removed sync user's token is still stored")
	}
	// A new sync user needs its own secret: nothing is kept from before.
	read.SyncUser = &jiraAccount{Email: "sync@acme.example"}
	wantAquaError(t, c.do(http.MethodPut, path, read), http.StatusBadRequest, "SyncUser.ApiToken is required")

	wantAquaError(t, c.do(http.MethodPut, "/almsync/aqua-jira-sync/v1/definitions/99", read), http.StatusNotFound, "Jira sync definition 99")
	read.ID = 77
	wantAquaError(t, c.do(http.MethodPut, path, read), http.StatusBadRequest, "Id 77 does not match")
}

func TestAquaSync_DeleteRemovesItsMappings(t *testing.T) {
	t.Parallel()
	srv, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	doomed := c.createDefinition(aquaServerDefinition("doomed"))
	kept := c.createDefinition(aquaServerDefinition("kept"))
	for _, d := range []syncDefinition{doomed, kept} {
		base := fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d", d.ID)
		wiretest.WantStatus(t, c.do(http.MethodPost, base+"/field-mappings", aquaKeyMapping()), http.StatusCreated)
		wiretest.WantStatus(t, c.do(http.MethodPost, base+"/value-mappings", aquaResolutionMapping()), http.StatusCreated)
	}

	path := fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d", doomed.ID)
	wiretest.WantStatus(t, c.do(http.MethodDelete, path, nil), http.StatusNoContent)
	wantAquaError(t, c.do(http.MethodGet, path, nil), http.StatusNotFound)
	wantAquaError(t, c.do(http.MethodGet, path+"/field-mappings", nil), http.StatusNotFound, fmt.Sprintf("Jira sync definition %d", doomed.ID))
	wantAquaError(t, c.do(http.MethodDelete, path, nil), http.StatusNotFound)
	aquaStoredState(t, srv, func(s *aquaState) {
		for _, m := range s.FieldMappings.List() {
			if m.SyncID != kept.ID {
				t.Errorf("field mapping %+v outlived its definition", m)
			}
		}
		for _, m := range s.ValueMappings.List() {
			if m.SyncID != kept.ID {
				t.Errorf("value mapping %+v outlived its definition", m)
			}
		}
		if len(s.FieldMappings.List()) != 1 || len(s.ValueMappings.List()) != 1 {
			t.Errorf("the other definition lost its mappings")
		}
	})
}

// TestAquaSync_ContractRoutesOnly: the discovery answers without a token in
// aqua's style, the contract's routes need aqua's token, and the former
// routes under aqua's /api are gone.
func TestAquaSync_ContractRoutesOnly(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	r := wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/aqua/almsync/aqua-jira-sync/v1/contract", nil)
	wiretest.WantStatus(t, r, http.StatusOK)
	if got := aquaDecode[map[string]string](t, r); len(got) != 2 || got["Name"] != "aqua-jira-sync" || got["Version"] != "1.0.0" {
		t.Errorf("discovery = %s", r.Body)
	}
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, aquaSyncPath, nil), http.StatusUnauthorized)
	c := newAquaClient(t, ts)
	c.createDefinition(aquaServerDefinition("moved"))
	for _, old := range []string{"/api/JiraSync/Definition", "/api/JiraSync/Definition/1", "/api/JiraSync/Definition/1/FieldMapping"} {
		wiretest.WantStatus(t, c.do(http.MethodGet, old, nil), http.StatusNotFound)
	}
}
