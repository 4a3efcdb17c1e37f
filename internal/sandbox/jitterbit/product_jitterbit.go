package jitterbit

import (
	"crypto/rand"
	"net/http"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// Product emulates Jitterbit Harmony under /jitterbit: the login, headers
// and envelope of Jitterbit's "Harmony API Reference", and the provider's
// own contract for Jira Service Management connections, in Harmony's
// style. Its wire shapes are in wire.go.
//
//	POST   /login                                      headers username and password; data {authenticationToken, serverUrl, cloudAppsUrl, orgAttrs, defaultOrgId, sessionTimeoutInSeconds}
//	GET    /connections/jira-service-management        list: filters projectId (exact) and name (exact, case-insensitive), page and pageSize
//	POST   /connections/jira-service-management        create: 201, data is the connection
//	GET    /connections/jira-service-management/{id}   read, without secrets
//	PUT    /connections/jira-service-management/{id}   replace: 200, data is the connection; empty secrets are kept
//	DELETE /connections/jira-service-management/{id}   delete: 204
//	POST   /connections/jira-service-management/{id}/test   "Test" (conntest_jitterbit.go)
//
// Every route but the login needs the headers authToken (a token from the
// login, valid for the sessionTimeoutInSeconds it announces) and
// organizationId (the seeded organization, "100"): without a valid token
// the answer is 401, with another organization 403. A refused login is
// HTTP 200 with "success": false, as Harmony answers it. Every answer is
// Harmony's envelope, its uri the URL called; error codes are the status
// text in upper snake case ("NOT_FOUND"), except for the authentication
// codes in product_jitterbit_auth.go, and every error has a fresh errorId.
//
// Connections are stored with their secrets in the product's state. Request
// bodies are decoded strictly: an unknown field is a 400.
type Product struct {
	jitterbitResponder
	tokens *jitterbitTokens
	state  *kernel.State[jitterbitState]
}

// jitterbitState is the jitterbit product's data. Projects are the
// Integration Studio projects a connection may belong to: seeded, not
// served (Harmony has no list of projects); a state file may list others.
type jitterbitState struct {
	Projects       []project                        `json:"projects"`
	JSMConnections kernel.Collection[JSMConnection] `json:"jsm_connections"`
}

// The seeded organization, the only one the default user belongs to.
const (
	jitterbitOrgID   = "100"
	jitterbitOrgName = "Sandbox Organization"
)

// Routes of the product below its prefix.
const (
	jitterbitLoginPath       = "/login"
	jitterbitConnectionsPath = "/connections/jira-service-management"
)

// New returns the product, ready for kernel.NewServer.
func New() *Product { return &Product{} }

// Name implements kernel.Product: the product is served under /jitterbit.
func (p *Product) Name() string { return "jitterbit" }

// Register implements kernel.Product: it loads the state and adds the
// routes.
func (p *Product) Register(env *kernel.Env) error {
	state, err := kernel.NewState(env, seedJitterbitState)
	if err != nil {
		return err
	}
	p.state = state
	p.tokens = newJitterbitTokens(env.Now)

	auth := p.requireSession
	env.Handle("POST "+jitterbitLoginPath, p.login)
	env.Handle("GET "+jitterbitConnectionsPath, auth(p.listJSMConnections))
	env.Handle("POST "+jitterbitConnectionsPath, auth(p.createJSMConnection))
	env.Handle("GET "+jitterbitConnectionsPath+"/{id}", auth(p.getJSMConnection))
	env.Handle("PUT "+jitterbitConnectionsPath+"/{id}", auth(p.updateJSMConnection))
	env.Handle("DELETE "+jitterbitConnectionsPath+"/{id}", auth(p.deleteJSMConnection))
	env.Handle("POST "+jitterbitConnectionsPath+"/{id}/test", auth(p.testJSMConnection))
	return nil
}

// seedJitterbitState returns the seeded data: two projects, no connections.
func seedJitterbitState() *jitterbitState {
	return &jitterbitState{Projects: []project{
		{ID: "1001", Name: "JSM Integration"},
		{ID: "1002", Name: "Service Desk Sync"},
	}}
}

// jitterbitResponder writes answers in Harmony's envelope.
type jitterbitResponder struct{}

// ok answers status with data in a successful envelope.
func (jitterbitResponder) ok(w http.ResponseWriter, r *http.Request, status int, data any) {
	kernel.WriteJSON(w, status, envelope{Success: true, URI: calledURL(r), Data: data})
}

// error answers status with a failed envelope carrying a new errorId.
func (jitterbitResponder) error(w http.ResponseWriter, r *http.Request, status int, code, message string) {
	kernel.WriteJSON(w, status, envelope{URI: calledURL(r),
		Error: &errorInfo{ErrorMessage: message, ErrorCode: code, ErrorID: rand.Text()}})
}

// fail answers err: a kernel.APIError with its status, anything else with
// 500.
func (j jitterbitResponder) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, message := kernel.StatusOf(err)
	j.error(w, r, status, jitterbitErrorCode(status), message)
}

// WriteError implements kernel.Product.
func (j jitterbitResponder) WriteError(w http.ResponseWriter, r *http.Request, status int, message string) {
	j.error(w, r, status, jitterbitErrorCode(status), message)
}

// calledURL is the absolute URL of the request as the client sent it,
// query included: the envelope's uri.
func calledURL(r *http.Request) string {
	target := r.RequestURI
	if target == "" {
		target = r.URL.RequestURI()
	}
	return kernel.AbsoluteURL(r, target)
}

// jitterbitErrorCode is the error code of a status: its text in upper
// snake case, e.g. NOT_FOUND.
func jitterbitErrorCode(status int) string {
	return strings.ToUpper(strings.NewReplacer(" ", "_", "-", "_").Replace(http.StatusText(status)))
}
