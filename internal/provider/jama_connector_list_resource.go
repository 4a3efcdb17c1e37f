package provider

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
)

var _ list.ListResourceWithConfigure = &jamaConnectorListResource{}

func newJamaConnectorListResource() list.ListResource { return &jamaConnectorListResource{} }

// jamaConnectorListResource lists the Interchange connectors.
type jamaConnectorListResource struct {
	client *interchange.Client
}

type jamaConnectorListModel struct {
	NamePrefix types.String `tfsdk:"name_prefix"`
}

func (r *jamaConnectorListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jama_connector"
}

func (r *jamaConnectorListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listSchema("Lists the Jama Connect Interchange connectors, one page at a time, for `terraform query` (Terraform 1.14 and later). "+
		"With `include_resource = true`, each result is the connector as an import reads it: the password or client secret, which Interchange never returns, is null.",
		map[string]listschema.Attribute{"name_prefix": prefixFilter("name")})
}

func (r *jamaConnectorListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFor(req.ProviderData, &resp.Diagnostics, "almsync_jama_connector", interchangeProduct)
}

func (r *jamaConnectorListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg jamaConnectorListModel
	if diags := req.Config.Get(ctx, &cfg); diags.HasError() {
		listError(stream, diags)
		return
	}
	if r.client == nil {
		listUnconfigured(stream, "almsync_jama_connector")
		return
	}
	streamList(ctx, req, stream, "Unable to List Jama Connectors", addAPIError,
		func(ctx context.Context, yield func(interchange.Connector) bool) error {
			return r.client.EachConnector(ctx, func(c interchange.Connector) bool {
				return !hasPrefix(c.Name, cfg.NamePrefix) || yield(c)
			})
		},
		func(c interchange.Connector) listed {
			return listed{
				displayName: c.Name,
				identity:    idIdentityModel{ID: types.StringValue(strconv.FormatInt(c.ID, 10))},
				resource: func(context.Context) (any, diag.Diagnostics) {
					var m jamaConnectorModel
					modelFromConnector(&m, c)
					return m, nil
				},
			}
		})
}
