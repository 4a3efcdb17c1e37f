package jama_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/sandboxtest"
)

// startSandbox serves a fresh sandbox, an independent reading of Jama's
// documents, and returns it with its base URL.
func startSandbox(t *testing.T) (*sandbox.Server, string) {
	t.Helper()
	sb := sandboxtest.Start(t)
	return sb.Server, sb.URL
}

func newClient(t *testing.T, base string, creds jama.Credentials) *jama.Client {
	t.Helper()
	tc, err := transport.New(transport.Config{Product: "Jama", MaxRetries: 2, RetryWaitMin: time.Millisecond, RetryWaitMax: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	c, err := jama.New(base, creds, tc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var admin = jama.Credentials{Username: "admin", Password: "sandbox"}

func user(name string) jama.UserRequest {
	return jama.UserRequest{Username: name, Password: "Pa55-" + name, FirstName: "F", LastName: "L",
		Email: name + "@example.com", LicenseType: "NAMED"}
}

func TestUsers_CreateReadUpdateDeactivate(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	c := newClient(t, base+"/jama", admin)
	ctx := context.Background()

	id, err := c.CreateUser(ctx, user("jira.user"))
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	u, err := c.GetUser(ctx, id)
	if err != nil || u.Username != "jira.user" || !u.Active {
		t.Fatalf("read: %+v, %v", u, err)
	}
	update := jama.UserUpdate{Username: "jira.user", FirstName: "F", LastName: "L", Email: "jira.user@example.com",
		Title: "Service account", LicenseType: "NAMED"}
	if err := c.UpdateUser(ctx, id, update); err != nil {
		t.Fatalf("update: %v", err)
	}
	if u, _ := c.GetUser(ctx, id); u.Title != "Service account" {
		t.Errorf("title after update = %q", u.Title)
	}
	// The update carried no password: the user still logs in with its first one.
	self := newClient(t, base+"/jama", jama.Credentials{Username: "jira.user", Password: "Pa55-jira.user"})
	if u, err := self.CurrentUser(ctx); err != nil || u.ID != id {
		t.Errorf("login with the password set at create: %+v, %v", u, err)
	}
	if err := c.SetUserActive(ctx, id, false); err != nil {
		t.Fatalf("deactivate: %v", err)
	}
	found, ok, err := c.FindUser(ctx, "JIRA.USER")
	if err != nil || !ok || found.ID != id || found.Active {
		t.Errorf("find deactivated user: %+v %t %v", found, ok, err)
	}
}

func TestUsers_Errors(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	ctx := context.Background()
	c := newClient(t, base+"/jama", admin)

	if _, err := c.GetUser(ctx, 9999); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("unknown id: %v, want ErrNotFound", err)
	}
	var dup *jama.AlreadyExistsError
	if _, err := c.CreateUser(ctx, user("ADMIN")); !errors.Is(err, api.ErrConflict) || !errors.As(err, &dup) || !strings.Contains(err.Error(), "Jama create user") {
		t.Errorf("duplicate: %v, want an AlreadyExistsError (ErrConflict) naming the product and operation", err)
	}
	bad := user("x")
	bad.Email = "nope"
	if _, err := c.CreateUser(ctx, bad); !errors.Is(err, api.ErrBadRequest) || !strings.Contains(err.Error(), "email") {
		t.Errorf("bad email: %v, want ErrBadRequest naming email", err)
	}
	wrong := newClient(t, base+"/jama", jama.Credentials{Username: "admin", Password: "wrong"})
	if _, err := wrong.CurrentUser(ctx); !errors.Is(err, api.ErrUnauthorized) {
		t.Errorf("wrong password: %v, want ErrUnauthorized", err)
	}
}

func TestUsers_FindPagesThroughEveryUser(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	ctx := context.Background()
	c := newClient(t, base+"/jama", admin)
	for i := range 60 {
		if _, err := c.CreateUser(ctx, user(fmt.Sprintf("user%02d", i))); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"user00", "user59", "admin"} {
		if _, ok, err := c.FindUser(ctx, name); err != nil || !ok {
			t.Errorf("find %s: %t %v", name, ok, err)
		}
	}
}

func TestOAuth_TokenIsCachedAndRenewedAfter401(t *testing.T) {
	t.Parallel()
	srv, base := startSandbox(t)
	target, _ := url.Parse(base)
	proxy := httputil.NewSingleHostReverseProxy(target)
	// revoke makes the next bearer call fail with 401, as an expired or
	// revoked token would.
	var revoke atomic.Bool
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") && revoke.CompareAndSwap(true, false) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = io.WriteString(w, `{"meta":{"status":"Unauthorized","message":"token expired"}}`)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)

	ctx := context.Background()
	c := newClient(t, front.URL+"/jama", jama.Credentials{ClientID: "sandbox-client", ClientSecret: "sandbox-secret"})
	for range 3 {
		if u, err := c.CurrentUser(ctx); err != nil || u.Username == "" {
			t.Fatalf("current user: %+v %v", u, err)
		}
	}
	tokens := func() int64 { return srv.Stats().Products["jama"].Routes["POST /rest/oauth/token"] }
	if n := tokens(); n != 1 {
		t.Errorf("token requests = %d, want 1 (cached)", n)
	}
	revoke.Store(true)
	if _, err := c.CurrentUser(ctx); err != nil {
		t.Fatalf("after the token was refused: %v", err)
	}
	if n := tokens(); n != 2 {
		t.Errorf("token requests after a 401 = %d, want 2 (one new token)", n)
	}

	bad := newClient(t, base+"/jama", jama.Credentials{ClientID: "sandbox-client", ClientSecret: "wrong"})
	if _, err := bad.CurrentUser(ctx); !errors.Is(err, api.ErrUnauthorized) || !strings.Contains(err.Error(), "invalid_client") {
		t.Errorf("wrong client secret: %v", err)
	}
}

// TestCreate_LostAnswerDoesNotDuplicate forwards the first POST to the
// sandbox but answers 502, as a proxy that lost the answer would.
func TestCreate_LostAnswerDoesNotDuplicate(t *testing.T) {
	t.Parallel()
	srv, base := startSandbox(t)
	target, _ := url.Parse(base)
	proxy := httputil.NewSingleHostReverseProxy(target)
	var lost atomic.Bool
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/users") && lost.CompareAndSwap(false, true) {
			proxy.ServeHTTP(httptest.NewRecorder(), r) // applied, answer lost
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)

	c := newClient(t, front.URL+"/jama", admin)
	ctx := context.Background()
	id, err := c.CreateUser(ctx, user("once"))
	if err != nil {
		t.Fatalf("create with a lost answer: %v", err)
	}
	u, ok, err := c.FindUser(ctx, "once")
	if err != nil || !ok || u.ID != id {
		t.Fatalf("find: %+v %t %v (id %d)", u, ok, err, id)
	}
	if n := srv.Stats().Products["jama"].Routes["POST /rest/v1/users"]; n != 1 {
		t.Errorf("POST /users sent %d times, want 1", n)
	}
}

// TestBadServerOutput: whatever a proxy or a broken server answers, the
// client returns an error naming the product and operation, never panics.
func TestBadServerOutput(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		status int
		ctype  string
		body   string
		want   string
	}{
		"html error page":   {502, "text/html", "<html><body>Bad Gateway</body></html>", "502 Bad Gateway"},
		"html 403 page":     {403, "text/html", "<html><body>Forbidden by proxy</body></html>", "HTTP 403 Forbidden: answer is not JSON"},
		"html with 200":     {200, "text/html", "<html>login</html>", "not the expected Jama JSON"},
		"truncated json":    {200, "application/json", `{"meta":{"status":"OK"},"data":{"id":1,`, "not the expected Jama JSON"},
		"empty 200":         {200, "application/json", "", "not the expected Jama JSON"},
		"wrong types":       {200, "application/json", `{"data":{"id":"one","username":5}}`, "not the expected Jama JSON"},
		"no data":           {200, "application/json", `{"meta":{"status":"OK"}}`, "no data"},
		"unknown fields ok": {200, "application/json", `{"data":{"id":7,"username":"u","extra":{"x":1}}}`, ""},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", tc.ctype)
				w.WriteHeader(tc.status)
				_, _ = io.WriteString(w, tc.body)
			}))
			t.Cleanup(hs.Close)
			c := newClient(t, hs.URL, admin)
			u, err := c.GetUser(context.Background(), 7)
			if tc.want == "" {
				if err != nil || u.ID != 7 {
					t.Fatalf("got %+v, %v", u, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "read user") {
				t.Fatalf("error %v, want one containing %q and the operation", err, tc.want)
			}
		})
	}
}
