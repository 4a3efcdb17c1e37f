package jira_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api/jira"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
)

// Accounts of the sandbox's Jira sites.
var (
	syncAccount    = jira.Credentials{Username: sandbox.JiraSyncAccount, Password: sandbox.JiraAPIToken}
	limitedAccount = jira.Credentials{Username: sandbox.JiraLimitedAccount, Password: sandbox.JiraAPIToken}
	adminAccount   = jira.Credentials{Username: sandbox.DefaultUsername, Password: sandbox.DefaultPassword}
)

// site is one of the sandbox's Jira sites.
type site struct {
	path       string
	deployment string
}

// cloudSite and dataCenterSite are the sites the tests run against.
var (
	cloudSite      = site{sandbox.JiraCloudPath, jira.DeploymentCloud}
	dataCenterSite = site{sandbox.JiraDataCenterPath, jira.DeploymentDataCenter}
	bothSites      = []site{cloudSite, dataCenterSite}
)

// startSandbox serves a fresh sandbox and returns it with its root URL.
func startSandbox(t *testing.T) (*sandbox.Server, string) {
	t.Helper()
	srv, err := sandbox.New(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { hs.Close(); _ = srv.Close() })
	return srv, hs.URL
}

// newClient returns a client of the Jira site at siteURL that retries fast.
func newClient(t *testing.T, siteURL string, creds jira.Credentials) *jira.Client {
	t.Helper()
	tc, err := transport.New(transport.Config{Product: "Jira", MaxRetries: 2,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	c, err := jira.New(siteURL, creds, tc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// startStub serves h as a stand-in for a Jira site and returns its URL.
func startStub(t *testing.T, h http.HandlerFunc) string {
	t.Helper()
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	return hs.URL
}
