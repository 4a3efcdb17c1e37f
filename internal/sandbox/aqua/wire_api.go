package aqua

import "encoding/json"

// Wire shapes of the aqua REST API, written from aqua's OpenAPI document
// (24.8.0.0); each names its schema. The emulator spells them itself, so
// that a client reading another spelling fails against it.

// apiUserInfo is ApiUserInfo: a user as GET /api/Session (ApiMyUserInfo
// adds members the emulator leaves out) and project assignments show it.
type apiUserInfo struct {
	ID         int64  `json:"Id"`
	UserName   string `json:"UserName"`
	FirstName  string `json:"FirstName"`
	Surname    string `json:"Surname"`
	Fullname   string `json:"Fullname"`
	Email      string `json:"Email"`
	Phone      string `json:"Phone"`
	Position   string `json:"Position"`
	PictureURL string `json:"PictureUrl"`
}

// apiUser is ApiUser, the answer of GET /api/System/User/{userId}:
// Licenses is null unless includeLicenses=true, Projects unless
// includeProjects=true.
type apiUser struct {
	apiUserInfo
	ServerAdministrator bool                       `json:"ServerAdministrator"`
	Status              string                     `json:"Status"`
	Projects            []apiUserProjectAssignment `json:"Projects"`
	Licenses            []apiUserLicenseAssignment `json:"Licenses"`
}

// apiUserProjectAssignment is ApiUserProjectAssignment.
type apiUserProjectAssignment struct {
	Project apiProjectIDName `json:"Project"`
	Role    apiRoleIDName    `json:"Role"`
}

// apiProjectIDName is ApiProjectIdNameHasSubfolders.
type apiProjectIDName struct {
	ID            int64  `json:"Id"`
	Name          string `json:"Name"`
	HasSubfolders bool   `json:"HasSubfolders"`
}

// apiUserMinimalInfo is ApiUserMinimalInfo, as GET /api/System/User lists
// users.
type apiUserMinimalInfo struct {
	ID               int64  `json:"Id"`
	UserName         string `json:"UserName"`
	FirstName        string `json:"FirstName"`
	Surname          string `json:"Surname"`
	Status           string `json:"Status"`
	AnyActiveLicense bool   `json:"AnyActiveLicense"`
}

// apiUserNew is ApiUserNew, the body of POST /api/System/User.
type apiUserNew struct {
	UserName  string `json:"UserName"`
	FirstName string `json:"FirstName"`
	Surname   string `json:"Surname"`
	Email     string `json:"Email"`
	Phone     string `json:"Phone"`
	Position  string `json:"Position"`
}

// apiUpdateUser is ApiUpdateUser, the body of PUT /api/System/User/{userId}:
// a member that is absent or null is left as it is.
type apiUpdateUser struct {
	UserName  *string `json:"UserName"`
	FirstName *string `json:"FirstName"`
	Surname   *string `json:"Surname"`
	Email     *string `json:"Email"`
	Phone     *string `json:"Phone"`
	Position  *string `json:"Position"`
}

// apiUserPatchRequest is the body of PATCH /api/System/User/{userId}
// (ApiUserPatchRequest); the sandbox serves its OperationType
// "SetUserPassword" (ApiUserPatchRequestSetUserPassword).
type apiUserPatchRequest struct {
	OperationType string  `json:"OperationType"`
	NewPassword   *string `json:"NewPassword"`
}

// apiUserNewResponse is ApiUserNewReponse (aqua's spelling), the answer of
// POST /api/System/User.
type apiUserNewResponse struct {
	UserID int64 `json:"UserId"`
}

// apiLicense is ApiLicense.
type apiLicense struct {
	Code                         string `json:"Code"`
	Name                         string `json:"Name"`
	MaxNamedLicensesAvailable    int    `json:"MaxNamedLicensesAvailable"`
	MaxFloatingLicensesAvailable int    `json:"MaxFloatingLicensesAvailable"`
	StartTime                    string `json:"StartTime"`
	ExpiryTime                   string `json:"ExpiryTime"`
}

// apiGetLicenseResponse is ApiGetLicenseResponse, the answer of
// GET /api/System/License.
type apiGetLicenseResponse struct {
	Licenses []apiLicense `json:"Licenses"`
}

// apiUserLicenseAssignment is ApiUserLicenseAssignment: a license of a
// user, and the body of POST /api/System/User/{userId}/License.
type apiUserLicenseAssignment struct {
	Code string `json:"Code"`
	Type string `json:"Type"`
}

// License types (ApiLicenseType).
const (
	licenseNamed   = "Named"
	licenseFloated = "Floated"
)

// apiProjectInfo is ApiProjectInfo, as GET /api/Project lists projects.
type apiProjectInfo struct {
	ID               int64  `json:"Id"`
	Name             string `json:"Name"`
	IsArchived       bool   `json:"IsArchived"`
	IsFavourite      bool   `json:"IsFavourite"`
	HasSubfolders    bool   `json:"HasSubfolders"`
	ShortDescription string `json:"ShortDescription"`
}

// apiRoleIDName is ApiRoleIdName, as GET /api/System/Role lists roles.
type apiRoleIDName struct {
	ID   int64  `json:"Id"`
	Name string `json:"Name"`
}

// apiUserRole is ApiUserRole: one assignment of a user to a project or
// folder.
type apiUserRole struct {
	Role     apiRoleIDName `json:"Role"`
	User     apiUserInfo   `json:"User"`
	FolderID int64         `json:"FolderId"`
}

// apiGetUserAssignmentResponse is ApiGetUserAssignmentResponse; the key
// is spelled "Assignements", as aqua spells it.
type apiGetUserAssignmentResponse struct {
	Assignements []apiUserRole `json:"Assignements"`
}

// apiUserProjectFolderAssignment is ApiUserProjectFolderAssignment, the
// body of POST /api/Project/{projectId}/UserAssignment.
type apiUserProjectFolderAssignment struct {
	UserID   int64 `json:"UserId"`
	FolderID int64 `json:"FolderId"`
	RoleID   int64 `json:"RoleId"`
}

// apiUserProjectFolderAssignmentPatch is the body of PATCH
// /api/Project/{projectId}/UserAssignment: ApiUserProjectFolderAssignmentPatchOperation,
// whose only OperationType is "Replace" (ApiUserProjectFolderAssignmentPatchReplace).
type apiUserProjectFolderAssignmentPatch struct {
	OperationType string `json:"OperationType"`
	NewRoleID     int64  `json:"NewRoleId"`
}

// apiFieldMeta is ApiFieldMeta as GET .../Meta/{itemType}/Fields lists
// it; a dictionary field (ApiFieldMetaDictionary) adds Entries and
// IsShared.
type apiFieldMeta struct {
	ID        string                  `json:"Id"`
	Title     string                  `json:"Title"`
	FieldType string                  `json:"FieldType"`
	IsCustom  bool                    `json:"IsCustom"`
	IsActive  bool                    `json:"IsActive"`
	Entries   []apiFieldMetaDictEntry `json:"Entries,omitempty"`
	IsShared  *bool                   `json:"IsShared,omitempty"`
}

// apiFieldMetaDictEntry is ApiFieldMetaDictionaryEntry.
type apiFieldMetaDictEntry struct {
	ID        int64  `json:"Id"`
	Name      string `json:"Name"`
	IsDefault bool   `json:"IsDefault"`
	IsDeleted bool   `json:"IsDeleted"`
}

// apiProjectTemplateDictionary is ApiProjectTemplateDictionary, the answer
// of GET .../Fields/{fieldId}/Entries.
type apiProjectTemplateDictionary struct {
	Entries        []apiProjectTemplateDictionaryEntry `json:"Entries"`
	ID             int64                               `json:"Id"`
	Name           string                              `json:"Name"`
	ConsistencyKey string                              `json:"ConsistencyKey"`
}

// apiProjectTemplateDictionaryEntry is ApiProjectTemplateDictionaryEntry,
// also the answer of POST .../Fields/{fieldId}/Entries.
type apiProjectTemplateDictionaryEntry struct {
	Name      string `json:"Name"`
	IsDefault bool   `json:"IsDefault"`
	ID        int64  `json:"Id"`
}

// apiProjectTemplateDictionaryEntryNew is
// ApiProjectTemplateDictionaryEntryNew, the body of
// POST .../Fields/{fieldId}/Entries.
type apiProjectTemplateDictionaryEntryNew struct {
	Name      string `json:"Name"`
	IsDefault bool   `json:"IsDefault"`
}

// apiError is ApiError with the members its subtypes add:
// ForbiddenErrorType (ApiForbiddenError) and ArgumentErrorType
// (ApiArgumentError).
type apiError struct {
	Message            string          `json:"Message"`
	Code               string          `json:"Code"`
	Type               string          `json:"Type"`
	FurtherInfo        *string         `json:"FurtherInfo"`
	ErrorData          json.RawMessage `json:"ErrorData"`
	ForbiddenErrorType string          `json:"ForbiddenErrorType,omitempty"`
	ArgumentErrorType  string          `json:"ArgumentErrorType,omitempty"`
}

// tokenAnswer is the answer of POST /api/token, as the description of
// aqua's oauth2 security scheme gives it.
type tokenAnswer struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int64  `json:"expires_in"`
	RefreshToken string `json:"refresh_token"`
}

// tokenError is an OAuth 2 error answer of POST /api/token (RFC 6749).
type tokenError struct {
	Error       string `json:"error"`
	Description string `json:"error_description,omitempty"`
}
