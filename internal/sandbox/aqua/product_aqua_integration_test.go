package aqua_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/aqua"
	sandboxjira "github.com/almsync/terraform-provider-almsync/internal/sandbox/jira"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/sandboxtest"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// TestIntegrationVerify: aqua's Verify reaches the sandbox's Jira with the
// account of the body and answers IsSuccess; a login Jira refuses, a Jira
// that is not there, or a body without credentials is IsSuccess false; a
// body aqua cannot read is a 400. When the test ends, sandboxtest checks
// every exchange against aqua's OpenAPI document.
func TestIntegrationVerify(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.Start(t)
	jiraURL := sb.ProductURL("jira")
	jira := func(base, user, password string) map[string]any {
		return map[string]any{"IntegrationType": "JIRA", "APIBaseURL": base, "APIUser": user, "APIPassword": password}
	}
	cases := map[string]struct {
		body map[string]any
		want bool
	}{
		"configuration user":          {body: jira(jiraURL, sandboxjira.JiraSyncAccount, sandboxjira.JiraAPIToken), want: true},
		"user lacking a permission":   {body: jira(jiraURL, sandboxjira.JiraLimitedAccount, sandboxjira.JiraAPIToken), want: true},
		"wrong API token":             {body: jira(jiraURL, sandboxjira.JiraSyncAccount, "wrong-token"), want: false},
		"cloud username not an email": {body: jira(jiraURL, "admin", "sandbox"), want: false},
		"no jira there":               {body: jira(sb.URL+"/nowhere", sandboxjira.JiraSyncAccount, sandboxjira.JiraAPIToken), want: false},
		"not a URL":                   {body: jira("acme", sandboxjira.JiraSyncAccount, sandboxjira.JiraAPIToken), want: false},
		"no credentials":              {body: map[string]any{"IntegrationType": "JIRA", "APIBaseURL": jiraURL, "APIUser": nil, "APIPassword": nil}, want: false},
		"otrs":                        {body: map[string]any{"IntegrationType": "OTRS"}, want: false},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var got struct {
				IsSuccess *bool `json:"IsSuccess"`
			}
			if err := json.Unmarshal(sb.AquaCall(t, http.StatusOK, http.MethodPost, "/api/Integration/Verify", tc.body), &got); err != nil || got.IsSuccess == nil {
				t.Fatalf("answer is not ApiIntegrationVerifyResponse: %v", err)
			}
			if *got.IsSuccess != tc.want {
				t.Errorf("IsSuccess = %t, want %t", *got.IsSuccess, tc.want)
			}
		})
	}
}

// TestIntegrationVerify_RefusesABodyWithoutIntegrationType: the
// discriminator is required, as aqua's document says. (A sandbox that does
// not record: the request breaks aqua's document on purpose.)
func TestIntegrationVerify_RefusesABodyWithoutIntegrationType(t *testing.T) {
	t.Parallel()
	_, ts := wiretest.Serve(t, kernel.Options{}, aqua.New(), sandboxjira.New())
	form := url.Values{"grant_type": {"password"}, "username": {kernel.DefaultUsername}, "password": {kernel.DefaultPassword}}
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/aqua/api/token", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	tok := wiretest.Decode[struct {
		AccessToken string `json:"access_token"`
	}](t, wiretest.Send(t, ts, req))
	for _, body := range []map[string]any{{"APIBaseURL": ts.URL + "/jira"}, {"IntegrationType": "SAP"}} {
		r := wiretest.Call(t, ts, wiretest.Bearer(tok.AccessToken), http.MethodPost, "/aqua/api/Integration/Verify", body)
		wiretest.WantStatus(t, r, http.StatusBadRequest)
		if !strings.Contains(string(r.Body), `"ArgumentError"`) || !strings.Contains(string(r.Body), "IntegrationType") {
			t.Errorf("%v: answer is not an ArgumentError naming IntegrationType: %s", body, r.Body)
		}
	}
}

// TestIntegrationVerify_NeedsAToken: Verify is refused without a bearer
// token, as every aqua route.
func TestIntegrationVerify_NeedsAToken(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.Start(t)
	status, _ := sb.Call(t, http.MethodPost, "/aqua/api/Integration/Verify", map[string]any{"IntegrationType": "JIRA"})
	if status != http.StatusUnauthorized {
		t.Errorf("status = %d, want 401", status)
	}
}
