package contracttest_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/contracttest"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/sandboxtest"
)

// sandboxCall sends a golden request to the sandbox, under site (a prefix
// below the product's, e.g. "/server" for Jira Server), with the sandbox's
// credentials, and returns the exchange.
func sandboxCall(t *testing.T, sb *sandboxtest.Sandbox, g contracttest.Golden, site string, edit func(ex *contracttest.Exchange)) contracttest.Exchange {
	t.Helper()
	ex, err := g.Exchange()
	if err != nil {
		t.Fatal(err)
	}
	ex.Path = site + ex.Path
	switch {
	case g.Product == contracttest.Jama && g.Operation == "oauth-token":
		setBasic(ex.RequestHeader, sandboxtest.SandboxClientID, sandboxtest.SandboxSecret)
	case g.Product == contracttest.Jama:
		setBasic(ex.RequestHeader, sandboxtest.SandboxUser, sandboxtest.SandboxPassword)
	case g.Product == contracttest.Jira:
		setBasic(ex.RequestHeader, "sync@example.com", "sandbox-token")
	case g.Product == contracttest.Jitterbit && g.Operation == "login":
		ex.RequestHeader.Set("username", sandboxtest.SandboxUser)
		ex.RequestHeader.Set("password", sandboxtest.SandboxPassword)
	}
	if edit != nil {
		edit(&ex)
	}
	u := sb.ProductURL(g.Product) + ex.Path
	if ex.RawQuery != "" {
		u += "?" + ex.RawQuery
	}
	req, err := http.NewRequestWithContext(t.Context(), ex.Method, u, bytes.NewReader(ex.RequestBody))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = ex.RequestHeader.Clone()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", g.Name(), err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	ex.Status, ex.ResponseHeader, ex.ResponseBody = resp.StatusCode, resp.Header, body
	return ex
}

func setBasic(h http.Header, user, password string) {
	r := &http.Request{Header: h}
	r.SetBasicAuth(user, password)
}

// checkSandboxAnswer holds the sandbox's answer to a golden request
// against the description and the documented status.
func checkSandboxAnswer(t *testing.T, c *contracttest.Checker, g contracttest.Golden, ex contracttest.Exchange) {
	t.Helper()
	if ex.Status != g.Response.Status {
		t.Errorf("%s %s: the sandbox answered %d (%s), the documentation %d", g.Name(), ex.Path, ex.Status, ex.ResponseBody, g.Response.Status)
	}
	checked, vs := violationsOf(t, c, ex)
	if !checked {
		t.Errorf("%s: not checked", g.Name())
	}
	for _, v := range vs {
		t.Errorf("%s: the sandbox's answer differs from the description: %s", g.Name(), v)
	}
}

func TestSandbox_AnswersJamaGoldenRequestsAsDocumented(t *testing.T) {
	c := newChecker(t)
	sb := sandboxtest.Start(t)
	call := func(operation string, edit func(ex *contracttest.Exchange)) contracttest.Exchange {
		g := mustGolden(t, contracttest.Jama, operation)
		ex := sandboxCall(t, sb, g, "", edit)
		checkSandboxAnswer(t, c, g, ex)
		return ex
	}
	call("oauth-token", nil)
	call("users-current", nil)

	created := call("users-create", nil)
	var answer struct {
		Meta struct {
			ID int64 `json:"id"`
		} `json:"meta"`
	}
	if err := json.Unmarshal(created.ResponseBody, &answer); err != nil || answer.Meta.ID == 0 {
		t.Fatalf("the sandbox's create answer has no meta.id: %s", created.ResponseBody)
	}
	// The documented examples name user 58; the sandbox's new user has its
	// own id.
	userPath := func(ex *contracttest.Exchange) {
		ex.Path = strings.Replace(ex.Path, "/users/58", "/users/"+strconv.FormatInt(answer.Meta.ID, 10), 1)
	}
	call("users-list-by-username", func(ex *contracttest.Exchange) {
		q, _ := url.ParseQuery(ex.RawQuery)
		q.Set("username", "akim")
		ex.RawQuery = q.Encode()
	})
	call("users-get", userPath)
	call("users-update", userPath)
	call("users-active", userPath)
}

func TestSandbox_AnswersJiraGoldenRequestsAsDocumented(t *testing.T) {
	c := newChecker(t)
	sb := sandboxtest.Start(t)
	for _, site := range []string{"", "/server", "/datacenter"} {
		for _, operation := range []string{"serverinfo", "myself", "mypermissions", "resolution", "resolution-search"} {
			if operation == "resolution-search" && site != "" {
				continue // Jira Cloud's paged search; Server and Data Center have only the list
			}
			g := mustGolden(t, contracttest.Jira, operation)
			checkSandboxAnswer(t, c, g, sandboxCall(t, sb, g, site, nil))
		}
	}
}

func TestSandbox_AnswersJitterbitGoldenRequestsAsDocumented(t *testing.T) {
	c := newChecker(t)
	sb := sandboxtest.Start(t)
	g := mustGolden(t, contracttest.Jitterbit, "login")
	login := sandboxCall(t, sb, g, "", nil)
	checkSandboxAnswer(t, c, g, login)
	var answer struct {
		Data struct {
			AuthenticationToken string `json:"authenticationToken"`
			DefaultOrgID        string `json:"defaultOrgId"`
		} `json:"data"`
	}
	if err := json.Unmarshal(login.ResponseBody, &answer); err != nil || answer.Data.AuthenticationToken == "" {
		t.Fatalf("the sandbox's login answer has no token: %s", login.ResponseBody)
	}
	// The documented examples name their own environment, project and
	// variable; the sandbox's seeds stand in for them.
	session := func(query string) func(ex *contracttest.Exchange) {
		return func(ex *contracttest.Exchange) {
			ex.RequestHeader.Set("authToken", answer.Data.AuthenticationToken)
			ex.RequestHeader.Set("organizationId", answer.Data.DefaultOrgID)
			if query != "" {
				ex.RawQuery = query
			}
		}
	}
	seeded := "environmentId=201&projectGuid=9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
	for _, operation := range []string{"project", "project-variables"} {
		g := mustGolden(t, contracttest.Jitterbit, operation)
		checkSandboxAnswer(t, c, g, sandboxCall(t, sb, g, "", session(seeded)))
	}
	set := mustGolden(t, contracttest.Jitterbit, "project-variables-set")
	checkSandboxAnswer(t, c, set, sandboxCall(t, sb, set, "", func(ex *contracttest.Exchange) {
		session("")(ex)
		ex.RequestBody = bytes.Replace(ex.RequestBody, []byte(`"41207"`), []byte(`"5001"`), 1)
	}))
	deploy := mustGolden(t, contracttest.Jitterbit, "project-deploy")
	checkSandboxAnswer(t, c, deploy, sandboxCall(t, sb, deploy, "", func(ex *contracttest.Exchange) {
		session("")(ex)
		ex.RequestBody = bytes.Replace(ex.RequestBody, []byte("9a87b6c5-a1b2-34c5-6d7e-123456a7b89c"), []byte("9a87b6c5-a1b2-34c5-6d7e-123456a7b001"), 1)
	}))
	sso := mustGolden(t, contracttest.Jitterbit, "login-sso-refused")
	refused := sandboxCall(t, sb, sso, "", func(ex *contracttest.Exchange) {
		ex.RequestHeader.Set("username", "sso-admin")
		ex.RequestHeader.Set("password", sandboxtest.SandboxPassword)
	})
	checkSandboxAnswer(t, c, sso, refused)
	if !bytes.Contains(refused.ResponseBody, []byte(`"success":false`)) || !bytes.Contains(refused.ResponseBody, []byte("SSO")) {
		t.Errorf("the sandbox's SSO refusal is %s", refused.ResponseBody)
	}
}
