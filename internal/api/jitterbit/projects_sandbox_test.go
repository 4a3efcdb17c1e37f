package jitterbit_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/sandboxtest"
)

func TestGetProject_Sandbox(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	c := newClient(t, base+"/jitterbit", admin)
	ctx := context.Background()

	got, err := c.GetProject(ctx, envProd, guidJSM)
	if err != nil {
		t.Fatal(err)
	}
	if got.GUID != guidJSM || got.Name != "JSM Integration" || got.ProjectID != "1001" ||
		!reflect.DeepEqual(got.Environments, []jitterbit.Environment{{ID: "201", Name: "Development"}, {ID: "202", Name: "Production"}}) {
		t.Errorf("project = %+v", got)
	}
	if sd, err := c.GetProject(ctx, envDev, guidSD); err != nil || sd.Description != "" || sd.ProjectID != "1002" {
		t.Errorf("Service Desk Sync = %+v, %v; want its null description read as empty", sd, err)
	}
	for _, tc := range []struct{ env, guid string }{{envProd, guidSD}, {envDev, guidUnknown}, {"299", guidJSM}} {
		if _, err := c.GetProject(ctx, tc.env, tc.guid); !errors.Is(err, api.ErrNotFound) || !strings.Contains(err.Error(), "errorId") {
			t.Errorf("project %s in %s: %v, want ErrNotFound with Harmony's errorId", tc.guid, tc.env, err)
		}
	}
}

func TestProjectVariables_Sandbox(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	c := newClient(t, base+"/jitterbit", admin)
	ctx := context.Background()

	vars, err := c.ListProjectVariables(ctx, envDev, guidJSM)
	if err != nil {
		t.Fatal(err)
	}
	want := []jitterbit.ProjectVariable{
		{ID: "5001", Name: "jsm_url", Value: "https://acme-dev.atlassian.net", Description: "Jira Service Management site URL"},
		{ID: "5002", Name: "jsm_user", Value: "jsm-dev@example.com", Description: "Jira Service Management user"},
		{ID: "5003", Name: "jsm_api_token", Value: jitterbit.HiddenValueMask, HideValue: true, Description: "Jira Service Management API token"},
	}
	if !reflect.DeepEqual(vars, want) {
		t.Errorf("variables = %+v\nwant %+v", vars, want)
	}

	token, ok, err := c.FindProjectVariable(ctx, envProd, guidJSM, "jsm_api_token")
	if err != nil || !ok || token.ID != "5013" {
		t.Fatalf("find jsm_api_token in production = %+v %t %v", token, ok, err)
	}
	token.Value = "prod-token"
	if err := c.SetProjectVariable(ctx, token); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := c.FindProjectVariable(ctx, envProd, guidJSM, "jsm_api_token"); got.Value != jitterbit.HiddenValueMask || !got.HideValue {
		t.Errorf("hidden variable read back as %+v, want its value masked", got)
	}
	site, _, _ := c.FindProjectVariable(ctx, envProd, guidJSM, "jsm_url")
	site.Value, site.Description = "https://acme-new.atlassian.net", "new site"
	if err := c.SetProjectVariable(ctx, site); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := c.FindProjectVariable(ctx, envProd, guidJSM, "jsm_url"); got != site {
		t.Errorf("jsm_url = %+v, want %+v", got, site)
	}
	if dev, _, _ := c.FindProjectVariable(ctx, envDev, guidJSM, "jsm_url"); dev.Value != "https://acme-dev.atlassian.net" {
		t.Errorf("development jsm_url = %q, want it untouched", dev.Value)
	}

	if _, ok, err := c.FindProjectVariable(ctx, envDev, guidSD, "jsm_url"); err != nil || ok {
		t.Errorf("jsm_url in Service Desk Sync: %t %v, want none", ok, err)
	}
	if _, _, err := c.FindProjectVariable(ctx, envProd, guidSD, "sd_url"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("a project not in the environment: %v, want ErrNotFound", err)
	}
	if err := c.SetProjectVariable(ctx, jitterbit.ProjectVariable{ID: "9999", Value: "x"}); !errors.Is(err, api.ErrNotFound) ||
		!strings.Contains(err.Error(), "project variable 9999 not found") {
		t.Errorf("set an unknown variable: %v, want ErrNotFound", err)
	}
}

func TestLogin_SSOAndTwoFactorUsers_Sandbox(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	tests := []struct {
		user   string
		reason error
		want   string
	}{
		{"sso-admin", jitterbit.ErrSSOLogin, "use a Harmony account without SSO (a non-SSO user in the organization)"},
		{"tfa-admin", jitterbit.ErrTwoFactorLogin, "use a Harmony account without SSO or two-factor authentication"},
	}
	for _, tc := range tests {
		creds := jitterbit.Credentials{Username: tc.user, Password: sandboxtest.SandboxPassword}
		_, err := newClient(t, base+"/jitterbit", creds).GetProject(context.Background(), envDev, guidJSM)
		var apiErr *api.Error
		if !errors.Is(err, tc.reason) || !errors.Is(err, api.ErrUnauthorized) || !errors.As(err, &apiErr) ||
			!strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want a 401 matching %v that says %q", tc.user, err, tc.reason, tc.want)
		}
	}
}
