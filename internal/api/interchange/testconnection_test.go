package interchange_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/sandboxtest"
)

// newSandboxClient serves a fresh sandbox and returns a client of its
// Interchange, logged in as the default user, and the sandbox's URL.
func newSandboxClient(t *testing.T) (*interchange.Client, string) {
	t.Helper()
	sb := sandboxtest.Start(t)
	tc, err := transport.New(transport.Config{Product: "Interchange", MaxRetries: 2,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	creds := jama.Credentials{Username: sandbox.DefaultUsername, Password: sandbox.DefaultPassword}
	c, err := interchange.New(sb.URL+"/interchange", creds, tc)
	if err != nil {
		t.Fatal(err)
	}
	return c, sb.URL
}

func TestConnectors_TestConnector(t *testing.T) {
	t.Parallel()
	c, base := newSandboxClient(t)
	ctx := context.Background()

	connector := func(name, password string) int64 {
		t.Helper()
		id, err := c.CreateConnector(ctx, interchange.Connector{Name: name, URL: base + "/jama", VerifySSL: true,
			AuthType: interchange.AuthBasic, Username: sandbox.DefaultUsername, Password: password})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}

	res, err := c.TestConnector(ctx, connector("good", sandbox.DefaultPassword), "")
	if err != nil || !res.Success || res.Message != "Connection succeeded" || res.CheckedAt.IsZero() || len(res.Checks) != 2 {
		t.Fatalf("test of a good connector: %+v, %v", res, err)
	}

	res, err = c.TestConnector(ctx, connector("wrong", "wrong"), "")
	check, ok := res.Check("authentication")
	if err != nil || res.Success || !ok || check.Success || !strings.HasPrefix(res.Message, "authentication failed: HTTP 401") {
		t.Errorf("test with a wrong password: %+v, %v", res, err)
	}

	if _, err := c.TestConnector(ctx, 1, "no certificate"); !errors.Is(err, api.ErrBadRequest) || !strings.Contains(err.Error(), "trustedCaPem") {
		t.Errorf("invalid trustedCaPem: %v, want ErrBadRequest naming trustedCaPem", err)
	}
	if _, err := c.TestConnector(ctx, 999, ""); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("unknown id: %v, want ErrNotFound", err)
	}
}
