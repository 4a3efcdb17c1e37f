package aqua

import (
	"fmt"
	"net/url"
)

// Endpoint paths, relative to the aqua base URL. Path segments taken from
// callers (item types, field ids, license codes) are escaped. The
// parameter names in the comments are those of aqua's OpenAPI document.
const (
	pathToken    = "/api/token"
	pathSession  = "/api/Session"
	pathUsers    = "/api/System/User"
	pathLicenses = "/api/System/License"
	pathRoles    = "/api/System/Role"
	pathProjects = "/api/Project"

	// pathSyncDefinitions is the provider's own contract for Jira Sync
	// (see doc.go); aqua publishes no API for it.
	pathSyncDefinitions = "/api/JiraSync/Definition"
)

// pathUser is /api/System/User/{userId}.
func pathUser(id int64) string { return fmt.Sprintf("%s/%d", pathUsers, id) }

// pathUserLicenses is /api/System/User/{userId}/License.
func pathUserLicenses(userID int64) string { return pathUser(userID) + "/License" }

// pathUserLicense is /api/System/User/{userId}/License/{licenseCode}.
func pathUserLicense(userID int64, code string) string {
	return pathUserLicenses(userID) + "/" + url.PathEscape(code)
}

// pathProject is /api/Project/{id}.
func pathProject(id int64) string { return fmt.Sprintf("%s/%d", pathProjects, id) }

// pathAssignments is /api/Project/{projectId}/UserAssignment.
func pathAssignments(projectID int64) string { return pathProject(projectID) + "/UserAssignment" }

// pathFields is /api/Project/{projectId}/Meta/{itemType}/Fields.
func pathFields(projectID int64, itemType string) string {
	return pathProject(projectID) + "/Meta/" + url.PathEscape(itemType) + "/Fields"
}

// pathFieldEntries is
// /api/Project/{projectId}/Meta/{itemType}/Fields/{fieldId}/Entries.
func pathFieldEntries(projectID int64, itemType, fieldID string) string {
	return pathFields(projectID, itemType) + "/" + url.PathEscape(fieldID) + "/Entries"
}

func pathSyncDefinition(id int64) string { return fmt.Sprintf("%s/%d", pathSyncDefinitions, id) }

func pathSyncDefinitionTest(id int64) string { return pathSyncDefinition(id) + "/Test" }

func pathFieldMappings(syncID int64) string { return pathSyncDefinition(syncID) + "/FieldMapping" }

func pathFieldMapping(syncID, id int64) string {
	return fmt.Sprintf("%s/%d", pathFieldMappings(syncID), id)
}

func pathValueMappings(syncID int64) string { return pathSyncDefinition(syncID) + "/ValueMapping" }

func pathValueMapping(syncID, id int64) string {
	return fmt.Sprintf("%s/%d", pathValueMappings(syncID), id)
}

// pathJiraResolutions is where aqua passes Jira's resolutions through,
// read with the sync's configuration user (provider's contract).
func pathJiraResolutions(syncID int64) string { return pathSyncDefinition(syncID) + "/Jira/Resolution" }
