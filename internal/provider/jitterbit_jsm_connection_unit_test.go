package provider

import (
	"context"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
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

// jsmModifyPlan runs the resource's ModifyPlan for a configuration (taken
// as the plan too) and, unless state is nil, an existing connection.
func jsmModifyPlan(t *testing.T, config, state map[string]tftypes.Value) diag.Diagnostics {
	t.Helper()
	r := &jsmConnectionResource{}
	cfg := resourceConfig(t, r, config)
	st := tfsdk.State{Schema: cfg.Schema, Raw: tftypes.NewValue(cfg.Raw.Type(), nil)}
	if state != nil {
		st.Raw = resourceConfig(t, r, state).Raw
	}
	plan := tfsdk.Plan(cfg)
	resp := resource.ModifyPlanResponse{Plan: plan}
	r.ModifyPlan(context.Background(), resource.ModifyPlanRequest{Config: cfg, Plan: plan, State: st}, &resp)
	return resp.Diagnostics
}

func TestJSMConnectionModifyPlan_Warnings(t *testing.T) {
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
		"Basic with both password and api_token": {
			vals: map[string]tftypes.Value{"auth_scheme": str("Basic"), "user": str("u"), "api_token": str("t"), "password": str("p")},
			want: []string{"both `password` and `api_token` are set"},
		},
		"Auto with no credentials": {
			vals: map[string]tftypes.Value{"url": str("https://acme.atlassian.net")},
			want: []string{"the connection has none"},
		},
		"Auto with credentials is quiet": {
			vals: map[string]tftypes.Value{"user": str("u"), "api_token": str("t")},
		},
		"Basic over http:// warns without printing the URL": {
			vals: map[string]tftypes.Value{"auth_scheme": str("Basic"), "url": str("http://svc:hunter2@jira.example.com"), "user": str("u"), "api_token": str("t")},
			want: []string{"`url` uses `http://`, so the connection's password, API token or OAuth token travel unencrypted"},
		},
		"Basic over http:// to the local machine is quiet": {
			vals: map[string]tftypes.Value{"auth_scheme": str("Basic"), "url": str("http://127.0.0.1:8080"), "user": str("u"), "api_token": str("t")},
		},
		"Crowd over http:// warns for each URL": {
			vals: map[string]tftypes.Value{
				"auth_scheme": str("Crowd"), "url": str("https://jira.example.com"), "user": str("u"), "password": str("p"),
				"sso": blockValue(t, r, "sso", map[string]tftypes.Value{
					"login_url": str("http://crowd.example.com/login"), "exchange_url": str("http://crowd.example.com/x"),
					"app_name": str("jira"), "app_password": str("ap"),
				}),
			},
			want: []string{"`sso.login_url` uses `http://`", "`sso.exchange_url` uses `http://`"},
		},
		"scheme from a variable skips the rules": {
			vals: map[string]tftypes.Value{"auth_scheme": str("[scheme]"), "oauth": oauth("OFF")},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tc.vals["environment_id"], tc.vals["project_guid"], tc.vals["name"] = str("201"), str("9a87b6c5-a1b2-34c5-6d7e-123456a7b001"), str("x")
			// Warnings come from the plan walk only: ValidateConfig, which
			// Terraform calls in both walks, has none.
			if w := validate(t, r, tc.vals).Warnings(); len(w) != 0 {
				t.Errorf("ValidateConfig warned: %v", w)
			}
			diags := jsmModifyPlan(t, tc.vals, nil)
			if diags.HasError() {
				t.Fatalf("unexpected errors: %v", diags)
			}
			var got []string
			for _, w := range diags.Warnings() {
				if strings.Contains(w.Detail(), "hunter2") {
					t.Errorf("warning prints the URL's userinfo: %q", w.Detail())
				}
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

// jsmErrorPaths lists the attribute paths of the errors in diags.
func jsmErrorPaths(diags diag.Diagnostics) []string {
	var out []string
	for _, d := range diags.Errors() {
		if wp, ok := d.(diag.DiagnosticWithPath); ok {
			out = append(out, wp.Path().String())
		} else {
			out = append(out, "<no path>")
		}
	}
	slices.Sort(out)
	return out
}

func TestJSMConnectionModifyPlan_Errors(t *testing.T) {
	t.Parallel()
	r := &jsmConnectionResource{}
	sso := func(vals map[string]tftypes.Value) tftypes.Value { return blockValue(t, r, "sso", vals) }
	basicState := map[string]tftypes.Value{"id": str("c1"), "auth_scheme": str("Basic"), "user": str("u")}
	crowd := map[string]tftypes.Value{"auth_scheme": str("Crowd"), "user": str("u"),
		"sso": sso(map[string]tftypes.Value{"login_url": str("https://sso.example.com"), "app_name": str("jsm")})}
	cases := map[string]struct {
		config, state map[string]tftypes.Value
		want          []string
	}{
		"Crowd reports every missing field and secret in one round": {
			config: map[string]tftypes.Value{"auth_scheme": str("Crowd"), "sso": sso(nil)},
			want:   []string{"password", "sso.app_name", "sso.app_password", "sso.login_url", "user"},
		},
		"Basic to Crowd on an existing connection needs the Crowd secrets": {
			config: crowd, state: basicState,
			want: []string{"password", "sso.app_password"},
		},
		"Basic to Crowd with its secrets passes": {
			config: jsmWith(crowd, map[string]tftypes.Value{"password_wo": str("p"), "password_wo_version": jsmNum(1),
				"sso": sso(map[string]tftypes.Value{"login_url": str("https://sso.example.com"), "app_name": str("jsm"), "app_password": str("a")})}),
			state: basicState,
		},
		"another project replaces the connection, which needs its secrets": {
			config: map[string]tftypes.Value{"auth_scheme": str("Basic"), "user": str("u"), "project_guid": str("9a87b6c5-a1b2-34c5-6d7e-123456a7b002")}, state: basicState,
			want: []string{"password"},
		},
		"another environment replaces the connection, which needs its secrets": {
			config: map[string]tftypes.Value{"auth_scheme": str("Basic"), "user": str("u"), "environment_id": str("202")}, state: basicState,
			want: []string{"password"},
		},
		"an existing connection keeps its secrets while the scheme stays": {
			config: map[string]tftypes.Value{"auth_scheme": str("Basic"), "user": str("u")}, state: basicState,
		},
		"Crowd never uses an API token": {
			config: jsmWith(crowd, map[string]tftypes.Value{"api_token": str("t")}), state: jsmWith(basicState, map[string]tftypes.Value{"auth_scheme": str("Crowd")}),
			want: []string{"api_token"},
		},
		"an empty user counts as unset": {
			config: map[string]tftypes.Value{"auth_scheme": str("Basic"), "user": str(""), "api_token": str("t")},
			want:   []string{"user"},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tc.config = jsmWith(map[string]tftypes.Value{"environment_id": str("201"), "project_guid": str("9a87b6c5-a1b2-34c5-6d7e-123456a7b001"), "name": str("x")}, tc.config)
			if tc.state != nil {
				tc.state = jsmWith(tc.state, map[string]tftypes.Value{"environment_id": str("201"), "project_guid": str("9a87b6c5-a1b2-34c5-6d7e-123456a7b001"), "name": str("x")})
			}
			if got := jsmErrorPaths(jsmModifyPlan(t, tc.config, tc.state)); !slices.Equal(got, tc.want) {
				t.Errorf("errors at %q, want %q", got, tc.want)
			}
		})
	}
}

// jsmWith returns a copy of base with extra set.
func jsmWith(base, extra map[string]tftypes.Value) map[string]tftypes.Value {
	out := maps.Clone(base)
	maps.Copy(out, extra)
	return out
}

func jsmNum(n int64) tftypes.Value { return tftypes.NewValue(tftypes.Number, n) }

func TestJitterbitValidators_OneErrorNoValueEchoed(t *testing.T) {
	t.Parallel()
	const secret = "Zq9xKw"
	cases := map[string]struct {
		v     validator.String
		value string
		want  string // "" means valid
	}{
		"wrong case gets the right spelling": {jitterbitOneOf{values: jitterbit.AuthSchemes()}, "basic", "must be written `Basic`"},
		"unknown value lists the values":     {jitterbitOneOf{values: jitterbit.AuthSchemes()}, secret, "must be one of `Auto`"},
		"empty enum means unset":             {jitterbitOneOf{values: jitterbit.AuthSchemes()}, "", ""},
		"URL with userinfo":                  {jitterbitURL{}, "http://svc:" + secret + "@host", "must not carry credentials"},
		"URL that is not absolute":           {jitterbitURL{}, "svc:" + secret, "absolute"},
		"empty URL means unset":              {jitterbitURL{}, "", ""},
		"variable reference":                 {jitterbitURL{}, "[jsm_url]", ""},
		"name with a colon":                  {jitterbitName{}, "jsm:" + secret, "contains `:`"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			resp := validator.StringResponse{}
			tc.v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("auth_scheme"), ConfigValue: types.StringValue(tc.value)}, &resp)
			errs := resp.Diagnostics.Errors()
			if tc.want == "" {
				if len(errs) != 0 {
					t.Fatalf("unexpected errors: %v", errs)
				}
				return
			}
			if len(errs) != 1 {
				t.Fatalf("%d errors, want one: %v", len(errs), errs)
			}
			if !strings.Contains(errs[0].Detail(), tc.want) {
				t.Errorf("error %q does not say %q", errs[0].Detail(), tc.want)
			}
			if strings.Contains(errs[0].Summary()+errs[0].Detail(), secret) {
				t.Errorf("error prints the value: %q", errs[0].Detail())
			}
		})
	}
}

func TestJSMConnectionValidateConfig_WrongCaseSchemeDoesNotCascade(t *testing.T) {
	t.Parallel()
	r := &jsmConnectionResource{}
	diags := validate(t, r, map[string]tftypes.Value{
		"environment_id": str("201"), "project_guid": str("9a87b6c5-a1b2-34c5-6d7e-123456a7b001"), "name": str("x"), "auth_scheme": str("basic"),
		"sso": blockValue(t, r, "sso", map[string]tftypes.Value{"login_url": str("https://sso.example.com")}),
	})
	if diags.HasError() {
		t.Errorf("ValidateConfig adds errors for a scheme the attribute's validator already rejects: %v", diags)
	}
}

func TestAddJSMAPIError(t *testing.T) {
	t.Parallel()
	m := jsmConnectionModel{EnvironmentID: types.StringValue("201"), ProjectGUID: types.StringValue("9a87b6c5-a1b2-34c5-6d7e-123456a7b001"), Name: types.StringValue("JSM Prod")}
	apiErr := func(status int, msg string) error {
		return &api.Error{Product: "Jitterbit", Operation: "create JSM connection", Method: http.MethodPost,
			Path: "/almsync/jitterbit-jsm-connections/v1/connections", StatusCode: status, Message: msg}
	}
	cases := map[string]struct {
		err     error
		at      string
		want    []string
		wantNot []string
	}{
		"API field names become attributes": {
			err:     apiErr(http.StatusBadRequest, "sso.appPassword is required when authScheme is Crowd"),
			at:      "sso.app_password",
			want:    []string{"`sso.app_password` is required when `auth_scheme` is Crowd"},
			wantNot: []string{"appPassword", "authScheme"},
		},
		"a conflict gives the import block": {
			err:  apiErr(http.StatusConflict, `name "JSM Prod" is already used in project 9a87b6c5-a1b2-34c5-6d7e-123456a7b001 by JSM connection 7 ("JSM Prod")`),
			at:   "name",
			want: []string{"import {\n  to = almsync_jitterbit_jsm_connection.NAME\n  id = \"201/9a87b6c5-a1b2-34c5-6d7e-123456a7b001/name=JSM Prod\"\n}"},
		},
		"another organization points at organization_id": {
			err:     apiErr(http.StatusForbidden, `the user is not a member of organization "999"; it belongs to organization 100`),
			want:    []string{"`organization_id`", "JITTERBIT_ORGANIZATION_ID"},
			wantNot: []string{"administrator"},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var diags diag.Diagnostics
			addJSMAPIError(&diags, "Unable to Create Jitterbit JSM Connection", tc.err, m)
			if len(diags) != 1 {
				t.Fatalf("%d diagnostics, want one: %v", len(diags), diags)
			}
			d := diags[0]
			got := ""
			if wp, ok := d.(diag.DiagnosticWithPath); ok {
				got = wp.Path().String()
			}
			if got != tc.at {
				t.Errorf("attached to %q, want %q", got, tc.at)
			}
			for _, w := range tc.want {
				if !strings.Contains(d.Detail(), w) {
					t.Errorf("detail %q does not say %q", d.Detail(), w)
				}
			}
			for _, w := range tc.wantNot {
				if strings.Contains(d.Detail(), w) {
					t.Errorf("detail %q says %q", d.Detail(), w)
				}
			}
		})
	}
}
