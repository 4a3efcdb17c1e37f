package provider

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// jsmWithoutContract is the resource with a client of a server that serves
// no contract (answer), and the count of requests that server got.
func jsmWithoutContract(t *testing.T, answer http.HandlerFunc) (*jsmConnectionResource, *atomic.Int64) {
	t.Helper()
	var requests atomic.Int64
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		answer(w, r)
	}))
	t.Cleanup(hs.Close)
	tc, err := transport.New(transport.Config{Product: "Jitterbit", MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	c, err := jitterbit.New(hs.URL, jitterbit.Credentials{Username: "admin", Password: "sandbox"}, tc)
	if err != nil {
		t.Fatal(err)
	}
	return &jsmConnectionResource{client: c, defaultEnvironment: "201"}, &requests
}

// wantOnlyTheAbsence checks that diags are the one absence error: no
// warning (in particular none about a deletion outside Terraform).
func wantOnlyTheAbsence(t *testing.T, diags diag.Diagnostics, want string) {
	t.Helper()
	if diags.ErrorsCount() != 1 || diags.WarningsCount() != 0 {
		t.Fatalf("diagnostics %v, want the absence error alone", diags)
	}
	d := diags.Errors()[0]
	if d.Summary() != "No Jitterbit contract served at jitterbit.contract_url" || !strings.Contains(d.Detail(), want) ||
		!strings.Contains(d.Detail(), "bridge") {
		t.Errorf("error %q: %q, want the absence naming %q and a bridge", d.Summary(), d.Detail(), want)
	}
}

// TestJSMConnection_NoContractIsNeverADeletion: against a server that
// answers 404 (or an HTML page) to everything, planning a create or an
// update, refreshing and deleting all fail with the absence error; the
// refresh keeps the connection in state and warns of no deletion.
func TestJSMConnection_NoContractIsNeverADeletion(t *testing.T) {
	t.Parallel()
	servers := map[string]struct {
		answer http.HandlerFunc
		want   string
	}{
		"404": {answer: http.NotFound, want: "HTTP 404 Not Found"},
		"html": {answer: func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = io.WriteString(w, "<html><body>Welcome to Harmony</body></html>")
		}, want: "an HTML page"},
	}
	cfgVals := map[string]tftypes.Value{"environment_id": str("201"), "project_guid": str("9a87b6c5-a1b2-34c5-6d7e-123456a7b001"),
		"name": str("x"), "auth_scheme": str("Basic"), "user": str("u"), "api_token": str("t")}
	stateVals := jsmWith(cfgVals, map[string]tftypes.Value{"id": str("1")})
	ctx := context.Background()
	for name, srv := range servers {
		t.Run(name+"/plan create", func(t *testing.T) {
			t.Parallel()
			r, _ := jsmWithoutContract(t, srv.answer)
			cfg := resourceConfig(t, r, cfgVals)
			plan := tfsdk.Plan(cfg)
			resp := resource.ModifyPlanResponse{Plan: plan}
			r.ModifyPlan(ctx, resource.ModifyPlanRequest{Config: cfg, Plan: plan,
				State: tfsdk.State{Schema: cfg.Schema, Raw: tftypes.NewValue(cfg.Raw.Type(), nil)}}, &resp)
			wantOnlyTheAbsence(t, resp.Diagnostics, srv.want)
		})
		t.Run(name+"/plan update", func(t *testing.T) {
			t.Parallel()
			r, _ := jsmWithoutContract(t, srv.answer)
			cfg := resourceConfig(t, r, jsmWith(cfgVals, map[string]tftypes.Value{"name": str("renamed")}))
			plan := tfsdk.Plan(resourceConfig(t, r, jsmWith(stateVals, map[string]tftypes.Value{"name": str("renamed")})))
			resp := resource.ModifyPlanResponse{Plan: plan}
			r.ModifyPlan(ctx, resource.ModifyPlanRequest{Config: cfg, Plan: plan, State: tfsdk.State(resourceConfig(t, r, stateVals))}, &resp)
			wantOnlyTheAbsence(t, resp.Diagnostics, srv.want)
			if len(resp.RequiresReplace) != 0 {
				t.Errorf("the plan replaces %v", resp.RequiresReplace)
			}
		})
		t.Run(name+"/refresh", func(t *testing.T) {
			t.Parallel()
			r, _ := jsmWithoutContract(t, srv.answer)
			state := tfsdk.State(resourceConfig(t, r, stateVals))
			resp := resource.ReadResponse{State: state}
			r.Read(ctx, resource.ReadRequest{State: state}, &resp)
			wantOnlyTheAbsence(t, resp.Diagnostics, srv.want)
			if resp.State.Raw.IsNull() || !resp.State.Raw.Equal(state.Raw) {
				t.Error("the refresh removed or changed the connection in state")
			}
		})
		t.Run(name+"/delete", func(t *testing.T) {
			t.Parallel()
			r, _ := jsmWithoutContract(t, srv.answer)
			state := tfsdk.State(resourceConfig(t, r, stateVals))
			resp := resource.DeleteResponse{State: state}
			r.Delete(ctx, resource.DeleteRequest{State: state}, &resp)
			wantOnlyTheAbsence(t, resp.Diagnostics, srv.want)
		})
	}
	t.Run("a plan without changes asks nothing", func(t *testing.T) {
		t.Parallel()
		r, requests := jsmWithoutContract(t, http.NotFound)
		state := tfsdk.State(resourceConfig(t, r, stateVals))
		plan := tfsdk.Plan(state)
		resp := resource.ModifyPlanResponse{Plan: plan}
		r.ModifyPlan(ctx, resource.ModifyPlanRequest{Config: resourceConfig(t, r, cfgVals), Plan: plan, State: state}, &resp)
		if resp.Diagnostics.HasError() || requests.Load() != 0 {
			t.Errorf("diagnostics %v after %d requests, want none", resp.Diagnostics, requests.Load())
		}
	})
}
