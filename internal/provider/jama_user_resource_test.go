package provider_test

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

const userAddr = "almsync_jama_user.test"

func testAccJamaUserConfig(sb *acctest.Sandbox, username, email, license string, active bool) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jama_user" "test" {
  username            = %[1]q
  email               = %[2]q
  first_name          = "JIRA"
  last_name           = "User"
  title               = "Integration service account"
  license_type        = %[3]q
  active              = %[4]t
  password_wo         = "Initial-Pa55"
  password_wo_version = 1
}
`, username, email, license, active)
}

// userInSandbox reads the user straight from the sandbox's Jama API.
func userInSandbox(t *testing.T, sb *acctest.Sandbox, id string) jama.User {
	t.Helper()
	var u jama.User
	acctest.Data(t, sb.MustCall(t, http.StatusOK, http.MethodGet, "/jama/rest/v1/users/"+id, nil), &u)
	return u
}

func TestAccJamaUser_Lifecycle(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(*terraform.State) error {
			// Jama has no user delete: destroy deactivates.
			if u := userInSandbox(t, sb, id); u.Active {
				return fmt.Errorf("user %s is still active after destroy", id)
			}
			return nil
		},
		Steps: []resource.TestStep{
			// Create the JIRA Connector's service account.
			{
				Config: testAccJamaUserConfig(sb, "jira.user", "jira.user@example.com", "FLOATING", true),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("username"), knownvalue.StringExact("jira.user")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("license_type"), knownvalue.StringExact("FLOATING")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("active"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("phone"), knownvalue.Null()),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("password_wo"), knownvalue.Null()),
					sameID.AddStateValue(userAddr, tfjsonpath.New("id")),
				},
				Check: resource.ComposeTestCheckFunc(
					acctest.CheckNoValueInState("Initial-Pa55"),
					func(s *terraform.State) error {
						id = s.RootModule().Resources[userAddr].Primary.ID
						if u := userInSandbox(t, sb, id); u.Email != "jira.user@example.com" || u.Title != "Integration service account" {
							return fmt.Errorf("sandbox holds %+v", u)
						}
						return nil
					},
				),
			},
			// Import by id and by username: a clean round trip.
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"password_wo_version"}},
			{ResourceName: userAddr, ImportState: true, ImportStateId: "username=JIRA.USER", ImportStateVerify: true, ImportStateVerifyIgnore: []string{"password_wo_version"}},
			// New email and license: in place.
			{
				Config: testAccJamaUserConfig(sb, "jira.user", "integrations@example.com", "NAMED", true),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("email"), knownvalue.StringExact("integrations@example.com")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("license_type"), knownvalue.StringExact("NAMED")),
					sameID.AddStateValue(userAddr, tfjsonpath.New("id")),
				},
			},
			// Deactivate through Terraform.
			{
				Config: testAccJamaUserConfig(sb, "jira.user", "integrations@example.com", "NAMED", false),
				Check: func(*terraform.State) error {
					if userInSandbox(t, sb, id).Active {
						return fmt.Errorf("user %s still active", id)
					}
					return nil
				},
			},
			// Someone edits the user in Jama: the plan shows and repairs it.
			{
				PreConfig: func() {
					u := userInSandbox(t, sb, id)
					sb.MustCall(t, http.StatusOK, http.MethodPut, "/jama/rest/v1/users/"+id, jama.UserRequest{
						Username: u.Username, FirstName: "Changed", LastName: u.LastName, Email: u.Email, LicenseType: u.LicenseType,
					})
				},
				Config: testAccJamaUserConfig(sb, "jira.user", "integrations@example.com", "NAMED", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("JIRA")),
				}},
			},
		},
	})
}

func TestAccJamaUser_RecreateAfterDestroyReactivates(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := testAccJamaUserConfig(sb, "svc.interchange", "svc@example.com", "NAMED", true)
	var firstID string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) error {
					firstID = s.RootModule().Resources[userAddr].Primary.ID
					return nil
				},
			},
			// Destroy (deactivate), then create again: the same Jama user comes back active.
			{Config: config, Destroy: true},
			{
				Config: config,
				Check: func(s *terraform.State) error {
					id := s.RootModule().Resources[userAddr].Primary.ID
					if id != firstID {
						return fmt.Errorf("a second user %s was created instead of reactivating %s", id, firstID)
					}
					if !userInSandbox(t, sb, id).Active {
						return fmt.Errorf("user %s was not reactivated", id)
					}
					return nil
				},
			},
		},
	})
}

func TestAccJamaUser_DeletedOutOfBandIsPlannedAgain(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := testAccJamaUserConfig(sb, "gone.user", "gone@example.com", "NAMED", true)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: config},
			// Jama cannot delete users, but an instance can be restored without it:
			// the sandbox's reset stands in for that. The next plan creates it again.
			{
				PreConfig: func() { sb.Server.Reset() },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

func TestAccJamaUser_PlanTimeValidation(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cases := map[string]struct {
		attrs string
		want  string
	}{
		"no password":         {attrs: `email = "a@example.com"`, want: "Jama needs a password to create a user"},
		"bad email":           {attrs: "email = \"not-an-email\"\n  password = \"p\"", want: "not an email address"},
		"username with space": {attrs: "email = \"a@example.com\"\n  password = \"p\"\n  username = \"jira user\"", want: "must not contain spaces"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			username := `username = "valid.user"`
			if regexp.MustCompile(`username`).MatchString(tc.attrs) {
				username = ""
			}
			acctest.PlanFails(t, sb.ProviderConfig()+fmt.Sprintf(`
resource "almsync_jama_user" "test" {
  %s
  first_name   = "A"
  last_name    = "B"
  license_type = "NAMED"
  %s
}
`, username, tc.attrs), tc.want)
		})
	}
}

func TestAccJamaUserDataSource_LooksUpByUsername(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: sb.ProviderConfig() + `
data "almsync_jama_user" "admin" {
  username = "ADMIN"
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.almsync_jama_user.admin", tfjsonpath.New("id"), knownvalue.StringExact("1")),
					statecheck.ExpectKnownValue("data.almsync_jama_user.admin", tfjsonpath.New("username"), knownvalue.StringExact("admin")),
					statecheck.ExpectKnownValue("data.almsync_jama_user.admin", tfjsonpath.New("email"), knownvalue.StringExact("admin@example.com")),
					statecheck.ExpectKnownValue("data.almsync_jama_user.admin", tfjsonpath.New("active"), knownvalue.Bool(true)),
				},
			},
			{
				Config:      sb.ProviderConfig() + `data "almsync_jama_user" "nobody" { username = "nobody" }`,
				ExpectError: regexp.MustCompile(`has no user with username "nobody"`),
			},
		},
	})
}
