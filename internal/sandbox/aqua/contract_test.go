package aqua_test

import (
	"encoding/json"
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

// TestAquaJiraSyncContract_ExchangesFollowTheContract makes every call of
// the Jira Sync contract, and the refusals a bridge answers, against a
// sandbox that records them; when the test ends, sandboxtest validates
// every exchange against contracts/aqua-jira-sync.yaml (requests too, so
// the refusals are of valid requests). The discovery answers without
// credentials.
func TestAquaJiraSyncContract_ExchangesFollowTheContract(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.Start(t)
	call := func(want int, method, path string, body any) []byte {
		return sb.AquaCall(t, want, method, "/almsync/aqua-jira-sync/v1"+path, body)
	}
	resp, err := http.Get(sb.ProductURL("aqua") + "/almsync/aqua-jira-sync/v1/contract")
	if err != nil {
		t.Fatal(err)
	}
	var info struct{ Name, Version string }
	if err := json.NewDecoder(resp.Body).Decode(&info); err != nil || resp.StatusCode != http.StatusOK || info.Name != "aqua-jira-sync" || info.Version != "1.0.0" {
		t.Fatalf("unauthenticated discovery: %d %+v %v", resp.StatusCode, info, err)
	}
	_ = resp.Body.Close()

	definition := map[string]any{
		"Name": "Pilot", "AquaProjectId": 2, "JiraUrl": sb.ProductURL("jira"), "JiraProjectKey": "SYNC",
		"ConfigurationUser": map[string]string{"Email": "sync@example.com", "ApiToken": "sandbox-token"},
		"SyncUser":          nil, "AquaSyncUserId": 0, "Enabled": true,
	}
	call(http.StatusCreated, http.MethodPost, "/definitions", definition)
	call(http.StatusConflict, http.MethodPost, "/definitions", definition)
	call(http.StatusOK, http.MethodGet, "/definitions", nil)
	call(http.StatusOK, http.MethodGet, "/definitions?name=pilot", nil)
	call(http.StatusOK, http.MethodGet, "/definitions/1", nil)
	definition["Id"], definition["Enabled"] = 1, false
	call(http.StatusOK, http.MethodPut, "/definitions/1", definition)
	definition["AquaProjectId"] = 99
	call(http.StatusBadRequest, http.MethodPut, "/definitions/1", definition)
	definition["AquaProjectId"] = 2
	call(http.StatusNotFound, http.MethodGet, "/definitions/9", nil)
	call(http.StatusOK, http.MethodPost, "/definitions/1/test", nil)
	call(http.StatusOK, http.MethodPost, "/definitions/1/test", map[string]string{})
	call(http.StatusOK, http.MethodGet, "/definitions/1/jira/resolutions", nil)

	field := map[string]any{"ItemType": "Defect", "AquaField": "JiraKey", "JiraField": "key", "Direction": "ToAqua", "ReadOnly": true}
	call(http.StatusCreated, http.MethodPost, "/definitions/1/field-mappings", field)
	call(http.StatusConflict, http.MethodPost, "/definitions/1/field-mappings", field)
	call(http.StatusBadRequest, http.MethodPost, "/definitions/1/field-mappings", map[string]any{"ItemType": "Defect", "AquaField": "Severity", "JiraField": "priority", "Direction": "Both"})
	call(http.StatusOK, http.MethodGet, "/definitions/1/field-mappings", nil)
	call(http.StatusOK, http.MethodGet, "/definitions/1/field-mappings/1", nil)
	field["Id"], field["SyncId"], field["Direction"] = 1, 1, "Both"
	call(http.StatusOK, http.MethodPut, "/definitions/1/field-mappings/1", field)
	call(http.StatusNoContent, http.MethodDelete, "/definitions/1/field-mappings/1", nil)
	call(http.StatusNotFound, http.MethodGet, "/definitions/1/field-mappings/1", nil)

	value := map[string]any{"Field": "resolution", "Values": map[string]string{"Fixed": "Fixed"}, "NullValue": "Unresolved"}
	call(http.StatusCreated, http.MethodPost, "/definitions/1/value-mappings", value)
	call(http.StatusConflict, http.MethodPost, "/definitions/1/value-mappings", value)
	call(http.StatusOK, http.MethodGet, "/definitions/1/value-mappings", nil)
	call(http.StatusOK, http.MethodGet, "/definitions/1/value-mappings/1", nil)
	value["Values"] = map[string]string{"Fixed": "Fixed", "Duplicate": "Duplicate"}
	call(http.StatusOK, http.MethodPut, "/definitions/1/value-mappings/1", value)
	call(http.StatusNoContent, http.MethodDelete, "/definitions/1/value-mappings/1", nil)

	call(http.StatusNoContent, http.MethodDelete, "/definitions/1", nil)
	call(http.StatusNotFound, http.MethodDelete, "/definitions/1", nil)
}
