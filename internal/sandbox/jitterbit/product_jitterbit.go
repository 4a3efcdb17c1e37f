package jitterbit

import (
	"crypto/rand"
	"net/http"
	"strings"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// Product emulates Jitterbit Harmony under /jitterbit: the login, headers,
// envelope, project and project variables of Jitterbit's "Harmony API
// Reference", and the provider's own contract for Jira Service Management
// connections, contracts/jitterbit-jsm-connections.yaml, in Harmony's
// style, below its prefix /almsync/jitterbit-jsm-connections/v1. Its wire
// shapes are in wire.go.
//
//	POST   /login                                      headers username and password; data {authenticationToken, serverUrl, cloudAppsUrl, orgAttrs, defaultOrgId, sessionTimeoutInSeconds}
//	GET    /project?environmentId=&projectGuid=        header organizationId; data {projects: {guid, name, projectId, description, environments: [{envId, envName, ...}], ...}}
//	PUT    /project                                    body {projectGuid}: deploys the project (product_jitterbit_deploy.go); no data
//	GET    /project-variables?environmentId=&projectGuid=   data {projectVariableDetail: [{projectVariableId, projectVariableName, projectVariableValue, ...}]}
//	PUT    /project-variables                          body {projectVariableId, projectVariableValue, projectVariableDescription, projectVariableHideValue}; no data
//	GET    /almsync/jitterbit-jsm-connections/v1/contract      discovery, without credentials: data {name, version}
//	GET    /almsync/jitterbit-jsm-connections/v1/connections   list: environmentId and projectGuid required (exact), name (exact, case-insensitive), page and pageSize
//	POST   /almsync/jitterbit-jsm-connections/v1/connections   create: 201, data is the connection
//	GET    /almsync/jitterbit-jsm-connections/v1/connections/{id}   read, without secrets
//	PUT    /almsync/jitterbit-jsm-connections/v1/connections/{id}   replace: 200, data is the connection; empty secrets are kept
//	DELETE /almsync/jitterbit-jsm-connections/v1/connections/{id}   delete: 204
//	POST   /almsync/jitterbit-jsm-connections/v1/connections/{id}/test   "Test" (conntest_jitterbit.go)
//
// Harmony's base URL ends in an API stage (https://harmony-api.<region>.
// jitterbit.com/dev, qa or api). The sandbox serves every route both
// directly below /jitterbit, the URL its tests use, and below each stage,
// /jitterbit/dev, /jitterbit/qa and /jitterbit/api, so that a URL written
// as for Harmony works too; all of them share one state.
//
// Every route but the login and the discovery needs the header authToken (a token from the
// login, valid for the sessionTimeoutInSeconds it announces, measured with
// the server clock) and the header organizationId (the seeded organization,
// "100"): without a valid token the answer is 401, with another
// organization 403. The project variables, for which the reference lists no
// organizationId, also accept a request without it. A refused login is
// HTTP 200 with "success": false, as Harmony answers it; the users
// sso-admin and tfa-admin (password "sandbox") are refused so because their
// organizations use Harmony SSO and two-factor authentication, which the
// reference says the API cannot log in with. Every answer is Harmony's
// envelope, its uri the URL called; error codes are the status text in
// upper snake case ("NOT_FOUND"), except for the authentication codes in
// product_jitterbit_auth.go, and every error has a fresh errorId.
//
// PUT /project, the reference's Deploy Project, names the project only
// (no environment, and no organizationId among its parameters, so a
// request without the header is accepted too); each deployment is counted
// on the project in the state (deployments, last_deployed_on).
// GET /project and GET /project-variables answer 400 BAD_REQUEST when
// environmentId or projectGuid is missing and 404 NOT_FOUND when the
// environment is unknown or the project is not in it. PUT
// /project-variables sets an existing variable (404 NOT_FOUND for an
// unknown projectVariableId; the API creates none); a member left out keeps
// its value. A hidden variable's value is answered as null.
//
// Connections belong to a project in an environment (environmentId,
// projectGuid): a create checks the project is in that environment, and a
// connection never moves. They are stored with their secrets in the
// product's state. Request bodies are decoded strictly: an unknown field is
// a 400.
type Product struct {
	jitterbitResponder
	now    func() time.Time
	tokens *jitterbitTokens
	state  *kernel.State[jitterbitState]
}

// jitterbitState is the jitterbit product's data: the organization's
// environments, its Integration Studio projects, their project variables
// (per environment and project) and the JSM connections.
type jitterbitState struct {
	Environments     []environment                    `json:"environments"`
	Projects         []project                        `json:"projects"`
	ProjectVariables []projectVariable                `json:"project_variables"`
	JSMConnections   kernel.Collection[JSMConnection] `json:"jsm_connections"`
}

// The seeded organization, the only one the default user belongs to.
const (
	jitterbitOrgID   = "100"
	jitterbitOrgName = "Sandbox Organization"
)

// Routes of the product below its prefix.
const (
	jitterbitLoginPath            = "/login"
	jitterbitProjectPath          = "/project"
	jitterbitProjectVariablesPath = "/project-variables"

	// The contract's routes, below its prefix.
	jitterbitContractPrefix  = "/almsync/jitterbit-jsm-connections/v1"
	jitterbitDiscoveryPath   = jitterbitContractPrefix + "/contract"
	jitterbitConnectionsPath = jitterbitContractPrefix + "/connections"
	jitterbitContractName    = "jitterbit-jsm-connections"
	jitterbitContractVersion = "1.0.0"
)

// jitterbitStages are the path prefixes the routes are served under: none,
// and Harmony's API stages.
var jitterbitStages = []string{"", "/dev", "/qa", "/api"}

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
	p.now = env.Now
	p.tokens = newJitterbitTokens(env.Now, env.TokenLifetime(sessionLifetime))

	auth, authAnyOrg := p.requireSession(true), p.requireSession(false)
	for _, stage := range jitterbitStages {
		handle := func(method, route string, h http.HandlerFunc) { env.Handle(method+" "+stage+route, h) }
		handle("POST", jitterbitLoginPath, p.login)
		handle("GET", jitterbitProjectPath, auth(p.getProject))
		handle("PUT", jitterbitProjectPath, authAnyOrg(p.deployProject))
		handle("GET", jitterbitProjectVariablesPath, authAnyOrg(p.listProjectVariables))
		handle("PUT", jitterbitProjectVariablesPath, authAnyOrg(p.setProjectVariable))
		handle("GET", jitterbitDiscoveryPath, p.discoverContract)
		handle("GET", jitterbitConnectionsPath, auth(p.listJSMConnections))
		handle("POST", jitterbitConnectionsPath, auth(p.createJSMConnection))
		handle("GET", jitterbitConnectionsPath+"/{id}", auth(p.getJSMConnection))
		handle("PUT", jitterbitConnectionsPath+"/{id}", auth(p.updateJSMConnection))
		handle("DELETE", jitterbitConnectionsPath+"/{id}", auth(p.deleteJSMConnection))
		handle("POST", jitterbitConnectionsPath+"/{id}/test", auth(p.testJSMConnection))
	}
	return nil
}

// The seeded environments and projects.
const (
	seedEnvDevelopment = "201"
	seedEnvProduction  = "202"
	seedProjectJSM     = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
	seedProjectSD      = "9a87b6c5-a1b2-34c5-6d7e-123456a7b002"
)

// seedTime is when the seeded data was created, in Unix milliseconds.
const seedTime = 1735689600000 // 2025-01-01T00:00:00Z

// seedJitterbitState returns the seeded data: two environments, two
// projects with their variables, no connections.
func seedJitterbitState() *jitterbitState {
	variable := func(id, env, proj, name, value, desc string, hide bool) projectVariable {
		return projectVariable{ID: id, GUID: "0b1c2d3e-0000-4000-8000-00000000" + id, EnvironmentID: env, ProjectGUID: proj,
			Name: name, Label: name, Value: value, Description: desc, HideValue: hide, CreatedOn: seedTime, UpdatedOn: seedTime}
	}
	const (
		urlDesc   = "Jira Service Management site URL"
		userDesc  = "Jira Service Management user"
		tokenDesc = "Jira Service Management API token"
	)
	return &jitterbitState{
		Environments: []environment{
			{ID: seedEnvDevelopment, Name: "Development", Description: "Development environment"},
			{ID: seedEnvProduction, Name: "Production", Description: "Production environment"},
		},
		Projects: []project{
			{GUID: seedProjectJSM, ProjectID: 1001, Name: "JSM Integration",
				Description: "Jira Service Management integration", Environments: []string{seedEnvDevelopment, seedEnvProduction}},
			{GUID: seedProjectSD, ProjectID: 1002, Name: "Service Desk Sync",
				Environments: []string{seedEnvDevelopment}},
		},
		ProjectVariables: []projectVariable{
			variable("5001", seedEnvDevelopment, seedProjectJSM, "jsm_url", "https://acme-dev.atlassian.net", urlDesc, false),
			variable("5002", seedEnvDevelopment, seedProjectJSM, "jsm_user", "jsm-dev@example.com", userDesc, false),
			variable("5003", seedEnvDevelopment, seedProjectJSM, "jsm_api_token", "", tokenDesc, true),
			variable("5011", seedEnvProduction, seedProjectJSM, "jsm_url", "https://acme.atlassian.net", urlDesc, false),
			variable("5012", seedEnvProduction, seedProjectJSM, "jsm_user", "jsm@example.com", userDesc, false),
			variable("5013", seedEnvProduction, seedProjectJSM, "jsm_api_token", "", tokenDesc, true),
			variable("5021", seedEnvDevelopment, seedProjectSD, "sd_url", "https://servicedesk-dev.atlassian.net", "Service desk site URL", false),
		},
	}
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
