package aqua_test

import (
	"net/http"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/sandboxtest"
)

// TestAquaContract_ExchangesFollowAquasDocument makes the calls the
// provider makes, and the refusals it may meet, against a sandbox that
// records them; when the test ends, sandboxtest validates every exchange
// against aqua's OpenAPI document (where ALMSYNC_VENDOR_SPECS names its
// folder).
func TestAquaContract_ExchangesFollowAquasDocument(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.Start(t)
	call := func(want int, method, path string, body any) { sb.AquaCall(t, want, method, path, body) }

	call(http.StatusOK, http.MethodGet, "/api/Session", nil)
	call(http.StatusOK, http.MethodPost, "/api/System/User?sendNotification=true",
		map[string]string{"UserName": "jira.sync", "FirstName": "Jira", "Surname": "Sync", "Email": "jira.sync@example.com", "Phone": "", "Position": ""})
	call(http.StatusOK, http.MethodGet, "/api/System/User", nil)
	call(http.StatusOK, http.MethodGet, "/api/System/User/2?includeLicenses=true", nil)
	call(http.StatusOK, http.MethodGet, "/api/System/User/1?includeProjects=true&includeLicenses=true", nil)
	call(http.StatusNoContent, http.MethodPut, "/api/System/User/2",
		map[string]string{"UserName": "jira.sync", "FirstName": "Jira", "Surname": "Synchronizer", "Email": "jira.sync@example.com", "Phone": "1", "Position": "Bot"})
	call(http.StatusOK, http.MethodGet, "/api/System/License", nil)
	call(http.StatusNoContent, http.MethodPost, "/api/System/User/2/License", map[string]string{"Code": "JIRASYNC", "Type": "Named"})
	call(http.StatusBadRequest, http.MethodPost, "/api/System/User/2/License", map[string]string{"Code": "JIRASYNC", "Type": "Named"})
	call(http.StatusNoContent, http.MethodDelete, "/api/System/User/2/License/JIRASYNC", nil)
	call(http.StatusNotFound, http.MethodDelete, "/api/System/User/2/License/JIRASYNC", nil)
	call(http.StatusOK, http.MethodGet, "/api/System/Role", nil)
	call(http.StatusOK, http.MethodGet, "/api/Project", nil)
	call(http.StatusOK, http.MethodGet, "/api/Project/2", nil)
	call(http.StatusNotFound, http.MethodGet, "/api/Project/9", nil)
	call(http.StatusNoContent, http.MethodPost, "/api/Project/2/UserAssignment", map[string]int{"UserId": 2, "FolderId": 0, "RoleId": 2})
	call(http.StatusOK, http.MethodGet, "/api/Project/2/UserAssignment", nil)
	call(http.StatusNoContent, http.MethodPatch, "/api/Project/2/UserAssignment?userId=2&folderId=0", map[string]any{"OperationType": "Replace", "NewRoleId": 1})
	call(http.StatusNoContent, http.MethodDelete, "/api/Project/2/UserAssignment?userId=2&folderId=0", nil)
	call(http.StatusOK, http.MethodGet, "/api/Project/2/Meta/Defect/Fields", nil)
	call(http.StatusOK, http.MethodGet, "/api/Project/2/Meta/Defect/Fields/Resolution/Entries", nil)
	call(http.StatusOK, http.MethodPost, "/api/Project/2/Meta/Defect/Fields/Resolution/Entries", map[string]any{"Name": "Unresolved", "IsDefault": false})
	call(http.StatusBadRequest, http.MethodPost, "/api/Project/2/Meta/Defect/Fields/Resolution/Entries", map[string]any{"Name": "Unresolved", "IsDefault": false})
	call(http.StatusNoContent, http.MethodPatch, "/api/System/User/2", map[string]string{"OperationType": "SetUserPassword", "NewPassword": "s3cret-pass"})
	call(http.StatusNoContent, http.MethodDelete, "/api/System/User/2", nil)
	call(http.StatusNotFound, http.MethodGet, "/api/System/User/2", nil)
}
