package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestKnownAfterFailure: after a create whose read-back failed, the state
// keeps the id and known values and has no unknown value left, which
// Terraform would refuse ("invalid result object after apply").
func TestKnownAfterFailure(t *testing.T) {
	ctx := context.Background()
	r := newJamaConnectorResource()
	var sresp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sresp)
	typ := sresp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, tftypes.UnknownValue)
	}
	vals["id"] = tftypes.NewValue(tftypes.String, "7")
	vals["name"] = tftypes.NewValue(tftypes.String, "Production Jama")
	state := tfsdk.State{Schema: sresp.Schema, Raw: tftypes.NewValue(typ, vals)}

	var ok diag.Diagnostics
	knownAfterFailure(&state, &ok)
	if state.Raw.IsFullyKnown() {
		t.Fatal("without an error the state was changed")
	}

	var failed diag.Diagnostics
	failed.AddError("Unable to Read Jama Connector After Create", "503")
	knownAfterFailure(&state, &failed)
	if !state.Raw.IsFullyKnown() {
		t.Fatal("unknown values are left after a failed read")
	}
	var id, name string
	if d := state.GetAttribute(ctx, path.Root("id"), &id); d.HasError() || id != "7" {
		t.Errorf("id = %q (%v), want the id written before the read", id, d)
	}
	if d := state.GetAttribute(ctx, path.Root("name"), &name); d.HasError() || name != "Production Jama" {
		t.Errorf("name = %q (%v), want the planned value kept", name, d)
	}
	if len(failed) != 1 {
		t.Errorf("diagnostics = %v, want only the read's error", failed)
	}
}
