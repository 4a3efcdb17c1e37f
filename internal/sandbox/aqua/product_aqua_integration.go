package aqua

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/conntest"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// POST /api/Integration/Verify (Integrations_Verify): aqua's own servers
// try the integration details of the body, an
// ApiIntegrationConfigVerifyBase whose IntegrationType discriminates
// ApiIntegrationConfigVerifyJira {APIBaseURL, APIUser, APIPassword} and
// ApiIntegrationConfigVerifyOtrs, and answer ApiIntegrationVerifyResponse
// {IsSuccess}: whether the connection could be made. For JIRA the sandbox
// connects to APIBaseURL and logs in as APIUser with APIPassword (a
// password or an API token), as a connection test does; IsSuccess is
// whether Jira was reached and accepted the login, Jira permissions aside
// (Verify says nothing about them). The sandbox reaches no OTRS.
func (p *Product) registerIntegration(env *kernel.Env, auth aquaAuthWrapper) {
	env.Handle("POST "+aquaIntegrationVerifyPath, auth(p.verifyIntegration))
}

// aquaIntegrationVerifyPath is aqua's documented Integrations_Verify.
const aquaIntegrationVerifyPath = "/api/Integration/Verify"

// Values of IntegrationType, the discriminator of
// ApiIntegrationConfigVerifyBase.
const (
	integrationJira = "JIRA"
	integrationOtrs = "OTRS"
)

// integrationVerifyRequest is the body of POST /api/Integration/Verify:
// every member of the JIRA subtype, nullable as aqua's document says.
type integrationVerifyRequest struct {
	IntegrationType string  `json:"IntegrationType"`
	APIBaseURL      *string `json:"APIBaseURL"`
	APIUser         *string `json:"APIUser"`
	APIPassword     *string `json:"APIPassword"`
}

// integrationVerifyResponse is aqua's ApiIntegrationVerifyResponse.
type integrationVerifyResponse struct {
	IsSuccess bool `json:"IsSuccess"`
}

func (p *Product) verifyIntegration(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	var in integrationVerifyRequest
	if err := kernel.DecodeJSON(w, r, &in, true); err != nil {
		p.fail(w, argumentError(argInvalidBodyValue, "%v", err))
		return
	}
	switch in.IntegrationType {
	case integrationJira:
	case integrationOtrs:
		kernel.WriteJSON(w, http.StatusOK, integrationVerifyResponse{IsSuccess: false})
		return
	case "":
		p.fail(w, argumentError(argInvalidBodyValue, "IntegrationType is required: %s or %s.", integrationJira, integrationOtrs))
		return
	default:
		p.fail(w, argumentError(argInvalidBodyValue, "IntegrationType %q is not an integration aqua knows: %s or %s.",
			in.IntegrationType, integrationJira, integrationOtrs))
		return
	}
	if in.APIBaseURL == nil || in.APIUser == nil || in.APIPassword == nil {
		// Nothing to connect with: aqua cannot make the connection.
		kernel.WriteJSON(w, http.StatusOK, integrationVerifyResponse{IsSuccess: false})
		return
	}
	target := conntest.JiraTarget{SiteURL: *in.APIBaseURL, Creds: conntest.Basic(*in.APIUser, *in.APIPassword)}
	if u, err := url.Parse(*in.APIBaseURL); err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		target.URLProblem = "APIBaseURL is not an absolute http(s) URL"
	}
	tester, err := conntest.NewTester(p.auth.now, "", "")
	if err != nil {
		p.fail(w, err)
		return
	}
	kernel.WriteJSON(w, http.StatusOK, integrationVerifyResponse{IsSuccess: jiraConnectionMade(tester.TestJira(r.Context(), target))})
}

// jiraConnectionMade reports whether a test reached Jira and logged in:
// every check succeeded except, perhaps, the permission checks, which
// aqua's Verify does not make.
func jiraConnectionMade(res conntest.Result) bool {
	loggedIn := false
	for _, c := range res.Checks {
		if strings.HasPrefix(c.Name, conntest.CheckPermission) || c.Name == conntest.CheckPermissions {
			continue
		}
		if !c.Success {
			return false
		}
		loggedIn = loggedIn || c.Name == conntest.CheckAuthentication
	}
	return loggedIn
}
