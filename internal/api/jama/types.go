package jama

// Wire types of the Jama Connect REST API (base {url}/rest/v1), as Jama
// documents them (Jama's swagger models User, RequestUser,
// RequestActiveStatus, PageInfo and the response envelope). wire_test.go
// holds each against literal JSON written from those documents.

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

// UserRequest is the body of POST /users (Jama's RequestUser on create):
// username, password, firstName, lastName, email and licenseType are
// required; phone, title and location are optional.
type UserRequest struct {
	Username    string `json:"username"`
	Password    string `json:"password"`
	FirstName   string `json:"firstName"`
	LastName    string `json:"lastName"`
	Email       string `json:"email"`
	Phone       string `json:"phone,omitempty"`
	Title       string `json:"title,omitempty"`
	Location    string `json:"location,omitempty"`
	LicenseType string `json:"licenseType"`
}

// UserUpdate is the body of PUT /users/{id} (Jama's RequestUser on update).
// It has no password: Jama documents password as "not valid on update", so
// the REST API cannot change an existing user's password. Every other field
// is sent, an empty phone, title or location clearing it.
type UserUpdate struct {
	Username    string `json:"username"`
	FirstName   string `json:"firstName"`
	LastName    string `json:"lastName"`
	Email       string `json:"email"`
	Phone       string `json:"phone"`
	Title       string `json:"title"`
	Location    string `json:"location"`
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

// LicenseNamed is the named creator license, the only license type with
// access to Jama's REST API. Users of every other type (FLOATING creators,
// reviewers, stakeholders, collaborators, test runners) cannot use the REST
// API, so they cannot be the account an integration authenticates as.
const LicenseNamed = "NAMED"

// HasRESTAccess reports whether a user of licenseType can use Jama's REST
// API: only named creators can.
func HasRESTAccess(licenseType string) bool { return licenseType == LicenseNamed }

// LicenseFloating is a floating creator license ("Creator Float"): a
// creator without REST API access.
const LicenseFloating = "FLOATING"

// IsCreator reports whether licenseType is a Creator license type, named or
// floating: the accounts that can run an integration at all.
func IsCreator(licenseType string) bool {
	return licenseType == LicenseNamed || licenseType == LicenseFloating
}

// LicenseTypes are the values Jama uses for User.LicenseType.
var LicenseTypes = []string{
	"NAMED", "FLOATING", "STAKEHOLDER", "FLOATING_COLLABORATOR",
	"RESERVED_COLLABORATOR", "FLOATING_REVIEWER", "RESERVED_REVIEWER",
	"NAMED_REVIEWER", "TEST_RUNNER", "EXPIRING_TRIAL", "INACTIVE",
}

// MaxMaxResults is the largest page Jama's list endpoints answer
// (maxResults; 20 when left out).
const MaxMaxResults = 50
