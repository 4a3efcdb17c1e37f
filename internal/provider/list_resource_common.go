package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// List resources (Terraform 1.14 and later, `terraform query`): one per
// resource type, with the same type name. Each walks its product's list one
// page at a time, pushes every object as its identity (and, with
// `include_resource`, the resource as an import would put it in state),
// stops at Terraform's limit or when Terraform wants no more, and turns a
// failed call into a diagnostic of the stream.

// listed is what a list resource makes of one object: the name Terraform
// shows, the identity, and the resource model, built only when the query
// asks for the resource.
type listed struct {
	displayName string
	identity    any
	resource    func(ctx context.Context) (any, diag.Diagnostics)
}

// listWalk hands the objects of a listing to yield until it returns false,
// and returns the failure of a product call.
type listWalk[T any] func(ctx context.Context, yield func(T) bool) error

// streamList sets the stream of req to the objects walk yields, each made
// a result by convert; a failed walk is a diagnostic under summary, added
// by addErr.
func streamList[T any](ctx context.Context, req list.ListRequest, stream *list.ListResultsStream, summary string,
	addErr func(*diag.Diagnostics, string, error), walk listWalk[T], convert func(T) listed,
) {
	stream.Results = func(push func(list.ListResult) bool) {
		var pushed int64
		stopped := false
		err := walk(ctx, func(obj T) bool {
			if req.Limit > 0 && pushed >= req.Limit {
				return false
			}
			item := convert(obj)
			result := req.NewListResult(ctx)
			result.DisplayName = item.displayName
			result.Diagnostics.Append(result.Identity.Set(ctx, item.identity)...)
			if req.IncludeResource && !result.Diagnostics.HasError() {
				model, diags := item.resource(ctx)
				result.Diagnostics.Append(diags...)
				if !diags.HasError() {
					result.Diagnostics.Append(result.Resource.Set(ctx, model)...)
				}
			}
			pushed++
			if !push(result) {
				stopped = true
				return false
			}
			return req.Limit <= 0 || pushed < req.Limit
		})
		if err != nil && !stopped {
			var diags diag.Diagnostics
			addErr(&diags, summary, err)
			push(list.ListResult{Diagnostics: diags})
		}
	}
}

// listError makes diags the whole stream: a listing that cannot start.
func listError(stream *list.ListResultsStream, diags diag.Diagnostics) {
	stream.Results = list.ListResultsStreamDiagnostics(diags)
}

// prefixFilter is an optional `*_prefix` filter of a list resource's
// config: what names the compared field; the comparison ignores case.
func prefixFilter(what string) listschema.StringAttribute {
	return listschema.StringAttribute{
		Optional: true,
		MarkdownDescription: "Lists only the objects whose " + what + " starts with this text, compared without regard to case. " +
			"Unset, every object is listed.",
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

// hasPrefix reports whether s starts with the prefix filter (an unset
// filter matches everything), without regard to case.
func hasPrefix(s string, prefix types.String) bool {
	return prefix.IsNull() || prefix.IsUnknown() || strings.HasPrefix(strings.ToLower(s), strings.ToLower(prefix.ValueString()))
}

// listEnvironment is the Harmony environment a Jitterbit listing reads:
// the configured one, else the provider block's; with neither, it adds a
// diagnostic naming both.
func listEnvironment(configured types.String, defaultEnv string, diags *diag.Diagnostics) string {
	if !configured.IsNull() && !configured.IsUnknown() {
		return configured.ValueString()
	}
	if defaultEnv == "" {
		diags.AddAttributeError(path.Root("environment_id"), "Missing Harmony Environment",
			"This list block sets no `environment_id` in its `config`, and the provider's `jitterbit` block sets no default `environment_id` (nor the `JITTERBIT_ENVIRONMENT_ID` environment variable). "+
				"Set `environment_id` in the list block's `config`, or in the provider's `jitterbit` block, to the Harmony environment's ID, e.g. `201`.")
	}
	return defaultEnv
}

// listUnconfigured is the stream of a list resource whose provider was
// not configured: Terraform configures it before any query, so this is a
// bug, reported as one rather than a crash.
func listUnconfigured(stream *list.ListResultsStream, typeName string) {
	var diags diag.Diagnostics
	diags.AddError("Provider Not Configured",
		"The provider was not configured before listing "+typeName+". This is a bug in the provider; please report it.")
	listError(stream, diags)
}

// listSchema is the config schema of a list resource: what it lists and
// its filters.
func listSchema(description string, attrs map[string]listschema.Attribute) listschema.Schema {
	return listschema.Schema{MarkdownDescription: description, Attributes: attrs}
}
