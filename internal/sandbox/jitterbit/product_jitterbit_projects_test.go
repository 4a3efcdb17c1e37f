package jitterbit

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

const (
	projectURL          = "/jitterbit/project"
	projectVariablesURL = "/jitterbit/project-variables"
)

// projectQueryOf is the query of GET /project and GET /project-variables.
func projectQueryOf(env, guid string) string {
	return "?" + url.Values{"environmentId": {env}, "projectGuid": {guid}}.Encode()
}

func TestJitterbitGetProject(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	auth := asJitterbit(t, ts)

	got := wantJitterbitData[projectData](t, wiretest.Call(t, ts, auth, http.MethodGet,
		projectURL+projectQueryOf(seedEnvProduction, seedProjectJSM), nil), http.StatusOK).Projects
	if got.GUID != seedProjectJSM || got.Name != "JSM Integration" || got.ProjectID != 1001 ||
		got.Description == nil || *got.Description != "Jira Service Management integration" {
		t.Errorf("project = %+v", got)
	}
	var envs [][2]string
	for _, e := range got.Environments {
		envs = append(envs, [2]string{e.EnvID, e.EnvName})
		if e.OrgID != jitterbitOrgID {
			t.Errorf("environment %s orgId = %q", e.EnvID, e.OrgID)
		}
	}
	if want := [][2]string{{"201", "Development"}, {"202", "Production"}}; !reflect.DeepEqual(envs, want) {
		t.Errorf("environments = %v, want %v", envs, want)
	}

	sd := wantJitterbitData[projectData](t, wiretest.Call(t, ts, auth, http.MethodGet,
		projectURL+projectQueryOf(seedEnvDevelopment, seedProjectSD), nil), http.StatusOK).Projects
	if sd.Name != "Service Desk Sync" || sd.ProjectID != 1002 || sd.Description != nil || len(sd.Environments) != 1 {
		t.Errorf("Service Desk Sync = %+v, want a null description and one environment", sd)
	}
	r := wiretest.Call(t, ts, auth, http.MethodGet, projectURL+projectQueryOf(seedEnvDevelopment, seedProjectSD), nil)
	if want := `"description":null`; !strings.Contains(string(r.Body), want) {
		t.Errorf("answer %s lacks %s", r.Body, want)
	}
}

func TestJitterbitGetProjectRefusals(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	auth := asJitterbit(t, ts)
	tests := []struct {
		name, query string
		status      int
		code        string
		fragments   []string
	}{
		{"no environmentId", "?projectGuid=" + seedProjectJSM, http.StatusBadRequest, "BAD_REQUEST", []string{"environmentId is required"}},
		{"no projectGuid", "?environmentId=201", http.StatusBadRequest, "BAD_REQUEST", []string{"projectGuid is required"}},
		{"no query", "", http.StatusBadRequest, "BAD_REQUEST", []string{"environmentId is required"}},
		{"unknown environment", projectQueryOf("299", seedProjectJSM), http.StatusNotFound, "NOT_FOUND", []string{"environment 299 not found"}},
		{"unknown project", projectQueryOf("201", testUnknownGUID), http.StatusNotFound, "NOT_FOUND",
			[]string{"project " + testUnknownGUID + " not found in environment 201 (Development)"}},
		{"project not in the environment", projectQueryOf("202", seedProjectSD), http.StatusNotFound, "NOT_FOUND",
			[]string{"project " + seedProjectSD + " not found in environment 202 (Production)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, path := range []string{projectURL, projectVariablesURL} {
				wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodGet, path+tc.query, nil), tc.status, tc.code, tc.fragments...)
			}
		})
	}
	// GET /project needs the organizationId header; the variables, for
	// which the reference names none, do not.
	token := jitterbitToken(t, ts)
	wantJitterbitError(t, wiretest.Call(t, ts, jitterbitSession(token, ""), http.MethodGet,
		projectURL+projectQueryOf("201", seedProjectJSM), nil), http.StatusForbidden, jitterbitCodeOrgForbidden, "organizationId header is required")
	wantJitterbitData[projectVariablesData](t, wiretest.Call(t, ts, jitterbitSession(token, ""), http.MethodGet,
		projectVariablesURL+projectQueryOf("201", seedProjectJSM), nil), http.StatusOK)
	wantJitterbitError(t, wiretest.Call(t, ts, jitterbitSession(token, "200"), http.MethodGet,
		projectVariablesURL+projectQueryOf("201", seedProjectJSM), nil), http.StatusForbidden, jitterbitCodeOrgForbidden, `"200"`)
	wantJitterbitError(t, wiretest.Call(t, ts, jitterbitSession("", jitterbitOrgID), http.MethodPut,
		projectVariablesURL, map[string]any{"projectVariableId": "5001"}), http.StatusUnauthorized, jitterbitCodeTokenMissing)
}

// variableSummary is what the tests compare of a variable: id, name,
// value ("<null>" for null), hidden, description.
func variableSummary(v projectVariableWire) [5]string {
	value, desc := "<null>", "<null>"
	if v.ProjectVariableValue != nil {
		value = *v.ProjectVariableValue
	}
	if v.ProjectVariableDescription != nil {
		desc = *v.ProjectVariableDescription
	}
	hidden := "shown"
	if v.ProjectVariableHideValue {
		hidden = "hidden"
	}
	return [5]string{v.ProjectVariableID, v.ProjectVariableName, value, hidden, desc}
}

func listVariables(t *testing.T, ts *httptest.Server, auth wiretest.AuthFunc, env, guid string) [][5]string {
	t.Helper()
	data := wantJitterbitData[projectVariablesData](t, wiretest.Call(t, ts, auth, http.MethodGet,
		projectVariablesURL+projectQueryOf(env, guid), nil), http.StatusOK)
	out := [][5]string{}
	for _, v := range data.ProjectVariableDetail {
		out = append(out, variableSummary(v))
	}
	return out
}

func TestJitterbitProjectVariablesSeeded(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	auth := asJitterbit(t, ts)
	tests := []struct {
		env, guid string
		want      [][5]string
	}{
		{seedEnvDevelopment, seedProjectJSM, [][5]string{
			{"5001", "jsm_url", "https://acme-dev.atlassian.net", "shown", "Jira Service Management site URL"},
			{"5002", "jsm_user", "jsm-dev@example.com", "shown", "Jira Service Management user"},
			{"5003", "jsm_api_token", "<null>", "hidden", "Jira Service Management API token"},
		}},
		{seedEnvProduction, seedProjectJSM, [][5]string{
			{"5011", "jsm_url", "https://acme.atlassian.net", "shown", "Jira Service Management site URL"},
			{"5012", "jsm_user", "jsm@example.com", "shown", "Jira Service Management user"},
			{"5013", "jsm_api_token", "<null>", "hidden", "Jira Service Management API token"},
		}},
		{seedEnvDevelopment, seedProjectSD, [][5]string{
			{"5021", "sd_url", "https://servicedesk-dev.atlassian.net", "shown", "Service desk site URL"},
		}},
	}
	for _, tc := range tests {
		if got := listVariables(t, ts, auth, tc.env, tc.guid); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("variables of %s in %s = %v\nwant %v", tc.guid, tc.env, got, tc.want)
		}
	}
	data := wantJitterbitData[projectVariablesData](t, wiretest.Call(t, ts, auth, http.MethodGet,
		projectVariablesURL+projectQueryOf(seedEnvDevelopment, seedProjectSD), nil), http.StatusOK)
	v := data.ProjectVariableDetail[0]
	if v.ProjectVariableEnvironmentID != "201" || v.ProjectVariableProjectID != "1002" || v.ProjectVariableOrganizationID != "100" ||
		v.ProjectVariableLabel != "sd_url" || v.GUID == "" || v.CreatedOn != seedTime {
		t.Errorf("variable = %+v", v)
	}
}

func TestJitterbitSetProjectVariable(t *testing.T) {
	srv, ts := newTestServer(t, kernel.Options{StatePath: filepath.Join(t.TempDir(), "state.json")})
	auth := asJitterbit(t, ts)
	at := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	srv.SetClock(func() time.Time { return at })
	defer srv.SetClock(time.Now)

	// The documented body, the id as a string; the answer has no data.
	r := wiretest.Call(t, ts, auth, http.MethodPut, projectVariablesURL, map[string]any{
		"projectVariableId": "5001", "projectVariableValue": "https://acme-new.atlassian.net",
		"projectVariableDescription": "new site", "projectVariableHideValue": false,
	})
	env := jitterbitEnvelope[map[string]any](t, r)
	if r.Status != http.StatusOK || !env.Success || env.Data != nil || env.Error != nil {
		t.Errorf("set: HTTP %d %s, want success without data", r.Status, r.Body)
	}
	// The id as an integer; a member left out keeps its value.
	wiretest.WantStatus(t, wiretest.Call(t, ts, auth, http.MethodPut, projectVariablesURL,
		map[string]any{"projectVariableId": 5003, "projectVariableValue": "s3cret"}), http.StatusOK)
	// A variable can be hidden and shown again.
	wiretest.WantStatus(t, wiretest.Call(t, ts, auth, http.MethodPut, projectVariablesURL,
		map[string]any{"projectVariableId": "5002", "projectVariableHideValue": true}), http.StatusOK)

	want := [][5]string{
		{"5001", "jsm_url", "https://acme-new.atlassian.net", "shown", "new site"},
		{"5002", "jsm_user", "<null>", "hidden", "Jira Service Management user"},
		{"5003", "jsm_api_token", "<null>", "hidden", "Jira Service Management API token"},
	}
	if got := listVariables(t, ts, auth, seedEnvDevelopment, seedProjectJSM); !reflect.DeepEqual(got, want) {
		t.Errorf("after set = %v\nwant %v", got, want)
	}
	data := wantJitterbitData[projectVariablesData](t, wiretest.Call(t, ts, auth, http.MethodGet,
		projectVariablesURL+projectQueryOf(seedEnvDevelopment, seedProjectJSM), nil), http.StatusOK)
	if got := data.ProjectVariableDetail[0].LastUpdatedOn; got != at.UnixMilli() {
		t.Errorf("lastUpdatedOn = %d, want the server clock %d", got, at.UnixMilli())
	}
	// The hidden value is stored, never answered.
	p := productOf(t, srv)
	var stored string
	p.state.Read(func(s *jitterbitState) { stored = s.ProjectVariables[2].Value })
	if stored != "s3cret" {
		t.Errorf("stored hidden value = %q", stored)
	}
	wiretest.WantStatus(t, wiretest.Call(t, ts, auth, http.MethodPut, projectVariablesURL,
		map[string]any{"projectVariableId": "5002", "projectVariableHideValue": false}), http.StatusOK)
	if got := listVariables(t, ts, auth, seedEnvDevelopment, seedProjectJSM)[1][2]; got != "jsm-dev@example.com" {
		t.Errorf("shown again: value %q", got)
	}
	// Other environments are untouched.
	if got := listVariables(t, ts, auth, seedEnvProduction, seedProjectJSM)[0][2]; got != "https://acme.atlassian.net" {
		t.Errorf("production jsm_url = %q", got)
	}
}

func TestJitterbitSetProjectVariableRefusals(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	auth := asJitterbit(t, ts)
	tests := []struct {
		name      string
		body      any
		status    int
		code      string
		fragments []string
	}{
		{"unknown id", map[string]any{"projectVariableId": "9999", "projectVariableValue": "x"}, http.StatusNotFound, "NOT_FOUND",
			[]string{"project variable 9999 not found"}},
		{"no id", map[string]any{"projectVariableName": "new_var", "projectVariableValue": "x"}, http.StatusBadRequest, "BAD_REQUEST",
			[]string{"projectVariableName"}},
		{"missing id", map[string]any{"projectVariableValue": "x"}, http.StatusBadRequest, "BAD_REQUEST", []string{"projectVariableId is required"}},
		{"empty id", map[string]any{"projectVariableId": ""}, http.StatusBadRequest, "BAD_REQUEST", []string{"projectVariableId must not be empty"}},
		{"id of another type", map[string]any{"projectVariableId": true}, http.StatusBadRequest, "BAD_REQUEST", []string{"projectVariableId must be"}},
		{"not JSON", "{", http.StatusBadRequest, "BAD_REQUEST", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantJitterbitError(t, wiretest.Call(t, ts, auth, http.MethodPut, projectVariablesURL, tc.body), tc.status, tc.code, tc.fragments...)
		})
	}
	if got := listVariables(t, ts, auth, seedEnvDevelopment, seedProjectJSM)[0][2]; got != "https://acme-dev.atlassian.net" {
		t.Errorf("jsm_url after refused sets = %q", got)
	}
}

func TestJitterbitLoginRefusesSSOAndTwoFactorUsers(t *testing.T) {
	_, ts := newTestServer(t, kernel.Options{})
	tests := []struct {
		user, code, fragment string
	}{
		{jitterbitSSOUser, jitterbitCodeSSOUser, "uses Harmony SSO"},
		{jitterbitTwoFactorUser, jitterbitCodeTwoFactorRequired, "requires two-factor authentication"},
	}
	for _, tc := range tests {
		t.Run(tc.user, func(t *testing.T) {
			wantJitterbitError(t, jitterbitLogin(t, ts, tc.user, kernel.DefaultPassword), http.StatusOK, tc.code, tc.fragment, tc.user)
			wantJitterbitError(t, jitterbitLogin(t, ts, tc.user, "wrong"), http.StatusOK, jitterbitCodeInvalidCredentials, "Invalid username or password")
		})
	}
}
