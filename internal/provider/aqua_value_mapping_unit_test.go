package provider

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/sandboxtest"
)

// TestAquaValueMapping_WarnsAboutUnmappedResolutions reads the resolutions
// of the sandbox's Jira through aqua, as an apply does.
func TestAquaValueMapping_WarnsAboutUnmappedResolutions(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.Start(t)
	tc, err := transport.New(transport.Config{Product: "aqua", RetryWaitMin: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	client, err := aqua.New(sb.ProductURL("aqua"), aqua.Credentials{Username: "admin", Password: "sandbox"}, tc)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	newSync := func(name, token string) int64 {
		def, err := client.CreateSyncDefinition(ctx, aqua.SyncDefinition{
			Name: name, AquaProjectID: 2, JiraURL: sb.ProductURL("jira"), JiraProjectKey: "SYNC",
			ConfigurationUser: aqua.JiraAccount{Email: "sync@example.com", APIToken: token},
		})
		if err != nil {
			t.Fatal(err)
		}
		return def.ID
	}
	r := &aquaValueMappingResource{client: client}
	cases := map[string]struct {
		token  string
		values map[string]string
		want   string
	}{
		"every resolution mapped": {token: "sandbox-token", values: map[string]string{
			"Fixed": "a", "Won't Fix": "a", "Duplicate": "a", "Incomplete": "a", "Cannot Reproduce": "a", "Done": "a",
		}},
		"three left unmapped": {token: "sandbox-token", values: map[string]string{"Fixed": "a", "Won't Fix": "a", "Duplicate": "a"},
			want: "`Cannot Reproduce`, `Done`, `Incomplete`"},
		"jira refuses the user": {token: "wrong", values: map[string]string{"Fixed": "a"}, want: "was not checked"},
	}
	for name, tc := range cases {
		var diags diag.Diagnostics
		syncID := newSync(name, tc.token)
		r.warnUnmapped(ctx, syncID, aqua.ValueMapping{Field: "resolution", Values: tc.values, NullValue: "Unresolved"}, &diags)
		if diags.HasError() {
			t.Fatalf("%s: errors %v", name, diags)
		}
		var got string
		for _, w := range diags.Warnings() {
			got += w.Detail()
		}
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%s: warning %q, want one containing %q", name, got, tc.want)
		}
	}
}

// modifyPlanDiags runs r's ModifyPlan for a new object whose configuration
// (taken as the plan too) holds vals.
func modifyPlanDiags(t *testing.T, r resource.ResourceWithModifyPlan, vals map[string]tftypes.Value) diag.Diagnostics {
	t.Helper()
	cfg := resourceConfig(t, r, vals)
	plan := tfsdk.Plan(cfg)
	resp := resource.ModifyPlanResponse{Plan: plan}
	r.ModifyPlan(context.Background(), resource.ModifyPlanRequest{
		Config: cfg, Plan: plan, State: tfsdk.State{Schema: cfg.Schema, Raw: tftypes.NewValue(cfg.Raw.Type(), nil)},
	}, &resp)
	return resp.Diagnostics
}

func TestAquaFieldMappingModifyPlan_ReadOnlyFalseWarns(t *testing.T) {
	t.Parallel()
	for readOnly, want := range map[bool]bool{true: false, false: true} {
		diags := modifyPlanDiags(t, &aquaFieldMappingResource{}, map[string]tftypes.Value{"read_only": tftypes.NewValue(tftypes.Bool, readOnly)})
		if got := len(diags.Warnings()) == 1 && strings.Contains(diags.Warnings()[0].Detail(), "never edit these fields manually"); got != want {
			t.Errorf("read_only = %t: warnings %v", readOnly, diags.Warnings())
		}
	}
}

func TestAquaValueMappingValidateConfigAndModifyPlan(t *testing.T) {
	t.Parallel()
	values := tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, map[string]tftypes.Value{"Fixed": str("Fixed")})
	cases := map[string]struct {
		field, null        tftypes.Value
		wantErr, wantWarns bool
	}{
		"resolution without null value":   {field: str("resolution"), null: tftypes.NewValue(tftypes.String, nil), wantErr: true},
		"resolution with Unresolved":      {field: str("RESOLUTION"), null: str("Unresolved")},
		"resolution with another value":   {field: str("resolution"), null: str("Open"), wantWarns: true},
		"priority needs no null value":    {field: str("priority"), null: tftypes.NewValue(tftypes.String, nil)},
		"unknown field is not judged yet": {field: tftypes.NewValue(tftypes.String, tftypes.UnknownValue), null: tftypes.NewValue(tftypes.String, nil)},
	}
	for name, tc := range cases {
		vals := map[string]tftypes.Value{"sync_id": str("1"), "field": tc.field, "null_value": tc.null, "values": values}
		diags := validate(t, &aquaValueMappingResource{}, vals)
		// Warnings come from the plan walk only; ValidateConfig runs in both.
		if diags.HasError() != tc.wantErr || len(diags.Warnings()) > 0 {
			t.Errorf("%s: ValidateConfig diagnostics %v", name, diags)
		}
		if tc.wantErr {
			continue
		}
		if diags := modifyPlanDiags(t, &aquaValueMappingResource{}, vals); diags.HasError() || (len(diags.Warnings()) > 0) != tc.wantWarns {
			t.Errorf("%s: ModifyPlan diagnostics %v", name, diags)
		}
	}
}

func TestParseMappingImport(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		raw     string
		keys    []string
		want    mappingImport
		wantErr string
	}{
		"internal id":            {raw: "3/12", keys: []string{"field"}, want: mappingImport{id: mappingID{sync: 3, mapping: 12}}},
		"value mapping by field": {raw: "3/field=resolution", keys: []string{"field"}, want: mappingImport{sync: 3, natural: []string{"resolution"}}},
		"field mapping by item type and field": {raw: "3/item_type=Defect/aqua_field=Jira/Status", keys: []string{"item_type", "aqua_field"},
			want: mappingImport{sync: 3, natural: []string{"Defect", "Jira/Status"}}},
		"keys out of order": {raw: "3/aqua_field=Status/item_type=Defect", keys: []string{"item_type", "aqua_field"}, wantErr: "`item_type=` is missing"},
		"no sync id":        {raw: "field=resolution", keys: []string{"field"}, wantErr: "starting with the numeric sync id"},
		"empty value":       {raw: "3/field=", keys: []string{"field"}, wantErr: "`field` is empty"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := parseMappingImport(tc.raw, tc.keys...)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.id != tc.want.id || got.sync != tc.want.sync || !slices.Equal(got.natural, tc.want.natural) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestAquaAPIErrors_NameAttributesAndImportBlocks(t *testing.T) {
	t.Parallel()
	apiErr := func(status int, msg string) error {
		return &aqua.Error{Err: &api.Error{Product: "aqua", Operation: "create", Method: http.MethodPost, Path: "/almsync/aqua-jira-sync/v1/definitions", StatusCode: status, Message: msg}}
	}
	sync := aquaJiraSyncModel{Name: types.StringValue("Pilot Sync")}
	cases := map[string]struct {
		add     func(*diag.Diagnostics)
		at      string
		want    string
		wantNot string
	}{
		"sync field names become attributes": {
			add: func(d *diag.Diagnostics) {
				addSyncAPIError(d, "Unable to Create aqua Jira Sync", apiErr(http.StatusBadRequest, "ConfigurationUser.Password or ConfigurationUser.ApiToken is required"), sync)
			},
			at: "configuration_user.password", want: "`configuration_user.password` or `configuration_user.api_token` is required", wantNot: "ApiToken",
		},
		"sync name conflict gives the import block": {
			add: func(d *diag.Diagnostics) {
				addSyncAPIError(d, "Unable to Create aqua Jira Sync", apiErr(http.StatusConflict, "Name: a Jira sync definition named \"pilot sync\" already exists (Id 4)"), sync)
			},
			at: "name", want: "import {\n  to = almsync_aqua_jira_sync.NAME\n  id = \"name=Pilot Sync\"\n}",
		},
		"mapping conflict gives the import block, not another name": {
			add: func(d *diag.Diagnostics) {
				addMappingAPIError(d, "Unable to Create aqua Value Mapping", apiErr(http.StatusConflict, "Field: \"resolution\" is already mapped by value mapping 2"),
					"almsync_aqua_value_mapping", path.Root("field"), "3/field=resolution")
			},
			at: "field", want: "import {\n  to = almsync_aqua_value_mapping.NAME\n  id = \"3/field=resolution\"\n}", wantNot: "another name",
		},
		"mapping field names become attributes": {
			add: func(d *diag.Diagnostics) {
				addMappingAPIError(d, "Unable to Create aqua Field Mapping", apiErr(http.StatusBadRequest, "AquaField: Defect has no field Bogus"),
					"almsync_aqua_field_mapping", path.Root("aqua_field"), "3/item_type=Defect/aqua_field=Bogus")
			},
			at: "aqua_field", want: "`aqua_field`: Defect has no field Bogus",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var diags diag.Diagnostics
			tc.add(&diags)
			if len(diags) != 1 {
				t.Fatalf("%d diagnostics, want one: %v", len(diags), diags)
			}
			wp, ok := diags[0].(diag.DiagnosticWithPath)
			if !ok || wp.Path().String() != tc.at {
				t.Errorf("diagnostic not attached to %s: %v", tc.at, diags[0])
			}
			if d := diags[0].Detail(); !strings.Contains(d, tc.want) || (tc.wantNot != "" && strings.Contains(d, tc.wantNot)) {
				t.Errorf("detail %q: want %q, not %q", d, tc.want, tc.wantNot)
			}
		})
	}
}
