package jama

import "strings"

// Wire shapes of the Jama Connect REST API, spelled here from Jama's own
// reference (the REST API's swagger models User, RequestUser,
// RequestActiveStatus, PageInfo, CreatedResponse and the response envelope;
// Jama's Python REST client for the duplicate answer and the paging), never
// taken from the provider's client. Products in Jama's dialect
// (interchange) reuse Meta, PageInfo and Envelope.

// Meta is the "meta" member of every Jama answer: status and timestamp
// always; pageInfo on a list page; id and location after a create; message
// on an error.
type Meta struct {
	Status    string    `json:"status"`
	Timestamp string    `json:"timestamp"`
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

// Envelope is the body of every Jama answer: meta, links, linked and, when
// there is any, data.
type Envelope struct {
	Meta   Meta           `json:"meta"`
	Links  map[string]any `json:"links"`
	Linked map[string]any `json:"linked"`
	Data   any            `json:"data,omitempty"`
}

// user is a Jama user as GET /users/{id} answers it.
type user struct {
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

// requestUser is the body of POST /users and PUT /users/{id} (Jama's
// RequestUser). A nil member was not sent. On POST username, password,
// firstName, lastName, email and licenseType are required; on PUT every
// member is optional and password is not valid.
type requestUser struct {
	Username    *string `json:"username"`
	Password    *string `json:"password"`
	FirstName   *string `json:"firstName"`
	LastName    *string `json:"lastName"`
	Email       *string `json:"email"`
	Phone       *string `json:"phone"`
	Title       *string `json:"title"`
	Location    *string `json:"location"`
	LicenseType *string `json:"licenseType"`
}

// requestActiveStatus is the body of PUT /users/{id}/active; nil when
// active was not sent.
type requestActiveStatus struct {
	Active *bool `json:"active"`
}

// tokenResponse is the answer of POST /rest/oauth/token.
type tokenResponse struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int64  `json:"expires_in"`
	Scope       string `json:"scope"`
}

// oauthError is the body of a failed token request (RFC 6749, section 5.2).
type oauthError struct {
	Error       string `json:"error"`
	Description string `json:"error_description"`
}

// licenseTypes are the values Jama uses for licenseType.
var licenseTypes = []string{
	"NAMED", "FLOATING", "STAKEHOLDER", "FLOATING_COLLABORATOR",
	"RESERVED_COLLABORATOR", "FLOATING_REVIEWER", "RESERVED_REVIEWER",
	"NAMED_REVIEWER", "TEST_RUNNER", "EXPIRING_TRIAL", "INACTIVE",
}

// restLicense is the one license type with REST API access: a named
// creator. Floating creators and the reviewer, stakeholder, collaborator and
// test runner types cannot use the REST API.
const restLicense = "NAMED"

// Paging of Jama list endpoints: 20 results unless maxResults says
// otherwise, and never more than 50 (a larger maxResults gets 50).
const (
	defaultMaxResults = 20
	maxMaxResults     = 50
)

// connectionTestRequest is the optional body of a "Test connection"
// action of the provider's contracts in Jama's dialect.
type connectionTestRequest struct {
	TrustedCAPEM string `json:"trustedCaPem"`
}

// jiraConnection is one connection of the provider's JIRA Connector
// contract (see product_jama_jiraconnector.go): the "Add JIRA Connection"
// form, one field to one JSON key. jiraPassword is write-only.
type jiraConnection struct {
	ID                      int64        `json:"id,omitempty"`
	JiraURL                 string       `json:"jiraUrl"`
	JiraUsername            string       `json:"jiraUsername"`
	JiraPassword            string       `json:"jiraPassword,omitempty"`
	JamaUser                string       `json:"jamaUser"`
	Schedule                syncSchedule `json:"schedule"`
	FailureNotificationUser string       `json:"failureNotificationUser,omitempty"`
	Enabled                 bool         `json:"enabled"`
	UsePlainText            bool         `json:"usePlainText"`
}

// syncSchedule is a connection's schedule: {"type":"INTERVAL",
// "intervalMinutes":n} or {"type":"CRON","cron":"<Quartz expression>"}.
type syncSchedule struct {
	Type            string `json:"type"`
	IntervalMinutes int    `json:"intervalMinutes,omitempty"`
	Cron            string `json:"cron,omitempty"`
}

// Values of syncSchedule.Type, and the longest interval (one year).
const (
	scheduleInterval   = "INTERVAL"
	scheduleCron       = "CRON"
	maxIntervalMinutes = 525600
)

// sameJiraURL reports whether a and b name the same Jira instance for the
// contract: equal ignoring letter case and trailing slashes.
func sameJiraURL(a, b string) bool {
	return strings.EqualFold(strings.TrimRight(a, "/"), strings.TrimRight(b, "/"))
}
