package jitterbit_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

func TestLogin_TokenIsReused(t *testing.T) {
	t.Parallel()
	srv, base := startSandbox(t)
	c := newClient(t, base+"/jitterbit", admin)
	ctx := context.Background()
	if n := loginCount(srv); n != 0 {
		t.Fatalf("logins before the first call = %d, want 0", n)
	}
	for range 3 {
		if _, err := c.ListJSMConnections(ctx, envDev, guidJSM); err != nil {
			t.Fatalf("list connections: %v", err)
		}
	}
	if _, err := c.CreateJSMConnection(ctx, basicConnection(guidJSM, "reuse")); err != nil {
		t.Fatalf("create: %v", err)
	}
	if n := loginCount(srv); n != 1 {
		t.Errorf("logins = %d, want 1 (token reused)", n)
	}
}

func TestLogin_ExplicitOrganization(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	ctx := context.Background()
	ok := admin
	ok.OrganizationID = "100"
	if _, err := newClient(t, base+"/jitterbit", ok).ListJSMConnections(ctx, envDev, guidJSM); err != nil {
		t.Errorf("organization 100: %v", err)
	}
	other := admin
	other.OrganizationID = "999"
	_, err := newClient(t, base+"/jitterbit", other).ListJSMConnections(ctx, envDev, guidJSM)
	if !errors.Is(err, api.ErrForbidden) || !strings.Contains(err.Error(), `"999"`) || !strings.Contains(err.Error(), "Jitterbit list JSM connections") {
		t.Errorf("organization 999: %v, want ErrForbidden naming the organization and operation", err)
	}
}

// TestLogin_RefusedWithHTTP200 checks Harmony's quirk: a refused login is
// HTTP 200 with "success": false, and becomes a 401 error with the vendor
// message.
func TestLogin_RefusedWithHTTP200(t *testing.T) {
	t.Parallel()
	srv, base := startSandbox(t)
	c := newClient(t, base+"/jitterbit", jitterbit.Credentials{Username: "admin", Password: "wrong"})
	_, err := c.GetJSMConnection(context.Background(), "1")
	var apiErr *api.Error
	if !errors.Is(err, api.ErrUnauthorized) || !errors.As(err, &apiErr) {
		t.Fatalf("wrong password: %v, want an *api.Error matching ErrUnauthorized", err)
	}
	// The message is Harmony's, followed by the errorId of the failure.
	if !regexp.MustCompile(`^Invalid username or password \(errorId \S+\)$`).MatchString(apiErr.Message) ||
		apiErr.Operation != "log in" || apiErr.Product != "Jitterbit" || apiErr.Path != "/login" {
		t.Errorf("error = %+v", apiErr)
	}
	if strings.Contains(err.Error(), "wrong") {
		t.Errorf("error shows the password: %v", err)
	}
	if n := loginCount(srv); n != 1 {
		t.Errorf("logins = %d, want 1 (a refused login is not retried)", n)
	}
}

// TestLogin_AgainAfterTheTokenIsRefused puts a proxy in front of the
// sandbox that refuses the next authenticated request once, as Harmony
// does with an expired token: over HTTP 401, or over HTTP 200 with
// "success": false and an authentication error code.
func TestLogin_AgainAfterTheTokenIsRefused(t *testing.T) {
	t.Parallel()
	refusals := map[string]struct {
		status int
		body   string
	}{
		"HTTP 401":                {http.StatusUnauthorized, `{"success":false,"error":{"errorMessage":"token expired","errorCode":"AUTH_TOKEN_EXPIRED"}}`},
		"HTTP 200, success false": {http.StatusOK, `{"success":false,"error":{"errorMessage":"session timed out","errorCode":"INVALID_TOKEN"}}`},
		"HTTP 200, numeric code":  {http.StatusOK, `{"success":false,"error":{"errorMessage":"session timed out","errorCode":"401"}}`},
	}
	for name, refusal := range refusals {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv, base := startSandbox(t)
			var refuse atomic.Bool
			front := startFront(t, base, func(w http.ResponseWriter, r *http.Request, _ http.Handler) bool {
				if r.Header.Get("authToken") == "" || !refuse.CompareAndSwap(true, false) {
					return false
				}
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(refusal.status)
				_, _ = io.WriteString(w, refusal.body)
				return true
			})
			c := newClient(t, front+"/jitterbit", admin)
			ctx := context.Background()
			if _, err := c.ListJSMConnections(ctx, envDev, guidJSM); err != nil {
				t.Fatalf("first call: %v", err)
			}
			refuse.Store(true)
			created, err := c.CreateJSMConnection(ctx, basicConnection(guidJSM, "after-refusal"))
			if err != nil {
				t.Fatalf("create after the token was refused: %v", err)
			}
			if n := loginCount(srv); n != 2 {
				t.Errorf("logins = %d, want 2 (one more after the refusal)", n)
			}
			if n := srv.Stats().Products["jitterbit"].Routes["POST /almsync/jitterbit-jsm-connections/v1/connections"]; n != 1 {
				t.Errorf("creates reaching the sandbox = %d, want 1", n)
			}
			if _, err := c.GetJSMConnection(ctx, created.ID); err != nil {
				t.Errorf("read with the new token: %v", err)
			}
			if n := loginCount(srv); n != 2 {
				t.Errorf("logins after the new token = %d, want 2", n)
			}
		})
	}
}

// TestLogin_RefusedTwiceIsAnError: when the new token is refused as well,
// the client gives up instead of logging in forever.
func TestLogin_RefusedTwiceIsAnError(t *testing.T) {
	t.Parallel()
	srv, base := startSandbox(t)
	front := startFront(t, base, func(w http.ResponseWriter, r *http.Request, _ http.Handler) bool {
		if r.Header.Get("authToken") == "" {
			return false
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, `{"success":false,"error":{"errorMessage":"token revoked","errorCode":"AUTH_TOKEN_INVALID"}}`)
		return true
	})
	_, err := newClient(t, front+"/jitterbit", admin).ListJSMConnections(context.Background(), envDev, guidJSM)
	if !errors.Is(err, api.ErrUnauthorized) || !strings.Contains(err.Error(), "token revoked") {
		t.Errorf("error = %v, want ErrUnauthorized with the vendor message", err)
	}
	if n := loginCount(srv); n != 2 {
		t.Errorf("logins = %d, want 2", n)
	}
}

func TestNew_RejectsBadConfiguration(t *testing.T) {
	t.Parallel()
	tc, err := transport.New(transport.Config{Product: "Jitterbit"})
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		url   string
		creds jitterbit.Credentials
		tc    *transport.Client
		want  string
	}{
		"relative URL":     {"harmony-api.jitterbit.com/prod", admin, tc, "absolute http(s) URL"},
		"ftp URL":          {"ftp://harmony-api.jitterbit.com", admin, tc, "absolute http(s) URL"},
		"query":            {"https://harmony-api.jitterbit.com/prod?x=1", admin, tc, "query"},
		"password in URL":  {"https://u:hunter2@harmony-api.jitterbit.com:bad", admin, tc, "absolute http(s) URL"},
		"no username":      {"https://harmony-api.jitterbit.com/prod", jitterbit.Credentials{Password: "x"}, tc, "username and a password"},
		"no password":      {"https://harmony-api.jitterbit.com/prod", jitterbit.Credentials{Username: "x"}, tc, "username and a password"},
		"no HTTP client":   {"https://harmony-api.jitterbit.com/prod", admin, nil, "nil transport client"},
		"trailing slashes": {"https://harmony-api.na-east.jitterbit.com/prod//", admin, tc, ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := jitterbit.New(tc.url, tc.creds, tc.tc)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("New = %v, want an error containing %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("error shows the password: %v", err)
			}
		})
	}
}

func TestCredentials_StringHidesThePassword(t *testing.T) {
	t.Parallel()
	c := jitterbit.Credentials{Username: "svc", Password: "hunter2", OrganizationID: "100"}
	if s := c.String(); strings.Contains(s, "hunter2") || !strings.Contains(s, "svc") {
		t.Errorf("String = %q", s)
	}
}

// TestBadServerOutput: whatever a proxy or a broken server answers, the
// client returns an error naming Jitterbit and the operation, and never
// panics.
func TestBadServerOutput(t *testing.T) {
	t.Parallel()
	const login = `{"success":true,"data":{"authenticationToken":"t","defaultOrgId":"100"}}`
	cases := map[string]struct {
		status int
		ctype  string
		body   string
		want   []string
	}{
		"html error page":        {502, "text/html", "<html><body>Bad Gateway</body></html>", []string{"502 Bad Gateway"}},
		"html 403 page":          {403, "text/html", "<html><body>Forbidden by proxy</body></html>", []string{"HTTP 403 Forbidden: answer is not JSON", "Forbidden by proxy"}},
		"json 404 without error": {404, "application/json", `{"message":"no route"}`, []string{"HTTP 404 Not Found: answer has no error member"}},
		"html with 200":          {200, "text/html", "<html>login</html>", []string{"not the expected Jitterbit JSON", "<html>login"}},
		"truncated json":         {200, "application/json", `{"success":true,"data":{"id":"1",`, []string{"not the expected Jitterbit JSON"}},
		"empty 200":              {200, "application/json", "", []string{"not the expected Jitterbit JSON", "empty"}},
		"no success member":      {200, "application/json", `{"data":{"id":"1"}}`, []string{`"success" member is missing`}},
		"no data":                {200, "application/json", `{"success":true}`, []string{`"data" member is missing`}},
		"null data":              {200, "application/json", `{"success":true,"data":null}`, []string{`"data" member is missing`}},
		"wrong types":            {200, "application/json", `{"success":true,"data":{"id":7,"name":["x"]}}`, []string{"not the expected Jitterbit JSON"}},
		"success false no error": {200, "application/json", `{"success":false}`, []string{"HTTP 200 OK", `"success": false without an error message`}},
		"success false, code":    {200, "application/json", `{"success":false,"error":{"errorMessage":"gone","errorCode":"NOT_FOUND"}}`, []string{"HTTP 404 Not Found: gone"}},
		"secret in the answer":   {200, "text/plain", `password=hunter2 broken`, []string{"not the expected Jitterbit JSON"}},
		"unknown fields ok":      {200, "application/json", `{"success":true,"data":{"id":"7","name":"n","extra":{"x":1}},"meta":1}`, nil},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			base := startStub(t, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/login" {
					_, _ = io.WriteString(w, login)
					return
				}
				w.Header().Set("Content-Type", tc.ctype)
				w.WriteHeader(tc.status)
				_, _ = io.WriteString(w, tc.body)
			})
			conn, err := newClient(t, base, admin).GetJSMConnection(context.Background(), "7")
			if tc.want == nil {
				if err != nil || conn.ID != "7" || conn.Name != "n" {
					t.Fatalf("got %+v, %v", conn, err)
				}
				return
			}
			if err == nil {
				t.Fatalf("got %+v and no error", conn)
			}
			for _, want := range append(tc.want, "Jitterbit", "read JSM connection") {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not contain %q", err, want)
				}
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("error shows a secret: %v", err)
			}
		})
	}
}

// TestBadLoginOutput: a login answer the client cannot use is an error
// naming the login, never a panic or an empty token.
func TestBadLoginOutput(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		status int
		body   string
		want   string
	}{
		"html":                     {200, "<html>Sign in</html>", "not the expected Jitterbit JSON"},
		"no token":                 {200, `{"success":true,"data":{"defaultOrgId":"100"}}`, "authenticationToken is missing"},
		"no organization":          {200, `{"success":true,"data":{"authenticationToken":"t"}}`, "no default organization"},
		"refused, other code":      {200, `{"success":false,"error":{"errorMessage":"Account locked","errorCode":"LOCKED"}}`, "HTTP 401 Unauthorized: Account locked"},
		"refused with HTTP 403":    {403, `{"success":false,"error":{"errorMessage":"SSO users must use an API user"}}`, "HTTP 403 Forbidden: SSO users"},
		"proxy error, html answer": {403, "<html>oops</html>", "HTTP 403 Forbidden: answer is not JSON"},
		"server error, retried":    {500, "<html>oops</html>", "giving up after 3 attempts: 500 Internal Server Error"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			base := startStub(t, func(w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(tc.status)
				_, _ = io.WriteString(w, tc.body)
			})
			_, err := newClient(t, base, admin).GetProject(context.Background(), envDev, guidJSM)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !regexp.MustCompile(`Jitterbit.*log in`).MatchString(err.Error()) {
				t.Errorf("error %v, want one containing %q and naming the login", err, tc.want)
			}
		})
	}
}
