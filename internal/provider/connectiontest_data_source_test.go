package provider_test

import (
	"context"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"regexp"
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

// failedCheck asserts status = "failed", success = false and that the
// named check failed with a detail matching detail.
func failedCheck(index int, name, detail string) []statecheck.StateCheck {
	return notPassedCheck("failed", index, name, detail)
}

// inconclusiveCheck asserts status = "inconclusive", success = false, a
// message naming the check as inconclusive, and that the named check is
// inconclusive with a detail matching detail.
func inconclusiveCheck(index int, name, detail string) []statecheck.StateCheck {
	return notPassedCheck("inconclusive", index, name, detail)
}

// notPassedCheck asserts the data source's status and success, a message
// that starts with the check's name and status, and check index.
func notPassedCheck(status string, index int, name, detail string) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("status"), knownvalue.StringExact(status)),
		statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("success"), knownvalue.Bool(false)),
		statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("message"), knownvalue.StringRegexp(regexp.MustCompile(`^`+regexp.QuoteMeta(name+" "+status+": ")))),
		statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checks").AtSliceIndex(index), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"name":    knownvalue.StringExact(name),
			"status":  knownvalue.StringExact(status),
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
					statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("status"), knownvalue.StringExact("passed")),
					statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checks").AtSliceIndex(1).AtMapKey("status"), knownvalue.StringExact("passed")),
					statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("message"), knownvalue.StringExact("Connection succeeded (checked by Jama's servers)")),
					statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checked_from"), knownvalue.StringExact("product")),
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
				checks: inconclusiveCheck(0, "reachability", "connection refused.*could not be reached by Jama's servers.*then retry"),
			}
		},
		"unknown host": func(sb *acctest.Sandbox) testCase {
			return testCase{
				config: testAccSyncConnectionTestConfig(sb, "", "http://jira.invalid/jira", "sync@example.com", "sandbox-token"),
				checks: inconclusiveCheck(0, "reachability", "jira.invalid.*check the URL, DNS"),
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
					statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("status"), knownvalue.StringExact("failed")),
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

// Where a check ran, as every detail and message of this data source says.
const (
	byTerraform = "(checked from the machine running Terraform)"
	byAqua      = "(checked by aqua's servers)"
)

// sandboxStats reads the sandbox's request counters: product to
// "METHOD route" to count.
func sandboxStats(t *testing.T, sb *acctest.Sandbox) map[string]map[string]int64 {
	t.Helper()
	var st struct {
		Products map[string]struct {
			Routes map[string]int64 `json:"routes"`
		} `json:"products"`
	}
	if err := json.Unmarshal(sb.MustCall(t, http.StatusOK, http.MethodGet, "/_sandbox/stats", nil), &st); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]int64{}
	for product, ps := range st.Products {
		out[product] = ps.Routes
	}
	return out
}

// expectRoute is a state check that the sandbox's product received route.
func expectRoute(t *testing.T, sb *acctest.Sandbox, product, route string) statecheck.StateCheck {
	return acctest.Expect(func() error {
		if n := sandboxStats(t, sb)[product][route]; n == 0 {
			return fmt.Errorf("the sandbox's %s received no %s: %v", product, route, sandboxStats(t, sb)[product])
		}
		return nil
	})
}

// expectNoRoute is a state check that the sandbox's product never
// received route.
func expectNoRoute(t *testing.T, sb *acctest.Sandbox, product, route string) statecheck.StateCheck {
	return acctest.Expect(func() error {
		if n := sandboxStats(t, sb)[product][route]; n != 0 {
			return fmt.Errorf("the sandbox's %s received %s %d times, want none", product, route, n)
		}
		return nil
	})
}

// expectSecretOnlyAsInput is a state check that secret appears in no
// attribute of the data source at addr other than `secret` itself.
func expectSecretOnlyAsInput(addr, secret string) statecheck.StateCheck {
	hidden := knownvalue.StringFunc(func(v string) error {
		if strings.Contains(v, secret) {
			return fmt.Errorf("%q holds the secret", v)
		}
		return nil
	})
	return stateChecks{
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("message"), hidden),
		checksDetails(addr, hidden),
	}
}

// stateChecks runs several state checks as one.
type stateChecks []statecheck.StateCheck

func (cs stateChecks) CheckState(ctx context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	var errs []error
	for _, c := range cs {
		var r statecheck.CheckStateResponse
		c.CheckState(ctx, req, &r)
		errs = append(errs, r.Error)
	}
	resp.Error = errors.Join(errs...)
}

// checksDetails applies check to the detail of every element of the
// data source's checks.
func checksDetails(addr string, check knownvalue.Check) statecheck.StateCheck {
	return checkFunc(func(ctx context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
		for _, r := range req.State.Values.RootModule.Resources {
			if r.Address != addr {
				continue
			}
			list, _ := r.AttributeValues["checks"].([]any)
			var errs []error
			for i, item := range list {
				obj, _ := item.(map[string]any)
				if err := check.CheckValue(obj["detail"]); err != nil {
					errs = append(errs, fmt.Errorf("checks[%d].detail: %w", i, err))
				}
			}
			resp.Error = errors.Join(errs...)
			return
		}
		resp.Error = fmt.Errorf("%s is not in state", addr)
	})
}

type checkFunc func(context.Context, statecheck.CheckStateRequest, *statecheck.CheckStateResponse)

func (f checkFunc) CheckState(ctx context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	f(ctx, req, resp)
}

// everyDetail is a state check that every check's detail of the data
// source at addr ends with where.
func everyDetail(addr, where string) statecheck.StateCheck {
	return checksDetails(addr, knownvalue.StringFunc(func(v string) error {
		if !strings.HasSuffix(v, where) {
			return fmt.Errorf("%q does not say where it ran, %s", v, where)
		}
		return nil
	}))
}

// checkNamesAre is a state check of the names of the data source's checks.
func checkNamesAre(addr string, names ...string) statecheck.StateCheck {
	items := make([]knownvalue.Check, 0, len(names))
	for _, n := range names {
		items = append(items, knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact(n)}))
	}
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New("checks"), knownvalue.ListExact(items))
}

// testAccConnectorSecretConfig is an Interchange connector to jamaURL and
// its connection test with secret ("" for none).
func testAccConnectorSecretConfig(sb *acctest.Sandbox, jamaURL, connector, secret string) string {
	secretLine := ""
	if secret != "" {
		secretLine = fmt.Sprintf("secret = %q", secret)
	}
	return sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jama_connector" "c" {
  name      = "Tested"
  url       = %[1]q
  %[2]s
}

data "almsync_connection_test" "test" {
  jama_connector_id = almsync_jama_connector.c.id
  %[3]s
}
`, jamaURL, connector, secretLine)
}

const (
	basicConnector = `auth_type = "basic"
  username  = "admin"
  password  = "sandbox"`
	oauthConnector = `auth_type     = "oauth"
  client_id     = "sandbox-client"
  client_secret = "sandbox-secret"`
)

// TestAccConnectionTest_JamaConnectorSecret: with `secret`, a connector's
// Jama instance is checked from this machine through Jama's public REST
// API (GET /rest/v1/users/current on the sandbox's Jama), with Basic and
// OAuth; without it, Interchange's own test runs and the message says
// what `secret` would add.
func TestAccConnectionTest_JamaConnectorSecret(t *testing.T) {
	cases := map[string]func(sb *acctest.Sandbox) (string, []statecheck.StateCheck){
		"basic with secret": func(sb *acctest.Sandbox) (string, []statecheck.StateCheck) {
			return testAccConnectorSecretConfig(sb, sb.ProductURL("jama"), basicConnector, "sandbox"), []statecheck.StateCheck{
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("success"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checked_from"), knownvalue.StringExact("terraform")),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("message"), knownvalue.StringExact("Connection succeeded "+byTerraform)),
				checkNamesAre(connTestAddr, "reachability", "authentication", "active", "license"),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checks").AtSliceIndex(3).AtMapKey("detail"),
					knownvalue.StringExact("license NAMED (Named Creator) gives access to Jama's REST API "+byTerraform)),
				everyDetail(connTestAddr, byTerraform),
				expectRoute(t, sb, "jama", "GET /rest/v1/users/current"),
			}
		},
		"oauth with secret": func(sb *acctest.Sandbox) (string, []statecheck.StateCheck) {
			return testAccConnectorSecretConfig(sb, sb.ProductURL("jama"), oauthConnector, "sandbox-secret"), []statecheck.StateCheck{
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("success"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checked_from"), knownvalue.StringExact("terraform")),
				checkNamesAre(connTestAddr, "reachability", "oauth token", "authentication", "active", "license"),
				expectRoute(t, sb, "jama", "POST /rest/oauth/token"),
				expectRoute(t, sb, "jama", "GET /rest/v1/users/current"),
			}
		},
		"wrong secret": func(sb *acctest.Sandbox) (string, []statecheck.StateCheck) {
			return testAccConnectorSecretConfig(sb, sb.ProductURL("jama"), basicConnector, "Wrong-S3cret-91"), []statecheck.StateCheck{
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checked_from"), knownvalue.StringExact("terraform")),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("success"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("status"), knownvalue.StringExact("failed")),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("message"), knownvalue.StringRegexp(
					acctest.MessagePattern(`^authentication failed: GET /rest/v1/users/current answered HTTP 401.*secret is its password.*`+regexp.QuoteMeta(byTerraform)+`$`))),
				expectSecretOnlyAsInput(connTestAddr, "Wrong-S3cret-91"),
			}
		},
		"unreachable with secret": func(sb *acctest.Sandbox) (string, []statecheck.StateCheck) {
			return testAccConnectorSecretConfig(sb, "http://"+closedPort(t), basicConnector, "sandbox"), []statecheck.StateCheck{
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("success"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("status"), knownvalue.StringExact("inconclusive")),
				checkNamesAre(connTestAddr, "reachability"),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checks").AtSliceIndex(0).AtMapKey("detail"),
					knownvalue.StringRegexp(acctest.MessagePattern(`connection refused.*`+regexp.QuoteMeta(byTerraform)))),
			}
		},
		"without secret": func(sb *acctest.Sandbox) (string, []statecheck.StateCheck) {
			return testAccConnectorSecretConfig(sb, sb.ProductURL("jama"), basicConnector, ""), []statecheck.StateCheck{
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("success"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checked_from"), knownvalue.StringExact("product")),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("message"), knownvalue.StringRegexp(acctest.MessagePattern(
					`^Connection succeeded \(checked by Interchange's servers\) Setting .secret. .*Jama's public REST API from the machine running Terraform`))),
				everyDetail(connTestAddr, "(checked by Interchange's servers)"),
			}
		},
	}
	for name, build := range cases {
		t.Run(name, func(t *testing.T) {
			sb := acctest.StartSandbox(t)
			config, checks := build(sb)
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps:                    []resource.TestStep{{Config: config, ConfigStateChecks: checks}},
			})
		})
	}
}

// TestAccConnectionTest_JamaConnectorSecretEchoed: a Jama that repeats the
// password in its error message does not get it into the test's message
// or details.
func TestAccConnectionTest_JamaConnectorSecretEchoed(t *testing.T) {
	const secret = "Echo-S3cret-42"
	echo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, password, _ := r.BasicAuth()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprintf(w, `{"meta":{"status":"Unauthorized","message":"password %s is wrong"},"links":{},"linked":{}}`, password)
	}))
	t.Cleanup(echo.Close)
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: testAccConnectorSecretConfig(sb, echo.URL, basicConnector, secret),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("success"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("message"), knownvalue.StringRegexp(acctest.MessagePattern(`password \(secret\) is wrong`))),
				expectSecretOnlyAsInput(connTestAddr, secret),
			},
		}},
	})
}

// testAccAquaSyncSecretConfig is an aqua Jira sync to the sandbox's Jira
// as sync@example.com and its connection test with secret ("" for none).
func testAccAquaSyncSecretConfig(sb *acctest.Sandbox, secret string) string {
	secretLine := ""
	if secret != "" {
		secretLine = fmt.Sprintf("secret = %q", secret)
	}
	return sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_aqua_jira_sync" "a" {
  name             = "Tested"
  aqua_project_id  = "2"
  jira_url         = %[1]q
  jira_project_key = "SYNC"
  configuration_user {
    email     = "sync@example.com"
    api_token = "sandbox-token"
  }
}

data "almsync_connection_test" "test" {
  aqua_jira_sync_id = almsync_aqua_jira_sync.a.id
  %[2]s
}
`, sb.ProductURL("jira"), secretLine)
}

// TestAccConnectionTest_AquaSyncSecret: with `secret`, aqua's own servers
// reach Jira through aqua's documented POST /api/Integration/Verify;
// without it, the sync's own test runs.
func TestAccConnectionTest_AquaSyncSecret(t *testing.T) {
	const verify = "POST /api/Integration/Verify"
	cases := map[string]func(sb *acctest.Sandbox) (string, []statecheck.StateCheck){
		"with secret": func(sb *acctest.Sandbox) (string, []statecheck.StateCheck) {
			return testAccAquaSyncSecretConfig(sb, "sandbox-token"), []statecheck.StateCheck{
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("success"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checked_from"), knownvalue.StringExact("product")),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("message"), knownvalue.StringExact("Connection succeeded "+byAqua)),
				checkNamesAre(connTestAddr, "jira connection"),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checks").AtSliceIndex(0).AtMapKey("detail"), knownvalue.StringRegexp(
					acctest.MessagePattern(`logged in as "sync@example.com".*`+regexp.QuoteMeta(byAqua)+`$`))),
				expectRoute(t, sb, "aqua", verify),
			}
		},
		"wrong secret": func(sb *acctest.Sandbox) (string, []statecheck.StateCheck) {
			return testAccAquaSyncSecretConfig(sb, "Wrong-Token-77"), []statecheck.StateCheck{
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("success"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("message"), knownvalue.StringRegexp(acctest.MessagePattern(
					`^jira connection failed: aqua could not connect to .* as "sync@example.com".*configuration user's password or API token.*`+regexp.QuoteMeta(byAqua)+`$`))),
				expectSecretOnlyAsInput(connTestAddr, "Wrong-Token-77"),
				expectRoute(t, sb, "aqua", verify),
			}
		},
		"without secret": func(sb *acctest.Sandbox) (string, []statecheck.StateCheck) {
			return testAccAquaSyncSecretConfig(sb, ""), []statecheck.StateCheck{
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("success"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checked_from"), knownvalue.StringExact("product")),
				statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("message"), knownvalue.StringExact("Connection succeeded "+byAqua)),
				everyDetail(connTestAddr, byAqua),
				expectNoRoute(t, sb, "aqua", verify),
			}
		},
	}
	for name, build := range cases {
		t.Run(name, func(t *testing.T) {
			sb := acctest.StartSandbox(t)
			config, checks := build(sb)
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps:                    []resource.TestStep{{Config: config, ConfigStateChecks: checks}},
			})
		})
	}
}

// TestConnectionTest_SecretOnlyWithItsSelectors: `secret` with another
// selector is one plan-time error naming the two selectors it applies to;
// an empty secret is unset.
func TestConnectionTest_SecretOnlyWithItsSelectors(t *testing.T) {
	t.Parallel()
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	cases := map[string]struct {
		vals    map[string]tftypes.Value
		wantErr bool
	}{
		"jama connector":          {vals: map[string]tftypes.Value{"jama_connector_id": str("1"), "secret": str("s3cret")}},
		"aqua sync":               {vals: map[string]tftypes.Value{"aqua_jira_sync_id": str("1"), "secret": str("s3cret")}},
		"jira sync connection":    {vals: map[string]tftypes.Value{"jira_sync_connection_id": str("1"), "secret": str("s3cret")}, wantErr: true},
		"jitterbit connection":    {vals: map[string]tftypes.Value{"jitterbit_jsm_connection_id": str("x"), "secret": str("s3cret")}, wantErr: true},
		"empty secret is unset":   {vals: map[string]tftypes.Value{"jira_sync_connection_id": str("1"), "secret": str("")}},
		"unknown secret, for now": {vals: map[string]tftypes.Value{"jira_sync_connection_id": str("1"), "secret": tftypes.NewValue(tftypes.String, tftypes.UnknownValue)}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			diags := acctest.ValidateDataSourceConfig(t, "almsync_connection_test", tc.vals)
			if !tc.wantErr {
				if len(diags) != 0 {
					t.Fatalf("want no diagnostic, got %s", diagText(diags))
				}
				return
			}
			if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityError {
				t.Fatalf("want exactly one error, got %s", diagText(diags))
			}
			d := diags[0]
			for _, want := range []string{"`jama_connector_id`", "`aqua_jira_sync_id`", "`secret`"} {
				if !strings.Contains(d.Detail, want) {
					t.Errorf("the error does not name %s: %s", want, d.Detail)
				}
			}
			if strings.Contains(d.Summary+d.Detail, "s3cret") {
				t.Errorf("the error repeats the secret: %s", d.Detail)
			}
			if d.Attribute == nil || d.Attribute.String() != tftypes.NewAttributePath().WithAttributeName("secret").String() {
				t.Errorf("the error is not attached to secret: %v", d.Attribute)
			}
		})
	}
}

// TestAccConnectionTest_SecretWithAnotherSelectorFailsThePlan is the same
// error as Terraform shows it.
func TestAccConnectionTest_SecretWithAnotherSelectorFailsThePlan(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + `
data "almsync_connection_test" "x" {
  jira_sync_connection_id = "1"
  secret                  = "Plan-S3cret-5"
}`,
			ExpectError: acctest.MessagePattern("Invalid Attribute Combination.*`secret` applies only to `jama_connector_id`.*`aqua_jira_sync_id`"),
		}},
	})
}

// TestConnectionTest_SecretNotInDiagnostics reads the data source through
// the provider's protocol server, where every diagnostic can be read: an
// error while testing with `secret` does not repeat it.
func TestConnectionTest_SecretNotInDiagnostics(t *testing.T) {
	t.Parallel()
	const secret = "Diag-S3cret-8"
	sb := acctest.StartSandbox(t)
	p := newProtoProvider(t, map[string]map[string]string{
		"interchange": {"url": sb.ProductURL("interchange"), "username": acctest.SandboxUser, "password": acctest.SandboxPassword},
		"aqua":        {"url": sb.ProductURL("aqua"), "username": acctest.SandboxUser, "password": acctest.SandboxPassword},
	})
	for name, config := range map[string]map[string]tftypes.Value{
		"unknown connector": {"jama_connector_id": tfString("404"), "secret": tfString(secret)},
		"unknown aqua sync": {"aqua_jira_sync_id": tfString("404"), "secret": tfString(secret)},
		"secret misplaced":  {"jitterbit_jsm_connection_id": tfString("x"), "secret": tfString(secret)},
	} {
		diags := p.readDataSource("almsync_connection_test", config)
		if !hasError(diags) {
			t.Errorf("%s: want an error, got %s", name, diagText(diags))
		}
		if text := diagText(diags); strings.Contains(text, secret) {
			t.Errorf("%s: a diagnostic repeats the secret: %s", name, text)
		}
	}
}

// readDataSource reads data source typeName with config and returns every
// diagnostic.
func (p *protoProvider) readDataSource(typeName string, config map[string]tftypes.Value) []*tfprotov6.Diagnostic {
	p.t.Helper()
	ds, ok := p.schema.DataSourceSchemas[typeName]
	if !ok {
		p.t.Fatalf("no data source %s", typeName)
	}
	typ := ds.ValueType()
	resp, err := p.server.ReadDataSource(context.Background(), &tfprotov6.ReadDataSourceRequest{
		TypeName: typeName, Config: dynamic(p.t, typ, objectOf(p.t, typ, config)),
	})
	if err != nil {
		p.t.Fatal(err)
	}
	return resp.Diagnostics
}
