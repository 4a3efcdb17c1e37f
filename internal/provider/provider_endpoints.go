package provider

import (
	"fmt"
	"math"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// endpointField is one attribute of a product block and its environment
// variable fallback.
type endpointField struct {
	attr        string
	env         string
	sensitive   bool
	description string
}

// endpointSpec describes one product block of the provider configuration
// (jama, interchange, jitterbit, aqua).
type endpointSpec struct {
	block     string // block name, e.g. "jama"
	product   string // product name in messages, e.g. "Jama"
	urlHelp   string
	hasOAuth  bool
	hasOrgID  bool
	envPrefix string
	// defaultURL is the url used when neither the block nor its variable
	// sets one; "" means url is required.
	defaultURL string
	// hasEnvironmentID adds environment_id, the default environment of
	// the product's resources (Jitterbit Harmony).
	hasEnvironmentID bool
	// contract, when set, is the provider's own admin contract for a
	// screen of the product that has no public API; it adds contract_url.
	contract *contract.Spec
	// pace is the default of requests_per_second and where it comes from.
	pace pacing
}

// pacing is a product's default request rate: the vendor's documented
// limit, or 0 (unlimited) where none is documented.
type pacing struct {
	rate float64
	// why explains the default in the attribute's description.
	why string
	// backoff, when set, is the vendor's back-off schedule for answers
	// without Retry-After.
	backoff []time.Duration
}

// requestsPerSecondAttr is the name of the pacing attribute of every block.
const requestsPerSecondAttr = "requests_per_second"

func (s endpointSpec) fields() []endpointField {
	urlDesc := s.urlHelp + " `http://` gets a plan-time warning, since the credentials then travel in clear text (except to a loopback host such as the local sandbox)."
	if s.defaultURL != "" {
		urlDesc += fmt.Sprintf(" Default value is `%s`.", s.defaultURL)
	}
	fs := []endpointField{
		{attr: "url", env: s.envPrefix + "_URL", description: urlDesc},
		{attr: "username", env: s.envPrefix + "_USERNAME", description: fmt.Sprintf("Username for HTTP Basic authentication to %s.", s.product)},
		{attr: "password", env: s.envPrefix + "_PASSWORD", sensitive: true, description: fmt.Sprintf("Password for HTTP Basic authentication to %s.", s.product)},
	}
	if s.hasOAuth {
		fs = append(fs,
			endpointField{attr: "client_id", env: s.envPrefix + "_CLIENT_ID", description: fmt.Sprintf("OAuth client ID (client credentials grant) for %s. Use OAuth where %s uses SAML/SSO: Basic authentication does not work there.", s.product, s.product)},
			endpointField{attr: "client_secret", env: s.envPrefix + "_CLIENT_SECRET", sensitive: true, description: fmt.Sprintf("OAuth client secret for %s.", s.product)},
		)
	}
	if s.hasOrgID {
		fs = append(fs, endpointField{attr: "organization_id", env: s.envPrefix + "_ORGANIZATION_ID", description: "Harmony organization ID. Defaults to the organization Harmony reports for the user at login."})
	}
	if s.hasEnvironmentID {
		fs = append(fs, endpointField{attr: "environment_id", env: s.envPrefix + "_ENVIRONMENT_ID", description: environmentIDHelp})
	}
	if s.contract != nil {
		fs = append(fs, endpointField{attr: "contract_url", env: s.envPrefix + "_CONTRACT_URL", description: fmt.Sprintf(
			"Base URL where the provider's own admin contract `%s` (version %s) for %s is served. %s publishes no API for that screen, "+
				"so a bridge implementing the published contract serves it, on this host or another; its routes lie below `%s`. "+
				"Default value is the block's `url`. See the guide \"How the provider reaches each product\".",
			s.contract.Name, s.contract.Version, s.contract.Screen, s.product, s.contract.Prefix())})
	}
	return fs
}

func (s endpointSpec) envList() string {
	var names []string
	for _, f := range s.fields() {
		names = append(names, "`"+f.env+"`")
	}
	return strings.Join(names, ", ")
}

// schemaBlock is the provider schema of the block.
func (s endpointSpec) schemaBlock() schema.SingleNestedBlock {
	attrs := map[string]schema.Attribute{}
	for _, f := range s.fields() {
		attrs[f.attr] = schema.StringAttribute{
			Optional:            true,
			Sensitive:           f.sensitive,
			MarkdownDescription: fmt.Sprintf("%s Falls back to the `%s` environment variable.", f.description, f.env),
		}
	}
	attrs[requestsPerSecondAttr] = schema.Float64Attribute{
		Optional: true,
		MarkdownDescription: fmt.Sprintf("Client-side pacing: at most this many requests per second to %s, shared by every resource and data source "+
			"of this provider configuration and spaced evenly, so that a run at the limit meets almost no rate-limit (429) answers. "+
			"On a 429 the provider waits for the server's `Retry-After`, halves its rate and recovers it step by step once the answers stop; "+
			"such waits do not count against `max_retries`. `0` means unlimited until %s answers 429, after which the provider keeps to what %s accepted. "+
			"%s Lower it when other integrations share the same limit. Falls back to the `%s` environment variable.",
			s.product, s.product, s.product, s.pace.why, s.rateEnv()),
		Validators: []validator.Float64{rateValidator{max: maxRequestsPerSecond}},
	}
	auth := "`username` and `password`"
	if s.hasOAuth {
		auth = "either `username` and `password` (Basic) or `client_id` and `client_secret` (OAuth), not both"
	}
	needs := "`url` and " + auth
	if s.defaultURL != "" {
		needs = auth + " (`url` has a default)"
	}
	return schema.SingleNestedBlock{
		Attributes: attrs,
		MarkdownDescription: fmt.Sprintf("Connection to %s. Needs %s. Every attribute falls back to its environment variable (%s). "+
			"Resources of %s fail with a clear error when neither this block nor the variables are set.", s.product, needs, s.envList(), s.product),
	}
}

// maxRequestsPerSecond is the largest accepted requests_per_second.
const maxRequestsPerSecond = 10000

// rateEnv is the environment variable of requests_per_second.
func (s endpointSpec) rateEnv() string { return s.envPrefix + "_REQUESTS_PER_SECOND" }

// endpointConfig is a product block resolved against its environment
// variables.
type endpointConfig struct {
	configured bool // the block or one of its variables is set
	unknown    bool // a value depends on something not yet known
	values     map[string]string
	// rate is requests_per_second (0 = unlimited); rateErr explains an
	// invalid environment value.
	rate    float64
	rateErr string
}

func (c endpointConfig) get(attr string) string { return c.values[attr] }

// resolve merges the block's values with the environment. Config wins: an
// attribute set in the block hides its variable, and credentials of one
// auth mode in the block hide the other mode's variables, so that
// `username`/`password` in configuration are not in conflict with
// `*_CLIENT_ID`/`*_CLIENT_SECRET` in the environment (or the reverse).
func (s endpointSpec) resolve(block types.Object) endpointConfig {
	cfg := endpointConfig{values: map[string]string{}}
	var attrs map[string]attr.Value
	if !block.IsNull() && !block.IsUnknown() {
		cfg.configured = true
		attrs = block.Attributes()
	}
	if block.IsUnknown() {
		cfg.unknown = true
	}
	inBlock := func(name string) bool {
		v, ok := attrs[name].(basetypes.StringValue)
		return ok && !v.IsNull()
	}
	modeInBlock := map[string]bool{
		"basic": inBlock("username") || inBlock("password"),
		"oauth": inBlock("client_id") || inBlock("client_secret"),
	}
	for _, f := range s.fields() {
		if v, ok := attrs[f.attr].(basetypes.StringValue); ok && !v.IsNull() {
			if v.IsUnknown() {
				cfg.unknown = true
				continue
			}
			cfg.values[f.attr] = v.ValueString()
			continue
		}
		if mode := authMode(f.attr); mode != "" && !modeInBlock[mode] && (modeInBlock["basic"] || modeInBlock["oauth"]) {
			continue
		}
		if env := os.Getenv(f.env); env != "" {
			cfg.values[f.attr] = env
			cfg.configured = true
		}
	}
	cfg.rate = s.pace.rate
	if v, ok := attrs[requestsPerSecondAttr].(basetypes.Float64Value); ok && !v.IsNull() {
		if v.IsUnknown() {
			cfg.unknown = true
		} else {
			cfg.rate = v.ValueFloat64()
		}
	} else if env := os.Getenv(s.rateEnv()); env != "" {
		n, err := strconv.ParseFloat(strings.TrimSpace(env), 64)
		if err != nil || math.IsNaN(n) || n < 0 || n > maxRequestsPerSecond {
			cfg.rateErr = fmt.Sprintf("The environment variable `%s` is %q; it must be a number between 0 (unlimited) and %d.", s.rateEnv(), env, maxRequestsPerSecond)
		} else {
			cfg.rate = n
		}
	}
	if s.block == "jama" && cfg.values["url"] != "" {
		cfg.values["url"] = jamaBaseURL(cfg.values["url"])
	}
	if cfg.configured && cfg.values["url"] == "" && s.defaultURL != "" {
		cfg.values["url"] = s.defaultURL
	}
	return cfg
}

// authMode is the auth mode a credential attribute belongs to, or "".
func authMode(attr string) string {
	switch attr {
	case "username", "password":
		return "basic"
	case "client_id", "client_secret":
		return "oauth"
	}
	return ""
}

// configErrors finds what the config alone gets wrong: both auth modes at
// once, a malformed URL. It runs at validate time, so it never asks for a
// value that could come from the environment later.
func (s endpointSpec) configErrors(block types.Object) diag.Diagnostics {
	var diags diag.Diagnostics
	if block.IsNull() || block.IsUnknown() {
		return diags
	}
	attrs := block.Attributes()
	set := func(name string) bool {
		v, ok := attrs[name].(basetypes.StringValue)
		return ok && !v.IsNull()
	}
	if s.hasOAuth && (set("username") || set("password")) && (set("client_id") || set("client_secret")) {
		diags.AddAttributeError(path.Root(s.block),
			fmt.Sprintf("Conflicting %s Credentials", s.product),
			fmt.Sprintf("The `%s` block sets both Basic (`username`, `password`) and OAuth (`client_id`, `client_secret`) credentials. "+
				"Keep exactly one pair: OAuth where %s uses SAML/SSO, Basic otherwise.", s.block, s.product))
	}
	if v, ok := attrs["url"].(basetypes.StringValue); ok && !v.IsNull() && !v.IsUnknown() {
		if msg := checkBaseURL(v.ValueString()); msg != "" {
			diags.AddAttributeError(path.Root(s.block).AtName("url"), fmt.Sprintf("Invalid %s URL", s.product),
				fmt.Sprintf("`%s.url`: %s %s", s.block, msg, s.urlHelp))
		}
	}
	if v, ok := attrs["contract_url"].(basetypes.StringValue); ok && s.contract != nil && !v.IsNull() && !v.IsUnknown() && v.ValueString() != "" {
		if msg := checkBaseURL(v.ValueString()); msg != "" {
			diags.AddAttributeError(path.Root(s.block).AtName("contract_url"), fmt.Sprintf("Invalid %s Contract URL", s.product),
				fmt.Sprintf("`%s.contract_url`: %s It is the base URL of a bridge serving the `%s` contract, e.g. `https://bridge.example.com`.", s.block, msg, s.contract.Name))
		}
	}
	if v, ok := attrs["environment_id"].(basetypes.StringValue); ok && s.hasEnvironmentID && !v.IsNull() && !v.IsUnknown() {
		if msg := checkEnvironmentID(v.ValueString()); msg != "" {
			diags.AddAttributeError(path.Root(s.block).AtName("environment_id"), "Invalid Harmony Environment ID", fmt.Sprintf("`%s.environment_id`: %s", s.block, msg))
		}
	}
	return diags
}

// validate checks a resolved block: a URL, and exactly one complete pair of
// credentials. Errors name the missing attribute and its variable.
func (s endpointSpec) validate(cfg endpointConfig) diag.Diagnostics {
	var diags diag.Diagnostics
	if !cfg.configured || cfg.unknown {
		return diags
	}
	env := map[string]string{}
	for _, f := range s.fields() {
		env[f.attr] = f.env
	}
	missing := func(attr, why string) {
		diags.AddAttributeError(path.Root(s.block).AtName(attr),
			fmt.Sprintf("Missing %s %s", s.product, attr),
			fmt.Sprintf("%s Set `%s.%s` in the provider configuration or the `%s` environment variable.", why, s.block, attr, env[attr]))
	}
	if cfg.rateErr != "" {
		diags.AddAttributeError(path.Root(s.block).AtName(requestsPerSecondAttr), fmt.Sprintf("Invalid %s Request Rate", s.product), cfg.rateErr)
	}
	if cfg.get("url") == "" {
		missing("url", fmt.Sprintf("The `%s` block needs the %s URL.", s.block, s.product))
	} else if msg := checkBaseURL(cfg.get("url")); msg != "" {
		diags.AddAttributeError(path.Root(s.block).AtName("url"), fmt.Sprintf("Invalid %s URL", s.product),
			fmt.Sprintf("`%s.url` (or `%s`): %s %s", s.block, s.envPrefix+"_URL", msg, s.urlHelp))
	}
	if s.contract != nil && cfg.get("contract_url") != "" {
		if msg := checkBaseURL(cfg.get("contract_url")); msg != "" {
			diags.AddAttributeError(path.Root(s.block).AtName("contract_url"), fmt.Sprintf("Invalid %s Contract URL", s.product),
				fmt.Sprintf("`%s.contract_url` (or `%s`): %s It is the base URL of a bridge serving the `%s` contract, e.g. `https://bridge.example.com`.",
					s.block, env["contract_url"], msg, s.contract.Name))
		}
	}
	if s.hasEnvironmentID {
		if msg := checkEnvironmentID(cfg.get("environment_id")); cfg.get("environment_id") != "" && msg != "" {
			diags.AddAttributeError(path.Root(s.block).AtName("environment_id"), "Invalid Harmony Environment ID",
				fmt.Sprintf("`%s.environment_id` (or `%s`): %s", s.block, env["environment_id"], msg))
		}
	}
	basic := cfg.get("username") != "" || cfg.get("password") != ""
	oauth := s.hasOAuth && (cfg.get("client_id") != "" || cfg.get("client_secret") != "")
	switch {
	case basic && oauth:
		diags.AddAttributeError(path.Root(s.block), fmt.Sprintf("Conflicting %s Credentials", s.product),
			fmt.Sprintf("Both Basic (`username`/`password`, `%s`/`%s`) and OAuth (`client_id`/`client_secret`, `%s`/`%s`) credentials are set for %s. Keep exactly one pair.",
				env["username"], env["password"], env["client_id"], env["client_secret"], s.product))
	case oauth:
		if cfg.get("client_id") == "" {
			missing("client_id", "`client_secret` is set but `client_id` is not.")
		}
		if cfg.get("client_secret") == "" {
			missing("client_secret", "`client_id` is set but `client_secret` is not.")
		}
	case basic:
		if cfg.get("username") == "" {
			missing("username", "`password` is set but `username` is not.")
		}
		if cfg.get("password") == "" {
			missing("password", "`username` is set but `password` is not.")
		}
	default:
		how := "`username` and `password`"
		if s.hasOAuth {
			how = "`username` and `password` (Basic) or `client_id` and `client_secret` (OAuth)"
		}
		diags.AddAttributeError(path.Root(s.block), fmt.Sprintf("Missing %s Credentials", s.product),
			fmt.Sprintf("The `%s` block has no credentials. Set %s, or their environment variables (%s).", s.block, how, s.envList()))
	}
	return diags
}

// checkBaseURL returns why raw is not an absolute http(s) URL, or "". The
// reason never quotes raw: a URL may carry userinfo or a value from a
// sensitive variable.
func checkBaseURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "the value is not a URL: it holds a character a URL cannot, such as a space, a control character or a `%` not followed by two hexadecimal digits."
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "the value must be an absolute `http://` or `https://` URL with a host, such as `https://acme.example.com`."
	}
	if u.User != nil {
		return "the value must not carry credentials (`user:password@`) in the URL; remove them and use the credential attributes."
	}
	return ""
}

// jamaRESTSuffix is the path of Jama Connect's REST API below its URL.
const jamaRESTSuffix = "/rest/v1"

// jamaBaseURL is a Jama Connect URL without a trailing slash or REST API
// path: users often paste the REST API's URL, `https://acme.jamacloud.com/rest/v1`.
func jamaBaseURL(raw string) string {
	s := strings.TrimRight(raw, "/")
	if base, ok := strings.CutSuffix(s, jamaRESTSuffix); ok {
		return strings.TrimRight(base, "/")
	}
	return s
}

// clearTextWarnings warns about each configured product URL that uses
// http://, since the block's credentials then travel unencrypted. It runs in
// Configure, once per plan, rather than in ValidateConfig, which Terraform
// calls twice per plan.
func (e productEndpoints) clearTextWarnings(configs map[string]endpointConfig) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, s := range []endpointSpec{e.jama, e.interchange, e.jitterbit, e.aqua} {
		cfg := configs[s.block]
		if !cfg.configured || cfg.unknown {
			continue
		}
		warnCleartextURL(&diags, path.Root(s.block).AtName("url"), cfg.get("url"),
			fmt.Sprintf("the %s credentials (`%s` block or its environment variables)", s.product, s.block))
		if u := cfg.get("contract_url"); u != "" {
			warnCleartextURL(&diags, path.Root(s.block).AtName("contract_url"), u,
				fmt.Sprintf("the %s credentials (`%s` block or its environment variables), sent to the contract's bridge,", s.product, s.block))
		}
	}
	return diags
}

// productEndpoints are the product blocks of the provider configuration.
type productEndpoints struct{ jama, interchange, jitterbit, aqua endpointSpec }

// endpoints returns the product blocks, in the order the docs show them.
// jamaPacing is Jama's documented limit: 10 requests per second per Jama
// Connect environment, answered 429 without Retry-After, with back-off of
// about 3, 5, 8 and 13 seconds.
var jamaPacing = pacing{
	rate:    10,
	why:     "Default value is `10`, Jama's documented limit of 10 requests per second per environment, shared by every integration of the environment; without `Retry-After` the provider backs off as Jama asks (about 3, 5, 8 and 13 seconds).",
	backoff: transport.JamaBackoff,
}

// interchangePacing: Interchange is an integration of a Jama Connect
// environment and is held to the environment's limit.
var interchangePacing = pacing{
	rate:    10,
	why:     "Default value is `10`: Interchange belongs to a Jama Connect environment, and Jama documents 10 requests per second per environment; without `Retry-After` the provider backs off as Jama asks (about 3, 5, 8 and 13 seconds).",
	backoff: transport.JamaBackoff,
}

func endpoints() productEndpoints {
	return productEndpoints{
		jama: endpointSpec{block: "jama", product: "Jama", envPrefix: "JAMA", hasOAuth: true, contract: &contract.JamaJiraConnector, pace: jamaPacing,
			urlHelp: "URL of the Jama Connect instance, e.g. `https://acme.jamacloud.com`. Used for the Jama REST API (`/rest/v1`) and its admin API (classic JIRA Connector). The REST API's own URL, ending in `/rest/v1`, is accepted too: that path is removed."},
		interchange: endpointSpec{block: "interchange", product: "Interchange", envPrefix: "INTERCHANGE", hasOAuth: true, contract: &contract.InterchangeConnectors, pace: interchangePacing,
			urlHelp: "URL of the Jama Connect Interchange instance, e.g. `https://acme.interchange.jamacloud.com`."},
		jitterbit: endpointSpec{block: "jitterbit", product: "Jitterbit", envPrefix: "JITTERBIT", hasOrgID: true, hasEnvironmentID: true, contract: &contract.JitterbitJSMConnections,
			defaultURL: harmonyDefaultURL, urlHelp: harmonyURLHelp, pace: pacing{why: "Default value is `0`: Harmony documents no rate limit and sends no rate-limit headers."}},
		aqua: endpointSpec{block: "aqua", product: "aqua", envPrefix: "AQUA", contract: &contract.AquaJiraSync, pace: pacing{why: "Default value is `0`: aqua's REST API documents no rate limit."},
			urlHelp: "URL of the aqua instance, e.g. `https://app.aqua-cloud.io/aquaWebNG`."},
	}
}
