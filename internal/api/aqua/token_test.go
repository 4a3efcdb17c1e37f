package aqua

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// fakeTokenEndpoint answers token requests with numbered tokens and
// records the grants asked for.
type fakeTokenEndpoint struct {
	mu        sync.Mutex
	grants    []string
	refuse    map[string]bool // grant types to refuse
	expiresIn int64
}

func (f *fakeTokenEndpoint) request(_ context.Context, _ string, form url.Values) (TokenResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	grant := form.Get("grant_type")
	f.grants = append(f.grants, grant)
	if f.refuse[grant] {
		return TokenResponse{}, fmt.Errorf("%s refused", grant)
	}
	n := len(f.grants)
	return TokenResponse{AccessToken: fmt.Sprintf("access-%d", n), RefreshToken: fmt.Sprintf("refresh-%d", n), ExpiresIn: f.expiresIn}, nil
}

func (f *fakeTokenEndpoint) asked() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.grants...)
}

// newTestTokenSource returns a token source on a fake endpoint whose clock
// the test moves with the returned function.
func newTestTokenSource(f *fakeTokenEndpoint) (*tokenSource, func(time.Duration)) {
	s := newTokenSource(f.request, Credentials{Username: "u", Password: "p"})
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return now }
	return s, func(d time.Duration) { now = now.Add(d) }
}

func TestTokenSource_RenewsWithTheRefreshTokenBeforeExpiry(t *testing.T) {
	f := &fakeTokenEndpoint{expiresIn: 900}
	s, advance := newTestTokenSource(f)
	ctx := context.Background()

	first, _, err := s.get(ctx)
	if err != nil || first != "access-1" {
		t.Fatalf("first token %q, %v", first, err)
	}
	advance(13 * time.Minute)
	if tok, _, _ := s.get(ctx); tok != first {
		t.Errorf("token at 13 min = %q, want the cached %q", tok, first)
	}
	// 15 minutes less the renewal margin of one minute.
	advance(time.Minute + time.Second)
	if tok, _, _ := s.get(ctx); tok != "access-2" {
		t.Errorf("token at 14 min = %q, want a renewed one", tok)
	}
	if got := fmt.Sprint(f.asked()); got != "[password refresh_token]" {
		t.Errorf("grants = %s", got)
	}
}

func TestTokenSource_FallsBackToPasswordWhenRefreshFails(t *testing.T) {
	f := &fakeTokenEndpoint{expiresIn: 900, refuse: map[string]bool{"refresh_token": true}}
	s, _ := newTestTokenSource(f)
	ctx := context.Background()
	_, first, _ := s.get(ctx)
	s.refused(first)
	tok, _, err := s.get(ctx)
	if err != nil || tok != "access-3" {
		t.Fatalf("token after a refused refresh = %q, %v", tok, err)
	}
	if got := fmt.Sprint(f.asked()); got != "[password refresh_token password]" {
		t.Errorf("grants = %s", got)
	}
}

func TestTokenSource_ReportsAFailedLogin(t *testing.T) {
	f := &fakeTokenEndpoint{refuse: map[string]bool{"password": true}}
	s, _ := newTestTokenSource(f)
	if _, _, err := s.get(context.Background()); err == nil || err.Error() != "password refused" {
		t.Errorf("err = %v, want the login's error", err)
	}
}

func TestTokenSource_RefusedForgetsOnlyTheRefusedToken(t *testing.T) {
	f := &fakeTokenEndpoint{expiresIn: 900}
	s, _ := newTestTokenSource(f)
	ctx := context.Background()
	_, old, _ := s.get(ctx)
	s.refused(old)
	renewed, _, _ := s.get(ctx)
	// A late 401 for the old token must not throw the renewed one away.
	s.refused(old)
	if tok, _, _ := s.get(ctx); tok != renewed {
		t.Errorf("token = %q, want %q kept", tok, renewed)
	}
	if n := len(f.asked()); n != 2 {
		t.Errorf("token requests = %d, want 2", n)
	}
}

func TestTokenSource_ConcurrentCallersShareOneLogin(t *testing.T) {
	f := &fakeTokenEndpoint{expiresIn: 900}
	s, _ := newTestTokenSource(f)
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			if _, _, err := s.get(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := len(f.asked()); n != 1 {
		t.Errorf("token requests = %d, want 1", n)
	}
}

func TestTokenSource_CancelledRefreshIsNotRetriedWithThePassword(t *testing.T) {
	f := &fakeTokenEndpoint{expiresIn: 900, refuse: map[string]bool{"refresh_token": true}}
	s, _ := newTestTokenSource(f)
	_, first, _ := s.get(context.Background())
	s.refused(first)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := s.get(ctx); err == nil {
		t.Fatal("get with a cancelled context succeeded")
	}
	// The cancelled refresh is not even sent; above all, no password login
	// follows it.
	if got := fmt.Sprint(f.asked()); got != "[password]" && got != "[password refresh_token]" {
		t.Errorf("grants = %s, want no password login after cancellation", got)
	}
}

func TestTokenSource_AssumesADefaultLifetimeWhenAquaGivesNone(t *testing.T) {
	f := &fakeTokenEndpoint{}
	s, advance := newTestTokenSource(f)
	ctx := context.Background()
	first, _, _ := s.get(ctx)
	advance(defaultTokenLifetime / 2)
	if tok, _, _ := s.get(ctx); tok != first {
		t.Errorf("token halfway through the default lifetime = %q, want the cached %q", tok, first)
	}
	advance(defaultTokenLifetime / 2)
	if tok, _, _ := s.get(ctx); tok == first {
		t.Error("token without expires_in was kept beyond the default lifetime")
	}
}

func TestAsLoginError_OnlyRefusalsBecomeUnauthorized(t *testing.T) {
	refused := asLoginError(&api.Error{Product: productName, Operation: opLogIn, StatusCode: http.StatusBadRequest, Message: "invalid_grant"})
	if !errors.Is(refused, api.ErrUnauthorized) || !errors.Is(refused, api.ErrBadRequest) {
		t.Errorf("refused login %v should match ErrUnauthorized and keep its status", refused)
	}
	unavailable := asLoginError(&api.Error{Product: productName, Operation: opLogIn, StatusCode: http.StatusServiceUnavailable})
	if errors.Is(unavailable, api.ErrUnauthorized) || !api.IsAmbiguous(unavailable) {
		t.Errorf("a 503 at login %v should stay a server failure", unavailable)
	}
	if err := asLoginError(errors.New("plain")); err.Error() != "plain" {
		t.Errorf("a non-API error changed: %v", err)
	}
}
