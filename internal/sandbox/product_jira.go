package sandbox

import (
	"net/http"
	"strconv"
	"time"
)

// jiraProduct emulates Jira's public REST API under /jira, in the shapes
// Atlassian documents. It serves three sites with the same accounts and
// data, one of each deployment type:
//
//	/jira             Jira Cloud       (JiraCloudPath)
//	/jira/server      Jira Server      (JiraServerPath)
//	/jira/datacenter  Jira Data Center (JiraDataCenterPath)
//
// Each site answers, relative to its own path:
//
//	GET /rest/api/2/serverInfo              anonymous; version and deploymentType
//	GET /rest/api/2/myself?expand=          the logged-in account; groups and applicationRoles items when expanded
//	GET /rest/api/2/mypermissions?permissions=&projectKey=   the account's permissions; permissions is mandatory on Cloud
//	GET /rest/api/2/resolution              the default resolutions
//	GET /rest/api/2/project/{key}           a project by key or id
//	GET /rest/servicedeskapi/info           anonymous; Jira Service Management version and licence
//
// Authentication is HTTP Basic with the accounts in
// product_jira_accounts.go. Without credentials the anonymous routes
// answer and the others are a 401; wrong credentials are a 401 on every
// route. Errors are Jira's {"errorMessages": [...], "errors": {}}.
type jiraProduct struct {
	now   func() time.Time
	state *productState[jiraState]
}

// jiraState is the jira product's data: fixtures only, which the API never
// changes. It is persisted like every product's state, so a state file may
// list other projects or resolutions.
type jiraState struct {
	Projects    []jiraProject    `json:"projects"`
	Resolutions []jiraResolution `json:"resolutions"`
}

// jiraDeployment is one of the emulated sites.
type jiraDeployment struct {
	path string // below the product prefix: "" for the Cloud site
	kind string // its deploymentType
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
		{path: "/server", kind: jiraDeploymentServer},
		{path: "/datacenter", kind: jiraDeploymentDataCenter},
	}
}

func newJiraProduct() *jiraProduct { return &jiraProduct{} }

func (p *jiraProduct) name() string { return "jira" }

func (p *jiraProduct) register(env *productEnv) error {
	state, err := newProductState(env, seedJira)
	if err != nil {
		return err
	}
	p.state = state
	p.now = env.now

	for _, d := range jiraDeployments() {
		route := func(path string, public bool, h jiraHandler) {
			env.handle("GET "+d.path+path, p.serve(env.prefix(), d, public, h))
		}
		route("/rest/api/2/serverInfo", true, p.serverInfo)
		route("/rest/api/2/myself", false, p.myself)
		route("/rest/api/2/mypermissions", false, p.myPermissions)
		route("/rest/api/2/resolution", false, p.resolutions)
		route("/rest/api/2/project/{key}", false, p.project)
		route("/rest/servicedeskapi/info", true, p.serviceDeskInfo)
	}
	return nil
}

// writeError implements product.writeError with Jira's error body. A 429
// also gets the rate-limit headers Jira Cloud sends beside Retry-After.
func (p *jiraProduct) writeError(w http.ResponseWriter, _ *http.Request, status int, message string) {
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
	writeJSON(w, status, jiraErrorBody{ErrorMessages: []string{message}, Errors: map[string]string{}})
}
