package provider_test

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

// TestAccJitterbitLists_PagesFiltersAndIncludesResources: 105 JSM
// connections of a project (more than Harmony's page of 100) are all
// listed, in the provider's default environment or the one configured; a
// name prefix narrows them; with include_resource a connection reads as
// after an import, secrets null; project variables list with their name as
// identity and a null value; filters are checked before anything is asked.
func TestAccJitterbitLists_PagesFiltersAndIncludesResources(t *testing.T) {
	sb := acctest.StartSandbox(t)
	for i := range 105 {
		sb.JitterbitCall(t, http.StatusCreated, http.MethodPost, "/almsync/jitterbit-jsm-connections/v1/connections", jitterbit.JSMConnection{
			EnvironmentID: acctest.JitterbitDevEnvironment, ProjectGUID: acctest.JitterbitJSMProject, Name: fmt.Sprintf("Bulk %03d", i),
			AuthScheme: "Basic", URL: "https://acme.atlassian.net", User: "sync@example.com", APIToken: "token",
		})
	}
	sb.JitterbitCall(t, http.StatusCreated, http.MethodPost, "/almsync/jitterbit-jsm-connections/v1/connections", jitterbit.JSMConnection{
		EnvironmentID: acctest.JitterbitProdEnvironment, ProjectGUID: acctest.JitterbitJSMProject, Name: "JSM Production",
		AuthScheme: "Basic", URL: "https://prod.atlassian.net", User: "prod@example.com", APIToken: "token", UseProxySettings: true,
	})
	project := fmt.Sprintf("%q", acctest.JitterbitJSMProject)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Query: true,
				Config: sb.ProviderConfig() + `
list "almsync_jitterbit_jsm_connection" "dev" {
  provider = almsync
  limit    = 200
  config {
    project_guid = ` + project + `
  }
}
list "almsync_jitterbit_jsm_connection" "prod" {
  provider         = almsync
  include_resource = true
  config {
    environment_id = "202"
    project_guid   = ` + project + `
    name_prefix    = "jsm"
  }
}
list "almsync_jitterbit_project_variable" "jsm" {
  provider         = almsync
  include_resource = true
  config {
    project_guid = ` + project + `
    name_prefix  = "jsm_"
  }
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("almsync_jitterbit_jsm_connection.dev", 105),
					querycheck.ExpectResourceDisplayName("almsync_jitterbit_jsm_connection.dev",
						queryfilter.ByDisplayName(knownvalue.StringExact("Bulk 104")), knownvalue.StringExact("Bulk 104")),
					querycheck.ExpectLength("almsync_jitterbit_jsm_connection.prod", 1),
					querycheck.ExpectIdentity("almsync_jitterbit_jsm_connection.prod", map[string]knownvalue.Check{
						"id":             knownvalue.NotNull(),
						"environment_id": knownvalue.StringExact(acctest.JitterbitProdEnvironment),
						"project_guid":   knownvalue.StringExact(acctest.JitterbitJSMProject),
					}),
					querycheck.ExpectResourceKnownValues("almsync_jitterbit_jsm_connection.prod", queryfilter.ByDisplayName(knownvalue.StringExact("JSM Production")), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("url"), KnownValue: knownvalue.StringExact("https://prod.atlassian.net")},
						{Path: tfjsonpath.New("user"), KnownValue: knownvalue.StringExact("prod@example.com")},
						{Path: tfjsonpath.New("use_proxy_settings"), KnownValue: knownvalue.Bool(true)},
						{Path: tfjsonpath.New("api_token"), KnownValue: knownvalue.Null()},
					}),
					querycheck.ExpectLengthAtLeast("almsync_jitterbit_project_variable.jsm", 2),
					querycheck.ExpectIdentity("almsync_jitterbit_project_variable.jsm", map[string]knownvalue.Check{
						"id":             knownvalue.StringExact("jsm_url"),
						"environment_id": knownvalue.StringExact(acctest.JitterbitDevEnvironment),
						"project_guid":   knownvalue.StringExact(acctest.JitterbitJSMProject),
					}),
					querycheck.ExpectResourceKnownValues("almsync_jitterbit_project_variable.jsm", queryfilter.ByDisplayName(knownvalue.StringExact("jsm_url")), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("jsm_url")},
						{Path: tfjsonpath.New("variable_id"), KnownValue: knownvalue.NotNull()},
						{Path: tfjsonpath.New("value"), KnownValue: knownvalue.Null()},
					}),
				},
			},
			{
				Query: true,
				Config: sb.ProviderConfig() + `
list "almsync_jitterbit_jsm_connection" "bad" {
  provider = almsync
  config {
    project_guid = "JSM Integration"
  }
}
`,
				ExpectError: regexp.MustCompile(`(?s)project_guid.*must be the project's GUID`),
			},
		},
	})
}
