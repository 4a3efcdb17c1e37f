package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

var _ list.ListResourceWithConfigure = &projectVariableListResource{}

func newProjectVariableListResource() list.ListResource { return &projectVariableListResource{} }

// projectVariableListResource lists the project variables of an
// Integration Studio project in a Harmony environment.
type projectVariableListResource struct {
	client *jitterbit.Client
	// defaultEnvironment is the provider block's environment_id.
	defaultEnvironment string
}

func (r *projectVariableListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jitterbit_project_variable"
}

func (r *projectVariableListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listSchema("Lists the project variables of an Integration Studio project in a Harmony environment (`GET /project-variables`, which answers them all at once) "+
		"for `terraform query` (Terraform 1.14 and later). The identity's `id` is the variable's name. With `include_resource = true`, each result is the variable "+
		"as an import reads it: its value is null, so that nothing secret reaches a generated configuration; set `value` or `value_wo` (with `value_wo_version`) before applying it.",
		jitterbitListAttributes("project variables"))
}

func (r *projectVariableListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client, r.defaultEnvironment = jitterbitClientFor(req.ProviderData, &resp.Diagnostics, "almsync_jitterbit_project_variable")
}

func (r *projectVariableListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg jitterbitListModel
	diags := req.Config.Get(ctx, &cfg)
	env := listEnvironment(cfg.EnvironmentID, r.defaultEnvironment, &diags)
	if diags.HasError() {
		listError(stream, diags)
		return
	}
	if r.client == nil {
		listUnconfigured(stream, "almsync_jitterbit_project_variable")
		return
	}
	guid := cfg.ProjectGUID.ValueString()
	streamList(ctx, req, stream, "Unable to List Jitterbit Project Variables", addJitterbitAPIError,
		func(ctx context.Context, yield func(jitterbit.ProjectVariable) bool) error {
			vars, err := r.client.ListProjectVariables(ctx, env, guid)
			if err != nil {
				return err
			}
			for _, v := range vars {
				if hasPrefix(v.Name, cfg.NamePrefix) && !yield(v) {
					break
				}
			}
			return nil
		},
		func(v jitterbit.ProjectVariable) listed {
			return listed{
				displayName: v.Name,
				identity:    jitterbitIdentity(types.StringValue(v.Name), types.StringValue(env), types.StringValue(guid)),
				resource: func(context.Context) (any, diag.Diagnostics) {
					m := projectVariableModel{EnvironmentID: types.StringValue(env), ProjectGUID: types.StringValue(guid), Name: types.StringValue(v.Name)}
					modelFromProjectVariable(&m, v)
					return m, nil
				},
			}
		})
}
