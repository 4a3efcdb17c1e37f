package sandbox

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/api/jira"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
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
	return jiraLogin{siteURL: siteURL, username: JiraSyncAccount, secret: JiraAPIToken}
}

// jiraTestSubject is a product whose connections point at a Jira site:
// test saves a connection to login and runs its test with trustedPEM.
type jiraTestSubject struct {
	name string
	test func(t *testing.T, ts *httptest.Server, login jiraLogin, trustedPEM string) api.ConnectionTest
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
func testJamaJiraConnection(t *testing.T, ts *httptest.Server, login jiraLogin, trustedPEM string) api.ConnectionTest {
	t.Helper()
	id := createJiraConnection(t, ts, jama.JiraConnection{
		JiraURL: login.siteURL, JiraUsername: login.username, JiraPassword: login.secret, JamaUser: DefaultUsername,
		Schedule: jama.SyncSchedule{Type: jama.ScheduleInterval, IntervalMinutes: 60}, Enabled: true,
	})
	r := call(t, ts, asAdmin, http.MethodPost, fmt.Sprintf("%s/%d/test", jiraPath, id), api.ConnectionTestRequest{TrustedCAPEM: trustedPEM})
	wantStatus(t, r, http.StatusOK)
	return envelope[api.ConnectionTest](t, r).Data
}

// testJitterbitConnection saves a Basic JSM connection and tests it.
func testJitterbitConnection(t *testing.T, ts *httptest.Server, login jiraLogin, trustedPEM string) api.ConnectionTest {
	t.Helper()
	return runJSMTest(t, ts, jitterbit.JSMConnection{
		ProjectID: "1001", Name: "JSM", AuthScheme: jitterbit.AuthSchemeBasic,
		URL: login.siteURL, User: login.username, APIToken: login.secret,
	}, trustedPEM)
}

// runJSMTest saves c and tests it.
func runJSMTest(t *testing.T, ts *httptest.Server, c jitterbit.JSMConnection, trustedPEM string) api.ConnectionTest {
	t.Helper()
	auth := asJitterbit(t, ts)
	created := createJSM(t, ts, auth, c)
	r := call(t, ts, auth, http.MethodPost, jsmPath+"/"+created.ID+"/test", api.ConnectionTestRequest{TrustedCAPEM: trustedPEM})
	return wantJitterbitData[api.ConnectionTest](t, r, http.StatusOK)
}

// testAquaDefinition saves a sync definition whose configuration user is
// login (with email and API token when the username is an email address)
// and tests it.
func testAquaDefinition(t *testing.T, ts *httptest.Server, login jiraLogin, trustedPEM string) api.ConnectionTest {
	t.Helper()
	user := aqua.JiraAccount{Username: login.username, Password: login.secret}
	if isEmail(login.username) {
		user = aqua.JiraAccount{Email: login.username, APIToken: login.secret}
	}
	return runAquaTest(t, ts, aqua.SyncDefinition{
		Name: "Sync", AquaProjectID: 2, JiraURL: login.siteURL, JiraProjectKey: JiraSyncProject, ConfigurationUser: user,
	}, trustedPEM)
}

// runAquaTest saves d and tests it.
func runAquaTest(t *testing.T, ts *httptest.Server, d aqua.SyncDefinition, trustedPEM string) api.ConnectionTest {
	t.Helper()
	c := newAquaClient(t, ts)
	created := c.createDefinition(d)
	r := c.do(http.MethodPost, fmt.Sprintf("/api/JiraSync/Definition/%d/Test", created.ID), aqua.SyncTestRequest{TrustedCAPEM: trustedPEM})
	wantStatus(t, r, http.StatusOK)
	return aquaDecode[aqua.SyncTestResult](t, r).ConnectionTest()
}

// permissionChecks are the names of the checks of the seed's permissions.
func permissionChecks() []string {
	var names []string
	for _, key := range jira.DefaultRequiredPermissions() {
		names = append(names, checkPermission+key)
	}
	return names
}

func TestConnTestJiraTargets(t *testing.T) {
	t.Parallel()
	cloudChecks := append([]string{checkReachability, checkAuthentication, checkUsername}, permissionChecks()...)
	tlsChecks := append([]string{checkReachability, checkTLS, checkAuthentication, checkUsername}, permissionChecks()...)
	scenarios := map[string]struct {
		// setup returns the login to save and the trusted PEM to send.
		setup func(t *testing.T, ts *httptest.Server) (jiraLogin, string)
		want  func(t *testing.T, res api.ConnectionTest)
	}{
		"succeeds with every permission": {
			setup: func(_ *testing.T, ts *httptest.Server) (jiraLogin, string) {
				return syncLogin(ts.URL + JiraCloudPath), ""
			},
			want: func(t *testing.T, res api.ConnectionTest) {
				wantSuccess(t, res)
				wantChecks(t, res, cloudChecks...)
				wantCheck(t, res, checkReachability, true, "HTTP 200 from GET /jira/rest/api/2/serverInfo")
				wantCheck(t, res, checkAuthentication, true, JiraSyncAccount)
				wantCheck(t, res, checkPermission+"CREATE_ATTACHMENTS", true, "granted")
			},
		},
		"wrong password fails authentication": {
			setup: func(_ *testing.T, ts *httptest.Server) (jiraLogin, string) {
				login := syncLogin(ts.URL + JiraCloudPath)
				login.secret = "wrong"
				return login, ""
			},
			want: func(t *testing.T, res api.ConnectionTest) {
				wantFailure(t, res, "authentication failed: HTTP 401: You are not authenticated.")
				wantChecks(t, res, checkReachability, checkAuthentication)
				wantCheck(t, res, checkAuthentication, false, "HTTP 401")
			},
		},
		"unreachable host fails reachability": {
			setup: func(t *testing.T, _ *httptest.Server) (jiraLogin, string) {
				return syncLogin(closedURL(t) + JiraCloudPath), ""
			},
			want: func(t *testing.T, res api.ConnectionTest) {
				wantFailure(t, res, "reachability failed: ")
				wantChecks(t, res, checkReachability)
				wantCheck(t, res, checkReachability, false, "connection refused")
			},
		},
		"untrusted certificate fails tls": {
			setup: func(t *testing.T, ts *httptest.Server) (jiraLogin, string) {
				return syncLogin(startTLSFront(t, ts).URL + JiraCloudPath), ""
			},
			want: func(t *testing.T, res api.ConnectionTest) {
				wantFailure(t, res, "tls failed: x509: certificate signed by unknown authority")
				wantChecks(t, res, checkReachability, checkTLS)
				wantCheck(t, res, checkReachability, true, "TCP connection established")
				wantCheck(t, res, checkTLS, false, "certificate signed by unknown authority", "ca_cert_pem")
			},
		},
		"certificate trusted by trustedCaPem succeeds": {
			setup: func(t *testing.T, ts *httptest.Server) (jiraLogin, string) {
				front := startTLSFront(t, ts)
				return syncLogin(front.URL + JiraCloudPath), certificatePEM(front)
			},
			want: func(t *testing.T, res api.ConnectionTest) {
				wantSuccess(t, res)
				wantChecks(t, res, tlsChecks...)
				wantCheck(t, res, checkTLS, true, "certificate verified")
			},
		},
		"missing permission fails its check": {
			setup: func(_ *testing.T, ts *httptest.Server) (jiraLogin, string) {
				return jiraLogin{siteURL: ts.URL + JiraCloudPath, username: JiraLimitedAccount, secret: JiraAPIToken}, ""
			},
			want: func(t *testing.T, res api.ConnectionTest) {
				wantFailure(t, res, "permission CREATE_ATTACHMENTS failed: missing")
				wantChecks(t, res, cloudChecks...)
				wantCheck(t, res, checkPermission+"CREATE_ATTACHMENTS", false, "missing")
				wantCheck(t, res, checkPermission+"ADD_COMMENTS", true, "granted")
			},
		},
		"username that is no email fails on Jira Cloud": {
			setup: func(_ *testing.T, ts *httptest.Server) (jiraLogin, string) {
				return jiraLogin{siteURL: ts.URL + JiraCloudPath, username: DefaultUsername, secret: DefaultPassword}, ""
			},
			want: func(t *testing.T, res api.ConnectionTest) {
				wantFailure(t, res, "username failed: ")
				wantChecks(t, res, checkReachability, checkAuthentication, checkUsername)
				wantCheck(t, res, checkUsername, false, `"admin" is not an email address`)
			},
		},
		"username is not checked on Jira Server": {
			setup: func(_ *testing.T, ts *httptest.Server) (jiraLogin, string) {
				return jiraLogin{siteURL: ts.URL + JiraServerPath, username: DefaultUsername, secret: DefaultPassword}, ""
			},
			want: func(t *testing.T, res api.ConnectionTest) {
				wantSuccess(t, res)
				wantChecks(t, res, append([]string{checkReachability, checkAuthentication}, permissionChecks()...)...)
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
	res := runJSMTest(t, ts, jitterbit.JSMConnection{
		ProjectID: "1001", Name: "JSM", AuthScheme: jitterbit.AuthSchemeBasic,
		URL: "[jsm_url]", User: JiraSyncAccount, APIToken: JiraAPIToken,
	}, "")
	wantFailure(t, res, "reachability failed: url [jsm_url] is a Jitterbit variable reference")
	wantChecks(t, res, checkReachability)
}

func TestConnTestJitterbitOAuthSendsTheAccessToken(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	// The gateway lets one bearer token through to Jira as the sync
	// account, as an OAuth-enabled Jira would accept it.
	gateway := startFrontServer(t, ts, func(r *http.Request) {
		if r.Header.Get("Authorization") == "Bearer granted-token" {
			r.SetBasicAuth(JiraSyncAccount, JiraAPIToken)
		}
	}, false)
	oauth := func(name, token string) jitterbit.JSMConnection {
		return jitterbit.JSMConnection{
			ProjectID: "1001", Name: name, AuthScheme: jitterbit.AuthSchemeOAuth, URL: gateway.URL + JiraCloudPath,
			OAuth: &jitterbit.OAuthSettings{InitiateOAuth: jitterbit.InitiateOAuthOff, AccessToken: token},
		}
	}

	res := runJSMTest(t, ts, oauth("granted", "granted-token"), "")
	wantSuccess(t, res)
	wantChecks(t, res, append([]string{checkReachability, checkAuthentication}, permissionChecks()...)...)

	res = runJSMTest(t, ts, oauth("refused", "other-token"), "")
	wantFailure(t, res, "authentication failed: HTTP 401")
}

func TestConnTestJitterbitCredentials(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		conn jitterbit.JSMConnection
		want connCredentials
	}{
		"Basic prefers the API token": {
			conn: jitterbit.JSMConnection{AuthScheme: jitterbit.AuthSchemeBasic, User: "u", Password: "pw", APIToken: "tok"},
			want: basicCredentials("u", "tok"),
		},
		"Basic with a password": {
			conn: jitterbit.JSMConnection{AuthScheme: jitterbit.AuthSchemeBasic, User: "u", Password: "pw"},
			want: basicCredentials("u", "pw"),
		},
		"Auto with a user": {
			conn: jitterbit.JSMConnection{AuthScheme: jitterbit.AuthSchemeAuto, User: "u", Password: "pw",
				OAuth: &jitterbit.OAuthSettings{AccessToken: "at"}},
			want: basicCredentials("u", "pw"),
		},
		"Auto without a user uses the access token": {
			conn: jitterbit.JSMConnection{AuthScheme: jitterbit.AuthSchemeAuto, OAuth: &jitterbit.OAuthSettings{AccessToken: "at"}},
			want: bearerCredentials("at"),
		},
		"Crowd uses user and password": {
			conn: jitterbit.JSMConnection{AuthScheme: jitterbit.AuthSchemeCrowd, User: "u", Password: "pw", APIToken: "tok"},
			want: basicCredentials("u", "pw"),
		},
		"OAuth uses the access token": {
			conn: jitterbit.JSMConnection{AuthScheme: jitterbit.AuthSchemeOAuth, User: "u", Password: "pw",
				OAuth: &jitterbit.OAuthSettings{AccessToken: "at"}},
			want: bearerCredentials("at"),
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := jsmTestCredentials(tt.conn); got != tt.want {
				t.Errorf("credentials = %+v, want %+v", got, tt.want)
			}
		})
	}

	missing := map[string]jitterbit.JSMConnection{
		"OAuth without an access token": {AuthScheme: jitterbit.AuthSchemeOAuth,
			OAuth: &jitterbit.OAuthSettings{InitiateOAuth: jitterbit.InitiateOAuthGetAndRefresh, ClientID: "c", ClientSecret: "s"}},
		"Auto without anything":           {AuthScheme: jitterbit.AuthSchemeAuto},
		"a variable reference as user":    {AuthScheme: jitterbit.AuthSchemeBasic, User: "[jsm_user]", APIToken: "tok"},
		"a variable reference as a token": {AuthScheme: jitterbit.AuthSchemeBasic, User: "u", APIToken: "[jsm_token]"},
	}
	for name, conn := range missing {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := jsmTestCredentials(conn); got.missing == "" {
				t.Errorf("credentials = %+v, want none with a reason", got)
			}
		})
	}
}

func TestConnTestAquaChecksPermissionsInTheProject(t *testing.T) {
	t.Parallel()
	_, ts := newTestServer(t, Options{})
	res := runAquaTest(t, ts, aqua.SyncDefinition{
		Name: "Elsewhere", AquaProjectID: 2, JiraURL: ts.URL + JiraServerPath, JiraProjectKey: "NOPE",
		ConfigurationUser: aqua.JiraAccount{Email: JiraSyncAccount, APIToken: JiraAPIToken},
	}, "")
	wantFailure(t, res, "permissions failed: HTTP 404: No project could be found with key 'NOPE'.")
	wantChecks(t, res, checkReachability, checkAuthentication, checkPermissions)
}
