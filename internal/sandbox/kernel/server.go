package kernel

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Options configure a Server.
type Options struct {
	// StatePath is the JSON file the state is loaded from and saved to;
	// "" keeps the state in memory only.
	StatePath string
	// Faults are injected into product requests from the start.
	Faults Faults
	// TokenLifetime, when positive, is how long every issued access token
	// and session lasts (aqua access tokens, Jama and Interchange OAuth
	// tokens, Jitterbit sessions), instead of each product's real lifetime,
	// and what their expires_in or sessionTimeoutInSeconds says (in whole
	// seconds, rounded down). It must be at least MinTokenLifetime; zero
	// keeps the real lifetimes.
	TokenLifetime time.Duration
	// Logf, when set, receives one line per product request and any
	// background error.
	Logf func(format string, args ...any)
	// Record, when set, receives every exchange a product answered (not
	// the answers of injected faults), for contract tests. It is called
	// from the serving goroutines, possibly concurrently.
	Record func(Exchange)
}

// Server emulates every product under its own path prefix on one handler.
// It is safe for concurrent use.
type Server struct {
	products []Product
	store    *store
	stats    *statsCounter
	faults   *faultInjector
	handler  http.Handler
	logFn    func(format string, args ...any)
	record   func(Exchange)
	// clock is the time source of timestamps, token expiry and the rate
	// limiter; tests replace it with SetClock.
	clock atomic.Pointer[func() time.Time]

	closeOnce sync.Once
	closeErr  error
}

// productNamePattern is what a product name may look like.
const productNamePattern = `^[a-z][a-z0-9-]*$`

// NewServer builds a server serving the given products. With
// opts.StatePath set it loads that file when it exists (a corrupt file is an
// error naming it); otherwise every product starts from its seeded defaults.
func NewServer(opts Options, products ...Product) (*Server, error) {
	s := &Server{
		products: products,
		store:    newStore(opts.StatePath),
		faults:   &faultInjector{},
		logFn:    opts.Logf,
		record:   opts.Record,
	}
	s.SetClock(time.Now)
	if err := validTokenLifetime(opts.TokenLifetime); err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	if err := s.faults.set(opts.Faults, s.now()); err != nil {
		return nil, fmt.Errorf("sandbox: invalid faults: %w", err)
	}

	validName := regexp.MustCompile(productNamePattern)
	root := http.NewServeMux()
	names := make([]string, 0, len(s.products))
	prefixes := make([]string, 0, len(s.products))
	seen := make(map[string]bool)
	for _, p := range s.products {
		name := p.Name()
		if !validName.MatchString(name) || seen[name] {
			return nil, fmt.Errorf("sandbox: invalid or duplicate product name %q", name)
		}
		seen[name] = true
		names = append(names, name)
		prefixes = append(prefixes, "/"+name)
		env := &Env{
			productName: name,
			mux:         http.NewServeMux(),
			store:       s.store,
			Now:         func() time.Time { return s.now() },

			tokenLifetime: opts.TokenLifetime,
		}
		if err := p.Register(env); err != nil {
			return nil, fmt.Errorf("sandbox: register product %q: %w", name, err)
		}
		env.AddFallback(p)
		root.Handle("/"+name+"/", s.serveProduct(p, env.mux))
	}
	root.Handle(controlPrefix, s.controlHandler())
	root.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeControlError(w, http.StatusNotFound, fmt.Sprintf("no product at %s; products are served under %s", r.URL.Path, strings.Join(prefixes, ", ")))
	})
	s.stats = newStatsCounter(names)
	s.handler = root

	if err := s.store.load(); err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	return s, nil
}

// SetClock replaces the server clock, e.g. to let a test move past token
// lifetimes; it is safe to call while requests are served.
func (s *Server) SetClock(now func() time.Time) { s.clock.Store(&now) }

func (s *Server) now() time.Time { return (*s.clock.Load())() }

// Products returns the products the server serves, in the order given to
// NewServer.
func (s *Server) Products() []Product { return append([]Product(nil), s.products...) }

// Handler returns the HTTP handler serving the products and the control
// endpoints; it works with httptest.NewServer.
func (s *Server) Handler() http.Handler { return s.handler }

// SetFaults replaces the injected faults after validating their ranges.
func (s *Server) SetFaults(f Faults) error {
	if err := s.faults.set(f, s.now()); err != nil {
		return fmt.Errorf("sandbox: invalid faults: %w", err)
	}
	return nil
}

// Faults returns the faults in effect.
func (s *Server) Faults() Faults { return s.faults.Get() }

// Stats returns a copy of the request counters.
func (s *Server) Stats() Stats { return s.stats.snapshot() }

// Reset puts every product's data back to its seeded defaults (persisting
// that when a state file is set) and clears the stats. Faults and issued
// OAuth tokens are kept.
func (s *Server) Reset() {
	if err := s.reset(); err != nil {
		s.logf("sandbox: reset: %v", err)
	}
}

func (s *Server) reset() error {
	s.stats.reset()
	if err := s.store.reset(); err != nil {
		return fmt.Errorf("sandbox: reset: %w", err)
	}
	return nil
}

// Close writes the state file one last time. It does not stop an
// http.Server using Handler; shut that down first. Calling Close again
// returns the first result.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		if err := s.store.flush(); err != nil {
			s.closeErr = fmt.Errorf("sandbox: close: %w", err)
		}
	})
	return s.closeErr
}

func (s *Server) logf(format string, args ...any) {
	if s.logFn != nil {
		s.logFn(format, args...)
	}
}
