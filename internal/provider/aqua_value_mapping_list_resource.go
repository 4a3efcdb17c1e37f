package provider

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

var _ list.ListResourceWithConfigure = &aquaValueMappingListResource{}

func newAquaValueMappingListResource() list.ListResource { return &aquaValueMappingListResource{} }

// aquaValueMappingListResource lists the value mappings of an aqua Jira
// sync.
type aquaValueMappingListResource struct {
	client *aqua.Client
}

type aquaValueMappingListModel struct {
	SyncID types.String `tfsdk:"sync_id"`
}

func (r *aquaValueMappingListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_aqua_value_mapping"
}

func (r *aquaValueMappingListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listSchema("Lists the value mappings of an aqua Jira sync for `terraform query` (Terraform 1.14 and later). "+
		"With `include_resource = true`, each result is the mapping as an import reads it.",
		map[string]listschema.Attribute{"sync_id": syncIDListAttribute("value mappings")})
}

func (r *aquaValueMappingListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFor(req.ProviderData, &resp.Diagnostics, "almsync_aqua_value_mapping", aquaProduct)
}

func (r *aquaValueMappingListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg aquaValueMappingListModel
	if diags := req.Config.Get(ctx, &cfg); diags.HasError() {
		listError(stream, diags)
		return
	}
	if r.client == nil {
		listUnconfigured(stream, "almsync_aqua_value_mapping")
		return
	}
	sync, _ := strconv.ParseInt(cfg.SyncID.ValueString(), 10, 64)
	streamList(ctx, req, stream, "Unable to List aqua Value Mappings", addAPIError,
		func(ctx context.Context, yield func(aqua.ValueMapping) bool) error {
			mappings, err := r.client.ListValueMappings(ctx, sync)
			if err != nil {
				return err
			}
			for _, m := range mappings {
				if m.SyncID == 0 {
					m.SyncID = sync
				}
				if !yield(m) {
					break
				}
			}
			return nil
		},
		func(v aqua.ValueMapping) listed {
			return listed{
				displayName: v.Field,
				identity:    mappingID{sync: v.SyncID, mapping: v.ID}.identity(),
				resource: func(ctx context.Context) (any, diag.Diagnostics) {
					var m aquaValueMappingModel
					diags := modelFromValueMapping(ctx, &m, v)
					return m, diags
				},
			}
		})
}
