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
	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
)

// TestAccJamaConnectorList_PagesFiltersAndIncludesResources: 55 connectors
// made in Interchange (more than one page of 50) are all listed; a name
// prefix narrows the listing; with include_resource a result is the
// connector as an import reads it, secrets null; a limit stops the listing.
func TestAccJamaConnectorList_PagesFiltersAndIncludesResources(t *testing.T) {
	sb := acctest.StartSandbox(t)
	for i := range 55 {
		sb.MustCall(t, http.StatusCreated, http.MethodPost, "/interchange/almsync/interchange-connectors/v1/connectors", interchange.Connector{
			Application: interchange.ApplicationJamaConnect, Name: fmt.Sprintf("Bulk %02d", i), URL: "https://acme.jamacloud.com",
			VerifySSL: true, AuthType: "basic", Username: "svc", Password: "pw",
		})
	}
	sb.MustCall(t, http.StatusCreated, http.MethodPost, "/interchange/almsync/interchange-connectors/v1/connectors", interchange.Connector{
		Application: interchange.ApplicationJamaConnect, Name: "Production Jama", URL: "https://prod.jamacloud.com",
		VerifySSL: false, AuthType: "oauth", ClientID: "interchange-client", ClientSecret: "s3cret",
	})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Query: true,
				Config: sb.ProviderConfig() + `
list "almsync_jama_connector" "all" {
  provider = almsync
}
list "almsync_jama_connector" "prod" {
  provider         = almsync
  include_resource = true
  config {
    name_prefix = "production"
  }
}
list "almsync_jama_connector" "first" {
  provider = almsync
  limit    = 3
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("almsync_jama_connector.all", 56),
					querycheck.ExpectIdentity("almsync_jama_connector.all", map[string]knownvalue.Check{"id": knownvalue.StringRegexp(regexp.MustCompile(`^[1-9][0-9]*$`))}),
					querycheck.ExpectResourceDisplayName("almsync_jama_connector.all", queryfilter.ByDisplayName(knownvalue.StringExact("Bulk 54")), knownvalue.StringExact("Bulk 54")),
					querycheck.ExpectLength("almsync_jama_connector.prod", 1),
					querycheck.ExpectResourceKnownValues("almsync_jama_connector.prod", queryfilter.ByDisplayName(knownvalue.StringExact("Production Jama")), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("Production Jama")},
						{Path: tfjsonpath.New("url"), KnownValue: knownvalue.StringExact("https://prod.jamacloud.com")},
						{Path: tfjsonpath.New("verify_ssl"), KnownValue: knownvalue.Bool(false)},
						{Path: tfjsonpath.New("auth_type"), KnownValue: knownvalue.StringExact("oauth")},
						{Path: tfjsonpath.New("client_id"), KnownValue: knownvalue.StringExact("interchange-client")},
						{Path: tfjsonpath.New("client_secret"), KnownValue: knownvalue.Null()},
						{Path: tfjsonpath.New("username"), KnownValue: knownvalue.Null()},
					}),
					querycheck.ExpectLength("almsync_jama_connector.first", 3),
				},
			},
		},
	})
}
