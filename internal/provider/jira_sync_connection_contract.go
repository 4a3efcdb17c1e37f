package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
)

// checkContractWhenWriting runs a contract resource's discovery (check)
// while planning a create or an update, so that a plan against a server
// that does not serve the contract fails with the absence error instead of
// promising a create that cannot happen. A destroy, a plan without
// changes, or a provider whose client is not configured (nil check) asks
// nothing. Only a definite answer is an error: a failure that may pass (a
// timeout, a 5xx) is left to the apply, which meets it again.
func checkContractWhenWriting(ctx context.Context, req resource.ModifyPlanRequest, diags *diag.Diagnostics, check func(context.Context) error) {
	if check == nil || req.Plan.Raw.IsNull() || (!req.State.Raw.IsNull() && req.Plan.Raw.Equal(req.State.Raw)) {
		return
	}
	err := check(ctx)
	if err == nil {
		return
	}
	if contract.IsAbsent(err) {
		addContractError(diags, err)
		return
	}
	tflog.Debug(ctx, "the contract's discovery failed while planning; the apply will ask again", map[string]any{"error": err.Error()})
}
