package sandbox

import (
	"slices"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// The sandbox aqua instance's fixed configuration: license pools, project
// roles and the fields of each item type. Functions return fresh copies.

// aquaAdminID is the id of the seeded admin user, whom tokens act as.
const aquaAdminID = 1

// License codes of the sandbox instance.
const (
	aquaLicenseFull     = "FULL"
	aquaLicenseJiraSync = "JIRASYNC"
	aquaLicenseViewer   = "VIEWER"
)

// aquaLicensePools returns the instance's licenses with Used left at 0.
func aquaLicensePools() []aqua.License {
	return []aqua.License{
		{Code: aquaLicenseFull, Name: "aqua full license", Total: 50},
		{Code: aquaLicenseJiraSync, Name: "Jira sync license", Total: 2},
		{Code: aquaLicenseViewer, Name: "Viewer license", Total: 100},
	}
}

// aquaLicensePool returns the pool whose code matches code
// case-insensitively.
func aquaLicensePool(code string) (aqua.License, bool) {
	for _, l := range aquaLicensePools() {
		if strings.EqualFold(l.Code, code) {
			return l, true
		}
	}
	return aqua.License{}, false
}

// aquaRoles returns the roles a project member may have.
func aquaRoles() []string {
	return []string{aqua.RoleProjectAdministrator, "Tester", "Test Manager", "Viewer"}
}

// Field types of the sandbox instance.
const (
	aquaFieldText       = "Text"
	aquaFieldDictionary = "Dictionary"
	aquaFieldUser       = "User"
)

// aquaFieldsOf returns the fields of every item type: aqua's usual fields,
// the Resolution dictionary, and the text fields the Jira sync needs
// (JiraKey, JiraStatus, JiraLink).
func aquaFieldsOf() []aqua.Field {
	return []aqua.Field{
		{FieldID: "Title", Name: "Title", Type: aquaFieldText},
		{FieldID: "Description", Name: "Description", Type: aquaFieldText},
		{FieldID: "Status", Name: "Status", Type: aquaFieldDictionary},
		{FieldID: "Priority", Name: "Priority", Type: aquaFieldDictionary},
		{FieldID: "AssignedTo", Name: "Assigned to", Type: aquaFieldUser},
		{FieldID: "Resolution", Name: "Resolution", Type: aquaFieldDictionary},
		{FieldID: "JiraKey", Name: "JiraKey", Type: aquaFieldText},
		{FieldID: "JiraStatus", Name: "JiraStatus", Type: aquaFieldText},
		{FieldID: "JiraLink", Name: "JiraLink", Type: aquaFieldText},
	}
}

// aquaSeedEntries returns the seeded entries of each dictionary field. The
// Resolution dictionary lacks "Unresolved", which the Jira sync checklist
// recommends adding.
func aquaSeedEntries() map[string][]string {
	return map[string][]string{
		"Status":     {"New", "In Progress", "Closed"},
		"Priority":   {"Low", "Medium", "High"},
		"Resolution": {"Fixed", "Won't Fix", "Duplicate"},
	}
}

// aquaItemType returns the item type named name (case-insensitively) in
// its canonical spelling.
func aquaItemType(name string) (string, bool) {
	i := slices.IndexFunc(aqua.SyncItemTypes(), func(t string) bool { return strings.EqualFold(t, name) })
	if i < 0 {
		return "", false
	}
	return aqua.SyncItemTypes()[i], true
}

// aquaField returns the field whose FieldId or Name matches ref
// case-insensitively (every item type has the same fields).
func aquaField(ref string) (aqua.Field, bool) {
	for _, f := range aquaFieldsOf() {
		if strings.EqualFold(f.FieldID, ref) || strings.EqualFold(f.Name, ref) {
			return f, true
		}
	}
	return aqua.Field{}, false
}

// seedAqua returns the seeded data: the admin user holding the full
// license, two projects with the admin as Project Administrator, and the
// dictionary entries of every item type in both projects.
func seedAqua() *aquaState {
	s := &aquaState{}
	s.Users.insert(func(id int64) aquaUser {
		return aquaUser{
			User: aqua.User{ID: id, UserName: DefaultUsername, FirstName: "Sandbox", Surname: "Admin",
				Email: "admin@example.com"},
			Licenses: []string{aquaLicenseFull},
		}
	})
	for _, name := range []string{"Demo Project", "Jira Sync Pilot"} {
		project := s.Projects.insert(func(id int64) aquaProject {
			return aquaProject{
				Project: aqua.Project{ID: id, Name: name},
				Members: []aquaMember{{UserID: aquaAdminID, RoleName: aqua.RoleProjectAdministrator}},
			}
		})
		entries := aquaSeedEntries()
		for _, itemType := range aqua.SyncItemTypes() {
			for _, f := range aquaFieldsOf() {
				for _, value := range entries[f.FieldID] {
					s.FieldEntries.insert(func(id int64) aquaFieldEntry {
						return aquaFieldEntry{ID: id, ProjectID: project.ID, ItemType: itemType, FieldID: f.FieldID, Value: value}
					})
				}
			}
		}
	}
	return s
}
