package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/helpers/validatordiag"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// rawAttributes reads the top-level attributes of a plan, state or
// configuration straight from its Terraform value. ValidateConfig and
// ModifyPlan run for every resource instance of every plan and mostly
// need a few attributes: reading them here costs a map lookup each, where
// Get into a model or GetAttribute walks the schema (and reflects over the
// model's fields) every time. A null or missing attribute reads as null.
// Conversion errors collect in diags.
type rawAttributes struct {
	attrs map[string]tftypes.Value
	diags diag.Diagnostics
}

// readRaw returns the attributes of v, an object value (a null or unknown
// object has no attributes, so each of them reads as null).
func readRaw(v tftypes.Value) *rawAttributes {
	r := &rawAttributes{}
	if v.IsNull() || !v.IsKnown() {
		return r
	}
	if err := v.As(&r.attrs); err != nil {
		r.diags.AddError("Unable to Read Values", "The values could not be read as an object: "+err.Error()+". This is a bug in the provider; please report it.")
	}
	return r
}

// String returns the string attribute name.
func (r *rawAttributes) String(name string) types.String {
	v := r.attrs[name]
	switch {
	case v.Type() == nil || v.IsNull():
		return types.StringNull()
	case !v.IsKnown():
		return types.StringUnknown()
	}
	var s string
	if err := v.As(&s); err != nil {
		r.diags.AddAttributeError(path.Root(name), "Unable to Read Values", fmt.Sprintf("`%s` is not a string: %v. This is a bug in the provider; please report it.", name, err))
		return types.StringUnknown()
	}
	return types.StringValue(s)
}

// Bool returns the bool attribute name.
func (r *rawAttributes) Bool(name string) types.Bool {
	v := r.attrs[name]
	switch {
	case v.Type() == nil || v.IsNull():
		return types.BoolNull()
	case !v.IsKnown():
		return types.BoolUnknown()
	}
	var b bool
	if err := v.As(&b); err != nil {
		r.diags.AddAttributeError(path.Root(name), "Unable to Read Values", fmt.Sprintf("`%s` is not a bool: %v. This is a bug in the provider; please report it.", name, err))
		return types.BoolUnknown()
	}
	return types.BoolValue(b)
}

// IsNull reports whether attribute name is null (unknown is not null).
func (r *rawAttributes) IsNull(name string) bool {
	v := r.attrs[name]
	return v.Type() == nil || v.IsNull()
}

// configIsNull reports whether the attribute at p is null in config
// (unknown is not null): straight from the raw value for a top-level
// attribute, through the schema otherwise.
func configIsNull(ctx context.Context, config tfsdk.Config, p path.Path) (bool, diag.Diagnostics) {
	if steps := p.Steps(); len(steps) == 1 {
		if name, ok := steps[0].(path.PathStepAttributeName); ok {
			r := readRaw(config.Raw)
			return r.IsNull(string(name)), r.diags
		}
	}
	var v attr.Value
	diags := config.GetAttribute(ctx, p, &v)
	return v == nil || v.IsNull(), diags
}

// siblingValidator checks an attribute against its sibling attribute of
// the same object (the attribute named sibling beside it): with conflicts,
// both may not be set; otherwise the sibling must be set too. It gives the
// diagnostics of stringvalidator.ConflictsWith and AlsoRequires for the
// path expression path.MatchRelative().AtParent().AtName(sibling), reading
// one attribute where they match the expression against the whole
// configuration. A null or unknown value, or an unknown sibling, is not
// checked.
type siblingValidator struct {
	sibling   string
	conflicts bool
}

var (
	_ validator.String = siblingValidator{}
	_ validator.Int64  = siblingValidator{}
)

// conflictsWithSibling is stringvalidator.ConflictsWith of a sibling.
func conflictsWithSibling(name string) siblingValidator {
	return siblingValidator{sibling: name, conflicts: true}
}

// requiresSibling is stringvalidator.AlsoRequires (or int64validator's)
// of a sibling.
func requiresSibling(name string) siblingValidator {
	return siblingValidator{sibling: name}
}

func (v siblingValidator) Description(ctx context.Context) string { return v.MarkdownDescription(ctx) }

func (v siblingValidator) MarkdownDescription(context.Context) string {
	if v.conflicts {
		return fmt.Sprintf("Ensure that if an attribute is set, its sibling %q is not set", v.sibling)
	}
	return fmt.Sprintf("Ensure that if an attribute is set, its sibling %q is set too", v.sibling)
}

func (v siblingValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	v.validate(ctx, req.Config, req.Path, req.ConfigValue, &resp.Diagnostics)
}

func (v siblingValidator) ValidateInt64(ctx context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	v.validate(ctx, req.Config, req.Path, req.ConfigValue, &resp.Diagnostics)
}

func (v siblingValidator) validate(ctx context.Context, config tfsdk.Config, at path.Path, value attr.Value, diags *diag.Diagnostics) {
	if value.IsNull() || value.IsUnknown() {
		return
	}
	other := at.ParentPath().AtName(v.sibling)
	var otherValue attr.Value
	d := config.GetAttribute(ctx, other, &otherValue)
	diags.Append(d...)
	if d.HasError() || otherValue == nil || otherValue.IsUnknown() {
		return
	}
	switch {
	case v.conflicts && !otherValue.IsNull():
		diags.Append(validatordiag.InvalidAttributeCombinationDiagnostic(at,
			fmt.Sprintf("Attribute %q cannot be specified when %q is specified", other, at)))
	case !v.conflicts && otherValue.IsNull():
		diags.Append(validatordiag.InvalidAttributeCombinationDiagnostic(at,
			fmt.Sprintf("Attribute %q must be specified when %q is specified", other, at)))
	}
}
