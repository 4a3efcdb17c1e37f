package contracttest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/contracttest"
)

// aquaChecker returns the test binary's shared checker, which holds aqua's
// document; it skips (or fails, see contracttest.NeedVendorSpecs) without
// the vendor-specs folder.
func aquaChecker(t *testing.T) *contracttest.Checker {
	t.Helper()
	dir := contracttest.NeedVendorSpecs(t)
	c, err := contracttest.Shared()
	if err != nil {
		t.Fatalf("loading the descriptions: %v", err)
	}
	if !c.Describes(contracttest.Aqua) {
		t.Fatalf("aqua is not described although %s holds its document: %v", dir, c.Unchecked()[contracttest.Aqua])
	}
	return c
}

var jsonHeader = http.Header{"Content-Type": {"application/json; charset=utf-8"}}

func aquaExchange(method, path, query, reqBody string, status int, respBody string) contracttest.Exchange {
	ex := contracttest.Exchange{
		Product: contracttest.Aqua, Method: method, Path: path, RawQuery: query,
		RequestHeader: http.Header{"Accept": {"application/json"}, "Authorization": {"Bearer token"}},
		Status:        status, ResponseHeader: jsonHeader.Clone(), ResponseBody: []byte(respBody),
	}
	if reqBody != "" {
		ex.RequestHeader.Set("Content-Type", "application/json")
		ex.RequestBody = []byte(reqBody)
	}
	return ex
}

func tokenExchange(form string, status int, respBody string) contracttest.Exchange {
	return contracttest.Exchange{
		Product: contracttest.Aqua, Method: http.MethodPost, Path: "/api/token",
		RequestHeader: http.Header{"Content-Type": {"application/x-www-form-urlencoded"}},
		RequestBody:   []byte(form),
		Status:        status, ResponseHeader: jsonHeader.Clone(), ResponseBody: []byte(respBody),
	}
}

const aquaUser = `{"Id":5,"UserName":"jdoe","FirstName":"Jane","Surname":"Doe","Fullname":"Jane Doe",` +
	`"Email":"jane.doe@example.com","Phone":null,"Position":"QA","PictureUrl":null,` +
	`"ServerAdministrator":false,"Status":"Activated","Licenses":[{"Code":"JIRASYNC","Type":"Named"}]}`

func TestAqua_DocumentedExchangesPass(t *testing.T) {
	c := aquaChecker(t)
	const token = `{"access_token":"a1","token_type":"bearer","expires_in":899,"refresh_token":"r1"}`
	for name, ex := range map[string]contracttest.Exchange{
		"password grant": tokenExchange("grant_type=password&username=admin&password=sandbox", http.StatusOK, token),
		"refresh grant":  tokenExchange("grant_type=refresh_token&refresh_token=r1", http.StatusOK, token),
		"refused grant":  tokenExchange("grant_type=password&username=admin&password=wrong", http.StatusBadRequest, `{"error":"invalid_grant"}`),
		"create user": aquaExchange(http.MethodPost, "/api/System/User", "sendNotification=false",
			`{"UserName":"jdoe","FirstName":"Jane","Surname":"Doe","Email":"jane.doe@example.com"}`, http.StatusOK, `{"UserId":5}`),
		// ApiUser is allOf ApiUserInfo and a closed part of its own: both
		// parts' members are accepted together.
		"get user": aquaExchange(http.MethodGet, "/api/System/User/5", "includeLicenses=true", "", http.StatusOK, aquaUser),
		"unknown user": aquaExchange(http.MethodGet, "/api/System/User/6", "", "", http.StatusNotFound,
			`{"Message":"The user was not found.","Code":"E404","Type":"NotFound"}`),
	} {
		t.Run(name, func(t *testing.T) {
			checked, vs := violationsOf(t, c, ex)
			if !checked {
				t.Fatal("not checked")
			}
			for _, v := range vs {
				t.Errorf("violation: %s", v)
			}
		})
	}
}

func TestAqua_UndocumentedExchangesAreViolations(t *testing.T) {
	c := aquaChecker(t)
	for name, tc := range map[string]struct {
		ex   contracttest.Exchange
		want string
	}{
		"token without password": {
			ex:   tokenExchange("grant_type=password&username=admin", http.StatusBadRequest, `{"error":"invalid_grant"}`),
			want: "anyOf",
		},
		"token as JSON": {
			ex: func() contracttest.Exchange {
				ex := tokenExchange(`{"grant_type":"password"}`, http.StatusOK, `{}`)
				ex.RequestHeader.Set("Content-Type", "application/json")
				return ex
			}(),
			want: "application/json",
		},
		"token answer without refresh_token": {
			ex:   tokenExchange("grant_type=password&username=admin&password=sandbox", http.StatusOK, `{"access_token":"a1","expires_in":899}`),
			want: `"refresh_token"`,
		},
		"user with LastName for Surname": {
			ex: aquaExchange(http.MethodPost, "/api/System/User", "",
				`{"UserName":"jdoe","FirstName":"Jane","LastName":"Doe"}`, http.StatusOK, `{"UserId":5}`),
			want: `"LastName" is unsupported`,
		},
		"create answered with the user": {
			ex: aquaExchange(http.MethodPost, "/api/System/User", "",
				`{"UserName":"jdoe"}`, http.StatusOK, aquaUser),
			want: "unsupported",
		},
		"user with an unknown member": {
			ex: aquaExchange(http.MethodGet, "/api/System/User/5", "", "", http.StatusOK,
				strings.Replace(aquaUser, `"Id":5`, `"Id":5,"LastName":"Doe"`, 1)),
			want: `"LastName" is unsupported`,
		},
		"error without Code and Type": {
			ex: aquaExchange(http.MethodGet, "/api/System/User/6", "", "", http.StatusNotFound,
				`{"Message":"The user was not found."}`),
			want: `"Code"`,
		},
		"licences of a user": {
			ex:   aquaExchange(http.MethodGet, "/api/System/User/5/License", "", "", http.StatusOK, `[]`),
			want: "describes no such operation",
		},
	} {
		t.Run(name, func(t *testing.T) {
			checked, vs := violationsOf(t, c, tc.ex)
			if !checked {
				t.Fatal("not checked")
			}
			if !strings.Contains(strings.Join(vs, "\n"), tc.want) {
				t.Errorf("violations %q do not mention %s", vs, tc.want)
			}
		})
	}
}

// TestAqua_JiraSyncIsTheProvidersContract: the Jira Sync routes are
// checked against the provider's own contract document, and the legacy
// routes under aqua's /api, which aqua's document does not describe, are
// violations of aqua's document.
func TestAqua_JiraSyncIsTheProvidersContract(t *testing.T) {
	c := aquaChecker(t)
	const definition = `{"Id":4,"Name":"Pilot","AquaProjectId":2,"JiraUrl":"https://acme.atlassian.net","JiraProjectKey":"SYNC",` +
		`"ConfigurationUser":{"Email":"config@acme.example"},"SyncUser":null,"AquaSyncUserId":0,"Enabled":true}`
	for name, tc := range map[string]struct {
		ex   contracttest.Exchange
		want string // "" for no violation
	}{
		"contract list": {ex: aquaExchange(http.MethodGet, "/almsync/aqua-jira-sync/v1/definitions", "", "", http.StatusOK, "["+definition+"]")},
		"contract list of another shape": {
			ex:   aquaExchange(http.MethodGet, "/almsync/aqua-jira-sync/v1/definitions", "", "", http.StatusOK, `{"items":[]}`),
			want: "listSyncDefinitions",
		},
		"legacy route under aqua's /api": {
			ex:   aquaExchange(http.MethodGet, "/api/JiraSync/Definition", "", "", http.StatusOK, "["+definition+"]"),
			want: "describes no such operation",
		},
	} {
		t.Run(name, func(t *testing.T) {
			checked, vs := violationsOf(t, c, tc.ex)
			if !checked {
				t.Fatal("not checked")
			}
			if got := strings.Join(vs, "\n"); (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
				t.Errorf("violations %q, want one mentioning %q", vs, tc.want)
			}
		})
	}
}
