package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

var (
	_ resource.ResourceWithConfigure   = &aquaSyncUserResource{}
	_ resource.ResourceWithImportState = &aquaSyncUserResource{}
)

// emptyEmailAdvice is the seed's warning about user mapping.
const emptyEmailAdvice = "users with empty email addresses can lead to errors during synchronization"

func newAquaSyncUserResource() resource.Resource { return &aquaSyncUserResource{} }

// aquaSyncUserResource is the separate aqua user the Jira sync acts as,
// with its licenses and project roles.
type aquaSyncUserResource struct {
	client *aqua.Client
}

type aquaSyncUserModel struct {
	ID           types.String `tfsdk:"id"`
	Username     types.String `tfsdk:"username"`
	FirstName    types.String `tfsdk:"first_name"`
	Surname      types.String `tfsdk:"surname"`
	Email        types.String `tfsdk:"email"`
	Phone        types.String `tfsdk:"phone"`
	Position     types.String `tfsdk:"position"`
	Licenses     types.Set    `tfsdk:"licenses"`
	ProjectRoles types.Map    `tfsdk:"project_roles"`
}

func (r *aquaSyncUserResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_aqua_sync_user"
}

func (r *aquaSyncUserResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An aqua user, typically the separate user used only for the Jira sync (aqua's checklist: \"Sync User (aqua)\"), " +
			"with its licenses (such as the special Jira sync license) and its role in each project (the sync user needs `Project Administrator`). " +
			"Uses aqua's public REST API (`/api/System/User`, licenses and project user assignments). Destroying it deletes the user.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Identifier of the user in aqua.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"username": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Login name, unique in aqua (compared without regard to case).",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1), noWhiteSpace{}},
			},
			"first_name": schema.StringAttribute{Required: true, MarkdownDescription: "First name.", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
			"surname":    schema.StringAttribute{Required: true, MarkdownDescription: "Surname.", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
			"email": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Email address, required and non-empty: during synchronization users are mapped by email (e.g. for the 'Assigned to' field), and " +
					emptyEmailAdvice + ".",
				Validators: []validator.String{emailValidator{}},
			},
			"phone":    schema.StringAttribute{Optional: true, MarkdownDescription: "Phone number.", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
			"position": schema.StringAttribute{Optional: true, MarkdownDescription: "Position (job title).", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
			"licenses": schema.SetAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: "License codes the user holds, e.g. the Jira sync license (`JIRASYNC`; ask aqua support if you have none). " +
					"A set: order never matters. Licenses not listed are removed from the user.",
				Validators: []validator.Set{setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
			},
			"project_roles": schema.MapAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Role of the user in each aqua project, keyed by project id, e.g. `{ \"2\" = \"Project Administrator\" }` " +
					"(the aqua sync user needs `Project Administrator` in the synchronized project). Projects not listed are left alone.",
				Validators: []validator.Map{
					mapvalidator.KeysAre(numericID{}),
					mapvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
				},
			},
		},
	}
}

func (r *aquaSyncUserResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFor(req.ProviderData, &resp.Diagnostics, "almsync_aqua_sync_user", aquaProduct)
}

func (r *aquaSyncUserResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan aquaSyncUserModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	user, err := r.client.CreateUser(ctx, userRequestFromAqua(plan))
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to Create aqua User", err)
		return
	}
	plan.ID = types.StringValue(strconv.FormatInt(user.ID, 10))
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), plan.ID)...)
	resp.Diagnostics.Append(r.apply(ctx, user.ID, plan, aquaSyncUserModel{})...)
	if resp.Diagnostics.HasError() {
		return
	}
	_, d := r.read(ctx, &plan)
	resp.Diagnostics.Append(d...)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *aquaSyncUserResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state aquaSyncUserModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	notFound, diags := r.read(ctx, &state)
	if notFound {
		removedOutOfBand(ctx, &resp.Diagnostics, "aqua User", state.ID.ValueString())
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *aquaSyncUserResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state aquaSyncUserModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := parseID(state.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid aqua User ID", err.Error())
		return
	}
	if err := r.client.UpdateUser(ctx, id, userRequestFromAqua(plan)); err != nil {
		addAPIError(&resp.Diagnostics, "Unable to Update aqua User", err)
		return
	}
	resp.Diagnostics.Append(r.apply(ctx, id, plan, state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID = state.ID
	_, d := r.read(ctx, &plan)
	resp.Diagnostics.Append(d...)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *aquaSyncUserResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteByID(ctx, req.State, &resp.Diagnostics, "Unable to Delete aqua User", r.client.DeleteUser)
}

func (r *aquaSyncUserResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByIDOrKey(ctx, req, resp, "aqua User", "terraform import almsync_aqua_sync_user.sync username=jira.sync",
		func(ctx context.Context, username string) (int64, bool, error) {
			u, found, err := r.client.FindUser(ctx, username)
			return u.ID, found, err
		}, "username", "name")
	// Import reads the roles of every project, since none are known yet.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("project_roles"), types.MapUnknown(types.StringType))...)
}

// apply brings licenses and project roles from prior to plan.
func (r *aquaSyncUserResource) apply(ctx context.Context, id int64, plan, prior aquaSyncUserModel) diag.Diagnostics {
	var diags diag.Diagnostics
	want, have := setStrings(ctx, plan.Licenses, &diags), setStrings(ctx, prior.Licenses, &diags)
	for _, code := range want {
		if !slices.Contains(have, code) {
			if err := r.client.AddUserLicense(ctx, id, code); err != nil {
				addAPIError(&diags, "Unable to Add aqua License", err)
			}
		}
	}
	for _, code := range have {
		if !slices.Contains(want, code) {
			if err := r.client.RemoveUserLicense(ctx, id, code); err != nil && !errors.Is(err, api.ErrNotFound) {
				addAPIError(&diags, "Unable to Remove aqua License", err)
			}
		}
	}
	wantRoles, haveRoles := mapStrings(ctx, plan.ProjectRoles, &diags), mapStrings(ctx, prior.ProjectRoles, &diags)
	for project, role := range wantRoles {
		pid, _ := strconv.ParseInt(project, 10, 64)
		var err error
		switch old, ok := haveRoles[project]; {
		case !ok:
			err = r.client.AddAssignment(ctx, pid, id, role)
		case old != role:
			err = r.client.UpdateAssignment(ctx, pid, id, role)
		}
		if err != nil {
			addAPIError(&diags, fmt.Sprintf("Unable to Assign aqua User to Project %s", project), err)
		}
	}
	for project := range haveRoles {
		if _, ok := wantRoles[project]; !ok {
			pid, _ := strconv.ParseInt(project, 10, 64)
			if err := r.client.RemoveAssignment(ctx, pid, id); err != nil && !errors.Is(err, api.ErrNotFound) {
				addAPIError(&diags, fmt.Sprintf("Unable to Remove aqua User from Project %s", project), err)
			}
		}
	}
	return diags
}

// read refreshes m: the user, its licenses, and its roles in the projects m
// lists (every project when m's roles are unknown, after an import).
// notFound reports a user deleted outside Terraform.
func (r *aquaSyncUserResource) read(ctx context.Context, m *aquaSyncUserModel) (notFound bool, diags diag.Diagnostics) {
	id, err := parseID(m.ID)
	if err != nil {
		diags.AddError("Invalid aqua User ID", err.Error())
		return false, diags
	}
	u, err := r.client.GetUser(ctx, id)
	if errors.Is(err, api.ErrNotFound) {
		return true, diags
	}
	if err != nil {
		addAPIError(&diags, "Unable to Read aqua User", err)
		return false, diags
	}
	m.Username, m.FirstName, m.Surname = types.StringValue(u.UserName), types.StringValue(u.FirstName), types.StringValue(u.Surname)
	m.Email, m.Phone, m.Position = types.StringValue(u.Email), stringOrNull(u.Phone), stringOrNull(u.Position)

	licenses, err := r.client.ListUserLicenses(ctx, id)
	if err != nil {
		addAPIError(&diags, "Unable to Read aqua User Licenses", err)
		return false, diags
	}
	codes := make([]string, len(licenses))
	for i, l := range licenses {
		codes[i] = l.Code
	}
	m.Licenses = setOrNull(ctx, codes, m.Licenses, &diags)

	projects := []int64{}
	if m.ProjectRoles.IsUnknown() {
		all, err := r.client.ListProjects(ctx)
		if err != nil {
			addAPIError(&diags, "Unable to List aqua Projects", err)
			return false, diags
		}
		for _, p := range all {
			projects = append(projects, p.ID)
		}
	} else {
		for project := range mapStrings(ctx, m.ProjectRoles, &diags) {
			pid, _ := strconv.ParseInt(project, 10, 64)
			projects = append(projects, pid)
		}
	}
	roles := map[string]string{}
	for _, pid := range projects {
		a, found, err := r.client.FindAssignment(ctx, pid, id)
		if err != nil && !errors.Is(err, api.ErrNotFound) {
			addAPIError(&diags, "Unable to Read aqua Project Roles", err)
			return false, diags
		}
		if found {
			roles[strconv.FormatInt(pid, 10)] = a.RoleName
		}
	}
	if len(roles) == 0 && (m.ProjectRoles.IsNull() || m.ProjectRoles.IsUnknown()) {
		m.ProjectRoles = types.MapNull(types.StringType)
	} else {
		var d diag.Diagnostics
		m.ProjectRoles, d = types.MapValueFrom(ctx, types.StringType, roles)
		diags.Append(d...)
	}
	return false, diags
}

func userRequestFromAqua(m aquaSyncUserModel) aqua.UserRequest {
	return aqua.UserRequest{
		UserName:  m.Username.ValueString(),
		FirstName: m.FirstName.ValueString(),
		Surname:   m.Surname.ValueString(),
		Email:     m.Email.ValueString(),
		Phone:     m.Phone.ValueString(),
		Position:  m.Position.ValueString(),
	}
}
