package provider_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
)

const connectorAddr = "almsync_jama_connector.test"

func testAccJamaConnectorBasicConfig(sb *acctest.Sandbox, name, url, password string, verifySSL bool) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jama_connector" "test" {
  name       = %[1]q
  url        = %[2]q
  verify_ssl = %[4]t
  auth_type  = "basic"
  username   = "InterchangeServiceAccount"
  password   = %[3]q
}
`, name, url, password, verifySSL)
}

func testAccJamaConnectorOAuthConfig(sb *acctest.Sandbox, name, secret string, version int) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jama_connector" "test" {
  name                     = %[1]q
  url                      = "https://acme.jamacloud.com"
  auth_type                = "oauth"
  client_id                = "interchange-client"
  client_secret_wo         = %[2]q
  client_secret_wo_version = %[3]d
}
`, name, secret, version)
}

// expectConnectorInSandbox is a state check: verify is given the connector
// of connectorAddr as the sandbox holds it.
func expectConnectorInSandbox(t *testing.T, sb *acctest.Sandbox, verify func(interchange.Connector) error) statecheck.StateCheck {
	return acctest.ExpectObject(connectorAddr, func(id string) error {
		return verify(connectorInSandbox(t, sb, id))
	})
}

// connectorInSandbox reads the connector straight from the sandbox, as an
// Interchange admin would see it.
func connectorInSandbox(t *testing.T, sb *acctest.Sandbox, id string) interchange.Connector {
	t.Helper()
	var c interchange.Connector
	acctest.Data(t, sb.MustCall(t, http.StatusOK, http.MethodGet, "/interchange/almsync/interchange-connectors/v1/connectors/"+id, nil), &c)
	return c
}

func TestAccJamaConnector_BasicLifecycle(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			// Create with Basic authentication.
			{
				Config: testAccJamaConnectorBasicConfig(sb, "Production Jama", "https://acme.jamacloud.com", "s3cret-basic", true),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("name"), knownvalue.StringExact("Production Jama")),
					statecheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("application"), knownvalue.StringExact("JAMA_CONNECT")),
					statecheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("verify_ssl"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("auth_type"), knownvalue.StringExact("basic")),
					statecheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("username"), knownvalue.StringExact("InterchangeServiceAccount")),
					statecheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("client_id"), knownvalue.Null()),
					sameID.AddStateValue(connectorAddr, tfjsonpath.New("id")),
					expectConnectorInSandbox(t, sb, func(c interchange.Connector) error {
						if c.Name != "Production Jama" || c.AuthType != "basic" || c.Username != "InterchangeServiceAccount" {
							return fmt.Errorf("sandbox holds %+v", c)
						}
						return nil
					}),
				},
			},
			// Plan right after apply is empty.
			{
				Config:           testAccJamaConnectorBasicConfig(sb, "Production Jama", "https://acme.jamacloud.com", "s3cret-basic", true),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			// Import by id: every attribute but the password reads back.
			{
				ResourceName:            connectorAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"password", "password_wo_version"},
			},
			// Import by name.
			{
				ResourceName:            connectorAddr,
				ImportState:             true,
				ImportStateId:           "name=production jama",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"password", "password_wo_version"},
			},
			// Rename, new URL and verify_ssl off: updated in place.
			{
				Config: testAccJamaConnectorBasicConfig(sb, "Jama EU", "https://eu.jamacloud.com", "s3cret-basic", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(connectorAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("name"), knownvalue.StringExact("Jama EU")),
					statecheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("url"), knownvalue.StringExact("https://eu.jamacloud.com")),
					statecheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("verify_ssl"), knownvalue.Bool(false)),
					sameID.AddStateValue(connectorAddr, tfjsonpath.New("id")),
				},
			},
			// Switch to OAuth with a write-only secret: in place, and no secret in state.
			{
				Config: testAccJamaConnectorOAuthConfig(sb, "Jama EU", "wo-secret-1", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(connectorAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("auth_type"), knownvalue.StringExact("oauth")),
					statecheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("client_id"), knownvalue.StringExact("interchange-client")),
					statecheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("username"), knownvalue.Null()),
					statecheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("password"), knownvalue.Null()),
					statecheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("client_secret_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("client_secret_wo_version"), knownvalue.Int64Exact(1)),
					sameID.AddStateValue(connectorAddr, tfjsonpath.New("id")),
					acctest.ExpectNoSecretInState("wo-secret-1", "s3cret-basic"),
				},
			},
			// Same version: nothing to do, even though the write-only value is not in state.
			{
				Config:           testAccJamaConnectorOAuthConfig(sb, "Jama EU", "wo-secret-1", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			// A new version sends the new secret: the sandbox's stored secret changes.
			{
				Config: testAccJamaConnectorOAuthConfig(sb, "Jama EU", "wo-secret-2", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(connectorAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectObject(connectorAddr, func(raw string) error {
						id, _ := strconv.ParseInt(raw, 10, 64)
						if _, got, _ := sb.Server.InterchangeConnectorSecrets(id); got != "wo-secret-2" {
							return fmt.Errorf("sandbox holds client secret %q, want the new write-only value", got)
						}
						return nil
					}),
				},
			},
		},
	})
}

func TestAccJamaConnector_DriftChangedOutOfBand(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := testAccJamaConnectorBasicConfig(sb, "Drift", "https://acme.jamacloud.com", "pw", true)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:            config,
				ConfigStateChecks: []statecheck.StateCheck{acctest.CaptureID(connectorAddr, &id)},
			},
			// Someone turns off SSL verification and renames it in the UI: the plan shows it.
			{
				PreConfig: func() {
					c := connectorInSandbox(t, sb, id)
					c.VerifySSL = false
					c.Name = "Renamed in UI"
					c.ID = 0 // read-only: the contract's PUT takes no id
					sb.MustCall(t, http.StatusOK, http.MethodPut, "/interchange/almsync/interchange-connectors/v1/connectors/"+id, c)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(connectorAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("verify_ssl"), knownvalue.Bool(true)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectConnectorInSandbox(t, sb, func(c interchange.Connector) error {
						if !c.VerifySSL || c.Name != "Drift" {
							return fmt.Errorf("apply did not restore the connector: %+v", c)
						}
						return nil
					}),
				},
			},
		},
	})
}

func TestAccJamaConnector_DriftDeletedOutOfBand(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := testAccJamaConnectorBasicConfig(sb, "Deleted", "https://acme.jamacloud.com", "pw", true)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:            config,
				ConfigStateChecks: []statecheck.StateCheck{acctest.CaptureID(connectorAddr, &id)},
			},
			// Deleted in the UI: the next plan creates it again.
			{
				PreConfig: func() {
					sb.MustCall(t, http.StatusNoContent, http.MethodDelete, "/interchange/almsync/interchange-connectors/v1/connectors/"+id, nil)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(connectorAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectObject(connectorAddr, func(newID string) error {
						if newID == id {
							return fmt.Errorf("connector was not created again (id %s)", newID)
						}
						return nil
					}),
				},
			},
		},
	})
}

func TestAccJamaConnector_DuplicateNameFailsWithConflict(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sb.MustCall(t, http.StatusCreated, http.MethodPost, "/interchange/almsync/interchange-connectors/v1/connectors", interchange.Connector{
		Application: interchange.ApplicationJamaConnect, Name: "Taken", URL: "https://acme.jamacloud.com", VerifySSL: true, AuthType: "basic", Username: "u", Password: "p",
	})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:      testAccJamaConnectorBasicConfig(sb, "Taken", "https://acme.jamacloud.com", "pw", true),
			ExpectError: acctest.MessagePattern(`Unable to Create Jama Connector.*409.*import { to = almsync_jama_connector.<name> id = "name=Taken" }.*choose another ` + "`name`"),
		}},
	})
}

func TestAccJamaConnector_PlanTimeValidation(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cases := map[string]struct {
		body string
		want string
	}{
		"basic without username": {
			body: `auth_type = "basic"
  password = "p"`,
			want: `auth_type = "basic"` + "`" + ` needs ` + "`username`",
		},
		"basic without password": {
			body: `auth_type = "basic"
  username = "u"`,
			want: `needs exactly one of ` + "`password` and `password_wo`",
		},
		"basic with client_id": {
			body: `auth_type = "basic"
  username = "u"
  password = "p"
  client_id = "c"`,
			want: "`client_id` is used only with `auth_type = \"oauth\"`",
		},
		"oauth with username": {
			body: `auth_type = "oauth"
  client_id = "c"
  client_secret = "s"
  username = "u"`,
			want: "`username` is used only with `auth_type = \"basic\"`",
		},
		"oauth without secret": {
			body: `auth_type = "oauth"
  client_id = "c"`,
			want: "needs exactly one of `client_secret` and `client_secret_wo`",
		},
		"password and password_wo": {
			body: `auth_type = "basic"
  username = "u"
  password = "p"
  password_wo = "q"
  password_wo_version = 1`,
			want: `cannot be configured together|Invalid Attribute Combination`,
		},
		"password_wo without version": {
			body: `auth_type = "basic"
  username = "u"
  password_wo = "q"`,
			want: `password_wo_version`,
		},
		"unknown auth type": {
			body: `auth_type = "saml"
  username = "u"
  password = "p"`,
			want: `value must be one of`,
		},
		"relative url": {
			body: `auth_type = "basic"
  username = "u"
  password = "p"
  url = "acme.jamacloud.com"`,
			want: "`url`: the value must be an absolute `http://` or `https://` URL",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			url := `url = "https://acme.jamacloud.com"`
			if regexp.MustCompile(`(?m)^\s*url`).MatchString(tc.body) {
				url = ""
			}
			acctest.PlanFails(t, sb.ProviderConfig()+fmt.Sprintf(`
resource "almsync_jama_connector" "test" {
  name = "Validation"
  %s
  %s
}
`, url, tc.body), tc.want)
		})
	}
	if n := sb.Server.Stats().Total; n != 0 {
		t.Errorf("plan-time validation made %d requests to the sandbox, want none", n)
	}
}

// TestJamaConnector_PlanWarnsWhenTheAccountHasNoRESTAccess: with the
// provider's jama block on the connector's Jama Connect URL, the plan looks
// the basic connector's account up and warns when its license type cannot
// use Jama's REST API, which Interchange needs.
func TestJamaConnector_PlanWarnsWhenTheAccountHasNoRESTAccess(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	for username, license := range map[string]string{"svc.floating": "FLOATING", "svc.reviewer": "NAMED_REVIEWER", "svc.named": "NAMED"} {
		sb.MustCall(t, http.StatusCreated, http.MethodPost, "/jama/rest/v1/users", map[string]any{
			"username": username, "password": "Pa55-" + username, "firstName": "Service", "lastName": "Account",
			"email": username + "@example.com", "licenseType": license,
		})
	}
	creds := map[string]string{"username": acctest.SandboxUser, "password": acctest.SandboxPassword}
	block := func(url string) map[string]string {
		return map[string]string{"url": url, "username": creds["username"], "password": creds["password"]}
	}
	p := newProtoProvider(t, map[string]map[string]string{
		"jama":        block(sb.ProductURL("jama")),
		"interchange": block(sb.ProductURL("interchange")),
	})
	connector := func(url, username string) map[string]tftypes.Value {
		return map[string]tftypes.Value{
			"name": tfString("Jama"), "url": tfString(url), "auth_type": tfString("basic"),
			"username": tfString(username), "password": tfString("p"),
		}
	}
	existing := func(url, username string) map[string]tftypes.Value {
		m := connector(url, username)
		m["id"], m["application"], m["verify_ssl"] = tfString("3"), tfString("JAMA_CONNECT"), tfBool(true)
		return m
	}
	jamaURL := sb.ProductURL("jama")
	cases := map[string]struct {
		prior, config map[string]tftypes.Value
		want          string // a part of the warning; "" for none
	}{
		"floating creator":               {config: connector(jamaURL, "svc.floating"), want: `"svc.floating" has ` + "`licenseType`" + ` "FLOATING"`},
		"reviewer, URL with a slash":     {config: connector(strings.Replace(jamaURL, "http://", "HTTP://", 1)+"/", "svc.reviewer"), want: `"NAMED_REVIEWER"`},
		"named creator":                  {config: connector(jamaURL, "SVC.NAMED")},
		"unknown user":                   {config: connector(jamaURL, "nobody")},
		"another Jama instance":          {config: connector("https://acme.jamacloud.com", "svc.floating")},
		"username changed to a floating": {prior: existing(jamaURL, "svc.named"), config: connector(jamaURL, "svc.floating"), want: `"FLOATING"`},
		"unchanged username not checked": {prior: existing(jamaURL, "svc.floating"), config: connector(jamaURL, "svc.floating")},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			diags := p.plan("almsync_jama_connector", tc.prior, tc.config)
			if hasError(diags) {
				t.Fatalf("plan failed: %s", diagText(diags))
			}
			var found []string
			for _, w := range warningsOf(diags) {
				if strings.HasPrefix(w, "Connector Account Without REST API Access: ") {
					found = append(found, w)
				}
			}
			if tc.want == "" {
				if len(found) > 0 {
					t.Fatalf("unexpected warnings %q", found)
				}
				return
			}
			if len(found) != 1 || !strings.Contains(found[0], tc.want) || !strings.Contains(found[0], "named creator license (`NAMED`)") {
				t.Fatalf("warnings %q, want one containing %q", found, tc.want)
			}
		})
	}
}

func TestAccJamaConnector_RESTAPIURLIsNormalised(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := testAccJamaConnectorBasicConfig(sb, "REST URL", "https://acme.jamacloud.com/rest/v1/", "pw", true)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			// The REST API's URL is accepted: Interchange gets the instance URL, the state keeps the configured one.
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(connectorAddr, tfjsonpath.New("url"), knownvalue.StringExact("https://acme.jamacloud.com/rest/v1/")),
					expectConnectorInSandbox(t, sb, func(c interchange.Connector) error {
						if c.URL != "https://acme.jamacloud.com" {
							return fmt.Errorf("Interchange holds url %q, want the instance URL without /rest/v1", c.URL)
						}
						return nil
					}),
				},
			},
			// And the next plan is empty.
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

func TestAccJamaConnector_BasicToOAuthWithoutSecret_FailsAtPlan(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: testAccJamaConnectorBasicConfig(sb, "Switch", "https://acme.jamacloud.com", "pw", true)},
			// Interchange holds no client secret for the connector: the plan says so, not the apply's 400.
			{
				Config: sb.ProviderConfig() + `
resource "almsync_jama_connector" "test" {
  name      = "Switch"
  url       = "https://acme.jamacloud.com"
  auth_type = "oauth"
  client_id = "interchange-client"
}
`,
				PlanOnly:    true,
				ExpectError: acctest.MessagePattern(`Missing Secret for Authentication Type.*from "basic" to "oauth".*client_secret`),
			},
		},
	})
}
