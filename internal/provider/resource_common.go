package provider

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// providerDataFrom returns the provider's data handed to a resource or
// data source Configure, or nil (with no error) before the provider is
// configured.
func providerDataFrom(raw any, diags *diag.Diagnostics) *providerData {
	if raw == nil {
		return nil
	}
	data, ok := raw.(*providerData)
	if !ok {
		diags.AddError("Unexpected Provider Data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", raw))
		return nil
	}
	return data
}

// stringOrNull maps the API's empty string to null, so an attribute the
// user did not set shows no diff.
func stringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// parseID parses a numeric object id held in state.
func parseID(id types.String) (int64, error) {
	n, err := strconv.ParseInt(id.ValueString(), 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("id %q is not a positive number", id.ValueString())
	}
	return n, nil
}

// importID is a parsed import identifier: a numeric id, or KEY=VALUE for a
// lookup by a unique attribute.
type importID struct {
	id    int64
	key   string
	value string
}

// parseImportID accepts "123" or "<key>=<value>" for one of keys.
func parseImportID(raw string, keys ...string) (importID, error) {
	raw = strings.TrimSpace(raw)
	if n, err := strconv.ParseInt(raw, 10, 64); err == nil && n > 0 {
		return importID{id: n}, nil
	}
	for _, k := range keys {
		if v, ok := strings.CutPrefix(raw, k+"="); ok && v != "" {
			return importID{key: k, value: v}, nil
		}
	}
	forms := []string{"`<id>` (a positive number)"}
	for _, k := range keys {
		forms = append(forms, fmt.Sprintf("`%s=<%s>`", k, k))
	}
	return importID{}, fmt.Errorf("import identifier %q is not one of %s", raw, strings.Join(forms, ", "))
}

// addAPIError adds a diagnostic for a failed product call: the summary
// names the action; the detail says what happened and what to do.
func addAPIError(diags *diag.Diagnostics, summary string, err error) {
	detail := err.Error()
	switch {
	case errors.Is(err, api.ErrUnauthorized):
		detail += "\n\nCheck the credentials of the provider block for this product (or its environment variables)."
	case errors.Is(err, aqua.ErrNotLicensed), errors.Is(err, aqua.ErrNotPermitted):
		// aqua says which it lacks, and the error carries the fix.
	case errors.Is(err, api.ErrForbidden):
		detail += "\n\nThe account authenticates but lacks the permission for this operation; use an administrator account."
	case errors.Is(err, api.ErrConflict):
		detail += "\n\nAn object with the same unique name already exists. Choose another name, or bring the existing object under Terraform with an import block or `terraform import`."
	case errors.Is(err, api.ErrBadRequest):
		detail += "\n\nThe product rejected the values; correct the attribute its message names."
	}
	diags.AddError(summary, detail)
}

// removedOutOfBand warns that an object is gone and drops it from state, so
// the next plan creates it again.
func removedOutOfBand(ctx context.Context, diags *diag.Diagnostics, what, id string) {
	tflog.Debug(ctx, "object deleted outside Terraform", map[string]any{"object": what, "id": id})
	diags.AddWarning(fmt.Sprintf("%s Deleted Outside Terraform", what),
		fmt.Sprintf("%s %s no longer exists in the product. It was removed from the Terraform state and will be planned for creation again.", what, id))
}

// deleteByID deletes, with del, the object whose numeric id state holds;
// an object already gone is success. summary names the action for errors.
func deleteByID(ctx context.Context, state tfsdk.State, diags *diag.Diagnostics, summary string, del func(context.Context, int64) error) {
	var raw types.String
	diags.Append(state.GetAttribute(ctx, path.Root("id"), &raw)...)
	if diags.HasError() {
		return
	}
	id, err := parseID(raw)
	if err != nil {
		diags.AddError(summary, err.Error())
		return
	}
	if err := del(ctx, id); err != nil && !errors.Is(err, api.ErrNotFound) {
		addAPIError(diags, summary, err)
	}
}

// importByIDOrKey sets the id of an import given as `<id>` or
// `<key>=<value>` for one of keys; find looks a value up. what names the
// object, example shows a valid identifier.
func importByIDOrKey(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse,
	what, example string, find func(ctx context.Context, value string) (int64, bool, error), keys ...string,
) {
	imp, err := parseImportID(req.ID, keys...)
	if err != nil {
		resp.Diagnostics.AddError("Invalid Import Identifier", fmt.Sprintf("%v. Example: `%s`.", err, example))
		return
	}
	id := imp.id
	if imp.key != "" {
		found, ok, err := find(ctx, imp.value)
		if err != nil {
			addAPIError(&resp.Diagnostics, "Unable to Import "+what, err)
			return
		}
		if !ok {
			resp.Diagnostics.AddError(what+" Not Found", fmt.Sprintf("There is no %s with %s %q.", what, imp.key, imp.value))
			return
		}
		id = found
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), strconv.FormatInt(id, 10))...)
}

// getByID reads, with get, the object whose numeric id raw holds. A 404 is
// reported as gone, with no diagnostic, so that Read can forget the object;
// other failures become diagnostics under summary.
func getByID[T any](ctx context.Context, raw types.String, diags *diag.Diagnostics, summary string, get func(context.Context, int64) (T, error)) (obj T, ok, gone bool) {
	id, err := parseID(raw)
	if err != nil {
		diags.AddError(summary, err.Error())
		return obj, false, false
	}
	obj, err = get(ctx, id)
	switch {
	case errors.Is(err, api.ErrNotFound):
		return obj, false, true
	case err != nil:
		addAPIError(diags, summary, err)
		return obj, false, false
	}
	return obj, true, false
}

// getAfterWrite is getByID right after a create or update, where a missing
// object is an error.
func getAfterWrite[T any](ctx context.Context, raw types.String, diags *diag.Diagnostics, summary string, get func(context.Context, int64) (T, error)) (T, bool) {
	obj, ok, gone := getByID(ctx, raw, diags, summary, get)
	if gone {
		diags.AddError(summary, fmt.Sprintf("Object %s was not found right after it was written; something else may have deleted it. Run terraform apply again.", raw.ValueString()))
	}
	return obj, ok
}
