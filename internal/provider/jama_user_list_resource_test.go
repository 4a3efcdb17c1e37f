package provider_test

import (
	"fmt"
	"net/http"
	"strconv"
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

// TestAccJamaUserList_PagesFiltersAndIncludesResources: 55 users made in
// Jama (more than a page of 50) are listed through every page; a
// deactivated one only with include_inactive; with include_resource a
// result is the user as an import reads it, password null.
func TestAccJamaUserList_PagesFiltersAndIncludesResources(t *testing.T) {
	sb := acctest.StartSandbox(t)
	var lastID int64
	for i := range 55 {
		var created jama.Envelope[any]
		acctestJSON(t, sb.MustCall(t, http.StatusCreated, http.MethodPost, "/jama/rest/v1/users", map[string]any{
			"username": fmt.Sprintf("bulk.%02d", i), "password": "Pa55-bulk", "firstName": "Bulk", "lastName": strconv.Itoa(i),
			"email": fmt.Sprintf("bulk.%02d@example.com", i), "licenseType": "FLOATING",
		}), &created)
		lastID = created.Meta.ID
	}
	sb.MustCall(t, http.StatusOK, http.MethodPut, fmt.Sprintf("/jama/rest/v1/users/%d/active", lastID), map[string]any{"active": false})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Query: true,
			Config: sb.ProviderConfig() + `
list "almsync_jama_user" "bulk" {
  provider = almsync
  config {
    username_prefix = "BULK."
  }
}
list "almsync_jama_user" "bulk_all" {
  provider = almsync
  config {
    username_prefix  = "bulk."
    include_inactive = true
  }
}
list "almsync_jama_user" "one" {
  provider         = almsync
  include_resource = true
  config {
    username_prefix = "bulk.07"
  }
}
`,
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength("almsync_jama_user.bulk", 54),
				querycheck.ExpectLength("almsync_jama_user.bulk_all", 55),
				querycheck.ExpectIdentity("almsync_jama_user.bulk_all", map[string]knownvalue.Check{"id": knownvalue.StringExact(strconv.FormatInt(lastID, 10))}),
				querycheck.ExpectResourceDisplayName("almsync_jama_user.bulk_all",
					queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.StringExact(strconv.FormatInt(lastID, 10))}),
					knownvalue.StringExact("bulk.54 (Bulk 54), deactivated")),
				querycheck.ExpectLength("almsync_jama_user.one", 1),
				querycheck.ExpectResourceKnownValues("almsync_jama_user.one", queryfilter.ByDisplayName(knownvalue.StringExact("bulk.07 (Bulk 7)")), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("username"), KnownValue: knownvalue.StringExact("bulk.07")},
					{Path: tfjsonpath.New("email"), KnownValue: knownvalue.StringExact("bulk.07@example.com")},
					{Path: tfjsonpath.New("license_type"), KnownValue: knownvalue.StringExact("FLOATING")},
					{Path: tfjsonpath.New("active"), KnownValue: knownvalue.Bool(true)},
					{Path: tfjsonpath.New("password"), KnownValue: knownvalue.Null()},
					{Path: tfjsonpath.New("phone"), KnownValue: knownvalue.Null()},
				}),
			},
		}},
	})
}
