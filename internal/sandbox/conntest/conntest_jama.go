package conntest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Paths of the Jama Connect REST API a test uses, relative to the
// instance URL.
const (
	connJamaCurrentUser = "/rest/v1/users/current"
	connJamaOAuthToken  = "/rest/oauth/token"
)

// JamaTarget is the Jama Connect instance an Interchange connector points
// at and how the connector logs in to it.
type JamaTarget struct {
	InstanceURL string
	VerifyTLS   bool // the connector's verifySsl
	// Creds are the Basic credentials; with OAuth, ClientID and
	// ClientSecret obtain a bearer token first.
	Creds        Credentials
	OAuth        bool
	ClientID     string
	ClientSecret string
}

// TestJama tests a connection to a Jama Connect instance: reachability
// and TLS with an anonymous GET of the current user, then authentication
// with the connector's credentials.
func (t Tester) TestJama(ctx context.Context, target JamaTarget) Result {
	run := t.start()
	probe := t.newProbe(target.VerifyTLS)
	defer probe.close()

	base := strings.TrimRight(target.InstanceURL, "/")
	if _, ok := run.reach(ctx, probe, base+connJamaCurrentUser); !ok {
		return run.result()
	}
	creds := target.Creds
	if target.OAuth {
		token, problem, busy := jamaClientCredentialsToken(ctx, probe, base, target.ClientID, target.ClientSecret)
		switch {
		case busy:
			run.notChecked(CheckAuthentication, problem)
			return run.result()
		case problem != "":
			run.fail(CheckAuthentication, problem)
			return run.result()
		}
		creds = Bearer(token)
	}
	run.jamaAuthentication(ctx, probe, base, creds)
	return run.result()
}

// jamaClientCredentialsToken obtains a bearer token with the OAuth client
// credentials grant, or says why it could not; busy when the answer
// decided nothing (see busyStatus).
func jamaClientCredentialsToken(ctx context.Context, p *connProbe, base, clientID, clientSecret string) (token, problem string, busy bool) {
	const request = "token request (POST " + connJamaOAuthToken + ")"
	form := url.Values{"grant_type": {"client_credentials"}}
	answer, err := p.postForm(ctx, base+connJamaOAuthToken, form, Basic(clientID, clientSecret))
	if err != nil {
		return "", request + ": " + describeRequestFailure(err), false
	}
	if busyStatus(answer.status) {
		return "", describeBusy(fmt.Sprintf("%s: HTTP %d %s", request, answer.status, http.StatusText(answer.status)), answer), true
	}
	if answer.status != http.StatusOK {
		var refusal oauthError
		if json.Unmarshal(answer.body, &refusal) == nil && refusal.Error != "" {
			return "", fmt.Sprintf("%s: HTTP %d: %s: %s", request, answer.status, refusal.Error, refusal.Description), false
		}
		return "", fmt.Sprintf("%s: HTTP %d %s", request, answer.status, http.StatusText(answer.status)), false
	}
	var granted oauthToken
	if err := json.Unmarshal(answer.body, &granted); err != nil || granted.AccessToken == "" {
		return "", fmt.Sprintf("%s: HTTP 200, but the answer holds no access_token: %s", request, excerpt(answer.body)), false
	}
	return granted.AccessToken, "", false
}

// jamaAuthentication records the authentication check: the current user
// must answer 200 to the credentials.
func (r *connTestRun) jamaAuthentication(ctx context.Context, p *connProbe, base string, creds Credentials) {
	answer, err := p.get(ctx, base+connJamaCurrentUser, creds)
	if err != nil {
		r.fail(CheckAuthentication, describeRequestFailure(err))
		return
	}
	var env jamaUserEnvelope
	decodeErr := json.Unmarshal(answer.body, &env)
	switch {
	case busyStatus(answer.status):
		r.notChecked(CheckAuthentication, describeBusy(fmt.Sprintf("HTTP %d %s", answer.status, http.StatusText(answer.status)), answer))
	case answer.status != http.StatusOK && decodeErr == nil && env.Meta.Message != "":
		r.fail(CheckAuthentication, fmt.Sprintf("HTTP %d: %s", answer.status, env.Meta.Message))
	case answer.status != http.StatusOK:
		r.fail(CheckAuthentication, fmt.Sprintf("HTTP %d %s", answer.status, http.StatusText(answer.status)))
	case decodeErr != nil || env.Data.Username == "":
		r.fail(CheckAuthentication, "HTTP 200, but the answer is not Jama's user: "+excerpt(answer.body))
	default:
		r.pass(CheckAuthentication, fmt.Sprintf("logged in as %q", env.Data.Username))
	}
}
