package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

var (
	_ action.ActionWithConfigure  = &projectDeployAction{}
	_ action.ActionWithModifyPlan = &projectDeployAction{}
)

// projectDeployActionType names the action in diagnostics.
const projectDeployActionType = "action almsync_jitterbit_project_deploy"

func newJitterbitProjectDeployAction() action.Action { return &projectDeployAction{} }

// projectDeployAction deploys an Integration Studio project through
// Harmony's documented Deploy Project, PUT /project.
type projectDeployAction struct {
	client             *jitterbit.Client
	defaultEnvironment string
}

type projectDeployModel struct {
	EnvironmentID types.String `tfsdk:"environment_id"`
	ProjectGUID   types.String `tfsdk:"project_guid"`
}

func (a *projectDeployAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jitterbit_project_deploy"
}

func (a *projectDeployAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Deploys an Integration Studio project through the Harmony API's documented Deploy Project (`PUT /project` with the project's GUID), " +
			"so that values set with `almsync_jitterbit_project_variable` reach the agents. It first reads the project in `environment_id` (`GET /project`), " +
			"so that a wrong GUID or environment is reported as such and nothing is deployed, then deploys it; Harmony's deploy itself names only the project. " +
			"It reports its progress while it runs, and fails the run when Harmony refuses the deploy, including an answer of HTTP 200 with `success: false`. " +
			"Use it with `action_trigger { events = [after_create, after_update] actions = [action.almsync_jitterbit_project_deploy.<name>] }` in the `lifecycle` " +
			"block of the project variables, or run it with `terraform apply -invoke=action.almsync_jitterbit_project_deploy.<name>`. " +
			"The action keeps nothing in the state; Terraform 1.14 or later.",
		Attributes: map[string]schema.Attribute{
			"environment_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "ID of the Harmony environment the project is checked in before it is deployed, digits only (e.g. `201`). " +
					"Defaults to the provider's `jitterbit.environment_id` (or `JITTERBIT_ENVIRONMENT_ID`); a plan with neither fails.",
				Validators: environmentIDValidators(),
			},
			"project_guid": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "GUID of the Integration Studio project to deploy, as the Harmony API shows it (e.g. `9a87b6c5-a1b2-34c5-6d7e-123456a7b001`), " +
					"not its name or numeric project ID. A project that is not in the environment is an error, and nothing is deployed.",
				Validators: projectGUIDValidators(),
			},
		},
	}
}

func (a *projectDeployAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.client, a.defaultEnvironment = jitterbitClientFor(req.ProviderData, &resp.Diagnostics, projectDeployActionType)
}

// ModifyPlan fails a plan that names no environment when the provider
// block has no default either, before anything runs.
func (a *projectDeployAction) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	if a.client == nil {
		return
	}
	var env types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("environment_id"), &env)...)
	if env.IsNull() && a.defaultEnvironment == "" {
		resp.Diagnostics.AddAttributeError(path.Root("environment_id"), missingDeployEnvironmentSummary, missingDeployEnvironmentDetail)
	}
}

const (
	missingDeployEnvironmentSummary = "Missing Harmony Environment"
	missingDeployEnvironmentDetail  = "The action almsync_jitterbit_project_deploy sets no `environment_id`, and the provider's `jitterbit` block sets no default " +
		"`environment_id` (nor the `JITTERBIT_ENVIRONMENT_ID` environment variable). Set one of them to the ID of the Harmony environment the project is in, e.g. `201`."
)

func (a *projectDeployAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m projectDeployModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if a.client == nil {
		resp.Diagnostics.AddError("Provider Not Configured",
			"The action almsync_jitterbit_project_deploy ran before the provider was configured. Invoke it from a configuration with a `provider \"almsync\"` block.")
		return
	}
	env := m.EnvironmentID.ValueString()
	if m.EnvironmentID.IsNull() {
		env = a.defaultEnvironment
	}
	if env == "" {
		resp.Diagnostics.AddAttributeError(path.Root("environment_id"), missingDeployEnvironmentSummary, missingDeployEnvironmentDetail)
		return
	}
	guid := m.ProjectGUID.ValueString()
	progress := progressSender(resp.SendProgress, "")
	const summary = "Unable to Deploy Jitterbit Project"

	progress(fmt.Sprintf("Reading project %s in Harmony environment %s", guid, env))
	project, ok := checkProject(ctx, a.client, &resp.Diagnostics, summary, env, guid)
	if !ok {
		return
	}
	what := fmt.Sprintf("project %q (%s)", project.Name, guid)
	progress(fmt.Sprintf("Deploying %s of Harmony environment %s", what, environmentLabel(project, env)))
	if err := a.client.DeployProject(ctx, guid); err != nil {
		if errors.Is(err, api.ErrNotFound) {
			resp.Diagnostics.AddAttributeError(path.Root("project_guid"), summary,
				fmt.Sprintf("Harmony read %s in environment %s but refused to deploy it as unknown (%v). Check that the account of the provider's `jitterbit` block "+
					"may deploy this project, and that `project_guid` is the project's GUID as the Harmony API shows it.", what, env, err))
			return
		}
		addJitterbitAPIError(&resp.Diagnostics, summary, err)
		return
	}
	progress(fmt.Sprintf("Deployed %s", what))
}

// environmentLabel names environment env as the project lists it, e.g.
// "Production (202)", or just its ID.
func environmentLabel(p jitterbit.Project, env string) string {
	for _, e := range p.Environments {
		if e.ID == env && e.Name != "" {
			return fmt.Sprintf("%s (%s)", e.Name, env)
		}
	}
	return env
}
