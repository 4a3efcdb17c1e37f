package provider

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

var _ list.ListResourceWithConfigure = &aquaSyncUserListResource{}

func newAquaSyncUserListResource() list.ListResource { return &aquaSyncUserListResource{} }

// aquaSyncUserListResource lists the users of aqua.
type aquaSyncUserListResource struct {
	client *aqua.Client
}

type aquaSyncUserListModel struct {
	UsernamePrefix types.String `tfsdk:"username_prefix"`
}

func (r *aquaSyncUserListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_aqua_sync_user"
}

func (r *aquaSyncUserListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listSchema("Lists the users of aqua (`GET /api/System/User`, which answers them all at once) for `terraform query` (Terraform 1.14 and later). "+
		"With `include_resource = true`, each result is the user as an import reads it, with its licenses and its role in every project that has one: "+
		"that reads each listed user and its project roles, a few requests per user, so narrow the listing with `username_prefix` on a large instance.",
		map[string]listschema.Attribute{"username_prefix": prefixFilter("username")})
}

func (r *aquaSyncUserListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFor(req.ProviderData, &resp.Diagnostics, "almsync_aqua_sync_user", aquaProduct)
}

func (r *aquaSyncUserListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg aquaSyncUserListModel
	if diags := req.Config.Get(ctx, &cfg); diags.HasError() {
		listError(stream, diags)
		return
	}
	if r.client == nil {
		listUnconfigured(stream, "almsync_aqua_sync_user")
		return
	}
	reader := &aquaSyncUserResource{client: r.client}
	streamList(ctx, req, stream, "Unable to List aqua Users", addAPIError,
		func(ctx context.Context, yield func(aqua.UserSummary) bool) error {
			users, err := r.client.ListUsers(ctx)
			if err != nil {
				return err
			}
			for _, u := range users {
				if hasPrefix(u.UserName, cfg.UsernamePrefix) && !yield(u) {
					break
				}
			}
			return nil
		},
		func(u aqua.UserSummary) listed {
			id := strconv.FormatInt(u.ID, 10)
			name := u.UserName
			if full := strings.TrimSpace(u.FirstName + " " + u.Surname); full != "" {
				name += " (" + full + ")"
			}
			return listed{
				displayName: name,
				identity:    idIdentityModel{ID: types.StringValue(id)},
				resource: func(ctx context.Context) (any, diag.Diagnostics) {
					// As after an import: the roles of every project are read.
					m := aquaSyncUserModel{ID: types.StringValue(id), ProjectRoles: types.MapUnknown(types.StringType)}
					gone, diags := reader.read(ctx, &m)
					if gone {
						diags.AddError("Unable to List aqua Users", fmt.Sprintf("aqua user %s was deleted while it was being listed. Run the query again.", id))
					}
					return m, diags
				},
			}
		})
}
