package jama

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// fakeOAuthJama grants numbered tokens ("token-1", ...) lasting expiresIn
// seconds and answers GET /rest/v1/users/current to a bearer token it has
// not revoked.
type fakeOAuthJama struct {
	expiresIn int64
	granted   atomic.Int64
	calls     atomic.Int64

	mu      sync.Mutex
	revoked map[string]bool
	seen    []string // the tokens of the calls, in order
}

func (f *fakeOAuthJama) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	switch r.URL.Path {
	case pathOAuthToken:
		n := f.granted.Add(1)
		_, _ = fmt.Fprintf(w, `{"access_token":"token-%d","token_type":"bearer","expires_in":%d}`, n, f.expiresIn)
	case pathREST + pathUserCurrent:
		f.calls.Add(1)
		token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		f.mu.Lock()
		f.seen = append(f.seen, token)
		refused := f.revoked[token]
		f.mu.Unlock()
		if refused {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = io.WriteString(w, `{"meta":{"status":"Unauthorized","message":"access token expired"}}`)
			return
		}
		_, _ = io.WriteString(w, `{"meta":{"status":"OK"},"data":{"id":1,"username":"admin","active":true}}`)
	default:
		http.NotFound(w, r)
	}
}

func (f *fakeOAuthJama) revoke(tokens ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.revoked == nil {
		f.revoked = map[string]bool{}
	}
	for _, t := range tokens {
		f.revoked[t] = true
	}
}

func (f *fakeOAuthJama) tokensSeen() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.seen...)
}

// newOAuthREST returns an OAuth client of f whose clock the test moves
// with the returned function.
func newOAuthREST(t *testing.T, f *fakeOAuthJama) (*REST, func(time.Duration)) {
	t.Helper()
	hs := httptest.NewServer(f)
	t.Cleanup(hs.Close)
	tc, err := transport.New(transport.Config{Product: "Jama", MaxRetries: 1, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewREST("Jama", hs.URL, Credentials{ClientID: "c", ClientSecret: "s"}, tc)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	r.now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		return now
	}
	return r, func(d time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(d)
	}
}

func currentUser(ctx context.Context, r *REST) error {
	var u User
	_, err := r.Call(ctx, "read current user", http.MethodGet, pathUserCurrent, nil, nil, &u)
	return err
}

func TestOAuth_TokenRenewedBeforeItExpires(t *testing.T) {
	t.Parallel()
	f := &fakeOAuthJama{expiresIn: 120} // margin 12 s
	r, advance := newOAuthREST(t, f)
	ctx := context.Background()
	for _, step := range []time.Duration{0, 100 * time.Second, 7 * time.Second, time.Second, 119 * time.Second} {
		advance(step)
		if err := currentUser(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	// 0, 100 and 107 s use the first token; at 108 s 12 s are left, so a
	// second token is fetched; 227 s is 119 s into it.
	want := "[token-1 token-1 token-1 token-2 token-3]"
	if got := fmt.Sprint(f.tokensSeen()); got != want {
		t.Errorf("tokens sent = %s, want %s", got, want)
	}
}

func TestOAuth_MissingExpiresInAssumesFiveMinutes(t *testing.T) {
	t.Parallel()
	f := &fakeOAuthJama{}
	r, advance := newOAuthREST(t, f)
	ctx := context.Background()
	for _, step := range []time.Duration{0, 269 * time.Second, time.Second} {
		advance(step)
		if err := currentUser(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if got := fmt.Sprint(f.tokensSeen()); got != "[token-1 token-1 token-2]" {
		t.Errorf("tokens sent = %s, want a renewal 30 s before the assumed 300 s", got)
	}
}

func TestOAuth_RefusedTokenIsRenewedOnceAndTheRequestRepeated(t *testing.T) {
	t.Parallel()
	f := &fakeOAuthJama{expiresIn: 3600}
	r, _ := newOAuthREST(t, f)
	ctx := context.Background()
	if err := currentUser(ctx, r); err != nil {
		t.Fatal(err)
	}
	f.revoke("token-1")
	if err := currentUser(ctx, r); err != nil {
		t.Fatalf("after the token was refused: %v", err)
	}
	if got := fmt.Sprint(f.tokensSeen()); got != "[token-1 token-1 token-2]" {
		t.Errorf("tokens sent = %s, want the refused request repeated once with a new token", got)
	}
}

func TestOAuth_SecondRefusalIsUnauthorized(t *testing.T) {
	t.Parallel()
	f := &fakeOAuthJama{expiresIn: 3600}
	f.revoke("token-1", "token-2", "token-3")
	r, _ := newOAuthREST(t, f)
	err := currentUser(context.Background(), r)
	var apiErr *api.Error
	if !errors.Is(err, api.ErrUnauthorized) || !errors.As(err, &apiErr) || apiErr.Message != "access token expired" {
		t.Fatalf("err = %v, want Jama's 401 with its message", err)
	}
	if n, g := f.calls.Load(), f.granted.Load(); n != 2 || g != 2 {
		t.Errorf("requests = %d, tokens = %d; want 2 and 2 (one renewal, one repeat)", n, g)
	}
	if strings.Contains(err.Error(), "token-") {
		t.Errorf("the error shows a token: %v", err)
	}
}

func TestOAuth_ConcurrentRequestsShareOneToken(t *testing.T) {
	t.Parallel()
	f := &fakeOAuthJama{expiresIn: 3600}
	r, _ := newOAuthREST(t, f)
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			if err := currentUser(context.Background(), r); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if g := f.granted.Load(); g != 1 {
		t.Errorf("tokens = %d, want 1 for 16 concurrent requests", g)
	}
}
