package aqua

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

func TestAquaProjects_RolesProjectsAndAssignments(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)

	wantJSON(t, c.do(http.MethodGet, "/api/System/Role", nil),
		`[{"Id": 1, "Name": "Project Administrator"}, {"Id": 2, "Name": "Tester"}, {"Id": 3, "Name": "Test Manager"}, {"Id": 4, "Name": "Viewer"}]`)
	wantJSON(t, c.do(http.MethodGet, "/api/Project", nil), `[
		{"Id": 1, "Name": "Demo Project", "IsArchived": false, "IsFavourite": false, "HasSubfolders": false, "ShortDescription": ""},
		{"Id": 2, "Name": "Jira Sync Pilot", "IsArchived": false, "IsFavourite": false, "HasSubfolders": false, "ShortDescription": ""}]`)
	wantJSON(t, c.do(http.MethodGet, "/api/Project/2", nil),
		`{"Id": 2, "Name": "Jira Sync Pilot", "IsArchived": false, "IsFavourite": false, "HasSubfolders": false, "ShortDescription": ""}`)
	wantAquaError(t, c.do(http.MethodGet, "/api/Project/9", nil), http.StatusNotFound, "The project with id 9 does not exist.")

	u := c.createUser("tester")
	path := "/api/Project/2/UserAssignment"
	wiretest.WantStatus(t, c.do(http.MethodPost, path, fmt.Sprintf(`{"UserId": %d, "FolderId": 0, "RoleId": 2}`, u.ID)), http.StatusNoContent)
	wantAquaError(t, c.do(http.MethodPost, path, apiUserProjectFolderAssignment{UserID: u.ID, RoleID: 4}), http.StatusBadRequest, "already assigned to project 2")
	query := fmt.Sprintf("?userId=%d&folderId=0", u.ID)
	wiretest.WantStatus(t, c.do(http.MethodPatch, path+query, `{"OperationType": "Replace", "NewRoleId": 3}`), http.StatusNoContent)
	wantJSON(t, c.do(http.MethodGet, path, nil), fmt.Sprintf(`{"Assignements": [
		{"Role": {"Id": 1, "Name": "Project Administrator"}, "FolderId": 0, "User": {"Id": 1, "UserName": "admin", "FirstName": "Sandbox",
			"Surname": "Admin", "Fullname": "Sandbox Admin", "Email": "admin@example.com", "Phone": "", "Position": "", "PictureUrl": ""}},
		{"Role": {"Id": 3, "Name": "Test Manager"}, "FolderId": 0, "User": {"Id": %d, "UserName": "tester", "FirstName": "First",
			"Surname": "Last", "Fullname": "First Last", "Email": "tester@example.com", "Phone": "", "Position": "", "PictureUrl": ""}}]}`, u.ID))
	wiretest.WantStatus(t, c.do(http.MethodDelete, path+query, nil), http.StatusNoContent)
	wantAquaError(t, c.do(http.MethodDelete, path+query, nil), http.StatusNotFound, "not assigned to project 2")
	wantAquaError(t, c.do(http.MethodPatch, path+query, apiUserProjectFolderAssignmentPatch{OperationType: "Replace", NewRoleID: 2}),
		http.StatusNotFound, "not assigned")
}

func TestAquaProjects_InvalidAssignmentsAreArgumentErrors(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	u := c.createUser("member")
	path := "/api/Project/2/UserAssignment"
	tests := map[string]struct {
		method, path string
		body         any
		reason       string
		want         string
	}{
		"unknown role": {http.MethodPost, path, apiUserProjectFolderAssignment{UserID: u.ID, RoleID: 9}, argRoleNotFound,
			`the role 9 does not exist; roles: 1 "Project Administrator", 2 "Tester", 3 "Test Manager", 4 "Viewer"`},
		"unknown user":   {http.MethodPost, path, apiUserProjectFolderAssignment{UserID: 77, RoleID: 2}, argUserNotFound, "aqua user 77 does not exist"},
		"a folder":       {http.MethodPost, path, apiUserProjectFolderAssignment{UserID: u.ID, FolderID: 5, RoleID: 2}, argFolderNotFound, "folder 5"},
		"role by name":   {http.MethodPost, path, `{"UserId": 3, "RoleName": "Tester"}`, argInvalidArgument, "unknown field"},
		"no userId":      {http.MethodDelete, path, nil, argInvalidParameterValue, "userId must be an aqua user id"},
		"other patch":    {http.MethodPatch, path + "?userId=1", `{"OperationType": "Add", "NewRoleId": 2}`, argWrongPatchType, `OperationType must be "Replace"`},
		"unknown folder": {http.MethodPatch, path + "?userId=1&folderId=7", `{"OperationType": "Replace", "NewRoleId": 2}`, argFolderNotFound, "folder 7"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := c.do(tc.method, tc.path, tc.body)
			wantAquaError(t, r, http.StatusBadRequest, tc.want)
			if e := aquaDecode[apiError](t, r); e.ArgumentErrorType != tc.reason {
				t.Errorf("ArgumentErrorType = %q, want %q", e.ArgumentErrorType, tc.reason)
			}
		})
	}
}

func TestAquaFields_FieldsAndDictionaries(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, kernel.Options{})
	c := newAquaClient(t, ts)
	for _, itemType := range syncItemTypes() {
		fields := aquaDecode[[]apiFieldMeta](t, c.do(http.MethodGet, "/api/Project/2/Meta/"+itemType+"/Fields", nil))
		byID := map[string]apiFieldMeta{}
		for _, f := range fields {
			byID[f.ID] = f
		}
		if f := byID["Resolution"]; f.FieldType != fieldDictionary || len(f.Entries) != 3 || f.Entries[0].Name != "Fixed" || !f.Entries[0].IsDefault {
			t.Errorf("%s Resolution = %+v", itemType, f)
		}
		if f := byID["JiraKey"]; f.FieldType != fieldString || f.Entries != nil || f.IsShared != nil {
			t.Errorf("%s JiraKey = %+v", itemType, f)
		}
	}
	entries := "/api/Project/2/Meta/Defect/Fields/Resolution/Entries"
	d := aquaDecode[apiProjectTemplateDictionary](t, c.do(http.MethodGet, entries, nil))
	if d.Name != "Resolution" || len(d.Entries) != 3 || d.ConsistencyKey == "" {
		t.Fatalf("dictionary = %+v", d)
	}
	r := c.do(http.MethodPost, entries, `{"Name": "Unresolved", "IsDefault": true}`)
	wiretest.WantStatus(t, r, http.StatusOK)
	added := aquaDecode[apiProjectTemplateDictionaryEntry](t, r)
	wantJSON(t, r, fmt.Sprintf(`{"Id": %d, "Name": "Unresolved", "IsDefault": true}`, added.ID))
	after := aquaDecode[apiProjectTemplateDictionary](t, c.do(http.MethodGet, entries, nil))
	if len(after.Entries) != 4 || after.Entries[0].IsDefault || !after.Entries[3].IsDefault || after.ConsistencyKey == d.ConsistencyKey {
		t.Errorf("dictionary after adding a default entry = %+v", after)
	}
	// Another item type and project keep their own entries.
	for _, other := range []string{"/api/Project/2/Meta/Requirement/Fields/Resolution/Entries", "/api/Project/1/Meta/Defect/Fields/Resolution/Entries"} {
		if got := aquaDecode[apiProjectTemplateDictionary](t, c.do(http.MethodGet, other, nil)); len(got.Entries) != 3 {
			t.Errorf("%s = %+v", other, got)
		}
	}
	wantAquaError(t, c.do(http.MethodPost, entries, apiProjectTemplateDictionaryEntryNew{Name: "unresolved"}), http.StatusBadRequest, "already has the entry")
	wantAquaError(t, c.do(http.MethodPost, entries, apiProjectTemplateDictionaryEntryNew{}), http.StatusBadRequest, "Name is required")
	wantAquaError(t, c.do(http.MethodGet, "/api/Project/2/Meta/Defect/Fields/JiraKey/Entries", nil), http.StatusBadRequest, "only Dictionary fields have entries")
	wantAquaError(t, c.do(http.MethodGet, "/api/Project/2/Meta/Epic/Fields", nil), http.StatusBadRequest, `The item type "Epic" is not supported`)
	wantAquaError(t, c.do(http.MethodGet, "/api/Project/2/Meta/Defect/Fields/Nope/Entries", nil), http.StatusNotFound, `The field "Nope" does not exist`)
}
