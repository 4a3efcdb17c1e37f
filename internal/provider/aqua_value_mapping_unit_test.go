package provider

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

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

func TestAquaFieldMappingValidateConfig_ReadOnlyFalseWarns(t *testing.T) {
	t.Parallel()
	for readOnly, want := range map[bool]bool{true: false, false: true} {
		diags := validate(t, &aquaFieldMappingResource{}, map[string]tftypes.Value{"read_only": tftypes.NewValue(tftypes.Bool, readOnly)})
		if got := len(diags.Warnings()) == 1 && strings.Contains(diags.Warnings()[0].Detail(), "never edit these fields manually"); got != want {
			t.Errorf("read_only = %t: warnings %v", readOnly, diags.Warnings())
		}
	}
}

func TestAquaValueMappingValidateConfig(t *testing.T) {
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
		diags := validate(t, &aquaValueMappingResource{}, map[string]tftypes.Value{"sync_id": str("1"), "field": tc.field, "null_value": tc.null, "values": values})
		if diags.HasError() != tc.wantErr || (len(diags.Warnings()) > 0) != tc.wantWarns {
			t.Errorf("%s: diagnostics %v", name, diags)
		}
	}
}
