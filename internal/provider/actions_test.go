package provider_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
)

// actionsCLI skips a test on a Terraform CLI without actions (before 1.14).
var actionsCLI = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}

// testAccGatedConnectionConfig is a JIRA Connector connection whose
// creation and updates are gated by the action almsync_connection_test.
func testAccGatedConnectionConfig(sb *acctest.Sandbox, jiraURL, password string) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
action "almsync_connection_test" "gate" {
  config {
    jira_sync_connection_id = almsync_jira_sync_connection.test.id
  }
}

resource "almsync_jira_sync_connection" "test" {
  jira_url      = %q
  jira_username = "sync@example.com"
  jira_password = %q
  jama_user     = "admin"
  schedule {
    interval_minutes = 60
  }
  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.almsync_connection_test.gate]
    }
  }
}
`, jiraURL, password)
}

// connectionTestRoute is the route of the JIRA Connector's "Test
// connection" in the sandbox's Jama.
const connectionTestRoute = "POST /almsync/jama-jira-connector/v1/connections/{id}/test"

func TestAccConnectionTestAction_PassingConnectionApplies(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   actionsCLI,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: testAccGatedConnectionConfig(sb, sb.ProductURL("jira"), "sandbox-token"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("almsync_jira_sync_connection.test", tfjsonpath.New("jira_username"), knownvalue.StringExact("sync@example.com")),
				expectRouteCount(t, sb, "jama", connectionTestRoute, 1),
			},
		}},
	})
}

func TestAccConnectionTestAction_FailingConnectionFailsTheApply(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   actionsCLI,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: testAccGatedConnectionConfig(sb, sb.ProductURL("jira"), "wrong-token"),
			// Every check is listed with its status, the failed one with
			// the target's refusal.
			ExpectError: acctest.MessagePattern(`Connection Test Failed.*jira_sync_connection_id = "\d+".*failed: .*Checks: ` +
				`- reachability: passed: .*- authentication: failed: .*401.*Fix what the failed check names.*-invoke=action.almsync_connection_test`),
		}},
	})
}

// An inconclusive test fails the gate too: nothing is known to be wrong,
// and the message says so.
func TestAccConnectionTestAction_InconclusiveTestFailsTheApply(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   actionsCLI,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: testAccGatedConnectionConfig(sb, "http://"+closedPort(t)+"/jira", "sandbox-token"),
			ExpectError: acctest.MessagePattern(`Connection Test Inconclusive.*reached no verdict.*Checks: - reachability: inconclusive: .*connection refused.*` +
				`Nothing is known to be wrong with the connection.*a gate does not pass on an unknown`),
		}},
	})
}

func TestAccConnectionTestAction_UnknownConnectionFails(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   actionsCLI,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + `
action "almsync_connection_test" "gate" {
  config {
    jira_sync_connection_id = "999999"
  }
}

resource "terraform_data" "trigger" {
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.almsync_connection_test.gate]
    }
  }
}
`,
			ExpectError: acctest.MessagePattern(`Connection Not Found.*no connection with this id`),
		}},
	})
}

// expectRouteCount is a state check that the sandbox's product received
// route exactly n times.
func expectRouteCount(t *testing.T, sb *acctest.Sandbox, product, route string, n int64) statecheck.StateCheck {
	return acctest.Expect(func() error {
		if got := sandboxStats(t, sb)[product][route]; got != n {
			return fmt.Errorf("the sandbox's %s received %s %d times, want %d: %v", product, route, got, n, sandboxStats(t, sb)[product])
		}
		return nil
	})
}

// testAccDeployConfig is a project variable set to value whose creation
// and updates deploy its project with the action
// almsync_jitterbit_project_deploy; deploy is the action's config.
func testAccDeployConfig(sb *acctest.Sandbox, deploy, value string) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
action "almsync_jitterbit_project_deploy" "jsm" {
  config {
    %[2]s
  }
}

resource "almsync_jitterbit_project_variable" "url" {
  project_guid = %[1]q
  name         = "jsm_url"
  value        = %[3]q
  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.almsync_jitterbit_project_deploy.jsm]
    }
  }
}
`, acctest.JitterbitJSMProject, deploy, value)
}

// expectDeployments is a state check that the sandbox deployed project
// guid n times.
func expectDeployments(sb *acctest.Sandbox, guid string, n int64) statecheck.StateCheck {
	return acctest.Expect(func() error {
		got, last, ok := sb.Server.JitterbitProjectDeployments(guid)
		if !ok || got != n || (n > 0 && last.IsZero()) {
			return fmt.Errorf("project %s: %d deployments (last %v), want %d", guid, got, last, n)
		}
		return nil
	})
}

func TestAccJitterbitProjectDeployAction_DeploysAfterCreateAndUpdate(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := testAccDeployConfig(sb, fmt.Sprintf("project_guid = %q", acctest.JitterbitJSMProject), "https://acme-next.atlassian.net")
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   actionsCLI,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					expectDeployments(sb, acctest.JitterbitJSMProject, 1),
					expectDeployments(sb, acctest.JitterbitServiceDeskProject, 0),
				},
			},
			{
				// An unchanged variable triggers nothing.
				Config:            config,
				ConfigStateChecks: []statecheck.StateCheck{expectDeployments(sb, acctest.JitterbitJSMProject, 1)},
			},
			{
				// A new value deploys again, the project checked in the
				// environment the action names.
				Config: testAccDeployConfig(sb, fmt.Sprintf("environment_id = %q\n    project_guid = %q", acctest.JitterbitProdEnvironment, acctest.JitterbitJSMProject),
					"https://acme-new.atlassian.net"),
				ConfigStateChecks: []statecheck.StateCheck{expectDeployments(sb, acctest.JitterbitJSMProject, 2)},
			},
		},
	})
}

func TestAccJitterbitProjectDeployAction_ProjectNotInEnvironment(t *testing.T) {
	sb := acctest.StartSandbox(t)
	// Service Desk Sync is in the development environment only.
	config := testAccDeployConfig(sb, fmt.Sprintf("environment_id = %q\n    project_guid = %q", acctest.JitterbitProdEnvironment, acctest.JitterbitServiceDeskProject),
		"https://acme-next.atlassian.net")
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   actionsCLI,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:      config,
			ExpectError: acctest.MessagePattern(`Unable to Deploy Jitterbit Project.*` + acctest.JitterbitServiceDeskProject + ` is not in Harmony environment 202.*Check .project_guid.`),
		}},
	})
	if n, _, _ := sb.Server.JitterbitProjectDeployments(acctest.JitterbitServiceDeskProject); n != 0 {
		t.Errorf("the project was deployed %d times, want none", n)
	}
}

// actionPlanFails plans config, which must fail with an error matching
// pattern, on a CLI with actions.
func actionPlanFails(t *testing.T, config, pattern string) {
	t.Helper()
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   actionsCLI,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:      config,
			PlanOnly:    true,
			ExpectError: acctest.MessagePattern(pattern),
		}},
	})
}

// triggeredAction is action typ with config body, triggered by the creation
// of a terraform_data.
func triggeredAction(typ, body string) string {
	return fmt.Sprintf(`
action %[1]q "x" {
  config {
    %[2]s
  }
}

resource "terraform_data" "trigger" {
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.%[1]s.x]
    }
  }
}
`, typ, body)
}

func TestAccConnectionTestAction_PlanTimeValidation(t *testing.T) {
	sb := acctest.StartSandbox(t)
	tests := map[string]struct{ body, pattern string }{
		"no selector": {``, `Missing Attribute Configuration.*Exactly one of these attributes must be configured: \[jira_sync_connection_id,jama_connector_id,jitterbit_jsm_connection_id,aqua_jira_sync_id\]`},
		"two selectors": {`jira_sync_connection_id = "1"
    jama_connector_id       = "2"`, `Invalid Attribute Combination.*jira_sync_connection_id = "1".*Exactly one of these attributes must be configured`},
		"secret with a JIRA Connector connection": {`jira_sync_connection_id = "1"
    secret                  = "s3cret"`, "`secret` applies only to `jama_connector_id`.*not to `jira_sync_connection_id`.*Remove `secret` from this action"},
		"empty id": {`aqua_jira_sync_id = ""`, `aqua_jira_sync_id string length must be at least 1`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			actionPlanFails(t, sb.ProviderConfig()+triggeredAction("almsync_connection_test", tc.body), tc.pattern)
		})
	}
}

func TestAccJitterbitProjectDeployAction_PlanTimeValidation(t *testing.T) {
	sb := acctest.StartSandbox(t)
	guid := fmt.Sprintf("project_guid = %q", acctest.JitterbitJSMProject)
	tests := map[string]struct{ provider, body, pattern string }{
		"no project": {sb.ProviderConfig(), ``, `The argument "project_guid" is required`},
		"project name instead of GUID": {sb.ProviderConfig(), `project_guid = "JSM Integration"`,
			`must be the project's GUID, 32 hexadecimal digits`},
		"environment name": {sb.ProviderConfig(), `environment_id = "Production"
    ` + guid, `must be a Harmony environment ID, a number made of digits only`},
		"no environment anywhere": {sb.JitterbitProviderConfig(""), guid,
			`Missing Harmony Environment.*sets no .environment_id., and the provider's .jitterbit. block sets no default`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			actionPlanFails(t, tc.provider+triggeredAction("almsync_jitterbit_project_deploy", tc.body), tc.pattern)
		})
	}
}
