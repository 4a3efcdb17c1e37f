package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

var (
	_ resource.ResourceWithConfigure      = &jamaUserResource{}
	_ resource.ResourceWithImportState    = &jamaUserResource{}
	_ resource.ResourceWithValidateConfig = &jamaUserResource{}
	_ resource.ResourceWithModifyPlan     = &jamaUserResource{}
)

// creatorLicenseAdvice is the seeds' requirement on integration accounts.
const creatorLicenseAdvice = "The user account must have administrative privileges, a Creator license type, and the ability to read and write to the set of items you are integrating with."

// nonCreatorLicenses are Jama license types without REST API access.
var nonCreatorLicenses = []string{
	"STAKEHOLDER", "FLOATING_COLLABORATOR", "RESERVED_COLLABORATOR", "FLOATING_REVIEWER",
	"RESERVED_REVIEWER", "NAMED_REVIEWER", "TEST_RUNNER", "INACTIVE",
}

func newJamaUserResource() resource.Resource { return &jamaUserResource{} }

// jamaUserResource is a Jama Connect user, such as the integration's
// service account.
type jamaUserResource struct {
	client *jama.Client
}

type jamaUserModel struct {
	ID                types.String `tfsdk:"id"`
	Username          types.String `tfsdk:"username"`
	Email             types.String `tfsdk:"email"`
	FirstName         types.String `tfsdk:"first_name"`
	LastName          types.String `tfsdk:"last_name"`
	Phone             types.String `tfsdk:"phone"`
	Title             types.String `tfsdk:"title"`
	Location          types.String `tfsdk:"location"`
	LicenseType       types.String `tfsdk:"license_type"`
	Active            types.Bool   `tfsdk:"active"`
	Password          types.String `tfsdk:"password"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
}

func (r *jamaUserResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jama_user"
}

func (r *jamaUserResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "Identifier of the user in Jama Connect.",
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"username": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The user's login name, unique in Jama Connect (compared without regard to case). No white space. Renaming updates the user in place.",
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1), noWhiteSpace{}},
		},
		"email": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The user's email address.",
			Validators:          []validator.String{emailValidator{}},
		},
		"first_name": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The user's first name.",
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"last_name": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The user's last name.",
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"phone":    schema.StringAttribute{Optional: true, MarkdownDescription: "The user's phone number.", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
		"title":    schema.StringAttribute{Optional: true, MarkdownDescription: "The user's job title.", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
		"location": schema.StringAttribute{Optional: true, MarkdownDescription: "The user's location.", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
		"license_type": schema.StringAttribute{
			Required: true,
			MarkdownDescription: "Jama license type, one of " + backtickList(jama.LicenseTypes) + ". " +
				"An integration service account needs a creator license (`NAMED` or `FLOATING`): REST access requires one, and the JIRA Connector recommends a user called \"JIRA User\" " +
				"with a floating creator license. Other types produce a plan-time warning.",
			Validators: []validator.String{stringvalidator.OneOf(jama.LicenseTypes...)},
		},
		"active": schema.BoolAttribute{
			Optional: true,
			Computed: true,
			Default:  booldefault.StaticBool(true),
			MarkdownDescription: "Whether the user is active. Jama Connect has no user delete: destroying this resource deactivates the user, " +
				"and creating a user whose username belongs to a deactivated user reactivates and updates that user. Default value is `true`.",
		},
	}
	for k, v := range secretAttributes("password", "The user's password. Exactly one of `password` and `password_wo` is required to create a user; an imported user keeps its password until you set one.") {
		attrs[k] = v
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Jama Connect user (Admin > Users > Add), for example the dedicated service account an integration authenticates as. " +
			"Uses Jama's REST API (`/rest/v1/users`). " + creatorLicenseAdvice,
		Attributes: attrs,
	}
}

func (r *jamaUserResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFor(req.ProviderData, &resp.Diagnostics, "almsync_jama_user", jamaProduct)
}

func (r *jamaUserResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m jamaUserModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !m.LicenseType.IsNull() && !m.LicenseType.IsUnknown() && slices.Contains(nonCreatorLicenses, m.LicenseType.ValueString()) {
		resp.Diagnostics.AddAttributeWarning(path.Root("license_type"), "License Type Without REST Access",
			fmt.Sprintf("`license_type = %q` is not a creator license, so this user cannot use Jama's REST API and cannot serve as an integration account. %s",
				m.LicenseType.ValueString(), creatorLicenseAdvice))
	}
}

// ModifyPlan requires a password to create a user; an imported user keeps
// its own.
func (r *jamaUserResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	checkSecretsOnCreate(ctx, req, &resp.Diagnostics, []secretRequirement{{
		at: path.Root("password"), summary: "Missing Jama User Password",
		detail: "Jama needs a password to create a user: set exactly one of `password` and `password_wo` (with `password_wo_version`).",
	}})
}

func (r *jamaUserResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan jamaUserModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body := userRequestFromModel(plan)
	var d diag.Diagnostics
	body.Password, d = secretForCreate(ctx, req.Config, path.Root("password"))
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := r.client.CreateUser(ctx, body)
	if errors.Is(err, api.ErrConflict) {
		id, err = r.adoptDeactivated(ctx, body, err, &resp.Diagnostics)
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to Create Jama User", err)
		return
	}
	plan.ID = types.StringValue(strconv.FormatInt(id, 10))
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), plan.ID)...)
	if !plan.Active.ValueBool() {
		if err := r.client.SetUserActive(ctx, id, false); err != nil {
			addAPIError(&resp.Diagnostics, "Unable to Deactivate Jama User", err)
			return
		}
	}
	r.readInto(ctx, &plan, &resp.Diagnostics, "Unable to Read Jama User After Create")
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// adoptDeactivated takes over a deactivated user with the same username,
// since destroying this resource only deactivates. An active user is left
// alone: conflictErr is returned.
func (r *jamaUserResource) adoptDeactivated(ctx context.Context, body jama.UserRequest, conflictErr error, diags *diag.Diagnostics) (int64, error) {
	existing, found, err := r.client.FindUser(ctx, body.Username)
	if err != nil || !found || existing.Active {
		return 0, conflictErr
	}
	if err := r.client.UpdateUser(ctx, existing.ID, body); err != nil {
		return 0, err
	}
	if err := r.client.SetUserActive(ctx, existing.ID, true); err != nil {
		return 0, err
	}
	diags.AddWarning("Reactivated Existing Jama User",
		fmt.Sprintf("Jama Connect already had a deactivated user %q (id %d), for example from an earlier destroy. It was updated with this configuration and reactivated.",
			existing.Username, existing.ID))
	return existing.ID, nil
}

func (r *jamaUserResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state jamaUserModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	obj, ok, gone := getByID(ctx, state.ID, &resp.Diagnostics, "Unable to Read Jama User", r.client.GetUser)
	if gone {
		removedOutOfBand(ctx, &resp.Diagnostics, "Jama User", state.ID.ValueString())
		resp.State.RemoveResource(ctx)
		return
	}
	if !ok {
		return
	}
	modelFromUser(&state, obj)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *jamaUserResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state jamaUserModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := parseID(state.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid Jama User ID", err.Error())
		return
	}
	body := userRequestFromModel(plan)
	var d diag.Diagnostics
	body.Password, d = secretForUpdate(ctx, req.Config, req.Plan, req.State, path.Root("password"), false)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.UpdateUser(ctx, id, body); err != nil {
		addAPIError(&resp.Diagnostics, "Unable to Update Jama User", err)
		return
	}
	if !plan.Active.Equal(state.Active) {
		if err := r.client.SetUserActive(ctx, id, plan.Active.ValueBool()); err != nil {
			addAPIError(&resp.Diagnostics, "Unable to Change Jama User Activation", err)
			return
		}
	}
	plan.ID = state.ID
	r.readInto(ctx, &plan, &resp.Diagnostics, "Unable to Read Jama User After Update")
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// Delete deactivates the user: Jama Connect has no user delete.
func (r *jamaUserResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteByID(ctx, req.State, &resp.Diagnostics, "Unable to Deactivate Jama User", func(ctx context.Context, id int64) error {
		return r.client.SetUserActive(ctx, id, false)
	})
}

func (r *jamaUserResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByIDOrKey(ctx, req, resp, "Jama User", "terraform import almsync_jama_user.jira_user username=jira.user",
		func(ctx context.Context, username string) (int64, bool, error) {
			u, found, err := r.client.FindUser(ctx, username)
			return u.ID, found, err
		}, "username", "name")
}

func (r *jamaUserResource) readInto(ctx context.Context, m *jamaUserModel, diags *diag.Diagnostics, summary string) {
	if obj, ok := getAfterWrite(ctx, m.ID, diags, summary, r.client.GetUser); ok {
		modelFromUser(m, obj)
	}
}

// userRequestFromModel builds the API request from the plan; the password
// is filled in by the caller.
func userRequestFromModel(m jamaUserModel) jama.UserRequest {
	return jama.UserRequest{
		Username:    m.Username.ValueString(),
		FirstName:   m.FirstName.ValueString(),
		LastName:    m.LastName.ValueString(),
		Email:       m.Email.ValueString(),
		Phone:       m.Phone.ValueString(),
		Title:       m.Title.ValueString(),
		Location:    m.Location.ValueString(),
		LicenseType: m.LicenseType.ValueString(),
	}
}

// modelFromUser copies what the API returns into m; the password is never
// returned, so m keeps it.
func modelFromUser(m *jamaUserModel, u jama.User) {
	m.ID = types.StringValue(strconv.FormatInt(u.ID, 10))
	m.Username = types.StringValue(u.Username)
	m.Email = types.StringValue(u.Email)
	m.FirstName = types.StringValue(u.FirstName)
	m.LastName = types.StringValue(u.LastName)
	m.Phone = stringOrNull(u.Phone)
	m.Title = stringOrNull(u.Title)
	m.Location = stringOrNull(u.Location)
	m.LicenseType = types.StringValue(u.LicenseType)
	m.Active = types.BoolValue(u.Active)
	m.PasswordWO = types.StringNull()
}
