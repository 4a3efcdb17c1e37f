package provider_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

const (
	aquaUserAddr  = "almsync_aqua_sync_user.test"
	aquaSyncAddr  = "almsync_aqua_jira_sync.test"
	fieldMapAddr  = "almsync_aqua_field_mapping.test"
	valueMapAddr  = "almsync_aqua_value_mapping.test"
	pilotProject  = "2"
	otherProject  = "1"
	sandboxJiraOK = "sandbox-token"
)

func testAccAquaUserConfig(sb *acctest.Sandbox, licenses, roles string) string {
	return testAccAquaUserTypedConfig(sb, licenses, roles, "")
}

// testAccAquaUserTypedConfig is the sync user with license_type set, unless
// licenseType is empty.
func testAccAquaUserTypedConfig(sb *acctest.Sandbox, licenses, roles, licenseType string) string {
	typed := ""
	if licenseType != "" {
		typed = fmt.Sprintf("license_type  = %q", licenseType)
	}
	return sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_aqua_sync_user" "test" {
  username      = "jira.sync"
  first_name    = "Jira"
  surname       = "Sync"
  email         = "jira.sync@example.com"
  licenses      = %s
  project_roles = %s
  %s
}
`, licenses, roles, typed)
}

// aquaUserLicenseTypes returns the licenses the aqua user holds, code to
// type, as GET /api/System/User/{userId}?includeLicenses=true lists them.
func aquaUserLicenseTypes(t *testing.T, sb *acctest.Sandbox, id string) map[string]string {
	t.Helper()
	var u struct {
		Licenses []struct{ Code, Type string } `json:"Licenses"`
	}
	if err := json.Unmarshal(sb.AquaCall(t, http.StatusOK, http.MethodGet, "/api/System/User/"+id+"?includeLicenses=true", nil), &u); err != nil {
		t.Fatal(err)
	}
	held := map[string]string{}
	for _, l := range u.Licenses {
		held[l.Code] = l.Type
	}
	return held
}

func aquaUserLicenses(t *testing.T, sb *acctest.Sandbox, id string) []string {
	t.Helper()
	return slices.Sorted(maps.Keys(aquaUserLicenseTypes(t, sb, id)))
}

func TestAccAquaSyncUser_Lifecycle(t *testing.T) {
	sb := acctest.StartSandbox(t)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: testAccAquaUserConfig(sb, `["JIRASYNC", "VIEWER"]`, `{ "2" = "Project Administrator" }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aquaUserAddr, tfjsonpath.New("licenses"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("JIRASYNC"), knownvalue.StringExact("VIEWER"),
					})),
					statecheck.ExpectKnownValue(aquaUserAddr, tfjsonpath.New("project_roles").AtMapKey(pilotProject), knownvalue.StringExact("Project Administrator")),
					acctest.CaptureID(aquaUserAddr, &id),
					acctest.ExpectObject(aquaUserAddr, func(userID string) error {
						if got := aquaUserLicenses(t, sb, userID); len(got) != 2 {
							return fmt.Errorf("aqua holds licenses %v", got)
						}
						return nil
					}),
				},
			},
			// Licenses are a set: another order is no change.
			{
				Config:           testAccAquaUserConfig(sb, `["VIEWER", "JIRASYNC"]`, `{ "2" = "Project Administrator" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			// Import by id and by username; every project's roles are read.
			{ResourceName: aquaUserAddr, ImportState: true, ImportStateVerify: true},
			{ResourceName: aquaUserAddr, ImportState: true, ImportStateId: "username=JIRA.SYNC", ImportStateVerify: true},
			// Drop a license, change the role, add a project: in place.
			{
				Config: testAccAquaUserConfig(sb, `["JIRASYNC"]`, `{ "2" = "Project Administrator", "1" = "Viewer" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(aquaUserAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Expect(func() error {
						if got := aquaUserLicenses(t, sb, id); len(got) != 1 || got[0] != "JIRASYNC" {
							return fmt.Errorf("aqua holds licenses %v, want [JIRASYNC]", got)
						}
						return nil
					}),
				},
			},
			// The license is taken away in aqua: the plan shows it.
			{
				PreConfig: func() {
					sb.AquaCall(t, http.StatusNoContent, http.MethodDelete, "/api/System/User/"+id+"/License/JIRASYNC", nil)
				},
				Config: testAccAquaUserConfig(sb, `["JIRASYNC"]`, `{ "2" = "Project Administrator", "1" = "Viewer" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(aquaUserAddr, plancheck.ResourceActionUpdate),
				}},
			},
			// The user is deleted in aqua: planned for creation again.
			{
				PreConfig: func() {
					sb.AquaCall(t, http.StatusNoContent, http.MethodDelete, "/api/System/User/"+id, nil)
				},
				Config: testAccAquaUserConfig(sb, `["JIRASYNC"]`, `{ "2" = "Project Administrator" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(aquaUserAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

func TestAccAquaSyncUser_LicenseType(t *testing.T) {
	sb := acctest.StartSandbox(t)
	var id string
	sameID := statecheck.CompareValue(compare.ValuesSame())
	wantTypes := func(want string) statecheck.StateCheck {
		return acctest.ExpectObject(aquaUserAddr, func(userID string) error {
			if got := aquaUserLicenseTypes(t, sb, userID); len(got) != 2 || got["JIRASYNC"] != want || got["VIEWER"] != want {
				return fmt.Errorf("aqua holds licenses %v, want JIRASYNC and VIEWER as %s", got, want)
			}
			return nil
		})
	}
	licenses, roles := `["JIRASYNC", "VIEWER"]`, `{ "2" = "Project Administrator" }`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			// Unset, the licenses are named ones.
			{
				Config: testAccAquaUserConfig(sb, licenses, roles),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aquaUserAddr, tfjsonpath.New("license_type"), knownvalue.StringExact("Named")),
					sameID.AddStateValue(aquaUserAddr, tfjsonpath.New("id")),
					acctest.CaptureID(aquaUserAddr, &id),
					wantTypes("Named"),
				},
			},
			// Floated: every license is assigned again as a floating one, in place.
			{
				Config: testAccAquaUserTypedConfig(sb, licenses, roles, "Floated"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(aquaUserAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aquaUserAddr, tfjsonpath.New("license_type"), knownvalue.StringExact("Floated")),
					sameID.AddStateValue(aquaUserAddr, tfjsonpath.New("id")),
					wantTypes("Floated"),
				},
			},
			// Import reads the type from the licenses.
			{ResourceName: aquaUserAddr, ImportState: true, ImportStateVerify: true},
			// A license made named in aqua is drift, and apply makes it floating again.
			{
				PreConfig: func() {
					sb.AquaCall(t, http.StatusNoContent, http.MethodDelete, "/api/System/User/"+id+"/License/VIEWER", nil)
					sb.AquaCall(t, http.StatusNoContent, http.MethodPost, "/api/System/User/"+id+"/License",
						map[string]string{"Code": "VIEWER", "Type": "Named"})
				},
				Config: testAccAquaUserTypedConfig(sb, licenses, roles, "Floated"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(aquaUserAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(aquaUserAddr, tfjsonpath.New("license_type"), knownvalue.StringExact("Floated")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{wantTypes("Floated")},
			},
			{
				Config:           testAccAquaUserTypedConfig(sb, licenses, roles, "Floated"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			// Back to the default: named again.
			{
				Config:            testAccAquaUserConfig(sb, licenses, roles),
				ConfigStateChecks: []statecheck.StateCheck{wantTypes("Named")},
			},
		},
	})
}

func TestAccAquaSyncUser_InvalidLicenseTypeIsRejected(t *testing.T) {
	sb := acctest.StartSandbox(t)
	acctest.PlanFails(t, testAccAquaUserTypedConfig(sb, `["JIRASYNC"]`, "null", "Shared"), `value must be one of:.*"Named".*"Floated"`)
}

func TestAccAquaSyncUser_UnknownRoleNamesTheRoles(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:      testAccAquaUserConfig(sb, `["JIRASYNC"]`, `{ "2" = "Owner" }`),
			ExpectError: acctest.MessagePattern(`aqua has no such role "Owner"; its roles are "Project Administrator", "Tester", "Test Manager", "Viewer"`),
		}},
	})
}

func TestAccAquaSyncUser_EmptyEmailIsRejected(t *testing.T) {
	sb := acctest.StartSandbox(t)
	acctest.PlanFails(t, sb.ProviderConfig()+`
resource "almsync_aqua_sync_user" "test" {
  username   = "jira.sync"
  first_name = "Jira"
  surname    = "Sync"
  email      = ""
}
`, `Invalid Email Address`)
}

// testAccAquaSyncConfig is a sync on the sandbox's Jira, run by a managed
// aqua sync user with the given licenses and role.
func testAccAquaSyncConfig(sb *acctest.Sandbox, project, licenses, role, extra string) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_aqua_sync_user" "sync" {
  username      = "jira.sync"
  first_name    = "Jira"
  surname       = "Sync"
  email         = "jira.sync@example.com"
  licenses      = %[3]s
  project_roles = { "2" = %[4]q }
}

resource "almsync_aqua_jira_sync" "test" {
  name              = "Pilot sync"
  aqua_project_id   = %[2]q
  jira_url          = %[1]q
  jira_project_key  = "SYNC"
  aqua_sync_user_id = almsync_aqua_sync_user.sync.id
  %[5]s

  configuration_user {
    email                = "sync@example.com"
    api_token_wo         = "sandbox-token"
    api_token_wo_version = 1
  }
}
`, sb.ProductURL("jira"), project, licenses, role, extra)
}

func TestAccAquaJiraSync_Lifecycle(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := testAccAquaSyncConfig(sb, pilotProject, `["JIRASYNC"]`, "Project Administrator", "")
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aquaSyncAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(aquaSyncAddr, tfjsonpath.New("sync_user"), knownvalue.Null()),
					statecheck.ExpectKnownValue(aquaSyncAddr, tfjsonpath.New("configuration_user").AtMapKey("api_token_wo"), knownvalue.Null()),
					acctest.NoValueInState(sandboxJiraOK),
					acctest.CaptureID(aquaSyncAddr, &id),
					acctest.ExpectObject(aquaSyncAddr, func(syncID string) error {
						n, err := strconv.ParseInt(syncID, 10, 64)
						if err != nil {
							return err
						}
						if tok, _ := sb.Server.AquaSyncSecret(n, "configuration.apiToken"); tok != sandboxJiraOK {
							return fmt.Errorf("the API token did not reach aqua")
						}
						return nil
					}),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{ResourceName: aquaSyncAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"configuration_user.api_token_wo_version"}},
			{ResourceName: aquaSyncAddr, ImportState: true, ImportStateId: "name=pilot sync", ImportStateVerify: true, ImportStateVerifyIgnore: []string{"configuration_user.api_token_wo_version"}},
			// A Jira sync user and disabling: in place.
			{
				Config: testAccAquaSyncConfig(sb, pilotProject, `["JIRASYNC"]`, "Project Administrator", `enabled = false
  sync_user {
    email     = "limited@example.com"
    api_token = "sandbox-token"
  }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(aquaSyncAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aquaSyncAddr, tfjsonpath.New("sync_user").AtMapKey("email"), knownvalue.StringExact("limited@example.com")),
				},
			},
			// Changed in aqua: the plan shows it and apply restores it.
			{
				PreConfig: func() {
					var d aqua.SyncDefinition
					if err := json.Unmarshal(sb.AquaCall(t, http.StatusOK, http.MethodGet, "/almsync/aqua-jira-sync/v1/definitions/"+id, nil), &d); err != nil {
						t.Fatal(err)
					}
					d.JiraProjectKey = "JSM"
					sb.AquaCall(t, http.StatusOK, http.MethodPut, "/almsync/aqua-jira-sync/v1/definitions/"+id, d)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(aquaSyncAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(aquaSyncAddr, tfjsonpath.New("jira_project_key"), knownvalue.StringExact("SYNC")),
				}},
			},
			// Deleted in aqua: planned again.
			{
				PreConfig: func() {
					sb.AquaCall(t, http.StatusNoContent, http.MethodDelete, "/almsync/aqua-jira-sync/v1/definitions/"+id, nil)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(aquaSyncAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

func TestAccAquaJiraSync_ApplyTimeChecks(t *testing.T) {
	cases := map[string]struct {
		project, licenses, role string
		want                    string
	}{
		"project does not exist": {project: "99", licenses: `["JIRASYNC"]`, role: "Project Administrator", want: `aqua project 99 does not exist`},
		"no sync license":        {project: pilotProject, licenses: `["VIEWER"]`, role: "Project Administrator", want: `has no Jira sync license \(JIRASYNC\)`},
		"not project admin":      {project: pilotProject, licenses: `["JIRASYNC"]`, role: "Tester", want: `role "Tester" in project 2, but the sync user must be "Project Administrator"`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			sb := acctest.StartSandbox(t)
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config:      testAccAquaSyncConfig(sb, tc.project, tc.licenses, tc.role, ""),
					ExpectError: acctest.MessagePattern(tc.want),
				}},
			})
		})
	}
}

func TestAccAquaJiraSync_PlanTimeValidation(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cases := map[string]struct{ account, want string }{
		"cloud without email":     {`username = "jira-admin"` + "\n    api_token = \"t\"", `Jira Cloud Needs an Email Address`},
		"cloud with a password":   {`email = "a@example.com"` + "\n    password = \"p\"", `Jira Cloud Needs an API Token`},
		"no login":                {`api_token = "t"`, "needs `username` or `email`"},
		"no token on cloud":       {`email = "a@example.com"`, `Jira Cloud Needs an API Token`},
		"email that is not email": {`email = "jira-admin"` + "\n    api_token = \"t\"", `Invalid Email Address`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			acctest.PlanFails(t, sb.ProviderConfig()+fmt.Sprintf(`
resource "almsync_aqua_jira_sync" "test" {
  name             = "Cloud sync"
  aqua_project_id  = "2"
  jira_url         = "https://acme.atlassian.net"
  jira_project_key = "SYNC"
  configuration_user {
    %s
  }
}
`, tc.account), tc.want)
		})
	}
	if n := sb.Server.Stats().Total; n != 0 {
		t.Errorf("plan-time validation made %d requests, want none", n)
	}
}

func TestAccAquaJiraSync_ConfigurationUserBlockIsRequired(t *testing.T) {
	sb := acctest.StartSandbox(t)
	acctest.PlanFails(t, sb.ProviderConfig()+`
resource "almsync_aqua_jira_sync" "test" {
  name             = "Cloud sync"
  aqua_project_id  = "2"
  jira_url         = "https://acme.atlassian.net"
  jira_project_key = "SYNC"
}
`, `Missing configuration_user block`)
}

func TestAccAquaMappings_Lifecycle(t *testing.T) {
	sb := acctest.StartSandbox(t)
	var fieldID, valueID string
	mappings := func(direction, extraResolution string) string {
		return testAccAquaSyncConfig(sb, pilotProject, `["JIRASYNC"]`, "Project Administrator", "") + fmt.Sprintf(`
resource "almsync_aqua_field_mapping" "test" {
  sync_id    = almsync_aqua_jira_sync.test.id
  item_type  = "Defect"
  aqua_field = "JiraKey"
  jira_field = "key"
  direction  = %q
}

resource "almsync_aqua_value_mapping" "test" {
  sync_id = almsync_aqua_jira_sync.test.id
  field   = "resolution"
  values = {
    "Fixed"     = "Fixed"
    "Won't Fix" = "Won't Fix"
    %s
  }
  null_value = "Unresolved"
}
`, direction, extraResolution)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: mappings("to_aqua", ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fieldMapAddr, tfjsonpath.New("read_only"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(fieldMapAddr, tfjsonpath.New("direction"), knownvalue.StringExact("to_aqua")),
					statecheck.ExpectKnownValue(valueMapAddr, tfjsonpath.New("null_value"), knownvalue.StringExact("Unresolved")),
				},
			},
			{Config: mappings("to_aqua", ""), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{ResourceName: fieldMapAddr, ImportState: true, ImportStateVerify: true},
			{ResourceName: valueMapAddr, ImportState: true, ImportStateVerify: true},
			// New direction and another resolution: in place.
			{
				Config: mappings("both", `"Duplicate" = "Duplicate"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(fieldMapAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(valueMapAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.CaptureID(fieldMapAddr, &fieldID),
					acctest.CaptureID(valueMapAddr, &valueID),
				},
			},
			// Someone makes the field editable in aqua and deletes the value
			// mapping: the plan restores the one and re-creates the other.
			{
				PreConfig: func() {
					path := "/almsync/aqua-jira-sync/v1/definitions/" + strings.Replace(fieldID, "/", "/field-mappings/", 1)
					var m aqua.FieldMapping
					if err := json.Unmarshal(sb.AquaCall(t, http.StatusOK, http.MethodGet, path, nil), &m); err != nil {
						t.Fatal(err)
					}
					m.ReadOnly = false
					sb.AquaCall(t, http.StatusOK, http.MethodPut, path, m)
					sb.AquaCall(t, http.StatusNoContent, http.MethodDelete, "/almsync/aqua-jira-sync/v1/definitions/"+strings.Replace(valueID, "/", "/value-mappings/", 1), nil)
				},
				Config: mappings("both", `"Duplicate" = "Duplicate"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(fieldMapAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(fieldMapAddr, tfjsonpath.New("read_only"), knownvalue.Bool(true)),
					plancheck.ExpectResourceAction(valueMapAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

func TestAccAquaValueMapping_ResolutionNeedsNullValue(t *testing.T) {
	sb := acctest.StartSandbox(t)
	acctest.PlanFails(t, sb.ProviderConfig()+`
resource "almsync_aqua_value_mapping" "test" {
  sync_id = "1"
  field   = "Resolution"
  values  = { "Fixed" = "Fixed" }
}
`, `all values must be mapped, including null values.*Unresolved`)
}

// TestAccAquaChecklist_Example applies examples/aqua-checklist, the seed's
// whole checklist in one configuration, against the sandbox.
func TestAccAquaChecklist_Example(t *testing.T) {
	sb := acctest.StartSandbox(t)
	example := sb.ProviderConfig() + acctest.Example(t, "aqua-checklist/main.tf")
	vars := config.Variables{
		"aqua_project_id":              config.StringVariable(pilotProject),
		"jira_url":                     config.StringVariable(sb.ProductURL("jira")),
		"jira_configuration_email":     config.StringVariable("sync@example.com"),
		"jira_configuration_api_token": config.StringVariable(sandboxJiraOK),
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:          example,
				ConfigVariables: vars,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.almsync_jira_preflight.configuration_user", tfjsonpath.New("ok"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("almsync_aqua_field_mapping.jira_status", tfjsonpath.New("read_only"), knownvalue.Bool(true)),
					statecheck.ExpectKnownOutputValue("jira_deployment", knownvalue.StringExact("Cloud")),
				},
			},
			{
				Config:           example,
				ConfigVariables:  vars,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// TestAccAquaSyncUser_EmptyValuesPlanClean: empty collections and empty
// strings, as variables with empty defaults give them, apply and plan
// clean.
func TestAccAquaSyncUser_EmptyValuesPlanClean(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := sb.ProviderConfig() + `
resource "almsync_aqua_sync_user" "test" {
  username      = "empty.values"
  first_name    = "Empty"
  surname       = "Values"
  email         = "empty.values@example.com"
  phone         = ""
  position      = ""
  licenses      = []
  project_roles = {}
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aquaUserAddr, tfjsonpath.New("licenses"), knownvalue.SetExact([]knownvalue.Check{})),
					statecheck.ExpectKnownValue(aquaUserAddr, tfjsonpath.New("project_roles"), knownvalue.MapExact(map[string]knownvalue.Check{})),
					statecheck.ExpectKnownValue(aquaUserAddr, tfjsonpath.New("phone"), knownvalue.StringExact("")),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

// TestAccAquaMappings_NaturalKeys: both mappings import by the keys aqua's
// screens show, and a second mapping of the same field gives the import
// block that adopts the first.
func TestAccAquaMappings_NaturalKeys(t *testing.T) {
	sb := acctest.StartSandbox(t)
	mappings := testAccAquaSyncConfig(sb, pilotProject, `["JIRASYNC"]`, "Project Administrator", "") + `
resource "almsync_aqua_field_mapping" "test" {
  sync_id    = almsync_aqua_jira_sync.test.id
  item_type  = "Defect"
  aqua_field = "JiraKey"
  jira_field = "key"
  direction  = "to_aqua"
}

resource "almsync_aqua_value_mapping" "test" {
  sync_id    = almsync_aqua_jira_sync.test.id
  field      = "priority"
  values     = { "Highest" = "High" }
  null_value = "Medium"
}
`
	naturalID := func(addr, keys string) resource.ImportStateIdFunc {
		return func(s *terraform.State) (string, error) {
			rs, ok := s.RootModule().Resources[addr]
			if !ok {
				return "", fmt.Errorf("%s not in state", addr)
			}
			return rs.Primary.Attributes["sync_id"] + keys, nil
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: mappings},
			{Config: mappings, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{ResourceName: fieldMapAddr, ImportState: true, ImportStateIdFunc: naturalID(fieldMapAddr, "/item_type=defect/aqua_field=jirakey"), ImportStateVerify: true},
			{ResourceName: valueMapAddr, ImportState: true, ImportStateIdFunc: naturalID(valueMapAddr, "/field=PRIORITY"), ImportStateVerify: true},
			{
				ResourceName: valueMapAddr, ImportState: true, ImportStateIdFunc: naturalID(valueMapAddr, "/field=status"),
				ExpectError: acctest.MessagePattern("aqua Jira sync \\d+ has no value mapping with `field` \"status\""),
			},
			{
				Config: mappings + `
resource "almsync_aqua_value_mapping" "again" {
  sync_id    = almsync_aqua_jira_sync.test.id
  field      = "priority"
  values     = { "High" = "High" }
  null_value = "Medium"
}
`,
				ExpectError: acctest.MessagePattern(`import \{ to = almsync_aqua_value_mapping\.NAME id = "\d+/field=priority" \}`),
			},
		},
	})
}

// TestAccAquaValueMapping_EmptyValuesRejectedAtPlan: aqua refuses a value
// mapping that maps nothing, so `values = {}` fails at plan, not at apply.
func TestAccAquaValueMapping_EmptyValuesRejectedAtPlan(t *testing.T) {
	sb := acctest.StartSandbox(t)
	acctest.PlanFails(t, sb.ProviderConfig()+`
resource "almsync_aqua_value_mapping" "test" {
  sync_id    = "1"
  field      = "priority"
  values     = {}
  null_value = "Medium"
}
`, `values.*at least 1`)
}
