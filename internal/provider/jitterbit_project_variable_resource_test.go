package provider_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
)

const variableAddr = "almsync_jitterbit_project_variable.test"

// sandboxVariable is a project variable as Harmony's GET /project-variables
// answers it.
type sandboxVariable struct {
	ID          string  `json:"projectVariableId"`
	Name        string  `json:"projectVariableName"`
	Value       *string `json:"projectVariableValue"`
	Description *string `json:"projectVariableDescription"`
	HideValue   bool    `json:"projectVariableHideValue"`
}

// variableInSandbox reads one project variable straight from the
// sandbox's Harmony API.
func variableInSandbox(t *testing.T, sb *acctest.Sandbox, env, guid, name string) sandboxVariable {
	t.Helper()
	q := url.Values{"environmentId": {env}, "projectGuid": {guid}}
	var data struct {
		Detail []sandboxVariable `json:"projectVariableDetail"`
	}
	acctest.Data(t, sb.JitterbitCall(t, http.StatusOK, http.MethodGet, "/project-variables?"+q.Encode(), nil), &data)
	for _, v := range data.Detail {
		if v.Name == name {
			return v
		}
	}
	t.Fatalf("project %s in environment %s has no variable %q", guid, env, name)
	return sandboxVariable{}
}

// expectSandboxValue is a state check that the sandbox's Harmony holds
// want as the value of the variable.
func expectSandboxValue(t *testing.T, sb *acctest.Sandbox, env, guid, name, want string) statecheck.StateCheck {
	return acctest.Expect(func() error {
		v := variableInSandbox(t, sb, env, guid, name)
		if v.Value == nil || *v.Value != want {
			return fmt.Errorf("Harmony holds another value for %s than the configured one", name)
		}
		return nil
	})
}

// setInSandbox changes a variable through the sandbox's Harmony API, as a
// person would in the Management Console.
func setInSandbox(t *testing.T, sb *acctest.Sandbox, body map[string]any) {
	t.Helper()
	sb.JitterbitCall(t, http.StatusOK, http.MethodPut, "/project-variables", body)
}

func testAccVariableConfig(sb *acctest.Sandbox, attrs string) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jitterbit_project_variable" "test" {
  project_guid = %[1]q
  name         = "jsm_url"
  %[2]s
}
`, acctest.JitterbitJSMProject, attrs)
}

func TestAccJitterbitProjectVariable_ValueLifecycle(t *testing.T) {
	sb := acctest.StartSandbox(t)
	const env, guid = acctest.JitterbitDevEnvironment, acctest.JitterbitJSMProject
	first := testAccVariableConfig(sb, `value = "https://acme-staging.atlassian.net"`)
	second := testAccVariableConfig(sb, `value       = "https://acme-next.atlassian.net"
  description = "Site URL of the next Jira Service Management site"`)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			// Create: the provider's default environment, Harmony's
			// description and hide flag kept.
			{
				Config: first,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(variableAddr, tfjsonpath.New("environment_id"), knownvalue.StringExact(env)),
					plancheck.ExpectKnownValue(variableAddr, tfjsonpath.New("id"), knownvalue.StringExact(env+"/"+guid+"/jsm_url")),
					acctest.ExpectSecretsHidden(),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(variableAddr, tfjsonpath.New("variable_id"), knownvalue.StringExact("5001")),
					statecheck.ExpectKnownValue(variableAddr, tfjsonpath.New("hide_value"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(variableAddr, tfjsonpath.New("description"), knownvalue.StringRegexp(regexp.MustCompile(`.`))),
					statecheck.ExpectKnownValue(variableAddr, tfjsonpath.New("value"), knownvalue.StringExact("https://acme-staging.atlassian.net")),
					expectSandboxValue(t, sb, env, guid, "jsm_url", "https://acme-staging.atlassian.net"),
				},
			},
			{Config: first, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			// Import: everything but the value, which Terraform cannot know.
			{ResourceName: variableAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"value"}},
			// A new value and description: in place.
			{
				Config: second,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(variableAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(variableAddr, tfjsonpath.New("description"), knownvalue.StringExact("Site URL of the next Jira Service Management site")),
					expectSandboxValue(t, sb, env, guid, "jsm_url", "https://acme-next.atlassian.net"),
				},
			},
			// Changed in the Management Console: the plan sets it back.
			{
				PreConfig: func() {
					setInSandbox(t, sb, map[string]any{"projectVariableId": "5001", "projectVariableValue": "https://changed.atlassian.net"})
				},
				Config: second,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(variableAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(variableAddr, tfjsonpath.New("value"), knownvalue.StringExact("https://acme-next.atlassian.net")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{expectSandboxValue(t, sb, env, guid, "jsm_url", "https://acme-next.atlassian.net")},
			},
		},
	})
}

// TestAccJitterbitProjectVariable_WriteOnlyPerEnvironment sets the
// production environment's variables with write-only values: Harmony gets
// them, plan and state never hold them, and a new version sends a new
// value.
func TestAccJitterbitProjectVariable_WriteOnlyPerEnvironment(t *testing.T) {
	sb := acctest.StartSandbox(t)
	const env, guid = acctest.JitterbitProdEnvironment, acctest.JitterbitJSMProject
	config := func(user, token string, version int) string {
		return sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jitterbit_project_variable" "user" {
  environment_id   = %[1]q
  project_guid     = %[2]q
  name             = "jsm_user"
  value_wo         = %[3]q
  value_wo_version = %[5]d
}

resource "almsync_jitterbit_project_variable" "token" {
  environment_id   = %[1]q
  project_guid     = %[2]q
  name             = "jsm_api_token"
  value_wo         = %[4]q
  value_wo_version = %[5]d
  hide_value       = true
}
`, env, guid, user, token, version)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config("svc-prod@example.com", "prod-token-1", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.ExpectSecretsHidden("svc-prod@example.com", "prod-token-1"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectNoSecretInState("svc-prod@example.com", "prod-token-1"),
					statecheck.ExpectKnownValue("almsync_jitterbit_project_variable.user", tfjsonpath.New("variable_id"), knownvalue.StringExact("5012")),
					statecheck.ExpectKnownValue("almsync_jitterbit_project_variable.user", tfjsonpath.New("value"), knownvalue.Null()),
					statecheck.ExpectKnownValue("almsync_jitterbit_project_variable.token", tfjsonpath.New("hide_value"), knownvalue.Bool(true)),
					expectSandboxValue(t, sb, env, guid, "jsm_user", "svc-prod@example.com"),
				},
			},
			// Nothing to do while the version stays, even though Harmony
			// answers no value for the hidden token.
			{Config: config("svc-prod@example.com", "prod-token-1", 1), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			// A new version sends the new values.
			{
				Config: config("svc-prod2@example.com", "prod-token-2", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("almsync_jitterbit_project_variable.user", plancheck.ResourceActionUpdate),
					acctest.ExpectSecretsHidden("svc-prod2@example.com", "prod-token-2"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectNoSecretInState("svc-prod2@example.com", "prod-token-2"),
					expectSandboxValue(t, sb, env, guid, "jsm_user", "svc-prod2@example.com"),
				},
			},
		},
	})
}

// TestAccJitterbitProjectVariable_HiddenValueKeepsState: Harmony does not
// answer a hidden variable's value, so the state keeps the configured one
// and the plan stays empty.
func TestAccJitterbitProjectVariable_HiddenValueKeepsState(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jitterbit_project_variable" "test" {
  project_guid = %[1]q
  name         = "jsm_api_token"
  value        = "dev-token"
  hide_value   = true
}
`, acctest.JitterbitJSMProject)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(variableAddr, tfjsonpath.New("value"), knownvalue.StringExact("dev-token")),
					statecheck.ExpectKnownValue(variableAddr, tfjsonpath.New("hide_value"), knownvalue.Bool(true)),
					acctest.Expect(func() error {
						if v := variableInSandbox(t, sb, acctest.JitterbitDevEnvironment, acctest.JitterbitJSMProject, "jsm_api_token"); v.Value != nil {
							return fmt.Errorf("Harmony answers the value of a hidden variable")
						}
						return nil
					}),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

// TestAccJitterbitProjectVariable_DestroyLeavesTheValue: removing the
// resource leaves the variable and its value in Harmony (the plan's
// warning is checked in TestProjectVariableModifyPlan_DestroyWarns).
func TestAccJitterbitProjectVariable_DestroyLeavesTheValue(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: testAccVariableConfig(sb, `value = "https://kept.atlassian.net"`)},
			{
				Config: sb.ProviderConfig(),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(variableAddr, plancheck.ResourceActionDestroy),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectSandboxValue(t, sb, acctest.JitterbitDevEnvironment, acctest.JitterbitJSMProject, "jsm_url", "https://kept.atlassian.net"),
				},
			},
		},
	})
}

func TestAccJitterbitProjectVariable_Errors(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			// A variable the project does not define: the error lists those it does.
			{
				Config: sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jitterbit_project_variable" "test" {
  project_guid = %q
  name         = "JSM_URL"
  value        = "x"
}
`, acctest.JitterbitJSMProject),
				ExpectError: acctest.MessagePattern("has no project variable named \"JSM_URL\" \\(names are case-sensitive\\). It defines `jsm_api_token`, `jsm_url`, `jsm_user`"),
			},
			// A project that is not in the environment.
			{
				Config: sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jitterbit_project_variable" "test" {
  environment_id = %q
  project_guid   = %q
  name           = "sd_url"
  value          = "x"
}
`, acctest.JitterbitProdEnvironment, acctest.JitterbitServiceDeskProject),
				ExpectError: acctest.MessagePattern("Project " + acctest.JitterbitServiceDeskProject + " is not in Harmony environment 202"),
			},
		},
	})
}

func TestAccJitterbitProjectVariable_PlanTimeValidation(t *testing.T) {
	sb := acctest.StartSandbox(t)
	// After the parallel subtests: none of them may reach Harmony.
	t.Cleanup(func() {
		if n := sb.Server.Stats().Total; n != 0 {
			t.Errorf("plan-time validation made %d requests to the sandbox, want none", n)
		}
	})
	cases := map[string]struct{ provider, body, want string }{
		"bad GUID": {body: `project_guid = "1001"
  name = "jsm_url"
  value = "x"`, want: "must be the project's GUID"},
		"bad environment id": {body: `environment_id = "Production"
  project_guid = "` + acctest.JitterbitJSMProject + `"
  name = "jsm_url"
  value = "x"`, want: "must be a Harmony environment ID"},
		"value and value_wo": {body: `project_guid = "` + acctest.JitterbitJSMProject + `"
  name = "jsm_url"
  value = "x"
  value_wo = "y"
  value_wo_version = 1`, want: "Invalid Attribute Combination.*Exactly one of these attributes must be configured: \\[value,value_wo\\]"},
		"neither value nor value_wo": {body: `project_guid = "` + acctest.JitterbitJSMProject + `"
  name = "jsm_url"`, want: "Missing Attribute Configuration.*Exactly one of these attributes must be configured: \\[value,value_wo\\]"},
		"value_wo without version": {body: `project_guid = "` + acctest.JitterbitJSMProject + `"
  name = "jsm_url"
  value_wo = "y"`, want: "value_wo_version"},
		"no environment anywhere": {provider: sb.JitterbitProviderConfig(""), body: `project_guid = "` + acctest.JitterbitJSMProject + `"
  name = "jsm_url"
  value = "x"`, want: "sets no `environment_id`, and the provider's `jitterbit` block sets no default `environment_id`"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			provider := tc.provider
			if provider == "" {
				provider = sb.ProviderConfig()
			}
			acctest.PlanFails(t, provider+fmt.Sprintf(`
resource "almsync_jitterbit_project_variable" "test" {
  %s
}
`, tc.body), tc.want)
		})
	}
}

// TestAccJitterbitProjectVariable_ImportByIdentifier imports the seeded
// variable of the production environment and checks every attribute but
// the value, which stays null.
func TestAccJitterbitProjectVariable_ImportByIdentifier(t *testing.T) {
	sb := acctest.StartSandbox(t)
	id := acctest.JitterbitProdEnvironment + "/" + acctest.JitterbitJSMProject + "/jsm_url"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + fmt.Sprintf(`
import {
  to = almsync_jitterbit_project_variable.test
  id = %[1]q
}

resource "almsync_jitterbit_project_variable" "test" {
  environment_id = %[2]q
  project_guid   = %[3]q
  name           = "jsm_url"
  value          = "https://acme.atlassian.net"
}
`, id, acctest.JitterbitProdEnvironment, acctest.JitterbitJSMProject),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(variableAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(variableAddr, tfjsonpath.New("variable_id"), knownvalue.StringExact("5011")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(variableAddr, tfjsonpath.New("id"), knownvalue.StringExact(id)),
				statecheck.ExpectKnownValue(variableAddr, tfjsonpath.New("value"), knownvalue.StringExact("https://acme.atlassian.net")),
			},
		}},
	})
}
