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
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
)

// The contract's prefix and discovery route, as the sandbox counts them.
const (
	jsmContractPrefix = "/almsync/jitterbit-jsm-connections/v1"
	jsmDiscoveryRoute = "GET " + jsmContractPrefix + "/contract"
)

// jitterbitOnlyConfig is a provider block with a jitterbit block at url
// (and contract_url when not empty) and a Basic connection of the seeded
// JSM project, count times.
func jitterbitOnlyConfig(jitterbitURL, contractURL string, count int, name string) string {
	contract := ""
	if contractURL != "" {
		contract = fmt.Sprintf("contract_url = %q", contractURL)
	}
	return fmt.Sprintf(`
provider "almsync" {
  jitterbit {
    url            = %[1]q
    username       = %[2]q
    password       = %[3]q
    environment_id = %[4]q
    %[5]s
  }
}

resource "almsync_jitterbit_jsm_connection" "test" {
  count                = %[6]d
  project_guid         = %[7]q
  name                 = "%[8]s-${count.index}"
  auth_scheme          = "Basic"
  url                  = "https://acme.atlassian.net"
  user                 = "integration@example.com"
  api_token_wo         = "jsm-api-token-1"
  api_token_wo_version = 1
}
`, jitterbitURL, acctest.SandboxUser, acctest.SandboxPassword, acctest.JitterbitDevEnvironment, contract, count, acctest.JitterbitJSMProject, name)
}

// startAnswering serves answer to every request.
func startAnswering(t *testing.T, answer http.HandlerFunc) string {
	t.Helper()
	hs := httptest.NewServer(answer)
	t.Cleanup(hs.Close)
	return hs.URL
}

// Servers that serve no contract, and what the error says of each.
var jsmNotServing = map[string]struct {
	answer http.HandlerFunc
	want   string
}{
	"404 to everything": {http.NotFound, `HTTP 404 Not Found`},
	"an HTML page": {func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = io.WriteString(w, "<!DOCTYPE html><html><body>Jitterbit Harmony</body></html>")
	}, `an HTML page`},
	"version 2.0.0": {func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"success":true,"uri":"x","data":{"name":"jitterbit-jsm-connections","version":"2.0.0"}}`)
	}, `version 2\.0\.0, but this provider implements version 1\.0\.0`},
}

// absenceError matches the diagnostic of a contract nothing serves, which
// says no deletion was read.
func absenceError(want string) *regexp.Regexp {
	// Terraform wraps the detail's lines.
	want = strings.ReplaceAll(want, " ", `\s+`)
	return regexp.MustCompile(`(?s)(No Jitterbit contract served at jitterbit.contract_url|Unsupported version of the\s+jitterbit-jsm-connections contract).*` + want)
}

// TestAccJSMConnection_PlanWithoutContract: a plan of a new connection
// fails with the absence error when nothing serves the contract, whether
// the server is the Harmony url itself or a contract_url beside a working
// Harmony.
func TestAccJSMConnection_PlanWithoutContract(t *testing.T) {
	for name, srv := range jsmNotServing {
		t.Run(name+" as url", func(t *testing.T) {
			bare := startAnswering(t, srv.answer)
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config:      jitterbitOnlyConfig(bare, "", 1, "new"),
					PlanOnly:    true,
					ExpectError: absenceError(srv.want),
				}},
			})
		})
		t.Run(name+" as contract_url", func(t *testing.T) {
			sb := acctest.StartSandbox(t)
			bare := startAnswering(t, srv.answer)
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config:      jitterbitOnlyConfig(sb.ProductURL("jitterbit"), bare, 1, "new"),
					PlanOnly:    true,
					ExpectError: absenceError(srv.want),
				}},
			})
			if n := sb.Server.Stats().Products["jitterbit"].Routes["POST /login"]; n != 0 {
				t.Errorf("the plan logged in to Harmony %d times, want none before the contract is known", n)
			}
		})
	}
}

// TestAccJSMConnection_RefreshWithoutContract: a connection created on the
// sandbox, then refreshed with a contract_url (or url) where nothing
// serves the contract, fails with the absence error; it stays in state, so
// that with the bridge back the plan is empty: nothing was read as deleted
// and nothing is planned for creation.
func TestAccJSMConnection_RefreshWithoutContract(t *testing.T) {
	sb := acctest.StartSandbox(t)
	bare := startAnswering(t, http.NotFound)
	html := startAnswering(t, jsmNotServing["an HTML page"].answer)
	working := jitterbitOnlyConfig(sb.ProductURL("jitterbit"), "", 1, "kept")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: working},
			{
				Config:      jitterbitOnlyConfig(sb.ProductURL("jitterbit"), bare, 1, "kept"),
				PlanOnly:    true,
				ExpectError: absenceError(`HTTP 404 Not Found`),
			},
			{
				Config:      jitterbitOnlyConfig(sb.ProductURL("jitterbit"), html, 1, "kept"),
				PlanOnly:    true,
				ExpectError: absenceError(`an HTML page`),
			},
			{
				Config:      jitterbitOnlyConfig(bare, "", 1, "kept"),
				PlanOnly:    true,
				ExpectError: absenceError(`HTTP 404 Not Found`),
			},
			{
				Config:           working,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("almsync_jitterbit_jsm_connection.test[0]", tfjsonpath.New("id"), knownvalue.StringExact("1")),
				},
			},
		},
	})
}

// recordingProxy is a bridge on another host: it passes the contract's
// routes on to the sandbox's Harmony and answers 404 to anything else,
// recording every request.
type recordingProxy struct {
	URL string
	mu  sync.Mutex
	got []string
}

func startBridge(t *testing.T, sb *acctest.Sandbox) *recordingProxy {
	t.Helper()
	target, err := url.Parse(sb.ProductURL("jitterbit"))
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	p := &recordingProxy{}
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.got = append(p.got, r.Method+" "+r.URL.Path)
		p.mu.Unlock()
		if !strings.HasPrefix(r.URL.Path, jsmContractPrefix+"/") {
			http.NotFound(w, r)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(hs.Close)
	p.URL = hs.URL
	return p
}

func (p *recordingProxy) requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.got...)
}

// TestAccJSMConnection_ContractOnAnotherHost: with contract_url naming a
// bridge on another host, apply, plan and destroy work; every contract
// call goes through the bridge, and the Harmony login and project check go
// to url.
func TestAccJSMConnection_ContractOnAnotherHost(t *testing.T) {
	sb := acctest.StartSandbox(t)
	bridge := startBridge(t, sb)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: jitterbitOnlyConfig(sb.ProductURL("jitterbit"), bridge.URL, 1, "bridged"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("almsync_jitterbit_jsm_connection.test[0]", tfjsonpath.New("name"), knownvalue.StringExact("bridged-0")),
				},
			},
			{
				Config:           jitterbitOnlyConfig(sb.ProductURL("jitterbit"), bridge.URL, 1, "bridged"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config: jitterbitOnlyConfig(sb.ProductURL("jitterbit"), bridge.URL, 1, "renamed"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("almsync_jitterbit_jsm_connection.test[0]", plancheck.ResourceActionUpdate),
				}},
			},
		},
	})
	got := bridge.requests()
	want := map[string]bool{jsmDiscoveryRoute: false, "POST " + jsmContractPrefix + "/connections": false,
		"PUT " + jsmContractPrefix + "/connections/1": false, "DELETE " + jsmContractPrefix + "/connections/1": false}
	for _, r := range got {
		if _, path, _ := strings.Cut(r, " "); !strings.HasPrefix(path, jsmContractPrefix+"/") {
			t.Errorf("the bridge got %s, which is not a contract route", r)
		}
		if _, ok := want[r]; ok {
			want[r] = true
		}
	}
	for r, seen := range want {
		if !seen {
			t.Errorf("the bridge never got %s; it got %v", r, got)
		}
	}
	stats := sb.Server.Stats().Products["jitterbit"].Routes
	if stats["POST /login"] == 0 || stats["GET /project"] == 0 {
		t.Errorf("Harmony's login and project were not asked at url: %v", stats)
	}
	if n := sb.Server.Stats().Products["jitterbit"].Routes["GET /connections/jira-service-management"]; n != 0 {
		t.Errorf("the former route was called %d times", n)
	}
}

// TestAccJSMConnection_DiscoveredOncePerRun: the discovery is sent once
// per provider run, however many connections the run plans, reads or
// writes: the same steps with one connection and with four send as many
// discoveries, while the four send more contract calls.
func TestAccJSMConnection_DiscoveredOncePerRun(t *testing.T) {
	run := func(t *testing.T, count int) (discoveries, contractCalls int64) {
		sb := acctest.StartSandbox(t)
		cfg := jitterbitOnlyConfig(sb.ProductURL("jitterbit"), "", count, "many")
		resource.Test(t, resource.TestCase{
			PreCheck:                 func() { acctest.PreCheck(t) },
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps: []resource.TestStep{
				{Config: cfg},
				{Config: cfg, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			},
		})
		for route, n := range sb.Server.Stats().Products["jitterbit"].Routes {
			switch _, path, _ := strings.Cut(route, " "); {
			case route == jsmDiscoveryRoute:
				discoveries += n
			case strings.HasPrefix(path, jsmContractPrefix+"/"):
				contractCalls += n
			}
		}
		return discoveries, contractCalls
	}
	oneDiscoveries, oneCalls := run(t, 1)
	fourDiscoveries, fourCalls := run(t, 4)
	if oneDiscoveries == 0 || fourDiscoveries != oneDiscoveries {
		t.Errorf("discoveries: %d with one connection, %d with four; want the same number, one per provider run", oneDiscoveries, fourDiscoveries)
	}
	if fourCalls <= oneCalls {
		t.Errorf("contract calls: %d with one connection, %d with four; the test does not exercise more calls", oneCalls, fourCalls)
	}
}
