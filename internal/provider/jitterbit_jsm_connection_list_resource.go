package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

var _ list.ListResourceWithConfigure = &jsmConnectionListResource{}

func newJSMConnectionListResource() list.ListResource { return &jsmConnectionListResource{} }

// jsmConnectionListResource lists the Jira Service Management connections
// of an Integration Studio project in a Harmony environment.
type jsmConnectionListResource struct {
	client *jitterbit.Client
	// defaultEnvironment is the provider block's environment_id.
	defaultEnvironment string
}

// jitterbitListModel is the config of a Jitterbit list resource: the
// project (the product lists one project of one environment at a time)
// and a name filter.
type jitterbitListModel struct {
	EnvironmentID types.String `tfsdk:"environment_id"`
	ProjectGUID   types.String `tfsdk:"project_guid"`
	NamePrefix    types.String `tfsdk:"name_prefix"`
}

// jitterbitListAttributes are the config attributes of a Jitterbit list
// resource; what names the objects listed.
func jitterbitListAttributes(what string) map[string]listschema.Attribute {
	return map[string]listschema.Attribute{
		"environment_id": listschema.StringAttribute{
			Optional: true,
			MarkdownDescription: "ID of the Harmony environment whose " + what + " are listed, digits only (e.g. `201`). " +
				"Defaults to the provider's `jitterbit.environment_id` (or `JITTERBIT_ENVIRONMENT_ID`); a query with neither fails.",
			Validators: environmentIDValidators(),
		},
		"project_guid": listschema.StringAttribute{
			Required: true,
			MarkdownDescription: "GUID of the Integration Studio project whose " + what + " are listed, as the Harmony API shows it " +
				"(e.g. `9a87b6c5-a1b2-34c5-6d7e-123456a7b001`): Harmony lists one project of one environment at a time.",
			Validators: projectGUIDValidators(),
		},
		"name_prefix": prefixFilter("name"),
	}
}

func (r *jsmConnectionListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jitterbit_jsm_connection"
}

func (r *jsmConnectionListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listSchema("Lists the Jira Service Management connections of an Integration Studio project in a Harmony environment, one page at a time, "+
		"for `terraform query` (Terraform 1.14 and later). With `include_resource = true`, each result is the connection as an import reads it: "+
		"its secrets (password, API token, OAuth and SSO secrets), which Harmony never returns, are null.",
		jitterbitListAttributes("connections"))
}

func (r *jsmConnectionListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client, r.defaultEnvironment = jitterbitClientFor(req.ProviderData, &resp.Diagnostics, "almsync_jitterbit_jsm_connection")
}

func (r *jsmConnectionListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg jitterbitListModel
	diags := req.Config.Get(ctx, &cfg)
	env := listEnvironment(cfg.EnvironmentID, r.defaultEnvironment, &diags)
	if diags.HasError() {
		listError(stream, diags)
		return
	}
	if r.client == nil {
		listUnconfigured(stream, "almsync_jitterbit_jsm_connection")
		return
	}
	guid := cfg.ProjectGUID.ValueString()
	streamList(ctx, req, stream, "Unable to List Jitterbit JSM Connections", addJitterbitAPIError,
		func(ctx context.Context, yield func(jitterbit.JSMConnection) bool) error {
			return r.client.EachJSMConnection(ctx, env, guid, func(c jitterbit.JSMConnection) bool {
				return !hasPrefix(c.Name, cfg.NamePrefix) || yield(c)
			})
		},
		func(c jitterbit.JSMConnection) listed {
			return listed{
				displayName: c.Name,
				identity:    jitterbitIdentity(types.StringValue(c.ID), types.StringValue(c.EnvironmentID), types.StringValue(c.ProjectGUID)),
				resource: func(ctx context.Context) (any, diag.Diagnostics) {
					var m jsmConnectionModel
					diags := modelFromJSMConnection(ctx, &m, c)
					return m, diags
				},
			}
		})
}
