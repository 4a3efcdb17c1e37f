package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// siblingSchema has a secret's three attributes at the top level and in a
// nested block, as the resources declare them.
var siblingSchema = schema.Schema{
	Attributes: map[string]schema.Attribute{
		"password":            schema.StringAttribute{Optional: true},
		"password_wo":         schema.StringAttribute{Optional: true},
		"password_wo_version": schema.Int64Attribute{Optional: true},
	},
	Blocks: map[string]schema.Block{
		"sso": schema.SingleNestedBlock{Attributes: map[string]schema.Attribute{
			"password":            schema.StringAttribute{Optional: true},
			"password_wo":         schema.StringAttribute{Optional: true},
			"password_wo_version": schema.Int64Attribute{Optional: true},
		}},
	},
}

// siblingConfig returns a configuration of siblingSchema with the same
// values at the top level and in the block; nil is null, unknown is
// tftypes.UnknownValue.
func siblingConfig(password, wo, version any) tfsdk.Config {
	obj := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"password": tftypes.String, "password_wo": tftypes.String, "password_wo_version": tftypes.Number,
	}}
	values := func() map[string]tftypes.Value {
		return map[string]tftypes.Value{
			"password":            tftypes.NewValue(tftypes.String, password),
			"password_wo":         tftypes.NewValue(tftypes.String, wo),
			"password_wo_version": tftypes.NewValue(tftypes.Number, version),
		}
	}
	top := values()
	top["sso"] = tftypes.NewValue(obj, values())
	attrTypes := map[string]tftypes.Type{"sso": obj}
	for k, v := range obj.AttributeTypes {
		attrTypes[k] = v
	}
	return tfsdk.Config{Schema: siblingSchema, Raw: tftypes.NewValue(tftypes.Object{AttributeTypes: attrTypes}, top)}
}

// TestSiblingValidatorMatchesStockValidators checks that conflictsWithSibling
// and requiresSibling give exactly the diagnostics of the stock
// ConflictsWith and AlsoRequires they replace, for every combination of
// null, unknown and set values, at the top level and in a block.
func TestSiblingValidatorMatchesStockValidators(t *testing.T) {
	ctx := context.Background()
	states := map[string]func(v any) any{
		"null": func(any) any { return nil }, "unknown": func(any) any { return tftypes.UnknownValue }, "set": func(v any) any { return v },
	}
	for pn, p := range states {
		for wn, w := range states {
			for vn, v := range states {
				config := siblingConfig(p("pw"), w("wo"), v(1))
				for _, parent := range []path.Path{path.Empty(), path.Root("sso")} {
					name := pn + "/" + wn + "/" + vn + " " + parent.String()
					at := func(n string) path.Path {
						if parent.Equal(path.Empty()) {
							return path.Root(n)
						}
						return parent.AtName(n)
					}
					checkString(ctx, t, name+" password", config, at("password"),
						stringvalidator.ConflictsWith(path.MatchRelative().AtParent().AtName("password_wo")), conflictsWithSibling("password_wo"))
					checkString(ctx, t, name+" password_wo", config, at("password_wo"),
						stringvalidator.AlsoRequires(path.MatchRelative().AtParent().AtName("password_wo_version")), requiresSibling("password_wo_version"))
					checkInt64(ctx, t, name+" password_wo_version", config, at("password_wo_version"),
						int64validator.AlsoRequires(path.MatchRelative().AtParent().AtName("password_wo")), requiresSibling("password_wo"))
				}
			}
		}
	}
}

func checkString(ctx context.Context, t *testing.T, name string, config tfsdk.Config, at path.Path, stock, ours validator.String) {
	t.Helper()
	var value types.String
	if d := config.GetAttribute(ctx, at, &value); d.HasError() {
		t.Fatalf("%s: %v", name, d)
	}
	req := validator.StringRequest{Path: at, PathExpression: at.Expression(), ConfigValue: value, Config: config}
	var want, got validator.StringResponse
	stock.ValidateString(ctx, req, &want)
	ours.ValidateString(ctx, req, &got)
	compareDiags(t, name, got.Diagnostics, want.Diagnostics)
}

func checkInt64(ctx context.Context, t *testing.T, name string, config tfsdk.Config, at path.Path, stock, ours validator.Int64) {
	t.Helper()
	var value types.Int64
	if d := config.GetAttribute(ctx, at, &value); d.HasError() {
		t.Fatalf("%s: %v", name, d)
	}
	req := validator.Int64Request{Path: at, PathExpression: at.Expression(), ConfigValue: value, Config: config}
	var want, got validator.Int64Response
	stock.ValidateInt64(ctx, req, &want)
	ours.ValidateInt64(ctx, req, &got)
	compareDiags(t, name, got.Diagnostics, want.Diagnostics)
}

func compareDiags(t *testing.T, name string, got, want diag.Diagnostics) {
	t.Helper()
	if !got.Equal(want) {
		t.Errorf("%s: diagnostics\n got  %v\n want %v", name, got, want)
	}
}

// TestSiblingValidatorsAreChecked makes sure the comparison above sees
// errors at all: both forms of a secret set is an error.
func TestSiblingValidatorsAreChecked(t *testing.T) {
	var resp validator.StringResponse
	config := siblingConfig("pw", "wo", nil)
	conflictsWithSibling("password_wo").ValidateString(context.Background(), validator.StringRequest{
		Path: path.Root("password"), ConfigValue: types.StringValue("pw"), Config: config,
	}, &resp)
	if !resp.Diagnostics.HasError() {
		t.Fatal("password and password_wo both set gave no error")
	}
	if got := resp.Diagnostics[0].Detail(); got != `Attribute "password_wo" cannot be specified when "password" is specified` {
		t.Errorf("detail = %q", got)
	}
}

func TestReadRaw(t *testing.T) {
	obj := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"s": tftypes.String, "b": tftypes.Bool, "u": tftypes.String, "n": tftypes.String}}
	r := readRaw(tftypes.NewValue(obj, map[string]tftypes.Value{
		"s": tftypes.NewValue(tftypes.String, "x"), "b": tftypes.NewValue(tftypes.Bool, true),
		"u": tftypes.NewValue(tftypes.String, tftypes.UnknownValue), "n": tftypes.NewValue(tftypes.String, nil),
	}))
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"s", r.String("s"), types.StringValue("x")},
		{"b", r.Bool("b"), types.BoolValue(true)},
		{"u", r.String("u"), types.StringUnknown()},
		{"n", r.String("n"), types.StringNull()},
		{"missing", r.String("missing"), types.StringNull()},
		{"u null", r.IsNull("u"), false},
		{"n null", r.IsNull("n"), true},
		{"s as bool", r.Bool("s"), types.BoolUnknown()},
	} {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if !r.diags.HasError() {
		t.Error("reading a string as a bool gave no error")
	}
	if null := readRaw(tftypes.NewValue(obj, nil)); null.String("s") != types.StringNull() || null.diags.HasError() {
		t.Error("a null object does not read as null attributes")
	}
}
