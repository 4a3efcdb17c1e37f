package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

var _ datasource.DataSourceWithConfigure = &jamaUserDataSource{}

func newJamaUserDataSource() datasource.DataSource { return &jamaUserDataSource{} }

// jamaUserDataSource looks a Jama Connect user up by username.
type jamaUserDataSource struct {
	client *jama.Client
}

type jamaUserDataModel struct {
	ID          types.String `tfsdk:"id"`
	Username    types.String `tfsdk:"username"`
	Email       types.String `tfsdk:"email"`
	FirstName   types.String `tfsdk:"first_name"`
	LastName    types.String `tfsdk:"last_name"`
	Phone       types.String `tfsdk:"phone"`
	Title       types.String `tfsdk:"title"`
	Location    types.String `tfsdk:"location"`
	LicenseType types.String `tfsdk:"license_type"`
	Active      types.Bool   `tfsdk:"active"`
}

func (d *jamaUserDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jama_user"
}

func (d *jamaUserDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up a Jama Connect user by username, active or not, through Jama's REST API (`GET /rest/v1/users`). " +
			"Use it to check that an existing account, such as the JIRA Connector's \"JIRA User\", exists, is active and may use Jama's REST API: " +
			"only users with a named creator license (`license_type = \"NAMED\"`) can, so that is the license an integration account needs.",
		Attributes: map[string]schema.Attribute{
			"username": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Username to look up (compared without regard to case).",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"id":           computed("Identifier of the user in Jama Connect."),
			"email":        computed("The user's email address."),
			"first_name":   computed("The user's first name."),
			"last_name":    computed("The user's last name."),
			"phone":        computed("The user's phone number, if any."),
			"title":        computed("The user's job title, if any."),
			"location":     computed("The user's location, if any."),
			"license_type": computed("The user's Jama license type, e.g. `NAMED` or `FLOATING`. Only `NAMED` (named creator) gives access to Jama's REST API."),
			"active":       schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the user is active."},
		},
	}
}

func (d *jamaUserDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFor(req.ProviderData, &resp.Diagnostics, "data source almsync_jama_user", jamaProduct)
}

func (d *jamaUserDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m jamaUserDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	u, found, err := d.client.FindUser(ctx, m.Username.ValueString())
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to Read Jama User", err)
		return
	}
	if !found {
		resp.Diagnostics.AddAttributeError(path.Root("username"), "Jama User Not Found",
			fmt.Sprintf("Jama Connect has no user with username %q, active or deactivated. Check the spelling, or create the user with `almsync_jama_user`.", m.Username.ValueString()))
		return
	}
	var full jamaUserModel
	modelFromUser(&full, u)
	m = jamaUserDataModel{
		ID: full.ID, Username: full.Username, Email: full.Email, FirstName: full.FirstName, LastName: full.LastName,
		Phone: full.Phone, Title: full.Title, Location: full.Location, LicenseType: full.LicenseType, Active: full.Active,
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
