package kernel

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Product is one emulated product. The server serves it under "/"+Name();
// the name is also its key in the state file and in the stats.
//
// Each product lives in its own package below internal/sandbox, spells its
// vendor's wire shapes itself and imports nothing of the provider's
// clients; sandbox.New lists them.
type Product interface {
	// Name is the product's path prefix without the slash, e.g. "jama".
	Name() string
	// Register adds the product's routes and state to env. It is called
	// once, by NewServer, before any request is served.
	Register(env *Env) error
	// WriteError answers with the product's own error format. The server
	// uses it for injected faults, rate limiting, 404 and 405.
	WriteError(w http.ResponseWriter, r *http.Request, status int, message string)
}

// Env is what a product registers itself with: a request multiplexer
// for its routes (patterns relative to its prefix), the shared store and the
// server clock.
type Env struct {
	productName string
	mux         *http.ServeMux
	store       *store
	// Now is the server clock.
	Now func() time.Time

	tokenLifetime time.Duration // Options.TokenLifetime
}

// TokenLifetime is how long the product's access tokens or sessions last:
// real, the product's own lifetime, unless Options.TokenLifetime says
// otherwise.
func (e *Env) TokenLifetime(real time.Duration) time.Duration {
	if e.tokenLifetime > 0 {
		return e.tokenLifetime
	}
	return real
}

// Prefix is the path prefix the product is served under, e.g. "/jama".
func (e *Env) Prefix() string { return "/" + e.productName }

// Handle registers h for a Go 1.22 pattern such as "GET /rest/v1/users/{id}",
// relative to the product prefix. Every pattern must name a method.
func (e *Env) Handle(pattern string, h http.HandlerFunc) {
	e.mux.HandleFunc(pattern, h)
}

// FallbackPattern catches every request no product route matches.
const FallbackPattern = "/{path...}"

// AddFallback answers requests no route matches: 405 with an Allow header
// when the path exists for another method, else 404, in the product's error
// format.
func (e *Env) AddFallback(p Product) {
	mux := e.mux
	mux.HandleFunc(FallbackPattern, func(w http.ResponseWriter, r *http.Request) {
		var allowed []string
		for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
			probe := r.Clone(r.Context())
			probe.Method = m
			if _, pattern := mux.Handler(probe); pattern != "" && pattern != FallbackPattern {
				allowed = append(allowed, m)
			}
		}
		if len(allowed) > 0 {
			w.Header().Set("Allow", strings.Join(allowed, ", "))
			p.WriteError(w, r, http.StatusMethodNotAllowed,
				fmt.Sprintf("method %s is not allowed on %s (allowed: %s)", r.Method, r.URL.Path, strings.Join(allowed, ", ")))
			return
		}
		p.WriteError(w, r, http.StatusNotFound, fmt.Sprintf("no resource at %s%s", e.Prefix(), r.URL.Path))
	})
}

// State is a product's own data: a struct of collections it defines,
// persisted under the product's name. Access goes through read and write,
// which hold the store's lock.
type State[S any] struct {
	store   *store
	newSeed func() *S
	value   *S
}

// NewState registers a product's state with the store; seed returns
// a fresh copy of the seeded data.
func NewState[S any](env *Env, seed func() *S) (*State[S], error) {
	ps := &State[S]{store: env.store, newSeed: seed}
	if err := env.store.add(env.productName, ps); err != nil {
		return nil, err
	}
	return ps, nil
}

func (ps *State[S]) seed() { ps.value = ps.newSeed() }

func (ps *State[S]) marshal() ([]byte, error) { return json.Marshal(ps.value) }

// unmarshal decodes data on top of a freshly seeded value, so fields missing
// from data keep their seeded content; collections replace theirs entirely.
func (ps *State[S]) unmarshal(data []byte) error {
	v := ps.newSeed()
	if err := json.Unmarshal(data, v); err != nil {
		return err
	}
	ps.value = v
	return nil
}

// Read runs fn with the state locked; fn must not keep references to it.
func (ps *State[S]) Read(fn func(s *S)) {
	ps.store.mu.Lock()
	defer ps.store.mu.Unlock()
	fn(ps.value)
}

// Write runs fn with the state locked and persists the whole store when fn
// succeeds. fn must validate before it changes anything: when it returns an
// error, the state is expected to be unchanged and nothing is written. When
// persisting fails, the change stays in memory and the error is returned.
func (ps *State[S]) Write(fn func(s *S) error) error {
	ps.store.mu.Lock()
	defer ps.store.mu.Unlock()
	if err := fn(ps.value); err != nil {
		return err
	}
	return ps.store.persistLocked()
}
