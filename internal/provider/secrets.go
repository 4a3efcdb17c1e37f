package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// secretAttributes returns the three attributes of one secret X: X
// (sensitive, kept in state), X_wo (write-only, never in plan or state) and
// X_wo_version (changing it sends the write-only value again). what says
// what the secret is, in the product's words.
func secretAttributes(name, what string) map[string]schema.Attribute {
	wo, version := name+"_wo", name+"_wo_version"
	return map[string]schema.Attribute{
		name: schema.StringAttribute{
			Optional:  true,
			Sensitive: true,
			MarkdownDescription: fmt.Sprintf("%s Sensitive: hidden in plans and logs but kept in state; prefer `%s` on Terraform 1.11 and later. "+
				"Conflicts with `%s`. The API never returns it, so a change made outside Terraform is not detected.", what, wo, wo),
			Validators: []validator.String{
				stringvalidator.LengthAtLeast(1),
				conflictsWithSibling(wo),
			},
		},
		wo: schema.StringAttribute{
			Optional:  true,
			Sensitive: true,
			WriteOnly: true,
			MarkdownDescription: fmt.Sprintf("%s Write-only (Terraform 1.11 and later): sent to the API but never written to plan or state. "+
				"Requires `%s`; change that number to send a new value. Conflicts with `%s`.", what, version, name),
			Validators: []validator.String{
				stringvalidator.LengthAtLeast(1),
				requiresSibling(version),
			},
		},
		version: schema.Int64Attribute{
			Optional: true,
			MarkdownDescription: fmt.Sprintf("Version of `%s`. Terraform cannot see a write-only value change, so change this number (for example increment it) "+
				"whenever `%s` changes; the new value is then sent. Requires `%s`.", wo, wo, wo),
			Validators: []validator.Int64{
				requiresSibling(wo),
			},
		},
	}
}

// secretPaths are the paths of the plain, write-only and version forms of
// the secret at p.
func secretPaths(p path.Path) (plain, wo, version path.Path) {
	last, _ := p.Steps().LastStep()
	name := strings.Trim(last.String(), `"`)
	parent := p.ParentPath()
	return p, parent.AtName(name + "_wo"), parent.AtName(name + "_wo_version")
}

// secretSet reports whether either form of the secret at p is set in
// config (unknown counts as set: it will hold a value).
func secretSet(ctx context.Context, config tfsdk.Config, p path.Path) (bool, diag.Diagnostics) {
	plainPath, woPath, _ := secretPaths(p)
	plainNull, diags := configIsNull(ctx, config, plainPath)
	woNull, d := configIsNull(ctx, config, woPath)
	diags.Append(d...)
	return !plainNull || !woNull, diags
}

// secretForCreate returns the value of the secret at p to send on create:
// X or X_wo from config, "" when neither is set.
func secretForCreate(ctx context.Context, config tfsdk.Config, p path.Path) (string, diag.Diagnostics) {
	plainPath, woPath, _ := secretPaths(p)
	var plain, wo types.String
	diags := config.GetAttribute(ctx, plainPath, &plain)
	diags.Append(config.GetAttribute(ctx, woPath, &wo)...)
	if !wo.IsNull() {
		return wo.ValueString(), diags
	}
	return plain.ValueString(), diags
}

// secretForUpdate returns the value of secret X to send on update: the
// new X if it changed, X_wo if its version changed, and "" (keep the
// stored secret) otherwise. force sends whichever form is configured, e.g.
// when the authentication mode changed and the product needs the secret
// again.
func secretForUpdate(ctx context.Context, config tfsdk.Config, plan tfsdk.Plan, state tfsdk.State, p path.Path, force bool) (string, diag.Diagnostics) {
	plainPath, woPath, versionPath := secretPaths(p)
	var cfgPlain, cfgWO, statePlain types.String
	var planVersion, stateVersion types.Int64
	diags := config.GetAttribute(ctx, plainPath, &cfgPlain)
	diags.Append(config.GetAttribute(ctx, woPath, &cfgWO)...)
	diags.Append(state.GetAttribute(ctx, plainPath, &statePlain)...)
	diags.Append(plan.GetAttribute(ctx, versionPath, &planVersion)...)
	diags.Append(state.GetAttribute(ctx, versionPath, &stateVersion)...)
	switch {
	case !cfgWO.IsNull() && (force || !planVersion.Equal(stateVersion)):
		return cfgWO.ValueString(), diags
	case !cfgPlain.IsNull() && (force || !cfgPlain.Equal(statePlain)):
		return cfgPlain.ValueString(), diags
	}
	return "", diags
}

// secretRequirement is a secret the configuration must carry to create an
// object: at, or any of anyOf.
type secretRequirement struct {
	at      path.Path
	anyOf   []path.Path
	summary string
	detail  string
}

// checkSecretsOnCreate reports the required secrets a configuration lacks,
// when the plan creates the object. An existing object, imported for
// instance, keeps the secrets the product holds: the product never returns
// them, so a configuration adopting it may leave them out until they change.
func checkSecretsOnCreate(ctx context.Context, req resource.ModifyPlanRequest, diags *diag.Diagnostics, reqs []secretRequirement) {
	if !req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	checkSecrets(ctx, req.Config, diags, reqs)
}

// checkSecrets reports the required secrets config lacks, whatever the
// plan does: e.g. when an existing object switches to an authentication
// mode whose secret the product does not hold yet.
func checkSecrets(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics, reqs []secretRequirement) {
	for _, r := range reqs {
		met := false
		for _, p := range append([]path.Path{r.at}, r.anyOf...) {
			set, d := secretSet(ctx, config, p)
			diags.Append(d...)
			met = met || set
		}
		if !met {
			diags.AddAttributeError(r.at, r.summary, r.detail)
		}
	}
}
