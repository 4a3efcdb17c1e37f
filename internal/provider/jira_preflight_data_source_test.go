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
