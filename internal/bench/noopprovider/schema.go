package main

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// connectorSchema mirrors the attributes of almsync_jama_connector: the
// same names, types, flags (required, optional, computed, sensitive,
// write-only), plan modifiers and defaults, and the same stock validators,
// which only look at the configuration. The provider's own validators
// and its ValidateConfig are left out. Descriptions are omitted: they do
// not change what Terraform exchanges per resource instance.
func connectorSchema() schema.Schema {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:      true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"application": schema.StringAttribute{
			Computed:      true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"name": schema.StringAttribute{
			Required:   true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"url": schema.StringAttribute{
			Required: true,
		},
		"verify_ssl": schema.BoolAttribute{
			Optional: true,
			Computed: true,
			Default:  booldefault.StaticBool(true),
		},
		"auth_type": schema.StringAttribute{
			Required:   true,
			Validators: []validator.String{stringvalidator.OneOf("basic", "oauth")},
		},
		"username": schema.StringAttribute{
			Optional:   true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"client_id": schema.StringAttribute{
			Optional:   true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
	}
	for _, name := range []string{"password", "client_secret"} {
		for k, v := range secretAttributes(name) {
			attrs[k] = v
		}
	}
	return schema.Schema{
		Description: "A stand-in for almsync_jama_connector that does no I/O.",
		Attributes:  attrs,
	}
}

// secretAttributes returns the plain, write-only and version attributes
// of one secret, as the almsync provider declares them.
func secretAttributes(name string) map[string]schema.Attribute {
	wo, version := name+"_wo", name+"_wo_version"
	return map[string]schema.Attribute{
		name: schema.StringAttribute{
			Optional:  true,
			Sensitive: true,
			Validators: []validator.String{
				stringvalidator.LengthAtLeast(1),
				stringvalidator.ConflictsWith(path.MatchRelative().AtParent().AtName(wo)),
			},
		},
		wo: schema.StringAttribute{
			Optional:  true,
			Sensitive: true,
			WriteOnly: true,
			Validators: []validator.String{
				stringvalidator.LengthAtLeast(1),
				stringvalidator.AlsoRequires(path.MatchRelative().AtParent().AtName(version)),
			},
		},
		version: schema.Int64Attribute{
			Optional: true,
			Validators: []validator.Int64{
				int64validator.AlsoRequires(path.MatchRelative().AtParent().AtName(wo)),
			},
		},
	}
}
