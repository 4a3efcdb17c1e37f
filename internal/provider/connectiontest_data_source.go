package provider

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

var (
	_ datasource.DataSourceWithConfigure        = &connectionTestDataSource{}
	_ datasource.DataSourceWithConfigValidators = &connectionTestDataSource{}
)

// connectionTestIDs are the selector attributes, exactly one of which is set.
var connectionTestIDs = []string{"jira_sync_connection_id", "jama_connector_id", "jitterbit_jsm_connection_id", "aqua_jira_sync_id"}

// secretSelectors are the selectors `secret` applies to: their objects
// reach the other product with a secret the provider cannot read back, and
// a documented public API can check it.
var secretSelectors = []string{"jama_connector_id", "aqua_jira_sync_id"}

// Values of checked_from.
const (
	// checkedFromProduct: the product's own servers ran the checks (the
	// contract's test action, or aqua's documented Verify).
	checkedFromProduct = "product"
	// checkedFromTerraform: the provider ran them from the machine running
	// Terraform, through a documented public API.
	checkedFromTerraform = "terraform"
)

func newConnectionTestDataSource() datasource.DataSource { return &connectionTestDataSource{} }

// connectionTestDataSource runs a product's own "Test connection".
type connectionTestDataSource struct {
	data *providerData
}

// connectionSelector is what a connection test is asked: exactly one
// connection id, and the secret of a check through a public API. The data
// source and the action almsync_connection_test share it.
type connectionSelector struct {
	JiraSyncConnectionID     types.String `tfsdk:"jira_sync_connection_id"`
	JamaConnectorID          types.String `tfsdk:"jama_connector_id"`
	JitterbitJSMConnectionID types.String `tfsdk:"jitterbit_jsm_connection_id"`
	AquaJiraSyncID           types.String `tfsdk:"aqua_jira_sync_id"`
	Secret                   types.String `tfsdk:"secret"`
}

type connectionTestModel struct {
	connectionSelector
	CheckedFrom types.String `tfsdk:"checked_from"`
	Status      types.String `tfsdk:"status"`
	Success     types.Bool   `tfsdk:"success"`
	Message     types.String `tfsdk:"message"`
	CheckedAt   types.String `tfsdk:"checked_at"`
	DurationMS  types.Int64  `tfsdk:"duration_ms"`
	Checks      types.List   `tfsdk:"checks"`
}

// checkType is the object type of one element of `checks`.
func checkType() types.ObjectType {
	return types.ObjectType{AttrTypes: map[string]attr.Type{"name": types.StringType, "status": types.StringType, "success": types.BoolType, "detail": types.StringType}}
}

func (d *connectionTestDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_connection_test"
}

func (d *connectionTestDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	idAttr := func(what string) schema.StringAttribute {
		return schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "Id of the " + what + " to test. Exactly one of " + backtickList(connectionTestIDs) + ".",
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Tests one stored connection, on every plan. By default it runs the product's own \"Test connection\" (the contract's `test` action): " +
			"the product connects to the connection's target with its stored credentials and reports reachability, TLS (trusting the provider's `ca_cert_pem` too), " +
			"authentication and, for Jira targets, each permission the product's documentation requires of the integration user. " +
			"With `secret`, a Jama connector or an aqua Jira sync is checked through the vendors' documented public APIs instead: a Jama connector's Jama instance " +
			"from the machine running Terraform through Jama's REST API (reachability, TLS, the OAuth token, `GET /rest/v1/users/current`, the user being active and " +
			"holding a Named Creator license, the only one with REST access), an aqua sync's Jira by aqua's own servers through aqua's `POST /api/Integration/Verify`. " +
			"`checked_from`, every check's `detail` and the `message` say where the checks ran. " +
			"The outcome is `status`: `passed`, `failed` (something is wrong with the connection), `inconclusive` (rate-limited, timed out or unreachable: " +
			"nothing is known to be wrong, retry later) or `skipped` (a Jitterbit variable reference the provider cannot resolve). " +
			"A failed or inconclusive test is data (`success = false`, with `status` and `checks` saying why), not an error, so it can be asserted in a " +
			"`check` block or a `postcondition`; an unknown connection id is an error.",
		Attributes: map[string]schema.Attribute{
			"jira_sync_connection_id":     idAttr("`almsync_jira_sync_connection` (Jama's classic JIRA Connector)"),
			"jama_connector_id":           idAttr("`almsync_jama_connector` (Interchange)"),
			"jitterbit_jsm_connection_id": idAttr("`almsync_jitterbit_jsm_connection`"),
			"aqua_jira_sync_id":           idAttr("`almsync_aqua_jira_sync`"),
			"secret": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				MarkdownDescription: "The secret the tested object uses to reach the other product, which the provider cannot read back: with `jama_connector_id` the connector's " +
					"`password` (`auth_type = \"basic\"`) or `client_secret` (`auth_type = \"oauth\"`), with `aqua_jira_sync_id` the configuration user's `password` or `api_token`. " +
					"Only with " + backtickList(secretSelectors) + "; an empty string is the same as unset. When set, the checks use the vendors' documented public APIs " +
					"(see above) instead of the contract's `test` action. It is never written into a message, but like every data source argument it is kept in the state, " +
					"marked sensitive; it cannot come from an ephemeral value.",
			},
			"checked_from": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "Where the checks ran: `product` when the product's own servers ran them (the contract's `test` action, or aqua's documented Verify), " +
					"`terraform` when the provider ran them from the machine running Terraform through a documented public API (a Jama connector with `secret`), " +
					"and also when the provider decided without a test: a `skipped` Jitterbit connection, or a test request to the product that got no answer (`inconclusive`).",
			},
			"status": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "The verdict, one of four values. " +
					"`passed`: every check passed. " +
					"`failed`: the target (or the product) answered and a check failed: refused credentials (HTTP 401 or 403), a certificate that does not verify, " +
					"a missing permission, a Jira Cloud username that is not an email address; fix what the failed check's `detail` names. " +
					"`inconclusive`: no verdict could be reached, so nothing is known to be wrong: the target rate-limited the test (HTTP 429), answered 5xx, " +
					"timed out, refused the connection or has an unknown host, as seen by whoever ran the check; or the provider's own request to run the test " +
					"was rate-limited after its retries, answered 5xx, timed out or could not connect. Retry later, raise the provider's `request_timeout` " +
					"for a slow product, or check the network path the check's `detail` names; never rotate a secret for it. " +
					"`skipped`: a value the test needs is a Jitterbit variable reference (`[name]`) in the connection's `url`, `user` or token, which only an agent " +
					"resolves, per environment, when it runs an operation; no test is sent for `url` and `user`, and the message names each attribute and its variable.",
			},
			"success": schema.BoolAttribute{Computed: true, MarkdownDescription: "True only when `status` is `passed`."},
			"message": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "The outcome: `Connection succeeded`, or the check that decided `status` and why, as `<check> failed: ...`, " +
					"`<check> inconclusive: ...` (with what to do) or `<check> skipped: ...`, followed by where the checks ran.",
			},
			"checked_at":  schema.StringAttribute{Computed: true, MarkdownDescription: "When the test ran (RFC 3339)."},
			"duration_ms": schema.Int64Attribute{Computed: true, MarkdownDescription: "How long the test took, in milliseconds."},
			"checks": schema.ListNestedAttribute{
				Computed: true,
				MarkdownDescription: "The checks made, in order: `reachability`, `tls` (https only), `authentication`, `username` (Jira Cloud) and `permission <KEY>` " +
					"for each required Jira permission. With `secret`, a Jama connector's checks are `reachability`, `tls` (https only), `oauth token` (`auth_type = \"oauth\"`), " +
					"`authentication`, `active` and `license`, and an aqua sync's is one `jira connection` check (aqua's Verify answers only whether the connection was made). " +
					"A test request to the product that got no answer is one `test request` check, and a skipped Jitterbit connection one `variable references` check. " +
					"The test stops at the first failed prerequisite. Every `detail` ends with where the check ran, e.g. `(checked from the machine running Terraform)` " +
					"or `(checked by aqua's servers)`.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name": schema.StringAttribute{Computed: true, MarkdownDescription: "What was checked."},
					"status": schema.StringAttribute{Computed: true, MarkdownDescription: "The check's verdict: `passed`, `failed`, `inconclusive` or `skipped`, " +
						"with the meanings of the data source's `status`."},
					"success": schema.BoolAttribute{Computed: true, MarkdownDescription: "True only when the check's `status` is `passed`."},
					"detail": schema.StringAttribute{Computed: true, MarkdownDescription: "What was found: the cause of a failure, or e.g. `granted`; " +
						"an inconclusive check's detail says that it is inconclusive and what to do."},
				}},
			},
		},
	}
}

// ConfigValidators requires exactly one selector, checked once for the
// whole configuration so that one mistake gives one error (an attribute
// validator on each selector would report it four times).
func (d *connectionTestDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	selectors := make([]path.Expression, 0, len(connectionTestIDs))
	for _, id := range connectionTestIDs {
		selectors = append(selectors, path.MatchRoot(id))
	}
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(selectors...), secretSelectorValidator{}}
}

// secretSelectorValidator refuses a `secret` with a selector it does not
// apply to. A secret not known yet is checked again when the data source
// is read.
type secretSelectorValidator struct{}

func (v secretSelectorValidator) Description(ctx context.Context) string {
	return v.MarkdownDescription(ctx)
}

func (secretSelectorValidator) MarkdownDescription(context.Context) string {
	return "`secret` applies only to " + backtickList(secretSelectors) + "."
}

func (secretSelectorValidator) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	validateSecretSelector(ctx, req.Config, &resp.Diagnostics, "data source")
}

// validateSecretSelector refuses in config a `secret` with a selector it
// does not apply to; kind says what config configures, e.g. "action".
func validateSecretSelector(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics, kind string) {
	var secret types.String
	diags.Append(config.GetAttribute(ctx, path.Root("secret"), &secret)...)
	if diags.HasError() || secret.IsUnknown() || secret.ValueString() == "" {
		return
	}
	for _, id := range connectionTestIDs {
		if slices.Contains(secretSelectors, id) {
			continue
		}
		var sel types.String
		diags.Append(config.GetAttribute(ctx, path.Root(id), &sel)...)
		if !sel.IsNull() {
			diags.AddAttributeError(path.Root("secret"), secretMisplacedSummary, secretMisplacedDetail(id, kind))
		}
	}
}

const secretMisplacedSummary = "Invalid Attribute Combination"

// secretMisplacedDetail is the error of a `secret` set with selector id.
func secretMisplacedDetail(id, kind string) string {
	return fmt.Sprintf("`secret` applies only to `jama_connector_id` (the connector's password or client secret) and `aqua_jira_sync_id` "+
		"(the configuration user's password or API token), not to `%s`: that connection is tested by its product with the credentials it stored. "+
		"Remove `secret` from this %s.", id, kind)
}

func (d *connectionTestDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *connectionTestDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m connectionTestModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || d.data == nil {
		return
	}
	secret := m.Secret.ValueString()
	var diags diag.Diagnostics
	result := connectionTester{data: d.data, typeName: "data source almsync_connection_test"}.test(ctx, m.connectionSelector, &diags)
	// Whatever went wrong, the secret is not repeated.
	resp.Diagnostics.Append(redactDiagnostics(diags, secret)...)
	if resp.Diagnostics.HasError() {
		return
	}
	m.Status = types.StringValue(result.Status)
	m.Success = types.BoolValue(result.Success)
	m.Message = types.StringValue(redact(result.Message, secret))
	m.CheckedFrom = types.StringValue(result.from)
	m.CheckedAt = types.StringValue(result.CheckedAt.UTC().Format(time.RFC3339))
	m.DurationMS = types.Int64Value(result.DurationMS)
	checks := make([]attr.Value, 0, len(result.Checks))
	for _, c := range result.Checks {
		obj, diags := types.ObjectValue(checkType().AttrTypes, map[string]attr.Value{
			"name": types.StringValue(c.Name), "status": types.StringValue(c.Status), "success": types.BoolValue(c.Success),
			"detail": types.StringValue(redact(c.Detail, secret)),
		})
		resp.Diagnostics.Append(diags...)
		checks = append(checks, obj)
	}
	list, diags := types.ListValue(checkType(), checks)
	resp.Diagnostics.Append(diags...)
	m.Checks = list
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// testOutcome is a test with where it ran.
type testOutcome struct {
	api.ConnectionTest
	from string // checkedFromProduct or checkedFromTerraform
}

// testPlace is who runs a test: the product the provider asks, and where
// the checks run.
type testPlace struct {
	product string // the product the provider sends its requests to, e.g. "Interchange"
	from    string // checkedFromProduct or checkedFromTerraform
	checker string // who runs the checks, e.g. "Interchange's servers"
}

// byProduct is the place of a test the product's own servers run.
func byProduct(product string) testPlace {
	return testPlace{product: product, from: checkedFromProduct, checker: product + "'s servers"}
}

// byTerraform is the place of a test the provider runs itself; product
// is the one it reads the tested object from.
func byTerraform(product string) testPlace {
	return testPlace{product: product, from: checkedFromTerraform, checker: terraformChecker}
}

// terraformChecker is who runs a test from this machine.
const terraformChecker = "the machine running Terraform"

// where is how a detail or message says where the checks ran.
func (p testPlace) where() string {
	if p.from == checkedFromTerraform {
		return fromTerraform
	}
	return "(checked by " + p.checker + ")"
}

// testRequestCheck is the name of the one check of a test whose request to
// the product got no answer.
const testRequestCheck = "test request"

// connectionTester runs connection tests for the data source and the action
// almsync_connection_test; typeName names which in diagnostics, e.g.
// "action almsync_connection_test".
type connectionTester struct {
	data     *providerData
	typeName string
}

// kind is what typeName configures, "data source" or "action".
func (d connectionTester) kind() string {
	kind, _, _ := strings.Cut(d.typeName, " almsync_")
	return kind
}

// test runs the test, which says where it ran in every detail and the
// message; a failure to run it at all is a diagnostic.
func (d connectionTester) test(ctx context.Context, m connectionSelector, diags *diag.Diagnostics) testOutcome {
	if !m.Secret.IsNull() && m.Secret.ValueString() != "" {
		for _, id := range []struct {
			name string
			v    types.String
		}{{"jira_sync_connection_id", m.JiraSyncConnectionID}, {"jitterbit_jsm_connection_id", m.JitterbitJSMConnectionID}} {
			if !id.v.IsNull() {
				diags.AddAttributeError(path.Root("secret"), secretMisplacedSummary, secretMisplacedDetail(id.name, d.kind()))
				return testOutcome{}
			}
		}
	}
	out, at, place, err := d.run(ctx, m, diags)
	if diags.HasError() {
		return out
	}
	if why := api.NoVerdictInError(err); why != api.Verdict && !errors.Is(err, api.ErrNotFound) {
		return noAnswer(place, why, err)
	}
	if errors.Is(err, api.ErrNotFound) {
		diags.AddAttributeError(at, "Connection Not Found",
			fmt.Sprintf("There is no connection with this id to test: %v. Check the id, or create the connection first.", err))
		return out
	}
	if err != nil {
		// Only Jitterbit's login can be refused by design (SSO, two-factor);
		// addJitterbitAPIError adds the fix for those and is addAPIError
		// for every other error.
		addJitterbitAPIError(diags, "Unable to Run Connection Test", err)
		return out
	}
	return out
}

// placed returns test classified (api.ConnectionTest.Classify) and as
// run at place: every detail and the message end with where it ran, e.g.
// "(checked from the machine running Terraform)".
func placed(test api.ConnectionTest, place testPlace) testOutcome {
	test = test.Classify(place.checker)
	out := testOutcome{ConnectionTest: test, from: place.from}
	out.Checks = make([]api.ConnectionCheck, 0, len(test.Checks))
	for _, c := range test.Checks {
		c.Detail = strings.TrimSpace(c.Detail + " " + place.where())
		out.Checks = append(out.Checks, c)
	}
	out.Message = strings.TrimSpace(test.Message + " " + place.where())
	return out
}

// noAnswer is the inconclusive outcome of a test whose request to
// place's product got no verdict (why), failing with err: one check, test
// request, sent from this machine.
func noAnswer(place testPlace, why api.NoVerdict, err error) testOutcome {
	check := api.ConnectionCheck{Name: testRequestCheck, Status: api.StatusInconclusive, Detail: err.Error() + "; " + why.RequestAdvice(place.product)}
	test := api.ConnectionTest{Message: "the test did not run", CheckedAt: time.Now().UTC().Truncate(time.Second), Checks: []api.ConnectionCheck{check}}
	return placed(test, byTerraform(place.product))
}

// fromTerraform is where a test by the provider ran.
const fromTerraform = "(checked from the machine running Terraform)"

// redact replaces secret in s.
func redact(s, secret string) string {
	if secret == "" {
		return s
	}
	return strings.ReplaceAll(s, secret, "(secret)")
}

// redactDiagnostics returns diags with secret replaced in every summary
// and detail, attribute paths kept.
func redactDiagnostics(diags diag.Diagnostics, secret string) diag.Diagnostics {
	if secret == "" {
		return diags
	}
	out := make(diag.Diagnostics, 0, len(diags))
	for _, dg := range diags {
		summary, detail := redact(dg.Summary(), secret), redact(dg.Detail(), secret)
		var p path.Path
		if wp, ok := dg.(diag.DiagnosticWithPath); ok {
			p = wp.Path()
		}
		switch {
		case dg.Severity() == diag.SeverityError && !p.Equal(path.Empty()):
			out.AddAttributeError(p, summary, detail)
		case dg.Severity() == diag.SeverityError:
			out.AddError(summary, detail)
		case !p.Equal(path.Empty()):
			out.AddAttributeWarning(p, summary, detail)
		default:
			out.AddWarning(summary, detail)
		}
	}
	return out
}

// run sends the test to the product that holds the connection, or, with
// `secret`, runs the checks of a documented public API; at is the
// attribute that named the connection, place who ran the test.
func (d connectionTester) run(ctx context.Context, m connectionSelector, diags *diag.Diagnostics) (testOutcome, path.Path, testPlace, error) {
	ca := d.data.settings.caCertPEM
	secret := m.Secret.ValueString()
	numeric := func(p path.Path, v types.String) int64 {
		n, err := strconv.ParseInt(v.ValueString(), 10, 64)
		if err != nil || n <= 0 {
			diags.AddAttributeError(p, "Invalid Connection ID", fmt.Sprintf("%q is not a connection id: ids of this kind are positive numbers.", v.ValueString()))
		}
		return n
	}
	need := func(ok bool, spec endpointSpec, cfg endpointConfig, what string) bool {
		if !ok {
			diags.AddError(notConfigured(spec, cfg, d.typeName+" for "+what))
		}
		return ok
	}
	eps := endpoints()
	switch {
	case !m.JiraSyncConnectionID.IsNull():
		at, place := path.Root("jira_sync_connection_id"), byProduct("Jama")
		id := numeric(at, m.JiraSyncConnectionID)
		if diags.HasError() || !need(d.data.jamaClient != nil, eps.jama, d.data.jama, "a JIRA Connector connection") {
			return testOutcome{}, at, place, nil
		}
		r, err := d.data.jamaClient.TestJiraConnection(ctx, id, ca)
		return placed(r, place), at, place, err
	case !m.JamaConnectorID.IsNull():
		at, place := path.Root("jama_connector_id"), byProduct("Interchange")
		id := numeric(at, m.JamaConnectorID)
		if diags.HasError() || !need(d.data.interchangeClient != nil, eps.interchange, d.data.interchange, "a Jama connector") {
			return testOutcome{}, at, place, nil
		}
		if secret != "" {
			place = byTerraform("Interchange")
			r, err := d.checkConnectorREST(ctx, id, secret)
			return placed(r, place), at, place, err
		}
		r, err := d.data.interchangeClient.TestConnector(ctx, id, ca)
		out := placed(r, place)
		out.Message += " Setting `secret` to the connector's password or client secret also checks the Jama instance through Jama's public REST API " +
			"from the machine running Terraform: the user being active and holding a license with REST access."
		return out, at, place, err
	case !m.JitterbitJSMConnectionID.IsNull():
		at, place := path.Root("jitterbit_jsm_connection_id"), byProduct("Jitterbit")
		if !need(d.data.jitterbitClient != nil, eps.jitterbit, d.data.jitterbit, "a Jitterbit JSM connection") {
			return testOutcome{}, at, place, nil
		}
		id := m.JitterbitJSMConnectionID.ValueString()
		conn, err := d.data.jitterbitClient.GetJSMConnection(ctx, id)
		if err != nil {
			return testOutcome{}, at, place, err
		}
		if refs := jitterbit.TestedReferences(conn); len(refs) > 0 {
			return placed(skippedForReferences(refs), byTerraform("Jitterbit")), at, place, nil
		}
		r, err := d.data.jitterbitClient.TestJSMConnection(ctx, id, ca)
		return placed(r, place), at, place, err
	default:
		at, place := path.Root("aqua_jira_sync_id"), byProduct("aqua")
		id := numeric(at, m.AquaJiraSyncID)
		if diags.HasError() || !need(d.data.aquaClient != nil, eps.aqua, d.data.aqua, "an aqua Jira sync") {
			return testOutcome{}, at, place, nil
		}
		if secret != "" {
			r, err := d.verifyAquaSync(ctx, id, secret)
			return placed(r, place), at, place, err
		}
		r, err := d.data.aquaClient.TestSyncDefinition(ctx, id, ca)
		return placed(r, place), at, place, err
	}
}

// variableReferencesCheck is the name of the one check of a Jitterbit
// connection skipped for its variable references.
const variableReferencesCheck = "variable references"

// jsmTestedAttributes are the attributes of almsync_jitterbit_jsm_connection
// behind the fields jitterbit.TestedReferences reports.
var jsmTestedAttributes = map[string]string{"url": "url", "user": "user"}

// skippedForReferences is the test of a Jitterbit connection whose refs
// no one but an agent can resolve: skipped, no test sent.
func skippedForReferences(refs []jitterbit.FieldReference) api.ConnectionTest {
	held := make([]string, 0, len(refs))
	for _, r := range refs {
		held = append(held, fmt.Sprintf("`%s` holds the Jitterbit variable reference %s", cmp.Or(jsmTestedAttributes[r.Field], r.Field), r.Reference))
	}
	detail := strings.Join(held, ", ") + ": Harmony resolves a project variable only when an agent runs an operation, with the value of that " +
		"environment, so the provider cannot resolve it and sent no test. The project variable's value is what is tested, per environment: " +
		"set it for each environment with `almsync_jitterbit_project_variable`, and check that value there (for a Jira site and account, " +
		"`almsync_jira_preflight`)"
	return api.ConnectionTest{
		Message:   variableReferencesCheck + " skipped",
		CheckedAt: time.Now().UTC().Truncate(time.Second),
		Checks:    []api.ConnectionCheck{{Name: variableReferencesCheck, Status: api.StatusSkipped, Detail: detail}},
	}
}

// checkConnectorREST checks connector id's Jama instance with its account
// and secret through Jama's public REST API, from this machine, with the
// provider's transport settings and the connector's verify_ssl.
func (d connectionTester) checkConnectorREST(ctx context.Context, id int64, secret string) (api.ConnectionTest, error) {
	conn, err := d.data.interchangeClient.GetConnector(ctx, id)
	if err != nil {
		return api.ConnectionTest{}, err
	}
	target := jama.RESTTarget{URL: conn.URL, VerifySSL: conn.VerifySSL, Creds: jama.Credentials{Username: conn.Username, Password: secret}}
	if conn.AuthType == interchange.AuthOAuth {
		target.Creds = jama.Credentials{ClientID: conn.ClientID, ClientSecret: secret}
	}
	return jama.CheckREST(ctx, target, transport.Config{
		Version:        d.data.version,
		CACertPEM:      d.data.settings.caCertPEM,
		MaxRetries:     d.data.settings.maxRetries,
		RequestTimeout: d.data.settings.requestTimeout,
	})
}

// aquaVerifyCheck is the name of the one check of an aqua sync verified
// with `secret`.
const aquaVerifyCheck = "jira connection"

// verifyAquaSync asks aqua's servers, through aqua's documented Verify, to
// log in to sync id's Jira as its configuration user with secret.
func (d connectionTester) verifyAquaSync(ctx context.Context, id int64, secret string) (api.ConnectionTest, error) {
	def, err := d.data.aquaClient.GetSyncDefinition(ctx, id)
	if err != nil {
		return api.ConnectionTest{}, err
	}
	started := time.Now()
	user := cmp.Or(def.ConfigurationUser.Email, def.ConfigurationUser.Username)
	ok, err := d.data.aquaClient.VerifyJira(ctx, def.JiraURL, user, secret)
	if err != nil {
		return api.ConnectionTest{}, err
	}
	check := api.ConnectionCheck{Name: aquaVerifyCheck, Success: ok}
	if ok {
		check.Detail = fmt.Sprintf("aqua connected to %s and logged in as %q (POST /api/Integration/Verify answered IsSuccess true); "+
			"Verify does not check Jira permissions: without `secret`, the sync's own test does", def.JiraURL, user)
	} else {
		check.Detail = fmt.Sprintf("aqua could not connect to %s as %q (POST /api/Integration/Verify answered IsSuccess false, and aqua does not say why): "+
			"check that the Jira URL is reachable from aqua's servers and that `secret` is the configuration user's password or API token "+
			"(on Jira Cloud the user is the account's email address, with an API token)", def.JiraURL, user)
	}
	res := api.ConnectionTest{Success: ok, Message: jama.RESTCheckSucceeded, CheckedAt: started.UTC().Truncate(time.Second),
		DurationMS: time.Since(started).Milliseconds(), Checks: []api.ConnectionCheck{check}}
	if !ok {
		res.Message = aquaVerifyCheck + " failed: " + check.Detail
	}
	return res, nil
}
