package provider_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
)

// jamaConnectorContractConfig is a basic connector with only an
// interchange block: url and contract_url ("" leaves it out).
func jamaConnectorContractConfig(interchangeURL, contractURL string) string {
	contractLine := ""
	if contractURL != "" {
		contractLine = fmt.Sprintf("contract_url = %q", contractURL)
	}
	return fmt.Sprintf(`
provider "almsync" {
  interchange {
    url      = %[1]q
    username = %[3]q
    password = %[4]q
    %[2]s
  }
}

resource "almsync_jama_connector" "test" {
  name      = "Production Jama"
  url       = "https://acme.jamacloud.com"
  auth_type = "basic"
  username  = "InterchangeServiceAccount"
  password  = "s3cret"
}
`, interchangeURL, contractLine, acctest.SandboxUser, acctest.SandboxPassword)
}

// A plan of a new connector fails with the absence error against a server
// that does not serve the contract, whether it is the url or the
// contract_url, and whatever it answers.
func TestAccJamaConnector_ContractAbsentFailsThePlan(t *testing.T) {
	sb := acctest.StartSandbox(t)
	plain, html, v2 := notServing(t, "404"), notServing(t, "html"), notServing(t, "v2")
	for name, tc := range map[string]struct {
		url, contractURL, pattern string
	}{
		"404 everywhere as url":  {plain.URL, "", interchangeContractAbsent + `.*HTTP 404`},
		"404 as contract_url":    {sb.ProductURL("interchange"), plain.URL, interchangeContractAbsent + `.*HTTP 404`},
		"HTML page as url":       {html.URL, "", interchangeContractAbsent + `.*an HTML page`},
		"version 2.0.0 contract": {sb.ProductURL("interchange"), v2.URL, contractVersionPattern("interchange-connectors")},
	} {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config:      jamaConnectorContractConfig(tc.url, tc.contractURL),
					PlanOnly:    true,
					ExpectError: acctest.MessagePattern(tc.pattern),
				}},
			})
		})
	}
}

// A refresh of an existing connector, once contract_url names a server that
// does not serve the contract, fails with the absence error; the connector
// stays in state, so the configuration pointing back at the bridge plans
// nothing.
func TestAccJamaConnector_ContractAbsentFailsTheRefresh(t *testing.T) {
	sb := acctest.StartSandbox(t)
	plain, v2 := notServing(t, "404"), notServing(t, "v2")
	served := jamaConnectorContractConfig(sb.ProductURL("interchange"), "")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: served},
			{
				Config:      jamaConnectorContractConfig(sb.ProductURL("interchange"), plain.URL),
				PlanOnly:    true,
				ExpectError: acctest.MessagePattern(interchangeContractAbsent + `.*HTTP 404.*Nothing was read as deleted`),
			},
			{
				Config:      jamaConnectorContractConfig(sb.ProductURL("interchange"), v2.URL),
				PlanOnly:    true,
				ExpectError: acctest.MessagePattern(contractVersionPattern("interchange-connectors")),
			},
			{
				Config:           served,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// With contract_url on another host (a bridge in front of the sandbox's
// contract), apply, plan and destroy of three connectors work; every
// contract call went through the bridge and the OAuth token came from url.
func TestAccJamaConnector_ContractURLOnAnotherHost(t *testing.T) {
	sb := acctest.StartSandbox(t)
	bridge := startContractProxy(t, sb, "interchange")
	config := fmt.Sprintf(`
provider "almsync" {
  interchange {
    url           = %[1]q
    contract_url  = %[2]q
    client_id     = %[3]q
    client_secret = %[4]q
  }
}

resource "almsync_jama_connector" "test" {
  count     = 3
  name      = "Jama ${count.index}"
  url       = "https://acme.jamacloud.com"
  auth_type = "basic"
  username  = "InterchangeServiceAccount"
  password  = "s3cret"
}
`, sb.ProductURL("interchange"), bridge.URL, acctest.SandboxClientID, acctest.SandboxSecret)
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
	if bridge.count("POST /almsync/interchange-connectors/v1/connectors") != 3 || bridge.count("DELETE /almsync/interchange-connectors/v1/connectors/3") != 1 {
		t.Errorf("the creates and the destroy did not go through the bridge: %v", bridge.served)
	}
	if at := contractRequestsAt(sb, "interchange"); at != int64(total) {
		t.Errorf("the sandbox answered %d contract requests, the bridge forwarded %d: some went to url", at, total)
	}
	if discoveries == 0 || discoveries >= total-discoveries {
		t.Errorf("%d discoveries for %d contract calls, want one per provider run", discoveries, total-discoveries)
	}
	if routes := sb.Server.Stats().Products["interchange"].Routes; routes["POST /rest/oauth/token"] == 0 {
		t.Errorf("the token was not asked of url: %v", routes)
	}
}

// Through the protocol, exactly: against a contract_url that serves
// nothing, a refresh keeps the connector in state with the one absence
// error and no deletion warning, and a plan of a new one fails with it.
// With the contract served, one provider run sends the discovery once.
func TestJamaConnector_ContractAbsenceAndDiscoveryPerRun(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	sb.MustCall(t, http.StatusCreated, http.MethodPost, "/interchange/almsync/interchange-connectors/v1/connectors", interchange.Connector{
		Application: interchange.ApplicationJamaConnect, Name: "Production Jama", URL: "https://acme.jamacloud.com", VerifySSL: true,
		AuthType: interchange.AuthBasic, Username: "svc", Password: "p",
	})
	block := func(contractURL string) map[string]map[string]string {
		b := map[string]string{"url": sb.ProductURL("interchange"), "username": acctest.SandboxUser, "password": acctest.SandboxPassword}
		if contractURL != "" {
			b["contract_url"] = contractURL
		}
		return map[string]map[string]string{"interchange": b}
	}
	const typeName = "almsync_jama_connector"
	state := map[string]tftypes.Value{
		"id": tfString("1"), "application": tfString("JAMA_CONNECT"), "name": tfString("Production Jama"), "url": tfString("https://acme.jamacloud.com"),
		"verify_ssl": tfBool(true), "auth_type": tfString("basic"), "username": tfString("svc"),
	}
	config := func(name string) map[string]tftypes.Value {
		return map[string]tftypes.Value{
			"name": tfString(name), "url": tfString("https://acme.jamacloud.com"), "auth_type": tfString("basic"),
			"username": tfString("svc"), "password": tfString("p"),
		}
	}

	absent := newProtoProvider(t, block(notServing(t, "404").URL))
	diags, kept := absent.read(typeName, state)
	wantOnlyContractError(t, "refresh", diags, "No Interchange contract served at interchange.contract_url")
	if !kept {
		t.Error("the refresh removed the connector from state")
	}
	wantOnlyContractError(t, "plan of a create", absent.plan(typeName, nil, config("New")), "No Interchange contract served at interchange.contract_url")

	served := newProtoProvider(t, block(""))
	const discovery = "GET /almsync/interchange-connectors/v1/contract"
	before := sb.Server.Stats().Products["interchange"].Routes[discovery]
	for i := range 3 {
		if diags := served.plan(typeName, nil, config(fmt.Sprintf("Jama %d", i))); hasError(diags) {
			t.Fatalf("plan: %s", diagText(diags))
		}
		if diags, kept := served.read(typeName, state); hasError(diags) || !kept {
			t.Fatalf("refresh: %s (kept %t)", diagText(diags), kept)
		}
	}
	if n := sb.Server.Stats().Products["interchange"].Routes[discovery] - before; n != 1 {
		t.Errorf("one provider run sent the discovery %d times, want once", n)
	}
}
