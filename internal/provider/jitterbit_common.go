package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

// Formats of Harmony's identifiers.
var (
	environmentIDPattern = regexp.MustCompile(`^[0-9]+$`)
	projectGUIDPattern   = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`)
)

// environmentIDValidators check a Harmony environment ID at plan time.
func environmentIDValidators() []validator.String {
	return []validator.String{stringvalidator.RegexMatches(environmentIDPattern,
		"must be a Harmony environment ID, a number made of digits only such as `201`, as the Management Console's Environments page shows it")}
}

// projectGUIDValidators check an Integration Studio project GUID at plan
// time.
func projectGUIDValidators() []validator.String {
	return []validator.String{stringvalidator.RegexMatches(projectGUIDPattern,
		"must be the project's GUID, 32 hexadecimal digits in groups of 8-4-4-4-12 such as `9a87b6c5-a1b2-34c5-6d7e-123456a7b001`, as the Harmony API shows it "+
			"(not the project's name or its numeric project ID)")}
}

// jitterbitEnvironmentIDAttribute is the environment_id of a Jitterbit
// resource: optional, defaulting to the provider block's, shown in the
// plan, and replacing the object when it changes. what names the object;
// replaceNote says what a change does.
func jitterbitEnvironmentIDAttribute(what, replaceNote string) schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true,
		Computed: true,
		MarkdownDescription: "ID of the Harmony environment of " + what + ", digits only (e.g. `201`). Defaults to the provider's `jitterbit.environment_id` " +
			"(or `JITTERBIT_ENVIRONMENT_ID`), which the plan then shows; a plan with neither fails. " + replaceNote,
		Validators: environmentIDValidators(),
		// UseStateForUnknown keeps a defaulted value from planning as a
		// change; ModifyPlan sets the provider's default and replaces the
		// object when that default changes.
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
	}
}

// jitterbitProjectGUIDAttribute is the required project_guid of a
// Jitterbit resource.
func jitterbitProjectGUIDAttribute(role, replaceNote string) schema.StringAttribute {
	return schema.StringAttribute{
		Required: true,
		MarkdownDescription: "GUID of the Integration Studio project " + role + ", as the Harmony API shows it (e.g. `9a87b6c5-a1b2-34c5-6d7e-123456a7b001`), " +
			"not its name or numeric project ID. " + replaceNote,
		Validators:    projectGUIDValidators(),
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
}

// planEnvironmentID sets the planned environment_id: the configured one,
// else the provider block's default, so the plan shows it. With neither,
// it is a plan-time error naming both places. A planned environment other
// than the state's replaces the object. It returns the planned value
// (unknown when the configuration's is not known yet).
func planEnvironmentID(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, defaultEnv string) types.String {
	var configured, prior types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("environment_id"), &configured)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("environment_id"), &prior)...)
	}
	if !configured.IsNull() {
		return configured
	}
	if defaultEnv == "" {
		resp.Diagnostics.AddAttributeError(path.Root("environment_id"), "Missing Harmony Environment",
			"This resource sets no `environment_id`, and the provider's `jitterbit` block sets no default `environment_id` (nor the `JITTERBIT_ENVIRONMENT_ID` environment variable). "+
				"Set `environment_id` on the resource, or `environment_id` in the provider's `jitterbit` block, to the Harmony environment's ID, e.g. `201`.")
		return types.StringUnknown()
	}
	planned := types.StringValue(defaultEnv)
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("environment_id"), planned)...)
	if !prior.IsNull() && !prior.Equal(planned) {
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("environment_id"))
	}
	return planned
}

// checkProject reads the project the object belongs to, so that a wrong
// GUID or environment is reported as such rather than as the failure of
// the call that needs the project. ok is false after a diagnostic.
func checkProject(ctx context.Context, client *jitterbit.Client, diags *diag.Diagnostics, summary, environmentID, projectGUID string) (jitterbit.Project, bool) {
	project, err := client.GetProject(ctx, environmentID, projectGUID)
	switch {
	case errors.Is(err, api.ErrNotFound):
		diags.AddAttributeError(path.Root("project_guid"), summary, projectNotFoundDetail(environmentID, projectGUID, err))
		return project, false
	case err != nil:
		addJitterbitAPIError(diags, summary, err)
		return project, false
	}
	return project, true
}

// projectNotFoundDetail is the detail of a project unknown in an
// environment.
func projectNotFoundDetail(environmentID, projectGUID string, err error) string {
	return fmt.Sprintf("Project %s is not in Harmony environment %s (%v). Check `project_guid`, the project's GUID as the Harmony API shows it, and `environment_id`: "+
		"a project exists only in the environments it was created in or deployed to.", projectGUID, environmentID, err)
}
