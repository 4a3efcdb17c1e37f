package aqua_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// Literal JSON of aqua's schemas, written from its OpenAPI document
// (24.8.0.0). The wire types must encode to exactly these members and
// decode every one of them, so a JSON tag that differs from aqua's
// spelling fails here.
const (
	// userJSON is an ApiUser as GET /api/System/User/{userId}
	// ?includeLicenses=true answers it.
	userJSON = `{
		"Id": 7, "UserName": "jira.sync", "FirstName": "Jira", "Surname": "Sync", "Fullname": "Jira Sync",
		"Email": "jira.sync@example.com", "Phone": "+49 221 000", "Position": "Service account",
		"PictureUrl": "https://app.aqua-cloud.io/aquaWebNG/Picture/7", "ServerAdministrator": true, "Status": "Activated",
		"Licenses": [{"Code": "JIRASYNC", "Type": "Named"}, {"Code": "FULL", "Type": "Floated"}]
	}`
	userSummaryJSON      = `{"Id": 7, "UserName": "jira.sync", "FirstName": "Jira", "Surname": "Sync", "Status": "Activated", "AnyActiveLicense": true}`
	userRequestJSON      = `{"UserName": "jira.sync", "FirstName": "Jira", "Surname": "Sync", "Email": "jira.sync@example.com", "Phone": "", "Position": "Service account"}`
	userCreatedJSON      = `{"UserId": 7}`
	licenseListJSON      = `{"Licenses": [{"Code": "JIRASYNC", "Name": "Jira sync license", "MaxNamedLicensesAvailable": 2, "MaxFloatingLicensesAvailable": 1, "StartTime": "2025-01-01T00:00:00Z", "ExpiryTime": "2026-12-31T23:59:59"}]}`
	userLicenseJSON      = `{"Code": "JIRASYNC", "Type": "Floated"}`
	projectJSON          = `{"Id": 2, "Name": "Jira Sync Pilot", "IsArchived": false, "HasSubfolders": true, "ShortDescription": "Pilot"}`
	roleJSON             = `{"Id": 3, "Name": "Project Administrator"}`
	assignmentListJSON   = `{"Assignements": [{"Role": {"Id": 3, "Name": "Project Administrator"}, "User": {"Id": 7, "UserName": "jira.sync", "FirstName": "Jira", "Surname": "Sync", "Email": "jira.sync@example.com"}, "FolderId": 0}]}`
	assignmentReqJSON    = `{"UserId": 7, "FolderId": 0, "RoleId": 3}`
	assignmentPatchJSON  = `{"OperationType": "Replace", "NewRoleId": 4}`
	fieldJSON            = `{"Id": "Resolution", "Title": "Resolution", "FieldType": "Dictionary", "IsCustom": false, "IsActive": true}`
	dictionaryJSON       = `{"Id": 12, "Name": "Resolution", "Entries": [{"Id": 31, "Name": "Fixed", "IsDefault": true}, {"Id": 32, "Name": "Duplicate", "IsDefault": false}], "ConsistencyKey": "a1b2"}`
	fieldEntryReqJSON    = `{"Name": "Unresolved", "IsDefault": false}`
	tokenJSON            = `{"access_token": "EL4P", "expires_in": 899, "refresh_token": "R3fr"}`
	forbiddenErrorJSON   = `{"Message": "You are not allowed to manage users.", "Code": "E-4711", "Type": "Forbidden", "FurtherInfo": "Permission: UserAdministration", "ErrorData": {"Permission":"UserAdministration"}, "ForbiddenErrorType": "NotPermitted"}`
	argumentErrorJSON    = `{"Message": "The user name is already used.", "Code": "E-17", "Type": "ArgumentError", "ArgumentErrorType": "DuplicateUserName"}`
	syncTestRequestJSON  = `{"TrustedCaPem": "-----BEGIN CERTIFICATE-----"}`
	syncDefinitionJSON   = `{"Id": 4, "Name": "Pilot", "AquaProjectId": 2, "JiraUrl": "https://acme.atlassian.net", "JiraProjectKey": "SYNC", "ConfigurationUser": {"Email": "config@acme.example", "ApiToken": "t"}, "SyncUser": {"Username": "sync", "Password": "p"}, "AquaSyncUserId": 7, "Enabled": true}`
	fieldMappingJSON     = `{"Id": 5, "SyncId": 4, "ItemType": "Defect", "AquaField": "JiraKey", "JiraField": "key", "Direction": "ToAqua", "ReadOnly": true}`
	valueMappingJSON     = `{"Id": 6, "SyncId": 4, "Field": "resolution", "Values": {"Done": "Fixed"}, "NullValue": "Unresolved"}`
	jiraResolutionJSON   = `{"id": "10000", "name": "Done", "description": "Work has been completed."}`
	syncTestResultJSON   = `{"Success": false, "Message": "authentication failed", "CheckedAt": "2025-03-01T10:00:00Z", "DurationMs": 12, "Checks": [{"Name": "authentication", "Success": false, "Detail": "HTTP 401"}]}`
	tokenErrorJSON       = `{"error": "invalid_grant", "error_description": "The user name or password is incorrect."}`
	userWithoutExtraJSON = `{"Id": 1, "UserName": "admin", "FirstName": "Sandbox", "Surname": "Admin", "Email": "admin@example.com"}`
)

func TestWireTypes_MatchAquasJSON(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		value any // a pointer to the decoded value
		json  string
	}{
		"ApiUser": {&aqua.User{ID: 7, UserName: "jira.sync", FirstName: "Jira", Surname: "Sync", Fullname: "Jira Sync",
			Email: "jira.sync@example.com", Phone: "+49 221 000", Position: "Service account",
			PictureURL: "https://app.aqua-cloud.io/aquaWebNG/Picture/7", ServerAdministrator: true, Status: aqua.UserActivated,
			Licenses: []aqua.UserLicense{{Code: "JIRASYNC", Type: aqua.LicenseNamed}, {Code: "FULL", Type: aqua.LicenseFloated}}}, userJSON},
		"ApiUserInfo":        {&aqua.User{ID: 1, UserName: "admin", FirstName: "Sandbox", Surname: "Admin", Email: "admin@example.com"}, userWithoutExtraJSON},
		"ApiUserMinimalInfo": {&aqua.UserSummary{ID: 7, UserName: "jira.sync", FirstName: "Jira", Surname: "Sync", Status: aqua.UserActivated, AnyActiveLicense: true}, userSummaryJSON},
		"ApiUserNew":         {&aqua.UserRequest{UserName: "jira.sync", FirstName: "Jira", Surname: "Sync", Email: "jira.sync@example.com", Position: "Service account"}, userRequestJSON},
		"ApiUserNewReponse":  {&aqua.UserCreated{UserID: 7}, userCreatedJSON},
		"ApiGetLicenseResponse": {&aqua.LicenseList{Licenses: []aqua.License{{Code: "JIRASYNC", Name: "Jira sync license", MaxNamedLicensesAvailable: 2,
			MaxFloatingLicensesAvailable: 1, StartTime: "2025-01-01T00:00:00Z", ExpiryTime: "2026-12-31T23:59:59"}}}, licenseListJSON},
		"ApiUserLicenseAssignment": {&aqua.UserLicense{Code: "JIRASYNC", Type: aqua.LicenseFloated}, userLicenseJSON},
		"ApiProjectInfo":           {&aqua.Project{ID: 2, Name: "Jira Sync Pilot", HasSubfolders: true, ShortDescription: "Pilot"}, projectJSON},
		"ApiRoleIdName":            {&aqua.Role{ID: 3, Name: aqua.RoleProjectAdministrator}, roleJSON},
		"ApiGetUserAssignmentResponse": {&aqua.UserAssignmentList{Assignments: []aqua.UserAssignment{{
			Role: aqua.Role{ID: 3, Name: aqua.RoleProjectAdministrator},
			User: aqua.User{ID: 7, UserName: "jira.sync", FirstName: "Jira", Surname: "Sync", Email: "jira.sync@example.com"}}}}, assignmentListJSON},
		"ApiUserProjectFolderAssignment":             {&aqua.AssignmentRequest{UserID: 7, RoleID: 3}, assignmentReqJSON},
		"ApiUserProjectFolderAssignmentPatchReplace": {&aqua.AssignmentReplace{OperationType: aqua.OperationReplace, NewRoleID: 4}, assignmentPatchJSON},
		"ApiFieldMeta": {&aqua.Field{ID: "Resolution", Title: "Resolution", FieldType: aqua.FieldTypeDictionary, IsActive: true}, fieldJSON},
		"ApiProjectTemplateDictionary": {&aqua.Dictionary{ID: 12, Name: "Resolution", ConsistencyKey: "a1b2",
			Entries: []aqua.FieldEntry{{ID: 31, Name: "Fixed", IsDefault: true}, {ID: 32, Name: "Duplicate"}}}, dictionaryJSON},
		"ApiProjectTemplateDictionaryEntryNew": {&aqua.FieldEntryRequest{Name: "Unresolved"}, fieldEntryReqJSON},
		"token answer":                         {&aqua.TokenResponse{AccessToken: "EL4P", ExpiresIn: 899, RefreshToken: "R3fr"}, tokenJSON},
		"token error":                          {&aqua.TokenError{Error: "invalid_grant", Description: "The user name or password is incorrect."}, tokenErrorJSON},
		"ApiForbiddenError": {&aqua.APIError{Message: "You are not allowed to manage users.", Code: "E-4711", Type: aqua.ErrorTypeForbidden,
			FurtherInfo: "Permission: UserAdministration", ErrorData: json.RawMessage(`{"Permission":"UserAdministration"}`),
			ForbiddenErrorType: aqua.ForbiddenNotPermitted}, forbiddenErrorJSON},
		"ApiArgumentError": {&aqua.APIError{Message: "The user name is already used.", Code: "E-17", Type: aqua.ErrorTypeArgumentError,
			ArgumentErrorType: "DuplicateUserName"}, argumentErrorJSON},
		// The provider's own Jira Sync contract.
		"SyncTestRequest": {&aqua.SyncTestRequest{TrustedCAPEM: "-----BEGIN CERTIFICATE-----"}, syncTestRequestJSON},
		"SyncDefinition": {&aqua.SyncDefinition{ID: 4, Name: "Pilot", AquaProjectID: 2, JiraURL: "https://acme.atlassian.net", JiraProjectKey: "SYNC",
			ConfigurationUser: aqua.JiraAccount{Email: "config@acme.example", APIToken: "t"},
			SyncUser:          &aqua.JiraAccount{Username: "sync", Password: "p"}, AquaSyncUserID: 7, Enabled: true}, syncDefinitionJSON},
		"FieldMapping": {&aqua.FieldMapping{ID: 5, SyncID: 4, ItemType: "Defect", AquaField: "JiraKey", JiraField: "key",
			Direction: aqua.DirectionToAqua, ReadOnly: true}, fieldMappingJSON},
		"ValueMapping": {&aqua.ValueMapping{ID: 6, SyncID: 4, Field: "resolution", Values: map[string]string{"Done": "Fixed"}, NullValue: "Unresolved"}, valueMappingJSON},
		"SyncTestResult": {&aqua.SyncTestResult{Message: "authentication failed", CheckedAt: time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC),
			DurationMS: 12, Checks: []aqua.SyncTestCheck{{Name: "authentication", Detail: "HTTP 401"}}}, syncTestResultJSON},
		"JiraResolution": {&aqua.JiraResolution{ID: "10000", Name: "Done", Description: "Work has been completed."}, jiraResolutionJSON},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			testJSONMarshal(t, tc.value, tc.json)
		})
	}
}

// testJSONMarshal checks that the value v points at encodes to want, and
// that want decodes to that value.
func testJSONMarshal(t *testing.T, v any, want string) {
	t.Helper()
	got, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshal %T: %v", v, err)
	}
	assertJSONEqual(t, "encoded", string(got), want)
	decoded := reflect.New(reflect.TypeOf(v).Elem())
	if err := json.Unmarshal([]byte(want), decoded.Interface()); err != nil {
		t.Fatalf("unmarshal into %T: %v", v, err)
	}
	if !reflect.DeepEqual(decoded.Interface(), v) {
		t.Errorf("decoded %+v, want %+v", decoded.Elem().Interface(), reflect.ValueOf(v).Elem().Interface())
	}
}
