package aqua_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
)

func TestSyncDefinitions_TestConnection(t *testing.T) {
	t.Parallel()
	_, root := startSandbox(t)
	c := newClient(t, root, admin)
	ctx := context.Background()

	definition := func(name, token string) int64 {
		t.Helper()
		d := cloudDefinition(name)
		d.JiraURL, d.ConfigurationUser = root+sandbox.JiraCloudPath, aqua.JiraAccount{Email: sandbox.JiraSyncAccount, APIToken: token}
		created, err := c.CreateSyncDefinition(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		return created.ID
	}

	id := definition("good", sandbox.JiraAPIToken)
	res, err := c.TestSyncDefinition(ctx, id, "")
	if err != nil || !res.Success || res.Message != "Connection succeeded" || res.CheckedAt.IsZero() || len(res.Checks) != 8 {
		t.Fatalf("test of a good definition: %+v, %v", res, err)
	}
	if check, ok := res.Check("permission BROWSE_PROJECTS"); !ok || !check.Success || check.Detail != "granted" {
		t.Errorf("permission check = %+v, %t", check, ok)
	}

	res, err = c.TestSyncDefinition(ctx, definition("wrong", "wrong"), "")
	if check, ok := res.Check("authentication"); err != nil || res.Success || !ok || check.Success || !strings.Contains(check.Detail, "HTTP 401") {
		t.Errorf("test with a wrong token: %+v, %v", res, err)
	}

	if _, err := c.TestSyncDefinition(ctx, id, "no certificate"); !errors.Is(err, api.ErrBadRequest) || !strings.Contains(err.Error(), "TrustedCaPem") {
		t.Errorf("invalid TrustedCaPem: %v, want ErrBadRequest naming TrustedCaPem", err)
	}
	if _, err := c.TestSyncDefinition(ctx, 999, ""); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("unknown id: %v, want ErrNotFound", err)
	}
}

func TestSyncTestResult_RoundTrip(t *testing.T) {
	t.Parallel()
	in := api.ConnectionTest{Success: false, Message: "tls failed: x", DurationMS: 12,
		Checks: []api.ConnectionCheck{{Name: "reachability", Success: true, Detail: "ok"}, {Name: "tls", Detail: "x"}}}
	out := aqua.NewSyncTestResult(in).ConnectionTest()
	if out.Message != in.Message || out.DurationMS != 12 || len(out.Checks) != 2 || out.Checks[1] != in.Checks[1] {
		t.Errorf("round trip = %+v, want %+v", out, in)
	}
}
