package aqua

import (
	"fmt"
	"slices"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// The sandbox aqua instance's fixed configuration: licenses, roles and the
// fields of each item type. Functions return fresh copies.

// License codes of the sandbox instance.
const (
	licenseFull     = "FULL"
	licenseJiraSync = "JIRASYNC"
	licenseViewer   = "VIEWER"
)

// seedLicenses returns the instance's licenses with their seats: few for
// the Jira sync license, so that running out of them can be tried.
func seedLicenses() []apiLicense {
	const start, expiry = "2025-01-01T00:00:00Z", "2030-12-31T23:59:59Z"
	return []apiLicense{
		{Code: licenseFull, Name: "aqua full license", MaxNamedLicensesAvailable: 50, MaxFloatingLicensesAvailable: 10, StartTime: start, ExpiryTime: expiry},
		{Code: licenseJiraSync, Name: "Jira sync license", MaxNamedLicensesAvailable: 2, MaxFloatingLicensesAvailable: 1, StartTime: start, ExpiryTime: expiry},
		{Code: licenseViewer, Name: "Viewer license", MaxNamedLicensesAvailable: 100, MaxFloatingLicensesAvailable: 20, StartTime: start, ExpiryTime: expiry},
	}
}

// roleProjectAdministrator is the role the Jira sync user needs.
const roleProjectAdministrator = "Project Administrator"

// seedRoles returns the roles defined in the instance.
func seedRoles() []apiRoleIDName {
	return []apiRoleIDName{{ID: 1, Name: roleProjectAdministrator}, {ID: 2, Name: "Tester"}, {ID: 3, Name: "Test Manager"}, {ID: 4, Name: "Viewer"}}
}

// roleByID returns the role with id.
func roleByID(id int64) (apiRoleIDName, bool) {
	roles := seedRoles()
	i := slices.IndexFunc(roles, func(r apiRoleIDName) bool { return r.ID == id })
	if i < 0 {
		return apiRoleIDName{}, false
	}
	return roles[i], true
}

// roleNamed returns the role called name (case-insensitively).
func roleNamed(name string) (apiRoleIDName, bool) {
	roles := seedRoles()
	i := slices.IndexFunc(roles, func(r apiRoleIDName) bool { return strings.EqualFold(r.Name, name) })
	if i < 0 {
		return apiRoleIDName{}, false
	}
	return roles[i], true
}

// Field types of the sandbox instance (ApiFieldType).
const (
	fieldString     = "String"
	fieldDictionary = "Dictionary"
	fieldUser       = "User"
)

// seedField is a field every item type has.
type seedField struct {
	ID, Title, FieldType string
}

// dictionaryID is the id of the field's dictionary in a project.
func (f seedField) dictionaryID(projectID int64) int64 {
	i := slices.IndexFunc(seedFields(), func(x seedField) bool { return x.ID == f.ID })
	return projectID*100 + int64(i) + 1
}

// seedFields returns the fields of every item type: aqua's usual fields,
// the Resolution dictionary, and the text fields the Jira sync needs
// (JiraKey, JiraStatus, JiraLink).
func seedFields() []seedField {
	return []seedField{
		{ID: "Title", Title: "Title", FieldType: fieldString},
		{ID: "Description", Title: "Description", FieldType: fieldString},
		{ID: "Status", Title: "Status", FieldType: fieldDictionary},
		{ID: "Priority", Title: "Priority", FieldType: fieldDictionary},
		{ID: "AssignedTo", Title: "Assigned to", FieldType: fieldUser},
		{ID: "Resolution", Title: "Resolution", FieldType: fieldDictionary},
		{ID: "JiraKey", Title: "JiraKey", FieldType: fieldString},
		{ID: "JiraStatus", Title: "JiraStatus", FieldType: fieldString},
		{ID: "JiraLink", Title: "JiraLink", FieldType: fieldString},
	}
}

// seedEntries returns the seeded entries of each dictionary field, the
// first being the default. The Resolution dictionary lacks "Unresolved",
// which the Jira sync checklist recommends adding.
func seedEntries() map[string][]string {
	return map[string][]string{
		"Status":     {"New", "In Progress", "Closed"},
		"Priority":   {"Low", "Medium", "High"},
		"Resolution": {"Fixed", "Won't Fix", "Duplicate"},
	}
}

// consistencyKey is a dictionary's consistency key, which changes with its
// entries.
func consistencyKey(entries int, lastID int64) string { return fmt.Sprintf("%d-%d", entries, lastID) }

// aquaItemType returns the item type named name (case-insensitively) in
// its canonical spelling.
func aquaItemType(name string) (string, bool) {
	i := slices.IndexFunc(syncItemTypes(), func(t string) bool { return strings.EqualFold(t, name) })
	if i < 0 {
		return "", false
	}
	return syncItemTypes()[i], true
}

// aquaField returns the field whose Id or Title matches ref
// case-insensitively (every item type has the same fields).
func aquaField(ref string) (seedField, bool) {
	for _, f := range seedFields() {
		if strings.EqualFold(f.ID, ref) || strings.EqualFold(f.Title, ref) {
			return f, true
		}
	}
	return seedField{}, false
}

// adminID is the seeded admin: server administrator, full license,
// Project Administrator of both projects.
const adminID = 1

// seedAqua returns the seeded data: the admin user holding the full
// license, two projects with the admin as Project Administrator, and the
// dictionary entries of every item type in both projects.
func seedAqua() *aquaState {
	s := &aquaState{}
	s.Users.Insert(func(id int64) aquaUser {
		return aquaUser{ID: id, UserName: kernel.DefaultUsername, FirstName: "Sandbox", Surname: "Admin", Email: "admin@example.com",
			ServerAdministrator: true, Password: kernel.DefaultPassword, Licenses: []heldLicense{{Code: licenseFull, Type: licenseNamed}}}
	})
	admin, _ := roleNamed(roleProjectAdministrator)
	for _, name := range []string{"Demo Project", "Jira Sync Pilot"} {
		project := s.Projects.Insert(func(id int64) aquaProject {
			return aquaProject{ID: id, Name: name, Members: []aquaMember{{UserID: adminID, RoleID: admin.ID}}}
		})
		entries := seedEntries()
		for _, itemType := range syncItemTypes() {
			for _, f := range seedFields() {
				for j, name := range entries[f.ID] {
					s.FieldEntries.Insert(func(id int64) aquaFieldEntry {
						return aquaFieldEntry{ID: id, ProjectID: project.ID, ItemType: itemType, FieldID: f.ID, Name: name, IsDefault: j == 0}
					})
				}
			}
		}
	}
	return s
}
