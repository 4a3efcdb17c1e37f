package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

var _ datasource.DataSourceWithConfigure = &jitterbitProjectDataSource{}

func newJitterbitProjectDataSource() datasource.DataSource { return &jitterbitProjectDataSource{} }

// jitterbitProjectDataSource reads an Integration Studio project and the
// names of its project variables in one Harmony environment.
type jitterbitProjectDataSource struct {
	client *jitterbit.Client
	// defaultEnvironment is the provider block's environment_id.
	defaultEnvironment string
}

type jitterbitProjectDataModel struct {
	EnvironmentID types.String `tfsdk:"environment_id"`
	ProjectGUID   types.String `tfsdk:"project_guid"`
	Name          types.String `tfsdk:"name"`
	ProjectID     types.String `tfsdk:"project_id"`
	Description   types.String `tfsdk:"description"`
	Environments  types.List   `tfsdk:"environments"`
	Variables     types.List   `tfsdk:"variables"`
}

// jitterbitEnvironmentType is one entry of a project's environments.
var jitterbitEnvironmentType = types.ObjectType{AttrTypes: map[string]attr.Type{"id": types.StringType, "name": types.StringType}}

func (d *jitterbitProjectDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jitterbit_project"
}

func (d *jitterbitProjectDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads an Integration Studio project in one Harmony environment through the Harmony API (`GET /project`, `GET /project-variables`): " +
			"its name, numeric project ID, the environments it exists in, and the names of its project variables. Use it to check, before a plan sets " +
			"`almsync_jitterbit_project_variable` values, that a project was deployed to an environment and defines the variables a connection references.",
		Attributes: map[string]schema.Attribute{
			"environment_id": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "ID of the Harmony environment to read the project in, digits only (e.g. `201`). " +
					"Defaults to the provider's `jitterbit.environment_id` (or `JITTERBIT_ENVIRONMENT_ID`); with neither, reading fails.",
				Validators: environmentIDValidators(),
			},
			"project_guid": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "GUID of the Integration Studio project, as the Harmony API shows it (e.g. `9a87b6c5-a1b2-34c5-6d7e-123456a7b001`). " +
					"A project that is not in the environment is an error.",
				Validators: projectGUIDValidators(),
			},
			"name":        schema.StringAttribute{Computed: true, MarkdownDescription: "The project's name."},
			"project_id":  schema.StringAttribute{Computed: true, MarkdownDescription: "The project's numeric ID in Harmony, as text."},
			"description": schema.StringAttribute{Computed: true, MarkdownDescription: "The project's description; empty when it has none."},
			"environments": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The Harmony environments the project exists in, as Harmony lists them.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":   schema.StringAttribute{Computed: true, MarkdownDescription: "The environment's ID."},
					"name": schema.StringAttribute{Computed: true, MarkdownDescription: "The environment's name, e.g. `Production`."},
				}},
			},
			"variables": schema.ListAttribute{
				Computed:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Names of the project's variables in this environment, sorted. These are the names " +
					"`almsync_jitterbit_project_variable` accepts; variables are created in Integration Studio.",
			},
		},
	}
}

func (d *jitterbitProjectDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client, d.defaultEnvironment = jitterbitClientFor(req.ProviderData, &resp.Diagnostics, "data source almsync_jitterbit_project")
}

func (d *jitterbitProjectDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m jitterbitProjectDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	const summary = "Unable to Read Jitterbit Project"
	env := m.EnvironmentID.ValueString()
	if m.EnvironmentID.IsNull() {
		env = d.defaultEnvironment
	}
	if env == "" {
		resp.Diagnostics.AddAttributeError(path.Root("environment_id"), "Missing Harmony Environment",
			"This data source sets no `environment_id`, and the provider's `jitterbit` block sets no default `environment_id` (nor the `JITTERBIT_ENVIRONMENT_ID` environment variable). "+
				"Set one of them to the Harmony environment's ID, e.g. `201`.")
		return
	}
	guid := m.ProjectGUID.ValueString()
	project, ok := checkProject(ctx, d.client, &resp.Diagnostics, summary, env, guid)
	if !ok {
		return
	}
	vars, err := d.client.ListProjectVariables(ctx, env, guid)
	if err != nil {
		addJitterbitAPIError(&resp.Diagnostics, summary, err)
		return
	}
	m.EnvironmentID = types.StringValue(env)
	resp.Diagnostics.Append(modelFromProject(ctx, &m, project, vars)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// modelFromProject copies a project and its variables' names into m.
func modelFromProject(ctx context.Context, m *jitterbitProjectDataModel, p jitterbit.Project, vars []jitterbit.ProjectVariable) diag.Diagnostics {
	var diags diag.Diagnostics
	m.Name = types.StringValue(p.Name)
	m.ProjectID = types.StringValue(p.ProjectID)
	m.Description = types.StringValue(p.Description)
	envs := make([]attr.Value, 0, len(p.Environments))
	for _, e := range p.Environments {
		v, d := types.ObjectValue(jitterbitEnvironmentType.AttrTypes, map[string]attr.Value{"id": types.StringValue(e.ID), "name": types.StringValue(e.Name)})
		diags.Append(d...)
		envs = append(envs, v)
	}
	list, d := types.ListValue(jitterbitEnvironmentType, envs)
	diags.Append(d...)
	m.Environments = list
	m.Variables, d = types.ListValueFrom(ctx, types.StringType, variableNames(vars))
	diags.Append(d...)
	return diags
}

// variableNames are the names of vars, sorted.
func variableNames(vars []jitterbit.ProjectVariable) []string {
	names := make([]string, 0, len(vars))
	for _, v := range vars {
		names = append(names, v.Name)
	}
	slices.Sort(names)
	return names
}
