package provider

import (
	"context"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

var _ list.ListResourceWithConfigure = &jamaUserListResource{}

func newJamaUserListResource() list.ListResource { return &jamaUserListResource{} }

// jamaUserListResource lists the users of Jama Connect.
type jamaUserListResource struct {
	client *jama.Client
}

type jamaUserListModel struct {
	UsernamePrefix  types.String `tfsdk:"username_prefix"`
	IncludeInactive types.Bool   `tfsdk:"include_inactive"`
}

func (r *jamaUserListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jama_user"
}

func (r *jamaUserListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listSchema("Lists the users of Jama Connect (`GET /rest/v1/users`, one page of 50 at a time) for `terraform query` (Terraform 1.14 and later). "+
		"With `include_resource = true`, each result is the user as an import reads it: the password, which Jama never returns, is null.",
		map[string]listschema.Attribute{
			"username_prefix": prefixFilter("username"),
			"include_inactive": listschema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Whether deactivated users are listed too (as `active = false`). Destroying an `almsync_jama_user` only deactivates the user, " +
					"so deactivated users are often former integration accounts. Default value is `false`.",
			},
		})
}

func (r *jamaUserListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFor(req.ProviderData, &resp.Diagnostics, "almsync_jama_user", jamaProduct)
}

func (r *jamaUserListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg jamaUserListModel
	if diags := req.Config.Get(ctx, &cfg); diags.HasError() {
		listError(stream, diags)
		return
	}
	if r.client == nil {
		listUnconfigured(stream, "almsync_jama_user")
		return
	}
	streamList(ctx, req, stream, "Unable to List Jama Users", addAPIError,
		func(ctx context.Context, yield func(jama.User) bool) error {
			return r.client.EachUser(ctx, cfg.IncludeInactive.ValueBool(), func(u jama.User) bool {
				return !hasPrefix(u.Username, cfg.UsernamePrefix) || yield(u)
			})
		},
		func(u jama.User) listed {
			return listed{
				displayName: jamaUserDisplayName(u),
				identity:    idIdentityModel{ID: types.StringValue(strconv.FormatInt(u.ID, 10))},
				resource: func(context.Context) (any, diag.Diagnostics) {
					var m jamaUserModel
					modelFromUser(&m, u)
					return m, nil
				},
			}
		})
}

// jamaUserDisplayName is the username with the person's name, and a note
// when the user is deactivated.
func jamaUserDisplayName(u jama.User) string {
	name := u.Username
	if full := strings.TrimSpace(u.FirstName + " " + u.LastName); full != "" {
		name += " (" + full + ")"
	}
	if !u.Active {
		name += ", deactivated"
	}
	return name
}
