package jitterbit

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// plainLogin is a successful login in organization 100.
const plainLogin = `{"success":true,"data":{"authenticationToken":"t","defaultOrgId":"100","sessionTimeoutInSeconds":14400}}`

// documentedProject is the reference's example answer of GET /project, its
// placeholders filled in.
const documentedProject = `{
    "success": true,
    "uri": "https://harmony-api.na-east.jitterbit.com/dev/project/?organizationId=100&environmentId=201&projectGuid=g-1",
    "data": {
        "projects": {
            "createdBy": "dev@example.com",
            "createdOn": "1691128303397",
            "deleted": false,
            "deployedVersion": "8.25.0",
            "description": null,
            "environments": [
  {
      "agentGroupId": "7",
      "createdBy": "dev@example.com",
      "createdOn": "1691122362620",
      "envDesc": "Default environment created by Harmony",
      "envId": "201",
      "envName": "Default Environment",
      "envType": 2,
      "lastUpdatedBy": "dev@example.com",
      "noOfConnections": 0,
      "noOfFileFormats": 0,
      "noOfHostedEndPoints": 0,
      "noOfOperations": 0,
      "noOfProjects": 0,
      "noOfScripts": 0,
      "orgId": "100",
      "permission": 0
  }
            ],
            "guid": "g-1",
            "lastModifiedBy": "dev@example.com",
            "lastModifiedOn": "1691691320453",
            "name": "Open API - Testing Project",
            "projectId": 1234,
            "requiredVersion": "8.25.0.0"
        }
    },
    "guid-0.5766848490723843": ""
}`

// documentedVariables is the reference's example answer of GET
// /project-variables, its placeholders filled in, plus a hidden variable.
const documentedVariables = `{
    "success": true,
    "uri": "https://harmony-api.na-east.jitterbit.com/dev/project-variables?environmentId=201&projectGuid=g-1",
    "data": {
        "projectVariableDetail": [
            {
                "projectVariableId": "5001",
                "projectVariableName": "TestVar1",
                "projectVariableValue": null,
                "projectVariableLabel": "TestVar1 Label",
                "projectVariableDescription": "TestVar1 Descriptions",
                "projectVariableHideValue": false,
                "projectVariableEnvironmentId": "201",
                "projectVariableProjectId": "1234",
                "projectVariableOrganizationId": "100",
                "createdBy": "dev@example.com",
                "createdOn": 1691128313027,
                "lastUpdatedBy": "dev@example.com",
                "lastUpdatedOn": 1691128313027,
                "guid": "v-1"
            },
            {"projectVariableId": 5002, "projectVariableName": "jsm_url", "projectVariableValue": "https://acme.atlassian.net",
             "projectVariableDescription": null, "projectVariableHideValue": false},
            {"projectVariableId": 5003, "projectVariableName": "jsm_api_token", "projectVariableValue": null,
             "projectVariableDescription": "token", "projectVariableHideValue": true}
        ]
    },
    "guid-0.9120006455341024": ""
}`

// TestGetProject_Documented: the request carries organizationId, and the
// query environmentId and projectGuid; the reference's answer decodes.
func TestGetProject_Documented(t *testing.T) {
	t.Parallel()
	var org, query atomic.Value
	c, _ := stubHarmony(t, plainLogin, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != pathProject {
			answerJSON(w, http.StatusNotFound, `{"success":false,"error":{"errorMessage":"no route"}}`)
			return
		}
		org.Store(r.Header.Get("organizationId"))
		query.Store(r.URL.Query().Encode())
		answerJSON(w, http.StatusOK, documentedProject)
	})
	got, err := c.GetProject(context.Background(), "201", "g-1")
	if err != nil {
		t.Fatal(err)
	}
	want := Project{GUID: "g-1", Name: "Open API - Testing Project", ProjectID: "1234",
		Environments: []Environment{{ID: "201", Name: "Default Environment"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("project = %+v\nwant %+v", got, want)
	}
	if org.Load() != "100" || query.Load() != "environmentId=201&projectGuid=g-1" {
		t.Errorf("organizationId %q, query %q", org.Load(), query.Load())
	}
}

// TestGetProject_Unknown: a refusal, or a success without a project, is
// ErrNotFound; other refusals keep their status.
func TestGetProject_Unknown(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		status int
		body   string
		is     error
		want   string
	}{
		"HTTP 200 success false": {http.StatusOK,
			`{"success":false,"error":{"errorMessage":"Project not found","errorCode":"NOT_FOUND","errorId":"e-1"}}`,
			api.ErrNotFound, "Project not found (errorId e-1)"},
		"HTTP 404": {http.StatusNotFound, `{"success":false,"error":{"errorMessage":"Project not found","errorCode":404}}`,
			api.ErrNotFound, "Project not found"},
		"null project":     {http.StatusOK, `{"success":true,"data":{"projects":null}}`, api.ErrNotFound, `no project "g-9" in environment "201"`},
		"no project":       {http.StatusOK, `{"success":true,"data":{}}`, api.ErrNotFound, `no project "g-9"`},
		"empty project":    {http.StatusOK, `{"success":true,"data":{"projects":{}}}`, api.ErrNotFound, `no project "g-9"`},
		"forbidden":        {http.StatusOK, `{"success":false,"error":{"errorMessage":"no access","errorCode":"FORBIDDEN"}}`, api.ErrForbidden, "no access"},
		"HTTP 200 no code": {http.StatusOK, `{"success":false,"error":{"errorMessage":"bad env"}}`, nil, "HTTP 200 OK: bad env"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, _ := stubHarmony(t, plainLogin, func(w http.ResponseWriter, _ *http.Request) { answerJSON(w, tc.status, tc.body) })
			_, err := c.GetProject(context.Background(), "201", "g-9")
			var apiErr *api.Error
			if err == nil || !errors.As(err, &apiErr) || !strings.Contains(err.Error(), tc.want) ||
				(tc.is != nil && !errors.Is(err, tc.is)) {
				t.Errorf("error = %v, want an *api.Error matching %v containing %q", err, tc.is, tc.want)
			}
		})
	}
}

// TestGetProject_BadAnswer: a project that is not an object is a decode
// error, not "not found".
func TestGetProject_BadAnswer(t *testing.T) {
	t.Parallel()
	c, _ := stubHarmony(t, plainLogin, func(w http.ResponseWriter, _ *http.Request) {
		answerJSON(w, http.StatusOK, `{"success":true,"data":{"projects":"g-1"}}`)
	})
	_, err := c.GetProject(context.Background(), "201", "g-1")
	var decErr *api.DecodeError
	if !errors.As(err, &decErr) || !strings.Contains(err.Error(), "data.projects") {
		t.Errorf("error = %v, want a decode error naming data.projects", err)
	}
}

// TestProjectCalls_RequireKeys: nothing is sent without an environment ID
// and a project GUID.
func TestProjectCalls_RequireKeys(t *testing.T) {
	t.Parallel()
	var sent atomic.Int64
	c, logins := stubHarmony(t, plainLogin, func(w http.ResponseWriter, _ *http.Request) {
		sent.Add(1)
		answerJSON(w, http.StatusOK, documentedProject)
	})
	ctx := context.Background()
	if _, err := c.GetProject(ctx, "", "g-1"); err == nil || !strings.Contains(err.Error(), "environment ID is empty") {
		t.Errorf("no environment: %v", err)
	}
	if _, err := c.ListProjectVariables(ctx, "201", ""); err == nil || !strings.Contains(err.Error(), "project GUID is empty") {
		t.Errorf("no project: %v", err)
	}
	if _, _, err := c.FindJSMConnection(ctx, "201", "", "x"); err == nil || !strings.Contains(err.Error(), "project GUID is empty") {
		t.Errorf("find connection without a project: %v", err)
	}
	if err := c.SetProjectVariable(ctx, ProjectVariable{Name: "x", Value: "v"}); err == nil || !strings.Contains(err.Error(), "id is empty") {
		t.Errorf("set without an id: %v", err)
	}
	if sent.Load() != 0 || logins.Load() != 0 {
		t.Errorf("%d requests and %d logins sent, want none", sent.Load(), logins.Load())
	}
}

// TestProjectVariables_Documented: the reference's answer decodes, null
// values reading as "" (HiddenValueMask for the hidden one), and a
// variable is found by its exact name only.
func TestProjectVariables_Documented(t *testing.T) {
	t.Parallel()
	var query atomic.Value
	c, _ := stubHarmony(t, plainLogin, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != pathProjectVariables {
			answerJSON(w, http.StatusNotFound, `{"success":false,"error":{"errorMessage":"no route"}}`)
			return
		}
		query.Store(r.URL.Query().Encode())
		answerJSON(w, http.StatusOK, documentedVariables)
	})
	ctx := context.Background()
	got, err := c.ListProjectVariables(ctx, "201", "g-1")
	if err != nil {
		t.Fatal(err)
	}
	want := []ProjectVariable{
		{ID: "5001", Name: "TestVar1", Description: "TestVar1 Descriptions"},
		{ID: "5002", Name: "jsm_url", Value: "https://acme.atlassian.net"},
		{ID: "5003", Name: "jsm_api_token", Value: HiddenValueMask, HideValue: true, Description: "token"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("variables = %+v\nwant %+v", got, want)
	}
	if query.Load() != "environmentId=201&projectGuid=g-1" {
		t.Errorf("query %q", query.Load())
	}
	v, ok, err := c.FindProjectVariable(ctx, "201", "g-1", "jsm_url")
	if err != nil || !ok || v.ID != "5002" {
		t.Errorf("find jsm_url = %+v %t %v", v, ok, err)
	}
	if v, ok, err := c.FindProjectVariable(ctx, "201", "g-1", "JSM_URL"); err != nil || ok {
		t.Errorf("find JSM_URL = %+v %t %v, want none: names are case-sensitive", v, ok, err)
	}
	if v, ok, err := c.FindProjectVariable(ctx, "201", "g-1", "missing"); err != nil || ok {
		t.Errorf("find missing = %+v %t %v, want none", v, ok, err)
	}
}

// TestProjectVariables_Refused: a refusal with HTTP 200 is an error, for
// the list and for a find.
func TestProjectVariables_Refused(t *testing.T) {
	t.Parallel()
	c, _ := stubHarmony(t, plainLogin, func(w http.ResponseWriter, _ *http.Request) {
		answerJSON(w, http.StatusOK, `{"success":false,"error":{"errorMessage":"Project not found","errorCode":"NOT_FOUND","errorId":"e-5"}}`)
	})
	ctx := context.Background()
	if _, err := c.ListProjectVariables(ctx, "201", "g-9"); !errors.Is(err, api.ErrNotFound) || !strings.Contains(err.Error(), "list project variables") {
		t.Errorf("list: %v, want ErrNotFound naming the operation", err)
	}
	if _, ok, err := c.FindProjectVariable(ctx, "201", "g-9", "x"); !errors.Is(err, api.ErrNotFound) || ok {
		t.Errorf("find: %t %v, want ErrNotFound", ok, err)
	}
}

// TestSetProjectVariable_Wire: PUT /project-variables sends the four
// documented members and accepts the documented answer without data; a
// refusal with HTTP 200 is an error.
func TestSetProjectVariable_Wire(t *testing.T) {
	t.Parallel()
	var body atomic.Value
	var refuse atomic.Bool
	c, _ := stubHarmony(t, plainLogin, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPut || r.URL.Path != pathProjectVariables || r.Header.Get("Content-Type") != "application/json" {
			answerJSON(w, http.StatusNotFound, `{"success":false,"error":{"errorMessage":"no route"}}`)
			return
		}
		b, _ := io.ReadAll(r.Body)
		body.Store(string(b))
		if refuse.Load() {
			answerJSON(w, http.StatusOK, `{"success":false,"error":{"errorMessage":"Project variable not found","errorCode":"NOT_FOUND","errorId":"e-8"}}`)
			return
		}
		answerJSON(w, http.StatusOK, `{"success": true, "uri": "https://harmony-api.na-east.jitterbit.com/dev/project-variables", "guid-0.683911422805049": ""}`)
	})
	ctx := context.Background()
	err := c.SetProjectVariable(ctx, ProjectVariable{ID: "5003", Name: "jsm_api_token", Value: "s3cret", HideValue: true, Description: "token"})
	if err != nil {
		t.Fatal(err)
	}
	var sent, want any
	_ = json.Unmarshal([]byte(body.Load().(string)), &sent)
	_ = json.Unmarshal([]byte(`{"projectVariableId":"5003","projectVariableValue":"s3cret",
		"projectVariableDescription":"token","projectVariableHideValue":true}`), &want)
	if !reflect.DeepEqual(sent, want) {
		t.Errorf("request body = %s", body.Load())
	}
	refuse.Store(true)
	if err := c.SetProjectVariable(ctx, ProjectVariable{ID: "9999", Value: "v"}); !errors.Is(err, api.ErrNotFound) || !strings.Contains(err.Error(), "errorId e-8") {
		t.Errorf("unknown variable: %v, want ErrNotFound with the errorId", err)
	}
}

// TestLogin_SSOAndTwoFactorRefusals: a login refused because the
// organization uses SSO or two-factor authentication is a 401 whose
// message says why and what to do, matching the sentinel; other refusals
// match neither.
func TestLogin_SSOAndTwoFactorRefusals(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		status int
		body   string
		reason error
		want   string
	}{
		"SSO message": {http.StatusOK,
			`{"success":false,"error":{"errorMessage":"This organization uses Harmony SSO. Log in through your identity provider.","errorCode":"SSO_LOGIN_REQUIRED","errorId":"e-1"}}`,
			ErrSSOLogin, "uses Harmony SSO; the Harmony API cannot log in through SSO: use a Harmony account without SSO (a non-SSO user in the organization)"},
		"single sign-on, HTTP 403": {http.StatusForbidden,
			`{"success":false,"error":{"errorMessage":"Single Sign-On is enabled for this organization"}}`,
			ErrSSOLogin, "the Harmony API cannot log in through SSO"},
		"two-factor message": {http.StatusOK,
			`{"success":false,"error":{"errorMessage":"Two-factor authentication is required for this organization","errorCode":"TFA_REQUIRED"}}`,
			ErrTwoFactorLogin, "requires two-factor authentication, which the Harmony API refuses: use a Harmony account without SSO or two-factor authentication"},
		"2FA code only": {http.StatusOK, `{"success":false,"error":{"errorCode":"2FA_REQUIRED"}}`,
			ErrTwoFactorLogin, "requires two-factor authentication"},
		"bad password": {http.StatusOK,
			`{"success":false,"error":{"errorMessage":"Invalid username or password","errorCode":"INVALID_CREDENTIALS"}}`,
			nil, "Invalid username or password"},
		"a word containing sso": {http.StatusOK,
			`{"success":false,"error":{"errorMessage":"Lessons learned: wrong password"}}`,
			nil, "wrong password"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { answerJSON(w, tc.status, tc.body) }))
			t.Cleanup(hs.Close)
			tc2, err := transport.New(transport.Config{Product: productName, MaxRetries: 1})
			if err != nil {
				t.Fatal(err)
			}
			c, err := New(hs.URL, Credentials{Username: "sso-admin", Password: "pw"}, tc2)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.GetProject(context.Background(), "201", "g-1")
			var apiErr *api.Error
			if !errors.Is(err, api.ErrUnauthorized) && tc.status == http.StatusOK {
				t.Errorf("error = %v, want ErrUnauthorized", err)
			}
			if !errors.As(err, &apiErr) || apiErr.Operation != "log in" || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want an *api.Error of the login containing %q", err, tc.want)
			}
			for _, sentinel := range []error{ErrSSOLogin, ErrTwoFactorLogin} {
				if got, want := errors.Is(err, sentinel), tc.reason != nil && errors.Is(tc.reason, sentinel); got != want {
					t.Errorf("errors.Is(err, %v) = %t", sentinel, got)
				}
			}
			if tc.reason != nil && !strings.Contains(err.Error(), `user "sso-admin"`) {
				t.Errorf("error = %v, want it to name the user", err)
			}
		})
	}
}
