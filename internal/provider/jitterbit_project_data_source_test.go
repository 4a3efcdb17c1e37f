package provider_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
)

func TestAccJitterbitProjectDataSource_ReadsProjectAndVariableNames(t *testing.T) {
	sb := acctest.StartSandbox(t)
	const dev, prod = "data.almsync_jitterbit_project.dev", "data.almsync_jitterbit_project.prod"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + fmt.Sprintf(`
# The provider's default environment.
data "almsync_jitterbit_project" "dev" {
  project_guid = %[1]q
}

data "almsync_jitterbit_project" "prod" {
  environment_id = %[2]q
  project_guid   = %[1]q
}
`, acctest.JitterbitJSMProject, acctest.JitterbitProdEnvironment),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(dev, tfjsonpath.New("environment_id"), knownvalue.StringExact(acctest.JitterbitDevEnvironment)),
				statecheck.ExpectKnownValue(dev, tfjsonpath.New("name"), knownvalue.StringExact("JSM Integration")),
				statecheck.ExpectKnownValue(dev, tfjsonpath.New("project_id"), knownvalue.StringExact("1001")),
				statecheck.ExpectKnownValue(dev, tfjsonpath.New("environments"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact("201"), "name": knownvalue.StringExact("Development")}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact("202"), "name": knownvalue.StringExact("Production")}),
				})),
				// Sorted by name.
				statecheck.ExpectKnownValue(dev, tfjsonpath.New("variables"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("jsm_api_token"), knownvalue.StringExact("jsm_url"), knownvalue.StringExact("jsm_user"),
				})),
				statecheck.ExpectKnownValue(prod, tfjsonpath.New("environment_id"), knownvalue.StringExact(acctest.JitterbitProdEnvironment)),
				statecheck.ExpectKnownValue(prod, tfjsonpath.New("variables"), knownvalue.ListSizeExact(3)),
			},
		}},
	})
}

func TestAccJitterbitProjectDataSource_Errors(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cases := map[string]struct{ provider, body, want string }{
		"a project that is not in the environment": {
			body: fmt.Sprintf("environment_id = %q\n  project_guid = %q", acctest.JitterbitProdEnvironment, acctest.JitterbitServiceDeskProject),
			want: "Project " + acctest.JitterbitServiceDeskProject + " is not in Harmony environment 202",
		},
		"a project id instead of its GUID": {body: `project_guid = "1001"`, want: "must be the project's GUID"},
		"a bad environment id":             {body: fmt.Sprintf("environment_id = \"dev\"\n  project_guid = %q", acctest.JitterbitJSMProject), want: "must be a Harmony environment ID"},
		"no environment anywhere": {
			provider: sb.JitterbitProviderConfig(""), body: fmt.Sprintf("project_guid = %q", acctest.JitterbitJSMProject),
			want: "This data source sets no `environment_id`",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			provider := tc.provider
			if provider == "" {
				provider = sb.ProviderConfig()
			}
			acctest.PlanFails(t, provider+fmt.Sprintf("\ndata \"almsync_jitterbit_project\" \"test\" {\n  %s\n}\n", tc.body), tc.want)
		})
	}
}
