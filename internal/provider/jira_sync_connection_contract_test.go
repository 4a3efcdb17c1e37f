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
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

// Patterns of the contract errors (see contract.AbsentError and
// VersionError), for acctest.MessagePattern.
const (
	jamaContractAbsent        = `No Jama contract served at jama.contract_url.*nothing serves the almsync contract "jama-jira-connector"`
	interchangeContractAbsent = `No Interchange contract served at interchange.contract_url.*nothing serves the almsync contract "interchange-connectors"`
)

// contractVersionPattern is the error of a contract served at 2.0.0.
func contractVersionPattern(name string) string {
	return `Unsupported version of the ` + name + ` contract.*version 2.0.0.*implements version 1.0.0`
}

// notServing starts a server that serves none of the provider's contracts:
// "404" answers 404 to everything, "html" a 200 HTML login page to
// everything, and "v2" the discovery of any contract at version 2.0.0 (and
// 404 to everything else).
func notServing(t *testing.T, kind string) *httptest.Server {
	t.Helper()
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch kind {
		case "html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = io.WriteString(w, "<!DOCTYPE html><html><head><title>Log in</title></head><body>Jama Connect</body></html>")
		case "v2":
			name, ok := strings.CutPrefix(r.URL.Path, "/almsync/")
			name, _, _ = strings.Cut(name, "/")
			if !ok || !strings.HasSuffix(r.URL.Path, "/contract") {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			_, _ = fmt.Fprintf(w, `{"meta":{"status":"OK","timestamp":"2026-01-01T00:00:00.000+0000"},"links":{},"linked":{},"data":{"name":%q,"version":"2.0.0"}}`, name)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(hs.Close)
	return hs
}

// contractProxy is a bridge on another host: a reverse proxy that serves
// the sandbox product's contract routes (below /almsync/) and nothing else.
type contractProxy struct {
	URL string

	mu      sync.Mutex
	served  map[string]int // "METHOD path" of each forwarded request
	foreign []string       // requests outside the contract, answered 404
}

func startContractProxy(t *testing.T, sb *acctest.Sandbox, product string) *contractProxy {
	t.Helper()
	target, err := url.Parse(sb.ProductURL(product))
	if err != nil {
		t.Fatal(err)
	}
	p := &contractProxy{served: map[string]int{}}
	forward := &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) { r.SetURL(target) }}
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Method + " " + r.URL.Path
		p.mu.Lock()
		if !strings.HasPrefix(r.URL.Path, "/almsync/") {
			p.foreign = append(p.foreign, key)
			p.mu.Unlock()
			http.NotFound(w, r)
			return
		}
		p.served[key]++
		p.mu.Unlock()
		forward.ServeHTTP(w, r)
	}))
	t.Cleanup(hs.Close)
	p.URL = hs.URL
	return p
}

// counts returns how many requests went through, in total, to the
// discovery, and outside the contract.
func (p *contractProxy) counts() (total, discoveries int, foreign []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for key, n := range p.served {
		total += n
		if strings.HasSuffix(key, "/contract") {
			discoveries += n
		}
	}
	return total, discoveries, append([]string(nil), p.foreign...)
}

func (p *contractProxy) count(key string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.served[key]
}

// contractRequestsAt counts the requests the sandbox's product answered on
// contract routes.
func contractRequestsAt(sb *acctest.Sandbox, product string) int64 {
	var n int64
	for route, c := range sb.Server.Stats().Products[product].Routes {
		if strings.Contains(route, " /almsync/") {
			n += c
		}
	}
	return n
}

// jiraSyncContractConfig is a connection run by the seeded Jama admin, with
// only a jama block: url and contract_url ("" leaves it out).
func jiraSyncContractConfig(jamaURL, contractURL string) string {
	contractLine := ""
	if contractURL != "" {
		contractLine = fmt.Sprintf("contract_url = %q", contractURL)
	}
	return fmt.Sprintf(`
provider "almsync" {
  jama {
    url      = %[1]q
    username = %[3]q
    password = %[4]q
    %[2]s
  }
}

resource "almsync_jira_sync_connection" "test" {
  jira_url                 = "https://acme.atlassian.net"
  jira_username            = "sync@example.com"
  jira_password_wo         = "sandbox-token"
  jira_password_wo_version = 1
  jama_user                = "admin"

  schedule {
    interval_minutes = 60
  }
}
`, jamaURL, contractLine, acctest.SandboxUser, acctest.SandboxPassword)
}

// A plan of a new connection fails with the absence error against a server
// that does not serve the contract, whether it is the url or the
// contract_url, and whatever it answers.
func TestAccJiraSyncConnection_ContractAbsentFailsThePlan(t *testing.T) {
	sb := acctest.StartSandbox(t)
	plain, html, v2 := notServing(t, "404"), notServing(t, "html"), notServing(t, "v2")
	for name, tc := range map[string]struct {
		url, contractURL, pattern string
	}{
		"404 everywhere as url":  {plain.URL, "", jamaContractAbsent + `.*HTTP 404`},
		"404 as contract_url":    {sb.ProductURL("jama"), plain.URL, jamaContractAbsent + `.*HTTP 404`},
		"HTML page as url":       {html.URL, "", jamaContractAbsent + `.*an HTML page`},
		"version 2.0.0 contract": {sb.ProductURL("jama"), v2.URL, contractVersionPattern("jama-jira-connector")},
	} {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config:      jiraSyncContractConfig(tc.url, tc.contractURL),
					PlanOnly:    true,
					ExpectError: acctest.MessagePattern(tc.pattern),
				}},
			})
		})
	}
}

// A refresh of an existing connection, once contract_url names a server
// that does not serve the contract, fails with the absence error; the
// connection stays in state, so the configuration pointing back at the
// bridge plans nothing.
func TestAccJiraSyncConnection_ContractAbsentFailsTheRefresh(t *testing.T) {
	sb := acctest.StartSandbox(t)
	plain, v2 := notServing(t, "404"), notServing(t, "v2")
	served := jiraSyncContractConfig(sb.ProductURL("jama"), "")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: served},
			{
				Config:      jiraSyncContractConfig(sb.ProductURL("jama"), plain.URL),
				PlanOnly:    true,
				ExpectError: acctest.MessagePattern(jamaContractAbsent + `.*HTTP 404.*Nothing was read as deleted`),
			},
			{
				Config:      jiraSyncContractConfig(sb.ProductURL("jama"), v2.URL),
				PlanOnly:    true,
				ExpectError: acctest.MessagePattern(contractVersionPattern("jama-jira-connector")),
			},
			{
				Config:           served,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// With contract_url on another host (a bridge in front of the sandbox's
// contract), apply, plan and destroy of three connections work; every
// contract call went through the bridge, and the token and Jama's users API
// to url. Each provider run asks the discovery once, not once per call
// (exactly once: TestJiraSyncConnection_ContractAbsenceAndDiscoveryPerRun).
func TestAccJiraSyncConnection_ContractURLOnAnotherHost(t *testing.T) {
	sb := acctest.StartSandbox(t)
	bridge := startContractProxy(t, sb, "jama")
	config := fmt.Sprintf(`
provider "almsync" {
  jama {
    url           = %[1]q
    contract_url  = %[2]q
    client_id     = %[3]q
    client_secret = %[4]q
  }
}

data "almsync_jama_user" "admin" {
  username = "admin"
}

resource "almsync_jira_sync_connection" "test" {
  count                    = 3
  jira_url                 = "https://site${count.index}.atlassian.net"
  jira_username            = "sync@example.com"
  jira_password_wo         = "sandbox-token"
  jira_password_wo_version = 1
  jama_user                = data.almsync_jama_user.admin.username

  schedule {
    interval_minutes = 60
  }
}
`, sb.ProductURL("jama"), bridge.URL, acctest.SandboxClientID, acctest.SandboxSecret)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: config},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
	total, discoveries, foreign := bridge.counts()
	if len(foreign) > 0 {
		t.Errorf("the bridge got requests outside the contract: %v", foreign)
	}
	if bridge.count("POST /almsync/jama-jira-connector/v1/connections") != 3 || bridge.count("DELETE /almsync/jama-jira-connector/v1/connections/3") != 1 {
		t.Errorf("the create and the destroy did not go through the bridge: %v", bridge.served)
	}
	if at := contractRequestsAt(sb, "jama"); at != int64(total) {
		t.Errorf("the sandbox answered %d contract requests, the bridge forwarded %d: some went to url", at, total)
	}
	if discoveries == 0 || discoveries >= total-discoveries {
		t.Errorf("%d discoveries for %d contract calls, want one per provider run", discoveries, total-discoveries)
	}
	t.Logf("%d discoveries, %d contract calls", discoveries, total-discoveries)
	routes := sb.Server.Stats().Products["jama"].Routes
	if routes["POST /rest/oauth/token"] == 0 || routes["GET /rest/v1/users"] == 0 {
		t.Errorf("the token and the users API were not asked of url: %v", routes)
	}
}

// read refreshes the resource typeName whose state holds vals through the
// protocol, returning the diagnostics and whether the resource is still in
// state.
func (p *protoProvider) read(typeName string, vals map[string]tftypes.Value) ([]*tfprotov6.Diagnostic, bool) {
	p.t.Helper()
	typ := p.schema.ResourceSchemas[typeName].ValueType()
	resp, err := p.server.ReadResource(context.Background(), &tfprotov6.ReadResourceRequest{
		TypeName: typeName, CurrentState: dynamic(p.t, typ, objectOf(p.t, typ, vals)),
	})
	if err != nil {
		p.t.Fatal(err)
	}
	if resp.NewState == nil {
		return resp.Diagnostics, false
	}
	v, err := resp.NewState.Unmarshal(typ)
	if err != nil {
		p.t.Fatal(err)
	}
	return resp.Diagnostics, !v.IsNull()
}

// wantOnlyContractError fails unless diags are exactly one error with
// summary, and nothing says the object was deleted.
func wantOnlyContractError(t *testing.T, what string, diags []*tfprotov6.Diagnostic, summary string) {
	t.Helper()
	if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityError || diags[0].Summary != summary {
		t.Errorf("%s: diagnostics %s, want the one error %q", what, diagText(diags), summary)
	}
	for _, d := range diags {
		if strings.Contains(d.Summary, "Deleted") || strings.Contains(d.Detail, "removed from the Terraform state") {
			t.Errorf("%s: %s: %s", what, d.Summary, d.Detail)
		}
	}
}

// syncScheduleValue is a schedule block of interval minutes.
func syncScheduleValue(t *testing.T, p *protoProvider, minutes int64) tftypes.Value {
	t.Helper()
	typ := objectType(t, p.schema.ResourceSchemas["almsync_jira_sync_connection"].ValueType()).AttributeTypes["schedule"]
	return objectOf(t, typ, map[string]tftypes.Value{"interval_minutes": tfNumber(minutes)})
}

// Through the protocol, exactly: against a contract_url that serves
// nothing, a refresh keeps the connection in state with the one absence
// error and no deletion warning, and a plan of a new one fails with it.
// With the contract served, one provider run sends the discovery once,
// however many connections it plans and reads.
func TestJiraSyncConnection_ContractAbsenceAndDiscoveryPerRun(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	body := sb.MustCall(t, http.StatusCreated, http.MethodPost, "/jama/almsync/jama-jira-connector/v1/connections", jama.JiraConnection{
		JiraURL: "https://acme.atlassian.net", JiraUsername: "sync@example.com", JiraPassword: "token", JamaUser: "admin",
		Schedule: jama.SyncSchedule{Type: jama.ScheduleInterval, IntervalMinutes: 60}, Enabled: true,
	})
	if !strings.Contains(string(body), `"id":1`) {
		t.Fatalf("create answered %s", body)
	}
	block := func(contractURL string) map[string]map[string]string {
		b := map[string]string{"url": sb.ProductURL("jama"), "username": acctest.SandboxUser, "password": acctest.SandboxPassword}
		if contractURL != "" {
			b["contract_url"] = contractURL
		}
		return map[string]map[string]string{"jama": b}
	}
	const typeName = "almsync_jira_sync_connection"

	absent := newProtoProvider(t, block(notServing(t, "404").URL))
	state := map[string]tftypes.Value{
		"id": tfString("1"), "jira_url": tfString("https://acme.atlassian.net"), "jira_username": tfString("sync@example.com"),
		"jama_user": tfString("admin"), "enabled": tfBool(true), "use_plain_text": tfBool(false), "schedule": syncScheduleValue(t, absent, 60),
	}
	diags, kept := absent.read(typeName, state)
	wantOnlyContractError(t, "refresh", diags, "No Jama contract served at jama.contract_url")
	if !kept {
		t.Error("the refresh removed the connection from state")
	}
	config := func(jiraURL string) map[string]tftypes.Value {
		return map[string]tftypes.Value{
			"jira_url": tfString(jiraURL), "jira_username": tfString("sync@example.com"), "jira_password": tfString("token"),
			"jama_user": tfString("admin"), "schedule": syncScheduleValue(t, absent, 60),
		}
	}
	wantOnlyContractError(t, "plan of a create", absent.plan(typeName, nil, config("https://new.atlassian.net")), "No Jama contract served at jama.contract_url")

	served := newProtoProvider(t, block(""))
	const discovery = "GET /almsync/jama-jira-connector/v1/contract"
	before := sb.Server.Stats().Products["jama"].Routes[discovery]
	for i := range 3 {
		if diags := served.plan(typeName, nil, config(fmt.Sprintf("https://site%d.atlassian.net", i))); hasError(diags) {
			t.Fatalf("plan: %s", diagText(diags))
		}
		if diags, kept := served.read(typeName, state); hasError(diags) || !kept {
			t.Fatalf("refresh: %s (kept %t)", diagText(diags), kept)
		}
	}
	if n := sb.Server.Stats().Products["jama"].Routes[discovery] - before; n != 1 {
		t.Errorf("one provider run sent the discovery %d times, want once", n)
	}
}
