package conformance

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/almsync/terraform-provider-almsync/contracts"
)

// The contracts, by name.
const (
	ContractJama        = "jama-jira-connector"
	ContractInterchange = "interchange-connectors"
	ContractJitterbit   = "jitterbit-jsm-connections"
	ContractAqua        = "aqua-jira-sync"
)

// products maps the products to their contracts.
var products = map[string]string{
	"jama":        ContractJama,
	"interchange": ContractInterchange,
	"jitterbit":   ContractJitterbit,
	"aqua":        ContractAqua,
}

// Products returns the product names, sorted.
func Products() []string {
	out := make([]string, 0, len(products))
	for p := range products {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// ContractOf returns the contract of product.
func ContractOf(product string) (string, bool) {
	c, ok := products[product]
	return c, ok
}

// productOf returns the product of contract.
func productOf(contract string) string {
	for p, c := range products {
		if c == contract {
			return p
		}
	}
	return ""
}

// Config is what a run needs.
type Config struct {
	// Contract is the contract's name, one of contracts.Names().
	Contract string
	// URL is the base URL of the server (the provider's contract_url).
	URL string
	// AuthURL is where credentials are exchanged for a token or session;
	// empty means URL.
	AuthURL string

	// Username and Password: HTTP Basic (Jama, Interchange), aqua's
	// password grant, or Harmony's login.
	Username string
	Password string
	// ClientID and ClientSecret: an OAuth client-credentials token (Jama,
	// Interchange).
	ClientID     string
	ClientSecret string

	// OrganizationID is Harmony's organizationId header; empty means the
	// login's defaultOrgId.
	OrganizationID string
	// EnvironmentID and ProjectGUID address the Jitterbit project the
	// run's connections belong to.
	EnvironmentID string
	ProjectGUID   string
	// JamaUser is the Jama user that runs a JIRA Connector
	// synchronization (jamaUser); empty means Username.
	JamaUser string
	// AquaProjectID and JiraProjectKey are the aqua project and Jira
	// project key of the run's Jira Sync definitions.
	AquaProjectID  int64
	JiraProjectKey string
	// TargetURL is the base of the Jira (or, for Interchange, Jama) URLs
	// the run's objects point at; their test action connects there.
	// Empty means DefaultTargetURL.
	TargetURL string

	// HTTPClient sends the requests; nil means a client without a
	// timeout.
	HTTPClient *http.Client
	// Out receives the checks as they are made, one line each; nil
	// discards them.
	Out io.Writer
	// RunID makes the run's names unique; empty means one from the clock
	// and a random number.
	RunID string
}

// DefaultTargetURL is the base of the URLs the run's objects point at: a
// loopback port where nothing answers, so that the test action fails
// quickly and touches no real system.
const DefaultTargetURL = "http://127.0.0.1:9"

// authMode is how a run authenticates.
type authMode int

const (
	authBasic authMode = iota
	authClientCredentials
	authAquaToken
	authHarmonySession
)

// Validate reports what is wrong with c, one problem per line, as a usage
// error names it.
func (c Config) Validate() error {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if !slices.Contains(contracts.Names(), c.Contract) {
		add("unknown contract %q (contracts: %s)", c.Contract, strings.Join(contracts.Names(), ", "))
	}
	if err := checkBaseURL("--url", c.URL, true); err != nil {
		add("%v", err)
	}
	if err := checkBaseURL("--auth-url", c.AuthURL, false); err != nil {
		add("%v", err)
	}
	if c.TargetURL != "" {
		if err := checkBaseURL("--target-url", c.TargetURL, true); err != nil {
			add("%v", err)
		}
	}
	basic := c.Username != "" || c.Password != ""
	oauth := c.ClientID != "" || c.ClientSecret != ""
	switch c.Contract {
	case ContractJama, ContractInterchange:
		switch {
		case basic && oauth:
			add("give either --username/--password (Basic) or --client-id/--client-secret (OAuth), not both")
		case oauth && (c.ClientID == "" || c.ClientSecret == ""):
			add("--client-id and --client-secret go together")
		case !oauth && (c.Username == "" || c.Password == ""):
			add("credentials are required: --username and --password (or ALMSYNC_CHECK_USERNAME and ALMSYNC_CHECK_PASSWORD), or --client-id and --client-secret")
		}
		if c.Contract == ContractJama && c.JamaUser == "" && c.Username == "" {
			add("--jama-user is required with OAuth credentials: the Jama user that runs the synchronization")
		}
	case ContractAqua, ContractJitterbit:
		if oauth {
			add("%s authenticates with --username and --password only; --client-id and --client-secret do not apply", productOf(c.Contract))
		}
		if c.Username == "" || c.Password == "" {
			add("credentials are required: --username and --password (or ALMSYNC_CHECK_USERNAME and ALMSYNC_CHECK_PASSWORD)")
		}
	}
	if c.Contract == ContractJitterbit {
		if c.EnvironmentID == "" {
			add("--environment-id is required for jitterbit: the Harmony environment whose project holds the run's connections (e.g. 201)")
		}
		if c.ProjectGUID == "" {
			add("--project-guid is required for jitterbit: the Integration Studio project deployed in that environment (e.g. 9a87b6c5-a1b2-34c5-6d7e-123456a7b001)")
		}
	}
	if c.Contract == ContractAqua {
		if c.AquaProjectID < 1 {
			add("--aqua-project-id must be an aqua project id, 1 or more")
		}
		if c.JiraProjectKey == "" {
			add("--jira-project-key is required for aqua")
		}
	}
	if len(problems) > 0 {
		return &UsageError{Problems: problems}
	}
	return nil
}

// UsageError is a configuration a run cannot start with.
type UsageError struct{ Problems []string }

func (e *UsageError) Error() string { return strings.Join(e.Problems, "\n") }

func (c Config) authMode() authMode {
	switch {
	case c.Contract == ContractAqua:
		return authAquaToken
	case c.Contract == ContractJitterbit:
		return authHarmonySession
	case c.ClientID != "":
		return authClientCredentials
	default:
		return authBasic
	}
}
