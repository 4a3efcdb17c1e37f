package provider_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

const jsmAddr = "almsync_jitterbit_jsm_connection.test"

// jsmInSandbox reads a connection straight from the sandbox's Harmony.
func jsmInSandbox(t *testing.T, sb *acctest.Sandbox, id string) jitterbit.JSMConnection {
	t.Helper()
	var c jitterbit.JSMConnection
	acctest.Data(t, sb.JitterbitCall(t, http.StatusOK, http.MethodGet, "/almsync/jitterbit-jsm-connections/v1/connections/"+id, nil), &c)
	return c
}

// testAccJSMBasicConfig is a Basic connection of project (a GUID) in the
// provider's default environment.
func testAccJSMBasicConfig(sb *acctest.Sandbox, project, name, extra string) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jitterbit_jsm_connection" "test" {
  project_guid            = %[1]q
  name                    = %[2]q
  auth_scheme             = "Basic"
  url                     = "https://acme.atlassian.net"
  user                    = "integration@example.com"
  api_token_wo            = "jsm-api-token-1"
  api_token_wo_version    = 1
  %[3]s
}
`, project, name, extra)
}

func TestAccJSMConnection_BasicWithAPIToken(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	differentID := statecheck.CompareValue(compare.ValuesDiffer())
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: testAccJSMBasicConfig(sb, acctest.JitterbitJSMProject, "JSM Production", ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("auth_scheme"), knownvalue.StringExact("Basic")),
					statecheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("use_proxy_settings"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("api_token_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("oauth"), knownvalue.Null()),
					sameID.AddStateValue(jsmAddr, tfjsonpath.New("id")),
					differentID.AddStateValue(jsmAddr, tfjsonpath.New("id")),
					acctest.NoValueInState("jsm-api-token-1"),
					acctest.CaptureID(jsmAddr, &id),
					acctest.ExpectObject(jsmAddr, func(connID string) error {
						if tok, _ := sb.Server.JitterbitConnectionSecret(connID, "apiToken"); tok != "jsm-api-token-1" {
							return fmt.Errorf("the write-only API token did not reach Jitterbit")
						}
						return nil
					}),
				},
			},
			{Config: testAccJSMBasicConfig(sb, acctest.JitterbitJSMProject, "JSM Production", ""), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			// Import by id and by <environment_id>/<project_guid>/name=<name>.
			{ResourceName: jsmAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"api_token_wo_version"}},
			{ResourceName: jsmAddr, ImportState: true, ImportStateId: acctest.JitterbitDevEnvironment + "/" + acctest.JitterbitJSMProject + "/name=jsm production", ImportStateVerify: true, ImportStateVerifyIgnore: []string{"api_token_wo_version"}},
			// Rename, proxy settings and advanced properties: in place.
			{
				Config: testAccJSMBasicConfig(sb, acctest.JitterbitJSMProject, "JSM Prod", `use_proxy_settings = true
  advanced_properties = { Timeout = "120" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(jsmAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("advanced_properties").AtMapKey("Timeout"), knownvalue.StringExact("120")),
					sameID.AddStateValue(jsmAddr, tfjsonpath.New("id")),
				},
			},
			// Changed in the UI: the plan shows it.
			{
				PreConfig: func() {
					c := jsmInSandbox(t, sb, id)
					c.UseProxySettings = false
					c.User = "someone.else@example.com"
					c.ID = "" // read-only: a replace does not send it
					sb.JitterbitCall(t, http.StatusOK, http.MethodPut, "/almsync/jitterbit-jsm-connections/v1/connections/"+id, c)
				},
				Config: testAccJSMBasicConfig(sb, acctest.JitterbitJSMProject, "JSM Prod", `use_proxy_settings = true
  advanced_properties = { Timeout = "120" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(jsmAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("user"), knownvalue.StringExact("integration@example.com")),
				}},
			},
			// Another project: a connection never moves, so it is replaced.
			{
				Config: testAccJSMBasicConfig(sb, acctest.JitterbitServiceDeskProject, "JSM Prod", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(jsmAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					differentID.AddStateValue(jsmAddr, tfjsonpath.New("id")),
					acctest.CaptureID(jsmAddr, &id),
				},
			},
			// Deleted in the UI: planned for creation again.
			{
				PreConfig: func() {
					sb.JitterbitCall(t, http.StatusNoContent, http.MethodDelete, "/almsync/jitterbit-jsm-connections/v1/connections/"+id, nil)
				},
				Config: testAccJSMBasicConfig(sb, acctest.JitterbitServiceDeskProject, "JSM Prod", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(jsmAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

func TestAccJSMConnection_OAuthRefresh(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := sb.ProviderConfig() + `
resource "almsync_jitterbit_jsm_connection" "test" {
  project_guid = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
  name        = "JSM OAuth"
  auth_scheme = "OAuth"
  url         = "[jsm_url]"

  oauth {
    initiate_oauth           = "REFRESH"
    version                  = "2.0"
    cloud_id                 = "11223344-aaaa-bbbb-cccc-123456789012"
    expires_in               = 3600
    access_token_wo          = "oauth-access-1"
    access_token_wo_version  = 1
    refresh_token_wo         = "oauth-refresh-1"
    refresh_token_wo_version = 1
  }

  advanced_properties = {
    OAuthSettingsLocation = "/opt/jitterbit/oauth/jsm-oauth.txt"
  }
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("url"), knownvalue.StringExact("[jsm_url]")),
					statecheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("oauth").AtMapKey("initiate_oauth"), knownvalue.StringExact("REFRESH")),
					statecheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("oauth").AtMapKey("expires_in"), knownvalue.Int64Exact(3600)),
					statecheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("oauth").AtMapKey("refresh_token_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("oauth").AtMapKey("refresh_token_wo_version"), knownvalue.Int64Exact(1)),
					acctest.NoValueInState("oauth-access-1", "oauth-refresh-1"),
					acctest.ExpectObject(jsmAddr, func(id string) error {
						if tok, _ := sb.Server.JitterbitConnectionSecret(id, "oauth.refreshToken"); tok != "oauth-refresh-1" {
							return fmt.Errorf("the refresh token did not reach Jitterbit")
						}
						return nil
					}),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				ResourceName: jsmAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"oauth.access_token_wo_version", "oauth.refresh_token_wo_version"},
			},
		},
	})
}

func TestAccJSMConnection_Crowd(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := sb.ProviderConfig() + `
resource "almsync_jitterbit_jsm_connection" "test" {
  project_guid = "9a87b6c5-a1b2-34c5-6d7e-123456a7b002"
  name        = "JSM Crowd"
  auth_scheme = "Crowd"
  url         = "https://jira.example.com"
  user        = "svc-jitterbit"
  password    = "crowd-user-pw"

  sso {
    login_url    = "https://crowd.example.com/crowd"
    app_name     = "jitterbit"
    app_password = "crowd-app-pw"
  }

  ssl {
    client_cert_type = "PEMKEY_BLOB"
    server_cert      = "*"
  }
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("sso").AtMapKey("app_name"), knownvalue.StringExact("jitterbit")),
					statecheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("ssl").AtMapKey("client_cert_type"), knownvalue.StringExact("PEMKEY_BLOB")),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{ResourceName: jsmAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"password", "sso.app_password"}},
		},
	})
}

func TestAccJSMConnection_PlanTimeValidation(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cases := map[string]struct{ body, want string }{
		"slash in name":       {`name = "a/b"` + "\n auth_scheme = \"Auto\"", `must not contain forward slashes`},
		"colon in name":       {`name = "a:b"` + "\n auth_scheme = \"Auto\"", `must not contain forward slashes \(/\) or colons`},
		"basic without user":  {`auth_scheme = "Basic"` + "\n api_token = \"t\"", "`auth_scheme = \"Basic\"` needs `user`"},
		"basic without token": {`auth_scheme = "Basic"` + "\n user = \"u\"", "needs `password` or `api_token`"},
		"basic with oauth": {`auth_scheme = "Basic"
  user = "u"
  password = "p"
  oauth {
    initiate_oauth = "OFF"
    access_token = "a"
  }`, "The `oauth` block is used only by `auth_scheme = \"OAuth\"`"},
		"oauth with sso": {`auth_scheme = "OAuth"
  sso {
    login_url = "https://crowd.example.com"
  }
  oauth {
    initiate_oauth = "OFF"
    access_token = "a"
  }`, "The `sso` block is used only by `auth_scheme = \"Crowd\"`"},
		"oauth without block": {`auth_scheme = "OAuth"`, `Missing OAuth Block`},
		"OFF without access token": {`auth_scheme = "OAuth"
  oauth {
    initiate_oauth = "OFF"
  }`, "`initiate_oauth = \"OFF\"` \\(scenario 1\\) needs `access_token`"},
		"REFRESH without refresh token": {`auth_scheme = "OAuth"
  oauth {
    initiate_oauth = "REFRESH"
    access_token = "a"
  }`, "`initiate_oauth = \"REFRESH\"` \\(scenario 2\\) needs `refresh_token`"},
		"GETANDREFRESH without client": {`auth_scheme = "OAuth"
  oauth {
    initiate_oauth = "GETANDREFRESH"
  }`, "`initiate_oauth = \"GETANDREFRESH\"` needs `client_id`"},
		"GETANDREFRESH without secret": {`auth_scheme = "OAuth"
  oauth {
    initiate_oauth = "GETANDREFRESH"
    client_id = "c"
  }`, "`initiate_oauth = \"GETANDREFRESH\"` needs `client_secret`"},
		"crowd without sso": {`auth_scheme = "Crowd"
  user = "u"
  password = "p"`, `Missing SSO Block`},
		"crowd without app name": {`auth_scheme = "Crowd"
  user = "u"
  password = "p"
  sso {
    login_url = "https://crowd.example.com"
    app_password = "x"
  }`, "needs `sso.app_name`"},
		"expires_in zero": {`auth_scheme = "OAuth"
  oauth {
    initiate_oauth = "OFF"
    access_token = "a"
    expires_in = 0
  }`, `at least 1`},
		"bad url": {`auth_scheme = "Auto"
  url = "jira.example.com"`, "must be an absolute `http://` or `https://` URL"},
		"SSL list value in the OAuth store type": {`auth_scheme = "OAuth"
  oauth {
    initiate_oauth = "OFF"
    access_token = "a"
    certificate_store_type = "P7BFILE"
  }`, "`oauth.certificate_store_type` must be one of `USER`"},
		"OAuth list value in the SSL cert type": {`auth_scheme = "Auto"
  ssl {
    client_cert_type = "P10BFILE"
  }`, "`ssl.client_cert_type` must be one of `USER`"},
		"unknown scheme": {`auth_scheme = "Kerberos"`, `must be one of`},
		"wrong-case scheme": {`auth_scheme = "basic"
  user = "u"
  sso {
    login_url = "https://crowd.example.com"
  }`, "`auth_scheme` must be written `Basic`: Jitterbit's values are case-sensitive"},
		"crowd with an API token": {`auth_scheme = "Crowd"
  user = "u"
  password = "p"
  api_token = "t"
  sso {
    login_url = "https://crowd.example.com"
    app_name = "jitterbit"
    app_password = "x"
  }`, "it never sends `api_token`"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			nameAttr := `name = "Validation"`
			if acctest.MessagePattern(`^name =`).MatchString(tc.body) {
				nameAttr = ""
			}
			acctest.PlanFails(t, sb.ProviderConfig()+fmt.Sprintf(`
resource "almsync_jitterbit_jsm_connection" "test" {
  project_guid = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
  %s
  %s
}
`, nameAttr, tc.body), tc.want)
		})
	}
	if n := sb.Server.Stats().Total; n != 0 {
		t.Errorf("plan-time validation made %d requests to the sandbox, want none", n)
	}
}

// TestAccJSMConnection_VariableReferencesSkipFormatChecks: values that
// Jitterbit resolves at run time plan without errors.
func TestAccJSMConnection_VariableReferencesSkipFormatChecks(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + `
resource "almsync_jitterbit_jsm_connection" "test" {
  project_guid = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
  name        = "Variables"
  auth_scheme = "Crowd"
  url         = "[jsm_url]"
  user        = "[jsm_user]"
  password    = "p"
  sso {
    login_url    = "[crowd_login_url]"
    exchange_url = "[crowd_exchange_url]"
    app_name     = "[crowd_app]"
    app_password = "x"
  }
  ssl {
    client_cert_type = "[cert_type]"
  }
}
`,
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		}},
	})
}

// TestAccJSMConnection_Examples applies the documented example, one
// connection per auth scheme, against the sandbox.
func TestAccJSMConnection_Examples(t *testing.T) {
	sb := acctest.StartSandbox(t)
	example := sb.ProviderConfig() + acctest.Example(t, "resources/almsync_jitterbit_jsm_connection/resource.tf")
	vars := config.Variables{
		"project_guid":       config.StringVariable(acctest.JitterbitJSMProject),
		"jsm_api_token":      config.StringVariable("example-api-token"),
		"jsm_access_token":   config.StringVariable("example-access-token"),
		"jsm_refresh_token":  config.StringVariable("example-refresh-token"),
		"jira_password":      config.StringVariable("example-jira-password"),
		"crowd_app_password": config.StringVariable("example-crowd-password"),
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:          example,
				ConfigVariables: vars,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("almsync_jitterbit_jsm_connection.basic", tfjsonpath.New("auth_scheme"), knownvalue.StringExact("Basic")),
					statecheck.ExpectKnownValue("almsync_jitterbit_jsm_connection.oauth", tfjsonpath.New("oauth").AtMapKey("initiate_oauth"), knownvalue.StringExact("REFRESH")),
					statecheck.ExpectKnownValue("almsync_jitterbit_jsm_connection.crowd", tfjsonpath.New("sso").AtMapKey("app_name"), knownvalue.StringExact("jitterbit")),
					acctest.NoValueInState("example-api-token", "example-refresh-token", "example-crowd-password"),
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

// TestAccJSMConnection_EmptyValuesPlanClean: an empty map and empty
// strings, as variables with `default = ""` give them, apply and plan
// clean on the same connection.
func TestAccJSMConnection_EmptyValuesPlanClean(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := sb.ProviderConfig() + `
resource "almsync_jitterbit_jsm_connection" "test" {
  project_guid      = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
  name                = "JSM Empty"
  auth_scheme         = "Basic"
  url                 = "https://acme.atlassian.net"
  user                = "integration@example.com"
  api_token           = "jsm-api-token-1"
  advanced_properties = {}

  ssl {
    client_cert_subject = ""
    server_cert         = "*"
  }
}

resource "almsync_jitterbit_jsm_connection" "oauth" {
  project_guid      = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
  name                = "JSM Empty OAuth"
  auth_scheme         = "OAuth"
  url                 = ""

  oauth {
    initiate_oauth   = "REFRESH"
    scope            = ""
    version          = ""
    access_token     = "a"
    refresh_token    = "r"
  }

  advanced_properties = {
    OAuthSettingsLocation = "/opt/jitterbit/oauth/empty.txt"
  }
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("advanced_properties"), knownvalue.MapExact(map[string]knownvalue.Check{})),
					statecheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("ssl").AtMapKey("client_cert_subject"), knownvalue.StringExact("")),
					statecheck.ExpectKnownValue("almsync_jitterbit_jsm_connection.oauth", tfjsonpath.New("oauth").AtMapKey("scope"), knownvalue.StringExact("")),
					statecheck.ExpectKnownValue("almsync_jitterbit_jsm_connection.oauth", tfjsonpath.New("url"), knownvalue.StringExact("")),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

// TestAccJSMConnection_SchemeChangeNeedsSecretsAtPlan: switching an
// existing connection from Basic to Crowd without Crowd's passwords fails
// at plan, as creating it would, before any request changes it.
func TestAccJSMConnection_SchemeChangeNeedsSecretsAtPlan(t *testing.T) {
	sb := acctest.StartSandbox(t)
	crowd := sb.ProviderConfig() + `
resource "almsync_jitterbit_jsm_connection" "test" {
  project_guid = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
  name        = "JSM Switch"
  auth_scheme = "Crowd"
  url         = "https://jira.example.com"
  user        = "integration@example.com"
  sso {
    login_url = "https://crowd.example.com/crowd"
    app_name  = "jitterbit"
  }
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: testAccJSMBasicConfig(sb, acctest.JitterbitJSMProject, "JSM Switch", "")},
			{
				Config:      crowd,
				PlanOnly:    true,
				ExpectError: acctest.MessagePattern("(?s)`auth_scheme = \"Crowd\"` needs `password`.*needs `sso.app_password`"),
			},
		},
	})
}

// TestAccJSMConnection_SensitiveValuesNotEchoed: a secret from a
// sensitive variable in the URL's userinfo or in the name never appears
// in the errors that reject them.
func TestAccJSMConnection_SensitiveValuesNotEchoed(t *testing.T) {
	sb := acctest.StartSandbox(t)
	const secret = "Zq9xKw"
	cases := map[string]struct{ attrs, summary string }{
		"url userinfo":     {`name = "JSM"` + "\n  url = \"http://svc:${var.secret}@jira.example.com\"", "Invalid URL"},
		"sso login_url":    {`name = "JSM"` + "\n  sso {\n    login_url = \"https://svc:${var.secret}@crowd.example.com\"\n  }", "Invalid URL"},
		"name":             {`name = "jsm/${var.secret}"`, "Invalid Connection Name"},
		"auth_scheme enum": {`name = "JSM"` + "\n  auth_scheme = var.secret", "Invalid Value"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config: sb.ProviderConfig() + fmt.Sprintf(`
variable "secret" {
  type      = string
  sensitive = true
}

resource "almsync_jitterbit_jsm_connection" "test" {
  project_guid = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
  %s
}
`, tc.attrs),
					ConfigVariables: config.Variables{"secret": config.StringVariable(secret)},
					PlanOnly:        true,
					ExpectError:     withoutSecret(secret, tc.summary),
				}},
			})
		})
	}
}

// withoutSecret matches an error output that contains want (a plain
// phrase) and nowhere secret, whose characters must all differ. Go's
// regular expressions have no negative look-ahead, so the pattern spells
// "any text in which secret does not start".
func withoutSecret(secret, want string) *regexp.Regexp {
	var alts, tails []string
	for i := range secret {
		alts = append(alts, regexp.QuoteMeta(secret[:i])+"[^"+regexp.QuoteMeta(secret[i:i+1])+"]")
		if i > 0 {
			tails = append(tails, regexp.QuoteMeta(secret[:i]))
		}
	}
	safe := "(?:" + strings.Join(alts, "|") + ")*"
	return regexp.MustCompile(`\A` + safe + strings.ReplaceAll(regexp.QuoteMeta(want), " ", `\s+`) + safe + "(?:" + strings.Join(tails, "|") + `)?\z`)
}

// testAccJSMConnectionIn is a Basic connection of the JSM Integration
// project under provider (a provider block), with extra attributes such as
// `environment_id = "202"`.
func testAccJSMConnectionIn(provider, extra string) string {
	return provider + fmt.Sprintf(`
resource "almsync_jitterbit_jsm_connection" "test" {
  project_guid = %[1]q
  name         = "JSM Environments"
  auth_scheme  = "Basic"
  url          = "https://acme.atlassian.net"
  user         = "integration@example.com"
  api_token    = "jsm-api-token"
  %[2]s
}
`, acctest.JitterbitJSMProject, extra)
}

// TestAccJSMConnection_EnvironmentDefaultsToTheProviderBlock: the plan
// shows the provider's default environment; another default replaces the
// connection, which never moves; an explicit environment wins.
func TestAccJSMConnection_EnvironmentDefaultsToTheProviderBlock(t *testing.T) {
	sb := acctest.StartSandbox(t)
	prodDefault := sb.JitterbitProviderConfig(`environment_id = "202"`)
	differentID := statecheck.CompareValue(compare.ValuesDiffer())
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: testAccJSMConnectionIn(sb.ProviderConfig(), ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("environment_id"), knownvalue.StringExact(acctest.JitterbitDevEnvironment)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("environment_id"), knownvalue.StringExact(acctest.JitterbitDevEnvironment)),
					statecheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("project_guid"), knownvalue.StringExact(acctest.JitterbitJSMProject)),
					differentID.AddStateValue(jsmAddr, tfjsonpath.New("id")),
				},
			},
			{Config: testAccJSMConnectionIn(sb.ProviderConfig(), ""), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			// The provider's default environment changes: the connection is
			// created in the new one.
			{
				Config: testAccJSMConnectionIn(prodDefault, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(jsmAddr, plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectKnownValue(jsmAddr, tfjsonpath.New("environment_id"), knownvalue.StringExact(acctest.JitterbitProdEnvironment)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{differentID.AddStateValue(jsmAddr, tfjsonpath.New("id"))},
			},
			// The same environment set on the resource: nothing to do.
			{
				Config:           testAccJSMConnectionIn(sb.ProviderConfig(), `environment_id = "202"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				ResourceName: jsmAddr, ImportState: true, ImportStateVerify: true,
				ImportStateId:           acctest.JitterbitProdEnvironment + "/" + acctest.JitterbitJSMProject + "/name=JSM Environments",
				ImportStateVerifyIgnore: []string{"api_token"},
			},
		},
	})
}

// TestAccJSMConnection_ProjectNotInEnvironment: a project that was never
// deployed to the environment is named as such before anything is created.
func TestAccJSMConnection_ProjectNotInEnvironment(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jitterbit_jsm_connection" "test" {
  environment_id = %[1]q
  project_guid   = %[2]q
  name           = "JSM Nowhere"
  auth_scheme    = "Basic"
  user           = "integration@example.com"
  api_token      = "t"
}
`, acctest.JitterbitProdEnvironment, acctest.JitterbitServiceDeskProject),
			ExpectError: acctest.MessagePattern("Project " + acctest.JitterbitServiceDeskProject + " is not in Harmony environment 202"),
		}},
	})
}

func TestAccJSMConnection_EnvironmentAndProjectValidation(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cases := map[string]struct{ provider, attrs, want string }{
		"a project id instead of its GUID": {attrs: `project_guid = "1001"`, want: "must be the project's GUID"},
		"a bad environment id": {
			attrs: fmt.Sprintf("project_guid = %q\n  environment_id = \"Production\"", acctest.JitterbitJSMProject), want: "must be a Harmony environment ID",
		},
		"no environment anywhere": {
			provider: sb.JitterbitProviderConfig(""), attrs: fmt.Sprintf("project_guid = %q", acctest.JitterbitJSMProject),
			want: "Set `environment_id` on the resource, or `environment_id` in the provider's `jitterbit` block",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			provider := tc.provider
			if provider == "" {
				provider = sb.ProviderConfig()
			}
			acctest.PlanFails(t, provider+fmt.Sprintf(`
resource "almsync_jitterbit_jsm_connection" "test" {
  %s
  name        = "Validation"
  auth_scheme = "Basic"
  user        = "u"
  api_token   = "t"
}
`, tc.attrs), tc.want)
		})
	}
}
