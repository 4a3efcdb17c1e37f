package aqua

// Wire types of the aqua REST API, each written from the schema of aqua's
// OpenAPI document (version 24.8.0.0) named in its comment. JSON keys are
// aqua's own, PascalCase, spelling mistakes included ("Assignements").
// aqua's answers carry more members than these; the client ignores them.

// User is an aqua user: the schema ApiUser that
// GET /api/System/User/{userId} answers, whose first part, ApiUserInfo, is
// also what GET /api/Session (ApiMyUserInfo) and the User of a project
// assignment hold.
type User struct {
	ID        int64  `json:"Id"`
	UserName  string `json:"UserName"`
	FirstName string `json:"FirstName"`
	Surname   string `json:"Surname"`
	// Fullname is computed by aqua from FirstName and Surname.
	Fullname string `json:"Fullname,omitempty"`
	// Email is required for the Jira sync: users with an empty email
	// address cannot be mapped to Jira users.
	Email      string `json:"Email"`
	Phone      string `json:"Phone,omitempty"`
	Position   string `json:"Position,omitempty"`
	PictureURL string `json:"PictureUrl,omitempty"`
	// ServerAdministrator and Status are set by GET /api/System/User/{userId}.
	ServerAdministrator bool   `json:"ServerAdministrator,omitempty"`
	Status              string `json:"Status,omitempty"`
	// Licenses are listed when the user is read with includeLicenses=true.
	Licenses []UserLicense `json:"Licenses,omitempty"`
}

// UserSummary is a user as GET /api/System/User lists it
// (ApiUserMinimalInfo): without email, phone or licenses.
type UserSummary struct {
	ID        int64  `json:"Id"`
	UserName  string `json:"UserName"`
	FirstName string `json:"FirstName"`
	Surname   string `json:"Surname"`
	// Status is one of UserActivated, UserDeactivated and
	// UserLicenseDeactivated.
	Status string `json:"Status,omitempty"`
	// AnyActiveLicense tells whether the user holds at least one active
	// license.
	AnyActiveLicense bool `json:"AnyActiveLicense"`
}

// Values of User.Status and UserSummary.Status (ApiUserStatus).
const (
	UserActivated          = "Activated"
	UserDeactivated        = "Deactivated"
	UserLicenseDeactivated = "LicenseDeactivated"
)

// UserRequest is the body of POST /api/System/User (ApiUserNew) and of
// PUT /api/System/User/{userId} (ApiUpdateUser), which have the same
// members. Every member is sent, so that an empty Phone or Position clears
// it.
type UserRequest struct {
	UserName  string `json:"UserName"`
	FirstName string `json:"FirstName"`
	Surname   string `json:"Surname"`
	Email     string `json:"Email"`
	Phone     string `json:"Phone"`
	Position  string `json:"Position"`
}

// UserCreated is the answer of POST /api/System/User (ApiUserNewReponse):
// the new user's id only.
type UserCreated struct {
	UserID int64 `json:"UserId"`
}

// License is one license of the aqua instance (ApiLicense) with the seats
// it offers.
type License struct {
	Code string `json:"Code"`
	Name string `json:"Name"`
	// MaxNamedLicensesAvailable is how many users may hold the license as
	// a named license.
	MaxNamedLicensesAvailable int `json:"MaxNamedLicensesAvailable"`
	// MaxFloatingLicensesAvailable is how many users may use the license
	// as a floating license at the same time.
	MaxFloatingLicensesAvailable int `json:"MaxFloatingLicensesAvailable"`
	// StartTime and ExpiryTime are ISO 8601 date-times, kept as aqua
	// writes them (its .NET serializer may omit the zone).
	StartTime  string `json:"StartTime"`
	ExpiryTime string `json:"ExpiryTime"`
}

// LicenseList is the answer of GET /api/System/License
// (ApiGetLicenseResponse).
type LicenseList struct {
	Licenses []License `json:"Licenses"`
}

// UserLicense is a license assigned to a user
// (ApiUserLicenseAssignment): in the Licenses of a user, and the body of
// POST /api/System/User/{userId}/License.
type UserLicense struct {
	Code string `json:"Code"`
	// Type is LicenseNamed or LicenseFloated (ApiLicenseType).
	Type string `json:"Type"`
}

// License types (ApiLicenseType). A named license is the user's own seat;
// a floating license takes a free seat of the pool while the user is
// logged in, so a sync user holding a floating license stops syncing when
// every floating seat is taken.
const (
	LicenseNamed   = "Named"
	LicenseFloated = "Floated"
)

// LicenseTypes returns the values UserLicense.Type may take.
func LicenseTypes() []string { return []string{LicenseNamed, LicenseFloated} }

// Project is an aqua project as GET /api/Project lists it and
// GET /api/Project/{id} answers (ApiProjectInfo).
type Project struct {
	ID               int64  `json:"Id"`
	Name             string `json:"Name"`
	IsArchived       bool   `json:"IsArchived"`
	HasSubfolders    bool   `json:"HasSubfolders"`
	ShortDescription string `json:"ShortDescription,omitempty"`
}

// Role is a role as GET /api/System/Role lists it, and the Role of a
// project assignment (ApiRoleIdName).
type Role struct {
	ID   int64  `json:"Id"`
	Name string `json:"Name"`
}

// RoleProjectAdministrator is the role the Jira sync user needs in the
// synchronized project.
const RoleProjectAdministrator = "Project Administrator"

// UserAssignment is a user's role in a project or one of its folders
// (ApiUserRole).
type UserAssignment struct {
	Role Role `json:"Role"`
	User User `json:"User"`
	// FolderID is 0 for the project itself.
	FolderID int64 `json:"FolderId"`
}

// UserAssignmentList is the answer of
// GET /api/Project/{projectId}/UserAssignment (ApiGetUserAssignmentResponse;
// "Assignements" is aqua's spelling).
type UserAssignmentList struct {
	Assignments []UserAssignment `json:"Assignements"`
}

// AssignmentRequest is the body of
// POST /api/Project/{projectId}/UserAssignment
// (ApiUserProjectFolderAssignment).
type AssignmentRequest struct {
	UserID int64 `json:"UserId"`
	// FolderID is 0 for an assignment to the project itself.
	FolderID int64 `json:"FolderId"`
	RoleID   int64 `json:"RoleId"`
}

// AssignmentReplace is the body of
// PATCH /api/Project/{projectId}/UserAssignment?userId=&folderId=
// (ApiUserProjectFolderAssignmentPatchReplace): OperationType is always
// OperationReplace.
type AssignmentReplace struct {
	OperationType string `json:"OperationType"`
	NewRoleID     int64  `json:"NewRoleId"`
}

// OperationReplace is the OperationType of an AssignmentReplace.
const OperationReplace = "Replace"

// Field is a field of an item type in a project, as
// GET /api/Project/{projectId}/Meta/{itemType}/Fields lists it
// (ApiFieldMeta).
type Field struct {
	// ID is the field's internal property name, unique within a project
	// and item type.
	ID string `json:"Id"`
	// Title is the field's name as the UI shows it.
	Title string `json:"Title"`
	// FieldType is one of aqua's field types (ApiFieldType), e.g.
	// FieldTypeDictionary; only dictionary fields have entries.
	FieldType string `json:"FieldType"`
	IsCustom  bool   `json:"IsCustom"`
	IsActive  bool   `json:"IsActive"`
}

// Field types the client tells apart (ApiFieldType).
const (
	FieldTypeDictionary            = "Dictionary"
	FieldTypeDictionaryMultiChoice = "DictionaryMultiChoice"
)

// Dictionary is the answer of
// GET /api/Project/{projectId}/Meta/{itemType}/Fields/{fieldId}/Entries
// (ApiProjectTemplateDictionary): a dictionary field's entries, in order.
type Dictionary struct {
	ID      int64        `json:"Id"`
	Name    string       `json:"Name"`
	Entries []FieldEntry `json:"Entries"`
	// ConsistencyKey guards against concurrent changes when the whole
	// dictionary is saved.
	ConsistencyKey string `json:"ConsistencyKey,omitempty"`
}

// FieldEntry is one entry of a dictionary field
// (ApiProjectTemplateDictionaryEntry), and the answer of
// POST .../Fields/{fieldId}/Entries.
type FieldEntry struct {
	ID        int64  `json:"Id"`
	Name      string `json:"Name"`
	IsDefault bool   `json:"IsDefault"`
}

// FieldEntryRequest is the body of
// POST /api/Project/{projectId}/Meta/{itemType}/Fields/{fieldId}/Entries
// (ApiProjectTemplateDictionaryEntryNew).
type FieldEntryRequest struct {
	Name      string `json:"Name"`
	IsDefault bool   `json:"IsDefault"`
}

// TokenResponse is the answer of POST /api/token, as the description of
// aqua's oauth2 security scheme gives it.
type TokenResponse struct {
	AccessToken string `json:"access_token"`
	// ExpiresIn is the token's lifetime in seconds.
	ExpiresIn    int64  `json:"expires_in"`
	RefreshToken string `json:"refresh_token,omitempty"`
}

// TokenError is the error answer of POST /api/token (OAuth 2, RFC 6749
// section 5.2), e.g. {"error":"invalid_grant"} for a wrong password.
type TokenError struct {
	Error       string `json:"error"`
	Description string `json:"error_description,omitempty"`
}
