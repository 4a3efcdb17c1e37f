package aqua_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// sessionRoutes answer GET /api/Session and GET /api/System/User.
func sessionRoutes() map[string]handler {
	return map[string]handler{
		"GET /api/Session":     fixed(http.StatusOK, userWithoutExtraJSON),
		"GET /api/System/User": fixed(http.StatusOK, "["+userSummaryJSON+"]"),
	}
}

func TestToken_IsReusedAcrossCalls(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, sessionRoutes())
	c, ctx := f.client(t), context.Background()

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
	if got := f.grantTypes(); len(got) != 1 || got[0] != "password" {
		t.Errorf("token requests = %q, want one password login", got)
	}
	for _, r := range f.received("GET /api/Session") {
		if r.Token != "access-1" {
			t.Errorf("request with token %q, want the bearer token access-1", r.Token)
		}
	}
}

func TestToken_RefreshedAfterARefusedToken(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, sessionRoutes())
	c, ctx := f.client(t), context.Background()
	if _, err := c.CurrentUser(ctx); err != nil {
		t.Fatal(err)
	}
	f.revokeTokens()
	if _, err := c.CurrentUser(ctx); err != nil {
		t.Fatalf("after a refused token: %v", err)
	}
	if got := strings.Join(f.grantTypes(), ","); got != "password,refresh_token" {
		t.Errorf("grants = %q, want a password login then a refresh", got)
	}
}

func TestToken_PasswordLoginWhenTheRefreshIsRefused(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, sessionRoutes())
	f.refuseRefresh = true
	c, ctx := f.client(t), context.Background()
	if _, err := c.CurrentUser(ctx); err != nil {
		t.Fatal(err)
	}
	f.revokeTokens()
	if _, err := c.ListUsers(ctx); err != nil {
		t.Fatalf("after a refused token and a refused refresh: %v", err)
	}
	if got := strings.Join(f.grantTypes(), ","); got != "password,refresh_token,password" {
		t.Errorf("grants = %q, want password, refresh_token, password", got)
	}
}

func TestToken_PersistentRefusalIsUnauthorized(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, map[string]handler{"GET /api/System/User/1": fixed(http.StatusUnauthorized,
		`{"Message":"Authorization has been denied for this request.","Code":"401","Type":"Unauthorized"}`)})
	_, err := f.client(t).GetUser(context.Background(), 1)
	if !errors.Is(err, api.ErrUnauthorized) || !strings.Contains(err.Error(), "Authorization has been denied") {
		t.Errorf("err = %v, want ErrUnauthorized with aqua's message", err)
	}
	if n := len(f.received("GET /api/System/User/1")); n != 2 {
		t.Errorf("requests = %d, want the first and one after renewing the token", n)
	}
}

func TestLogin_WrongPasswordIsUnauthorized(t *testing.T) {
	t.Parallel()
	f := newFakeAqua(t, sessionRoutes())
	c, err := aqua.New(f.URL, aqua.Credentials{Username: "admin", Password: "wrong-password"}, newClientTransport(t))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.CurrentUser(context.Background())
	if !errors.Is(err, api.ErrUnauthorized) {
		t.Fatalf("err = %v, want ErrUnauthorized", err)
	}
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest || apiErr.Operation != "log in" ||
		apiErr.Message != "invalid_grant: The user name or password is incorrect." {
		t.Errorf("err = %#v, want aqua's 400 invalid_grant for log in", apiErr)
	}
	if strings.Contains(err.Error(), "wrong-password") {
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
