package provider_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
)

// Counts of each kind in the fault test's configuration: 130 in all.
const (
	faultConnectors   = 60
	faultUsers        = 20
	faultSyncs        = 15
	faultJSM          = 15
	faultAquaUsers    = 10
	faultAquaSyncs    = 5
	faultFieldMapping = 5
)

// testAccFaultsConfig is 130 resources of every product, with the
// provider's default retries and pacing.
func testAccFaultsConfig(sb *acctest.Sandbox) string {
	return fmt.Sprintf(`
provider "almsync" {
  jama {
    url      = %[1]q
    username = "admin"
    password = "sandbox"
  }
  interchange {
    url      = %[2]q
    username = "admin"
    password = "sandbox"
  }
  jitterbit {
    url            = %[3]q
    username       = "admin"
    password       = "sandbox"
    environment_id = "201"
  }
  aqua {
    url      = %[4]q
    username = "admin"
    password = "sandbox"
  }
}

resource "almsync_jama_connector" "c" {
  count     = %[5]d
  name      = "Connector ${count.index}"
  url       = "https://jama${count.index}.example.com"
  auth_type = "basic"
  username  = "svc"
  password  = "pw"
}

resource "almsync_jama_user" "u" {
  count        = %[6]d
  username     = "user${count.index}"
  email        = "user${count.index}@example.com"
  first_name   = "User"
  last_name    = "${count.index}"
  license_type = "NAMED"
  password     = "pw"
}

resource "almsync_jira_sync_connection" "s" {
  count         = %[7]d
  jira_url      = "https://jira${count.index}.example.com"
  jira_username = "svc"
  jira_password = "pw"
  jama_user     = "admin"
  schedule {
    cron = "0 15 10 ? * 6L"
  }
}

resource "almsync_jitterbit_jsm_connection" "j" {
  count       = %[8]d
  project_guid = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
  name        = "JSM ${count.index}"
  auth_scheme = "Basic"
  url         = "https://jsm${count.index}.example.com"
  user        = "svc"
  api_token   = "t"
}

resource "almsync_aqua_sync_user" "a" {
  count      = %[9]d
  username   = "aqua${count.index}"
  first_name = "Aqua"
  surname    = "${count.index}"
  email      = "aqua${count.index}@example.com"
  licenses   = ["VIEWER"]
}

resource "almsync_aqua_jira_sync" "y" {
  count            = %[10]d
  name             = "Sync ${count.index}"
  aqua_project_id  = "1"
  jira_url         = "https://jira${count.index}.example.com"
  jira_project_key = "SYNC"
  configuration_user {
    username = "svc"
    password = "pw"
  }
}

resource "almsync_aqua_field_mapping" "f" {
  count      = %[11]d
  sync_id    = almsync_aqua_jira_sync.y[count.index].id
  item_type  = "Defect"
  aqua_field = "JiraKey"
  jira_field = "key"
  direction  = "to_aqua"
}
`, sb.ProductURL("jama"), sb.ProductURL("interchange"), sb.ProductURL("jitterbit"), sb.ProductURL("aqua"),
		faultConnectors, faultUsers, faultSyncs, faultJSM, faultAquaUsers, faultAquaSyncs, faultFieldMapping)
}

// sandboxCounts counts what the sandbox holds, product by product, with
// faults off.
type sandboxCounts struct {
	connectors, activeUsers, syncs, jsm, aquaUsers, aquaSyncs, fieldMappings int
}

func countSandbox(t *testing.T, sb *acctest.Sandbox) sandboxCounts {
	t.Helper()
	var c sandboxCounts
	var page struct {
		Meta jama.Meta `json:"meta"`
	}
	for _, list := range []struct {
		path string
		n    *int
	}{
		{"/interchange/almsync/interchange-connectors/v1/connectors", &c.connectors},
		{"/jama/rest/v1/users", &c.activeUsers},
		{"/jama/almsync/jama-jira-connector/v1/connections", &c.syncs},
	} {
		if err := json.Unmarshal(sb.MustCall(t, http.StatusOK, http.MethodGet, list.path+"?maxResults=1", nil), &page); err != nil {
			t.Fatal(err)
		}
		*list.n = page.Meta.PageInfo.TotalResults
	}
	c.activeUsers-- // the seeded admin
	var jsm struct {
		Data struct {
			Total int `json:"total"`
		} `json:"data"`
	}
	if err := json.Unmarshal(sb.JitterbitCall(t, http.StatusOK, http.MethodGet, "/almsync/jitterbit-jsm-connections/v1/connections?environmentId=201&projectGuid=9a87b6c5-a1b2-34c5-6d7e-123456a7b001", nil), &jsm); err != nil {
		t.Fatal(err)
	}
	c.jsm = jsm.Data.Total
	var users, syncs []struct {
		ID int64 `json:"Id"`
	}
	if err := json.Unmarshal(sb.AquaCall(t, http.StatusOK, http.MethodGet, "/api/System/User", nil), &users); err != nil {
		t.Fatal(err)
	}
	c.aquaUsers = len(users) - 1 // the seeded admin
	if err := json.Unmarshal(sb.AquaCall(t, http.StatusOK, http.MethodGet, "/almsync/aqua-jira-sync/v1/definitions", nil), &syncs); err != nil {
		t.Fatal(err)
	}
	c.aquaSyncs = len(syncs)
	for _, s := range syncs {
		var ms []json.RawMessage
		if err := json.Unmarshal(sb.AquaCall(t, http.StatusOK, http.MethodGet, fmt.Sprintf("/almsync/aqua-jira-sync/v1/definitions/%d/field-mappings", s.ID), nil), &ms); err != nil {
			t.Fatal(err)
		}
		c.fieldMappings += len(ms)
	}
	return c
}

// faultSeedEnv names the environment variable that replaces the fault
// test's seed, to replay a failing run.
const faultSeedEnv = "ALMSYNC_FAULT_SEED"

// defaultFaultSeed is the fault test's seed unless faultSeedEnv is set.
const defaultFaultSeed = 20261202

// faultSeed returns the seed of the fault test: faultSeedEnv's value, or
// defaultFaultSeed.
func faultSeed(t *testing.T) uint64 {
	t.Helper()
	v, ok := os.LookupEnv(faultSeedEnv)
	if !ok || v == "" {
		return defaultFaultSeed
	}
	seed, err := strconv.ParseUint(v, 10, 64)
	if err != nil || seed == 0 {
		t.Fatalf("%s=%q: want a positive integer seed, as named by a failed run", faultSeedEnv, v)
	}
	return seed
}

// TestAccFaults_NothingLostOrDuplicated applies, refreshes and destroys 130
// resources, 60 of them Interchange connectors, with the provider's default
// settings against a sandbox that fails 20% of requests with 5xx,
// rate-limits to 10 a second with 429, drops 5% of connections after
// applying them and adds 50 ms to each. The faults are seeded, so a failure
// can be replayed with the seed it names.
func TestAccFaults_NothingLostOrDuplicated(t *testing.T) {
	seed := faultSeed(t)
	t.Logf("fault seed %d", seed)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("replay these faults with: TF_ACC=1 %s=%d go test ./internal/provider -run '^%s$'", faultSeedEnv, seed, t.Name())
		}
	})
	sb := acctest.StartSandbox(t)
	faults := sandbox.Faults{Seed: seed, ErrorRate: 0.2, RateLimitPerSecond: 10, DropRate: 0.05, LatencyMS: 50}
	setFaults := func(f sandbox.Faults) {
		if err := sb.Server.SetFaults(f); err != nil {
			t.Fatal(err)
		}
	}
	want := sandboxCounts{faultConnectors, faultUsers, faultSyncs, faultJSM, faultAquaUsers, faultAquaSyncs, faultFieldMapping}
	// counted checks, with faults off, that the sandbox holds exactly want.
	counted := func(want sandboxCounts) func() error {
		return func() error {
			setFaults(sandbox.Faults{})
			defer setFaults(faults)
			if got := countSandbox(t, sb); got != want {
				return fmt.Errorf("the sandbox holds %+v, want exactly %+v (nothing lost, nothing duplicated; fault seed %d)", got, want, seed)
			}
			return nil
		}
	}
	exactly := func(want sandboxCounts) []statecheck.StateCheck {
		return []statecheck.StateCheck{acctest.Expect(counted(want))}
	}
	config := testAccFaultsConfig(sb)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(*terraform.State) error {
			// Destroy ran with faults on; count with them off.
			return counted(sandboxCounts{})()
		},
		Steps: []resource.TestStep{
			{
				PreConfig:         func() { setFaults(faults) },
				Config:            config,
				ConfigStateChecks: exactly(want),
			},
			// With faults off, the plan is empty: every create landed once
			// and state matches the products.
			{
				PreConfig:        func() { setFaults(sandbox.Faults{}) },
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			// Faults on again for the refresh and the destroy that follows.
			{
				PreConfig:         func() { setFaults(faults) },
				Config:            config,
				ConfigStateChecks: exactly(want),
			},
		},
	})
}
