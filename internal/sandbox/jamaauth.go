package sandbox

import (
	"crypto/rand"
	"crypto/subtle"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

// tokenLifetime is how long an OAuth access token stays valid.
const tokenLifetime = time.Hour

// jamaAuth implements Jama's authentication: HTTP Basic with a user's
// credentials, or a bearer token from the client-credentials grant at
// POST /rest/oauth/token. Tokens live in memory only.
type jamaAuth struct {
	now func() time.Time
	// verify checks Basic credentials and returns the user id they log in as.
	verify func(username, password string) (int64, bool)
	// tokenPrincipal is the user id bearer tokens act as.
	tokenPrincipal int64
	clientID       string
	clientSecret   string

	mu     sync.Mutex
	tokens map[string]tokenGrant
}

// tokenGrant is an issued access token.
type tokenGrant struct {
	principal int64
	expires   time.Time
}

// oauthError is the body of a failed token request (RFC 6749, section 5.2).
type oauthError struct {
	Error       string `json:"error"`
	Description string `json:"error_description"`
}

func newJamaAuth(now func() time.Time, verify func(username, password string) (int64, bool), tokenPrincipal int64) *jamaAuth {
	return &jamaAuth{
		now:            now,
		verify:         verify,
		tokenPrincipal: tokenPrincipal,
		clientID:       DefaultClientID,
		clientSecret:   DefaultClientSecret,
		tokens:         make(map[string]tokenGrant),
	}
}

// equalSecret compares two secrets in constant time.
func equalSecret(got, want string) bool {
	return subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// handleToken serves POST /rest/oauth/token. The client authenticates with
// HTTP Basic (or client_id/client_secret form fields) and asks for
// grant_type=client_credentials.
func (a *jamaAuth) handleToken(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes)
	if err := r.ParseForm(); err != nil {
		writeJSON(w, http.StatusBadRequest, oauthError{Error: "invalid_request", Description: "cannot parse form body: " + err.Error()})
		return
	}
	id, secret, ok := r.BasicAuth()
	if !ok {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	if !equalSecret(id, a.clientID) || !equalSecret(secret, a.clientSecret) {
		w.Header().Set("WWW-Authenticate", `Basic realm="oauth"`)
		writeJSON(w, http.StatusUnauthorized, oauthError{Error: "invalid_client", Description: "client authentication failed: unknown client id or wrong secret"})
		return
	}
	if grant := r.PostForm.Get("grant_type"); grant != "client_credentials" {
		writeJSON(w, http.StatusUnauthorized, oauthError{Error: "unsupported_grant_type", Description: "grant_type must be client_credentials, got " + quoteOrEmpty(grant)})
		return
	}
	token := rand.Text()
	now := a.now()
	a.mu.Lock()
	for t, g := range a.tokens {
		if !now.Before(g.expires) {
			delete(a.tokens, t)
		}
	}
	a.tokens[token] = tokenGrant{principal: a.tokenPrincipal, expires: now.Add(tokenLifetime)}
	a.mu.Unlock()
	writeJSON(w, http.StatusOK, jama.TokenResponse{
		AccessToken: token,
		TokenType:   "bearer",
		ExpiresIn:   int64(tokenLifetime / time.Second),
		Scope:       "read write",
	})
}

func quoteOrEmpty(s string) string {
	if s == "" {
		return "nothing"
	}
	return `"` + s + `"`
}

// authenticate returns the user id the request acts as, or a message saying
// why it is not authenticated.
func (a *jamaAuth) authenticate(r *http.Request) (int64, string) {
	header := r.Header.Get("Authorization")
	if header == "" {
		return 0, "authentication required: send HTTP Basic credentials or an OAuth bearer token"
	}
	if scheme, token, ok := strings.Cut(header, " "); ok && strings.EqualFold(scheme, "Bearer") {
		token = strings.TrimSpace(token)
		a.mu.Lock()
		grant, found := a.tokens[token]
		a.mu.Unlock()
		switch {
		case !found:
			return 0, "invalid access token"
		case !a.now().Before(grant.expires):
			return 0, "access token expired"
		}
		return grant.principal, ""
	}
	username, password, ok := r.BasicAuth()
	if !ok {
		return 0, "unsupported Authorization header: use Basic or Bearer"
	}
	principal, ok := a.verify(username, password)
	if !ok {
		return 0, "invalid username or password"
	}
	return principal, ""
}

// require wraps an authenticated handler: unauthenticated requests get 401
// in Jama's envelope.
func (a *jamaAuth) require(j jamaResponder, next func(w http.ResponseWriter, r *http.Request, principal int64)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		principal, problem := a.authenticate(r)
		if problem != "" {
			w.Header().Set("WWW-Authenticate", `Basic realm="Jama"`)
			j.error(w, http.StatusUnauthorized, problem)
			return
		}
		next(w, r, principal)
	}
}
