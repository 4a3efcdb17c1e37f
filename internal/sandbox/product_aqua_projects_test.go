package sandbox

import (
	"net/http"
	"slices"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

func TestAquaProjects_Seeded(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	c := newAquaClient(t, ts)
	projects := aquaDecode[[]aqua.Project](t, c.do(http.MethodGet, "/api/Project", nil))
	want := []aqua.Project{{ID: 1, Name: "Demo Project"}, {ID: 2, Name: "Jira Sync Pilot"}}
	if !slices.Equal(projects, want) {
		t.Errorf("projects = %+v, want %+v", projects, want)
	}
	if p := aquaDecode[aqua.Project](t, c.do(http.MethodGet, "/api/Project/2", nil)); p != want[1] {
		t.Errorf("project 2 = %+v", p)
	}
	wantAquaError(t, c.do(http.MethodGet, "/api/Project/9", nil), http.StatusNotFound, "aqua project 9 does not exist")
	for _, pid := range []string{"1", "2"} {
		members := aquaDecode[[]aqua.UserAssignment](t, c.do(http.MethodGet, "/api/Project/"+pid+"/UserAssignment", nil))
		if len(members) != 1 || members[0] != (aqua.UserAssignment{UserID: 1, UserName: "admin", RoleName: "Project Administrator"}) {
			t.Errorf("members of project %s = %+v", pid, members)
		}
	}
}

func TestAquaAssignments_AddChangeRemove(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	c := newAquaClient(t, ts)
	u := c.createUser("tester")
	const path = "/api/Project/2/UserAssignment"

	r := c.do(http.MethodPost, path, aqua.AssignmentRequest{UserID: u.ID, RoleName: "tester"})
	wantStatus(t, r, http.StatusCreated)
	if got := aquaDecode[aqua.UserAssignment](t, r); got != (aqua.UserAssignment{UserID: u.ID, UserName: "tester", RoleName: "Tester"}) {
		t.Errorf("added = %+v, want the canonical role", got)
	}
	wantAquaError(t, c.do(http.MethodPost, path, aqua.AssignmentRequest{UserID: u.ID, RoleName: "Viewer"}), http.StatusConflict, "already assigned to project 2 (role Tester)")

	r = c.do(http.MethodPatch, path, aqua.AssignmentRequest{UserID: u.ID, RoleName: "Test Manager"})
	wantStatus(t, r, http.StatusOK)
	members := aquaDecode[[]aqua.UserAssignment](t, c.do(http.MethodGet, path, nil))
	if len(members) != 2 || members[1].RoleName != "Test Manager" {
		t.Errorf("members after PATCH = %+v", members)
	}

	wantStatus(t, c.do(http.MethodDelete, path+"?userId=2", nil), http.StatusNoContent)
	wantAquaError(t, c.do(http.MethodDelete, path+"?userId=2", nil), http.StatusNotFound, "aqua user 2 is not assigned to project 2")
	wantAquaError(t, c.do(http.MethodPatch, path, aqua.AssignmentRequest{UserID: u.ID, RoleName: "Tester"}), http.StatusNotFound, "not assigned")
	wantAquaError(t, c.do(http.MethodDelete, path, nil), http.StatusBadRequest, "userId")
}

func TestAquaAssignments_Validation(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	c := newAquaClient(t, ts)
	u := c.createUser("tester")
	tests := map[string]struct {
		req  aqua.AssignmentRequest
		want []string
	}{
		"unknown role":  {aqua.AssignmentRequest{UserID: u.ID, RoleName: "Owner"}, []string{"RoleName must be one of", `"Project Administrator", "Tester", "Test Manager", "Viewer"`, `"Owner"`}},
		"no role":       {aqua.AssignmentRequest{UserID: u.ID}, []string{"RoleName must be one of"}},
		"unknown user":  {aqua.AssignmentRequest{UserID: 77, RoleName: "Tester"}, []string{"UserId: aqua user 77 does not exist"}},
		"no user":       {aqua.AssignmentRequest{RoleName: "Tester"}, []string{"UserId is required"}},
		"both problems": {aqua.AssignmentRequest{UserID: 77}, []string{"UserId", "RoleName"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			wantAquaError(t, c.do(http.MethodPost, "/api/Project/1/UserAssignment", tc.req), http.StatusBadRequest, tc.want...)
			wantAquaError(t, c.do(http.MethodPatch, "/api/Project/1/UserAssignment", tc.req), http.StatusBadRequest, tc.want...)
		})
	}
	wantAquaError(t, c.do(http.MethodPost, "/api/Project/9/UserAssignment", aqua.AssignmentRequest{UserID: u.ID, RoleName: "Tester"}), http.StatusNotFound, "aqua project 9")
}

func TestAquaFields_ResolutionDictionaryAndJiraFields(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	c := newAquaClient(t, ts)
	for _, itemType := range aqua.SyncItemTypes() {
		fields := aquaDecode[[]aqua.Field](t, c.do(http.MethodGet, "/api/Project/2/Meta/"+itemType+"/Fields", nil))
		for _, want := range []aqua.Field{
			{FieldID: "Resolution", Name: "Resolution", Type: "Dictionary"},
			{FieldID: "JiraKey", Name: "JiraKey", Type: "Text"},
			{FieldID: "JiraStatus", Name: "JiraStatus", Type: "Text"},
			{FieldID: "JiraLink", Name: "JiraLink", Type: "Text"},
		} {
			if !slices.Contains(fields, want) {
				t.Errorf("%s fields %+v lack %+v", itemType, fields, want)
			}
		}
	}
	wantAquaError(t, c.do(http.MethodGet, "/api/Project/2/Meta/Epic/Fields", nil), http.StatusNotFound, `item type "Epic" does not exist`)
	wantAquaError(t, c.do(http.MethodGet, "/api/Project/9/Meta/Defect/Fields", nil), http.StatusNotFound, "aqua project 9")

	const entries = "/api/Project/2/Meta/Defect/Fields/Resolution/Entries"
	values := func() []string {
		var out []string
		for _, e := range aquaDecode[[]aqua.FieldEntry](t, c.do(http.MethodGet, entries, nil)) {
			out = append(out, e.Value)
		}
		return out
	}
	if got := values(); !slices.Equal(got, []string{"Fixed", "Won't Fix", "Duplicate"}) {
		t.Errorf("Resolution entries = %q", got)
	}
	r := c.do(http.MethodPost, entries, aqua.FieldEntryRequest{Value: "Unresolved"})
	wantStatus(t, r, http.StatusCreated)
	if e := aquaDecode[aqua.FieldEntry](t, r); e.ID == 0 || e.Value != "Unresolved" {
		t.Errorf("added entry = %+v", e)
	}
	if got := values(); !slices.Contains(got, "Unresolved") {
		t.Errorf("entries after adding = %q", got)
	}
	// Entries belong to one project and item type.
	for _, other := range []string{"/api/Project/1/Meta/Defect/Fields/Resolution/Entries", "/api/Project/2/Meta/TestCase/Fields/Resolution/Entries"} {
		for _, e := range aquaDecode[[]aqua.FieldEntry](t, c.do(http.MethodGet, other, nil)) {
			if e.Value == "Unresolved" {
				t.Errorf("%s holds the entry added elsewhere", other)
			}
		}
	}
	wantAquaError(t, c.do(http.MethodPost, entries, aqua.FieldEntryRequest{Value: "unresolved"}), http.StatusConflict, "already has the entry")
	wantAquaError(t, c.do(http.MethodPost, entries, aqua.FieldEntryRequest{}), http.StatusBadRequest, "Value is required")
	wantAquaError(t, c.do(http.MethodGet, "/api/Project/2/Meta/Defect/Fields/JiraKey/Entries", nil), http.StatusBadRequest, "JiraKey", "Text field")
	wantAquaError(t, c.do(http.MethodGet, "/api/Project/2/Meta/Defect/Fields/Nope/Entries", nil), http.StatusNotFound, `field "Nope"`)
}
