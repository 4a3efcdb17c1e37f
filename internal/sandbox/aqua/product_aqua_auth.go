package aqua

import (
	"crypto/rand"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// Lifetimes of aqua's tokens: access tokens last about 15 minutes (unless
// the sandbox's token lifetime option says otherwise), refresh tokens a
// day; a refresh token is used once (a refresh returns a new one).
const (
	aquaAccessTokenLifetime  = 15 * time.Minute
	aquaRefreshTokenLifetime = 24 * time.Hour
)

// aquaDeniedMessage is ASP.NET's answer to a request without a valid token.
const aquaDeniedMessage = "Authorization has been denied for this request."

// aquaAuth implements aqua's token endpoint and bearer authentication.
// login checks a username and password and returns whom they log in as.
// Tokens live in memory only: after a restart clients log in again.
type aquaAuth struct {
	now   func() time.Time
	login func(username, password string) (int64, bool)
	// lifetime is how long an access token lasts.
	lifetime time.Duration

	mu      sync.Mutex
	access  map[string]aquaGrant
	refresh map[string]aquaGrant
}

// aquaGrant is an issued token: whom it acts as and until when.
type aquaGrant struct {
	principal int64
	expires   time.Time
}

func newAquaAuth(now func() time.Time, lifetime time.Duration, login func(username, password string) (int64, bool)) *aquaAuth {
	return &aquaAuth{now: now, lifetime: lifetime, login: login, access: make(map[string]aquaGrant), refresh: make(map[string]aquaGrant)}
}

// handleToken serves POST /api/token with grant_type password or
// refresh_token. Refused grants are 400 with an OAuth error body.
func (a *aquaAuth) handleToken(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	r.Body = http.MaxBytesReader(w, r.Body, kernel.MaxBodyBytes)
	if err := r.ParseForm(); err != nil {
		kernel.WriteJSON(w, http.StatusBadRequest, tokenError{Error: "invalid_request", Description: "cannot parse the form body: " + err.Error()})
		return
	}
	var (
		principal int64
		problem   tokenError
	)
	switch grant := r.PostForm.Get("grant_type"); grant {
	case "password":
		principal, problem = a.passwordGrant(r.PostForm.Get("username"), r.PostForm.Get("password"))
	case "refresh_token":
		principal, problem = a.refreshGrant(r.PostForm.Get("refresh_token"))
	case "":
		problem = tokenError{Error: "invalid_request", Description: "grant_type is required: password or refresh_token"}
	default:
		problem = tokenError{Error: "unsupported_grant_type", Description: "grant_type must be password or refresh_token, got " + kernel.QuoteOrEmpty(grant)}
	}
	if problem.Error != "" {
		kernel.WriteJSON(w, http.StatusBadRequest, problem)
		return
	}
	kernel.WriteJSON(w, http.StatusOK, a.issue(principal))
}

// passwordGrant checks a login.
func (a *aquaAuth) passwordGrant(username, password string) (int64, tokenError) {
	id, ok := a.login(username, password)
	if !ok {
		return 0, tokenError{Error: "invalid_grant", Description: "The user name or password is incorrect."}
	}
	return id, tokenError{}
}

// refreshGrant consumes a refresh token.
func (a *aquaAuth) refreshGrant(token string) (int64, tokenError) {
	a.mu.Lock()
	defer a.mu.Unlock()
	grant, found := a.refresh[token]
	delete(a.refresh, token)
	if !found || !a.now().Before(grant.expires) {
		return 0, tokenError{Error: "invalid_grant", Description: "The refresh token is invalid or has expired."}
	}
	return grant.principal, tokenError{}
}

// issue creates an access and a refresh token for principal, dropping
// expired ones.
func (a *aquaAuth) issue(principal int64) tokenAnswer {
	now := a.now()
	access, refresh := rand.Text(), rand.Text()
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, tokens := range []map[string]aquaGrant{a.access, a.refresh} {
		for t, g := range tokens {
			if !now.Before(g.expires) {
				delete(tokens, t)
			}
		}
	}
	a.access[access] = aquaGrant{principal: principal, expires: now.Add(a.lifetime)}
	a.refresh[refresh] = aquaGrant{principal: principal, expires: now.Add(aquaRefreshTokenLifetime)}
	return tokenAnswer{
		AccessToken:  access,
		TokenType:    "bearer",
		ExpiresIn:    int64(a.lifetime / time.Second),
		RefreshToken: refresh,
	}
}

// principal returns whom the request's bearer token acts as.
func (a *aquaAuth) principal(r *http.Request) (int64, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return 0, false
	}
	a.mu.Lock()
	grant, found := a.access[strings.TrimSpace(token)]
	a.mu.Unlock()
	if !found || !a.now().Before(grant.expires) {
		return 0, false
	}
	return grant.principal, true
}
