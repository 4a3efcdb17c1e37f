package sandbox

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/conntest"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// jiraLogin is the Jira site and account a connection is saved with.
type jiraLogin struct {
	siteURL  string
	username string
	secret   string
}

// syncLogin is the sandbox's sync account, which holds every required
// permission, on the site at siteURL.
func syncLogin(siteURL string) jiraLogin {
	return jiraLogin{siteURL: siteURL, username: jiraSyncAccount, secret: jiraAPIToken}
}

// jiraTestSubject is a product whose connections point at a Jira site:
// test saves a connection to login and runs its test with trustedPEM.
type jiraTestSubject struct {
	name string
	test func(t *testing.T, ts *httptest.Server, login jiraLogin, trustedPEM string) wiretest.ConnTest
}

// jiraTestSubjects are the three products testing a Jira site.
func jiraTestSubjects() []jiraTestSubject {
	return []jiraTestSubject{
		{"jama JIRA Connector", testJamaJiraConnection},
		{"jitterbit JSM connection", testJitterbitConnection},
		{"aqua Jira sync", testAquaDefinition},
	}
}

// testJamaJiraConnection saves a JIRA Connector connection and tests it.
func testJamaJiraConnection(t *testing.T, ts *httptest.Server, login jiraLogin, trustedPEM string) wiretest.ConnTest {
	t.Helper()
	id := createJiraConnection(t, ts, jiraConnection(login))
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, fmt.Sprintf("%s/%d/test", jiraPath, id), wiretest.ConnTestRequest{TrustedCAPEM: trustedPEM})
	wiretest.WantStatus(t, r, http.StatusOK)
	return wiretest.Envelope[wiretest.ConnTest](t, r).Data
}

// testJitterbitConnection saves a Basic JSM connection and tests it.
func testJitterbitConnection(t *testing.T, ts *httptest.Server, login jiraLogin, trustedPEM string) wiretest.ConnTest {
	t.Helper()
	return runJSMTest(t, ts, jsmConnection(login), trustedPEM)
}

// testAquaDefinition saves a sync definition whose configuration user is
// login (with email and API token when the username is an email address)
// and tests it.
func testAquaDefinition(t *testing.T, ts *httptest.Server, login jiraLogin, trustedPEM string) wiretest.ConnTest {
	t.Helper()
	user := object{"Username": login.username, "Password": login.secret}
	if kernel.IsEmail(login.username) {
		user = object{"Email": login.username, "ApiToken": login.secret}
	}
	return runAquaTest(t, ts, aquaDefinition(login.siteURL, user), trustedPEM)
}

// permissionChecks are the names of the checks of the seed's permissions.
func permissionChecks() []string {
	var names []string
	for _, key := range requiredPermissions {
		names = append(names, conntest.CheckPermission+key)
	}
	return names
}

func TestConnTestJiraTargets(t *testing.T) {
	t.Parallel()
	cloudChecks := append([]string{conntest.CheckReachability, conntest.CheckAuthentication, conntest.CheckUsername}, permissionChecks()...)
	tlsChecks := append([]string{conntest.CheckReachability, conntest.CheckTLS, conntest.CheckAuthentication, conntest.CheckUsername}, permissionChecks()...)
	scenarios := map[string]struct {
		// setup returns the login to save and the trusted PEM to send.
		setup func(t *testing.T, ts *httptest.Server) (jiraLogin, string)
		want  func(t *testing.T, res wiretest.ConnTest)
	}{
		"succeeds with every permission": {
			setup: func(_ *testing.T, ts *httptest.Server) (jiraLogin, string) {
				return syncLogin(ts.URL + jiraCloudPath), ""
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantSuccess(t, res)
				wiretest.WantChecks(t, res, cloudChecks...)
				wiretest.WantCheck(t, res, conntest.CheckReachability, true, "HTTP 200 from GET /jira/rest/api/2/serverInfo")
				wiretest.WantCheck(t, res, conntest.CheckAuthentication, true, jiraSyncAccount)
				wiretest.WantCheck(t, res, conntest.CheckPermission+"CREATE_ATTACHMENTS", true, "granted")
			},
		},
		"wrong password fails authentication": {
			setup: func(_ *testing.T, ts *httptest.Server) (jiraLogin, string) {
				login := syncLogin(ts.URL + jiraCloudPath)
				login.secret = "wrong"
				return login, ""
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantFailure(t, res, "authentication failed: HTTP 401: You are not authenticated.")
				wiretest.WantChecks(t, res, conntest.CheckReachability, conntest.CheckAuthentication)
				wiretest.WantCheck(t, res, conntest.CheckAuthentication, false, "HTTP 401")
			},
		},
		"unreachable host fails reachability": {
			setup: func(t *testing.T, _ *httptest.Server) (jiraLogin, string) {
				return syncLogin(wiretest.ClosedURL(t) + jiraCloudPath), ""
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantFailure(t, res, "reachability failed: ")
				wiretest.WantChecks(t, res, conntest.CheckReachability)
				wiretest.WantCheck(t, res, conntest.CheckReachability, false, "connection refused")
			},
		},
		"untrusted certificate fails tls": {
			setup: func(t *testing.T, ts *httptest.Server) (jiraLogin, string) {
				return syncLogin(wiretest.StartTLSFront(t, ts).URL + jiraCloudPath), ""
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantFailure(t, res, "tls failed: x509: certificate signed by unknown authority")
				wiretest.WantChecks(t, res, conntest.CheckReachability, conntest.CheckTLS)
				wiretest.WantCheck(t, res, conntest.CheckReachability, true, "TCP connection established")
				wiretest.WantCheck(t, res, conntest.CheckTLS, false, "certificate signed by unknown authority", "ca_cert_pem")
			},
		},
		"certificate trusted by trustedCaPem succeeds": {
			setup: func(t *testing.T, ts *httptest.Server) (jiraLogin, string) {
				front := wiretest.StartTLSFront(t, ts)
				return syncLogin(front.URL + jiraCloudPath), wiretest.CertificatePEM(front)
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantSuccess(t, res)
				wiretest.WantChecks(t, res, tlsChecks...)
				wiretest.WantCheck(t, res, conntest.CheckTLS, true, "certificate verified")
			},
		},
		"missing permission fails its check": {
			setup: func(_ *testing.T, ts *httptest.Server) (jiraLogin, string) {
				return jiraLogin{siteURL: ts.URL + jiraCloudPath, username: jiraLimitedAccount, secret: jiraAPIToken}, ""
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantFailure(t, res, "permission CREATE_ATTACHMENTS failed: missing")
				wiretest.WantChecks(t, res, cloudChecks...)
				wiretest.WantCheck(t, res, conntest.CheckPermission+"CREATE_ATTACHMENTS", false, "missing")
				wiretest.WantCheck(t, res, conntest.CheckPermission+"ADD_COMMENTS", true, "granted")
			},
		},
		"username that is no email fails on Jira Cloud": {
			setup: func(_ *testing.T, ts *httptest.Server) (jiraLogin, string) {
				return jiraLogin{siteURL: ts.URL + jiraCloudPath, username: kernel.DefaultUsername, secret: kernel.DefaultPassword}, ""
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantFailure(t, res, "username failed: ")
				wiretest.WantChecks(t, res, conntest.CheckReachability, conntest.CheckAuthentication, conntest.CheckUsername)
				wiretest.WantCheck(t, res, conntest.CheckUsername, false, `"admin" is not an email address`)
			},
		},
		"username is not checked on Jira Server": {
			setup: func(_ *testing.T, ts *httptest.Server) (jiraLogin, string) {
				return jiraLogin{siteURL: ts.URL + jiraServerPath, username: kernel.DefaultUsername, secret: kernel.DefaultPassword}, ""
			},
			want: func(t *testing.T, res wiretest.ConnTest) {
				wiretest.WantSuccess(t, res)
				wiretest.WantChecks(t, res, append([]string{conntest.CheckReachability, conntest.CheckAuthentication}, permissionChecks()...)...)
			},
		},
	}
	for _, subject := range jiraTestSubjects() {
		t.Run(subject.name, func(t *testing.T) {
			t.Parallel()
			for name, sc := range scenarios {
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					_, ts := newTestServer(t, Options{})
					login, trustedPEM := sc.setup(t, ts)
					sc.want(t, subject.test(t, ts, login, trustedPEM))
				})
			}
		})
	}
}

func TestConnTestJitterbitVariableURLCannotBeResolved(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	res := runJSMTest(t, ts, jsmConnection(jiraLogin{siteURL: "[jsm_url]", username: jiraSyncAccount, secret: jiraAPIToken}), "")
	wiretest.WantFailure(t, res, "reachability failed: url [jsm_url] is a Jitterbit variable reference")
	wiretest.WantChecks(t, res, conntest.CheckReachability)
}

func TestConnTestJitterbitOAuthSendsTheAccessToken(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	// The gateway lets one bearer token through to Jira as the sync
	// account, as an OAuth-enabled Jira would accept it.
	gateway := wiretest.StartFrontServer(t, ts, func(r *http.Request) {
		if r.Header.Get("Authorization") == "Bearer granted-token" {
			r.SetBasicAuth(jiraSyncAccount, jiraAPIToken)
		}
	}, false)
	oauth := func(name, token string) object {
		return object{
			"environmentId": jitterbitEnvironment, "projectGuid": jitterbitProjectGUID, "name": name, "authScheme": "OAuth", "url": gateway.URL + jiraCloudPath,
			"oauth": object{"initiateOAuth": "OFF", "accessToken": token},
		}
	}

	res := runJSMTest(t, ts, oauth("granted", "granted-token"), "")
	wiretest.WantSuccess(t, res)
	wiretest.WantChecks(t, res, append([]string{conntest.CheckReachability, conntest.CheckAuthentication}, permissionChecks()...)...)

	res = runJSMTest(t, ts, oauth("refused", "other-token"), "")
	wiretest.WantFailure(t, res, "authentication failed: HTTP 401")
}

func TestConnTestAquaChecksPermissionsInTheProject(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	d := aquaDefinition(ts.URL+jiraServerPath, object{"Email": jiraSyncAccount, "ApiToken": jiraAPIToken})
	d["Name"], d["JiraProjectKey"] = "Elsewhere", "NOPE"
	res := runAquaTest(t, ts, d, "")
	wiretest.WantFailure(t, res, "permissions failed: HTTP 404: No project could be found with key 'NOPE'.")
	wiretest.WantChecks(t, res, conntest.CheckReachability, conntest.CheckAuthentication, conntest.CheckPermissions)
}
