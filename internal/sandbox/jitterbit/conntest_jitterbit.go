package jitterbit

import (
	"cmp"
	"fmt"
	"net/http"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/conntest"
)

// testJSMConnection serves POST /almsync/jitterbit-jsm-connections/v1/connections/{id}/test:
// Harmony connects to the connection's Jira Service Management site with
// the connection's auth scheme and credentials. The optional body is
// {"trustedCaPem"}; the answer's data is the result, a failed test too.
func (p *Product) testJSMConnection(w http.ResponseWriter, r *http.Request) {
	id, err := jsmConnectionID(r.PathValue("id"))
	if err != nil {
		p.fail(w, r, err)
		return
	}
	var in testRequest
	if err := conntest.DecodeBody(w, r, &in); err != nil {
		p.fail(w, r, err)
		return
	}
	tester, err := conntest.NewTester(p.tokens.now, "trustedCaPem", in.TrustedCAPEM)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	var (
		target conntest.JiraTarget
		found  bool
	)
	p.state.Read(func(s *jitterbitState) {
		var c JSMConnection
		if c, found = s.JSMConnections.Get(id); found {
			target = jsmTestTarget(c)
		}
	})
	if !found {
		p.fail(w, r, jsmConnectionNotFound(r.PathValue("id")))
		return
	}
	p.ok(w, r, http.StatusOK, tester.TestJira(r.Context(), target))
}

// jsmTestTarget is what a test of connection c connects to. A url that is
// a Jitterbit variable reference cannot be resolved outside an agent
// running an operation, so it cannot be tested.
func jsmTestTarget(c JSMConnection) conntest.JiraTarget {
	target := conntest.JiraTarget{SiteURL: c.URL, Creds: jsmTestCredentials(c)}
	switch {
	case isVariableReference(c.URL):
		target.URLProblem = fmt.Sprintf("url %s is a Jitterbit variable reference: only an agent running an operation can resolve it, so the connection cannot be tested here", c.URL)
	case strings.TrimSpace(c.URL) == "":
		target.URLProblem = "the connection has no url"
	}
	return target
}

// jsmTestCredentials picks the credentials of c's auth scheme: Basic, and
// Auto with a user, log in with the user and the API token (else the
// password); Crowd with the user and password; OAuth, and Auto without a
// user, send the stored OAuth access token as a bearer token.
func jsmTestCredentials(c JSMConnection) conntest.Credentials {
	var oauth OAuthSettings
	if c.OAuth != nil {
		oauth = *c.OAuth
	}
	var creds conntest.Credentials
	switch {
	case c.AuthScheme == AuthSchemeBasic || (c.AuthScheme == AuthSchemeAuto && c.User != ""):
		creds = conntest.Basic(c.User, cmp.Or(c.APIToken, c.Password))
	case c.AuthScheme == AuthSchemeCrowd:
		creds = conntest.Basic(c.User, c.Password)
	case oauth.AccessToken != "" && (c.AuthScheme == AuthSchemeOAuth || c.AuthScheme == AuthSchemeAuto):
		creds = conntest.Bearer(oauth.AccessToken)
	case c.AuthScheme == AuthSchemeOAuth:
		return conntest.Missing(fmt.Sprintf("no oauth.accessToken is stored (initiateOAuth %s): obtaining one needs the user's consent in a browser, so there is nothing to log in with", oauth.InitiateOAuth))
	default:
		return conntest.Missing(fmt.Sprintf("authScheme %s without user or oauth.accessToken: there is nothing to log in with", c.AuthScheme))
	}
	for _, v := range creds.Values() {
		if isVariableReference(v) {
			return conntest.Missing(fmt.Sprintf("the credentials hold the Jitterbit variable reference %s, which only an agent running an operation can resolve", v))
		}
	}
	return creds
}
