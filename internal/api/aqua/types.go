package aqua

// Wire types of the aqua REST API as aqua documents them (PascalCase JSON).
// aqua's answers carry more members than these; the client ignores them.
// The sandbox serves the same shapes.

// User is an aqua user as GET /api/System/User/{id} and GET /api/Session
// return it.
type User struct {
	ID        int64  `json:"Id"`
	UserName  string `json:"UserName"`
	FirstName string `json:"FirstName"`
	Surname   string `json:"Surname"`
	// Fullname is computed by aqua from FirstName and Surname.
	Fullname string `json:"Fullname,omitempty"`
	// Email is required for the Jira sync: users with an empty email
	// address cannot be mapped to Jira users.
	Email    string `json:"Email"`
	Phone    string `json:"Phone,omitempty"`
	Position string `json:"Position,omitempty"`
}

// UserRequest is the body of POST /api/System/User and
// PUT /api/System/User/{id}.
type UserRequest struct {
	UserName  string `json:"UserName"`
	FirstName string `json:"FirstName"`
	Surname   string `json:"Surname"`
	Email     string `json:"Email"`
	Phone     string `json:"Phone,omitempty"`
	Position  string `json:"Position,omitempty"`
}

// License is one license pool of the aqua instance, as
// GET /api/System/License lists it.
type License struct {
	Code  string `json:"Code"`
	Name  string `json:"Name"`
	Total int    `json:"Total"`
	Used  int    `json:"Used"`
}

// UserLicense is a license a user holds, as
// GET /api/System/User/{id}/License lists it.
type UserLicense struct {
	Code string `json:"Code"`
	Name string `json:"Name,omitempty"`
}

// LicenseRequest is the body of POST /api/System/User/{id}/License.
type LicenseRequest struct {
	Code string `json:"Code"`
}

// Project is an aqua project.
type Project struct {
	ID   int64  `json:"Id"`
	Name string `json:"Name"`
}

// UserAssignment is a user's role in a project, as
// GET /api/Project/{pid}/UserAssignment lists it.
type UserAssignment struct {
	UserID   int64  `json:"UserId"`
	UserName string `json:"UserName,omitempty"`
	RoleName string `json:"RoleName"`
}

// AssignmentRequest is the body of POST and PATCH
// /api/Project/{pid}/UserAssignment.
type AssignmentRequest struct {
	UserID   int64  `json:"UserId"`
	RoleName string `json:"RoleName"`
}

// Field is a field of an item type in a project, as
// GET /api/Project/{pid}/Meta/{itemType}/Fields lists it.
type Field struct {
	FieldID string `json:"FieldId"`
	Name    string `json:"Name"`
	// Type is aqua's field type, e.g. "Text" or "Dictionary"; only
	// dictionary fields have entries.
	Type string `json:"Type"`
}

// FieldEntry is one value of a dictionary field.
type FieldEntry struct {
	ID    int64  `json:"Id"`
	Value string `json:"Value"`
}

// FieldEntryRequest is the body of
// POST /api/Project/{pid}/Meta/{itemType}/Fields/{fieldId}/Entries.
type FieldEntryRequest struct {
	Value string `json:"Value"`
}

// TokenResponse is the answer of POST /api/token.
type TokenResponse struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type,omitempty"`
	ExpiresIn    int64  `json:"expires_in"`
	RefreshToken string `json:"refresh_token,omitempty"`
}

// ErrorBody is aqua's error answer (ASP.NET style). ModelState, when
// present, lists validation problems by field.
type ErrorBody struct {
	Message    string              `json:"Message"`
	ModelState map[string][]string `json:"ModelState,omitempty"`
}

// TokenError is the error answer of POST /api/token (RFC 6749, 5.2).
type TokenError struct {
	Error       string `json:"error"`
	Description string `json:"error_description,omitempty"`
}

// Role names aqua gives project members.
const (
	RoleProjectAdministrator = "Project Administrator"
)
