package sandbox

import (
	"cmp"
	"fmt"
	"net/http"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

// testJSMConnection serves POST /connections/jira-service-management/{id}/test:
// Harmony connects to the connection's Jira Service Management site with
// the connection's auth scheme and credentials. The optional body is
// {"trustedCaPem"}; the answer's data is the result, a failed test too.
func (p *jitterbitProduct) testJSMConnection(w http.ResponseWriter, r *http.Request) {
	id, err := jsmConnectionID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var in api.ConnectionTestRequest
	if err := decodeConnTestBody(w, r, &in); err != nil {
		p.fail(w, err)
		return
	}
	tester, err := newConnTester(p.tokens.now, "trustedCaPem", in.TrustedCAPEM)
	if err != nil {
		p.fail(w, err)
		return
	}
	var (
		target connJiraTarget
		found  bool
	)
	p.state.read(func(s *jitterbitState) {
		var c jitterbit.JSMConnection
		if c, found = s.JSMConnections.get(id); found {
			target = jsmTestTarget(c)
		}
	})
	if !found {
		p.fail(w, jsmConnectionNotFound(r.PathValue("id")))
		return
	}
	p.ok(w, http.StatusOK, tester.testJira(r.Context(), target))
}

// jsmTestTarget is what a test of connection c connects to. A url that is
// a Jitterbit variable reference cannot be resolved outside an agent
// running an operation, so it cannot be tested.
func jsmTestTarget(c jitterbit.JSMConnection) connJiraTarget {
	target := connJiraTarget{siteURL: c.URL, creds: jsmTestCredentials(c)}
	switch {
	case jitterbit.IsVariableReference(c.URL):
		target.urlProblem = fmt.Sprintf("url %s is a Jitterbit variable reference: only an agent running an operation can resolve it, so the connection cannot be tested here", c.URL)
	case strings.TrimSpace(c.URL) == "":
		target.urlProblem = "the connection has no url"
	}
	return target
}

// jsmTestCredentials picks the credentials of c's auth scheme: Basic, and
// Auto with a user, log in with the user and the API token (else the
// password); Crowd with the user and password; OAuth, and Auto without a
// user, send the stored OAuth access token as a bearer token.
func jsmTestCredentials(c jitterbit.JSMConnection) connCredentials {
	var oauth jitterbit.OAuthSettings
	if c.OAuth != nil {
		oauth = *c.OAuth
	}
	var creds connCredentials
	switch {
	case c.AuthScheme == jitterbit.AuthSchemeBasic || (c.AuthScheme == jitterbit.AuthSchemeAuto && c.User != ""):
		creds = basicCredentials(c.User, cmp.Or(c.APIToken, c.Password))
	case c.AuthScheme == jitterbit.AuthSchemeCrowd:
		creds = basicCredentials(c.User, c.Password)
	case oauth.AccessToken != "" && (c.AuthScheme == jitterbit.AuthSchemeOAuth || c.AuthScheme == jitterbit.AuthSchemeAuto):
		creds = bearerCredentials(oauth.AccessToken)
	case c.AuthScheme == jitterbit.AuthSchemeOAuth:
		return missingCredentials(fmt.Sprintf("no oauth.accessToken is stored (initiateOAuth %s): obtaining one needs the user's consent in a browser, so there is nothing to log in with", oauth.InitiateOAuth))
	default:
		return missingCredentials(fmt.Sprintf("authScheme %s without user or oauth.accessToken: there is nothing to log in with", c.AuthScheme))
	}
	for _, v := range []string{creds.username, creds.password, creds.bearer} {
		if jitterbit.IsVariableReference(v) {
			return missingCredentials(fmt.Sprintf("the credentials hold the Jitterbit variable reference %s, which only an agent running an operation can resolve", v))
		}
	}
	return creds
}
