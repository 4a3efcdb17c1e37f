package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Resource identity (Terraform 1.12 and later): every resource names its
// object with the product's own identifier, `id`, and, for an object that
// lives inside a parent, the parent's keys. Terraform keeps the identity
// beside the state, shows it to `terraform query`, and accepts it in
// `import { identity = {...} }`. Older Terraform versions ignore it.

// idIdentityModel is the identity of an object its product identifies by
// its id alone.
type idIdentityModel struct {
	ID types.String `tfsdk:"id"`
}

// mappingIdentityModel is the identity of an aqua mapping: its id within
// its sync, and the sync's id.
type mappingIdentityModel struct {
	ID     types.String `tfsdk:"id"`
	SyncID types.String `tfsdk:"sync_id"`
}

// jitterbitIdentityModel is the identity of an object of an Integration
// Studio project in a Harmony environment.
type jitterbitIdentityModel struct {
	ID            types.String `tfsdk:"id"`
	EnvironmentID types.String `tfsdk:"environment_id"`
	ProjectGUID   types.String `tfsdk:"project_guid"`
}

// idIdentitySchema is the identity schema of an object identified by its
// id alone; idDescription says what the id is.
func idIdentitySchema(idDescription string) identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{RequiredForImport: true, Description: idDescription},
		},
	}
}

// mappingIdentitySchema is the identity schema of an aqua mapping; what
// names the kind of mapping, e.g. "field mapping".
func mappingIdentitySchema(what string) identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{
				RequiredForImport: true,
				Description: "Identifier of the " + what + " within its sync, a positive number such as `12` " +
					"(the part after the `/` of the resource's `id`).",
			},
			"sync_id": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "Identifier of the aqua Jira sync the " + what + " belongs to, as the resource's `sync_id`.",
			},
		},
	}
}

// jitterbitIdentitySchema is the identity schema of an object of an
// Integration Studio project; idDescription says what the id is.
func jitterbitIdentitySchema(idDescription string) identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{RequiredForImport: true, Description: idDescription},
			"environment_id": identityschema.StringAttribute{
				OptionalForImport: true,
				Description: "ID of the Harmony environment, digits only (e.g. `201`), as the resource's `environment_id`. " +
					"In an `import` block it defaults to the provider's `jitterbit.environment_id` (or `JITTERBIT_ENVIRONMENT_ID`).",
			},
			"project_guid": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "GUID of the Integration Studio project, as the resource's `project_guid` (e.g. `9a87b6c5-a1b2-34c5-6d7e-123456a7b001`).",
			},
		},
	}
}

// setIdentity sets identity to v, a model of its schema. identity is nil
// where the request carries none.
func setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics, v any) {
	if identity == nil {
		return
	}
	diags.Append(identity.Set(ctx, v)...)
}

// importIdentity reads the identity of an import by identity
// (`import { identity = {...} }`) into v, and reports whether the import
// is one: an import by ID (`terraform import`, `import { id = ... }`)
// carries no identity.
func importIdentity(ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics, v any) bool {
	if req.ID != "" || req.Identity == nil || req.Identity.Raw.IsNull() || req.Identity.Raw.IsFullyNull() {
		return false
	}
	diags.Append(req.Identity.Get(ctx, v)...)
	return true
}

// invalidIdentity adds the diagnostic of an import identity attribute to
// correct; example shows a valid identity block.
func invalidIdentity(diags *diag.Diagnostics, attr, problem, example string) {
	diags.AddAttributeError(path.Root(attr), "Invalid Import Identity",
		fmt.Sprintf("The `identity` of the import block has `%s` %s. Example:\n\n  identity = {\n    %s\n  }", attr, problem, example))
}

// identityString is the value of an identity attribute, with surrounding
// white space removed; null and unknown are "".
func identityString(v types.String) string {
	if v.IsNull() || v.IsUnknown() {
		return ""
	}
	return strings.TrimSpace(v.ValueString())
}

// jitterbitIdentity is the identity of an object of a project: id in the
// project, and the project's environment and GUID.
func jitterbitIdentity(id, environmentID, projectGUID types.String) jitterbitIdentityModel {
	return jitterbitIdentityModel{ID: id, EnvironmentID: environmentID, ProjectGUID: projectGUID}
}
