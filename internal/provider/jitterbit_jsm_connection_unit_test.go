package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// blockValue builds the value of a nested block of r from vals; other
// attributes of the block are null.
func blockValue(t *testing.T, r resource.Resource, block string, vals map[string]tftypes.Value) tftypes.Value {
	t.Helper()
	var sr resource.SchemaResponse
	r.Schema(context.Background(), resource.SchemaRequest{}, &sr)
	typ := sr.Schema.Type().TerraformType(context.Background()).(tftypes.Object).AttributeTypes[block].(tftypes.Object)
	attrs := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		if v, ok := vals[name]; ok {
			attrs[name] = v
		} else {
			attrs[name] = tftypes.NewValue(at, nil)
		}
	}
	return tftypes.NewValue(typ, attrs)
}

func TestJSMConnectionValidateConfig_Warnings(t *testing.T) {
	t.Parallel()
	r := &jsmConnectionResource{}
	oauth := func(initiate string) tftypes.Value {
		return blockValue(t, r, "oauth", map[string]tftypes.Value{
			"initiate_oauth": str(initiate), "access_token": str("a"), "refresh_token": str("r"),
		})
	}
	location := tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, map[string]tftypes.Value{"OAuthSettingsLocation": str("/opt/oauth/a.txt")})
	cases := map[string]struct {
		vals map[string]tftypes.Value
		want []string
	}{
		"OAuth without OAuthSettingsLocation": {
			vals: map[string]tftypes.Value{"auth_scheme": str("OAuth"), "oauth": oauth("REFRESH")},
			want: []string{"overwrite each other"},
		},
		"OAuth with OAuthSettingsLocation": {
			vals: map[string]tftypes.Value{"auth_scheme": str("OAuth"), "oauth": oauth("REFRESH"), "advanced_properties": location},
		},
		"OFF warns that the connection stops": {
			vals: map[string]tftypes.Value{"auth_scheme": str("OAuth"), "oauth": oauth("OFF"), "advanced_properties": location},
			want: []string{"no longer works once the token expires"},
		},
		"Basic is quiet": {
			vals: map[string]tftypes.Value{"auth_scheme": str("Basic"), "user": str("u"), "api_token": str("t")},
		},
		"scheme from a variable skips the rules": {
			vals: map[string]tftypes.Value{"auth_scheme": str("[scheme]"), "oauth": oauth("OFF")},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tc.vals["project_id"], tc.vals["name"] = str("1001"), str("x")
			diags := validate(t, r, tc.vals)
			if diags.HasError() {
				t.Fatalf("unexpected errors: %v", diags)
			}
			var got []string
			for _, w := range diags.Warnings() {
				got = append(got, w.Detail())
			}
			if len(got) != len(tc.want) {
				t.Fatalf("warnings %q, want %d matching %q", got, len(tc.want), tc.want)
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("warning %q does not say %q", got[i], w)
				}
			}
		})
	}
}
