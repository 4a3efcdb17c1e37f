package main

import (
	"context"
	"fmt"
	"math/big"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	almsync "github.com/almsync/terraform-provider-almsync/internal/provider"
)

// mirroredType is the almsync resource type whose floor this provider
// serves, as noop_jama_connector.
const mirroredType = "almsync_jama_connector"

var _ resource.Resource = (*floorResource)(nil)

// floorResource is noop_jama_connector: the schema of almsync_jama_connector
// (see floorSchema) and no work. Create and Update store the plan, with a
// value for what is unknown and write-only values left out; Read keeps the
// state; Delete forgets it. It has no Configure, ValidateConfig,
// ModifyPlan or import, and nothing leaves the process.
type floorResource struct {
	provider *noopProvider
}

func (r *floorResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jama_connector"
}

func (r *floorResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.provider.schema
	resp.Diagnostics.Append(r.provider.diags...)
}

// floorSchema returns the schema of the almsync resource typeName, taken
// from the almsync provider itself, without its validators.
//
// What the floor keeps is what the framework must handle for any resource
// with this schema: the attributes with their types and flags (required,
// optional, computed, sensitive, write-only), descriptions, defaults and
// plan modifiers, which decide what a plan is. Validators are the
// provider's checks of a configuration, the provider's work rather than
// the framework's, so they are left out, as are the resource's
// ValidateConfig and ModifyPlan.
func floorSchema(ctx context.Context, typeName string) (schema.Schema, diag.Diagnostics) {
	var diags diag.Diagnostics
	p := almsync.New("bench")()
	var meta provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &meta)
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &md)
		if md.TypeName != typeName {
			continue
		}
		var sr resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sr)
		diags.Append(sr.Diagnostics...)
		if diags.HasError() {
			return sr.Schema, diags
		}
		s, err := withoutValidators(sr.Schema)
		if err != nil {
			diags.AddError("Unable to Build the Floor Schema", fmt.Sprintf("%s: %v", typeName, err))
		}
		return s, diags
	}
	diags.AddError("Unable to Build the Floor Schema", fmt.Sprintf("The almsync provider has no resource type %s.", typeName))
	return schema.Schema{}, diags
}

// withoutValidators returns s with the validators of its attributes
// removed. It accepts the attribute kinds almsync_jama_connector uses and
// no blocks, and says which attribute it cannot handle.
func withoutValidators(s schema.Schema) (schema.Schema, error) {
	if len(s.Blocks) > 0 {
		return s, fmt.Errorf("the schema has blocks, which the floor does not handle")
	}
	attrs := make(map[string]schema.Attribute, len(s.Attributes))
	for name, a := range s.Attributes {
		switch a := a.(type) {
		case schema.StringAttribute:
			a.Validators = []validator.String(nil)
			attrs[name] = a
		case schema.BoolAttribute:
			a.Validators = []validator.Bool(nil)
			attrs[name] = a
		case schema.Int64Attribute:
			a.Validators = []validator.Int64(nil)
			attrs[name] = a
		default:
			return s, fmt.Errorf("attribute %s is a %T, which the floor does not handle", name, a)
		}
	}
	s.Attributes = attrs
	return s, nil
}

// Create stores the plan, completed.
func (r *floorResource) Create(_ context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.Diagnostics.Append(r.store(req.Plan.Raw, &resp.State)...)
}

// Read leaves the prior state, which the framework has already copied
// into the response, untouched.
func (r *floorResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

// Update stores the plan, completed.
func (r *floorResource) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.Diagnostics.Append(r.store(req.Plan.Raw, &resp.State)...)
}

// Delete has nothing to remove; the framework drops the state.
func (r *floorResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}

// store writes plan into state with every unknown value known (the id a
// number of this process, other strings "floor", numbers 0, bools false)
// and every write-only attribute null, as Terraform requires of a state.
func (r *floorResource) store(plan tftypes.Value, state *tfsdk.State) diag.Diagnostics {
	var diags diag.Diagnostics
	attrs := r.provider.schema.Attributes
	raw, err := tftypes.Transform(plan, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		steps := p.Steps()
		if len(steps) != 1 {
			return v, nil
		}
		name, ok := steps[0].(tftypes.AttributeName)
		if !ok {
			return v, nil
		}
		if a, ok := attrs[string(name)]; ok && a.IsWriteOnly() {
			return tftypes.NewValue(v.Type(), nil), nil
		}
		if v.IsKnown() {
			return v, nil
		}
		switch {
		case name == "id":
			return tftypes.NewValue(tftypes.String, strconv.FormatInt(r.provider.ids.Add(1), 10)), nil
		case v.Type().Is(tftypes.String):
			return tftypes.NewValue(tftypes.String, "floor"), nil
		case v.Type().Is(tftypes.Number):
			return tftypes.NewValue(tftypes.Number, new(big.Float)), nil
		case v.Type().Is(tftypes.Bool):
			return tftypes.NewValue(tftypes.Bool, false), nil
		}
		return v, fmt.Errorf("attribute %s: no value for an unknown %s", name, v.Type())
	})
	if err != nil {
		diags.AddError("Unable to Store the Floor Object", err.Error())
		return diags
	}
	state.Raw = raw
	return diags
}
