package sandbox

import (
	"net/http"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

// jitterbitProduct emulates Jitterbit Harmony under /jitterbit: the login,
// headers and envelope Harmony documents, its project list, and the
// provider's own contract for Jira Service Management connections (see
// package jitterbit):
//
//	POST   /login                                      headers username and password; token in data.authenticationToken
//	GET    /projects                                   the organization's projects
//	GET    /connections/jira-service-management        list: filters projectId (exact) and name (exact, case-insensitive), page and pageSize
//	POST   /connections/jira-service-management        create: 201, data is the connection
//	GET    /connections/jira-service-management/{id}   read, without secrets
//	PUT    /connections/jira-service-management/{id}   replace: 200, data is the connection; empty secrets are kept
//	DELETE /connections/jira-service-management/{id}   delete: 204
//	POST   /connections/jira-service-management/{id}/test   "Test" (conntest_jitterbit.go)
//
// Every route but the login needs the headers authToken (a token from the
// login, valid for an hour) and organizationId (the seeded organization,
// "100"): without a valid token the answer is 401, with another
// organization 403. A refused login is HTTP 200 with "success": false, as
// Harmony answers it. Every answer is Harmony's envelope; error codes are
// the status text in upper snake case ("NOT_FOUND"), except for the
// authentication codes in product_jitterbit_auth.go.
//
// Connections are stored with their secrets in the product's state. Request
// bodies are decoded strictly: an unknown field is a 400.
type jitterbitProduct struct {
	jitterbitResponder
	tokens *jitterbitTokens
	state  *productState[jitterbitState]
}

// jitterbitState is the jitterbit product's data. Projects are seeded and
// read-only through the API; a state file may list others.
type jitterbitState struct {
	Projects       []jitterbit.Project                 `json:"projects"`
	JSMConnections collection[jitterbit.JSMConnection] `json:"jsm_connections"`
}

// The seeded organization, the only one the default user belongs to.
const (
	jitterbitOrgID   = "100"
	jitterbitOrgName = "Sandbox Organization"
)

// Routes of the product below its prefix.
const (
	jitterbitLoginPath       = "/login"
	jitterbitProjectsPath    = "/projects"
	jitterbitConnectionsPath = "/connections/jira-service-management"
)

func newJitterbitProduct() *jitterbitProduct { return &jitterbitProduct{} }

func (p *jitterbitProduct) name() string { return "jitterbit" }

func (p *jitterbitProduct) register(env *productEnv) error {
	state, err := newProductState(env, seedJitterbitState)
	if err != nil {
		return err
	}
	p.state = state
	p.tokens = newJitterbitTokens(env.now)

	auth := p.requireSession
	env.handle("POST "+jitterbitLoginPath, p.login)
	env.handle("GET "+jitterbitProjectsPath, auth(p.listProjects))
	env.handle("GET "+jitterbitConnectionsPath, auth(p.listJSMConnections))
	env.handle("POST "+jitterbitConnectionsPath, auth(p.createJSMConnection))
	env.handle("GET "+jitterbitConnectionsPath+"/{id}", auth(p.getJSMConnection))
	env.handle("PUT "+jitterbitConnectionsPath+"/{id}", auth(p.updateJSMConnection))
	env.handle("DELETE "+jitterbitConnectionsPath+"/{id}", auth(p.deleteJSMConnection))
	env.handle("POST "+jitterbitConnectionsPath+"/{id}/test", auth(p.testJSMConnection))
	return nil
}

// seedJitterbitState returns the seeded data: two projects, no connections.
func seedJitterbitState() *jitterbitState {
	return &jitterbitState{Projects: []jitterbit.Project{
		{ID: "1001", Name: "JSM Integration"},
		{ID: "1002", Name: "Service Desk Sync"},
	}}
}

func (p *jitterbitProduct) listProjects(w http.ResponseWriter, _ *http.Request) {
	var projects []jitterbit.Project
	p.state.read(func(s *jitterbitState) { projects = append([]jitterbit.Project{}, s.Projects...) })
	p.ok(w, http.StatusOK, projects)
}

// jitterbitResponder writes answers in Harmony's envelope.
type jitterbitResponder struct{}

// ok answers status with data in a successful envelope.
func (jitterbitResponder) ok(w http.ResponseWriter, status int, data any) {
	writeJSON(w, status, jitterbit.Envelope[any]{Success: true, Data: data})
}

// error answers status with a failed envelope.
func (jitterbitResponder) error(w http.ResponseWriter, status int, code, message string) {
	writeJSON(w, status, jitterbit.Envelope[any]{Error: &jitterbit.ErrorInfo{ErrorMessage: message, ErrorCode: code}})
}

// fail answers err: an apiError with its status, anything else with 500.
func (j jitterbitResponder) fail(w http.ResponseWriter, err error) {
	status, message := statusOf(err)
	j.error(w, status, jitterbitErrorCode(status), message)
}

// writeError implements product.writeError.
func (j jitterbitResponder) writeError(w http.ResponseWriter, _ *http.Request, status int, message string) {
	j.error(w, status, jitterbitErrorCode(status), message)
}

// jitterbitErrorCode is the error code of a status: its text in upper
// snake case, e.g. NOT_FOUND.
func jitterbitErrorCode(status int) string {
	return strings.ToUpper(strings.NewReplacer(" ", "_", "-", "_").Replace(http.StatusText(status)))
}
