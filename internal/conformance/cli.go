package conformance

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/almsync/terraform-provider-almsync/contracts"
)

// Exit statuses of the command.
const (
	ExitOK      = 0
	ExitFailure = 1
	ExitUsage   = 2
)

// Environment variables the command reads.
const (
	EnvUsername = "ALMSYNC_CHECK_USERNAME"
	EnvPassword = "ALMSYNC_CHECK_PASSWORD"
)

const usageHead = `Usage: almsync-contract-check (--product NAME | --contract NAME) --url URL [flags]

Exercises every operation of one of the almsync provider's admin contracts
(contracts/<name>.yaml) against the server at --url (the provider's
contract_url), validates every exchange against the contract's OpenAPI
document, and prints per operation and check what conforms and what does
not. Everything it creates gets a unique name ("almsync-check-...") and is
deleted at the end. Exit status: 0 when the server conforms, 1 when a check
fails, 2 on a usage error.

Products and their contracts: jama (jama-jira-connector), interchange
(interchange-connectors), jitterbit (jitterbit-jsm-connections), aqua
(aqua-jira-sync).

Authentication, as each contract's document says:
  jama, interchange  HTTP Basic (--username/--password), or an OAuth token from
                     POST <auth-url>/rest/oauth/token (--client-id/--client-secret)
  aqua               a bearer token from POST <auth-url>/api/token (password grant)
  jitterbit          a session from POST <auth-url>/login (headers username and
                     password); calls send authToken and organizationId

Examples:
  almsync-contract-check --product jama --url https://bridge.example.com --username admin
  almsync-contract-check --product jitterbit --url https://bridge.example.com \
      --auth-url https://harmony-api.na-east.jitterbit.com/dev \
      --environment-id 201 --project-guid 9a87b6c5-a1b2-34c5-6d7e-123456a7b001

Flags:
`

// Main runs the command with args (without the program name) and returns
// its exit status. getenv reads the environment.
func Main(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	cfg, opts, err := parseArgs(args, getenv, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "almsync-contract-check: %v\nRun with -h for the flags.\n", err)
		return ExitUsage
	}
	client, err := httpClient(opts)
	if err != nil {
		fmt.Fprintf(stderr, "almsync-contract-check: %v\n", err)
		return ExitUsage
	}
	cfg.HTTPClient, cfg.Out = client, stdout
	fmt.Fprintf(stdout, "Checking %s at %s\n\n", cfg.Contract, cfg.URL)
	report, err := Run(ctx, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "almsync-contract-check: %v\n", err)
		var usage *UsageError
		if errors.As(err, &usage) {
			return ExitUsage
		}
		return ExitFailure
	}
	report.WriteSummary(stdout)
	if !report.OK() {
		return ExitFailure
	}
	return ExitOK
}

// transportOptions are the flags of the HTTP client.
type transportOptions struct {
	caCert   string
	insecure bool
	timeout  time.Duration
}

func parseArgs(args []string, getenv func(string) string, stderr io.Writer) (Config, transportOptions, error) {
	var cfg Config
	var opts transportOptions
	var product string
	fs := flag.NewFlagSet("almsync-contract-check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageHead)
		fs.PrintDefaults()
	}
	fs.StringVar(&product, "product", "", "the product whose contract is checked: "+strings.Join(Products(), ", "))
	fs.StringVar(&cfg.Contract, "contract", "", "the contract checked, by name: "+strings.Join(contracts.Names(), ", "))
	fs.StringVar(&cfg.URL, "url", "", "base URL of the server, as the provider's contract_url (required)")
	fs.StringVar(&cfg.AuthURL, "auth-url", "", "base URL where credentials are exchanged for a token or session (default --url)")
	fs.StringVar(&cfg.Username, "username", "", "username (env "+EnvUsername+")")
	fs.StringVar(&cfg.Password, "password", "", "password (env "+EnvPassword+")")
	fs.StringVar(&cfg.ClientID, "client-id", "", "OAuth client ID, jama and interchange (instead of --username/--password)")
	fs.StringVar(&cfg.ClientSecret, "client-secret", "", "OAuth client secret, jama and interchange")
	fs.StringVar(&cfg.OrganizationID, "organization-id", "", "jitterbit: the Harmony organizationId (default the login's defaultOrgId; the sandbox's is 100)")
	fs.StringVar(&cfg.EnvironmentID, "environment-id", "", "jitterbit: the Harmony environment of the run's connections (required; the sandbox seeds 201)")
	fs.StringVar(&cfg.ProjectGUID, "project-guid", "", "jitterbit: the Integration Studio project of the run's connections (required; the sandbox seeds 9a87b6c5-a1b2-34c5-6d7e-123456a7b001)")
	fs.StringVar(&cfg.JamaUser, "jama-user", "", "jama: the Jama user that runs the synchronization, jamaUser (default --username)")
	fs.Int64Var(&cfg.AquaProjectID, "aqua-project-id", 1, "aqua: the aqua project of the run's definitions")
	fs.StringVar(&cfg.JiraProjectKey, "jira-project-key", "SYNC", "aqua: the Jira project key of the run's definitions")
	fs.StringVar(&cfg.TargetURL, "target-url", DefaultTargetURL, "base of the Jira (interchange: Jama) URLs the run's objects point at; their test action connects there")
	fs.StringVar(&opts.caCert, "ca-cert", "", "PEM file of CA certificates to trust besides the system roots")
	fs.BoolVar(&opts.insecure, "insecure-skip-verify", false, "do not verify the server's TLS certificate")
	fs.DurationVar(&opts.timeout, "timeout", 30*time.Second, "timeout of each request")
	if err := fs.Parse(args); err != nil {
		return cfg, opts, err
	}
	if fs.NArg() > 0 {
		return cfg, opts, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	switch {
	case product == "" && cfg.Contract == "":
		return cfg, opts, errors.New("--product or --contract is required (products: " + strings.Join(Products(), ", ") + ")")
	case product != "":
		c, ok := ContractOf(product)
		if !ok {
			return cfg, opts, fmt.Errorf("unknown product %q (products: %s)", product, strings.Join(Products(), ", "))
		}
		if cfg.Contract != "" && cfg.Contract != c {
			return cfg, opts, fmt.Errorf("--product %s is the contract %s, not %s", product, c, cfg.Contract)
		}
		cfg.Contract = c
	}
	if cfg.ClientID == "" && cfg.ClientSecret == "" {
		if cfg.Username == "" {
			cfg.Username = getenv(EnvUsername)
		}
		if cfg.Password == "" {
			cfg.Password = getenv(EnvPassword)
		}
	}
	if opts.timeout <= 0 {
		return cfg, opts, errors.New("--timeout must be positive")
	}
	if err := cfg.Validate(); err != nil {
		return cfg, opts, err
	}
	return cfg, opts, nil
}

// checkBaseURL checks a base URL flag.
func checkBaseURL(flagName, raw string, required bool) error {
	if raw == "" {
		if required {
			return fmt.Errorf("%s is required", flagName)
		}
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%s %q is not an absolute http or https URL", flagName, raw)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("%s %q must have no query or fragment", flagName, raw)
	}
	return nil
}

func httpClient(opts transportOptions) (*http.Client, error) {
	tlsConfig := &tls.Config{MinVersion: tls.VersionTLS12}
	if opts.caCert != "" {
		pem, err := os.ReadFile(opts.caCert)
		if err != nil {
			return nil, fmt.Errorf("--ca-cert: %w", err)
		}
		pool, err := x509.SystemCertPool()
		if err != nil || pool == nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("--ca-cert %s holds no PEM certificate", opts.caCert)
		}
		tlsConfig.RootCAs = pool
	}
	if opts.insecure {
		tlsConfig.InsecureSkipVerify = true //nolint:gosec // the user asked for it with --insecure-skip-verify
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = tlsConfig
	return &http.Client{
		Timeout:   opts.timeout,
		Transport: transport,
		// A redirect is an answer of its own, checked as the server gave it.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}, nil
}
