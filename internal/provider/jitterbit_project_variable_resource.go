package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

var (
	_ resource.ResourceWithConfigure        = &projectVariableResource{}
	_ resource.ResourceWithIdentity         = &projectVariableResource{}
	_ resource.ResourceWithImportState      = &projectVariableResource{}
	_ resource.ResourceWithModifyPlan       = &projectVariableResource{}
	_ resource.ResourceWithConfigValidators = &projectVariableResource{}
)

// projectVariableDestroyDetail says what destroying the resource does.
const projectVariableDestroyDetail = "The Harmony API cannot delete a project variable: variables belong to the Integration Studio project. " +
	"Destroying this resource only removes it from the Terraform state; the variable and its value stay in Harmony, and connections that " +
	"reference it keep working with that value. To change or clear the value, set it before destroying, or edit the variable in Integration Studio " +
	"or the Management Console."

func newProjectVariableResource() resource.Resource { return &projectVariableResource{} }

// projectVariableResource is the value of an Integration Studio project
// variable in one Harmony environment.
type projectVariableResource struct {
	client *jitterbit.Client
	// defaultEnvironment is the provider block's environment_id.
	defaultEnvironment string
}

type projectVariableModel struct {
	ID             types.String `tfsdk:"id"`
	EnvironmentID  types.String `tfsdk:"environment_id"`
	ProjectGUID    types.String `tfsdk:"project_guid"`
	Name           types.String `tfsdk:"name"`
	VariableID     types.String `tfsdk:"variable_id"`
	Value          types.String `tfsdk:"value"`
	ValueWO        types.String `tfsdk:"value_wo"`
	ValueWOVersion types.Int64  `tfsdk:"value_wo_version"`
	HideValue      types.Bool   `tfsdk:"hide_value"`
	Description    types.String `tfsdk:"description"`
}

func (r *projectVariableResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jitterbit_project_variable"
}

func (r *projectVariableResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The value of an Integration Studio project variable in one Harmony environment, through the Harmony API " +
			"(`GET /project-variables`, `PUT /project-variables`). A connection defined once in Integration Studio with references such as `[jsm_url]` " +
			"is promoted between environments by giving its variables each environment's values. The variable itself must exist: variables are created " +
			"in Integration Studio, and the Harmony API cannot create them. " + projectVariableDestroyDetail + " " +
			"A hidden variable's value (`hide_value = true`) is not returned by Harmony, so a change made to it outside Terraform is not detected.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`<environment_id>/<project_guid>/<name>`, also the import identifier.",
			},
			"environment_id": jitterbitEnvironmentIDAttribute("the project variable", "Changing it manages the variable of another environment instead."),
			"project_guid":   jitterbitProjectGUIDAttribute("that defines the variable", "Changing it manages the variable of another project instead."),
			"name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Name of the project variable, as defined in the project (case-sensitive), e.g. `jsm_url`. The variable must exist: " +
					"a name the project does not define is an error listing the names it does (the data source `almsync_jitterbit_project` lists them too). " +
					"Changing it manages another variable instead.",
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1), noSurroundingSpace{}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"variable_id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Harmony's ID of the variable (`projectVariableId`).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"value": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				MarkdownDescription: "Value of the variable in this environment; may be empty. Sensitive: hidden in plans and logs but kept in state, " +
					"since a per-environment value is often a secret; prefer `value_wo` on Terraform 1.11 and later for secrets. Exactly one of `value` and `value_wo`. " +
					"A change made outside Terraform shows in the next plan, except for a hidden variable, whose value Harmony does not return. " +
					"After an import the value is unknown to Terraform (null), so the first plan sets it.",
			},
			"value_wo": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				WriteOnly: true,
				MarkdownDescription: "Value of the variable, write-only (Terraform 1.11 and later): sent to Harmony but never written to plan or state. " +
					"Requires `value_wo_version`; change that number to send a new value. Exactly one of `value` and `value_wo`. " +
					"Terraform keeps nothing of it, so a change made outside Terraform is not detected.",
				Validators: []validator.String{stringvalidator.AlsoRequires(path.MatchRoot("value_wo_version"))},
			},
			"value_wo_version": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Version of `value_wo`. Terraform cannot see a write-only value change, so change this number (for example increment it) " +
					"whenever `value_wo` changes; the new value is then sent. Requires `value_wo`.",
				Validators: []validator.Int64{int64validator.AlsoRequires(path.MatchRoot("value_wo"))},
			},
			"hide_value": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Jitterbit's \"sensitive\" flag (`projectVariableHideValue`): the value is kept secure and hidden from user interfaces, " +
					"and Harmony no longer returns it. When unset, the variable keeps the flag it has in Harmony.",
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"description": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "Description of the variable. When unset, the variable keeps the description it has in Harmony.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *projectVariableResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{resourcevalidator.ExactlyOneOf(path.MatchRoot("value"), path.MatchRoot("value_wo"))}
}

// IdentitySchema is the resource identity (Terraform 1.12 and later).
func (r *projectVariableResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = jitterbitIdentitySchema("Name of the project variable, as the resource's `name` (case-sensitive): the name identifies a variable within its project, and it is what Harmony's API and the import identifier use. " +
		"The resource's own `id` is `<environment_id>/<project_guid>/<name>`; Harmony's `variable_id` is in the state.")
}

func (r *projectVariableResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client, r.defaultEnvironment = jitterbitClientFor(req.ProviderData, &resp.Diagnostics, "almsync_jitterbit_project_variable")
}

// ModifyPlan warns that a destroy leaves the variable and its value in
// Harmony, sets the environment (the provider's default unless the
// configuration sets one), and plans the id.
func (r *projectVariableResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		var id types.String
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
		resp.Diagnostics.AddWarning("Destroy Leaves the Project Variable in Harmony",
			fmt.Sprintf("Project variable %s: %s", id.ValueString(), projectVariableDestroyDetail))
		return
	}
	if r.client == nil {
		return
	}
	env := planEnvironmentID(ctx, req, resp, r.defaultEnvironment)
	var guid, name types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("project_guid"), &guid)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("name"), &name)...)
	if env.IsUnknown() || guid.IsUnknown() || name.IsUnknown() || resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("id"),
		projectVariableID(env.ValueString(), guid.ValueString(), name.ValueString()))...)
}

// projectVariableID is the resource's id and import identifier.
func projectVariableID(environmentID, projectGUID, name string) string {
	return environmentID + "/" + projectGUID + "/" + name
}

func (r *projectVariableResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan projectVariableModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	const summary = "Unable to Set Jitterbit Project Variable"
	env, guid, name := plan.EnvironmentID.ValueString(), plan.ProjectGUID.ValueString(), plan.Name.ValueString()
	if _, ok := checkProject(ctx, r.client, &resp.Diagnostics, summary, env, guid); !ok {
		return
	}
	current, ok := r.findDefined(ctx, &resp.Diagnostics, summary, env, guid, name)
	if !ok {
		return
	}
	r.write(ctx, req.Config, &plan, current, &resp.Diagnostics, summary)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, jitterbitIdentity(plan.Name, plan.EnvironmentID, plan.ProjectGUID))
}

func (r *projectVariableResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan projectVariableModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	const summary = "Unable to Set Jitterbit Project Variable"
	current, ok := r.findDefined(ctx, &resp.Diagnostics, summary, plan.EnvironmentID.ValueString(), plan.ProjectGUID.ValueString(), plan.Name.ValueString())
	if !ok {
		return
	}
	r.write(ctx, req.Config, &plan, current, &resp.Diagnostics, summary)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, jitterbitIdentity(plan.Name, plan.EnvironmentID, plan.ProjectGUID))
}

// write sends the planned value, description and hide flag of the
// variable current, and fills m with what Harmony then holds. The value
// is the configuration's `value` or `value_wo` (write-only values are in
// the configuration of every apply); a description or hide flag the
// configuration leaves out keeps Harmony's.
func (r *projectVariableResource) write(ctx context.Context, config tfsdk.Config, m *projectVariableModel, current jitterbit.ProjectVariable, diags *diag.Diagnostics, summary string) {
	var value, valueWO types.String
	diags.Append(config.GetAttribute(ctx, path.Root("value"), &value)...)
	diags.Append(config.GetAttribute(ctx, path.Root("value_wo"), &valueWO)...)
	if diags.HasError() {
		return
	}
	v := current
	v.Value = value.ValueString()
	if !valueWO.IsNull() {
		v.Value = valueWO.ValueString()
	}
	if !m.HideValue.IsUnknown() && !m.HideValue.IsNull() {
		v.HideValue = m.HideValue.ValueBool()
	}
	if !m.Description.IsUnknown() && !m.Description.IsNull() {
		v.Description = m.Description.ValueString()
	}
	if err := r.client.SetProjectVariable(ctx, v); err != nil {
		addJitterbitAPIError(diags, summary, err)
		return
	}
	stored, found, err := r.client.FindProjectVariable(ctx, m.EnvironmentID.ValueString(), m.ProjectGUID.ValueString(), m.Name.ValueString())
	switch {
	case err != nil:
		addJitterbitAPIError(diags, "Unable to Read Jitterbit Project Variable After Setting It", err)
		return
	case !found:
		diags.AddError("Unable to Read Jitterbit Project Variable After Setting It",
			fmt.Sprintf("Project variable %q was not found right after it was set; something else may have removed it from the project. Run terraform apply again.", m.Name.ValueString()))
		return
	}
	modelFromProjectVariable(m, stored)
}

// findDefined finds the variable the plan names; a project that does not
// define it is an error listing the names it does.
func (r *projectVariableResource) findDefined(ctx context.Context, diags *diag.Diagnostics, summary, env, guid, name string) (jitterbit.ProjectVariable, bool) {
	vars, err := r.client.ListProjectVariables(ctx, env, guid)
	switch {
	case errors.Is(err, api.ErrNotFound):
		diags.AddAttributeError(path.Root("project_guid"), summary, projectNotFoundDetail(env, guid, err))
		return jitterbit.ProjectVariable{}, false
	case err != nil:
		addJitterbitAPIError(diags, summary, err)
		return jitterbit.ProjectVariable{}, false
	}
	for _, v := range vars {
		if v.Name == name {
			return v, true
		}
	}
	defined := "It defines no project variables."
	if names := variableNames(vars); len(names) > 0 {
		defined = "It defines " + backtickList(names) + "."
	}
	diags.AddAttributeError(path.Root("name"), "Jitterbit Project Variable Not Found",
		fmt.Sprintf("Project %s in Harmony environment %s has no project variable named %q (names are case-sensitive). %s "+
			"The Harmony API cannot create variables: create it in Integration Studio (Project Variables), deploy the project, and apply again.", guid, env, name, defined))
	return jitterbit.ProjectVariable{}, false
}

// modelFromProjectVariable copies what Harmony holds into m. The value is
// refreshed only when the configuration manages it through `value` (a
// write-only or imported value stays null, so nothing secret reaches the
// state unasked), and a hidden variable, whose value Harmony does not
// return, keeps the value m has.
func modelFromProjectVariable(m *projectVariableModel, v jitterbit.ProjectVariable) {
	m.ID = types.StringValue(projectVariableID(m.EnvironmentID.ValueString(), m.ProjectGUID.ValueString(), m.Name.ValueString()))
	m.VariableID = types.StringValue(v.ID)
	m.HideValue = types.BoolValue(v.HideValue)
	m.Description = types.StringValue(v.Description)
	m.ValueWO = types.StringNull()
	if m.Value.IsNull() || m.Value.IsUnknown() || (v.HideValue && v.Value == jitterbit.HiddenValueMask) {
		return
	}
	m.Value = types.StringValue(v.Value)
}

func (r *projectVariableResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state projectVariableModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	env, guid, name := state.EnvironmentID.ValueString(), state.ProjectGUID.ValueString(), state.Name.ValueString()
	v, found, err := r.client.FindProjectVariable(ctx, env, guid, name)
	if errors.Is(err, api.ErrNotFound) || (err == nil && !found) {
		// The project left the environment, or the variable left the project.
		removedOutOfBand(ctx, &resp.Diagnostics, "Jitterbit Project Variable", projectVariableID(env, guid, name))
		setIdentity(ctx, resp.Identity, &resp.Diagnostics, jitterbitIdentity(state.Name, state.EnvironmentID, state.ProjectGUID))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addJitterbitAPIError(&resp.Diagnostics, "Unable to Read Jitterbit Project Variable", err)
		return
	}
	modelFromProjectVariable(&state, v)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, jitterbitIdentity(state.Name, state.EnvironmentID, state.ProjectGUID))
}

// Delete forgets the variable: the Harmony API cannot delete one, and the
// plan's warning says the variable and its value stay in Harmony.
func (r *projectVariableResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	tflog.Info(ctx, "project variable removed from state; it stays in Harmony with its value", map[string]any{"id": id.ValueString()})
}

// ImportState accepts `<environment_id>/<project_guid>/<name>`, or
// `<project_guid>/<name>` in the provider's default environment. The
// value stays unknown to Terraform (null) until the configuration sets it.
func (r *projectVariableResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var ident jitterbitIdentityModel
	if importIdentity(ctx, req, &resp.Diagnostics, &ident) {
		r.importByIdentity(ctx, ident, resp)
		return
	}
	parts := strings.SplitN(strings.TrimSpace(req.ID), "/", 3)
	if len(parts) == 2 {
		parts = append([]string{r.defaultEnvironment}, parts...)
	}
	if len(parts) != 3 || !environmentIDPattern.MatchString(parts[0]) || !projectGUIDPattern.MatchString(parts[1]) || parts[2] == "" {
		resp.Diagnostics.AddError("Invalid Import Identifier",
			fmt.Sprintf("%q: write `<environment_id>/<project_guid>/<name>` with a numeric environment ID, the project's GUID and the variable's name, "+
				"e.g. `201/9a87b6c5-a1b2-34c5-6d7e-123456a7b001/jsm_url`.", req.ID))
		return
	}
	importProjectVariable(ctx, resp, parts[0], parts[1], parts[2])
}

// importByIdentity imports the variable an identity names: id is the
// variable's name, in the project and environment the identity gives (the
// environment defaulting to the provider's).
func (r *projectVariableResource) importByIdentity(ctx context.Context, ident jitterbitIdentityModel, resp *resource.ImportStateResponse) {
	if resp.Diagnostics.HasError() {
		return
	}
	const example = `id             = "jsm_url"` + "\n    environment_id = \"201\"\n    project_guid   = \"9a87b6c5-a1b2-34c5-6d7e-123456a7b001\""
	// The name is taken as written: variable names are case-sensitive.
	name, env, guid := ident.ID.ValueString(), identityString(ident.EnvironmentID), identityString(ident.ProjectGUID)
	if env == "" {
		env = r.defaultEnvironment
	}
	switch {
	case name == "":
		invalidIdentity(&resp.Diagnostics, "id", "empty; it is the project variable's name", example)
		return
	case env == "":
		invalidIdentity(&resp.Diagnostics, "environment_id", "unset, and the provider's `jitterbit` block sets no default `environment_id` (nor `JITTERBIT_ENVIRONMENT_ID`)", example)
		return
	case !environmentIDPattern.MatchString(env):
		invalidIdentity(&resp.Diagnostics, "environment_id", fmt.Sprintf("%q, which is not a Harmony environment ID (digits only)", env), example)
		return
	case !projectGUIDPattern.MatchString(guid):
		invalidIdentity(&resp.Diagnostics, "project_guid", fmt.Sprintf("%q, which is not a project GUID", ident.ProjectGUID.ValueString()), example)
		return
	}
	importProjectVariable(ctx, resp, env, guid, name)
}

// importProjectVariable sets the state and identity of an imported
// variable: its value stays null until the configuration sets it.
func importProjectVariable(ctx context.Context, resp *resource.ImportStateResponse, env, guid, name string) {
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), projectVariableID(env, guid, name))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("environment_id"), env)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("project_guid"), guid)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), name)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, jitterbitIdentity(types.StringValue(name), types.StringValue(env), types.StringValue(guid)))
}
