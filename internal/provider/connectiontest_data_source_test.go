package provider_test

import (
	"encoding/pem"
	"fmt"
	"net"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
)

const connTestAddr = "data.almsync_connection_test.test"

// testAccSyncConnectionTestConfig is a JIRA Connector connection to jiraURL
// and its connection test.
func testAccSyncConnectionTestConfig(sb *acctest.Sandbox, providerExtra, jiraURL, username, password string) string {
	return sb.ProviderConfigWith(providerExtra) + fmt.Sprintf(`
resource "almsync_jira_sync_connection" "test" {
  jira_url      = %q
  jira_username = %q
  jira_password = %q
  jama_user     = "admin"
  schedule {
    interval_minutes = 60
  }
}

data "almsync_connection_test" "test" {
  jira_sync_connection_id = almsync_jira_sync_connection.test.id
}
`, jiraURL, username, password)
}

// failedCheck asserts success = false and that the named check failed with
// a detail matching detail.
func failedCheck(index int, name, detail string) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("success"), knownvalue.Bool(false)),
		statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checks").AtSliceIndex(index), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"name":    knownvalue.StringExact(name),
			"success": knownvalue.Bool(false),
			"detail":  knownvalue.StringRegexp(acctest.MessagePattern(detail)),
		})),
	}
}

// closedPort is a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return addr
}

// selfSignedJira is an https front of the sandbox's Jira with a
// self-signed certificate; it returns its URL and the certificate as PEM.
func selfSignedJira(t *testing.T, sb *acctest.Sandbox) (string, string) {
	t.Helper()
	target, err := url.Parse(sb.URL)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewTLSServer(httputil.NewSingleHostReverseProxy(target))
	t.Cleanup(hs.Close)
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: hs.Certificate().Raw})
	return hs.URL + "/jira", string(certPEM)
}

func TestAccConnectionTest_JiraSyncConnection(t *testing.T) {
	type testCase struct {
		config string
		checks []statecheck.StateCheck
	}
	// Each case gets its own sandbox: a Jira URL has one connection only.
	cases := map[string]func(sb *acctest.Sandbox) testCase{
		"success": func(sb *acctest.Sandbox) testCase {
			return testCase{
				config: testAccSyncConnectionTestConfig(sb, "", sb.ProductURL("jira"), "sync@example.com", "sandbox-token"),
				checks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("success"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("message"), knownvalue.StringExact("Connection succeeded")),
					statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checks").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("reachability")),
					statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checked_at"), knownvalue.NotNull()),
				},
			}
		},
		"wrong password": func(sb *acctest.Sandbox) testCase {
			return testCase{
				config: testAccSyncConnectionTestConfig(sb, "", sb.ProductURL("jira"), "sync@example.com", "wrong-token"),
				checks: failedCheck(1, "authentication", "401"),
			}
		},
		"unreachable host": func(sb *acctest.Sandbox) testCase {
			return testCase{
				config: testAccSyncConnectionTestConfig(sb, "", "http://"+closedPort(t)+"/jira", "sync@example.com", "sandbox-token"),
				checks: failedCheck(0, "reachability", "connection refused"),
			}
		},
		"untrusted self-signed certificate": func(sb *acctest.Sandbox) testCase {
			tlsURL, _ := selfSignedJira(t, sb)
			return testCase{
				config: testAccSyncConnectionTestConfig(sb, "", tlsURL, "sync@example.com", "sandbox-token"),
				checks: failedCheck(1, "tls", "certificate"),
			}
		},
		"self-signed certificate trusted through ca_cert_pem": func(sb *acctest.Sandbox) testCase {
			tlsURL, tlsCert := selfSignedJira(t, sb)
			return testCase{
				config: testAccSyncConnectionTestConfig(sb, fmt.Sprintf("ca_cert_pem = %q", tlsCert), tlsURL, "sync@example.com", "sandbox-token"),
				checks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("success"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checks").AtSliceIndex(1).AtMapKey("name"), knownvalue.StringExact("tls")),
				},
			}
		},
		"missing permission": func(sb *acctest.Sandbox) testCase {
			return testCase{
				config: testAccSyncConnectionTestConfig(sb, "", sb.ProductURL("jira"), "limited@example.com", "sandbox-token"),
				checks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("success"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("message"), knownvalue.StringRegexp(acctest.MessagePattern("CREATE_ATTACHMENTS"))),
				},
			}
		},
		"jira cloud username that is not an email": func(sb *acctest.Sandbox) testCase {
			return testCase{
				config: testAccSyncConnectionTestConfig(sb, "", sb.ProductURL("jira"), "admin", "sandbox"),
				checks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("success"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("message"), knownvalue.StringRegexp(acctest.MessagePattern(`username.*admin`))),
				},
			}
		},
	}
	for name, build := range cases {
		t.Run(name, func(t *testing.T) {
			tc := build(acctest.StartSandbox(t))
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps:                    []resource.TestStep{{Config: tc.config, ConfigStateChecks: tc.checks}},
			})
		})
	}
}

// TestAccConnectionTest_EveryKind runs the test of each connection kind
// against the sandbox's own products.
func TestAccConnectionTest_EveryKind(t *testing.T) {
	sb := acctest.StartSandbox(t)
	config := sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jama_connector" "c" {
  name      = "Tested"
  url       = %[1]q
  auth_type = "basic"
  username  = "admin"
  password  = "sandbox"
}
resource "almsync_jitterbit_jsm_connection" "j" {
  project_guid = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
  name        = "Tested"
  auth_scheme = "Basic"
  url         = %[2]q
  user        = "sync@example.com"
  api_token   = "sandbox-token"
}
resource "almsync_aqua_jira_sync" "a" {
  name             = "Tested"
  aqua_project_id  = "2"
  jira_url         = %[2]q
  jira_project_key = "SYNC"
  configuration_user {
    email     = "sync@example.com"
    api_token = "sandbox-token"
  }
}
data "almsync_connection_test" "c" {
  jama_connector_id = almsync_jama_connector.c.id
}
data "almsync_connection_test" "j" {
  jitterbit_jsm_connection_id = almsync_jitterbit_jsm_connection.j.id
}
data "almsync_connection_test" "a" {
  aqua_jira_sync_id = almsync_aqua_jira_sync.a.id
}
`, sb.ProductURL("jama"), sb.ProductURL("jira"))
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.almsync_connection_test.c", tfjsonpath.New("success"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.almsync_connection_test.j", tfjsonpath.New("success"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.almsync_connection_test.a", tfjsonpath.New("success"), knownvalue.Bool(true)),
			},
		}},
	})
}

func TestAccConnectionTest_UnknownIDIsAnError(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:      sb.ProviderConfig() + `data "almsync_connection_test" "x" { jama_connector_id = "404" }`,
				ExpectError: acctest.MessagePattern(`Connection Not Found`),
			},
			{
				Config:      sb.ProviderConfig() + `data "almsync_connection_test" "x" {}`,
				ExpectError: acctest.MessagePattern(`Missing Attribute Configuration.*Exactly one of these attributes must be configured`),
			},
		},
	})
}

// TestConnectionTest_OneMistakeOneError: a missing or second selector is
// one mistake, reported once (not once per selector attribute).
func TestConnectionTest_OneMistakeOneError(t *testing.T) {
	t.Parallel()
	id := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	cases := map[string]map[string]tftypes.Value{
		"no selector":   {},
		"two selectors": {"jama_connector_id": id("1"), "aqua_jira_sync_id": id("2")},
		"all four": {
			"jama_connector_id": id("1"), "aqua_jira_sync_id": id("2"), "jira_sync_connection_id": id("3"), "jitterbit_jsm_connection_id": id("x"),
		},
	}
	for name, vals := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			diags := acctest.ValidateDataSourceConfig(t, "almsync_connection_test", vals)
			if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityError {
				var texts []string
				for _, d := range diags {
					texts = append(texts, d.Summary+": "+d.Detail)
				}
				t.Fatalf("want exactly one error, got %d: %q", len(diags), texts)
			}
			if !strings.Contains(diags[0].Detail, "jama_connector_id") {
				t.Errorf("the error does not name the selectors: %s", diags[0].Detail)
			}
		})
	}
	if diags := acctest.ValidateDataSourceConfig(t, "almsync_connection_test", map[string]tftypes.Value{"jama_connector_id": id("1")}); len(diags) != 0 {
		t.Errorf("one selector is valid, got %v", diags)
	}
}
