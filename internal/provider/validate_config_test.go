package provider

import (
	"context"
	"net"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
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

// objectValue is the schema object of r holding vals (every other
// attribute null), or a null object when vals is nil.
func objectValue(t *testing.T, r resource.Resource, vals map[string]tftypes.Value) (tftypes.Value, resource.SchemaResponse) {
	t.Helper()
	ctx := context.Background()
	var sr resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sr)
	if vals == nil {
		return tftypes.NewValue(sr.Schema.Type().TerraformType(ctx), nil), sr
	}
	return resourceConfig(t, r, vals).Raw, sr
}

// modifyPlan runs r's ModifyPlan for a plan from state (nil: create) to
// plan (nil: destroy); the configuration is the plan's values.
func modifyPlan(t *testing.T, r resource.ResourceWithModifyPlan, state, plan map[string]tftypes.Value) diag.Diagnostics {
	t.Helper()
	stateRaw, sr := objectValue(t, r, state)
	planRaw, _ := objectValue(t, r, plan)
	req := resource.ModifyPlanRequest{
		Config: tfsdk.Config{Schema: sr.Schema, Raw: planRaw},
		Plan:   tfsdk.Plan{Schema: sr.Schema, Raw: planRaw},
		State:  tfsdk.State{Schema: sr.Schema, Raw: stateRaw},
	}
	resp := resource.ModifyPlanResponse{Plan: req.Plan}
	r.ModifyPlan(context.Background(), req, &resp)
	return resp.Diagnostics
}

func str(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

func TestJamaConnectorModifyPlan_Warnings(t *testing.T) {
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
			if w := validate(t, &jamaConnectorResource{}, vals).Warnings(); len(w) > 0 {
				t.Fatalf("ValidateConfig warned (Terraform would print it twice per plan): %v", w)
			}
			diags := modifyPlan(t, &jamaConnectorResource{}, nil, vals)
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

func TestJamaUserModifyPlan_NonCreatorLicenseWarns(t *testing.T) {
	t.Parallel()
	cases := map[string]bool{"NAMED": false, "FLOATING": false, "STAKEHOLDER": true, "TEST_RUNNER": true, "FLOATING_REVIEWER": true}
	for license, wantWarning := range cases {
		t.Run(license, func(t *testing.T) {
			t.Parallel()
			diags := modifyPlan(t, &jamaUserResource{}, nil, map[string]tftypes.Value{
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

func TestJamaConnectorModifyPlan_AuthTypeChangeNeedsTheNewSecret(t *testing.T) {
	t.Parallel()
	basic := map[string]tftypes.Value{
		"id": str("7"), "name": str("x"), "url": str("https://acme.jamacloud.com"), "auth_type": str("basic"),
		"username": str("u"), "password": str("p"),
	}
	oauth := func(extra map[string]tftypes.Value) map[string]tftypes.Value {
		vals := map[string]tftypes.Value{
			"id": str("7"), "name": str("x"), "url": str("https://acme.jamacloud.com"), "auth_type": str("oauth"), "client_id": str("c"),
		}
		for k, v := range extra {
			vals[k] = v
		}
		return vals
	}
	cases := map[string]struct {
		state, plan map[string]tftypes.Value
		wantError   bool
	}{
		"basic to oauth without a secret fails":           {basic, oauth(nil), true},
		"basic to oauth with client_secret plans":         {basic, oauth(map[string]tftypes.Value{"client_secret": str("s")}), false},
		"basic to oauth with client_secret_wo plans":      {basic, oauth(map[string]tftypes.Value{"client_secret_wo": str("s"), "client_secret_wo_version": tftypes.NewValue(tftypes.Number, 1)}), false},
		"oauth kept without a secret keeps Interchange's": {oauth(nil), oauth(nil), false},
		"create oauth without a secret fails":             {nil, oauth(nil), true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			diags := modifyPlan(t, &jamaConnectorResource{}, tc.state, tc.plan)
			if diags.HasError() != tc.wantError {
				t.Fatalf("errors %v, want error %t", diags.Errors(), tc.wantError)
			}
			if tc.wantError {
				if len(diags.Errors()) != 1 {
					t.Fatalf("want one error, got %v", diags.Errors())
				}
				d, ok := diags.Errors()[0].(diag.DiagnosticWithPath)
				if !ok || !d.Path().Equal(path.Root("client_secret")) {
					t.Errorf("error not attached to client_secret: %v", diags.Errors()[0])
				}
			}
		})
	}
}

func TestJamaUserModifyPlan_DestroyWarnsOfDeactivation(t *testing.T) {
	t.Parallel()
	state := map[string]tftypes.Value{
		"id": str("5"), "username": str("svc"), "email": str("svc@example.com"), "first_name": str("S"), "last_name": str("V"),
		"license_type": str("NAMED"), "active": tftypes.NewValue(tftypes.Bool, true),
	}
	diags := modifyPlan(t, &jamaUserResource{}, state, nil)
	if diags.HasError() || len(diags.Warnings()) != 1 {
		t.Fatalf("want one warning, got %v", diags)
	}
	if w := diags.Warnings()[0]; w.Summary() != "Destroy Deactivates the Jama User" || !strings.Contains(w.Detail(), `"svc"`) {
		t.Errorf("warning does not say the user is deactivated: %s: %s", w.Summary(), w.Detail())
	}
	if diags := modifyPlan(t, &jamaUserResource{}, state, state); len(diags) != 0 {
		t.Errorf("an unchanged user warned: %v", diags)
	}
}

func TestJamaConnectorModifyPlan_ClearTextURLWarns(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]bool{
		"http://jama.example.com":    true,
		"https://jama.example.com":   false,
		"http://127.0.0.1:8080/jama": false,
		"http://localhost/jama":      false,
	} {
		diags := modifyPlan(t, &jamaConnectorResource{}, nil, map[string]tftypes.Value{
			"name": str("x"), "url": str(raw), "auth_type": str("basic"), "username": str("u"), "password": str("p"),
			"verify_ssl": tftypes.NewValue(tftypes.Bool, true),
		})
		got := false
		for _, w := range diags.Warnings() {
			got = got || w.Summary() == "Credentials Sent in Clear Text"
		}
		if got != want {
			t.Errorf("url %s: clear-text warning %t, want %t (%v)", raw, got, want, diags)
		}
	}
}

// TestDiagnosticsNeverPrintURLSecrets holds a secret, as a sensitive
// variable would, in every URL and name check: no diagnostic may print it.
func TestDiagnosticsNeverPrintURLSecrets(t *testing.T) {
	t.Parallel()
	const secret = "Hunter2-s3cret"
	ctx := context.Background()
	check := func(name string, diags diag.Diagnostics, wantDiag bool) {
		t.Helper()
		if wantDiag && len(diags) == 0 {
			t.Errorf("%s: no diagnostic", name)
		}
		for _, d := range diags {
			if strings.Contains(d.Summary()+d.Detail(), secret) || strings.Contains(d.Detail(), "svc:") {
				t.Errorf("%s: diagnostic prints the secret or URL userinfo: %s: %s", name, d.Summary(), d.Detail())
			}
		}
	}
	urlCheck := func(raw string) diag.Diagnostics {
		var resp validator.StringResponse
		urlValidator{}.ValidateString(ctx, validator.StringRequest{Path: path.Root("url"), ConfigValue: types.StringValue(raw)}, &resp)
		return resp.Diagnostics
	}
	check("userinfo", urlCheck("https://svc:"+secret+"@jama.example.com"), true)
	check("unparsable", urlCheck("https://svc:"+secret+"%zz@jama.example.com"), true)
	check("no scheme", urlCheck("svc:"+secret+"@jama.example.com"), true)

	var nameResp validator.StringResponse
	noSurroundingSpace{}.ValidateString(ctx, validator.StringRequest{Path: path.Root("name"), ConfigValue: types.StringValue(" " + secret)}, &nameResp)
	check("name", nameResp.Diagnostics, true)

	for _, raw := range []string{"https://svc:" + secret + "@jama.example.com", "http://svc:" + secret + "@jama.example.com", "jama:" + secret} {
		block := types.ObjectValueMust(map[string]attr.Type{"url": types.StringType}, map[string]attr.Value{"url": types.StringValue(raw)})
		check("provider block "+raw, endpoints().jama.configErrors(block), true)
		var warnings diag.Diagnostics
		warnCleartextURL(&warnings, path.Root("jama").AtName("url"), raw, "the Jama credentials")
		check("clear-text warning", warnings, false)
	}
}

func TestJamaBaseURL(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]string{
		"https://acme.jamacloud.com":          "https://acme.jamacloud.com",
		"https://acme.jamacloud.com/":         "https://acme.jamacloud.com",
		"https://acme.jamacloud.com/rest/v1":  "https://acme.jamacloud.com",
		"https://acme.jamacloud.com/rest/v1/": "https://acme.jamacloud.com",
		"http://127.0.0.1:8080/jama/rest/v1":  "http://127.0.0.1:8080/jama",
		"https://acme.jamacloud.com/rest/v1x": "https://acme.jamacloud.com/rest/v1x",
	} {
		if got := jamaBaseURL(raw); got != want {
			t.Errorf("jamaBaseURL(%q) = %q, want %q", raw, got, want)
		}
	}
}

// TestEndpointResolve_ConfigWinsOverOtherModeEnv sets environment
// variables, so it does not run in parallel.
func TestEndpointResolve_ConfigWinsOverOtherModeEnv(t *testing.T) {
	spec := endpoints().interchange
	blockType := map[string]attr.Type{}
	for _, f := range spec.fields() {
		blockType[f.attr] = types.StringType
	}
	block := func(vals map[string]string) types.Object {
		attrs := map[string]attr.Value{}
		for name := range blockType {
			attrs[name] = types.StringNull()
			if v, ok := vals[name]; ok {
				attrs[name] = types.StringValue(v)
			}
		}
		return types.ObjectValueMust(blockType, attrs)
	}
	cases := map[string]struct {
		env        map[string]string
		block      map[string]string
		wantErrors bool
		want       map[string]string
	}{
		"basic in config hides oauth variables": {
			env:   map[string]string{"INTERCHANGE_CLIENT_ID": "env-client", "INTERCHANGE_CLIENT_SECRET": "env-secret"},
			block: map[string]string{"url": "https://ic.example.com", "username": "admin", "password": "pw"},
			want:  map[string]string{"username": "admin", "password": "pw", "client_id": "", "client_secret": ""},
		},
		"oauth in config hides basic variables": {
			env:   map[string]string{"INTERCHANGE_USERNAME": "env-user", "INTERCHANGE_PASSWORD": "env-pw"},
			block: map[string]string{"url": "https://ic.example.com", "client_id": "c", "client_secret": "s"},
			want:  map[string]string{"username": "", "password": "", "client_id": "c", "client_secret": "s"},
		},
		"a half pair in config is completed from its own variable": {
			env:   map[string]string{"INTERCHANGE_PASSWORD": "env-pw", "INTERCHANGE_CLIENT_SECRET": "env-secret"},
			block: map[string]string{"url": "https://ic.example.com", "username": "admin"},
			want:  map[string]string{"username": "admin", "password": "env-pw", "client_secret": ""},
		},
		"both modes only in the environment still conflict": {
			env: map[string]string{
				"INTERCHANGE_URL": "https://ic.example.com", "INTERCHANGE_USERNAME": "u", "INTERCHANGE_PASSWORD": "p",
				"INTERCHANGE_CLIENT_ID": "c", "INTERCHANGE_CLIENT_SECRET": "s",
			},
			wantErrors: true,
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			for _, f := range spec.fields() {
				t.Setenv(f.env, tc.env[f.env])
			}
			b := types.ObjectNull(blockType)
			if tc.block != nil {
				b = block(tc.block)
			}
			cfg := spec.resolve(b)
			diags := spec.validate(cfg)
			if diags.HasError() != tc.wantErrors {
				t.Fatalf("errors %v, want errors %t", diags, tc.wantErrors)
			}
			for attr, want := range tc.want {
				if got := cfg.get(attr); got != want {
					t.Errorf("%s = %q, want %q", attr, got, want)
				}
			}
		})
	}
}

// timeoutError is a network error that timed out, as a dial or read
// deadline gives.
type timeoutError struct{}

func (timeoutError) Error() string   { return "i/o timeout" }
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }

func TestAddAPIErrorFor(t *testing.T) {
	t.Parallel()
	apiErr := func(status int, msg string) error {
		return &api.Error{Product: "Interchange", Operation: "update connector", Method: "PUT", Path: "/almsync/interchange-connectors/v1/connectors/7", StatusCode: status, Message: msg}
	}
	refused := &transport.RequestError{Product: "Jama", Method: "GET", URL: "https://jama.example.com/rest/v1/users", Attempts: 3, Exhausted: true,
		Err: &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}}
	timedOut := &transport.RequestError{Product: "Jama", Method: "GET", URL: "https://jama.example.com/rest/v1/users", Attempts: 1, Err: timeoutError{}}
	cases := map[string]struct {
		err         error
		wantPath    path.Path
		wantDetail  []string
		avoidDetail []string
	}{
		"a field named by the product is the attribute": {
			err:         apiErr(400, "clientSecret is required when authType changes to oauth"),
			wantPath:    path.Root("client_secret"),
			wantDetail:  []string{"`client_secret` (API field `clientSecret`)", "`auth_type` (API field `authType`)", "correct it"},
			avoidDetail: []string{" clientSecret is"},
		},
		"a conflict gives the exact import block": {
			err:        apiErr(409, `name "Prod" is already used by connector 3 ("Prod")`),
			wantPath:   path.Root("name"),
			wantDetail: []string{"import {\n  to = almsync_jama_connector.<name>\n  id = \"name=Prod\"\n}", "choose another `name`"},
		},
		"connection refused says check url": {
			err:         refused,
			wantPath:    path.Empty(),
			wantDetail:  []string{"Check the product's `url`"},
			avoidDetail: []string{"request_timeout"},
		},
		"a timeout says raise request_timeout": {
			err:        timedOut,
			wantPath:   path.Empty(),
			wantDetail: []string{"`request_timeout`", "`url`"},
		},
		"forbidden does not assume a wrong account": {
			err:         apiErr(403, "not allowed"),
			wantPath:    path.Empty(),
			wantDetail:  []string{"parent ids"},
			avoidDetail: []string{"use an administrator account"},
		},
	}
	ctx := apiErrorContext{fields: connectorAPIFields, resourceType: "almsync_jama_connector", importID: "name=Prod", conflictFix: "choose another `name`"}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var diags diag.Diagnostics
			addAPIErrorFor(&diags, "Unable to Update Jama Connector", tc.err, ctx)
			if len(diags) != 1 {
				t.Fatalf("want one diagnostic, got %v", diags)
			}
			d := diags[0]
			got := path.Empty()
			if dp, ok := d.(diag.DiagnosticWithPath); ok {
				got = dp.Path()
			}
			if !got.Equal(tc.wantPath) {
				t.Errorf("attached to %q, want %q", got, tc.wantPath)
			}
			for _, want := range tc.wantDetail {
				if !strings.Contains(d.Detail(), want) {
					t.Errorf("detail lacks %q:\n%s", want, d.Detail())
				}
			}
			for _, avoid := range tc.avoidDetail {
				if strings.Contains(d.Detail(), avoid) {
					t.Errorf("detail has %q:\n%s", avoid, d.Detail())
				}
			}
		})
	}
}

func TestKeyParsers_EveryIDShape(t *testing.T) {
	t.Parallel()
	if k, err := numericKey("42"); err != nil || k != 42 {
		t.Errorf("numericKey(42) = %d, %v", k, err)
	}
	if k, err := stringKey("a1b2-c3"); err != nil || k != "a1b2-c3" {
		t.Errorf("stringKey = %q, %v", k, err)
	}
	if k, err := parseChildKey("3/17"); err != nil || k != (childKey{parent: 3, id: 17}) || k.String() != "3/17" {
		t.Errorf("parseChildKey(3/17) = %+v, %v", k, err)
	}
	for _, bad := range []string{"", "0", "-1", "x"} {
		if _, err := numericKey(bad); err == nil {
			t.Errorf("numericKey(%q) accepted", bad)
		}
	}
	for _, bad := range []string{"", " a", "a "} {
		if _, err := stringKey(bad); err == nil {
			t.Errorf("stringKey(%q) accepted", bad)
		}
	}
	for _, bad := range []string{"3", "3/", "/17", "3/x", "0/1", "3/17/1"} {
		if _, err := parseChildKey(bad); err == nil {
			t.Errorf("parseChildKey(%q) accepted", bad)
		}
	}
}

// TestReadDeleteImport_CompositeAndStringIDs drives the shared read,
// delete and import helpers with a composite and a string id, as the
// child-object and Jitterbit resources use them.
func TestReadDeleteImport_CompositeAndStringIDs(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	notFound := &api.Error{Product: "aqua", Operation: "read mapping", StatusCode: 404}

	var diags diag.Diagnostics
	var asked childKey
	_, ok, gone := getByKey(ctx, types.StringValue("3/17"), &diags, "Unable to Read", parseChildKey, func(_ context.Context, k childKey) (string, error) {
		asked = k
		return "", notFound
	})
	if ok || !gone || diags.HasError() || asked != (childKey{3, 17}) {
		t.Errorf("getByKey on a 404: ok %t gone %t diags %v asked %+v", ok, gone, diags, asked)
	}

	raw, sr := objectValue(t, &jamaConnectorResource{}, map[string]tftypes.Value{"id": str("conn-9f")})
	var deleted string
	diags = nil
	deleteByKey(ctx, tfsdk.State{Schema: sr.Schema, Raw: raw}, &diags, "Unable to Delete", stringKey, func(_ context.Context, k string) error {
		deleted = k
		return notFound
	})
	if diags.HasError() || deleted != "conn-9f" {
		t.Errorf("deleteByKey: deleted %q, diags %v (a 404 is success)", deleted, diags)
	}

	lookup := func(_ context.Context, raw string) (childKey, error) {
		parent, field, ok := strings.Cut(raw, "/field=")
		if !ok {
			return childKey{}, importProblem{"Invalid Import Identifier", "write `<sync_id>/<mapping_id>` or `<sync_id>/field=<field>`"}
		}
		if parent != "3" || field != "resolution" {
			return childKey{}, importProblem{"Mapping Not Found", "no such mapping"}
		}
		return childKey{3, 21}, nil
	}
	for id, want := range map[string]string{"3/17": "3/17", "3/field=resolution": "3/21", "3/field=priority": "", "oops": ""} {
		null, _ := objectValue(t, &jamaConnectorResource{}, nil)
		resp := resource.ImportStateResponse{State: tfsdk.State{Schema: sr.Schema, Raw: null}}
		importByKey(ctx, resource.ImportStateRequest{ID: id}, &resp, "Mapping", "3/field=resolution", parseChildKey, childKey.String, lookup)
		var got types.String
		resp.State.GetAttribute(ctx, path.Root("id"), &got)
		if got.ValueString() != want || resp.Diagnostics.HasError() != (want == "") {
			t.Errorf("import %q: id %q, diags %v; want id %q", id, got.ValueString(), resp.Diagnostics, want)
		}
	}
}
