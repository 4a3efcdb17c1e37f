package conntest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// startJamaStub serves a stand-in for a Jama Connect instance answering
// GET /rest/v1/users/current and POST /rest/oauth/token in Jama's
// documented shapes: the user to Basic admin:secret or Bearer token-1, the
// token to the client app:app-secret.
func startJamaStub(t *testing.T, tokenBody string) string {
	t.Helper()
	stub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/rest/oauth/token":
			if id, secret, ok := r.BasicAuth(); !ok || id != "app" || secret != "app-secret" || r.FormValue("grant_type") != "client_credentials" {
				w.WriteHeader(http.StatusUnauthorized)
				_, _ = w.Write([]byte(`{"error":"invalid_client","error_description":"Bad client credentials"}`))
				return
			}
			_, _ = w.Write([]byte(tokenBody))
		case "/rest/v1/users/current":
			user, pass, basic := r.BasicAuth()
			if (basic && user == "admin" && pass == "secret") || r.Header.Get("Authorization") == "Bearer token-1" {
				_, _ = w.Write([]byte(`{"meta":{"status":"OK","timestamp":"2025-03-01T12:30:45.000+0000"},"links":{},"linked":{},` +
					`"data":{"id":18,"username":"admin","firstName":"Sandbox","lastName":"Admin","email":"admin@example.com","active":true,"type":"users"}}`))
				return
			}
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"meta":{"status":"Unauthorized","timestamp":"2025-03-01T12:30:45.000+0000","message":"Invalid username or password"}}`))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(stub.Close)
	return stub.URL
}

func TestJama(t *testing.T) {
	t.Parallel()
	const token = `{"access_token":"token-1","token_type":"bearer","expires_in":3600,"scope":"read write"}`
	tests := map[string]struct {
		tokenBody string
		target    func(base string) JamaTarget
		want      func(t *testing.T, res wiretest.ConnTest)
	}{
		"basic": {token, func(base string) JamaTarget {
			return JamaTarget{InstanceURL: base + "/", Creds: Basic("admin", "secret")}
		},
			func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantSuccess(t, res)
				wiretest.WantCheck(t, res, CheckAuthentication, true, `logged in as "admin"`)
			}},
		"wrong password": {token, func(base string) JamaTarget { return JamaTarget{InstanceURL: base, Creds: Basic("admin", "wrong")} },
			func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantFailure(t, res, "authentication failed: HTTP 401: Invalid username or password")
			}},
		"oauth": {token, func(base string) JamaTarget {
			return JamaTarget{InstanceURL: base, OAuth: true, ClientID: "app", ClientSecret: "app-secret"}
		}, func(t *testing.T, res wiretest.ConnTest) {
			wiretest.WantSuccess(t, res)
			wiretest.WantChecks(t, res, CheckReachability, CheckAuthentication)
		}},
		"oauth, wrong secret": {token, func(base string) JamaTarget {
			return JamaTarget{InstanceURL: base, OAuth: true, ClientID: "app", ClientSecret: "wrong"}
		}, func(t *testing.T, res wiretest.ConnTest) {
			wiretest.WantCheck(t, res, CheckAuthentication, false, "HTTP 401: invalid_client: Bad client credentials")
		}},
		"oauth, no access_token": {`{"token_type":"bearer"}`, func(base string) JamaTarget {
			return JamaTarget{InstanceURL: base, OAuth: true, ClientID: "app", ClientSecret: "app-secret"}
		}, func(t *testing.T, res wiretest.ConnTest) {
			wiretest.WantCheck(t, res, CheckAuthentication, false, `holds no access_token: {"token_type":"bearer"}`)
		}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tester, err := NewTester(time.Now, "trustedCaPem", "")
			if err != nil {
				t.Fatal(err)
			}
			tc.want(t, asWire(t, tester.TestJama(context.Background(), tc.target(startJamaStub(t, tc.tokenBody)))))
		})
	}
}
