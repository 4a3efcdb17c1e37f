package provider

import (
	"context"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

var _ list.ListResourceWithConfigure = &aquaFieldMappingListResource{}

func newAquaFieldMappingListResource() list.ListResource { return &aquaFieldMappingListResource{} }

// aquaFieldMappingListResource lists the field mappings of an aqua Jira
// sync.
type aquaFieldMappingListResource struct {
	client *aqua.Client
}

type aquaFieldMappingListModel struct {
	SyncID   types.String `tfsdk:"sync_id"`
	ItemType types.String `tfsdk:"item_type"`
}

// syncIDListAttribute is the required sync_id of a mapping list resource;
// what names the mappings.
func syncIDListAttribute(what string) listschema.StringAttribute {
	return listschema.StringAttribute{
		Required: true,
		MarkdownDescription: "ID of the aqua Jira sync whose " + what + " are listed (the `id` of its `almsync_aqua_jira_sync`, e.g. `3`): " +
			"mappings live inside their sync, and the Jira Sync contract lists one sync's at a time.",
		Validators: []validator.String{numericID{}},
	}
}

func (r *aquaFieldMappingListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_aqua_field_mapping"
}

func (r *aquaFieldMappingListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listSchema("Lists the field mappings of an aqua Jira sync for `terraform query` (Terraform 1.14 and later). "+
		"With `include_resource = true`, each result is the mapping as an import reads it.",
		map[string]listschema.Attribute{
			"sync_id": syncIDListAttribute("field mappings"),
			"item_type": listschema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Lists only the mappings of this aqua item type, one of " + backtickList(aqua.SyncItemTypes()) +
					" (compared without regard to case). Unset, the mappings of every item type are listed.",
				Validators: []validator.String{stringvalidator.OneOfCaseInsensitive(aqua.SyncItemTypes()...)},
			},
		})
}

func (r *aquaFieldMappingListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFor(req.ProviderData, &resp.Diagnostics, "almsync_aqua_field_mapping", aquaProduct)
}

func (r *aquaFieldMappingListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg aquaFieldMappingListModel
	if diags := req.Config.Get(ctx, &cfg); diags.HasError() {
		listError(stream, diags)
		return
	}
	if r.client == nil {
		listUnconfigured(stream, "almsync_aqua_field_mapping")
		return
	}
	sync, _ := strconv.ParseInt(cfg.SyncID.ValueString(), 10, 64)
	streamList(ctx, req, stream, "Unable to List aqua Field Mappings", addAPIError,
		func(ctx context.Context, yield func(aqua.FieldMapping) bool) error {
			mappings, err := r.client.ListFieldMappings(ctx, sync)
			if err != nil {
				return err
			}
			for _, m := range mappings {
				if !cfg.ItemType.IsNull() && !strings.EqualFold(m.ItemType, cfg.ItemType.ValueString()) {
					continue
				}
				if m.SyncID == 0 {
					m.SyncID = sync
				}
				if !yield(m) {
					break
				}
			}
			return nil
		},
		func(f aqua.FieldMapping) listed {
			return listed{
				displayName: f.ItemType + " " + f.AquaField + " ↔ " + f.JiraField,
				identity:    mappingID{sync: f.SyncID, mapping: f.ID}.identity(),
				resource: func(context.Context) (any, diag.Diagnostics) {
					var m aquaFieldMappingModel
					modelFromFieldMapping(&m, f)
					return m, nil
				},
			}
		})
}
