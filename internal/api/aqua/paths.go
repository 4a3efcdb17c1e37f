package aqua

import (
	"fmt"
	"net/url"

	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
)

// Endpoint paths of aqua's REST API, relative to the aqua base URL. Path
// segments taken from callers (item types, field ids, license codes) are
// escaped. The parameter names in the comments are those of aqua's OpenAPI
// document.
const (
	pathToken    = "/api/token"
	pathSession  = "/api/Session"
	pathUsers    = "/api/System/User"
	pathLicenses = "/api/System/License"
	pathRoles    = "/api/System/Role"
	pathProjects = "/api/Project"
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

// The Jira Sync contract's paths (contracts/aqua-jira-sync.yaml), relative
// to its prefix below the contract URL (see contractPath): aqua publishes
// no API for its Jira sync, so none lies under aqua's /api.
const pathSyncDefinitions = "/definitions"

// contractPath is rel below the contract's prefix,
// /almsync/aqua-jira-sync/v1.
func contractPath(rel string) string { return contract.AquaJiraSync.Prefix() + rel }

// pathSyncDefinition is /definitions/{id}.
func pathSyncDefinition(id int64) string { return fmt.Sprintf("%s/%d", pathSyncDefinitions, id) }

// pathSyncDefinitionTest is /definitions/{id}/test.
func pathSyncDefinitionTest(id int64) string { return pathSyncDefinition(id) + "/test" }

// pathFieldMappings is /definitions/{id}/field-mappings.
func pathFieldMappings(syncID int64) string { return pathSyncDefinition(syncID) + "/field-mappings" }

// pathFieldMapping is /definitions/{id}/field-mappings/{mappingId}.
func pathFieldMapping(syncID, id int64) string {
	return fmt.Sprintf("%s/%d", pathFieldMappings(syncID), id)
}

// pathValueMappings is /definitions/{id}/value-mappings.
func pathValueMappings(syncID int64) string { return pathSyncDefinition(syncID) + "/value-mappings" }

// pathValueMapping is /definitions/{id}/value-mappings/{mappingId}.
func pathValueMapping(syncID, id int64) string {
	return fmt.Sprintf("%s/%d", pathValueMappings(syncID), id)
}

// pathJiraResolutions is /definitions/{id}/jira/resolutions, where the
// bridge passes the Jira resolutions through, read with the sync's
// configuration user.
func pathJiraResolutions(syncID int64) string {
	return pathSyncDefinition(syncID) + "/jira/resolutions"
}
