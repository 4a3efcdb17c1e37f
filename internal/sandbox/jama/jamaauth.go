package jama

import (
	"crypto/rand"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// tokenLifetime is how long an OAuth access token stays valid, unless the
// sandbox's token lifetime option says otherwise.
const tokenLifetime = time.Hour

// Auth implements Jama's authentication: HTTP Basic with a user's
// credentials, or a bearer token from the client-credentials grant at
// POST /rest/oauth/token. Tokens live in memory only.
type Auth struct {
	now func() time.Time
	// lifetime is how long an issued token lasts.
	lifetime time.Duration
	// verify checks Basic credentials and returns the user id they log in
	// as, or why they do not.
	verify Verifier
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

// Verifier checks Basic credentials: it returns the id of the user they log
// in as, or a message saying why they are refused.
type Verifier func(username, password string) (principal int64, problem string)

// NewAuth returns the authentication of a product registered with env
// whose Basic logins verify checks and whose bearer tokens act as
// tokenPrincipal. Tokens last an hour unless env's token lifetime says
// otherwise. The OAuth client is the sandbox's default one.
func NewAuth(env *kernel.Env, verify Verifier, tokenPrincipal int64) *Auth {
	return &Auth{
		now:            env.Now,
		lifetime:       env.TokenLifetime(tokenLifetime),
		verify:         verify,
		tokenPrincipal: tokenPrincipal,
		clientID:       kernel.DefaultClientID,
		clientSecret:   kernel.DefaultClientSecret,
		tokens:         make(map[string]tokenGrant),
	}
}

// HandleToken serves POST /rest/oauth/token. The client authenticates with
// HTTP Basic (or client_id/client_secret form fields) and asks for
// grant_type=client_credentials.
func (a *Auth) HandleToken(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	r.Body = http.MaxBytesReader(w, r.Body, kernel.MaxBodyBytes)
	if err := r.ParseForm(); err != nil {
		kernel.WriteJSON(w, http.StatusBadRequest, oauthError{Error: "invalid_request", Description: "cannot parse form body: " + err.Error()})
		return
	}
	id, secret, ok := r.BasicAuth()
	if !ok {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	if !kernel.EqualSecret(id, a.clientID) || !kernel.EqualSecret(secret, a.clientSecret) {
		w.Header().Set("WWW-Authenticate", `Basic realm="oauth"`)
		kernel.WriteJSON(w, http.StatusUnauthorized, oauthError{Error: "invalid_client", Description: "client authentication failed: unknown client id or wrong secret"})
		return
	}
	if grant := r.PostForm.Get("grant_type"); grant != "client_credentials" {
		kernel.WriteJSON(w, http.StatusUnauthorized, oauthError{Error: "unsupported_grant_type", Description: "grant_type must be client_credentials, got " + kernel.QuoteOrEmpty(grant)})
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
	a.tokens[token] = tokenGrant{principal: a.tokenPrincipal, expires: now.Add(a.lifetime)}
	a.mu.Unlock()
	kernel.WriteJSON(w, http.StatusOK, tokenResponse{
		AccessToken: token,
		TokenType:   "bearer",
		ExpiresIn:   int64(a.lifetime / time.Second),
		Scope:       "read write",
	})
}

// Authenticate returns the user id the request acts as, or a message saying
// why it is not authenticated.
func (a *Auth) Authenticate(r *http.Request) (int64, string) {
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
	return a.verify(username, password)
}

// Require wraps an authenticated handler: unauthenticated requests get 401
// in Jama's envelope.
func (a *Auth) Require(j Responder, next func(w http.ResponseWriter, r *http.Request, principal int64)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		principal, problem := a.Authenticate(r)
		if problem != "" {
			w.Header().Set("WWW-Authenticate", `Basic realm="Jama"`)
			j.Error(w, http.StatusUnauthorized, problem)
			return
		}
		next(w, r, principal)
	}
}
