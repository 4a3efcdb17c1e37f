package jitterbit_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
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

// TestJSMConnections_TestConnection_VariableInASecret: a connection whose
// API token is a Jitterbit variable reference (which the provider cannot
// read back to find first) has its authentication check skipped, not
// failed.
func TestJSMConnections_TestConnection_VariableInASecret(t *testing.T) {
	t.Parallel()
	_, base := startSandbox(t)
	c := newClient(t, base+"/jitterbit", admin)
	ctx := context.Background()

	conn := basicConnection(guidJSM, "by-variable")
	conn.URL, conn.User, conn.APIToken = base+jira.JiraCloudPath, jira.JiraSyncAccount, "[jsm_token]"
	created, err := c.CreateJSMConnection(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.TestJSMConnection(ctx, created.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	check, ok := res.Check("authentication")
	if !ok || check.Status != api.StatusSkipped || !strings.Contains(check.Detail, "[jsm_token]") {
		t.Fatalf("authentication check = %+v, want skipped naming [jsm_token]", check)
	}
	if got := res.Classify("Jitterbit's servers"); got.Status != api.StatusSkipped || got.Success {
		t.Errorf("classified: status %q, success %t; want skipped", got.Status, got.Success)
	}
}

func TestTestedReferences(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		conn jitterbit.JSMConnection
		want []jitterbit.FieldReference
	}{
		"none":                {conn: jitterbit.JSMConnection{URL: "https://acme.atlassian.net", User: "sync@example.com"}},
		"url":                 {conn: jitterbit.JSMConnection{URL: "[jsm_url]", User: "sync@example.com"}, want: []jitterbit.FieldReference{{Field: "url", Reference: "[jsm_url]"}}},
		"url and user":        {conn: jitterbit.JSMConnection{URL: "[jsm_url]", User: "[$jsm.user]"}, want: []jitterbit.FieldReference{{Field: "url", Reference: "[jsm_url]"}, {Field: "user", Reference: "[$jsm.user]"}}},
		"a reference in text": {conn: jitterbit.JSMConnection{URL: "https://[host].atlassian.net"}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := jitterbit.TestedReferences(tc.conn); !slices.Equal(got, tc.want) {
				t.Errorf("TestedReferences = %v, want %v", got, tc.want)
			}
		})
	}
}
