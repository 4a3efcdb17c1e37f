package provider_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
	"github.com/almsync/terraform-provider-almsync/internal/provider"
)

// aquaContractAbsent is the diagnostic of a contract_url where no bridge
// serves the Jira Sync contract.
const aquaContractAbsent = `No aqua contract served at aqua.contract_url .*nothing serves the almsync contract "aqua-jira-sync"`

// strayServer is a server that is not a bridge: it answers every request
// with status and body, and records what it was asked.
type strayServer struct {
	URL string

	mu       sync.Mutex
	requests []string // "GET /path (credentials)" or "GET /path"
}

func newStrayServer(t *testing.T, answer func(w http.ResponseWriter, r *http.Request)) *strayServer {
	t.Helper()
	s := &strayServer{}
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		line := r.Method + " " + r.URL.Path
		if r.Header.Get("Authorization") != "" {
			line += " (credentials)"
		}
		s.mu.Lock()
		s.requests = append(s.requests, line)
		s.mu.Unlock()
		answer(w, r)
	}))
	t.Cleanup(hs.Close)
	s.URL = hs.URL + "/aquaWebNG"
	return s
}

// notFoundServer answers 404 to everything, as a plain web server does.
func notFoundServer(t *testing.T) *strayServer {
	return newStrayServer(t, func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
}

// htmlServer answers every request with a 200 HTML page, as a portal or a
// login page does.
func htmlServer(t *testing.T) *strayServer {
	return newStrayServer(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, "<!DOCTYPE html><html><body>Welcome</body></html>")
	})
}

// futureBridge serves the discovery of version 2.0.0 of the contract, and
// nothing else.
func futureBridge(t *testing.T) *strayServer {
	return newStrayServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/aquaWebNG/almsync/aqua-jira-sync/v1/contract" {
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"Name":"aqua-jira-sync","Version":"2.0.0"}`)
			return
		}
		http.NotFound(w, r)
	})
}

// asked returns what the server was asked so far.
func (s *strayServer) asked() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.requests...)
}

// onlyDiscovery fails the test unless every request was the contract's
// discovery, without credentials (no login was tried).
func (s *strayServer) onlyDiscovery(t *testing.T) {
	t.Helper()
	asked := s.asked()
	if len(asked) == 0 {
		t.Error("the server was never asked")
	}
	for _, r := range asked {
		if r != "GET /aquaWebNG/almsync/aqua-jira-sync/v1/contract" {
			t.Errorf("the server got %q; want only the contract's discovery, without credentials", r)
		}
	}
}

// aquaOnlyProvider is a provider block with only aqua, at aquaURL, with
// the contract at contractURL (none: the default, aquaURL).
func aquaOnlyProvider(aquaURL, contractURL string) string {
	contract := ""
	if contractURL != "" {
		contract = fmt.Sprintf("contract_url = %q", contractURL)
	}
	return fmt.Sprintf(`
provider "almsync" {
  aqua {
    url      = %q
    username = %q
    password = %q
    %s
  }
}
`, aquaURL, acctest.SandboxUser, acctest.SandboxPassword, contract)
}

// newSyncConfig is a sync of project 2 without an aqua sync user.
func newSyncConfig(jiraURL string) string {
	return fmt.Sprintf(`
resource "almsync_aqua_jira_sync" "test" {
  name             = "Pilot sync"
  aqua_project_id  = "2"
  jira_url         = %q
  jira_project_key = "SYNC"

  configuration_user {
    email     = "sync@example.com"
    api_token = "sandbox-token"
  }
}
`, jiraURL)
}

// mappingsConfig maps a field and the resolution of the sync syncID (an
// expression).
func mappingsConfig(syncID string) string {
	return fmt.Sprintf(`
resource "almsync_aqua_field_mapping" "test" {
  sync_id    = %[1]s
  item_type  = "Defect"
  aqua_field = "JiraKey"
  jira_field = "key"
  direction  = "to_aqua"
}

resource "almsync_aqua_value_mapping" "test" {
  sync_id    = %[1]s
  field      = "resolution"
  values     = { "Fixed" = "Fixed", "Won't Fix" = "Won't Fix" }
  null_value = "Unresolved"
}
`, syncID)
}

// TestAccAquaJiraSyncContract_PlanFailsWithoutABridge: planning a new sync
// or a new mapping where no bridge serves the contract (a plain server
// answering 404 as aqua's url or as contract_url, an HTML page, a bridge
// of another major version) fails with the contract's own error, after the
// discovery alone: no login is tried, nothing is planned.
func TestAccAquaJiraSyncContract_PlanFailsWithoutABridge(t *testing.T) {
	sb := acctest.StartSandbox(t)
	jira := sb.ProductURL("jira")
	cases := map[string]struct {
		server   func(*testing.T) *strayServer
		provider func(stray string) string
		want     string
	}{
		"404 as url": {server: notFoundServer, want: aquaContractAbsent + `.*HTTP 404`,
			provider: func(stray string) string { return aquaOnlyProvider(stray, "") }},
		"404 as contract_url": {server: notFoundServer, want: aquaContractAbsent + `.*HTTP 404`,
			provider: func(stray string) string { return aquaOnlyProvider(sb.ProductURL("aqua"), stray) }},
		"HTML page as contract_url": {server: htmlServer, want: aquaContractAbsent + `.*HTML page`,
			provider: func(stray string) string { return aquaOnlyProvider(sb.ProductURL("aqua"), stray) }},
		"version 2.0.0": {server: futureBridge, want: `Unsupported version of the aqua-jira-sync contract.*version 2.0.0.*implements version 1.0.0`,
			provider: func(stray string) string { return aquaOnlyProvider(sb.ProductURL("aqua"), stray) }},
	}
	for name, tc := range cases {
		for what, resources := range map[string]string{"sync": newSyncConfig(jira), "mappings": mappingsConfig(`"1"`)} {
			t.Run(name+"/"+what, func(t *testing.T) {
				stray := tc.server(t)
				acctest.PlanFails(t, tc.provider(stray.URL)+resources, tc.want)
				stray.onlyDiscovery(t)
			})
		}
	}
}

// TestAccAquaJiraSyncContract_RefreshFailsWithoutABridge: a sync and its
// mappings created through the sandbox's bridge, then contract_url switched
// to a plain server: the refresh fails with the contract's error (never
// "deleted outside Terraform", never a planned create), and back on the
// bridge nothing has changed.
func TestAccAquaJiraSyncContract_RefreshFailsWithoutABridge(t *testing.T) {
	sb := acctest.StartSandbox(t)
	stray := notFoundServer(t)
	resources := newSyncConfig(sb.ProductURL("jira")) + mappingsConfig("almsync_aqua_jira_sync.test.id")
	onBridge := aquaOnlyProvider(sb.ProductURL("aqua"), "") + resources
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: onBridge},
			{
				Config:      aquaOnlyProvider(sb.ProductURL("aqua"), stray.URL) + resources,
				PlanOnly:    true,
				ExpectError: acctest.MessagePattern(aquaContractAbsent),
			},
			{Config: onBridge, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
	stray.onlyDiscovery(t)
}

// TestAquaJiraSyncContract_ReadReportsNoDeletion reads a stored sync and a
// stored mapping through the provider's protocol server, with
// contract_url on a plain server: one error, the contract's, no warning
// (no "deleted outside Terraform"), and the state is not removed.
func TestAquaJiraSyncContract_ReadReportsNoDeletion(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	stray := notFoundServer(t)
	server := configuredServer(t, map[string]map[string]string{"aqua": {
		"url": sb.ProductURL("aqua"), "contract_url": stray.URL, "username": acctest.SandboxUser, "password": acctest.SandboxPassword,
	}})
	for typeName, id := range map[string]string{
		"almsync_aqua_jira_sync":     "1",
		"almsync_aqua_field_mapping": "1/1",
		"almsync_aqua_value_mapping": "1/2",
	} {
		resp := readResource(t, server, typeName, map[string]string{"id": id, "sync_id": "1"})
		var errs, warnings []string
		for _, d := range resp.Diagnostics {
			switch d.Severity {
			case tfprotov6.DiagnosticSeverityError:
				errs = append(errs, d.Summary+": "+d.Detail)
			case tfprotov6.DiagnosticSeverityWarning:
				warnings = append(warnings, d.Summary+": "+d.Detail)
			}
		}
		if len(errs) != 1 || !strings.HasPrefix(errs[0], "No aqua contract served at aqua.contract_url: ") {
			t.Errorf("%s: errors %q, want the contract's absence alone", typeName, errs)
		}
		if len(warnings) != 0 {
			t.Errorf("%s: warnings %q, want none (nothing was read as deleted)", typeName, warnings)
		}
		if isNullState(t, server, typeName, resp.NewState) {
			t.Errorf("%s: the read removed the resource from the state", typeName)
		}
	}
	stray.onlyDiscovery(t)
}

// bridgeProxy is a bridge on another host: a reverse proxy that passes the
// contract's routes, and only them, to the sandbox's.
type bridgeProxy struct {
	URL         string
	discoveries atomic.Int64

	mu    sync.Mutex
	calls []string
}

func newBridgeProxy(t *testing.T, sb *acctest.Sandbox) *bridgeProxy {
	t.Helper()
	target, err := url.Parse(sb.ProductURL("aqua"))
	if err != nil {
		t.Fatal(err)
	}
	b := &bridgeProxy{}
	proxy := &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		r.SetURL(target)
		r.Out.URL.Path = target.Path + strings.TrimPrefix(r.In.URL.Path, "/bridge")
		r.Out.URL.RawPath = ""
		r.SetXForwarded()
	}}
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/bridge/almsync/aqua-jira-sync/v1/") {
			http.NotFound(w, r)
			return
		}
		if r.URL.Path == "/bridge/almsync/aqua-jira-sync/v1/contract" {
			b.discoveries.Add(1)
		}
		b.mu.Lock()
		b.calls = append(b.calls, r.Method+" "+r.URL.Path)
		b.mu.Unlock()
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(hs.Close)
	// Another host name than the sandbox's 127.0.0.1.
	b.URL = strings.Replace(hs.URL, "127.0.0.1", "localhost", 1) + "/bridge"
	return b
}

func (b *bridgeProxy) count(method string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for _, c := range b.calls {
		if strings.HasPrefix(c, method+" ") {
			n++
		}
	}
	return n
}

// TestAccAquaJiraSyncContract_BridgeOnAnotherHost: with contract_url on
// another host (a bridge proxying to the sandbox), apply, plan and destroy
// work; every contract call goes through the bridge, aqua's public API and
// token stay on url, and the discovery is sent at most once per provider
// run.
func TestAccAquaJiraSyncContract_BridgeOnAnotherHost(t *testing.T) {
	sb := acctest.StartSandbox(t)
	bridge := newBridgeProxy(t, sb)
	var runs atomic.Int64
	factories := map[string]func() (tfprotov6.ProviderServer, error){
		"almsync": func() (tfprotov6.ProviderServer, error) {
			runs.Add(1)
			return provider.Server("test")()
		},
	}
	config := aquaOnlyProvider(sb.ProductURL("aqua"), bridge.URL) + testAccAquaSyncResources(sb) + mappingsConfig("almsync_aqua_jira_sync.test.id")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aquaSyncAddr, tfjsonpath.New("name"), knownvalue.StringExact("Pilot sync")),
					statecheck.ExpectKnownValue(fieldMapAddr, tfjsonpath.New("direction"), knownvalue.StringExact("to_aqua")),
					statecheck.ExpectKnownValue(valueMapAddr, tfjsonpath.New("null_value"), knownvalue.StringExact("Unresolved")),
					acctest.Expect(func() error {
						if bridge.count(http.MethodPost) < 3 {
							return fmt.Errorf("the bridge got %d creates, want the sync's and the mappings'", bridge.count(http.MethodPost))
						}
						return nil
					}),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{ResourceName: aquaSyncAddr, ImportState: true, ImportStateId: "name=Pilot sync", ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"configuration_user.api_token_wo_version"}},
		},
		CheckDestroy: func(*terraform.State) error {
			if n := bridge.count(http.MethodDelete); n < 3 {
				return fmt.Errorf("the bridge got %d deletes, want the sync's and the mappings'", n)
			}
			return nil
		},
	})
	var contractCalls, apiCalls int
	for _, e := range sb.Exchanges() {
		if e.Product != "aqua" {
			continue
		}
		proxied := e.RequestHeader.Get("X-Forwarded-Host") != ""
		switch {
		case strings.Contains(e.Path, "/almsync/"):
			contractCalls++
			if !proxied {
				t.Errorf("%s %s reached the sandbox without the bridge", e.Method, e.Path)
			}
		default:
			apiCalls++
			if proxied {
				t.Errorf("aqua's API call %s %s went through the contract's bridge", e.Method, e.Path)
			}
		}
	}
	if apiCalls == 0 || contractCalls == 0 {
		t.Errorf("%d calls of aqua's API and %d contract calls, want both", apiCalls, contractCalls)
	}
	if d, r := bridge.discoveries.Load(), runs.Load(); d == 0 || d > r || int64(contractCalls) <= 2*d {
		t.Errorf("%d discoveries in %d provider runs making %d contract calls, want at most one per run", d, r, contractCalls)
	}
}

// testAccAquaSyncResources is the resources of testAccAquaSyncConfig,
// without a provider block.
func testAccAquaSyncResources(sb *acctest.Sandbox) string {
	full := testAccAquaSyncConfig(sb, pilotProject, `["JIRASYNC"]`, "Project Administrator", "")
	return full[strings.Index(full, `resource "almsync_aqua_sync_user"`):]
}

// configuredServer is the provider's protocol server, configured with the
// given blocks (block name to attribute values; every other value null).
func configuredServer(t *testing.T, blocks map[string]map[string]string) tfprotov6.ProviderServer {
	t.Helper()
	ctx := context.Background()
	server, err := provider.Server("test")()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	typ, ok := schemas.Provider.ValueType().(tftypes.Object)
	if !ok {
		t.Fatal("the provider schema is not an object")
	}
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
		block, set := blocks[name]
		if !set {
			continue
		}
		bt, ok := at.(tftypes.Object)
		if !ok {
			t.Fatalf("provider block %s is not an object", name)
		}
		inner := map[string]tftypes.Value{}
		for n, it := range bt.AttributeTypes {
			inner[n] = tftypes.NewValue(it, nil)
			if v, ok := block[n]; ok {
				inner[n] = tftypes.NewValue(tftypes.String, v)
			}
		}
		vals[name] = tftypes.NewValue(bt, inner)
	}
	config, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, vals))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.4", Config: &config})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			t.Fatalf("configuring the provider: %s: %s", d.Summary, d.Detail)
		}
	}
	return server
}

// resourceType is the state type of the resource typeName.
func resourceType(t *testing.T, server tfprotov6.ProviderServer, typeName string) tftypes.Object {
	t.Helper()
	schemas, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	s, ok := schemas.ResourceSchemas[typeName]
	if !ok {
		t.Fatalf("no resource %s", typeName)
	}
	typ, ok := s.ValueType().(tftypes.Object)
	if !ok {
		t.Fatalf("%s: the schema is not an object", typeName)
	}
	return typ
}

// readResource refreshes a stored typeName whose string attributes are
// set (every other value null), as Terraform's refresh does.
func readResource(t *testing.T, server tfprotov6.ProviderServer, typeName string, set map[string]string) *tfprotov6.ReadResourceResponse {
	t.Helper()
	typ := resourceType(t, server, typeName)
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
		if v, ok := set[name]; ok && at.Is(tftypes.String) {
			vals[name] = tftypes.NewValue(tftypes.String, v)
		}
	}
	state, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, vals))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.ReadResource(context.Background(), &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: &state})
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// isNullState reports whether a read removed the resource (a null state).
func isNullState(t *testing.T, server tfprotov6.ProviderServer, typeName string, state *tfprotov6.DynamicValue) bool {
	t.Helper()
	if state == nil {
		return true
	}
	v, err := state.Unmarshal(resourceType(t, server, typeName))
	if err != nil {
		t.Fatal(err)
	}
	return v.IsNull()
}
