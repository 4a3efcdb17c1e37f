package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

func TestProjectVariableModifyPlan_DestroyWarns(t *testing.T) {
	t.Parallel()
	state := map[string]tftypes.Value{
		"id": str("201/9a87b6c5-a1b2-34c5-6d7e-123456a7b001/jsm_url"), "environment_id": str("201"),
		"project_guid": str("9a87b6c5-a1b2-34c5-6d7e-123456a7b001"), "name": str("jsm_url"), "value": str("https://acme.atlassian.net"),
	}
	diags := modifyPlan(t, &projectVariableResource{}, state, nil)
	if diags.HasError() || len(diags.Warnings()) != 1 {
		t.Fatalf("diagnostics %v, want one warning", diags)
	}
	w := diags.Warnings()[0]
	if w.Summary() != "Destroy Leaves the Project Variable in Harmony" || !strings.Contains(w.Detail(), "the variable and its value stay in Harmony") ||
		!strings.Contains(w.Detail(), "201/9a87b6c5-a1b2-34c5-6d7e-123456a7b001/jsm_url") {
		t.Errorf("warning %q: %q does not say what stays in Harmony", w.Summary(), w.Detail())
	}
	// A create or an update does not warn about destroying.
	if diags := modifyPlan(t, &projectVariableResource{}, state, state); len(diags) != 0 {
		t.Errorf("an update planned diagnostics %v", diags)
	}
}

func TestModelFromProjectVariable(t *testing.T) {
	t.Parallel()
	const guid = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
	cases := map[string]struct {
		prior types.String
		got   jitterbit.ProjectVariable
		want  types.String
	}{
		"a changed value shows as drift": {
			prior: types.StringValue("https://acme.atlassian.net"),
			got:   jitterbit.ProjectVariable{ID: "5001", Value: "https://changed.atlassian.net"},
			want:  types.StringValue("https://changed.atlassian.net"),
		},
		"a hidden value Harmony does not answer keeps the state's": {
			prior: types.StringValue("dev-token"),
			got:   jitterbit.ProjectVariable{ID: "5003", HideValue: true, Value: jitterbit.HiddenValueMask},
			want:  types.StringValue("dev-token"),
		},
		"a value cleared in Harmony shows as drift": {
			prior: types.StringValue("https://acme.atlassian.net"),
			got:   jitterbit.ProjectVariable{ID: "5001", Value: ""},
			want:  types.StringValue(""),
		},
		"a write-only or imported value stays null": {
			prior: types.StringNull(),
			got:   jitterbit.ProjectVariable{ID: "5002", Value: "jsm@example.com"},
			want:  types.StringNull(),
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m := projectVariableModel{
				EnvironmentID: types.StringValue("201"), ProjectGUID: types.StringValue(guid), Name: types.StringValue("v"),
				Value: tc.prior, ValueWO: types.StringValue("never kept"),
			}
			tc.got.Description = "d"
			modelFromProjectVariable(&m, tc.got)
			if !m.Value.Equal(tc.want) {
				t.Errorf("value %s, want %s", m.Value, tc.want)
			}
			if !m.ValueWO.IsNull() {
				t.Error("the write-only value is kept in the model")
			}
			if m.ID.ValueString() != "201/"+guid+"/v" || m.VariableID.ValueString() != tc.got.ID || m.Description.ValueString() != "d" {
				t.Errorf("id %s, variable_id %s, description %s", m.ID, m.VariableID, m.Description)
			}
		})
	}
}
