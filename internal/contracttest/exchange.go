package contracttest

import (
	"fmt"
	"net/http"
)

// Product names, as the sandbox serves them (each under /<name>).
const (
	Aqua        = "aqua"
	Jama        = "jama"
	Jira        = "jira"
	Jitterbit   = "jitterbit"
	Interchange = "interchange"
)

// Exchange is one HTTP request and its answer, as a test recorded it.
type Exchange struct {
	// Product is one of Aqua, Jama, Jira, Jitterbit and Interchange.
	Product string
	// Method is the HTTP method, e.g. "GET".
	Method string
	// Path is the request path below the product's prefix, e.g.
	// "/api/System/User/5" for aqua or "/rest/v1/users" for Jama. Jira paths
	// may start with the sandbox's "/server" or "/datacenter" site prefix,
	// or with the API gateway's "/ex/jira/{cloudId}", which the checker
	// removes.
	Path string
	// RawQuery is the query string without the leading "?".
	RawQuery string
	// RequestHeader holds the request headers (Content-Type matters).
	RequestHeader http.Header
	// RequestBody is the request body, empty when there is none.
	RequestBody []byte
	// Status is the response status code; 0 means no response was
	// received, and only the request is checked.
	Status int
	// ResponseHeader holds the response headers (Content-Type matters).
	ResponseHeader http.Header
	// ResponseBody is the response body.
	ResponseBody []byte
}

// Violation is one way an exchange differs from its product's description.
type Violation struct {
	// Product, Method and Path are those of the exchange (Path as checked,
	// without a Jira site prefix).
	Product string
	Method  string
	Path    string
	// Operation names the described operation: its operationId, else
	// "METHOD /path/template"; for a request no operation describes,
	// "METHOD path".
	Operation string
	// Status is the response status, 0 for a violation of the request
	// that was found before the response was looked at.
	Status int
	// Message is the validator's message.
	Message string
}

// String describes the violation on one line.
func (v Violation) String() string {
	where := fmt.Sprintf("%s %s %s", v.Product, v.Method, v.Path)
	if v.Operation != "" && v.Operation != v.Method+" "+v.Path {
		where += " (" + v.Operation + ")"
	}
	if v.Status != 0 {
		where += fmt.Sprintf(" -> %d", v.Status)
	}
	return where + ": " + v.Message
}
