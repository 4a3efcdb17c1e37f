package sandbox

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
)

// jamaTestConnector is a connector to the Jama Connect instance at
// instanceURL: basic with the sandbox's admin, or oauth with its client.
func jamaTestConnector(instanceURL, authType string, verifySSL bool) interchange.Connector {
	c := interchange.Connector{Name: "Jama", URL: instanceURL, VerifySSL: verifySSL, AuthType: authType}
	if authType == interchange.AuthOAuth {
		c.ClientID, c.ClientSecret = DefaultClientID, DefaultClientSecret
	} else {
		c.Username, c.Password = DefaultUsername, DefaultPassword
	}
	return c
}

// testConnector saves c and tests it with trustedPEM.
func testConnector(t *testing.T, ts *httptest.Server, c interchange.Connector, trustedPEM string) api.ConnectionTest {
	t.Helper()
	id := createConnector(t, ts, c)
	r := call(t, ts, asAdmin, http.MethodPost, fmt.Sprintf("%s/%d/test", connectorsPath, id), api.ConnectionTestRequest{TrustedCAPEM: trustedPEM})
	wantStatus(t, r, http.StatusOK)
	return envelope[api.ConnectionTest](t, r).Data
}

func TestConnTestInterchangeConnector(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		// setup returns the connector to save and the trusted PEM to send.
		setup func(t *testing.T, ts *httptest.Server) (interchange.Connector, string)
		want  func(t *testing.T, res api.ConnectionTest)
	}{
		"basic succeeds": {
			setup: func(_ *testing.T, ts *httptest.Server) (interchange.Connector, string) {
				return jamaTestConnector(ts.URL+"/jama", interchange.AuthBasic, true), ""
			},
			want: func(t *testing.T, res api.ConnectionTest) {
				wantSuccess(t, res)
				wantChecks(t, res, checkReachability, checkAuthentication)
				wantCheck(t, res, checkReachability, true, "HTTP 401 from GET /jama/rest/v1/users/current")
				wantCheck(t, res, checkAuthentication, true, `logged in as "admin"`)
			},
		},
		"oauth succeeds": {
			setup: func(_ *testing.T, ts *httptest.Server) (interchange.Connector, string) {
				return jamaTestConnector(ts.URL+"/jama", interchange.AuthOAuth, true), ""
			},
			want: func(t *testing.T, res api.ConnectionTest) {
				wantSuccess(t, res)
				wantChecks(t, res, checkReachability, checkAuthentication)
			},
		},
		"wrong password fails authentication": {
			setup: func(_ *testing.T, ts *httptest.Server) (interchange.Connector, string) {
				c := jamaTestConnector(ts.URL+"/jama", interchange.AuthBasic, true)
				c.Password = "wrong"
				return c, ""
			},
			want: func(t *testing.T, res api.ConnectionTest) {
				wantFailure(t, res, "authentication failed: HTTP 401: invalid username or password")
				wantChecks(t, res, checkReachability, checkAuthentication)
			},
		},
		"wrong client secret fails authentication": {
			setup: func(_ *testing.T, ts *httptest.Server) (interchange.Connector, string) {
				c := jamaTestConnector(ts.URL+"/jama", interchange.AuthOAuth, true)
				c.ClientSecret = "wrong"
				return c, ""
			},
			want: func(t *testing.T, res api.ConnectionTest) {
				wantFailure(t, res, "authentication failed: token request (POST /rest/oauth/token): HTTP 401: invalid_client")
				wantChecks(t, res, checkReachability, checkAuthentication)
			},
		},
		"unreachable host fails reachability": {
			setup: func(t *testing.T, _ *httptest.Server) (interchange.Connector, string) {
				return jamaTestConnector(closedURL(t)+"/jama", interchange.AuthBasic, true), ""
			},
			want: func(t *testing.T, res api.ConnectionTest) {
				wantFailure(t, res, "reachability failed: ")
				wantChecks(t, res, checkReachability)
				wantCheck(t, res, checkReachability, false, "connection refused")
			},
		},
		"untrusted certificate fails tls": {
			setup: func(t *testing.T, ts *httptest.Server) (interchange.Connector, string) {
				return jamaTestConnector(startTLSFront(t, ts).URL+"/jama", interchange.AuthBasic, true), ""
			},
			want: func(t *testing.T, res api.ConnectionTest) {
				wantFailure(t, res, "tls failed: ")
				wantChecks(t, res, checkReachability, checkTLS)
				wantCheck(t, res, checkTLS, false, "certificate signed by unknown authority")
			},
		},
		"certificate trusted by trustedCaPem succeeds": {
			setup: func(t *testing.T, ts *httptest.Server) (interchange.Connector, string) {
				front := startTLSFront(t, ts)
				return jamaTestConnector(front.URL+"/jama", interchange.AuthOAuth, true), certificatePEM(front)
			},
			want: func(t *testing.T, res api.ConnectionTest) {
				wantSuccess(t, res)
				wantChecks(t, res, checkReachability, checkTLS, checkAuthentication)
				wantCheck(t, res, checkTLS, true, "certificate verified")
			},
		},
		"verifySsl false skips verification": {
			setup: func(t *testing.T, ts *httptest.Server) (interchange.Connector, string) {
				return jamaTestConnector(startTLSFront(t, ts).URL+"/jama", interchange.AuthBasic, false), ""
			},
			want: func(t *testing.T, res api.ConnectionTest) {
				wantSuccess(t, res)
				wantChecks(t, res, checkReachability, checkTLS, checkAuthentication)
				wantCheck(t, res, checkTLS, true, "verification disabled (verify_ssl = false)")
			},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, ts := newTestServer(t, Options{})
			c, trustedPEM := tt.setup(t, ts)
			tt.want(t, testConnector(t, ts, c, trustedPEM))
		})
	}
}
