package provider

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// setStrings returns the elements of a set of strings (none when null or
// unknown).
func setStrings(ctx context.Context, s types.Set, diags *diag.Diagnostics) []string {
	var out []string
	if s.IsNull() || s.IsUnknown() {
		return out
	}
	diags.Append(s.ElementsAs(ctx, &out, false)...)
	return out
}

// listStrings returns the elements of a list of strings (none when null or
// unknown).
func listStrings(ctx context.Context, l types.List, diags *diag.Diagnostics) []string {
	var out []string
	if l.IsNull() || l.IsUnknown() {
		return out
	}
	diags.Append(l.ElementsAs(ctx, &out, false)...)
	return out
}

// mapStrings returns the elements of a map of strings (none when null or
// unknown).
func mapStrings(ctx context.Context, m types.Map, diags *diag.Diagnostics) map[string]string {
	out := map[string]string{}
	if m.IsNull() || m.IsUnknown() {
		return out
	}
	diags.Append(m.ElementsAs(ctx, &out, false)...)
	return out
}

// setOrNull is values as a set, or null when values is empty and prior was
// null, so an unset attribute shows no diff.
func setOrNull(ctx context.Context, values []string, prior types.Set, diags *diag.Diagnostics) types.Set {
	if len(values) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		return types.SetNull(types.StringType)
	}
	s, d := types.SetValueFrom(ctx, types.StringType, nonNil(values))
	diags.Append(d...)
	return s
}

// numericID checks that a map key or string is a positive whole number,
// such as an aqua project id.
type numericID struct{}

var _ validator.String = numericID{}

func (numericID) Description(context.Context) string { return "value must be a numeric id such as `2`" }

func (v numericID) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (numericID) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if n, err := strconv.ParseInt(req.ConfigValue.ValueString(), 10, 64); err != nil || n <= 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid ID",
			fmt.Sprintf("%s must be a numeric aqua id, a positive whole number such as `2`.", req.Path))
	}
}
