package provider_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
)

// refreshN is how many objects the list-backed refresh tests manage.
const refreshN = 200

// requestMeter counts one product's sandbox requests between two plan
// checks: start at the plan before the measured one, stop after it.
type requestMeter struct {
	sb      *acctest.Sandbox
	product string
	objects int

	mu     sync.Mutex
	before sandbox.Stats
	routes map[string]int64
	total  int64
}

func (m *requestMeter) start() plancheck.PlanCheck {
	return planCheckFunc(func(*tfjson.Plan) error {
		m.mu.Lock()
		defer m.mu.Unlock()
		m.before = m.sb.Server.Stats()
		return nil
	})
}

// stop records the requests since start and fails when there were more
// than most.
func (m *requestMeter) stop(t *testing.T, most int64) plancheck.PlanCheck {
	return planCheckFunc(func(*tfjson.Plan) error {
		m.mu.Lock()
		defer m.mu.Unlock()
		after := m.sb.Server.Stats().Products[m.product]
		before := m.before.Products[m.product]
		m.routes, m.total = map[string]int64{}, after.Total-before.Total
		var lines []string
		for k, v := range after.Routes {
			if d := v - before.Routes[k]; d != 0 {
				m.routes[k] = d
				lines = append(lines, fmt.Sprintf("%s: %d", k, d))
			}
		}
		sort.Strings(lines)
		t.Logf("refresh plan of %d objects: %d %s requests (%s)", m.objects, m.total, m.product, strings.Join(lines, ", "))
		if m.total > most {
			return fmt.Errorf("the refresh plan sent %d %s requests, want at most %d: %s", m.total, m.product, most, strings.Join(lines, ", "))
		}
		return nil
	})
}

type planCheckFunc func(*tfjson.Plan) error

func (f planCheckFunc) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if err := f(req.Plan); err != nil {
		resp.Error = err
	}
}

// expectOnlyChanges fails unless the plan changes exactly the resources of
// want, each with its actions, and leaves every other resource alone.
func expectOnlyChanges(want map[string]tfjson.Actions) plancheck.PlanCheck {
	return planCheckFunc(func(plan *tfjson.Plan) error {
		var problems []string
		seen := map[string]bool{}
		for _, rc := range plan.ResourceChanges {
			seen[rc.Address] = true
			actions, expected := want[rc.Address]
			switch {
			case expected && !sameActions(rc.Change.Actions, actions):
				problems = append(problems, fmt.Sprintf("%s: %v, want %v", rc.Address, rc.Change.Actions, actions))
			case !expected && !rc.Change.Actions.NoOp():
				problems = append(problems, fmt.Sprintf("%s: %v, want no change", rc.Address, rc.Change.Actions))
			}
		}
		for addr := range want {
			if !seen[addr] {
				problems = append(problems, addr+": not in the plan")
			}
		}
		if len(problems) > 0 {
			sort.Strings(problems)
			return fmt.Errorf("the plan does not show exactly the drift:\n%s", strings.Join(problems, "\n"))
		}
		return nil
	})
}

func sameActions(a, b tfjson.Actions) bool {
	return fmt.Sprint(a) == fmt.Sprint(b)
}

// connectorsConfig is n Basic connectors; rate, when not empty, is the
// interchange block's requests_per_second.
func connectorsConfig(sb *acctest.Sandbox, n int, rate string) string {
	block := ""
	if rate != "" {
		block = "\n    requests_per_second = " + rate
	}
	return fmt.Sprintf(`
provider "almsync" {
  interchange {
    url      = %[1]q
    username = %[2]q
    password = %[3]q%[4]s
  }
}

resource "almsync_jama_connector" "c" {
  count      = %[5]d
  name       = "Connector ${count.index}"
  url        = "https://jama${count.index}.example.com"
  verify_ssl = true
  auth_type  = "basic"
  username   = "svc${count.index}"
  password   = "s3cret-${count.index}"
}
`, sb.ProductURL("interchange"), acctest.SandboxUser, acctest.SandboxPassword, block, n)
}

// TestAccListRefresh_JamaConnectors: a plan that refreshes 200
// connectors, with the provider's default pacing, reads them through the
// connector list: at most N/20+5 Interchange requests, and no change.
// Only the setup's apply raises requests_per_second (unlimited), to create
// the 200 quickly; the measured plan runs with the default.
func TestAccListRefresh_JamaConnectors(t *testing.T) {
	clearProductEnv(t)
	sb := acctest.StartSandbox(t)
	meter := &requestMeter{sb: sb, product: "interchange", objects: refreshN}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: connectorsConfig(sb, refreshN, "0")},
			{
				Config:   connectorsConfig(sb, refreshN, ""),
				PlanOnly: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPreRefresh:  []plancheck.PlanCheck{meter.start()},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan(), meter.stop(t, refreshN/20+5)},
				},
			},
		},
	})
	if got := meter.routes["GET /almsync/interchange-connectors/v1/connectors/{id}"]; got > 1 {
		t.Errorf("the refresh read %d connectors one by one, want at most the first", got)
	}
}

// connectorNamed reads the connector called name straight from the
// sandbox, as an Interchange admin would find it.
func connectorNamed(t *testing.T, sb *acctest.Sandbox, name string) interchange.Connector {
	t.Helper()
	var found []interchange.Connector
	acctest.Data(t, sb.MustCall(t, http.StatusOK, http.MethodGet,
		"/interchange/almsync/interchange-connectors/v1/connectors?name="+url.QueryEscape(name), nil), &found)
	if len(found) != 1 {
		t.Fatalf("the sandbox holds %d connectors named %q, want one", len(found), name)
	}
	return found[0]
}

// expectURLDrift fails unless the plan updates addr's url from was (the
// value changed outside Terraform) back to want (the configuration's).
func expectURLDrift(addr, was, want string) plancheck.PlanCheck {
	return planCheckFunc(func(plan *tfjson.Plan) error {
		for _, rc := range plan.ResourceChanges {
			if rc.Address != addr {
				continue
			}
			before, _ := rc.Change.Before.(map[string]any)
			after, _ := rc.Change.After.(map[string]any)
			if before["url"] != was || after["url"] != want {
				return fmt.Errorf("%s: url planned from %v to %v, want from %q to %q", addr, before["url"], after["url"], was, want)
			}
			return nil
		}
		return fmt.Errorf("%s is not in the plan", addr)
	})
}

// TestAccListRefresh_JamaConnectorsDrift: connectors changed and deleted
// outside Terraform between the apply and a refresh served from the list:
// the plan shows exactly that drift, the changed attribute updated back
// and the deleted connector created again, nothing else.
func TestAccListRefresh_JamaConnectorsDrift(t *testing.T) {
	clearProductEnv(t)
	sb := acctest.StartSandbox(t)
	const n = 60
	meter := &requestMeter{sb: sb, product: "interchange", objects: n}
	const elsewhere = "https://elsewhere.example.com"
	drift := func() {
		changed := connectorNamed(t, sb, "Connector 7")
		id := changed.ID
		changed.ID, changed.URL = 0, elsewhere // the route names the connector
		sb.MustCall(t, http.StatusOK, http.MethodPut, fmt.Sprintf("/interchange/almsync/interchange-connectors/v1/connectors/%d", id), changed)
		gone := connectorNamed(t, sb, "Connector 21")
		sb.MustCall(t, http.StatusNoContent, http.MethodDelete, fmt.Sprintf("/interchange/almsync/interchange-connectors/v1/connectors/%d", gone.ID), nil)
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: connectorsConfig(sb, n, "0")},
			{
				PreConfig:          drift,
				Config:             connectorsConfig(sb, n, ""),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPreRefresh: []plancheck.PlanCheck{meter.start()},
					PostApplyPostRefresh: []plancheck.PlanCheck{
						expectOnlyChanges(map[string]tfjson.Actions{
							"almsync_jama_connector.c[7]":  {tfjson.ActionUpdate},
							"almsync_jama_connector.c[21]": {tfjson.ActionCreate},
						}),
						expectURLDrift("almsync_jama_connector.c[7]", elsewhere, "https://jama7.example.com"),
						meter.stop(t, n/20+5),
					},
				},
			},
		},
	})
}

// usersConfig is n Jama users; rate, when not empty, is the jama block's
// requests_per_second.
func usersConfig(sb *acctest.Sandbox, n int, rate string) string {
	block := ""
	if rate != "" {
		block = "\n    requests_per_second = " + rate
	}
	return fmt.Sprintf(`
provider "almsync" {
  jama {
    url      = %[1]q
    username = %[2]q
    password = %[3]q%[4]s
  }
}

resource "almsync_jama_user" "u" {
  count        = %[5]d
  username     = "refresh${count.index}"
  password     = "Initial-Passw0rd!"
  first_name   = "Refresh"
  last_name    = "User ${count.index}"
  email        = "refresh${count.index}@example.com"
  license_type = "NAMED"
}
`, sb.ProductURL("jama"), acctest.SandboxUser, acctest.SandboxPassword, block, n)
}

// TestAccListRefresh_JamaUsers: a plan that refreshes 200 Jama users, with
// the provider's default pacing, reads them through Jama's user list: at
// most N/20+5 Jama requests, and no change. Only the setup's apply raises
// requests_per_second (unlimited); the measured plan runs with the default.
func TestAccListRefresh_JamaUsers(t *testing.T) {
	clearProductEnv(t)
	sb := acctest.StartSandbox(t)
	meter := &requestMeter{sb: sb, product: "jama", objects: refreshN}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: usersConfig(sb, refreshN, "0")},
			{
				Config:   usersConfig(sb, refreshN, ""),
				PlanOnly: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPreRefresh:  []plancheck.PlanCheck{meter.start()},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan(), meter.stop(t, refreshN/20+5)},
				},
			},
		},
	})
	if got := meter.routes["GET /rest/v1/users/{id}"]; got > 1 {
		t.Errorf("the refresh read %d users one by one, want at most the first", got)
	}
}
