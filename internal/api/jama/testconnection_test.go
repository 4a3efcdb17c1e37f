package jama_test

import (
	"context"
	"errors"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	sandboxjira "github.com/almsync/terraform-provider-almsync/internal/sandbox/jira"
)

func TestJiraConnections_TestConnection(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	c := newClient(t, base+"/jama", admin)
	ctx := context.Background()

	good := jiraConnection(base + sandboxjira.JiraCloudPath)
	good.JiraUsername, good.JiraPassword = sandboxjira.JiraSyncAccount, sandboxjira.JiraAPIToken
	id, err := c.CreateJiraConnection(ctx, good)
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.TestJiraConnection(ctx, id, "")
	if err != nil || !res.Success || res.Message != "Connection succeeded" || res.CheckedAt.IsZero() || len(res.Checks) != 8 {
		t.Fatalf("test of a good connection: %+v, %v", res, err)
	}
	if check, ok := res.Check("permission CREATE_ATTACHMENTS"); !ok || !check.Success || check.Detail != "granted" {
		t.Errorf("permission check = %+v, %t", check, ok)
	}

	wrong := jiraConnection(base + sandboxjira.JiraServerPath)
	wrong.JiraUsername, wrong.JiraPassword = sandboxjira.JiraSyncAccount, "wrong"
	id, err = c.CreateJiraConnection(ctx, wrong)
	if err != nil {
		t.Fatal(err)
	}
	res, err = c.TestJiraConnection(ctx, id, "")
	if check, ok := res.Check("authentication"); err != nil || res.Success || !ok || check.Success {
		t.Errorf("test with a wrong password: %+v, %v; want a failed authentication check", res, err)
	}

	if _, err := c.TestJiraConnection(ctx, id, "no certificate"); !errors.Is(err, api.ErrBadRequest) {
		t.Errorf("invalid trustedCaPem: %v, want ErrBadRequest", err)
	}
	if _, err := c.TestJiraConnection(ctx, 999, ""); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("unknown id: %v, want ErrNotFound", err)
	}
}
