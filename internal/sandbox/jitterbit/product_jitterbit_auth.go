package jitterbit

import (
	"crypto/rand"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// Error codes of the jitterbit product's authentication.
const (
	jitterbitCodeInvalidCredentials = "INVALID_CREDENTIALS"
	jitterbitCodeTokenMissing       = "AUTH_TOKEN_MISSING"
	jitterbitCodeTokenInvalid       = "AUTH_TOKEN_INVALID"
	jitterbitCodeTokenExpired       = "AUTH_TOKEN_EXPIRED"
	jitterbitCodeOrgForbidden       = "ORGANIZATION_FORBIDDEN"
	jitterbitCodeSSOUser            = "SSO_USER_NOT_ALLOWED"
	jitterbitCodeTwoFactorRequired  = "TWO_FACTOR_AUTHENTICATION_REQUIRED"
)

// Users the login refuses whatever their password: their organizations use
// Harmony SSO or two-factor authentication, which the Harmony API cannot
// log in with. Their password is the default user's.
const (
	jitterbitSSOUser       = "sso-admin"
	jitterbitTwoFactorUser = "tfa-admin"
)

// jitterbitTokens holds the issued login tokens in memory: a restart
// forgets them (clients then log in again); a reset keeps them, like the
// other products' tokens.
type jitterbitTokens struct {
	now      func() time.Time
	lifetime time.Duration // how long a session lasts

	mu      sync.Mutex
	expires map[string]time.Time
}

// sessionLifetime is how long a Harmony session token stays valid: the
// sessionTimeoutInSeconds of the login answer (14400), unless the sandbox's
// token lifetime option says otherwise.
const sessionLifetime = 14400 * time.Second

func newJitterbitTokens(now func() time.Time, lifetime time.Duration) *jitterbitTokens {
	return &jitterbitTokens{now: now, lifetime: lifetime, expires: make(map[string]time.Time)}
}

// issue returns a new random token valid for the session lifetime, dropping the
// expired ones.
func (t *jitterbitTokens) issue() string {
	token := rand.Text()
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	for old, exp := range t.expires {
		if !now.Before(exp) {
			delete(t.expires, old)
		}
	}
	t.expires[token] = now.Add(t.lifetime)
	return token
}

// check returns an error code and message when token is not valid, else
// two empty strings.
func (t *jitterbitTokens) check(token string) (code, message string) {
	if token == "" {
		return jitterbitCodeTokenMissing, "the authToken header is required: log in at POST /login for a token"
	}
	t.mu.Lock()
	exp, found := t.expires[token]
	t.mu.Unlock()
	switch {
	case !found:
		return jitterbitCodeTokenInvalid, "invalid authToken: log in again"
	case !t.now().Before(exp):
		return jitterbitCodeTokenExpired, "authToken expired: log in again"
	}
	return "", ""
}

// login serves POST /login. Like Harmony, it refuses credentials with HTTP
// 200 and "success": false, and so it refuses the users of organizations
// with Harmony SSO or two-factor authentication. The sandbox serves no
// Harmony portal: serverUrl, cloudAppsUrl and orgZoneUrl name the product's
// own base URL.
func (p *Product) login(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	username, password := r.Header.Get("username"), r.Header.Get("password")
	if kernel.EqualSecret(password, kernel.DefaultPassword) {
		switch username {
		case jitterbitSSOUser:
			p.error(w, r, http.StatusOK, jitterbitCodeSSOUser, fmt.Sprintf(
				"User %s belongs to an organization that uses Harmony SSO: the Harmony API accepts only Harmony account credentials, not SSO", username))
			return
		case jitterbitTwoFactorUser:
			p.error(w, r, http.StatusOK, jitterbitCodeTwoFactorRequired, fmt.Sprintf(
				"User %s belongs to an organization that requires two-factor authentication", username))
			return
		}
	}
	if !kernel.EqualSecret(username, kernel.DefaultUsername) || !kernel.EqualSecret(password, kernel.DefaultPassword) {
		p.error(w, r, http.StatusOK, jitterbitCodeInvalidCredentials, "Invalid username or password")
		return
	}
	base := kernel.AbsoluteURL(r, "/"+p.Name())
	p.ok(w, r, http.StatusOK, loginData{
		AuthenticationToken:     p.tokens.issue(),
		ServerURL:               base,
		CloudAppsURL:            base,
		OrgAttrs:                []orgAttr{{OrgID: jitterbitOrgID, OrgName: jitterbitOrgName, OrgZoneURL: base}},
		DefaultOrgID:            jitterbitOrgID,
		SessionTimeoutInSeconds: int64(p.tokens.lifetime / time.Second),
	})
}

// requireSession returns a wrapper of handlers: requests without a valid
// authToken get 401, those naming another organization than the seeded one
// 403, and, when orgRequired, those naming none 403 too.
func (p *Product) requireSession(orgRequired bool) func(http.HandlerFunc) http.HandlerFunc {
	return func(next http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if code, message := p.tokens.check(r.Header.Get("authToken")); code != "" {
				p.error(w, r, http.StatusUnauthorized, code, message)
				return
			}
			switch org := r.Header.Get("organizationId"); {
			case org == jitterbitOrgID, org == "" && !orgRequired:
				next(w, r)
			case org == "":
				p.error(w, r, http.StatusForbidden, jitterbitCodeOrgForbidden,
					fmt.Sprintf("the organizationId header is required; the user belongs to organization %s", jitterbitOrgID))
			default:
				p.error(w, r, http.StatusForbidden, jitterbitCodeOrgForbidden,
					fmt.Sprintf("the user is not a member of organization %q; it belongs to organization %s", org, jitterbitOrgID))
			}
		}
	}
}
