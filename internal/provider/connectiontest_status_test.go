package provider_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
)

// setFaults sets the faults the sandbox injects into its product
// requests, e.g. {"rate_limit_per_second": 0.001}.
func setFaults(t *testing.T, sb *acctest.Sandbox, faults map[string]any) {
	t.Helper()
	sb.MustCall(t, http.StatusOK, http.MethodPut, "/_sandbox/faults", faults)
}

// blamesTheSecret is a message that tells someone to change credentials:
// never right for a test that reached no verdict.
var blamesTheSecret = regexp.MustCompile(`(?i)rotate|wrong password|secret is its|check the connector's username|authentication failed`)

// expectMessageNot is a state check that the message does not match re.
func expectMessageNot(re *regexp.Regexp) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("message"), knownvalue.StringFunc(func(v string) error {
		if re.MatchString(v) {
			return fmt.Errorf("message %q matches %s", v, re)
		}
		return nil
	}))
}

// runConnectionTest applies config in one step and runs checks.
func runConnectionTest(t *testing.T, config string, checks ...statecheck.StateCheck) {
	t.Helper()
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps:                    []resource.TestStep{{Config: config, ConfigStateChecks: checks}},
	})
}

// TestAccConnectionTest_Status_TargetRateLimited: Jama's test of a
// connection to a Jira that rate-limits (the Jira of a second sandbox,
// which allows one request) is inconclusive, not a failed login: the
// walkthrough's 429 reported as "authentication failed".
func TestAccConnectionTest_Status_TargetRateLimited(t *testing.T) {
	sb, target := acctest.StartSandbox(t), acctest.StartSandbox(t)
	setFaults(t, target, map[string]any{"rate_limit_per_second": 0.001})
	checks := inconclusiveCheck(1, "authentication", `HTTP 429.*inconclusive, not failed.*do not change them.*retry later`)
	checks = append(checks,
		statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checks").AtSliceIndex(0).AtMapKey("status"), knownvalue.StringExact("passed")),
		expectMessageNot(blamesTheSecret))
	runConnectionTest(t, testAccSyncConnectionTestConfig(sb, "", target.ProductURL("jira"), "sync@example.com", "sandbox-token"), checks...)
}

// TestAccConnectionTest_Status_TargetTimedOut: a Jira slower than the
// product's test waits (the second sandbox adds 6 s to every answer) is
// inconclusive.
func TestAccConnectionTest_Status_TargetTimedOut(t *testing.T) {
	sb, target := acctest.StartSandbox(t), acctest.StartSandbox(t)
	setFaults(t, target, map[string]any{"latency_ms": 6000})
	checks := inconclusiveCheck(0, "reachability", `(?i)timeout.*did not answer Jama's servers in time.*retry later`)
	checks = append(checks, expectMessageNot(blamesTheSecret))
	runConnectionTest(t, testAccSyncConnectionTestConfig(sb, "", target.ProductURL("jira"), "sync@example.com", "sandbox-token"), checks...)
}

// stallTests is a front of the sandbox that passes every request on but
// never answers a connection test (POST .../test) before the client gives
// up.
func stallTests(t *testing.T, sb *acctest.Sandbox) string {
	t.Helper()
	target, err := url.Parse(sb.URL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/test") {
			// The server notices the client hang up only once the body
			// is read.
			_, _ = io.Copy(io.Discard, r.Body)
			select {
			case <-r.Context().Done():
			case <-time.After(time.Minute):
			}
			w.WriteHeader(http.StatusGatewayTimeout)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)
	return front.URL
}

// TestAccConnectionTest_Status_TestRequestTimedOut: when the provider's
// own request to run the test gets no answer within request_timeout, the
// test is inconclusive (one "test request" check saying to raise
// request_timeout), not an error.
func TestAccConnectionTest_Status_TestRequestTimedOut(t *testing.T) {
	sb := acctest.StartSandbox(t)
	front := stallTests(t, sb)
	config := testAccSyncConnectionTestConfig(sb, `request_timeout = "2s"`, sb.ProductURL("jira"), "sync@example.com", "sandbox-token")
	config = strings.Replace(config, fmt.Sprintf("%q", sb.ProductURL("jama")), fmt.Sprintf("%q", front+"/jama"), 1)
	checks := inconclusiveCheck(0, "test request", `test JIRA connection.*inconclusive, not failed: the test did not run.*raise the provider's request_timeout`)
	checks = append(checks,
		checkNamesAre(connTestAddr, "test request"),
		statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checked_from"), knownvalue.StringExact("terraform")),
		expectMessageNot(blamesTheSecret))
	runConnectionTest(t, config, checks...)
}

// expectNoTestSent is a state check that the sandbox's Jitterbit ran no
// connection test.
func expectNoTestSent(t *testing.T, sb *acctest.Sandbox) statecheck.StateCheck {
	return acctest.Expect(func() error {
		for route, n := range sandboxStats(t, sb)["jitterbit"] {
			if strings.HasPrefix(route, "POST ") && strings.HasSuffix(route, "/test") && n > 0 {
				return fmt.Errorf("the sandbox's Jitterbit received %s %d times, want none", route, n)
			}
		}
		return nil
	})
}

// testAccJSMConnectionTestConfig is a Basic JSM connection and its test.
func testAccJSMConnectionTestConfig(sb *acctest.Sandbox, siteURL, user, apiToken string) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
resource "almsync_jitterbit_jsm_connection" "j" {
  project_guid = %[1]q
  name         = "By variable"
  auth_scheme  = "Basic"
  url          = %[2]q
  user         = %[3]q
  api_token    = %[4]q
}

data "almsync_connection_test" "test" {
  jitterbit_jsm_connection_id = almsync_jitterbit_jsm_connection.j.id
}
`, acctest.JitterbitJSMProject, siteURL, user, apiToken)
}

// TestAccConnectionTest_Status_JitterbitVariableSkipped: a JSM connection
// whose url and user are Jitterbit variable references is skipped without
// a test, the message naming each attribute and its variable; one whose
// API token is a reference (a secret the provider cannot read) is tested
// by Jitterbit, whose login check is then skipped.
func TestAccConnectionTest_Status_JitterbitVariableSkipped(t *testing.T) {
	t.Run("url and user", func(t *testing.T) {
		sb := acctest.StartSandbox(t)
		runConnectionTest(t, testAccJSMConnectionTestConfig(sb, "[jsm_url]", "[jsm_user]", "sandbox-token"),
			statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("status"), knownvalue.StringExact("skipped")),
			statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("success"), knownvalue.Bool(false)),
			statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checked_from"), knownvalue.StringExact("terraform")),
			checkNamesAre(connTestAddr, "variable references"),
			statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checks").AtSliceIndex(0).AtMapKey("status"), knownvalue.StringExact("skipped")),
			statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("message"), knownvalue.StringRegexp(acctest.MessagePattern(
				"^variable references skipped: `url` holds the Jitterbit variable reference \\[jsm_url\\], `user` holds the Jitterbit variable reference \\[jsm_user\\]: "+
					".*sent no test.*tested, per environment"))),
			expectNoTestSent(t, sb),
		)
	})
	t.Run("api token", func(t *testing.T) {
		sb := acctest.StartSandbox(t)
		runConnectionTest(t, testAccJSMConnectionTestConfig(sb, sb.ProductURL("jira"), "sync@example.com", "[jsm_token]"),
			statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("status"), knownvalue.StringExact("skipped")),
			statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checked_from"), knownvalue.StringExact("product")),
			statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("checks").AtSliceIndex(0).AtMapKey("status"), knownvalue.StringExact("passed")),
			statecheck.ExpectKnownValue(connTestAddr, tfjsonpath.New("message"), knownvalue.StringRegexp(acctest.MessagePattern(
				`^authentication skipped: .*\[jsm_token\].*tested per environment`))),
		)
	})
}
