package provider

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

var (
	_ datasource.DataSourceWithConfigure        = &connectionTestDataSource{}
	_ datasource.DataSourceWithConfigValidators = &connectionTestDataSource{}
)

// connectionTestIDs are the selector attributes, exactly one of which is set.
var connectionTestIDs = []string{"jira_sync_connection_id", "jama_connector_id", "jitterbit_jsm_connection_id", "aqua_jira_sync_id"}

func newConnectionTestDataSource() datasource.DataSource { return &connectionTestDataSource{} }

// connectionTestDataSource runs a product's own "Test connection".
type connectionTestDataSource struct {
	data *providerData
}

type connectionTestModel struct {
	JiraSyncConnectionID     types.String `tfsdk:"jira_sync_connection_id"`
	JamaConnectorID          types.String `tfsdk:"jama_connector_id"`
	JitterbitJSMConnectionID types.String `tfsdk:"jitterbit_jsm_connection_id"`
	AquaJiraSyncID           types.String `tfsdk:"aqua_jira_sync_id"`
	Success                  types.Bool   `tfsdk:"success"`
	Message                  types.String `tfsdk:"message"`
	CheckedAt                types.String `tfsdk:"checked_at"`
	DurationMS               types.Int64  `tfsdk:"duration_ms"`
	Checks                   types.List   `tfsdk:"checks"`
}

// checkType is the object type of one element of `checks`.
func checkType() types.ObjectType {
	return types.ObjectType{AttrTypes: map[string]attr.Type{"name": types.StringType, "success": types.BoolType, "detail": types.StringType}}
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
		MarkdownDescription: "Runs the product's own \"Test connection\" for one stored connection, on every plan: the product connects to the connection's target " +
			"with its stored credentials and reports reachability, TLS (trusting the provider's `ca_cert_pem` too), authentication and, for Jira targets, " +
			"each permission the product's documentation requires of the integration user. A failed test is data (`success = false`, with `checks` saying why), not an error, so it can be asserted in a " +
			"`check` block; an unknown connection id is an error.",
		Attributes: map[string]schema.Attribute{
			"jira_sync_connection_id":     idAttr("`almsync_jira_sync_connection` (Jama's classic JIRA Connector)"),
			"jama_connector_id":           idAttr("`almsync_jama_connector` (Interchange)"),
			"jitterbit_jsm_connection_id": idAttr("`almsync_jitterbit_jsm_connection`"),
			"aqua_jira_sync_id":           idAttr("`almsync_aqua_jira_sync`"),
			"success":                     schema.BoolAttribute{Computed: true, MarkdownDescription: "True when every check succeeded."},
			"message":                     schema.StringAttribute{Computed: true, MarkdownDescription: "The outcome: `Connection succeeded`, or the first failed check and why."},
			"checked_at":                  schema.StringAttribute{Computed: true, MarkdownDescription: "When the product ran the test (RFC 3339)."},
			"duration_ms":                 schema.Int64Attribute{Computed: true, MarkdownDescription: "How long the test took, in milliseconds."},
			"checks": schema.ListNestedAttribute{
				Computed: true,
				MarkdownDescription: "The checks made, in order: `reachability`, `tls` (https only), `authentication`, `username` (Jira Cloud) and `permission <KEY>` " +
					"for each required Jira permission. The test stops at the first failed prerequisite.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":    schema.StringAttribute{Computed: true, MarkdownDescription: "What was checked."},
					"success": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it passed."},
					"detail":  schema.StringAttribute{Computed: true, MarkdownDescription: "What was found: the cause of a failure, or e.g. `granted`."},
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
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(selectors...)}
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
	result, at, err := d.run(ctx, m, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if errors.Is(err, api.ErrNotFound) {
		resp.Diagnostics.AddAttributeError(at, "Connection Not Found",
			fmt.Sprintf("There is no connection with this id to test: %v. Check the id, or create the connection first.", err))
		return
	}
	if err != nil {
		// Only Jitterbit's login can be refused by design (SSO, two-factor);
		// addJitterbitAPIError adds the fix for those and is addAPIError
		// for every other error.
		addJitterbitAPIError(&resp.Diagnostics, "Unable to Run Connection Test", err)
		return
	}
	m.Success = types.BoolValue(result.Success)
	m.Message = types.StringValue(result.Message)
	m.CheckedAt = types.StringValue(result.CheckedAt.UTC().Format(time.RFC3339))
	m.DurationMS = types.Int64Value(result.DurationMS)
	checks := make([]attr.Value, 0, len(result.Checks))
	for _, c := range result.Checks {
		obj, diags := types.ObjectValue(checkType().AttrTypes, map[string]attr.Value{
			"name": types.StringValue(c.Name), "success": types.BoolValue(c.Success), "detail": types.StringValue(c.Detail),
		})
		resp.Diagnostics.Append(diags...)
		checks = append(checks, obj)
	}
	list, diags := types.ListValue(checkType(), checks)
	resp.Diagnostics.Append(diags...)
	m.Checks = list
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// run sends the test to the product that holds the connection; at is the
// attribute that named it.
func (d *connectionTestDataSource) run(ctx context.Context, m connectionTestModel, diags *diag.Diagnostics) (api.ConnectionTest, path.Path, error) {
	ca := d.data.settings.caCertPEM
	numeric := func(p path.Path, v types.String) int64 {
		n, err := strconv.ParseInt(v.ValueString(), 10, 64)
		if err != nil || n <= 0 {
			diags.AddAttributeError(p, "Invalid Connection ID", fmt.Sprintf("%q is not a connection id: ids of this kind are positive numbers.", v.ValueString()))
		}
		return n
	}
	need := func(ok bool, spec endpointSpec, cfg endpointConfig, what string) bool {
		if !ok {
			diags.AddError(notConfigured(spec, cfg, "data source almsync_connection_test for "+what))
		}
		return ok
	}
	eps := endpoints()
	switch {
	case !m.JiraSyncConnectionID.IsNull():
		at := path.Root("jira_sync_connection_id")
		id := numeric(at, m.JiraSyncConnectionID)
		if diags.HasError() || !need(d.data.jamaClient != nil, eps.jama, d.data.jama, "a JIRA Connector connection") {
			return api.ConnectionTest{}, at, nil
		}
		r, err := d.data.jamaClient.TestJiraConnection(ctx, id, ca)
		return r, at, err
	case !m.JamaConnectorID.IsNull():
		at := path.Root("jama_connector_id")
		id := numeric(at, m.JamaConnectorID)
		if diags.HasError() || !need(d.data.interchangeClient != nil, eps.interchange, d.data.interchange, "a Jama connector") {
			return api.ConnectionTest{}, at, nil
		}
		r, err := d.data.interchangeClient.TestConnector(ctx, id, ca)
		return r, at, err
	case !m.JitterbitJSMConnectionID.IsNull():
		at := path.Root("jitterbit_jsm_connection_id")
		if !need(d.data.jitterbitClient != nil, eps.jitterbit, d.data.jitterbit, "a Jitterbit JSM connection") {
			return api.ConnectionTest{}, at, nil
		}
		r, err := d.data.jitterbitClient.TestJSMConnection(ctx, m.JitterbitJSMConnectionID.ValueString(), ca)
		return r, at, err
	default:
		at := path.Root("aqua_jira_sync_id")
		id := numeric(at, m.AquaJiraSyncID)
		if diags.HasError() || !need(d.data.aquaClient != nil, eps.aqua, d.data.aqua, "an aqua Jira sync") {
			return api.ConnectionTest{}, at, nil
		}
		r, err := d.data.aquaClient.TestSyncDefinition(ctx, id, ca)
		return r, at, err
	}
}
