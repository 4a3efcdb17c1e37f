package provider_test

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
)

// clearProductEnv unsets every product variable so the machine's own
// settings cannot leak into a test.
func clearProductEnv(t *testing.T) {
	for _, p := range []string{"JAMA", "INTERCHANGE", "JITTERBIT", "AQUA"} {
		for _, f := range []string{"URL", "USERNAME", "PASSWORD", "CLIENT_ID", "CLIENT_SECRET", "ORGANIZATION_ID", "ENVIRONMENT_ID", "CONTRACT_URL", "REQUESTS_PER_SECOND"} {
			t.Setenv(p+"_"+f, "")
		}
	}
	for _, v := range []string{"ALMSYNC_CA_CERT_PEM", "ALMSYNC_MAX_RETRIES", "ALMSYNC_REQUEST_TIMEOUT"} {
		t.Setenv(v, "")
	}
}

// jamaOnly is a provider block with only a jama block at url, with the
// sandbox's credentials and the provider's default settings.
func jamaOnly(url string) string {
	return fmt.Sprintf(`provider "almsync" {
  jama {
    url      = %q
    username = "admin"
    password = "sandbox"
  }
}`, url)
}

const adminLookup = `
data "almsync_jama_user" "admin" {
  username = "admin"
}
`

func TestAccProvider_ConfigErrors(t *testing.T) {
	clearProductEnv(t)
	sb := acctest.StartSandbox(t)
	jamaURL := sb.ProductURL("jama")
	cases := map[string]struct {
		config string
		want   string
	}{
		"half a basic pair names the missing attribute": {
			config: fmt.Sprintf(`provider "almsync" {
  jama {
    url      = %q
    username = "admin"
  }
}`, jamaURL) + adminLookup,
			want: "(?s)Missing Jama password.*`jama.password`.*JAMA_PASSWORD",
		},
		"half an oauth pair names the missing attribute": {
			config: fmt.Sprintf(`provider "almsync" {
  jama {
    url       = %q
    client_id = "sandbox-client"
  }
}`, jamaURL) + adminLookup,
			want: "(?s)Missing Jama client_secret.*JAMA_CLIENT_SECRET",
		},
		"both auth modes": {
			config: fmt.Sprintf(`provider "almsync" {
  jama {
    url           = %q
    username      = "admin"
    password      = "sandbox"
    client_id     = "sandbox-client"
    client_secret = "sandbox-secret"
  }
}`, jamaURL) + adminLookup,
			want: "Conflicting Jama Credentials",
		},
		"no credentials": {
			config: fmt.Sprintf(`provider "almsync" {
  jama { url = %q }
}`, jamaURL) + adminLookup,
			want: "(?s)Missing Jama Credentials.*JAMA_USERNAME",
		},
		"relative url": {
			config: `provider "almsync" {
  jama {
    url      = "acme.jamacloud.com"
    username = "admin"
    password = "sandbox"
  }
}` + adminLookup,
			want: "Invalid Jama URL",
		},
		"bad request timeout": {
			config: `provider "almsync" {
  request_timeout = "soon"
}` + adminLookup,
			want: "Invalid Request Timeout",
		},
		"too many retries": {
			config: `provider "almsync" {
  max_retries = 99
}` + adminLookup,
			want: "max_retries.*between 0 and 20|value must be between 0 and 20",
		},
		"ca cert that is not PEM": {
			config: `provider "almsync" {
  ca_cert_pem = "not a certificate"
}` + adminLookup,
			want: "Invalid CA Certificate",
		},
	}
	// This provider configuration has no interchange block.
	cases["missing product block names the block and its variables"] = struct {
		config string
		want   string
	}{
		config: fmt.Sprintf(`provider "almsync" {
  jama {
    url      = %q
    username = "admin"
    password = "sandbox"
  }
}
resource "almsync_jama_connector" "x" {
  name      = "x"
  url       = "https://acme.jamacloud.com"
  auth_type = "basic"
  username  = "u"
  password  = "p"
}`, jamaURL),
		want: "(?s)Interchange Not Configured.*`interchange` block.*INTERCHANGE_URL",
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config:      tc.config,
					PlanOnly:    true,
					ExpectError: acctest.MessagePattern(tc.want),
				}},
			})
		})
	}
}

func TestAccProvider_OAuthClientCredentials(t *testing.T) {
	clearProductEnv(t)
	sb := acctest.StartSandbox(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`provider "almsync" {
  jama {
    url           = %q
    client_id     = %q
    client_secret = %q
  }
}`, sb.ProductURL("jama"), acctest.SandboxClientID, acctest.SandboxSecret) + adminLookup,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.almsync_jama_user.admin", tfjsonpath.New("id"), knownvalue.StringExact("1")),
			},
		}},
	})
	if n := sb.Server.Stats().Products["jama"].Routes["POST /rest/oauth/token"]; n < 1 {
		t.Errorf("no OAuth token was requested (%d)", n)
	}
}

func TestAccProvider_EnvironmentFallback(t *testing.T) {
	clearProductEnv(t)
	sb := acctest.StartSandbox(t)
	t.Setenv("JAMA_URL", sb.ProductURL("jama"))
	t.Setenv("JAMA_USERNAME", acctest.SandboxUser)
	t.Setenv("JAMA_PASSWORD", acctest.SandboxPassword)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			// No block at all: the variables configure Jama.
			{
				Config: adminLookup,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.almsync_jama_user.admin", tfjsonpath.New("id"), knownvalue.StringExact("1")),
				},
			},
			// A block with only the username: the password comes from JAMA_PASSWORD.
			{
				Config: `provider "almsync" {
  jama { username = "admin" }
}` + adminLookup,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.almsync_jama_user.admin", tfjsonpath.New("id"), knownvalue.StringExact("1")),
				},
			},
		},
	})
}

// TestAccProvider_NoSecretInTraceLog applies every resource and data source
// with distinctive secrets at TF_LOG=trace, makes one apply fail, and
// searches the whole log for the secrets; plans must mark every secret
// sensitive and keep write-only values out.
func TestAccProvider_NoSecretInTraceLog(t *testing.T) {
	clearProductEnv(t)
	sb := acctest.StartSandbox(t)
	logPath := filepath.Join(t.TempDir(), "trace.log")
	if p := os.Getenv("ALMSYNC_KEEP_TRACE_LOG"); p != "" {
		logPath = p
	}
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	secrets := map[string]string{
		"connector":      "Zq9-connector-pw",
		"oauth":          "Zq9-oauth-secret",
		"user":           "Zq9-user-pw",
		"jira":           "Zq9-jira-pw",
		"jsm token":      "Zq9-jsm-token",
		"jsm refresh":    "Zq9-jsm-refresh",
		"aqua api token": "Zq9-aqua-token",
		"failing":        "Zq9-failing-pw",
	}
	config := fmt.Sprintf(`provider "almsync" {
  jama {
    url           = %[1]q
    client_id     = "sandbox-client"
    client_secret = "sandbox-secret"
  }
  interchange {
    url      = %[2]q
    username = "admin"
    password = "sandbox"
  }
  jitterbit {
    url            = %[3]q
    username       = "admin"
    password       = "sandbox"
    environment_id = "201"
  }
  aqua {
    url      = %[4]q
    username = "admin"
    password = "sandbox"
  }
}
resource "almsync_jama_connector" "basic" {
  name      = "Trace basic"
  url       = "https://acme.jamacloud.com"
  auth_type = "basic"
  username  = "svc"
  password  = %[5]q
}
resource "almsync_jama_connector" "oauth" {
  name                     = "Trace oauth"
  url                      = "https://acme.jamacloud.com"
  auth_type                = "oauth"
  client_id                = "cid"
  client_secret_wo         = %[6]q
  client_secret_wo_version = 1
}
resource "almsync_jama_user" "svc" {
  username     = "trace.user"
  email        = "trace@example.com"
  first_name   = "Trace"
  last_name    = "User"
  license_type = "NAMED"
  password     = %[7]q
}
resource "almsync_jira_sync_connection" "sync" {
  jira_url                 = "https://jira.example.com"
  jira_username            = "svc"
  jira_password_wo         = %[8]q
  jira_password_wo_version = 1
  jama_user                = almsync_jama_user.svc.username
  schedule {
    interval_minutes = 60
  }
}
resource "almsync_jitterbit_jsm_connection" "jsm" {
  project_guid = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
  name        = "Trace JSM"
  auth_scheme = "OAuth"
  url         = "https://acme.atlassian.net"
  oauth {
    initiate_oauth           = "REFRESH"
    access_token             = %[9]q
    refresh_token_wo         = %[10]q
    refresh_token_wo_version = 1
  }
  advanced_properties = { OAuthSettingsLocation = "/opt/oauth/trace.txt" }
}
resource "almsync_aqua_sync_user" "sync" {
  username   = "trace.sync"
  first_name = "Trace"
  surname    = "Sync"
  email      = "trace.sync@example.com"
}
resource "almsync_aqua_jira_sync" "sync" {
  name             = "Trace sync"
  aqua_project_id  = "1"
  jira_url         = %[11]q
  jira_project_key = "SYNC"
  configuration_user {
    email     = "sync@example.com"
    api_token = %[12]q
  }
}
resource "almsync_aqua_value_mapping" "resolution" {
  sync_id    = almsync_aqua_jira_sync.sync.id
  field      = "resolution"
  values     = { "Fixed" = "Fixed" }
  null_value = "Unresolved"
}
data "almsync_jira_preflight" "check" {
  url       = %[11]q
  username  = "sync@example.com"
  api_token = "sandbox-token"
}
`, sb.ProductURL("jama"), sb.ProductURL("interchange"), sb.ProductURL("jitterbit"), sb.ProductURL("aqua"),
		secrets["connector"], secrets["oauth"], secrets["user"], secrets["jira"], secrets["jsm token"], secrets["jsm refresh"],
		sb.ProductURL("jira"), secrets["aqua api token"])
	failing := fmt.Sprintf(`
resource "almsync_jama_connector" "duplicate" {
  name      = "Trace basic"
  url       = "https://acme.jamacloud.com"
  auth_type = "basic"
  username  = "svc"
  password  = %q
}
`, secrets["failing"])
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.ExpectSecretsHidden(secrets["oauth"], secrets["jira"], secrets["jsm refresh"]),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectNoSecretInState(secrets["oauth"], secrets["jira"], secrets["jsm refresh"]),
				},
			},
			// A failing apply: its error must not echo the secret either.
			{
				Config:      config + failing,
				ExpectError: acctest.MessagePattern(`Unable to Create Jama Connector.*409`),
			},
		},
	})
	raw, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatalf("reading the trace log: %v", err)
	}
	log := withoutTestConfiguration(string(raw))
	if !strings.Contains(log, "POST") || !strings.Contains(log, "Authorization:[***]") || !strings.Contains(log, "409") {
		t.Fatalf("the trace log (%d bytes) holds no masked HTTP exchange or no failed create, so the test proves nothing", len(log))
	}
	leaked := []string{"sandbox-secret", "sandbox-token", "c2FuZGJveC1jbGllbnQ6c2FuZGJveC1zZWNyZXQ=", "YWRtaW46c2FuZGJveA=="}
	for _, s := range secrets {
		leaked = append(leaked, s)
	}
	for _, s := range leaked {
		if strings.Contains(log, s) {
			t.Errorf("the trace log contains the secret %q", s)
		}
	}
}

// withoutTestConfiguration drops the test framework's own echo of the
// configuration file (the user's input, which naturally holds the secrets),
// keeping everything Terraform and the provider logged.
func withoutTestConfiguration(log string) string {
	var kept []string
	inConfig := false
	for _, line := range strings.Split(log, "\n") {
		switch {
		case strings.Contains(line, "test_terraform_configuration="):
			inConfig = true
			continue
		case inConfig && strings.HasPrefix(line, "  |"):
			continue
		}
		inConfig = false
		kept = append(kept, line)
	}
	return strings.Join(kept, "\n")
}

// TestAccProvider_ConfigWinsOverTheOtherModesEnvironment: Basic credentials
// in the block are used even when the environment holds OAuth ones.
func TestAccProvider_ConfigWinsOverTheOtherModesEnvironment(t *testing.T) {
	clearProductEnv(t)
	sb := acctest.StartSandbox(t)
	t.Setenv("JAMA_CLIENT_ID", "someone-elses-client")
	t.Setenv("JAMA_CLIENT_SECRET", "someone-elses-secret")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`provider "almsync" {
  jama {
    url      = %q
    username = %q
    password = %q
  }
}`, sb.ProductURL("jama"), acctest.SandboxUser, acctest.SandboxPassword) + adminLookup,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.almsync_jama_user.admin", tfjsonpath.New("id"), knownvalue.StringExact("1")),
			},
		}},
	})
}

// TestAccProvider_JamaRESTAPIURLIsAccepted: a Jama URL pasted with its
// REST API path `/rest/v1` works as the instance URL.
func TestAccProvider_JamaRESTAPIURLIsAccepted(t *testing.T) {
	clearProductEnv(t)
	sb := acctest.StartSandbox(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`provider "almsync" {
  jama {
    url      = "%s/rest/v1/"
    username = %q
    password = %q
  }
}`, sb.ProductURL("jama"), acctest.SandboxUser, acctest.SandboxPassword) + adminLookup,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.almsync_jama_user.admin", tfjsonpath.New("id"), knownvalue.StringExact("1")),
			},
		}},
	})
}

// TestAccProvider_URLErrorsHideSensitiveValues puts a sensitive variable
// into URLs that are wrong: the errors name the attribute and the rule, and
// the whole output holds no character of the secret (~).
func TestAccProvider_URLErrorsHideSensitiveValues(t *testing.T) {
	clearProductEnv(t)
	const variable = `
variable "secret" {
  type      = string
  sensitive = true
  default   = "~~~~"
}
`
	// interchangeOnly configures Interchange without reaching it: the plans
	// fail at validation first.
	const interchangeOnly = `provider "almsync" {
  interchange {
    url      = "https://ic.example.com"
    username = "admin"
    password = "sandbox"
  }
}
`
	cases := map[string]struct {
		config string
		want   string
	}{
		"userinfo in the provider block url": {
			config: `provider "almsync" {
  jama {
    url      = "https://${var.secret}:${var.secret}@jama.example.com"
    username = "admin"
    password = "sandbox"
  }
}` + adminLookup,
			want: "Invalid Jama URL.*`jama.url`: the value must not carry credentials",
		},
		"userinfo in the connector url": {
			config: interchangeOnly + `
resource "almsync_jama_connector" "test" {
  name      = "Leak"
  url       = "https://${var.secret}:${var.secret}@jama.example.com"
  auth_type = "basic"
  username  = "u"
  password  = "p"
}`,
			want: "Invalid URL.*`url`.*must not carry credentials",
		},
		"a secret in a connector name with white space": {
			config: interchangeOnly + `
resource "almsync_jama_connector" "test" {
  name      = " ${var.secret}"
  url       = "https://jama.example.com"
  auth_type = "basic"
  username  = "u"
  password  = "p"
}`,
			want: "Surrounding White Space.*`name` begins or ends with white space",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config:   variable + tc.config,
					PlanOnly: true,
					// [^~] everywhere: the secret appears nowhere in the output.
					ExpectError: regexp.MustCompile(`^[^~]*` + strings.ReplaceAll(strings.ReplaceAll(tc.want, ".*", `[^~]*`), " ", `\s+`) + `[^~]*$`),
				}},
			})
		})
	}
}

// TestAccProvider_ConnectionRefusedSaysCheckURL: nothing listens at the
// Jama URL; the error says to check `url`.
func TestAccProvider_ConnectionRefusedSaysCheckURL(t *testing.T) {
	clearProductEnv(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String() + "/jama"
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:      jamaOnly(closed) + adminLookup,
			ExpectError: acctest.MessagePattern("Nothing accepted the connection. Check the product's `url`"),
		}},
	})
}

// TestAccProvider_JitterbitBlock: the jitterbit block's environment_id is
// checked at plan, from the block or its variable, and a login Harmony
// refuses for SSO or two-factor authentication says which account to use.
func TestAccProvider_JitterbitBlock(t *testing.T) {
	clearProductEnv(t)
	sb := acctest.StartSandbox(t)
	project := fmt.Sprintf(`
data "almsync_jitterbit_project" "p" {
  project_guid = %q
}
`, acctest.JitterbitJSMProject)
	block := func(username, attrs string) string {
		return fmt.Sprintf(`
provider "almsync" {
  jitterbit {
    url      = %q
    username = %q
    password = %q
    %s
  }
}
`, sb.ProductURL("jitterbit"), username, acctest.SandboxPassword, attrs)
	}
	cases := map[string]struct {
		env, config, want string
	}{
		"environment_id that is not a number": {
			config: block(acctest.SandboxUser, `environment_id = "Production"`) + project,
			want:   "Invalid Harmony Environment ID.*`jitterbit.environment_id`: a Harmony environment ID is a number",
		},
		"JITTERBIT_ENVIRONMENT_ID that is not a number": {
			env: "dev", config: block(acctest.SandboxUser, "") + project,
			want: "Invalid Harmony Environment ID.*JITTERBIT_ENVIRONMENT_ID",
		},
		"an SSO user": {
			config: block("sso-admin", `environment_id = "201"`) + project,
			want:   "cannot log in through SSO.*Set the provider's `jitterbit.username` and `jitterbit.password`.*to a Harmony account without SSO",
		},
		"a two-factor user": {
			config: block("tfa-admin", `environment_id = "201"`) + project,
			want:   "two-factor.*Set the provider's `jitterbit.username` and `jitterbit.password`.*to a Harmony account without SSO or two-factor authentication",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Setenv("JITTERBIT_ENVIRONMENT_ID", tc.env)
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config:      tc.config,
					PlanOnly:    true,
					ExpectError: acctest.MessagePattern(tc.want),
				}},
			})
		})
	}
}

// TestAccProvider_JitterbitEnvironmentFromVariable: JITTERBIT_ENVIRONMENT_ID
// is the default environment when the block sets none.
func TestAccProvider_JitterbitEnvironmentFromVariable(t *testing.T) {
	clearProductEnv(t)
	t.Setenv("JITTERBIT_ENVIRONMENT_ID", acctest.JitterbitProdEnvironment)
	sb := acctest.StartSandbox(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: sb.JitterbitProviderConfig("") + fmt.Sprintf(`
data "almsync_jitterbit_project" "p" {
  project_guid = %q
}
`, acctest.JitterbitJSMProject),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.almsync_jitterbit_project.p", tfjsonpath.New("environment_id"), knownvalue.StringExact(acctest.JitterbitProdEnvironment)),
			},
		}},
	})
}
