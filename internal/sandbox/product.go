package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// product is one emulated product. The server serves it under "/"+name();
// the name is also its key in the state file and in the stats.
//
// To add a product, write a type implementing this interface in its own
// files (product_<name>.go and its test) and list it in New.
type product interface {
	// name is the product's path prefix without the slash, e.g. "jama".
	name() string
	// register adds the product's routes and state to env. It is called
	// once, by New, before any request is served.
	register(env *productEnv) error
	// writeError answers with the product's own error format. The server
	// uses it for injected faults, rate limiting, 404 and 405.
	writeError(w http.ResponseWriter, r *http.Request, status int, message string)
}

// productEnv is what a product registers itself with: a request multiplexer
// for its routes (patterns relative to its prefix), the shared store and the
// server clock.
type productEnv struct {
	productName string
	mux         *http.ServeMux
	store       *store
	now         func() time.Time
}

// prefix is the path prefix the product is served under, e.g. "/jama".
func (e *productEnv) prefix() string { return "/" + e.productName }

// handle registers h for a Go 1.22 pattern such as "GET /rest/v1/users/{id}",
// relative to the product prefix. Every pattern must name a method.
func (e *productEnv) handle(pattern string, h http.HandlerFunc) {
	e.mux.HandleFunc(pattern, h)
}

// fallbackPattern catches every request no product route matches.
const fallbackPattern = "/{path...}"

// addFallback answers requests no route matches: 405 with an Allow header
// when the path exists for another method, else 404, in the product's error
// format.
func (e *productEnv) addFallback(p product) {
	mux := e.mux
	mux.HandleFunc(fallbackPattern, func(w http.ResponseWriter, r *http.Request) {
		var allowed []string
		for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
			probe := r.Clone(r.Context())
			probe.Method = m
			if _, pattern := mux.Handler(probe); pattern != "" && pattern != fallbackPattern {
				allowed = append(allowed, m)
			}
		}
		if len(allowed) > 0 {
			w.Header().Set("Allow", strings.Join(allowed, ", "))
			p.writeError(w, r, http.StatusMethodNotAllowed,
				fmt.Sprintf("method %s is not allowed on %s (allowed: %s)", r.Method, r.URL.Path, strings.Join(allowed, ", ")))
			return
		}
		p.writeError(w, r, http.StatusNotFound, fmt.Sprintf("no resource at %s%s", e.prefix(), r.URL.Path))
	})
}

// productState is a product's own data: a struct of collections it defines,
// persisted under the product's name. Access goes through read and write,
// which hold the store's lock.
type productState[S any] struct {
	store   *store
	newSeed func() *S
	value   *S
}

// newProductState registers a product's state with the store; seed returns
// a fresh copy of the seeded data.
func newProductState[S any](env *productEnv, seed func() *S) (*productState[S], error) {
	ps := &productState[S]{store: env.store, newSeed: seed}
	if err := env.store.add(env.productName, ps); err != nil {
		return nil, err
	}
	return ps, nil
}

func (ps *productState[S]) seed() { ps.value = ps.newSeed() }

func (ps *productState[S]) marshal() ([]byte, error) { return json.Marshal(ps.value) }

// unmarshal decodes data on top of a freshly seeded value, so fields missing
// from data keep their seeded content; collections replace theirs entirely.
func (ps *productState[S]) unmarshal(data []byte) error {
	v := ps.newSeed()
	if err := json.Unmarshal(data, v); err != nil {
		return err
	}
	ps.value = v
	return nil
}

// read runs fn with the state locked; fn must not keep references to it.
func (ps *productState[S]) read(fn func(s *S)) {
	ps.store.mu.Lock()
	defer ps.store.mu.Unlock()
	fn(ps.value)
}

// write runs fn with the state locked and persists the whole store when fn
// succeeds. fn must validate before it changes anything: when it returns an
// error, the state is expected to be unchanged and nothing is written. When
// persisting fails, the change stays in memory and the error is returned.
func (ps *productState[S]) write(fn func(s *S) error) error {
	ps.store.mu.Lock()
	defer ps.store.mu.Unlock()
	if err := fn(ps.value); err != nil {
		return err
	}
	return ps.store.persistLocked()
}
