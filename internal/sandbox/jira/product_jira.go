package jira

import (
	"net/http"
	"strconv"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// Product emulates Jira's public REST API under /jira, in the shapes
// Atlassian documents. It serves three sites with the same accounts and
// data, one of each deployment type, the Cloud site under two URLs:
//
//	/jira                        Jira Cloud       (JiraCloudPath)
//	/jira/ex/jira/{JiraCloudID}  the same Cloud site through Atlassian's API gateway (JiraCloudGatewayPath)
//	/jira/server                 Jira Server      (JiraServerPath)
//	/jira/datacenter             Jira Data Center (JiraDataCenterPath)
//
// The gateway form stands for https://api.atlassian.com/ex/jira/{cloudId},
// the only way in for scoped and service-account API tokens. A loopback
// listener cannot be api.atlassian.com, so it keeps the gateway's path
// below the product prefix; its serverInfo reports the Cloud site's own
// base URL, as the gateway does, while self links keep the gateway URL.
//
// Each site answers, relative to its own path:
//
//	GET /rest/api/2/serverInfo              anonymous; version and deploymentType
//	GET /rest/api/2/myself?expand=          the logged-in account; groups and applicationRoles items when expanded
//	GET /rest/api/2/mypermissions?permissions=&projectKey=   the account's permissions; permissions is mandatory on Cloud
//	GET /rest/api/2/resolution              the default resolutions (deprecated on Cloud, still served there)
//	GET /rest/api/2/resolution/search?startAt=&maxResults=&id=&onlyDefault=   Cloud only: the resolutions, paged
//	GET /rest/api/2/project/{key}           a project by key or id
//	GET /rest/servicedeskapi/info           anonymous; Jira Service Management version and licence
//
// Authentication is HTTP Basic with the accounts in
// product_jira_accounts.go, or on Server and Data Center a personal access
// token as "Authorization: Bearer"; Cloud refuses bearer tokens, as it has
// no personal access tokens. Without credentials the anonymous routes
// answer and the others are a 401; wrong credentials are a 401 on every
// route. Errors are Jira's {"errorMessages": [...], "errors": {}}.
type Product struct {
	now   func() time.Time
	state *kernel.State[jiraState]
}

// jiraState is the jira product's data: fixtures only, which the API never
// changes. It is persisted like every product's state, so a state file may
// list other projects or resolutions.
type jiraState struct {
	Projects    []jiraProject    `json:"projects"`
	Resolutions []jiraResolution `json:"resolutions"`
}

// jiraDeployment is one of the emulated sites, or another URL of one.
type jiraDeployment struct {
	path string // below the product prefix: "" for the Cloud site
	kind string // its deploymentType
	// sitePath is the path of the site's own base URL below the product
	// prefix, where path is another way in (the Cloud gateway); path
	// itself otherwise.
	sitePath string
}

// cloud reports whether the site is Jira Cloud.
func (d jiraDeployment) cloud() bool { return d.kind == jiraDeploymentCloud }

// Deployment types as serverInfo reports them.
const (
	jiraDeploymentCloud      = "Cloud"
	jiraDeploymentServer     = "Server"
	jiraDeploymentDataCenter = "DataCenter"
)

// jiraDeployments returns the emulated sites.
func jiraDeployments() []jiraDeployment {
	return []jiraDeployment{
		{path: "", kind: jiraDeploymentCloud},
		{path: jiraGatewayPath, kind: jiraDeploymentCloud},
		{path: "/server", kind: jiraDeploymentServer, sitePath: "/server"},
		{path: "/datacenter", kind: jiraDeploymentDataCenter, sitePath: "/datacenter"},
	}
}

// New returns the Jira product, unregistered.
func New() *Product { return &Product{} }

// Name is the product's name and path prefix, "jira".
func (p *Product) Name() string { return "jira" }

// Register serves every site's routes on env and loads or seeds the
// product's state.
func (p *Product) Register(env *kernel.Env) error {
	state, err := kernel.NewState(env, seedJira)
	if err != nil {
		return err
	}
	p.state = state
	p.now = env.Now

	for _, d := range jiraDeployments() {
		route := func(path string, public bool, h jiraHandler) {
			env.Handle("GET "+d.path+path, p.serve(env.Prefix(), d, public, h))
		}
		route("/rest/api/2/serverInfo", true, p.serverInfo)
		route("/rest/api/2/myself", false, p.myself)
		route("/rest/api/2/mypermissions", false, p.myPermissions)
		route("/rest/api/2/resolution", false, p.resolutions)
		if d.cloud() {
			route("/rest/api/2/resolution/search", false, p.searchResolutions)
		}
		route("/rest/api/2/project/{key}", false, p.project)
		route("/rest/servicedeskapi/info", true, p.serviceDeskInfo)
	}
	return nil
}

// WriteError answers the kernel's errors (unknown route, fault, rate
// limit) with Jira's error body. A 429 also gets the rate-limit headers
// Jira Cloud sends beside Retry-After.
func (p *Product) WriteError(w http.ResponseWriter, _ *http.Request, status int, message string) {
	if status == http.StatusTooManyRequests {
		if secs, err := strconv.Atoi(w.Header().Get("Retry-After")); err == nil {
			reset := p.now().UTC().Add(time.Duration(secs) * time.Second)
			w.Header().Set("X-RateLimit-Reset", reset.Format(time.RFC3339))
		}
		w.Header().Set("RateLimit-Reason", "jira-burst-based")
	}
	writeJiraError(w, status, message)
}

// writeJiraError answers status with Jira's error body around message.
func writeJiraError(w http.ResponseWriter, status int, message string) {
	kernel.WriteJSON(w, status, jiraErrorBody{ErrorMessages: []string{message}, Errors: map[string]string{}})
}
