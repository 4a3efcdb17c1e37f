package conntest

import (
	"cmp"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/jira"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// jiraSandbox serves the emulated Jira sites and records the paths they
// were asked, with the Authorization scheme sent.
type jiraSandbox struct {
	ts *httptest.Server
	mu sync.Mutex
	// asked are "<path> <scheme>" of each request, scheme "-" for none.
	asked []string
}

func startJira(t *testing.T) *jiraSandbox {
	t.Helper()
	sb := &jiraSandbox{}
	_, sb.ts = wiretest.Serve(t, kernel.Options{Record: func(e kernel.Exchange) {
		scheme, _, _ := strings.Cut(e.RequestHeader.Get("Authorization"), " ")
		sb.mu.Lock()
		defer sb.mu.Unlock()
		sb.asked = append(sb.asked, e.Path+" "+cmp.Or(scheme, "-"))
	}}, jira.New())
	return sb
}

// requests returns what the sites were asked so far.
func (sb *jiraSandbox) requests() []string {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	return slices.Clone(sb.asked)
}

// testJira runs a test of target with a fresh tester.
func testJira(t *testing.T, target JiraTarget) wiretest.ConnTest {
	t.Helper()
	tester, err := NewTester(time.Now, "trustedCaPem", "")
	if err != nil {
		t.Fatal(err)
	}
	return asWire(t, tester.TestJira(context.Background(), target))
}

// asWire reads a result as the products' clients read it: through its
// JSON.
func asWire(t *testing.T, res Result) wiretest.ConnTest {
	t.Helper()
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var out wiretest.ConnTest
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// permissionChecks are the names of the permission checks, in order.
func permissionChecks() []string {
	var names []string
	for _, key := range JiraRequiredPermissions() {
		names = append(names, CheckPermission+key)
	}
	return names
}

func TestJiraRequiredPermissions(t *testing.T) {
	t.Parallel()
	got := JiraRequiredPermissions()
	if !slices.Equal(got, []string{"BROWSE_PROJECTS", "CREATE_ISSUES", "EDIT_ISSUES", "ADD_COMMENTS", "CREATE_ATTACHMENTS"}) {
		t.Fatalf("JiraRequiredPermissions = %v", got)
	}
	got[0] = "CHANGED"
	if JiraRequiredPermissions()[0] != "BROWSE_PROJECTS" {
		t.Error("JiraRequiredPermissions shares its slice between calls")
	}
}

// TestJira_PersonalAccessTokenOnDataCenter checks that a personal access
// token logs in to Data Center as a bearer token and that its account's
// permissions are checked.
func TestJira_PersonalAccessTokenOnDataCenter(t *testing.T) {
	t.Parallel()
	sb := startJira(t)
	for _, path := range []string{jira.JiraDataCenterPath, jira.JiraServerPath} {
		res := testJira(t, JiraTarget{SiteURL: sb.ts.URL + path, Creds: PersonalAccessToken(jira.JiraSyncPersonalAccessToken), ProjectKey: "SYNC"})
		wiretest.WantSuccess(t, res)
		wiretest.WantChecks(t, res, append([]string{CheckReachability, CheckAuthentication}, permissionChecks()...)...)
		wiretest.WantCheck(t, res, CheckAuthentication, true, jira.JiraSyncAccount, "with a personal access token")
	}
	want := []string{
		"/datacenter/rest/api/2/serverInfo -", "/datacenter/rest/api/2/myself Bearer", "/datacenter/rest/api/2/mypermissions Bearer",
		"/server/rest/api/2/serverInfo -", "/server/rest/api/2/myself Bearer", "/server/rest/api/2/mypermissions Bearer",
	}
	if got := sb.requests(); !slices.Equal(got, want) {
		t.Errorf("requests = %q, want %q", got, want)
	}
}

func TestJira_WrongPersonalAccessToken(t *testing.T) {
	t.Parallel()
	sb := startJira(t)
	res := testJira(t, JiraTarget{SiteURL: sb.ts.URL + jira.JiraDataCenterPath, Creds: PersonalAccessToken("not-a-token")})
	wiretest.WantFailure(t, res, "authentication failed: HTTP 401: You are not authenticated.")
	wiretest.WantChecks(t, res, CheckReachability, CheckAuthentication)
}

// TestJira_PersonalAccessTokenOnCloud checks that a test of a Cloud site
// with a personal access token fails authentication without sending the
// token: Jira Cloud has none.
func TestJira_PersonalAccessTokenOnCloud(t *testing.T) {
	t.Parallel()
	sb := startJira(t)
	for _, path := range []string{jira.JiraCloudPath, jira.JiraCloudGatewayPath} {
		res := testJira(t, JiraTarget{SiteURL: sb.ts.URL + path, Creds: PersonalAccessToken(jira.JiraAdminPersonalAccessToken)})
		wiretest.WantChecks(t, res, CheckReachability, CheckAuthentication)
		wiretest.WantCheck(t, res, CheckAuthentication, false, "Jira Cloud has no personal access tokens", "API token")
	}
	for _, r := range sb.requests() {
		if strings.HasSuffix(r, " Bearer") {
			t.Errorf("the token was sent: %s", r)
		}
	}
}

// TestJira_CloudGatewayAppliesTheEmailRule checks that the Cloud site in
// the gateway's shape is tested as Cloud: Basic credentials need an email
// address as username.
func TestJira_CloudGatewayAppliesTheEmailRule(t *testing.T) {
	t.Parallel()
	sb := startJira(t)
	site := sb.ts.URL + jira.JiraCloudGatewayPath
	res := testJira(t, JiraTarget{SiteURL: site, Creds: Basic(kernel.DefaultUsername, kernel.DefaultPassword)})
	wiretest.WantChecks(t, res, CheckReachability, CheckAuthentication, CheckUsername)
	wiretest.WantCheck(t, res, CheckUsername, false, `"admin" is not an email address`)

	res = testJira(t, JiraTarget{SiteURL: site, Creds: Basic(jira.JiraSyncAccount, jira.JiraAPIToken), ProjectKey: "SYNC"})
	wiretest.WantSuccess(t, res)
	wiretest.WantCheck(t, res, CheckReachability, true, "HTTP 200 from GET /jira/ex/jira/"+jira.JiraCloudID+"/rest/api/2/serverInfo")
}

// TestJira_AnswersThatAreNotJira checks the details of answers that parse
// but are not Jira's user or permissions.
func TestJira_AnswersThatAreNotJira(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		myself, permissions string
		check, fragment     string
	}{
		"user without identity": {`{"status":"ok"}`, "", CheckAuthentication, `not Jira's user: {"status":"ok"}`},
		"permissions missing":   {`{"name":"u","displayName":"U"}`, `{"status":"ok"}`, CheckPermissions, `not Jira's permissions: {"status":"ok"}`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			stub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				switch r.URL.Path {
				case "/rest/api/2/serverInfo":
					_, _ = w.Write([]byte(`{"baseUrl":"https://jira.example.com","version":"9.12.2","deploymentType":"DataCenter"}`))
				case "/rest/api/2/myself":
					_, _ = w.Write([]byte(tc.myself))
				default:
					_, _ = w.Write([]byte(tc.permissions))
				}
			}))
			t.Cleanup(stub.Close)
			res := testJira(t, JiraTarget{SiteURL: stub.URL, Creds: Basic("u", "p")})
			wiretest.WantCheck(t, res, tc.check, false, tc.fragment)
		})
	}
}
