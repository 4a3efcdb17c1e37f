package provider_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
)

const preflightAddr = "data.almsync_jira_preflight.test"

func testAccPreflightConfig(sb *acctest.Sandbox, site, username, secretAttr, secret, extra string) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
data "almsync_jira_preflight" "test" {
  url      = %q
  username = %q
  %s       = %q
  %s
}
`, sb.URL+site, username, secretAttr, secret, extra)
}

// testAccPreflightTokenConfig is a preflight of the sandbox's site with a
// personal access token and no username.
func testAccPreflightTokenConfig(sb *acctest.Sandbox, site, token string) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
data "almsync_jira_preflight" "test" {
  url                   = %q
  personal_access_token = %q
}
`, sb.URL+site, token)
}

// testAccPreflightPlanConfig is a preflight of a site no request reaches:
// the plan fails at validation first. attrs are the data source's
// arguments besides url.
func testAccPreflightPlanConfig(site, attrs string) string {
	return fmt.Sprintf(`
provider "almsync" {}

data "almsync_jira_preflight" "test" {
  url = %q
  %s
}
`, site, attrs)
}

// gatewayCloudURL is a Jira Cloud site reached through Atlassian's API
// gateway, as scoped and service-account API tokens require.
const gatewayCloudURL = "https://api.atlassian.com/ex/jira/11223344-a1b2-3b33-c444-def123456789"

func TestAccJiraPreflight_PlanTimeRules(t *testing.T) {
	cases := map[string]struct {
		site, attrs, pattern string
	}{
		"personal access token on a Cloud site": {"https://acme.atlassian.net",
			`personal_access_token = "pat"`, `Jira Cloud Has No Personal Access Tokens.*set .api_token.`},
		"personal access token through the Cloud gateway": {gatewayCloudURL,
			`personal_access_token = "pat"`, `Jira Cloud Has No Personal Access Tokens.*api.atlassian.com`},
		"gateway URL is Cloud: the username must be an email": {gatewayCloudURL,
			`username = "admin"
  api_token = "token"`, `Jira Cloud Needs an Email Address.*"admin" is not one`},
		"password without username": {"https://jira.example.com",
			`password = "p"`, `Attribute "username" must be specified when "password" is specified`},
		"api token without username": {"https://jira.example.com",
			`api_token = "t"`, `Attribute "username" must be specified when "api_token" is specified`},
		"two secrets": {"https://jira.example.com",
			`username = "u"
  password = "p"
  personal_access_token = "t"`, `Invalid Attribute Combination`},
		"no secret": {"https://jira.example.com",
			`username = "u"`, `No attribute specified when one \(and only one\) of`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			acctest.PlanFails(t, testAccPreflightPlanConfig(tc.site, tc.attrs), tc.pattern)
		})
	}
}

func TestAccJiraPreflight(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cases := map[string]struct {
		config string
		checks []statecheck.StateCheck
	}{
		"cloud account with every permission": {
			config: testAccPreflightConfig(sb, "/jira", "sync@example.com", "api_token", "sandbox-token", `project_key = "SYNC"`),
			checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("ok"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("deployment_type"), knownvalue.StringExact("Cloud")),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("email"), knownvalue.StringExact("sync@example.com")),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("permissions").AtMapKey("CREATE_ATTACHMENTS"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("missing_permissions"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("problems"), knownvalue.ListSizeExact(0)),
			},
		},
		"account lacking CREATE_ATTACHMENTS": {
			config: testAccPreflightConfig(sb, "/jira", "limited@example.com", "api_token", "sandbox-token", ""),
			checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("ok"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("missing_permissions"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("CREATE_ATTACHMENTS")})),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("permissions").AtMapKey("CREATE_ATTACHMENTS"), knownvalue.Bool(false)),
			},
		},
		"cloud username that is not an email": {
			config: testAccPreflightConfig(sb, "/jira", "admin", "api_token", "sandbox", ""),
			checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("ok"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("problems").AtSliceIndex(0), knownvalue.StringRegexp(acctest.MessagePattern(`must be the account's email address.*"admin" is not an email address`))),
			},
		},
		"data center with a username": {
			config: testAccPreflightConfig(sb, "/jira/datacenter", "admin", "password", "sandbox", `required_permissions = ["BROWSE_PROJECTS", "MODIFY_REPORTER"]`),
			checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("ok"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("deployment_type"), knownvalue.StringExact("DataCenter")),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("permissions"), knownvalue.MapSizeExact(2)),
			},
		},
		"an empty required_permissions means the default list": {
			config: testAccPreflightConfig(sb, "/jira", "sync@example.com", "api_token", "sandbox-token", `required_permissions = []`),
			checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("ok"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("required_permissions"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("permissions"), knownvalue.MapSizeExact(5)),
			},
		},
		"data center personal access token": {
			config: testAccPreflightConfig(sb, "/jira/datacenter", "sync@example.com", "personal_access_token", "sandbox-sync-pat", `project_key = "SYNC"`),
			checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("ok"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("deployment_type"), knownvalue.StringExact("DataCenter")),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("account_id"), knownvalue.StringExact("JIRAUSER10100")),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("permissions").AtMapKey("CREATE_ATTACHMENTS"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("problems"), knownvalue.ListSizeExact(0)),
			},
		},
		"personal access token without a username": {
			config: testAccPreflightTokenConfig(sb, "/jira/server", "sandbox-admin-pat"),
			checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("ok"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("deployment_type"), knownvalue.StringExact("Server")),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("email"), knownvalue.StringExact("admin@example.com")),
			},
		},
		"personal access token of another account": {
			config: testAccPreflightConfig(sb, "/jira/datacenter", "admin", "personal_access_token", "sandbox-sync-pat", ""),
			checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("ok"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("problems"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringRegexp(acctest.MessagePattern(`token belongs to "sync@example.com", not to "admin"`)),
				})),
			},
		},
		"wrong personal access token is data, not an error": {
			config: testAccPreflightTokenConfig(sb, "/jira/datacenter", "not-a-token"),
			checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("ok"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("problems").AtSliceIndex(0),
					knownvalue.StringRegexp(acctest.MessagePattern(`refused the credentials of the personal access token.*401`))),
			},
		},
		"personal access token on a site that says it is Cloud": {
			config: testAccPreflightTokenConfig(sb, "/jira", "sandbox-admin-pat"),
			checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("ok"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("deployment_type"), knownvalue.StringExact("Cloud")),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("problems"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringRegexp(acctest.MessagePattern("Jira Cloud site, which has no personal access tokens.*`api_token`")),
				})),
			},
		},
		"cloud through the gateway path: the email rule applies": {
			config: testAccPreflightConfig(sb, "/jira/ex/jira/4f2c9a1e-7b3d-4e8a-9c5f-0d6e1a2b3c4d", "admin", "api_token", "sandbox", ""),
			checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("ok"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("deployment_type"), knownvalue.StringExact("Cloud")),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("problems").AtSliceIndex(0), knownvalue.StringRegexp(acctest.MessagePattern(`"admin" is not an email address`))),
			},
		},
		"wrong password is data, not an error": {
			config: testAccPreflightConfig(sb, "/jira/server", "admin", "password", "wrong", ""),
			checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("ok"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("deployment_type"), knownvalue.StringExact("Server")),
				statecheck.ExpectKnownValue(preflightAddr, tfjsonpath.New("problems").AtSliceIndex(0), knownvalue.StringRegexp(acctest.MessagePattern(`refused the credentials.*401`))),
			},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps:                    []resource.TestStep{{Config: tc.config, ConfigStateChecks: tc.checks}},
			})
		})
	}
}
