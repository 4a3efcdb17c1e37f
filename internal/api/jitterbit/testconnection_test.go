package jitterbit_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/jira"
)

func TestJSMConnections_TestConnection(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	c := newClient(t, base+"/jitterbit", admin)
	ctx := context.Background()

	good := basicConnection(guidJSM, "good")
	good.URL, good.User, good.APIToken = base+jira.JiraCloudPath, jira.JiraLimitedAccount, jira.JiraAPIToken
	created, err := c.CreateJSMConnection(ctx, good)
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.TestJSMConnection(ctx, created.ID, "")
	if err != nil || res.Success || res.Message != "permission CREATE_ATTACHMENTS failed: missing" || res.CheckedAt.IsZero() {
		t.Fatalf("test of the limited account: %+v, %v", res, err)
	}
	if check, ok := res.Check("authentication"); !ok || !check.Success {
		t.Errorf("authentication check = %+v, %t", check, ok)
	}

	good.Name, good.User = "sync", jira.JiraSyncAccount
	if created, err = c.CreateJSMConnection(ctx, good); err != nil {
		t.Fatal(err)
	}
	if res, err := c.TestJSMConnection(ctx, created.ID, ""); err != nil || !res.Success || len(res.Checks) != 8 {
		t.Errorf("test of the sync account: %+v, %v", res, err)
	}

	if _, err := c.TestJSMConnection(ctx, created.ID, "no certificate"); !errors.Is(err, api.ErrBadRequest) || !strings.Contains(err.Error(), "trustedCaPem") {
		t.Errorf("invalid trustedCaPem: %v, want ErrBadRequest naming trustedCaPem", err)
	}
	if _, err := c.TestJSMConnection(ctx, "999", ""); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("unknown id: %v, want ErrNotFound", err)
	}
	if _, err := c.TestJSMConnection(ctx, "", ""); err == nil {
		t.Error("empty id: no error")
	}
}
