package aqua

import (
	"fmt"
	"net/url"
)

// Endpoint paths, relative to the aqua base URL. Path segments taken from
// callers (item types, field ids, license codes) are escaped.
const (
	pathToken    = "/api/token"
	pathSession  = "/api/Session"
	pathUsers    = "/api/System/User"
	pathLicenses = "/api/System/License"
	pathProjects = "/api/Project"

	// pathSyncDefinitions is the provider's own contract for Jira Sync
	// (see doc.go); aqua publishes no API for it.
	pathSyncDefinitions = "/api/JiraSync/Definition"
)

func pathUser(id int64) string { return fmt.Sprintf("%s/%d", pathUsers, id) }

func pathUserLicenses(userID int64) string { return pathUser(userID) + "/License" }

func pathUserLicense(userID int64, code string) string {
	return pathUserLicenses(userID) + "/" + url.PathEscape(code)
}

func pathProject(id int64) string { return fmt.Sprintf("%s/%d", pathProjects, id) }

func pathAssignments(projectID int64) string { return pathProject(projectID) + "/UserAssignment" }

func pathFields(projectID int64, itemType string) string {
	return pathProject(projectID) + "/Meta/" + url.PathEscape(itemType) + "/Fields"
}

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
