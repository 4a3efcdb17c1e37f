package provider

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

// Harmony API base URLs are https://harmony-api.{region}.jitterbit.com/{stage}.
const (
	harmonyDefaultURL = "https://harmony-api.na-east.jitterbit.com/dev"
	harmonyHostPrefix = "harmony-api."
	harmonyHostSuffix = ".jitterbit.com"
)

// harmonyRegions and harmonyStages are the regions and API stages of
// Jitterbit's Harmony API reference.
var (
	harmonyRegions = []string{"na-east", "emea-west", "apac-southeast"}
	harmonyStages  = []string{"dev", "qa", "api"}
)

// harmonyURLHelp describes the jitterbit block's url.
const harmonyURLHelp = "Base URL of the Jitterbit Harmony API: `https://harmony-api.<region>.jitterbit.com/<stage>`, " +
	"where the region is `na-east`, `emea-west` or `apac-southeast` (the region of your Harmony organization) and the last path segment " +
	"is the API stage `dev`, `qa` or `api` that Jitterbit's Harmony API reference lists. The stage is not a Harmony environment: " +
	"choose environments with `environment_id`. Any other URL, such as `/prod` or another host, gets a plan-time warning " +
	"(a loopback host such as the local sandbox does not)."

// environmentIDHelp describes the jitterbit block's environment_id.
const environmentIDHelp = "Harmony environment ID (a number, as the Management Console's Environments page and the Harmony API show it) used by " +
	"Jitterbit resources and data sources that set no `environment_id` of their own. Optional; a resource without either fails at plan."

// checkEnvironmentID returns why id is not a Harmony environment ID, or "".
func checkEnvironmentID(id string) string {
	if id == "" || strings.Trim(id, "0123456789") != "" {
		return "a Harmony environment ID is a number made of digits only, such as `201`, as the Management Console's Environments page shows it."
	}
	return ""
}

// harmonyURLWarning warns about a Jitterbit url that is not a Harmony API
// base URL: another host (a bridge, a proxy) or another last path segment
// than an API stage (`/prod`, taken for an environment). A loopback host,
// such as the local sandbox, gets no warning.
func harmonyURLWarning(cfg endpointConfig) diag.Diagnostics {
	var diags diag.Diagnostics
	if !cfg.configured || cfg.unknown {
		return diags
	}
	u, err := url.Parse(cfg.get("url"))
	if err != nil || u.Host == "" || isLoopbackHost(u.Hostname()) {
		return diags
	}
	at := path.Root("jitterbit").AtName("url")
	host := strings.ToLower(u.Hostname())
	region, isHarmony := strings.CutPrefix(host, harmonyHostPrefix)
	region, hasSuffix := strings.CutSuffix(region, harmonyHostSuffix)
	if !isHarmony || !hasSuffix || !slices.Contains(harmonyRegions, region) {
		diags.AddAttributeWarning(at, "Not a Harmony API URL",
			fmt.Sprintf("`jitterbit.url` (or `JITTERBIT_URL`) does not name a Harmony API host `harmony-api.<region>.jitterbit.com` with a region of %s. "+
				"Jitterbit's default is `%s`. If this host is a bridge or proxy that serves the Harmony API, ignore this warning; otherwise use your region's Harmony API URL.",
				backtickList(harmonyRegions), harmonyDefaultURL))
		return diags
	}
	if stage := strings.Trim(u.Path, "/"); !slices.Contains(harmonyStages, stage) {
		diags.AddAttributeWarning(at, "Not a Harmony API Stage",
			fmt.Sprintf("The path of `jitterbit.url` (or `JITTERBIT_URL`) must be one API stage of %s, as in Jitterbit's default `%s`. "+
				"The last segment is an API stage, not a Harmony environment: choose the environment with `environment_id` instead.",
				backtickList(harmonyStages), harmonyDefaultURL))
	}
	return diags
}

// addJitterbitAPIError adds the diagnostic for a failed Harmony call. A
// login Harmony refuses because the account uses SSO or two-factor
// authentication says which account to use instead; anything else reads as
// addAPIError's.
func addJitterbitAPIError(diags *diag.Diagnostics, summary string, err error) {
	if hint := jitterbitLoginHint(err); hint != "" {
		diags.AddAttributeError(path.Root("jitterbit").AtName("username"), summary, err.Error()+"\n\n"+hint)
		return
	}
	addAPIError(diags, summary, err)
}

// jitterbitLoginHint is the fix for a login the Harmony API refuses by
// design, or "".
func jitterbitLoginHint(err error) string {
	switch {
	case errors.Is(err, jitterbit.ErrSSOLogin):
		return "The Harmony API cannot log in through SSO. Set the provider's `jitterbit.username` and `jitterbit.password` (or `JITTERBIT_USERNAME`, `JITTERBIT_PASSWORD`) " +
			"to a Harmony account without SSO: a non-SSO user of the organization, with the roles the resources need."
	case errors.Is(err, jitterbit.ErrTwoFactorLogin):
		return "The Harmony API refuses accounts that need two-factor authentication. Set the provider's `jitterbit.username` and `jitterbit.password` " +
			"(or `JITTERBIT_USERNAME`, `JITTERBIT_PASSWORD`) to a Harmony account without SSO or two-factor authentication."
	}
	return ""
}

// jitterbitClientFor is clientFor for Jitterbit, with the provider block's
// default environment ("" when unset).
func jitterbitClientFor(raw any, diags *diag.Diagnostics, typeName string) (*jitterbit.Client, string) {
	client := clientFor(raw, diags, typeName, jitterbitProduct)
	if client == nil {
		return nil, ""
	}
	return client, providerDataFrom(raw, diags).jitterbit.get("environment_id")
}
