package aqua_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

func TestToken_IsReusedAcrossCalls(t *testing.T) {
	t.Parallel()
	srv, root := startSandbox(t)
	c := newClient(t, root, admin)
	ctx := context.Background()

	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if u, err := c.CurrentUser(ctx); err != nil || u.UserName != "admin" {
				t.Errorf("current user: %+v, %v", u, err)
			}
		})
	}
	wg.Wait()
	if _, err := c.ListUsers(ctx); err != nil {
		t.Fatal(err)
	}
	if n := routeCount(srv, "POST /api/token"); n != 1 {
		t.Errorf("token requests = %d, want 1", n)
	}
}

// grantRecorder records the grant types of token requests passing a front
// server.
type grantRecorder struct {
	mu     sync.Mutex
	grants []string
}

func (g *grantRecorder) record(r *http.Request, body []byte) {
	if !strings.HasSuffix(r.URL.Path, "/api/token") {
		return
	}
	form, _ := url.ParseQuery(string(body))
	g.mu.Lock()
	defer g.mu.Unlock()
	g.grants = append(g.grants, form.Get("grant_type"))
}

func (g *grantRecorder) list() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]string(nil), g.grants...)
}

func TestToken_RefreshedAfterARefusedToken(t *testing.T) {
	t.Parallel()
	_, root := startSandbox(t)
	var (
		grants grantRecorder
		revoke atomic.Bool
	)
	front := startFront(t, root, func(w http.ResponseWriter, r *http.Request, body []byte, _ http.Handler) bool {
		grants.record(r, body)
		if strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") && revoke.CompareAndSwap(true, false) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = io.WriteString(w, `{"Message":"Authorization has been denied for this request."}`)
			return true
		}
		return false
	})
	c := newClient(t, front, admin)
	ctx := context.Background()
	if _, err := c.CurrentUser(ctx); err != nil {
		t.Fatal(err)
	}
	revoke.Store(true)
	if _, err := c.CurrentUser(ctx); err != nil {
		t.Fatalf("after a refused token: %v", err)
	}
	if got := grants.list(); len(got) != 2 || got[0] != "password" || got[1] != "refresh_token" {
		t.Errorf("grants = %q, want a password login then a refresh", got)
	}
}

func TestToken_PasswordLoginWhenTheRefreshIsRefused(t *testing.T) {
	t.Parallel()
	_, root := startSandbox(t)
	var (
		grants grantRecorder
		revoke atomic.Bool
	)
	front := startFront(t, root, func(w http.ResponseWriter, r *http.Request, body []byte, _ http.Handler) bool {
		grants.record(r, body)
		if strings.Contains(string(body), "grant_type=refresh_token") {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"error":"invalid_grant","error_description":"The refresh token is invalid or has expired."}`)
			return true
		}
		if strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") && revoke.CompareAndSwap(true, false) {
			w.WriteHeader(http.StatusUnauthorized)
			return true
		}
		return false
	})
	c := newClient(t, front, admin)
	ctx := context.Background()
	if _, err := c.CurrentUser(ctx); err != nil {
		t.Fatal(err)
	}
	revoke.Store(true)
	if _, err := c.ListProjects(ctx); err != nil {
		t.Fatalf("after a refused token and a refused refresh: %v", err)
	}
	if got := grants.list(); strings.Join(got, ",") != "password,refresh_token,password" {
		t.Errorf("grants = %q, want password, refresh_token, password", got)
	}
}

func TestToken_PersistentRefusalIsUnauthorized(t *testing.T) {
	t.Parallel()
	_, root := startSandbox(t)
	front := startFront(t, root, func(w http.ResponseWriter, r *http.Request, _ []byte, _ http.Handler) bool {
		if strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = io.WriteString(w, `{"Message":"Authorization has been denied for this request."}`)
			return true
		}
		return false
	})
	c := newClient(t, front, admin)
	_, err := c.GetUser(context.Background(), 1)
	if !errors.Is(err, api.ErrUnauthorized) || !strings.Contains(err.Error(), "Authorization has been denied") {
		t.Errorf("err = %v, want ErrUnauthorized with aqua's message", err)
	}
}

func TestLogin_WrongPasswordIsUnauthorized(t *testing.T) {
	t.Parallel()
	_, root := startSandbox(t)
	c := newClient(t, root, aqua.Credentials{Username: "admin", Password: "wrong"})
	_, err := c.CurrentUser(context.Background())
	if !errors.Is(err, api.ErrUnauthorized) {
		t.Fatalf("err = %v, want ErrUnauthorized", err)
	}
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest || apiErr.Operation != "log in" ||
		!strings.Contains(apiErr.Message, "invalid_grant") || !strings.Contains(apiErr.Message, "user name or password is incorrect") {
		t.Errorf("err = %#v, want aqua's 400 invalid_grant for log in", apiErr)
	}
	if strings.Contains(err.Error(), "wrong") {
		t.Errorf("error reveals the password: %v", err)
	}
}

func TestNew_RejectsBadArguments(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		url   string
		creds aqua.Credentials
	}{
		"relative URL":   {"app.aqua-cloud.io/aquaWebNG", admin},
		"ftp URL":        {"ftp://aqua.example.com", admin},
		"no password":    {"https://aqua.example.com", aqua.Credentials{Username: "admin"}},
		"no credentials": {"https://aqua.example.com", aqua.Credentials{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tcl := newClientTransport(t)
			if _, err := aqua.New(tc.url, tc.creds, tcl); err == nil {
				t.Errorf("New(%q, %v) succeeded", tc.url, tc.creds)
			}
		})
	}
	if _, err := aqua.New("https://aqua.example.com", admin, nil); err == nil {
		t.Error("New with a nil transport succeeded")
	}
	if s := admin.String(); strings.Contains(s, admin.Password) {
		t.Errorf("Credentials.String() = %q reveals the password", s)
	}
}
