package provider_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
)

// identityCase is one resource type of the identity test: its
// configuration, with the target's secrets when withSecrets is set (an
// adopted object's configuration has none to send), the address it tests,
// and what its identity holds.
type identityCase struct {
	address  string
	config   func(withSecrets bool) string
	identity map[string]knownvalue.Check
	// secretsDiffer is set where an import cannot plan empty even with the
	// configuration's secrets left out: the attribute the import then sets.
	secretsDiffer string
}

var positiveID = knownvalue.StringRegexp(regexp.MustCompile(`^[1-9][0-9]*$`))

// secret returns line when withSecrets is set, else nothing.
func secret(withSecrets bool, line string) string {
	if withSecrets {
		return line
	}
	return ""
}

const identityAquaSync = `
resource "almsync_aqua_sync_user" "sync" {
  username      = "jira.sync"
  first_name    = "Jira"
  surname       = "Sync"
  email         = "jira.sync@example.com"
  licenses      = ["JIRASYNC"]
  project_roles = { "2" = "Project Administrator" }
}
resource "almsync_aqua_jira_sync" "sync" {
  name              = "Identity sync"
  aqua_project_id   = "2"
  jira_url          = "https://jira.example.com"
  jira_project_key  = "SYNC"
  aqua_sync_user_id = almsync_aqua_sync_user.sync.id
  configuration_user {
    username = "jira-admin"
    %s
  }
}
`

func identityCases() map[string]identityCase {
	jitterbit := map[string]knownvalue.Check{
		"environment_id": knownvalue.StringExact(acctest.JitterbitDevEnvironment),
		"project_guid":   knownvalue.StringExact(acctest.JitterbitJSMProject),
	}
	with := func(m map[string]knownvalue.Check, id knownvalue.Check) map[string]knownvalue.Check {
		out := map[string]knownvalue.Check{"id": id}
		for k, v := range m {
			out[k] = v
		}
		return out
	}
	mapping := map[string]knownvalue.Check{"id": positiveID, "sync_id": positiveID}
	return map[string]identityCase{
		"jama_connector": {
			address: "almsync_jama_connector.test",
			config: func(s bool) string {
				return `
resource "almsync_jama_connector" "test" {
  name      = "Identity connector"
  url       = "https://acme.jamacloud.com"
  auth_type = "basic"
  username  = "svc"
  ` + secret(s, `password = "pw"`) + `
}`
			},
			identity: map[string]knownvalue.Check{"id": positiveID},
		},
		"jama_user": {
			address: "almsync_jama_user.test",
			config: func(s bool) string {
				return `
resource "almsync_jama_user" "test" {
  username     = "identity.user"
  email        = "identity@example.com"
  first_name   = "Identity"
  last_name    = "User"
  license_type = "NAMED"
  ` + secret(s, `password = "Pa55-identity"`) + `
}`
			},
			identity: map[string]knownvalue.Check{"id": positiveID},
		},
		"jira_sync_connection": {
			address: "almsync_jira_sync_connection.test",
			config: func(s bool) string {
				return `
resource "almsync_jira_sync_connection" "test" {
  jira_url      = "https://identity.atlassian.net"
  jira_username = "sync@example.com"
  ` + secret(s, `jira_password = "token"`) + `
  jama_user     = "admin"
  schedule {
    interval_minutes = 15
  }
}`
			},
			identity: map[string]knownvalue.Check{"id": positiveID},
		},
		"jitterbit_jsm_connection": {
			address: "almsync_jitterbit_jsm_connection.test",
			config: func(s bool) string {
				return fmt.Sprintf(`
resource "almsync_jitterbit_jsm_connection" "test" {
  project_guid = %q
  name         = "Identity JSM"
  auth_scheme  = "Basic"
  url          = "https://acme.atlassian.net"
  user         = "sync@example.com"
  %s
}`, acctest.JitterbitJSMProject, secret(s, `api_token = "token"`))
			},
			identity: with(jitterbit, knownvalue.StringRegexp(regexp.MustCompile(`^[^/=]+$`))),
		},
		"jitterbit_project_variable": {
			address: "almsync_jitterbit_project_variable.test",
			config: func(bool) string {
				return fmt.Sprintf(`
resource "almsync_jitterbit_project_variable" "test" {
  project_guid = %q
  name         = "jsm_url"
  value        = "https://identity.atlassian.net"
}`, acctest.JitterbitJSMProject)
			},
			identity: with(jitterbit, knownvalue.StringExact("jsm_url")),
			// Harmony's value is never read into an imported state.
			secretsDiffer: "value",
		},
		"aqua_sync_user": {
			address: "almsync_aqua_sync_user.sync",
			config: func(bool) string {
				return fmt.Sprintf(identityAquaSync, `password = "pw"`)
			},
			identity: map[string]knownvalue.Check{"id": positiveID},
		},
		"aqua_jira_sync": {
			address: "almsync_aqua_jira_sync.sync",
			config: func(s bool) string {
				return fmt.Sprintf(identityAquaSync, secret(s, `password = "pw"`))
			},
			identity: map[string]knownvalue.Check{"id": positiveID},
		},
		"aqua_field_mapping": {
			address: "almsync_aqua_field_mapping.test",
			config: func(bool) string {
				return fmt.Sprintf(identityAquaSync, `password = "pw"`) + `
resource "almsync_aqua_field_mapping" "test" {
  sync_id    = almsync_aqua_jira_sync.sync.id
  item_type  = "Defect"
  aqua_field = "JiraKey"
  jira_field = "key"
  direction  = "to_aqua"
}`
			},
			identity: mapping,
		},
		"aqua_value_mapping": {
			address: "almsync_aqua_value_mapping.test",
			config: func(bool) string {
				return fmt.Sprintf(identityAquaSync, `password = "pw"`) + `
resource "almsync_aqua_value_mapping" "test" {
  sync_id    = almsync_aqua_jira_sync.sync.id
  field      = "resolution"
  values     = { "Fixed" = "Fixed" }
  null_value = "Unresolved"
}`
			},
			identity: mapping,
		},
	}
}

// TestAccResourceIdentity: every resource type has an identity after
// apply (the product's id, and the parent keys of a child object);
// `import { identity = {...} }` adopts the object with an empty plan (with
// no secrets in the configuration, as an adopting one has none); and an
// import by ID fills the same identity.
func TestAccResourceIdentity(t *testing.T) {
	cases := identityCases()
	if len(cases) != 9 {
		t.Fatalf("%d resource types, want all 9", len(cases))
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			sb := acctest.StartSandbox(t)
			config := func(s bool) string { return sb.ProviderConfig() + tc.config(s) }
			importStep := resource.TestStep{
				ResourceName:       tc.address,
				ImportState:        true,
				ImportStateKind:    resource.ImportBlockWithResourceIdentity,
				Config:             config(false),
				ExpectNonEmptyPlan: tc.secretsDiffer != "",
			}
			byID := resource.TestStep{
				ResourceName:       tc.address,
				ImportState:        true,
				ImportStateKind:    resource.ImportBlockWithID,
				Config:             config(false),
				ExpectNonEmptyPlan: tc.secretsDiffer != "",
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.ExpectPlannedIdentity(tc.address, tc.identity),
				}},
			}
			if tc.secretsDiffer != "" {
				only := []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(tc.address, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(tc.address, tfjsonpath.New(tc.secretsDiffer), knownvalue.NotNull()),
				}
				importStep.ImportPlanChecks.PreApply = only
				byID.ImportPlanChecks.PreApply = append(byID.ImportPlanChecks.PreApply, only...)
			}
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{
					{
						Config: config(true),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectIdentity(tc.address, tc.identity),
						},
					},
					importStep,
					byID,
					// Refreshing keeps the identity, and nothing changes.
					{
						Config:           config(true),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectIdentity(tc.address, tc.identity),
						},
					},
				},
			})
		})
	}
}
