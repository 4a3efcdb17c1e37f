package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// resourceConfig builds a resource configuration from the given attribute
// values; every other attribute is null.
func resourceConfig(t *testing.T, r resource.Resource, vals map[string]tftypes.Value) tfsdk.Config {
	t.Helper()
	ctx := context.Background()
	var sr resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sr)
	typ, ok := sr.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatal("schema type is not an object")
	}
	attrs := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		if v, ok := vals[name]; ok {
			attrs[name] = v
		} else {
			attrs[name] = tftypes.NewValue(at, nil)
		}
	}
	return tfsdk.Config{Schema: sr.Schema, Raw: tftypes.NewValue(typ, attrs)}
}

func validate(t *testing.T, r resource.ResourceWithValidateConfig, vals map[string]tftypes.Value) diag.Diagnostics {
	t.Helper()
	var resp resource.ValidateConfigResponse
	r.ValidateConfig(context.Background(), resource.ValidateConfigRequest{Config: resourceConfig(t, r, vals)}, &resp)
	return resp.Diagnostics
}

func str(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

func TestJamaConnectorValidateConfig_Warnings(t *testing.T) {
	t.Parallel()
	base := map[string]tftypes.Value{
		"name": str("x"), "url": str("https://acme.jamacloud.com"), "auth_type": str("basic"),
		"username": str("u"), "password": str("p"),
	}
	cases := map[string]struct {
		verifySSL   tftypes.Value
		wantWarning bool
	}{
		"verify_ssl false warns with the seed's advice": {tftypes.NewValue(tftypes.Bool, false), true},
		"verify_ssl true is quiet":                      {tftypes.NewValue(tftypes.Bool, true), false},
		"verify_ssl unset is quiet":                     {tftypes.NewValue(tftypes.Bool, nil), false},
		"verify_ssl unknown is quiet":                   {tftypes.NewValue(tftypes.Bool, tftypes.UnknownValue), false},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			vals := map[string]tftypes.Value{"verify_ssl": tc.verifySSL}
			for k, v := range base {
				vals[k] = v
			}
			diags := validate(t, &jamaConnectorResource{}, vals)
			if diags.HasError() {
				t.Fatalf("unexpected errors: %v", diags)
			}
			warnings := diags.Warnings()
			if got := len(warnings) > 0; got != tc.wantWarning {
				t.Fatalf("warnings %v, want warning %t", warnings, tc.wantWarning)
			}
			if tc.wantWarning && !strings.Contains(warnings[0].Detail(), "unless Jama Software Support instructed you to deselect it") {
				t.Errorf("warning does not quote the seed's advice: %q", warnings[0].Detail())
			}
		})
	}
}

func TestJamaConnectorValidateConfig_UnknownAuthTypeIsNotRejected(t *testing.T) {
	t.Parallel()
	diags := validate(t, &jamaConnectorResource{}, map[string]tftypes.Value{
		"name": str("x"), "url": str("https://acme.jamacloud.com"),
		"auth_type": tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
		"username":  str("u"),
	})
	if diags.HasError() {
		t.Fatalf("a value known only at apply was rejected early: %v", diags)
	}
}

func TestJamaUserValidateConfig_NonCreatorLicenseWarns(t *testing.T) {
	t.Parallel()
	cases := map[string]bool{"NAMED": false, "FLOATING": false, "STAKEHOLDER": true, "TEST_RUNNER": true, "FLOATING_REVIEWER": true}
	for license, wantWarning := range cases {
		t.Run(license, func(t *testing.T) {
			t.Parallel()
			diags := validate(t, &jamaUserResource{}, map[string]tftypes.Value{
				"username": str("svc"), "email": str("svc@example.com"), "first_name": str("S"), "last_name": str("V"),
				"license_type": str(license), "password": str("p"),
			})
			if diags.HasError() {
				t.Fatalf("unexpected errors: %v", diags)
			}
			if got := len(diags.Warnings()) > 0; got != wantWarning {
				t.Fatalf("license %s: warnings %v, want warning %t", license, diags.Warnings(), wantWarning)
			}
			if wantWarning && !strings.Contains(diags.Warnings()[0].Detail(), "Creator license type") {
				t.Errorf("warning does not quote the requirement: %q", diags.Warnings()[0].Detail())
			}
		})
	}
}

func TestParseImportID(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		raw     string
		want    importID
		wantErr bool
	}{
		"numeric id":      {raw: "42", want: importID{id: 42}},
		"name":            {raw: "name=Production Jama", want: importID{key: "name", value: "Production Jama"}},
		"name with equal": {raw: "name=a=b", want: importID{key: "name", value: "a=b"}},
		"zero":            {raw: "0", wantErr: true},
		"empty name":      {raw: "name=", wantErr: true},
		"unknown key":     {raw: "title=x", wantErr: true},
		"garbage":         {raw: "abc", wantErr: true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := parseImportID(tc.raw, "name")
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %t", err, tc.wantErr)
			}
			if err == nil && got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
			if err != nil && !strings.Contains(err.Error(), "name=<name>") {
				t.Errorf("error does not show the accepted forms: %v", err)
			}
		})
	}
}

func TestCheckBaseURL(t *testing.T) {
	t.Parallel()
	for raw, ok := range map[string]bool{
		"https://acme.jamacloud.com":         true,
		"http://127.0.0.1:8080/jama":         true,
		"acme.jamacloud.com":                 false,
		"ftp://acme.jamacloud.com":           false,
		"https://user:pw@acme.jamacloud.com": false,
		"https://":                           false,
	} {
		if got := checkBaseURL(raw) == ""; got != ok {
			t.Errorf("checkBaseURL(%q) ok = %t, want %t", raw, got, ok)
		}
	}
}
