package contracttest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/contracttest"
)

func TestNew_HandWrittenDescriptionsAlwaysLoad(t *testing.T) {
	c := newChecker(t)
	for _, product := range []string{contracttest.Jama, contracttest.Jira, contracttest.Jitterbit} {
		if !c.Describes(product) {
			t.Errorf("%s is not described", product)
		}
	}
	if c.Describes(contracttest.Aqua) {
		t.Error("aqua is described without the vendor-specs folder")
	}
	unchecked := c.Unchecked()
	if got := unchecked[contracttest.Aqua]; got != contracttest.MessageVendorSpecsUnset {
		t.Errorf("aqua unchecked because %q, want %q", got, contracttest.MessageVendorSpecsUnset)
	}
	if _, ok := unchecked[contracttest.Interchange]; !ok {
		t.Error("Interchange is not reported as unchecked")
	}
}

func TestNew_RequiredVendorSpecsMissingFails(t *testing.T) {
	for name, dir := range map[string]string{"unset": "", "no document": t.TempDir()} {
		t.Run(name, func(t *testing.T) {
			_, err := contracttest.New(contracttest.Options{VendorSpecs: dir, RequireVendorSpecs: true})
			if err == nil {
				t.Fatal("New succeeded without aqua's document")
			}
			if !strings.Contains(err.Error(), "ALMSYNC_VENDOR_SPECS") {
				t.Errorf("error %q does not name ALMSYNC_VENDOR_SPECS", err)
			}
		})
	}
}

func TestGoldens_CoverTheDocumentedOperations(t *testing.T) {
	goldens, err := contracttest.Goldens()
	if err != nil {
		t.Fatal(err)
	}
	have := make(map[string]bool)
	for _, g := range goldens {
		have[g.Name()] = true
		if g.Source == "" {
			t.Errorf("%s names no source", g.Name())
		}
	}
	for _, want := range []string{
		"jama/users-current", "jama/users-list-by-username", "jama/users-create", "jama/users-get",
		"jama/users-update", "jama/users-active", "jama/oauth-token",
		"jira/serverinfo", "jira/myself", "jira/mypermissions", "jira/resolution", "jira/resolution-search",
		"jitterbit/login", "jitterbit/login-sso-refused", "jitterbit/project", "jitterbit/project-variables",
		"jitterbit/project-variables-set", "jitterbit/project-deploy",
	} {
		if !have[want] {
			t.Errorf("no golden example %s", want)
		}
	}
}

func TestGoldens_MatchTheirDescriptions(t *testing.T) {
	c := newChecker(t)
	goldens, err := contracttest.Goldens()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range goldens {
		t.Run(g.Name(), func(t *testing.T) {
			ex, err := g.Exchange()
			if err != nil {
				t.Fatal(err)
			}
			checked, vs := violationsOf(t, c, ex)
			if !checked {
				t.Fatal("the golden example was not checked")
			}
			for _, v := range vs {
				t.Errorf("violation: %s", v)
			}
		})
	}
}

// TestCheck_FindsWhatDiffersFromTheDocumentation changes one documented
// detail of a golden example at a time: each change is a violation.
func TestCheck_FindsWhatDiffersFromTheDocumentation(t *testing.T) {
	c := newChecker(t)
	tests := map[string]struct {
		product, operation string
		change             func(t *testing.T, ex *contracttest.Exchange)
		want               string
	}{
		"Jama user without email": {
			product: contracttest.Jama, operation: "users-current",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.ResponseBody = rename(t, ex.ResponseBody, "data", "email", "emailAddress")
			},
			want: `"email"`,
		},
		"Jama list without pageInfo": {
			product: contracttest.Jama, operation: "users-list-by-username",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.ResponseBody = rename(t, ex.ResponseBody, "meta", "pageInfo", "paging")
			},
			want: `"pageInfo"`,
		},
		"Jama create without meta.id": {
			product: contracttest.Jama, operation: "users-create",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.ResponseBody = rename(t, ex.ResponseBody, "meta", "id", "userId")
			},
			want: `"id"`,
		},
		"Jama create answered 200": {
			product: contracttest.Jama, operation: "users-create",
			change: func(t *testing.T, ex *contracttest.Exchange) { ex.Status = http.StatusOK },
			want:   "status is not supported",
		},
		"Jama create with a misspelt member": {
			product: contracttest.Jama, operation: "users-create",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.RequestBody = rename(t, ex.RequestBody, "", "email", "mail")
			},
			want: `"mail"`,
		},
		"Jama update with a password": {
			product: contracttest.Jama, operation: "users-update",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.RequestBody = editJSON(t, ex.RequestBody, func(v map[string]any) { v["password"] = "secret-1" })
			},
			want: `"password" is unsupported`,
		},
		"Jama active with a string": {
			product: contracttest.Jama, operation: "users-active",
			change: func(t *testing.T, ex *contracttest.Exchange) { ex.RequestBody = []byte(`{"active":"false"}`) },
			want:   "/active",
		},
		"Jama token with another grant": {
			product: contracttest.Jama, operation: "oauth-token",
			change: func(t *testing.T, ex *contracttest.Exchange) { ex.RequestBody = []byte("grant_type=password") },
			want:   "grant_type",
		},
		"Jama token without access_token": {
			product: contracttest.Jama, operation: "oauth-token",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.ResponseBody = rename(t, ex.ResponseBody, "", "access_token", "accessToken")
			},
			want: `"access_token"`,
		},
		"Jira myself without emailAddress": {
			product: contracttest.Jira, operation: "myself",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.ResponseBody = rename(t, ex.ResponseBody, "", "emailAddress", "email")
			},
			want: `"emailAddress"`,
		},
		"Jira myself without an account id": {
			product: contracttest.Jira, operation: "myself",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.ResponseBody = rename(t, ex.ResponseBody, "", "accountId", "id")
			},
			want: "accountId",
		},
		"Jira mypermissions without permissions": {
			product: contracttest.Jira, operation: "mypermissions",
			change: func(t *testing.T, ex *contracttest.Exchange) { ex.RawQuery = "projectKey=SYNC" },
			want:   `"permissions"`,
		},
		"Jira permission without havePermission": {
			product: contracttest.Jira, operation: "mypermissions",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.ResponseBody = rename(t, ex.ResponseBody, "permissions.BROWSE_PROJECTS", "havePermission", "granted")
			},
			want: `"havePermission"`,
		},
		"Jira serverInfo with an unknown deployment type": {
			product: contracttest.Jira, operation: "serverinfo",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.ResponseBody = editJSON(t, ex.ResponseBody, func(v map[string]any) { v["deploymentType"] = "OnPremise" })
			},
			want: "deploymentType",
		},
		"Jira resolution page without isLast": {
			product: contracttest.Jira, operation: "resolution-search",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.ResponseBody = rename(t, ex.ResponseBody, "", "isLast", "last")
			},
			want: `"isLast"`,
		},
		"Harmony login without authenticationToken": {
			product: contracttest.Jitterbit, operation: "login",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.ResponseBody = rename(t, ex.ResponseBody, "data", "authenticationToken", "token")
			},
			want: "authenticationToken",
		},
		"Harmony login without orgAttrs": {
			product: contracttest.Jitterbit, operation: "login",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.ResponseBody = rename(t, ex.ResponseBody, "data", "orgAttrs", "orgs")
			},
			want: "orgAttrs",
		},
		"Harmony login without success": {
			product: contracttest.Jitterbit, operation: "login",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.ResponseBody = rename(t, ex.ResponseBody, "", "success", "ok")
			},
			want: `"success"`,
		},
		"Harmony login with the credentials in a body": {
			product: contracttest.Jitterbit, operation: "login",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.RequestHeader.Del("password")
				ex.RequestHeader.Set("Content-Type", "application/json")
				ex.RequestBody = []byte(`{"password":"harmony-password"}`)
			},
			want: `"password"`,
		},
		"Harmony project without projectGuid": {
			product: contracttest.Jitterbit, operation: "project",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.RawQuery = "environmentId=866020"
			},
			want: "projectGuid",
		},
		"Harmony project without the organizationId header": {
			product: contracttest.Jitterbit, operation: "project",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.RequestHeader.Del("organizationId")
			},
			want: "organizationId",
		},
		"Harmony project as a list": {
			product: contracttest.Jitterbit, operation: "project",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.ResponseBody = editJSON(t, ex.ResponseBody, func(v map[string]any) {
					data := v["data"].(map[string]any)
					data["projects"] = []any{data["projects"]}
				})
			},
			want: "projects",
		},
		"Harmony variables without environmentId": {
			product: contracttest.Jitterbit, operation: "project-variables",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.RawQuery = "projectGuid=db54a73c-c58d-45c1-8222-4b2d2ebef2e2"
			},
			want: "environmentId",
		},
		"Harmony variable without its name": {
			product: contracttest.Jitterbit, operation: "project-variables",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.ResponseBody = editJSON(t, ex.ResponseBody, func(v map[string]any) {
					detail := v["data"].(map[string]any)["projectVariableDetail"].([]any)
					delete(detail[0].(map[string]any), "projectVariableName")
				})
			},
			want: "projectVariableName",
		},
		"Harmony variable set without its id": {
			product: contracttest.Jitterbit, operation: "project-variables-set",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.RequestBody = []byte(`{"projectVariableValue":"x"}`)
			},
			want: "projectVariableId",
		},
		"Harmony variable set by name": {
			product: contracttest.Jitterbit, operation: "project-variables-set",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.RequestBody = []byte(`{"projectVariableId":"41207","projectVariableName":"TestVar1"}`)
			},
			want: "projectVariableName",
		},
		"Harmony deploy without its project": {
			product: contracttest.Jitterbit, operation: "project-deploy",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.RequestBody = []byte(`{}`)
			},
			want: "projectGuid",
		},
		"Harmony deploy to a named environment": {
			product: contracttest.Jitterbit, operation: "project-deploy",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.RequestBody = []byte(`{"projectGuid":"9a87b6c5-a1b2-34c5-6d7e-123456a7b89c","environmentId":"866020"}`)
			},
			want: "environmentId",
		},
		"Harmony refusal without its error": {
			product: contracttest.Jitterbit, operation: "login-sso-refused",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.ResponseBody = rename(t, ex.ResponseBody, "", "error", "problem")
			},
			want: "error",
		},
		"Jama path nobody documents": {
			product: contracttest.Jama, operation: "users-get",
			change: func(t *testing.T, ex *contracttest.Exchange) { ex.Path = "/rest/v1/people/58" },
			want:   "describes no such operation",
		},
		"Jama method nobody documents": {
			product: contracttest.Jama, operation: "users-get",
			change: func(t *testing.T, ex *contracttest.Exchange) { ex.Method = http.MethodDelete },
			want:   "describes no such operation",
		},
		"Harmony list of projects": {
			product: contracttest.Jitterbit, operation: "login",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.Method, ex.Path = http.MethodGet, "/projects"
			},
			want: "describes no such operation",
		},
		"Harmony's former JSM connection route": {
			product: contracttest.Jitterbit, operation: "login",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.Path = "/connections/jira-service-management"
			},
			want: "describes no such operation",
		},
		"Harmony stage before a route nobody documents": {
			product: contracttest.Jitterbit, operation: "login",
			change: func(t *testing.T, ex *contracttest.Exchange) {
				ex.Method, ex.Path = http.MethodGet, "/dev/projects"
			},
			want: "describes no such operation",
		},
		"Jira status nobody documents": {
			product: contracttest.Jira, operation: "myself",
			change: func(t *testing.T, ex *contracttest.Exchange) { ex.Status = http.StatusTeapot },
			want:   "status is not supported",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, ex := golden(t, tc.product, tc.operation)
			tc.change(t, &ex)
			checked, vs := violationsOf(t, c, ex)
			if !checked {
				t.Fatal("the exchange was not checked")
			}
			if len(vs) == 0 {
				t.Fatalf("no violation, want one mentioning %s", tc.want)
			}
			if !strings.Contains(strings.Join(vs, "\n"), tc.want) {
				t.Errorf("violations %q do not mention %s", vs, tc.want)
			}
		})
	}
}

func TestCheck_ViolationNamesTheOperation(t *testing.T) {
	c := newChecker(t)
	_, ex := golden(t, contracttest.Jama, "users-get")
	ex.ResponseBody = rename(t, ex.ResponseBody, "data", "email", "mail")
	_, vs := c.Check(t.Context(), ex)
	if len(vs) != 1 {
		t.Fatalf("got %d violations, want 1: %v", len(vs), vs)
	}
	v := vs[0]
	if v.Product != contracttest.Jama || v.Operation != "getUser" || v.Status != http.StatusOK || v.Path != "/rest/v1/users/58" {
		t.Errorf("violation %+v does not name jama getUser 200 /rest/v1/users/58", v)
	}
	if s := v.String(); !strings.Contains(s, "(getUser) -> 200: response") {
		t.Errorf("String() = %q", s)
	}
}

func TestCheck_JiraSitePrefixesAreRemoved(t *testing.T) {
	c := newChecker(t)
	for _, site := range []string{"/server", "/datacenter", "/ex/jira/4f2c9a1e-7b3d-4e8a-9c5f-0d6e1a2b3c4d"} {
		_, ex := golden(t, contracttest.Jira, "myself")
		ex.Path = site + ex.Path
		checked, vs := violationsOf(t, c, ex)
		if !checked || len(vs) != 0 {
			t.Errorf("%s: checked=%v violations=%v, want a clean check", site, checked, vs)
		}
		ex.ResponseBody = rename(t, ex.ResponseBody, "", "emailAddress", "email")
		if _, vs := violationsOf(t, c, ex); len(vs) == 0 {
			t.Errorf("%s: a myself without emailAddress passed", site)
		}
	}
}

func TestCheck_ContractPrefixesAreNotChecked(t *testing.T) {
	c := newChecker(t)
	for _, ex := range []contracttest.Exchange{
		{Product: contracttest.Interchange, Method: http.MethodPost, Path: "/rest/oauth/token", Status: http.StatusOK},
		{Product: contracttest.Aqua, Method: http.MethodGet, Path: "/api/Session", Status: http.StatusOK},
	} {
		if checked, vs := c.Check(t.Context(), ex); checked || len(vs) != 0 {
			t.Errorf("%s %s %s: checked=%v violations=%v, want it left out", ex.Product, ex.Method, ex.Path, checked, vs)
		}
	}
}

func TestCheck_ContractPrefixesAreAParameter(t *testing.T) {
	c, err := contracttest.New(contracttest.Options{ContractPrefixes: map[string][]string{
		contracttest.Jama: {"/rest/v1/bridge/"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	moved := contracttest.Exchange{Product: contracttest.Jama, Method: http.MethodGet, Path: "/rest/v1/bridge/jira-connections", Status: http.StatusOK}
	if checked, _ := c.Check(t.Context(), moved); checked {
		t.Error("the configured contract prefix was checked")
	}
	old := contracttest.Exchange{Product: contracttest.Jama, Method: http.MethodGet, Path: "/rest/v1/jiraconnector/connections", Status: http.StatusOK}
	if checked, vs := c.Check(t.Context(), old); !checked || len(vs) == 0 {
		t.Errorf("the former contract prefix is no longer a contract but passed: checked=%v %v", checked, vs)
	}
}

func TestCheck_UndocumentedRateLimitsAndServerFailuresAreLeftOut(t *testing.T) {
	c := newChecker(t)
	for _, status := range []int{http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusServiceUnavailable} {
		_, ex := golden(t, contracttest.Jama, "users-get")
		ex.Status, ex.ResponseBody = status, []byte("<html>busy</html>")
		ex.ResponseHeader = http.Header{"Content-Type": {"text/html"}}
		if checked, vs := violationsOf(t, c, ex); !checked || len(vs) != 0 {
			t.Errorf("%d: checked=%v violations=%v, want the request checked and the answer left out", status, checked, vs)
		}
	}
}

func TestCheck_RequestWithoutAnswerChecksTheRequest(t *testing.T) {
	c := newChecker(t)
	_, ex := golden(t, contracttest.Jama, "users-create")
	ex.Status, ex.ResponseBody = 0, nil
	if _, vs := violationsOf(t, c, ex); len(vs) != 0 {
		t.Errorf("violations %v for a documented request", vs)
	}
	ex.RequestBody = rename(t, ex.RequestBody, "", "licenseType", "license")
	if _, vs := violationsOf(t, c, ex); len(vs) == 0 {
		t.Error("a request without licenseType passed")
	}
}

func TestCheck_UnknownProductIsAViolation(t *testing.T) {
	c := newChecker(t)
	checked, vs := c.Check(t.Context(), contracttest.Exchange{Product: "polarion", Method: http.MethodGet, Path: "/", Status: http.StatusOK})
	if !checked || len(vs) != 1 || !strings.Contains(vs[0].Message, "polarion") {
		t.Errorf("checked=%v violations=%v, want one naming polarion", checked, vs)
	}
}

// Jama's and Interchange's contracts have left their legacy routes: the
// former JIRA Connector route is judged by Jama's own description (which
// has no such operation), and Interchange's contract routes are checked
// against their document while its other routes stay unchecked.
func TestCheck_JamaAndInterchangeContractsAreChecked(t *testing.T) {
	c := newChecker(t)
	legacy := contracttest.Exchange{Product: contracttest.Jama, Method: http.MethodGet, Path: "/rest/v1/jiraconnector/connections", Status: http.StatusOK}
	if checked, vs := c.Check(t.Context(), legacy); !checked || len(vs) == 0 {
		t.Errorf("the legacy JIRA Connector route passed: checked=%v %v", checked, vs)
	}
	wrong := contracttest.Exchange{Product: contracttest.Interchange, Method: http.MethodGet, Path: "/almsync/interchange-connectors/v1/connectors",
		Status: http.StatusOK, ResponseHeader: http.Header{"Content-Type": {"application/json"}}, ResponseBody: []byte(`{"data": []}`)}
	if checked, vs := c.Check(t.Context(), wrong); !checked || len(vs) == 0 {
		t.Errorf("a connector list without meta passed: checked=%v %v", checked, vs)
	}
	legacyInterchange := contracttest.Exchange{Product: contracttest.Interchange, Method: http.MethodGet, Path: "/rest/v1/connectors", Status: http.StatusOK}
	if checked, _ := c.Check(t.Context(), legacyInterchange); checked {
		t.Error("an Interchange route outside the contract was checked; Interchange publishes no API to check it against")
	}
}

// TestCheck_HarmonyIsDocumentedOrTheContract: every Jitterbit exchange is
// checked, the documented ones against Harmony's reference (with or
// without the API stage of the base URL), the JSM connection contract's
// against its own document; no Jitterbit path is left unchecked.
func TestCheck_HarmonyIsDocumentedOrTheContract(t *testing.T) {
	c := newChecker(t)
	for _, stage := range []string{"", "/dev", "/qa", "/api"} {
		_, ex := golden(t, contracttest.Jitterbit, "login")
		ex.Path = stage + ex.Path
		if checked, vs := violationsOf(t, c, ex); !checked || len(vs) != 0 {
			t.Errorf("login below %q: checked=%v violations=%v, want a clean check", stage, checked, vs)
		}
	}
	discovery := func(path, body string) contracttest.Exchange {
		return contracttest.Exchange{Product: contracttest.Jitterbit, Method: http.MethodGet, Path: path,
			RequestHeader: http.Header{"Accept": {"application/json"}}, Status: http.StatusOK,
			ResponseHeader: http.Header{"Content-Type": {"application/json"}}, ResponseBody: []byte(body)}
	}
	const served = `{"success":true,"uri":"https://harmony-api.na-east.jitterbit.com/dev/almsync/jitterbit-jsm-connections/v1/contract",` +
		`"data":{"name":"jitterbit-jsm-connections","version":"1.0.0"}}`
	for _, path := range []string{"/almsync/jitterbit-jsm-connections/v1/contract", "/dev/almsync/jitterbit-jsm-connections/v1/contract"} {
		if checked, vs := violationsOf(t, c, discovery(path, served)); !checked || len(vs) != 0 {
			t.Errorf("%s without credentials: checked=%v violations=%v, want a clean check", path, checked, vs)
		}
	}
	bare := discovery("/almsync/jitterbit-jsm-connections/v1/contract", `{"name":"jitterbit-jsm-connections","version":"1.0.0"}`)
	if checked, vs := violationsOf(t, c, bare); !checked || len(vs) == 0 {
		t.Errorf("a discovery outside Harmony's envelope: checked=%v violations=%v, want a violation", checked, vs)
	}
	list := contracttest.Exchange{Product: contracttest.Jitterbit, Method: http.MethodGet,
		Path: "/almsync/jitterbit-jsm-connections/v1/connections", RawQuery: "page=1&pageSize=100",
		RequestHeader: http.Header{"Authtoken": {"t"}, "Organizationid": {"100"}}}
	if checked, vs := violationsOf(t, c, list); !checked || !strings.Contains(strings.Join(vs, "\n"), "environmentId") {
		t.Errorf("a list without environmentId: checked=%v violations=%v, want one naming environmentId", checked, vs)
	}
	if _, legacy := contracttest.DefaultContractPrefixes()[contracttest.Jitterbit]; legacy {
		t.Error("Jitterbit still has a legacy contract prefix left unchecked")
	}
}
