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
)

// jitterbitTokens holds the issued login tokens in memory: a restart
// forgets them (clients then log in again); a reset keeps them, like the
// other products' tokens.
type jitterbitTokens struct {
	now func() time.Time

	mu      sync.Mutex
	expires map[string]time.Time
}

// sessionLifetime is how long a Harmony session token stays valid: the
// sessionTimeoutInSeconds of the login answer (14400).
const sessionLifetime = 14400 * time.Second

func newJitterbitTokens(now func() time.Time) *jitterbitTokens {
	return &jitterbitTokens{now: now, expires: make(map[string]time.Time)}
}

// issue returns a new random token valid for sessionLifetime, dropping the
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
	t.expires[token] = now.Add(sessionLifetime)
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
// 200 and "success": false. The sandbox serves no Harmony portal: serverUrl,
// cloudAppsUrl and orgZoneUrl name the product's own base URL.
func (p *Product) login(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	username, password := r.Header.Get("username"), r.Header.Get("password")
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
		SessionTimeoutInSeconds: int64(sessionLifetime / time.Second),
	})
}

// requireSession wraps a handler: requests without a valid authToken get
// 401, those naming another organization than the seeded one 403.
func (p *Product) requireSession(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if code, message := p.tokens.check(r.Header.Get("authToken")); code != "" {
			p.error(w, r, http.StatusUnauthorized, code, message)
			return
		}
		switch org := r.Header.Get("organizationId"); org {
		case jitterbitOrgID:
			next(w, r)
		case "":
			p.error(w, r, http.StatusForbidden, jitterbitCodeOrgForbidden,
				fmt.Sprintf("the organizationId header is required; the user belongs to organization %s", jitterbitOrgID))
		default:
			p.error(w, r, http.StatusForbidden, jitterbitCodeOrgForbidden,
				fmt.Sprintf("the user is not a member of organization %q; it belongs to organization %s", org, jitterbitOrgID))
		}
	}
}
