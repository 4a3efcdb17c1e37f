package aqua_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// rolesJSON is GET /api/System/Role: [ApiRoleIdName].
const rolesJSON = `[{"Id": 3, "Name": "Project Administrator"}, {"Id": 4, "Name": "Tester"}]`

// projectAssignments answers GET .../UserAssignment with a project-level
// and a folder-level assignment of user 7.
const projectAssignments = `{"Assignements": [
	{"Role": {"Id": 4, "Name": "Tester"}, "User": {"Id": 7, "UserName": "jira.sync", "Email": "jira.sync@example.com"}, "FolderId": 15},
	{"Role": {"Id": 3, "Name": "Project Administrator"}, "User": {"Id": 7, "UserName": "jira.sync", "Email": "jira.sync@example.com"}, "FolderId": 0},
	{"Role": {"Id": 4, "Name": "Tester"}, "User": {"Id": 9, "UserName": "tester"}, "FolderId": 0}
]}`

func TestProjects_ListAndRead(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, map[string]handler{
		"GET /api/Project":   fixed(http.StatusOK, "["+projectJSON+"]"),
		"GET /api/Project/2": fixed(http.StatusOK, projectJSON),
		"GET /api/Project/3": fixed(http.StatusForbidden,
			`{"Message":"You have no access to this project.","Code":"E-9","Type":"Forbidden","ForbiddenErrorType":"NotPermitted"}`),
	})
	c, ctx := f.client(t), context.Background()
	want := aqua.Project{ID: 2, Name: "Jira Sync Pilot", HasSubfolders: true, ShortDescription: "Pilot"}
	if all, err := c.ListProjects(ctx); err != nil || !reflect.DeepEqual(all, []aqua.Project{want}) {
		t.Errorf("projects: %+v, %v", all, err)
	}
	if p, err := c.GetProject(ctx, 2); err != nil || p != want {
		t.Errorf("project 2: %+v, %v", p, err)
	}
	if _, err := c.GetProject(ctx, 3); !errors.Is(err, aqua.ErrNotPermitted) || !errors.Is(err, api.ErrForbidden) {
		t.Errorf("project 3: %v, want NotPermitted", err)
	}
}

func TestAssignments_OnlyTheProjectLevelCounts(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, map[string]handler{"GET /api/Project/2/UserAssignment": fixed(http.StatusOK, projectAssignments)})
	c, ctx := f.client(t), context.Background()
	a, ok, err := c.FindAssignment(ctx, 2, 7)
	if err != nil || !ok || a.Role != (aqua.Role{ID: 3, Name: aqua.RoleProjectAdministrator}) || a.User.Email != "jira.sync@example.com" {
		t.Errorf("assignment of user 7: %+v %t %v", a, ok, err)
	}
	if all, err := c.ListAssignments(ctx, 2); err != nil || len(all) != 2 {
		t.Errorf("project-level assignments: %+v, %v", all, err)
	}
	if _, ok, err := c.FindAssignment(ctx, 2, 8); err != nil || ok {
		t.Errorf("assignment of user 8: %t %v", ok, err)
	}
	if r := f.received("GET /api/Project/2/UserAssignment"); len(r) != 3 || len(r[0].Query) != 0 {
		t.Errorf("requests: %+v, want three without a query (the project level)", r)
	}
}

func TestAssignments_RolesAreSentByID(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, map[string]handler{
		"GET /api/System/Role":                 fixed(http.StatusOK, rolesJSON),
		"POST /api/Project/2/UserAssignment":   fixed(http.StatusNoContent, ""),
		"PATCH /api/Project/2/UserAssignment":  fixed(http.StatusNoContent, ""),
		"DELETE /api/Project/2/UserAssignment": fixed(http.StatusNoContent, ""),
	})
	c, ctx := f.client(t), context.Background()
	if err := c.AddAssignment(ctx, 2, 7, "project administrator"); err != nil {
		t.Fatalf("add: %v", err)
	}
	assertOneRequest(t, f, "POST /api/Project/2/UserAssignment", nil, assignmentReqJSON)
	if err := c.UpdateAssignment(ctx, 2, 7, "Tester"); err != nil {
		t.Fatalf("update: %v", err)
	}
	projectOfUser7 := url.Values{"userId": {"7"}, "folderId": {"0"}}
	assertOneRequest(t, f, "PATCH /api/Project/2/UserAssignment", projectOfUser7, assignmentPatchJSON)
	if err := c.RemoveAssignment(ctx, 2, 7); err != nil {
		t.Fatalf("remove: %v", err)
	}
	assertOneRequest(t, f, "DELETE /api/Project/2/UserAssignment", projectOfUser7, "")
}

func TestAssignments_UnknownRoleListsTheRolesThatExist(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, map[string]handler{"GET /api/System/Role": fixed(http.StatusOK, rolesJSON)})
	err := f.client(t).AddAssignment(context.Background(), 2, 7, "Owner")
	if !errors.Is(err, aqua.ErrUnknownRole) || !strings.Contains(err.Error(), `"Owner"; its roles are "Project Administrator", "Tester"`) {
		t.Errorf("unknown role: %v", err)
	}
	if n := len(f.received("POST /api/Project/2/UserAssignment")); n != 0 {
		t.Errorf("assignment posted %d times with an unknown role", n)
	}
}

func TestFields_ListEntriesAdd(t *testing.T) {
	t.Parallel()
	const base = "/api/Project/2/Meta/Defect/Fields"
	f := newFakeAqua(t, map[string]handler{
		"GET " + base:                          fixed(http.StatusOK, "["+fieldJSON+"]"),
		"GET " + base + "/Resolution/Entries":  fixed(http.StatusOK, dictionaryJSON),
		"POST " + base + "/Resolution/Entries": fixed(http.StatusOK, `{"Id": 33, "Name": "Unresolved", "IsDefault": false}`),
	})
	c, ctx := f.client(t), context.Background()
	fields, err := c.ListFields(ctx, 2, "Defect")
	if err != nil || len(fields) != 1 || fields[0].ID != "Resolution" || fields[0].FieldType != aqua.FieldTypeDictionary {
		t.Errorf("fields: %+v, %v", fields, err)
	}
	d, err := c.GetDictionary(ctx, 2, "Defect", "Resolution")
	if err != nil || len(d.Entries) != 2 || d.Entries[0] != (aqua.FieldEntry{ID: 31, Name: "Fixed", IsDefault: true}) {
		t.Errorf("entries: %+v, %v", d, err)
	}
	entry, err := c.AddFieldEntry(ctx, 2, "Defect", "Resolution", aqua.FieldEntryRequest{Name: "Unresolved"})
	if err != nil || entry != (aqua.FieldEntry{ID: 33, Name: "Unresolved"}) {
		t.Errorf("added entry: %+v, %v", entry, err)
	}
	assertOneRequest(t, f, "POST "+base+"/Resolution/Entries", nil, fieldEntryReqJSON)
}
