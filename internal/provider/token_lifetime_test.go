package provider_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
)

// Shape of the token lifetime test: every token and session the sandbox
// issues lasts tokenTestLifetime; each product gets a chain of
// tokenTestChain resources (each depending on the one before, so that
// Terraform handles them one after another, in plan as in apply) and every
// request tokenTestLatencyMS, so that each product is busy for several
// lifetimes in every command while a request stays well inside the
// renewal margin (a tenth of the lifetime).
const (
	tokenTestLifetime  = 2 * time.Second
	tokenTestChain     = 50
	tokenTestLatencyMS = 100
)

// tokenProducts are the products whose tokens the test counts, with the
// route that issues them (below the product prefix).
// listBacked marks the products whose objects in the chain a refresh
// reads through the product's list (see internal/api/readcache): a plan
// asks them for a handful of pages in well under one lifetime, so in a
// plan they have nothing to renew and are held to that handful instead.
var tokenProducts = []struct {
	name, route string
	listBacked  bool
}{
	{"aqua", "/api/token", false},
	{"jama", "/rest/oauth/token", true},
	{"interchange", "/rest/oauth/token", true},
	{"jitterbit", "/login", false},
}

// listRefreshBudget is what a refresh of the chain may ask a list-backed
// product: N/20 + 5 requests, logins included.
const listRefreshBudget = tokenTestChain/20 + 5

// testAccTokenLifetimeConfig is, with default provider settings, a chain
// of tokenTestChain resources of each product: aqua sync users (password
// login), Jama users and Interchange connectors (OAuth client
// credentials), Jitterbit JSM connections (Harmony login).
func testAccTokenLifetimeConfig(sb *acctest.Sandbox) string {
	var b strings.Builder
	fmt.Fprintf(&b, `
provider "almsync" {
  jama {
    url           = %[1]q
    client_id     = %[5]q
    client_secret = %[6]q
  }
  interchange {
    url           = %[2]q
    client_id     = %[5]q
    client_secret = %[6]q
  }
  jitterbit {
    url            = %[3]q
    username       = %[7]q
    password       = %[8]q
    environment_id = %[9]q
  }
  aqua {
    url      = %[4]q
    username = %[7]q
    password = %[8]q
  }
}
`, sb.ProductURL("jama"), sb.ProductURL("interchange"), sb.ProductURL("jitterbit"), sb.ProductURL("aqua"),
		acctest.SandboxClientID, acctest.SandboxSecret, acctest.SandboxUser, acctest.SandboxPassword, acctest.JitterbitDevEnvironment)
	after := func(kind string, i int) string {
		if i == 0 {
			return ""
		}
		return fmt.Sprintf("\n  depends_on = [%s.n%d]", kind, i-1)
	}
	for i := range tokenTestChain {
		fmt.Fprintf(&b, `
resource "almsync_aqua_sync_user" "n%[1]d" {%[2]s
  username   = "aqua%[1]d"
  first_name = "Aqua"
  surname    = "%[1]d"
  email      = "aqua%[1]d@example.com"
  licenses   = ["VIEWER"]
}

resource "almsync_jama_user" "n%[1]d" {%[3]s
  username     = "user%[1]d"
  email        = "user%[1]d@example.com"
  first_name   = "User"
  last_name    = "%[1]d"
  license_type = "NAMED"
  password     = "pw"
}

resource "almsync_jama_connector" "n%[1]d" {%[4]s
  name      = "Connector %[1]d"
  url       = "https://jama%[1]d.example.com"
  auth_type = "basic"
  username  = "svc"
  password  = "pw"
}

resource "almsync_jitterbit_jsm_connection" "n%[1]d" {%[5]s
  project_guid = %[6]q
  name         = "JSM %[1]d"
  auth_scheme  = "Basic"
  url          = "https://jsm%[1]d.example.com"
  user         = "svc"
  api_token    = "t"
}
`, i, after("almsync_aqua_sync_user", i), after("almsync_jama_user", i),
			after("almsync_jama_connector", i), after("almsync_jitterbit_jsm_connection", i), acctest.JitterbitJSMProject)
	}
	return b.String()
}

// tokenTally is what the sandbox answered one product in a stretch of the
// test.
type tokenTally struct {
	issued    int // tokens or sessions granted
	refreshed int // of which by aqua's refresh_token grant
	refused   int // other requests answered 401
	requests  int
}

// tallyTokens counts, product by product, the exchanges in exs.
func tallyTokens(exs []sandbox.Exchange) map[string]tokenTally {
	out := make(map[string]tokenTally, len(tokenProducts))
	for _, ex := range exs {
		for _, p := range tokenProducts {
			if ex.Product != p.name {
				continue
			}
			tally := out[p.name]
			tally.requests++
			switch {
			case ex.Method == http.MethodPost && strings.HasSuffix(ex.Path, p.route):
				// Harmony refuses a login with 200 too; a granted one
				// carries the token.
				if ex.Status == http.StatusOK && (bytes.Contains(ex.ResponseBody, []byte(`"access_token"`)) ||
					bytes.Contains(ex.ResponseBody, []byte(`"authenticationToken"`))) {
					tally.issued++
					if bytes.Contains(ex.RequestBody, []byte("grant_type=refresh_token")) {
						tally.refreshed++
					}
				}
			case ex.Status == http.StatusUnauthorized:
				tally.refused++
			}
			out[p.name] = tally
		}
	}
	return out
}

// configureCounter records, at each ConfigureProvider call, how many
// exchanges the sandbox had answered: each call builds new product
// clients, each of which logs in once on its own before any renewal.
type configureCounter struct {
	answered func() int // exchanges answered so far

	mu    sync.Mutex
	marks []int
}

func (c *configureCounter) snapshot() []int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]int(nil), c.marks...)
}

// countingServer is the provider server, recording ConfigureProvider.
type countingServer struct {
	tfprotov6.ProviderServer
	counter *configureCounter
}

func (s countingServer) ConfigureProvider(ctx context.Context, req *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	at := s.counter.answered()
	s.counter.mu.Lock()
	s.counter.marks = append(s.counter.marks, at)
	s.counter.mu.Unlock()
	return s.ProviderServer.ConfigureProvider(ctx, req)
}

func (c *configureCounter) factories() map[string]func() (tfprotov6.ProviderServer, error) {
	out := acctest.ProviderFactories()
	for name, inner := range out {
		out[name] = func() (tfprotov6.ProviderServer, error) {
			srv, err := inner()
			if err != nil {
				return nil, err
			}
			return countingServer{ProviderServer: srv, counter: c}, nil
		}
	}
	return out
}

// clientsUsed counts, product by product, the configurations (marks, as
// exchange indexes) from which a product's client sent requests within
// exs[from:to]: each such client logged in once before renewing.
func clientsUsed(exs []sandbox.Exchange, marks []int, from, to int) map[string]int {
	out := map[string]int{}
	for i, m := range marks {
		if m < from || m >= to {
			continue
		}
		end := to
		if i+1 < len(marks) && marks[i+1] < end {
			end = marks[i+1]
		}
		seen := map[string]bool{}
		for _, ex := range exs[m:end] {
			seen[ex.Product] = true
		}
		for p := range seen {
			out[p]++
		}
	}
	return out
}

// stretch is one part of the test: what the sandbox answered between mark
// and done.
type stretch struct {
	name     string
	refresh  bool // a plan: list-backed products read by pages
	from     int  // exchanges answered at mark
	start    time.Time
	tally    map[string]tokenTally
	clients  map[string]int // product clients that logged in afresh
	duration time.Duration
}

// TestAccTokenLifetime_ApplyAndPlanOutliveTokens applies and then plans a
// configuration of every product against a sandbox whose tokens and
// sessions last 2 s, with default provider settings: every command runs
// for many lifetimes, so the clients must renew aqua's access tokens (with
// the refresh token), Jama's and Interchange's OAuth tokens and Jitterbit's
// sessions as they go. Nothing may fail, the plan must be empty, and each
// product must have been issued more tokens than the provider built
// clients, most of them before the old one was refused; in the plan, the
// products whose refresh is list-backed are instead held to N/20 + 5
// requests, with none refused.
func TestAccTokenLifetime_ApplyAndPlanOutliveTokens(t *testing.T) {
	sb := acctest.StartSandboxWith(t, sandbox.Options{
		TokenLifetime: tokenTestLifetime,
		Faults:        sandbox.Faults{LatencyMS: tokenTestLatencyMS},
	})
	configures := configureCounter{answered: func() int { return len(sb.Exchanges()) }}
	mark := func(s *stretch) { s.from, s.start = len(sb.Exchanges()), time.Now() }
	done := func(s *stretch) error {
		s.duration = time.Since(s.start)
		exs := sb.Exchanges()
		s.tally = tallyTokens(exs[s.from:])
		s.clients = clientsUsed(exs, configures.snapshot(), s.from, len(exs))
		return checkRenewals(*s)
	}
	var apply, plan stretch
	apply.name, plan.name, plan.refresh = "apply", "plan", true
	config := testAccTokenLifetimeConfig(sb)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: configures.factories(),
		Steps: []resource.TestStep{
			// Create every resource; the checks run once the apply is done.
			{
				PreConfig: func() { mark(&apply) },
				Config:    config,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Expect(func() error { return done(&apply) }),
				},
			},
			// Refresh and plan: nothing changed.
			{
				PreConfig: func() { mark(&plan) },
				Config:    config,
				PlanOnly:  true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
					planDone(func() error { return done(&plan) }),
				}},
			},
		},
	})
	for _, s := range []stretch{apply, plan} {
		for _, p := range tokenProducts {
			tally := s.tally[p.name]
			t.Logf("%s (%s): %s: %d clients, %d tokens issued (%d by refresh_token), %d requests, %d answered 401",
				s.name, s.duration.Round(100*time.Millisecond), p.name, s.clients[p.name], tally.issued, tally.refreshed, tally.requests, tally.refused)
		}
	}
}

// checkRenewals checks that in s every product was issued at least two
// tokens more than the provider had clients of it (each client logs in
// once on its own; the rest are renewals), that most renewals came before
// the token was refused, and, for aqua, that renewals used the refresh
// token.
func checkRenewals(s stretch) error {
	var problems []string
	for _, p := range tokenProducts {
		tally := s.tally[p.name]
		if s.refresh && p.listBacked {
			if tally.requests > listRefreshBudget {
				problems = append(problems, fmt.Sprintf("%s: %d requests to refresh %d objects, want at most %d (list-backed refresh)",
					p.name, tally.requests, tokenTestChain, listRefreshBudget))
			}
			if tally.refused > 0 {
				problems = append(problems, fmt.Sprintf("%s: %d requests answered 401", p.name, tally.refused))
			}
			continue
		}
		if renewals := tally.issued - s.clients[p.name]; renewals < 2 {
			problems = append(problems, fmt.Sprintf("%s: %d tokens issued to %d clients: fewer than 2 renewals",
				p.name, tally.issued, s.clients[p.name]))
		}
		if 2*tally.refused > tally.issued {
			problems = append(problems, fmt.Sprintf("%s: %d requests answered 401 for %d tokens: tokens are not renewed before they expire",
				p.name, tally.refused, tally.issued))
		}
		if p.name == "aqua" && tally.refreshed < 2 {
			problems = append(problems, fmt.Sprintf("aqua: %d of %d tokens renewed with the refresh token, want at least 2", tally.refreshed, tally.issued))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: %s", s.name, strings.Join(problems, "; "))
	}
	return nil
}

// planDone is a plan check that runs fn.
type planDone func() error

func (f planDone) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = f()
}
