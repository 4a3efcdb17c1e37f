package jira

import (
	"net/http"
	"slices"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// Paths of the emulated Jira sites below the sandbox's root URL: append one
// to the sandbox URL for a Jira site URL. JiraCloudGatewayPath is the Cloud
// site again, in the shape of https://api.atlassian.com/ex/jira/{cloudId}.
const (
	JiraCloudPath        = "/jira"
	JiraCloudGatewayPath = JiraCloudPath + jiraGatewayPath
	JiraServerPath       = "/jira/server"
	JiraDataCenterPath   = "/jira/datacenter"
)

// JiraCloudID is the cloud id of the emulated Cloud site, as Atlassian's
// gateway URL carries it.
const JiraCloudID = "4f2c9a1e-7b3d-4e8a-9c5f-0d6e1a2b3c4d"

// jiraGatewayPath is the gateway's path of the Cloud site below the
// product prefix.
const jiraGatewayPath = "/ex/jira/" + JiraCloudID

// Jira accounts besides the default credentials (DefaultUsername and
// DefaultPassword, the site administrator). Both log in with their email
// address and the API token JiraAPIToken, as on Jira Cloud; the Server and
// Data Center sites take the email address as username.
//
//   - JiraSyncAccount is in jira-users and jira-software-users and holds
//     every permission Jama's classic JIRA Connector asks of its Jira user:
//     BROWSE_PROJECTS, CREATE_ISSUES, EDIT_ISSUES, ADD_COMMENTS,
//     CREATE_ATTACHMENTS and MODIFY_REPORTER.
//   - JiraLimitedAccount is in jira-users and holds the same permissions
//     except CREATE_ATTACHMENTS.
//
// The administrator is in jira-administrators and jira-users and holds
// every permission. Real Jira Cloud accepts only an email address and an
// API token; the sandbox's Cloud site also accepts DefaultUsername, which
// is not an email address, so that checks of that rule can be exercised.
const (
	JiraSyncAccount    = "sync@example.com"
	JiraLimitedAccount = "limited@example.com"
	JiraAPIToken       = "sandbox-token"
)

// Personal access tokens of the Server and Data Center sites, sent as
// "Authorization: Bearer <token>" (Jira Cloud has none and refuses them):
//
//   - JiraAdminPersonalAccessToken logs in as the administrator
//     (DefaultUsername);
//   - JiraSyncPersonalAccessToken logs in as JiraSyncAccount.
//
// Real tokens are opaque base64 strings Jira generates; these are fixed so
// that a configuration can name them.
const (
	JiraAdminPersonalAccessToken = "sandbox-admin-pat"
	JiraSyncPersonalAccessToken  = "sandbox-sync-pat"
)

// jiraAccount is a Jira user the sandbox knows.
type jiraAccount struct {
	username    string // Basic username on Server and Data Center, and the user's name there
	password    string
	pat         string // personal access token on Server and Data Center; "" for none
	email       string
	displayName string
	accountID   string // Cloud's identifier
	key         string // Server and Data Center's identifier
	groups      []string
	roles       []jiraApplicationRole
	// permissions are the keys the account holds in every project; nil
	// means every permission.
	permissions []string
}

// jiraApplicationRole is an application role: a Jira product the account
// may use.
type jiraApplicationRole struct {
	key, name string
}

// has reports whether the account holds the permission with key.
func (a *jiraAccount) has(key string) bool {
	return a.permissions == nil || slices.Contains(a.permissions, key)
}

// jiraNotAuthenticated is Jira's message for a request without valid
// credentials.
const jiraNotAuthenticated = "You are not authenticated. Authentication required to perform this operation."

// jiraAccounts returns the accounts: the administrator, the sync account and
// the limited account.
func jiraAccounts() []jiraAccount {
	software := jiraApplicationRole{key: "jira-software", name: "Jira Software"}
	return []jiraAccount{
		{
			username:    kernel.DefaultUsername,
			password:    kernel.DefaultPassword,
			pat:         JiraAdminPersonalAccessToken,
			email:       "admin@example.com",
			displayName: "Sandbox Administrator",
			accountID:   "5b10a2844c20165700ede21a",
			key:         "JIRAUSER10000",
			groups:      []string{"jira-administrators", "jira-users"},
			roles:       []jiraApplicationRole{software, {key: "jira-servicedesk", name: "Jira Service Management"}},
		},
		{
			username:    JiraSyncAccount,
			password:    JiraAPIToken,
			pat:         JiraSyncPersonalAccessToken,
			email:       JiraSyncAccount,
			displayName: "Jama Sync",
			accountID:   "5b10ac8d82e05b22cc7d4ef5",
			key:         "JIRAUSER10100",
			groups:      []string{"jira-software-users", "jira-users"},
			roles:       []jiraApplicationRole{software},
			permissions: []string{"BROWSE_PROJECTS", "CREATE_ISSUES", "EDIT_ISSUES", "ADD_COMMENTS", "CREATE_ATTACHMENTS", "MODIFY_REPORTER"},
		},
		{
			username:    JiraLimitedAccount,
			password:    JiraAPIToken,
			email:       JiraLimitedAccount,
			displayName: "Limited Sync",
			accountID:   "5b10ac8d82e05b22cc7d4ef6",
			key:         "JIRAUSER10101",
			groups:      []string{"jira-users"},
			roles:       []jiraApplicationRole{software},
			permissions: []string{"BROWSE_PROJECTS", "CREATE_ISSUES", "EDIT_ISSUES", "ADD_COMMENTS", "MODIFY_REPORTER"},
		},
	}
}

// findJiraAccount returns the account logging in as username: its username
// or its email address, ignoring case as Jira does.
func findJiraAccount(username string) (jiraAccount, bool) {
	for _, a := range jiraAccounts() {
		if strings.EqualFold(username, a.username) || strings.EqualFold(username, a.email) {
			return a, true
		}
	}
	return jiraAccount{}, false
}

// jiraRequest is what a Jira handler knows about its request.
type jiraRequest struct {
	deployment jiraDeployment
	site       string       // the URL the site was reached at, for self links
	baseURL    string       // the site's own base URL, as serverInfo reports it
	account    *jiraAccount // nil when anonymous
}

// jiraHandler serves one route of one site.
type jiraHandler func(w http.ResponseWriter, r *http.Request, jr jiraRequest)

// serve wraps h for deployment d: it authenticates the request and answers
// 401 when the credentials are wrong, or missing on a route that is not
// public.
func (p *Product) serve(prefix string, d jiraDeployment, public bool, h jiraHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		jr := jiraRequest{deployment: d, site: kernel.AbsoluteURL(r, prefix+d.path), baseURL: kernel.AbsoluteURL(r, prefix+d.sitePath)}
		if r.Header.Get("Authorization") != "" {
			account, ok := authenticateJira(r, d)
			if !ok {
				w.Header().Set("X-Seraph-LoginReason", "AUTHENTICATED_FAILED")
				jiraUnauthorized(w)
				return
			}
			jr.account = &account
		}
		if jr.account == nil && !public {
			jiraUnauthorized(w)
			return
		}
		h(w, r, jr)
	}
}

// authenticateJira checks the request's credentials: Basic, or on Server
// and Data Center a personal access token as a bearer token.
func authenticateJira(r *http.Request, d jiraDeployment) (jiraAccount, bool) {
	if token, ok := bearerToken(r); ok {
		if d.cloud() {
			return jiraAccount{}, false
		}
		return findJiraToken(token)
	}
	username, password, ok := r.BasicAuth()
	if !ok {
		return jiraAccount{}, false
	}
	account, found := findJiraAccount(username)
	if !found || !kernel.EqualSecret(password, account.password) {
		return jiraAccount{}, false
	}
	return account, true
}

// bearerToken returns the token of an "Authorization: Bearer" header.
func bearerToken(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		return "", false
	}
	return strings.TrimSpace(token), true
}

// findJiraToken returns the account a personal access token belongs to.
func findJiraToken(token string) (jiraAccount, bool) {
	for _, a := range jiraAccounts() {
		if a.pat != "" && kernel.EqualSecret(token, a.pat) {
			return a, true
		}
	}
	return jiraAccount{}, false
}

// jiraUnauthorized answers 401 as Jira does.
func jiraUnauthorized(w http.ResponseWriter) {
	w.Header().Set("WWW-Authenticate", `Basic realm="protected-area"`)
	writeJiraError(w, http.StatusUnauthorized, jiraNotAuthenticated)
}
