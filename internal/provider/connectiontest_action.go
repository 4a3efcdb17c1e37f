package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/actionvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

var (
	_ action.ActionWithConfigure        = &connectionTestAction{}
	_ action.ActionWithConfigValidators = &connectionTestAction{}
)

// connectionTestActionType names the action in diagnostics.
const connectionTestActionType = "action almsync_connection_test"

func newConnectionTestAction() action.Action { return &connectionTestAction{} }

// connectionTestAction runs the test of the data source
// almsync_connection_test as a gate: a failed or inconclusive test fails
// the run, so an action_trigger after_create or after_update stops an
// apply whose connection does not work.
type connectionTestAction struct {
	data *providerData
}

func (a *connectionTestAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_connection_test"
}

func (a *connectionTestAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	idAttr := func(what string) schema.StringAttribute {
		return schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "Id of the " + what + " to test. Exactly one of " + backtickList(connectionTestIDs) + ".",
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Tests one stored connection when it is invoked, with the checks of the data source `almsync_connection_test` " +
			"(the product's own \"Test connection\", or with `secret` the vendors' documented public APIs), and fails the run unless the connection works. " +
			"Use it as a gate: `action_trigger { events = [after_create, after_update] actions = [action.almsync_connection_test.<name>] }` in the " +
			"`lifecycle` block of the connection's resource tests the connection each time Terraform creates or changes it, and " +
			"`terraform apply -invoke=action.almsync_connection_test.<name>` tests it on demand. While it runs it reports its progress, one message per check. " +
			"A `failed` test is an error listing every check with its status and detail; so is an `inconclusive` one (rate-limited, timed out or " +
			"unreachable): nothing is known to be wrong, but a gate does not pass on an unknown, so retry later. A `skipped` test (a Jitterbit " +
			"connection whose `url` or `user` is a project variable reference, which only an agent resolves) is a warning, not an error: " +
			"the provider cannot test such a connection at all, and the warning says how to check the variable's value instead. " +
			"An unknown connection id is an error. The action keeps nothing in the state; Terraform 1.14 or later.",
		Attributes: map[string]schema.Attribute{
			"jira_sync_connection_id":     idAttr("`almsync_jira_sync_connection` (Jama's classic JIRA Connector)"),
			"jama_connector_id":           idAttr("`almsync_jama_connector` (Interchange)"),
			"jitterbit_jsm_connection_id": idAttr("`almsync_jitterbit_jsm_connection`"),
			"aqua_jira_sync_id":           idAttr("`almsync_aqua_jira_sync`"),
			"secret": schema.StringAttribute{
				Optional:  true,
				WriteOnly: true,
				MarkdownDescription: "The secret the tested object uses to reach the other product, which the provider cannot read back: with `jama_connector_id` the connector's " +
					"`password` (`auth_type = \"basic\"`) or `client_secret` (`auth_type = \"oauth\"`), with `aqua_jira_sync_id` the configuration user's `password` or `api_token`. " +
					"Only with " + backtickList(secretSelectors) + "; an empty string is the same as unset. When set, the checks use the vendors' documented public APIs " +
					"instead of the contract's `test` action, as the data source's do. Write-only: it can come from an ephemeral value, and it is never written " +
					"into a message or a progress report.",
			},
		},
	}
}

// ConfigValidators requires exactly one selector, once for the whole
// configuration, and `secret` only with the selectors it applies to.
func (a *connectionTestAction) ConfigValidators(context.Context) []action.ConfigValidator {
	selectors := make([]path.Expression, 0, len(connectionTestIDs))
	for _, id := range connectionTestIDs {
		selectors = append(selectors, path.MatchRoot(id))
	}
	return []action.ConfigValidator{actionvalidator.ExactlyOneOf(selectors...), secretSelectorValidator{}}
}

// ValidateAction implements action.ConfigValidator for the secret rule.
func (secretSelectorValidator) ValidateAction(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	validateSecretSelector(ctx, req.Config, &resp.Diagnostics, "action")
}

func (a *connectionTestAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (a *connectionTestAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var sel connectionSelector
	resp.Diagnostics.Append(req.Config.Get(ctx, &sel)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if a.data == nil {
		resp.Diagnostics.AddError("Provider Not Configured",
			"The action almsync_connection_test ran before the provider was configured. Invoke it from a configuration with a `provider \"almsync\"` block.")
		return
	}
	secret := sel.Secret.ValueString()
	progress := progressSender(resp.SendProgress, secret)
	name, id := sel.selected()
	what := fmt.Sprintf("`%s = %q`", name, id)
	progress("Testing the connection " + what)

	var diags diag.Diagnostics
	result := connectionTester{data: a.data, typeName: connectionTestActionType}.test(ctx, sel, &diags)
	resp.Diagnostics.Append(redactDiagnostics(diags, secret)...)
	if resp.Diagnostics.HasError() {
		return
	}
	for _, c := range result.Checks {
		progress(fmt.Sprintf("%s %s: %s", c.Name, c.Status, c.Detail))
	}
	summary, detail := connectionTestVerdict(result, what, name)
	detail = redact(detail, secret)
	switch result.Status {
	case api.StatusPassed:
		progress(fmt.Sprintf("Connection test of %s passed: %s", what, redact(result.Message, secret)))
	case api.StatusSkipped:
		resp.Diagnostics.AddAttributeWarning(path.Root(name), summary, detail)
	default:
		resp.Diagnostics.AddAttributeError(path.Root(name), summary, detail)
	}
}

// selected is the selector set, and its value.
func (s connectionSelector) selected() (string, string) {
	for _, sel := range []struct {
		name string
		v    types.String
	}{
		{"jira_sync_connection_id", s.JiraSyncConnectionID}, {"jama_connector_id", s.JamaConnectorID},
		{"jitterbit_jsm_connection_id", s.JitterbitJSMConnectionID}, {"aqua_jira_sync_id", s.AquaJiraSyncID},
	} {
		if !sel.v.IsNull() {
			return sel.name, sel.v.ValueString()
		}
	}
	return "", ""
}

// progressSender returns a function that reports one progress message,
// secret replaced, or nothing when Terraform takes no progress.
func progressSender(send func(action.InvokeProgressEvent), secret string) func(string) {
	return func(msg string) {
		if send != nil {
			send(action.InvokeProgressEvent{Message: redact(msg, secret)})
		}
	}
}

// connectionTestVerdict is the summary and detail of a test's outcome as
// the action reports it; what names the tested connection, e.g.
// `jira_sync_connection_id = "12"`, and selector its attribute. Every
// check is listed with its name, status and detail.
func connectionTestVerdict(result testOutcome, what, selector string) (string, string) {
	var checks strings.Builder
	for _, c := range result.Checks {
		fmt.Fprintf(&checks, "\n- %s: %s: %s", c.Name, c.Status, c.Detail)
	}
	if checks.Len() == 0 {
		checks.WriteString("\n(no check was reported)")
	}
	again := fmt.Sprintf("To test again without changing the resource, run `terraform apply -invoke=action.almsync_connection_test.<name>`, "+
		"or read the data source `almsync_connection_test` with the same `%s`.", selector)
	switch result.Status {
	case api.StatusFailed:
		return "Connection Test Failed", fmt.Sprintf("The connection test of %s failed: %s\n\nChecks:%s\n\n"+
			"Fix what the failed check names (the connection's credentials, certificate, URL or the integration user's permissions), then apply again. %s",
			what, result.Message, checks.String(), again)
	case api.StatusInconclusive:
		return "Connection Test Inconclusive", fmt.Sprintf("The connection test of %s reached no verdict: %s\n\nChecks:%s\n\n"+
			"Nothing is known to be wrong with the connection, so do not change its secrets; but this action is a gate, and a gate does not pass on an unknown. "+
			"Retry later, or follow the advice of the inconclusive check. %s", what, result.Message, checks.String(), again)
	case api.StatusSkipped:
		return "Connection Test Skipped", fmt.Sprintf("The connection test of %s was skipped: %s\n\nChecks:%s\n\n"+
			"Nothing was tested, and the run goes on: the provider can never test this connection itself, so failing would block every apply. "+
			"Check the values of the project variables it references instead.", what, result.Message, checks.String())
	}
	return "", ""
}
