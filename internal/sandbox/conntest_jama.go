package sandbox

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

// Paths of the Jama Connect REST API a test uses, relative to the
// instance URL.
const (
	connJamaCurrentUser = "/rest/v1/users/current"
	connJamaOAuthToken  = "/rest/oauth/token"
)

// connJamaTarget is the Jama Connect instance an Interchange connector
// points at and how the connector logs in to it.
type connJamaTarget struct {
	instanceURL string
	verifyTLS   bool // the connector's verifySsl
	// creds are the Basic credentials; for OAuth, clientID and
	// clientSecret obtain a bearer token first.
	creds        connCredentials
	oauth        bool
	clientID     string
	clientSecret string
}

// testJama tests a connection to a Jama Connect instance: reachability
// and TLS with an anonymous GET of the current user, then authentication
// with the connector's credentials.
func (t connTester) testJama(ctx context.Context, target connJamaTarget) api.ConnectionTest {
	run := t.start()
	probe := t.newProbe(target.verifyTLS)
	defer probe.close()

	base := strings.TrimRight(target.instanceURL, "/")
	if _, ok := run.reach(ctx, probe, base+connJamaCurrentUser); !ok {
		return run.result()
	}
	creds := target.creds
	if target.oauth {
		token, problem := jamaClientCredentialsToken(ctx, probe, base, target.clientID, target.clientSecret)
		if problem != "" {
			run.fail(checkAuthentication, problem)
			return run.result()
		}
		creds = bearerCredentials(token)
	}
	run.jamaAuthentication(ctx, probe, base, creds)
	return run.result()
}

// jamaClientCredentialsToken obtains a bearer token with the OAuth client
// credentials grant, or says why it could not.
func jamaClientCredentialsToken(ctx context.Context, p *connProbe, base, clientID, clientSecret string) (token, problem string) {
	const request = "token request (POST " + connJamaOAuthToken + ")"
	form := url.Values{"grant_type": {"client_credentials"}}
	answer, err := p.postForm(ctx, base+connJamaOAuthToken, form, basicCredentials(clientID, clientSecret))
	if err != nil {
		return "", request + ": " + describeRequestFailure(err)
	}
	if answer.status != http.StatusOK {
		var refusal oauthError
		if json.Unmarshal(answer.body, &refusal) == nil && refusal.Error != "" {
			return "", fmt.Sprintf("%s: HTTP %d: %s: %s", request, answer.status, refusal.Error, refusal.Description)
		}
		return "", fmt.Sprintf("%s: HTTP %d %s", request, answer.status, http.StatusText(answer.status))
	}
	var granted jama.TokenResponse
	if err := json.Unmarshal(answer.body, &granted); err != nil || granted.AccessToken == "" {
		return "", fmt.Sprintf("%s: HTTP 200, but the answer holds no access_token: %s", request, api.Excerpt(answer.body, 120))
	}
	return granted.AccessToken, ""
}

// jamaAuthentication records the authentication check: the current user
// must answer 200 to the credentials.
func (r *connTestRun) jamaAuthentication(ctx context.Context, p *connProbe, base string, creds connCredentials) {
	answer, err := p.get(ctx, base+connJamaCurrentUser, creds)
	if err != nil {
		r.fail(checkAuthentication, describeRequestFailure(err))
		return
	}
	var env jama.Envelope[jama.User]
	decodeErr := json.Unmarshal(answer.body, &env)
	switch {
	case answer.status != http.StatusOK && decodeErr == nil && env.Meta.Message != "":
		r.fail(checkAuthentication, fmt.Sprintf("HTTP %d: %s", answer.status, env.Meta.Message))
	case answer.status != http.StatusOK:
		r.fail(checkAuthentication, fmt.Sprintf("HTTP %d %s", answer.status, http.StatusText(answer.status)))
	case decodeErr != nil || env.Data.Username == "":
		r.fail(checkAuthentication, "HTTP 200, but the answer is not Jama's user: "+api.Excerpt(answer.body, 120))
	default:
		r.pass(checkAuthentication, fmt.Sprintf("logged in as %q", env.Data.Username))
	}
}
