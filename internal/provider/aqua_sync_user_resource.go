package provider

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

var (
	_ resource.ResourceWithConfigure   = &aquaSyncUserResource{}
	_ resource.ResourceWithIdentity    = &aquaSyncUserResource{}
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
	LicenseType  types.String `tfsdk:"license_type"`
	ProjectRoles types.Map    `tfsdk:"project_roles"`
}

func (r *aquaSyncUserResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_aqua_sync_user"
}

func (r *aquaSyncUserResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An aqua user, typically the separate user used only for the Jira sync (aqua's checklist: \"Sync User (aqua)\"), " +
			"with its licenses (such as the special Jira sync license) and its role in each project (the sync user needs `Project Administrator`). " +
			"Uses aqua's public REST API (`/api/System/User`, its licenses, `/api/System/Role` and project user assignments); " +
			"aqua sends a new user its usual notification email. Destroying it deletes the user.",
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
			"phone":    schema.StringAttribute{Optional: true, MarkdownDescription: "Phone number." + emptyMeansUnset},
			"position": schema.StringAttribute{Optional: true, MarkdownDescription: "Position (job title)." + emptyMeansUnset},
			"licenses": schema.SetAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: "License codes the user holds, e.g. the Jira sync license (`JIRASYNC`; ask aqua support if you have none). " +
					"A set: order never matters. Licenses not listed are removed from the user; `[]` removes every license.",
				Validators: []validator.Set{setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
			},
			"license_type": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString(aqua.LicenseNamed),
				MarkdownDescription: "How every license in `licenses` is assigned to the user: `Named` (a seat of the user's own) or `Floated` " +
					"(a floating seat, taken from the license's pool while the user is logged in). Keep the sync user on `Named`: " +
					"a sync user holding a floating license loses the sync whenever every floating seat is taken. " +
					"Changing it removes each license and assigns it again with the new type. One of `Named`, `Floated`. Default value is `Named`.",
				Validators: []validator.String{stringvalidator.OneOf(aqua.LicenseTypes()...)},
			},
			"project_roles": schema.MapAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Role of the user in each aqua project, keyed by project id, e.g. `{ \"2\" = \"Project Administrator\" }` " +
					"(the aqua sync user needs `Project Administrator` in the synchronized project). Projects not listed are left alone; `{}` lists none.",
				Validators: []validator.Map{
					mapvalidator.KeysAre(numericID{}),
					mapvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
				},
			},
		},
	}
}

// IdentitySchema is the resource identity (Terraform 1.12 and later).
func (r *aquaSyncUserResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema("Identifier of the user in aqua, a positive number such as `12`: the resource's `id`.")
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
	user, err := r.client.CreateUser(ctx, userRequestFromAqua(plan), true)
	if err != nil {
		addAPIErrorFor(&resp.Diagnostics, "Unable to Create aqua User", err, aquaUserErrorContext(plan))
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
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: plan.ID})
	knownAfterFailure(&resp.State, &resp.Diagnostics)
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
		setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: state.ID})
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: state.ID})
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
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: plan.ID})
}

func (r *aquaSyncUserResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteByID(ctx, req.State, &resp.Diagnostics, "Unable to Delete aqua User", r.client.DeleteUser)
}

// aquaUserErrorContext makes aqua's errors about creating m actionable: a
// conflict (aqua's DuplicateUserName) is a user with the same username,
// imported by that username.
func aquaUserErrorContext(m aquaSyncUserModel) apiErrorContext {
	return apiErrorContext{
		fields: apiFields{"UserName": path.Root("username")}, resourceType: "almsync_aqua_sync_user",
		importID: "username=" + m.Username.ValueString(), conflictFix: "choose another `username`",
	}
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

// apply brings the user's licenses to plan, and its project roles from
// prior to plan.
func (r *aquaSyncUserResource) apply(ctx context.Context, id int64, plan, prior aquaSyncUserModel) diag.Diagnostics {
	var diags diag.Diagnostics
	r.applyLicenses(ctx, id, plan, &diags)
	wantRoles, haveRoles := mapStrings(ctx, plan.ProjectRoles, &diags), mapStrings(ctx, prior.ProjectRoles, &diags)
	for _, project := range slices.Sorted(maps.Keys(wantRoles)) {
		role := wantRoles[project]
		pid, _ := strconv.ParseInt(project, 10, 64)
		var err error
		switch old, ok := haveRoles[project]; {
		case !ok:
			err = r.client.AddAssignment(ctx, pid, id, role)
		case old != role:
			err = r.client.UpdateAssignment(ctx, pid, id, role)
		}
		switch {
		case errors.Is(err, aqua.ErrUnknownRole):
			diags.AddAttributeError(path.Root("project_roles").AtMapKey(project), "Unknown aqua Role",
				fmt.Sprintf("%v. Use one of them in `project_roles` for project %s.", err, project))
		case err != nil:
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

// applyLicenses makes the licenses the user holds those of plan, each of
// plan's license type: it assigns the missing ones, changes the type of
// those held with another, and removes those plan does not list.
func (r *aquaSyncUserResource) applyLicenses(ctx context.Context, id int64, plan aquaSyncUserModel, diags *diag.Diagnostics) {
	want, licenseType := setStrings(ctx, plan.Licenses, diags), plan.LicenseType.ValueString()
	held, err := r.client.UserLicenses(ctx, id)
	if err != nil {
		addAPIError(diags, "Unable to Read aqua User Licenses", err)
		return
	}
	for _, code := range want {
		i := slices.IndexFunc(held, func(l aqua.UserLicense) bool { return strings.EqualFold(l.Code, code) })
		switch {
		case i < 0:
			err = r.client.AssignLicense(ctx, id, code, licenseType)
		case held[i].Type != licenseType:
			err = r.client.ChangeLicenseType(ctx, id, held[i].Code, licenseType)
		default:
			err = nil
		}
		if err != nil {
			addAPIError(diags, "Unable to Assign aqua License "+code, err)
		}
	}
	for _, l := range held {
		if !slices.ContainsFunc(want, func(code string) bool { return strings.EqualFold(code, l.Code) }) {
			if err := r.client.RemoveLicense(ctx, id, l.Code); err != nil && !errors.Is(err, api.ErrNotFound) {
				addAPIError(diags, "Unable to Remove aqua License "+l.Code, err)
			}
		}
	}
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
	m.Email, m.Phone, m.Position = types.StringValue(u.Email), keptString(u.Phone, m.Phone), keptString(u.Position, m.Position)

	codes := make([]string, len(u.Licenses))
	for i, l := range u.Licenses {
		codes[i] = l.Code
	}
	m.Licenses = setOrNull(ctx, codes, m.Licenses, &diags)
	m.LicenseType = types.StringValue(licenseTypeOf(u.Licenses, m.LicenseType))

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
			roles[strconv.FormatInt(pid, 10)] = a.Role.Name
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

// licenseTypeOf is the license type to show for the licenses held: prior's
// (the default, `Named`, when unset) while every license has it, else the
// first other type found, so that drift shows.
func licenseTypeOf(held []aqua.UserLicense, prior types.String) string {
	configured := prior.ValueString()
	if prior.IsNull() || prior.IsUnknown() || configured == "" {
		configured = aqua.LicenseNamed
	}
	sorted := slices.SortedFunc(slices.Values(held), func(a, b aqua.UserLicense) int { return strings.Compare(a.Code, b.Code) })
	for _, l := range sorted {
		if l.Type != "" && l.Type != configured {
			return l.Type
		}
	}
	return configured
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
