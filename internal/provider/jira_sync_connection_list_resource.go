package provider

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

var _ list.ListResourceWithConfigure = &jiraSyncConnectionListResource{}

func newJiraSyncConnectionListResource() list.ListResource { return &jiraSyncConnectionListResource{} }

// jiraSyncConnectionListResource lists the connections of Jama's classic
// JIRA Connector.
type jiraSyncConnectionListResource struct {
	client *jama.Client
}

type jiraSyncConnectionListModel struct {
	JiraURLPrefix types.String `tfsdk:"jira_url_prefix"`
}

func (r *jiraSyncConnectionListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jira_sync_connection"
}

func (r *jiraSyncConnectionListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listSchema("Lists the connections of Jama's classic JIRA Connector, one page of 50 at a time, for `terraform query` (Terraform 1.14 and later). "+
		"With `include_resource = true`, each result is the connection as an import reads it: the Jira password or API token, which the connector never returns, is null.",
		map[string]listschema.Attribute{"jira_url_prefix": prefixFilter("Jira URL (`jira_url`), e.g. `https://acme.atlassian.net`,")})
}

func (r *jiraSyncConnectionListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFor(req.ProviderData, &resp.Diagnostics, "almsync_jira_sync_connection", jamaProduct)
}

func (r *jiraSyncConnectionListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg jiraSyncConnectionListModel
	if diags := req.Config.Get(ctx, &cfg); diags.HasError() {
		listError(stream, diags)
		return
	}
	if r.client == nil {
		listUnconfigured(stream, "almsync_jira_sync_connection")
		return
	}
	streamList(ctx, req, stream, "Unable to List JIRA Sync Connections", addAPIError,
		func(ctx context.Context, yield func(jama.JiraConnection) bool) error {
			return r.client.EachJiraConnection(ctx, func(c jama.JiraConnection) bool {
				return !hasPrefix(c.JiraURL, cfg.JiraURLPrefix) || yield(c)
			})
		},
		func(c jama.JiraConnection) listed {
			return listed{
				displayName: c.JiraURL,
				identity:    idIdentityModel{ID: types.StringValue(strconv.FormatInt(c.ID, 10))},
				resource: func(context.Context) (any, diag.Diagnostics) {
					var m jiraSyncConnectionModel
					modelFromJiraConnection(&m, c)
					return m, nil
				},
			}
		})
}
