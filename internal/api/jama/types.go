package jama

// Wire types of the Jama Connect REST API (base {url}/rest/v1), as Jama
// documents them. The sandbox serves the same shapes.

// Meta is the "meta" member of every Jama response envelope.
type Meta struct {
	Status    string    `json:"status,omitempty"`
	Timestamp string    `json:"timestamp,omitempty"`
	PageInfo  *PageInfo `json:"pageInfo,omitempty"`
	ID        int64     `json:"id,omitempty"`
	Location  string    `json:"location,omitempty"`
	Message   string    `json:"message,omitempty"`
}

// PageInfo describes one page of a list answer.
type PageInfo struct {
	StartIndex   int `json:"startIndex"`
	ResultCount  int `json:"resultCount"`
	TotalResults int `json:"totalResults"`
}

// Envelope is the body of every Jama answer, errors included (then Data is
// empty and Meta.Message says why).
type Envelope[T any] struct {
	Meta   Meta           `json:"meta"`
	Links  map[string]any `json:"links"`
	Linked map[string]any `json:"linked"`
	Data   T              `json:"data,omitempty"`
}

// User is a Jama Connect user as GET /users/{id} returns it.
type User struct {
	ID          int64  `json:"id"`
	Username    string `json:"username"`
	FirstName   string `json:"firstName"`
	LastName    string `json:"lastName"`
	Email       string `json:"email"`
	Phone       string `json:"phone,omitempty"`
	Title       string `json:"title,omitempty"`
	Location    string `json:"location,omitempty"`
	LicenseType string `json:"licenseType"`
	AvatarURL   string `json:"avatarUrl,omitempty"`
	Active      bool   `json:"active"`
}

// UserRequest is the body of POST /users and PUT /users/{id}. Password is
// required on create; on update an empty password keeps the current one.
type UserRequest struct {
	Username    string `json:"username"`
	Password    string `json:"password,omitempty"`
	FirstName   string `json:"firstName"`
	LastName    string `json:"lastName"`
	Email       string `json:"email"`
	Phone       string `json:"phone,omitempty"`
	Title       string `json:"title,omitempty"`
	Location    string `json:"location,omitempty"`
	LicenseType string `json:"licenseType"`
}

// ActiveRequest is the body of PUT /users/{id}/active.
type ActiveRequest struct {
	Active bool `json:"active"`
}

// TokenResponse is the answer of POST {url}/rest/oauth/token.
type TokenResponse struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int64  `json:"expires_in"`
	Scope       string `json:"scope,omitempty"`
}

// LicenseTypes are the values Jama uses for User.LicenseType.
var LicenseTypes = []string{
	"NAMED", "FLOATING", "STAKEHOLDER", "FLOATING_COLLABORATOR",
	"RESERVED_COLLABORATOR", "FLOATING_REVIEWER", "RESERVED_REVIEWER",
	"NAMED_REVIEWER", "TEST_RUNNER", "EXPIRING_TRIAL", "INACTIVE",
}

// Paging limits of Jama list endpoints.
const (
	DefaultMaxResults = 20
	MaxMaxResults     = 50
)
