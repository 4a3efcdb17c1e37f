package provider

import (
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

// TestConflictErrors_EveryResourceGivesItsExactImportBlock holds the
// create error of every resource whose product refuses a duplicate to the
// promise of the guide "After an interrupted apply": the error names the
// resource type and the exact import identifier of the object that is in
// the way, in an import block the user can paste. (A
// jira_sync_connection's conflict looks the existing connection up first;
// its acceptance test covers it. A project variable is never created.)
func TestConflictErrors_EveryResourceGivesItsExactImportBlock(t *testing.T) {
	t.Parallel()
	conflict := &api.Error{Product: "X", Operation: "create", Method: http.MethodPost, Path: "/x", StatusCode: http.StatusConflict, Message: "already exists"}
	cases := map[string]struct {
		add      func(*diag.Diagnostics)
		wantType string
		wantID   string
		wantPath path.Path
	}{
		"jama_connector": {
			add: func(d *diag.Diagnostics) {
				addAPIErrorFor(d, "Unable to Create Jama Connector", conflict, connectorErrorContext(jamaConnectorModel{Name: types.StringValue("Prod Jama")}))
			},
			wantType: "almsync_jama_connector", wantID: "name=Prod Jama", wantPath: path.Empty(),
		},
		"jama_user (Jama's 400 already exists)": {
			add: func(d *diag.Diagnostics) {
				err := &jama.AlreadyExistsError{Err: &api.Error{Product: "Jama", Operation: "create user", StatusCode: http.StatusBadRequest, Message: "username already exists"}}
				addAPIErrorFor(d, "Unable to Create Jama User", err, userErrorContext(jamaUserModel{Username: types.StringValue("jira.sync")}))
			},
			wantType: "almsync_jama_user", wantID: "username=jira.sync", wantPath: path.Root("username"),
		},
		"aqua_sync_user (aqua's 400 DuplicateUserName)": {
			add: func(d *diag.Diagnostics) {
				err := &aqua.Error{
					Err:  &api.Error{Product: "aqua", Operation: "create user", Method: http.MethodPost, Path: "/api/System/User", StatusCode: http.StatusBadRequest, Message: `UserName "jira.sync" is already used by aqua user 5.`},
					Body: aqua.APIError{Type: aqua.ErrorTypeArgumentError, ArgumentErrorType: "DuplicateUserName"},
				}
				addAPIErrorFor(d, "Unable to Create aqua User", err, aquaUserErrorContext(aquaSyncUserModel{Username: types.StringValue("jira.sync")}))
			},
			wantType: "almsync_aqua_sync_user", wantID: "username=jira.sync", wantPath: path.Root("username"),
		},
		"jitterbit_jsm_connection": {
			add: func(d *diag.Diagnostics) {
				addJSMAPIError(d, "Unable to Create Jitterbit JSM Connection", conflict, jsmConnectionModel{
					EnvironmentID: types.StringValue("201"), ProjectGUID: types.StringValue("9a87b6c5-a1b2-34c5-6d7e-123456a7b001"), Name: types.StringValue("JSM Prod"),
				})
			},
			wantType: "almsync_jitterbit_jsm_connection", wantID: "201/9a87b6c5-a1b2-34c5-6d7e-123456a7b001/name=JSM Prod", wantPath: path.Root("name"),
		},
		"aqua_jira_sync": {
			add: func(d *diag.Diagnostics) {
				addSyncAPIError(d, "Unable to Create aqua Jira Sync", conflict, aquaJiraSyncModel{Name: types.StringValue("Pilot")})
			},
			wantType: "almsync_aqua_jira_sync", wantID: "name=Pilot", wantPath: path.Root("name"),
		},
		"aqua_field_mapping": {
			add: func(d *diag.Diagnostics) {
				m := aquaFieldMappingModel{SyncID: types.StringValue("3"), ItemType: types.StringValue("Defect"), AquaField: types.StringValue("JiraKey")}
				addMappingAPIError(d, "Unable to Create aqua Field Mapping", conflict, "almsync_aqua_field_mapping", path.Root("aqua_field"), fieldMappingImportID(m))
			},
			wantType: "almsync_aqua_field_mapping", wantID: "3/item_type=Defect/aqua_field=JiraKey", wantPath: path.Root("aqua_field"),
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var diags diag.Diagnostics
			tc.add(&diags)
			if len(diags) != 1 || !diags.HasError() {
				t.Fatalf("want one error, got %v", diags)
			}
			d := diags[0]
			for _, want := range []string{"import {\n  to = " + tc.wantType + ".", "\n  id = \"" + tc.wantID + "\"\n}"} {
				if !strings.Contains(d.Detail(), want) {
					t.Errorf("detail lacks %q:\n%s", want, d.Detail())
				}
			}
			got := path.Empty()
			if dp, ok := d.(diag.DiagnosticWithPath); ok {
				got = dp.Path()
			}
			if !got.Equal(tc.wantPath) {
				t.Errorf("attached to %q, want %q", got, tc.wantPath)
			}
		})
	}
}
