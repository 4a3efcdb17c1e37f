package jira_test

import (
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/jira"
	sandboxjira "github.com/almsync/terraform-provider-almsync/internal/sandbox/jira"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/sandboxtest"
)

// Accounts of the sandbox's Jira sites.
var (
	syncAccount    = jira.Credentials{Username: sandboxjira.JiraSyncAccount, Password: sandboxjira.JiraAPIToken}
	limitedAccount = jira.Credentials{Username: sandboxjira.JiraLimitedAccount, Password: sandboxjira.JiraAPIToken}
	adminAccount   = jira.Credentials{Username: kernel.DefaultUsername, Password: kernel.DefaultPassword}
	syncToken      = jira.PersonalAccessTokenCredentials(sandboxjira.JiraSyncPersonalAccessToken)
)

// site is one of the sandbox's Jira sites.
type site struct {
	path       string
	deployment string
}

// cloudSite and dataCenterSite are the sites the tests run against.
var (
	cloudSite      = site{sandboxjira.JiraCloudPath, jira.DeploymentCloud}
	dataCenterSite = site{sandboxjira.JiraDataCenterPath, jira.DeploymentDataCenter}
	bothSites      = []site{cloudSite, dataCenterSite}
	// cloudGatewaySite is the Cloud site in the shape of
	// https://api.atlassian.com/ex/jira/{cloudId}.
	cloudGatewaySite = site{sandboxjira.JiraCloudGatewayPath, jira.DeploymentCloud}
)

// startSandbox serves a fresh sandbox, whose exchanges are checked against
// Jira's published description when the test ends, and returns its root
// URL.
func startSandbox(t *testing.T) string {
	t.Helper()
	return sandboxtest.Start(t).URL
}
