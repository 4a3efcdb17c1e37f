package provider_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

// TestReadFillsIdentityOfStateWrittenBeforeIdentity: a refresh of state
// that has no identity yet, as every state written before the provider
// had identities, fills the identity in, with no state upgrade; an object
// deleted meanwhile is still only forgotten, with the usual warning.
func TestReadFillsIdentityOfStateWrittenBeforeIdentity(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	var created jama.Envelope[any]
	if err := json.Unmarshal(sb.MustCall(t, http.StatusCreated, http.MethodPost, "/interchange/almsync/interchange-connectors/v1/connectors", interchange.Connector{
		Application: interchange.ApplicationJamaConnect, Name: "Old state", URL: "https://acme.jamacloud.com", VerifySSL: true, AuthType: "basic", Username: "svc", Password: "pw",
	}), &created); err != nil {
		t.Fatal(err)
	}
	connectorID := strconv.FormatInt(created.Meta.ID, 10)
	creds := func(product string) map[string]string {
		return map[string]string{"url": sb.ProductURL(product), "username": acctest.SandboxUser, "password": acctest.SandboxPassword}
	}
	jitterbit := creds("jitterbit")
	jitterbit["environment_id"] = acctest.JitterbitDevEnvironment
	p := newProtoProvider(t, map[string]map[string]string{"interchange": creds("interchange"), "jitterbit": jitterbit})
	idSchemas, err := p.server.GetResourceIdentitySchemas(context.Background(), &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil || len(idSchemas.Diagnostics) > 0 {
		t.Fatalf("identity schemas: %v %s", err, diagText(idSchemas.Diagnostics))
	}
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	variable := func(name string) map[string]tftypes.Value {
		return map[string]tftypes.Value{
			"id": str(acctest.JitterbitDevEnvironment + "/" + acctest.JitterbitJSMProject + "/" + name), "environment_id": str(acctest.JitterbitDevEnvironment),
			"project_guid": str(acctest.JitterbitJSMProject), "name": str(name),
		}
	}
	for _, tc := range []struct {
		name, typeName string
		state          map[string]tftypes.Value
		want           map[string]string // nil: the object is gone
	}{
		{"connector", "almsync_jama_connector", map[string]tftypes.Value{"id": str(connectorID)}, map[string]string{"id": connectorID}},
		{"deleted connector", "almsync_jama_connector", map[string]tftypes.Value{"id": str("987654")}, nil},
		{"project variable", "almsync_jitterbit_project_variable", variable("jsm_url"), map[string]string{
			"id": "jsm_url", "environment_id": acctest.JitterbitDevEnvironment, "project_guid": acctest.JitterbitJSMProject,
		}},
		{"removed project variable", "almsync_jitterbit_project_variable", variable("no_such_variable"), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			typ := p.schema.ResourceSchemas[tc.typeName].ValueType()
			resp, err := p.server.ReadResource(context.Background(), &tfprotov6.ReadResourceRequest{
				TypeName: tc.typeName, CurrentState: dynamic(t, typ, objectOf(t, typ, tc.state)),
			})
			if err != nil {
				t.Fatal(err)
			}
			if hasError(resp.Diagnostics) {
				t.Fatalf("refresh of state without identity failed: %s", diagText(resp.Diagnostics))
			}
			state, err := resp.NewState.Unmarshal(typ)
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == nil {
				if !state.IsNull() || len(resp.Diagnostics) != 1 || !strings.Contains(resp.Diagnostics[0].Summary, "Deleted Outside Terraform") {
					t.Fatalf("a deleted object: state %v, diagnostics %s; want it forgotten with the one warning", state, diagText(resp.Diagnostics))
				}
				return
			}
			if resp.NewIdentity == nil || resp.NewIdentity.IdentityData == nil {
				t.Fatal("the refresh returned no identity")
			}
			idType := idSchemas.IdentitySchemas[tc.typeName].ValueType()
			raw, err := resp.NewIdentity.IdentityData.Unmarshal(idType)
			if err != nil {
				t.Fatal(err)
			}
			var attrs map[string]tftypes.Value
			if err := raw.As(&attrs); err != nil {
				t.Fatal(err)
			}
			if len(attrs) != len(tc.want) {
				t.Fatalf("identity %v, want %v", attrs, tc.want)
			}
			for k, want := range tc.want {
				var got string
				if err := attrs[k].As(&got); err != nil || got != want {
					t.Errorf("identity %s = %v, want %q", k, attrs[k], want)
				}
			}
		})
	}
}
