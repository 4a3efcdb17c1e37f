package provider_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

// acctestJSON decodes body into out.
func acctestJSON(t *testing.T, body []byte, out any) {
	t.Helper()
	if err := json.Unmarshal(body, out); err != nil {
		t.Fatalf("decoding %s: %v", body, err)
	}
}

// TestAccJiraSyncConnectionList_PagesFiltersAndIncludesResources: 52
// connections made in Jama (more than a page of 50) are all listed; a
// Jira URL prefix narrows the listing; with include_resource a result is
// the connection as an import reads it, the Jira password null.
func TestAccJiraSyncConnectionList_PagesFiltersAndIncludesResources(t *testing.T) {
	sb := acctest.StartSandbox(t)
	for i := range 52 {
		sb.MustCall(t, http.StatusCreated, http.MethodPost, "/jama/almsync/jama-jira-connector/v1/connections", jama.JiraConnection{
			JiraURL: fmt.Sprintf("https://bulk%02d.atlassian.net", i), JiraUsername: "sync@example.com", JiraPassword: "token", JamaUser: "admin",
			Schedule: jama.SyncSchedule{Type: jama.ScheduleInterval, IntervalMinutes: 15}, Enabled: true,
		})
	}
	sb.MustCall(t, http.StatusCreated, http.MethodPost, "/jama/almsync/jama-jira-connector/v1/connections", jama.JiraConnection{
		JiraURL: "https://jira.example.com", JiraUsername: "svc", JiraPassword: "pw", JamaUser: "admin",
		Schedule: jama.SyncSchedule{Type: jama.ScheduleCron, Cron: "0 15 10 ? * MON-FRI"}, Enabled: false,
	})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Query: true,
			Config: sb.ProviderConfig() + `
list "almsync_jira_sync_connection" "all" {
  provider = almsync
}
list "almsync_jira_sync_connection" "cloud" {
  provider = almsync
  config {
    jira_url_prefix = "https://bulk"
  }
}
list "almsync_jira_sync_connection" "server" {
  provider         = almsync
  include_resource = true
  config {
    jira_url_prefix = "https://jira."
  }
}
`,
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength("almsync_jira_sync_connection.all", 53),
				querycheck.ExpectLength("almsync_jira_sync_connection.cloud", 52),
				querycheck.ExpectResourceDisplayName("almsync_jira_sync_connection.cloud",
					queryfilter.ByDisplayName(knownvalue.StringExact("https://bulk51.atlassian.net")), knownvalue.StringExact("https://bulk51.atlassian.net")),
				querycheck.ExpectIdentity("almsync_jira_sync_connection.server", map[string]knownvalue.Check{"id": positiveID}),
				querycheck.ExpectResourceKnownValues("almsync_jira_sync_connection.server", queryfilter.ByDisplayName(knownvalue.StringExact("https://jira.example.com")), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("jira_username"), KnownValue: knownvalue.StringExact("svc")},
					{Path: tfjsonpath.New("jama_user"), KnownValue: knownvalue.StringExact("admin")},
					{Path: tfjsonpath.New("enabled"), KnownValue: knownvalue.Bool(false)},
					{Path: tfjsonpath.New("jira_password"), KnownValue: knownvalue.Null()},
					{Path: tfjsonpath.New("schedule").AtMapKey("cron"), KnownValue: knownvalue.NotNull()},
					{Path: tfjsonpath.New("schedule_description"), KnownValue: knownvalue.NotNull()},
				}),
			},
		}},
	})
}
