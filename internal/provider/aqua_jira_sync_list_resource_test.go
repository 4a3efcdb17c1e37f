package provider_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
)

const aquaListSource = `
resource "almsync_aqua_sync_user" "sync" {
  username      = "list.sync"
  first_name    = "List"
  surname       = "Sync"
  email         = "list.sync@example.com"
  licenses      = ["JIRASYNC"]
  project_roles = { "2" = "Project Administrator" }
}
resource "almsync_aqua_jira_sync" "sync" {
  name              = "Listed sync"
  aqua_project_id   = "2"
  jira_url          = "https://jira.example.com"
  jira_project_key  = "SYNC"
  aqua_sync_user_id = almsync_aqua_sync_user.sync.id
  configuration_user {
    username = "jira-admin"
    password = "pw"
  }
}
resource "almsync_aqua_field_mapping" "key" {
  sync_id    = almsync_aqua_jira_sync.sync.id
  item_type  = "Defect"
  aqua_field = "JiraKey"
  jira_field = "key"
  direction  = "to_aqua"
}
resource "almsync_aqua_field_mapping" "summary" {
  sync_id    = almsync_aqua_jira_sync.sync.id
  item_type  = "Requirement"
  aqua_field = "Title"
  jira_field = "summary"
  direction  = "both"
}
resource "almsync_aqua_value_mapping" "resolution" {
  sync_id    = almsync_aqua_jira_sync.sync.id
  field      = "resolution"
  values     = { "Fixed" = "Fixed" }
  null_value = "Unresolved"
}
`

// TestAccAquaLists_FiltersAndIncludeResources: aqua's users, syncs and
// mappings list with their identities; filters narrow them; with
// include_resource each result is the object as an import reads it, and
// the mapping filters are checked before anything is asked.
func TestAccAquaLists_FiltersAndIncludeResources(t *testing.T) {
	sb := acctest.StartSandbox(t)
	var syncID string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: sb.ProviderConfig() + aquaListSource,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectObject("almsync_aqua_jira_sync.sync", func(id string) error { syncID = id; return nil }),
				},
			},
			{
				Query:           true,
				ConfigVariables: config.Variables{"sync_id": acctest.LateString(&syncID)},
				// The provider block is the previous step's.
				Config: `
variable "sync_id" {
  type = string
}
list "almsync_aqua_sync_user" "sync" {
  provider         = almsync
  include_resource = true
  config {
    username_prefix = "LIST."
  }
}
list "almsync_aqua_jira_sync" "project_2" {
  provider         = almsync
  include_resource = true
  config {
    aqua_project_id = "2"
    name_prefix     = "listed"
  }
}
list "almsync_aqua_jira_sync" "project_3" {
  provider = almsync
  config {
    aqua_project_id = "3"
  }
}
list "almsync_aqua_field_mapping" "all" {
  provider = almsync
  config {
    sync_id = var.sync_id
  }
}
list "almsync_aqua_field_mapping" "defects" {
  provider         = almsync
  include_resource = true
  config {
    sync_id   = var.sync_id
    item_type = "defect"
  }
}
list "almsync_aqua_value_mapping" "all" {
  provider         = almsync
  include_resource = true
  config {
    sync_id = var.sync_id
  }
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("almsync_aqua_sync_user.sync", 1),
					querycheck.ExpectResourceKnownValues("almsync_aqua_sync_user.sync", queryfilter.ByDisplayName(knownvalue.StringExact("list.sync (List Sync)")), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("email"), KnownValue: knownvalue.StringExact("list.sync@example.com")},
						{Path: tfjsonpath.New("licenses"), KnownValue: knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("JIRASYNC")})},
						{Path: tfjsonpath.New("project_roles"), KnownValue: knownvalue.MapExact(map[string]knownvalue.Check{"2": knownvalue.StringExact("Project Administrator")})},
					}),
					querycheck.ExpectLength("almsync_aqua_jira_sync.project_2", 1),
					querycheck.ExpectLength("almsync_aqua_jira_sync.project_3", 0),
					querycheck.ExpectResourceKnownValues("almsync_aqua_jira_sync.project_2", queryfilter.ByDisplayName(knownvalue.StringExact("Listed sync")), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("jira_project_key"), KnownValue: knownvalue.StringExact("SYNC")},
						{Path: tfjsonpath.New("configuration_user").AtMapKey("username"), KnownValue: knownvalue.StringExact("jira-admin")},
						{Path: tfjsonpath.New("configuration_user").AtMapKey("password"), KnownValue: knownvalue.Null()},
					}),
					querycheck.ExpectLength("almsync_aqua_field_mapping.all", 2),
					querycheck.ExpectLength("almsync_aqua_field_mapping.defects", 1),
					querycheck.ExpectIdentity("almsync_aqua_field_mapping.defects", map[string]knownvalue.Check{"id": positiveID, "sync_id": knownvalue.NotNull()}),
					querycheck.ExpectResourceKnownValues("almsync_aqua_field_mapping.defects", queryfilter.ByDisplayName(knownvalue.StringExact("Defect JiraKey ↔ key")), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("direction"), KnownValue: knownvalue.StringExact("to_aqua")},
						{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+/[0-9]+$`))},
					}),
					querycheck.ExpectLength("almsync_aqua_value_mapping.all", 1),
					querycheck.ExpectResourceKnownValues("almsync_aqua_value_mapping.all", queryfilter.ByDisplayName(knownvalue.StringExact("resolution")), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("values"), KnownValue: knownvalue.MapExact(map[string]knownvalue.Check{"Fixed": knownvalue.StringExact("Fixed")})},
						{Path: tfjsonpath.New("null_value"), KnownValue: knownvalue.StringExact("Unresolved")},
					}),
				},
			},
			{
				Query: true,
				Config: `
list "almsync_aqua_field_mapping" "bad" {
  provider = almsync
  config {
    sync_id   = "sync three"
    item_type = "Story"
  }
}
`,
				ExpectError: regexp.MustCompile(`(?s)sync_id must be a numeric aqua id.*item_type value must be one of`),
			},
			// The objects are still Terraform's: nothing changed.
			{Config: sb.ProviderConfig() + aquaListSource, PlanOnly: true},
		},
	})
}
