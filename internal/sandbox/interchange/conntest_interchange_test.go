package interchange

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/conntest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// jamaTestConnector is a connector to the Jama Connect instance at
// instanceURL: basic with the sandbox's admin, or oauth with its client.
func jamaTestConnector(instanceURL, authType string, verifySSL bool) connector {
	c := connector{Name: "Jama", URL: instanceURL, VerifySSL: verifySSL, AuthType: authType}
	if authType == authOAuth {
		c.ClientID, c.ClientSecret = kernel.DefaultClientID, kernel.DefaultClientSecret
	} else {
		c.Username, c.Password = kernel.DefaultUsername, kernel.DefaultPassword
	}
	return c
}

// testConnector saves c and tests it with trustedPEM.
func testConnector(t *testing.T, ts *httptest.Server, c connector, trustedPEM string) wiretest.ConnTest {
	t.Helper()
	id := createConnector(t, ts, c)
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, fmt.Sprintf("%s/%d/test", connectorsRoute, id), wiretest.ConnTestRequest{TrustedCAPEM: trustedPEM})
	wiretest.WantStatus(t, r, http.StatusOK)
	return wiretest.Envelope[wiretest.ConnTest](t, r).Data
}

func TestConnTestInterchangeConnector(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		// setup returns the connector to save and the trusted PEM to send.
		setup func(t *testing.T, ts *httptest.Server) (connector, string)
		want  func(t *testing.T, res wiretest.ConnTest)
	}{
		"basic succeeds": {
			setup: func(_ *testing.T, ts *httptest.Server) (connector, string) {
				return jamaTestConnector(ts.URL+"/jama", authBasic, true), ""
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantSuccess(t, res)
				wiretest.WantChecks(t, res, conntest.CheckReachability, conntest.CheckAuthentication)
				wiretest.WantCheck(t, res, conntest.CheckReachability, true, "HTTP 401 from GET /jama/rest/v1/users/current")
				wiretest.WantCheck(t, res, conntest.CheckAuthentication, true, `logged in as "admin"`)
			},
		},
		"oauth succeeds": {
			setup: func(_ *testing.T, ts *httptest.Server) (connector, string) {
				return jamaTestConnector(ts.URL+"/jama", authOAuth, true), ""
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantSuccess(t, res)
				wiretest.WantChecks(t, res, conntest.CheckReachability, conntest.CheckAuthentication)
			},
		},
		"wrong password fails authentication": {
			setup: func(_ *testing.T, ts *httptest.Server) (connector, string) {
				c := jamaTestConnector(ts.URL+"/jama", authBasic, true)
				c.Password = "wrong"
				return c, ""
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantFailure(t, res, "authentication failed: HTTP 401: invalid username or password")
				wiretest.WantChecks(t, res, conntest.CheckReachability, conntest.CheckAuthentication)
			},
		},
		"floating creator account fails authentication": {
			setup: func(t *testing.T, ts *httptest.Server) (connector, string) {
				wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, "/jama/rest/v1/users", `{
					"username": "svc.float", "password": "Pa55", "firstName": "Service", "lastName": "Float",
					"email": "svc.float@example.com", "licenseType": "FLOATING"}`), http.StatusCreated)
				c := jamaTestConnector(ts.URL+"/jama", authBasic, true)
				c.Username, c.Password = "svc.float", "Pa55"
				return c, ""
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantFailure(t, res, "authentication failed: HTTP 401: ")
				wiretest.WantCheck(t, res, conntest.CheckAuthentication, false, "no REST API access")
			},
		},
		"wrong client secret fails authentication": {
			setup: func(_ *testing.T, ts *httptest.Server) (connector, string) {
				c := jamaTestConnector(ts.URL+"/jama", authOAuth, true)
				c.ClientSecret = "wrong"
				return c, ""
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantFailure(t, res, "authentication failed: token request (POST /rest/oauth/token): HTTP 401: invalid_client")
				wiretest.WantChecks(t, res, conntest.CheckReachability, conntest.CheckAuthentication)
			},
		},
		"unreachable host fails reachability": {
			setup: func(t *testing.T, _ *httptest.Server) (connector, string) {
				return jamaTestConnector(wiretest.ClosedURL(t)+"/jama", authBasic, true), ""
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantFailure(t, res, "reachability failed: ")
				wiretest.WantChecks(t, res, conntest.CheckReachability)
				wiretest.WantCheck(t, res, conntest.CheckReachability, false, "connection refused")
			},
		},
		"untrusted certificate fails tls": {
			setup: func(t *testing.T, ts *httptest.Server) (connector, string) {
				return jamaTestConnector(wiretest.StartTLSFront(t, ts).URL+"/jama", authBasic, true), ""
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantFailure(t, res, "tls failed: ")
				wiretest.WantChecks(t, res, conntest.CheckReachability, conntest.CheckTLS)
				wiretest.WantCheck(t, res, conntest.CheckTLS, false, "certificate signed by unknown authority")
			},
		},
		"certificate trusted by trustedCaPem succeeds": {
			setup: func(t *testing.T, ts *httptest.Server) (connector, string) {
				front := wiretest.StartTLSFront(t, ts)
				return jamaTestConnector(front.URL+"/jama", authOAuth, true), wiretest.CertificatePEM(front)
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantSuccess(t, res)
				wiretest.WantChecks(t, res, conntest.CheckReachability, conntest.CheckTLS, conntest.CheckAuthentication)
				wiretest.WantCheck(t, res, conntest.CheckTLS, true, "certificate verified")
			},
		},
		"verifySsl false skips verification": {
			setup: func(t *testing.T, ts *httptest.Server) (connector, string) {
				return jamaTestConnector(wiretest.StartTLSFront(t, ts).URL+"/jama", authBasic, false), ""
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantSuccess(t, res)
				wiretest.WantChecks(t, res, conntest.CheckReachability, conntest.CheckTLS, conntest.CheckAuthentication)
				wiretest.WantCheck(t, res, conntest.CheckTLS, true, "verification disabled (verify_ssl = false)")
			},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, ts := newTestServer(t, kernel.Options{})
			c, trustedPEM := tt.setup(t, ts)
			tt.want(t, testConnector(t, ts, c, trustedPEM))
		})
	}
}
