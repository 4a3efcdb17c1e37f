package provider

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

var _ list.ListResourceWithConfigure = &aquaJiraSyncListResource{}

func newAquaJiraSyncListResource() list.ListResource { return &aquaJiraSyncListResource{} }

// aquaJiraSyncListResource lists aqua's Jira syncs.
type aquaJiraSyncListResource struct {
	client *aqua.Client
}

type aquaJiraSyncListModel struct {
	NamePrefix    types.String `tfsdk:"name_prefix"`
	AquaProjectID types.String `tfsdk:"aqua_project_id"`
}

func (r *aquaJiraSyncListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_aqua_jira_sync"
}

func (r *aquaJiraSyncListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listSchema("Lists aqua's Jira syncs (the Jira Sync contract's definitions, answered all at once) for `terraform query` (Terraform 1.14 and later). "+
		"With `include_resource = true`, each result is the sync as an import reads it: the Jira accounts' passwords and API tokens, which are never returned, are null.",
		map[string]listschema.Attribute{
			"name_prefix": prefixFilter("name"),
			"aqua_project_id": listschema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Lists only the syncs of this aqua project, by its numeric ID (e.g. `2`). Unset, the syncs of every project are listed.",
				Validators:          []validator.String{numericID{}},
			},
		})
}

func (r *aquaJiraSyncListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFor(req.ProviderData, &resp.Diagnostics, "almsync_aqua_jira_sync", aquaProduct)
}

func (r *aquaJiraSyncListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg aquaJiraSyncListModel
	if diags := req.Config.Get(ctx, &cfg); diags.HasError() {
		listError(stream, diags)
		return
	}
	if r.client == nil {
		listUnconfigured(stream, "almsync_aqua_jira_sync")
		return
	}
	streamList(ctx, req, stream, "Unable to List aqua Jira Syncs", addAPIError,
		func(ctx context.Context, yield func(aqua.SyncDefinition) bool) error {
			defs, err := r.client.ListSyncDefinitions(ctx)
			if err != nil {
				return err
			}
			for _, d := range defs {
				project := strconv.FormatInt(d.AquaProjectID, 10)
				if !hasPrefix(d.Name, cfg.NamePrefix) || (!cfg.AquaProjectID.IsNull() && cfg.AquaProjectID.ValueString() != project) {
					continue
				}
				if !yield(d) {
					break
				}
			}
			return nil
		},
		func(d aqua.SyncDefinition) listed {
			return listed{
				displayName: d.Name,
				identity:    idIdentityModel{ID: types.StringValue(strconv.FormatInt(d.ID, 10))},
				resource: func(context.Context) (any, diag.Diagnostics) {
					var m aquaJiraSyncModel
					modelFromSyncDefinition(&m, d)
					return m, nil
				},
			}
		})
}
