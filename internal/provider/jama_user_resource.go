package provider

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
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
	_ resource.ResourceWithConfigure   = &jamaUserResource{}
	_ resource.ResourceWithIdentity    = &jamaUserResource{}
	_ resource.ResourceWithImportState = &jamaUserResource{}
	_ resource.ResourceWithModifyPlan  = &jamaUserResource{}
)

// creatorLicenseAdvice is the seeds' requirement on integration accounts.
const creatorLicenseAdvice = "The user account must have administrative privileges, a Creator license type, and the ability to read and write to the set of items you are integrating with."

// restLicenseAdvice says which Jama license gives REST API access.
const restLicenseAdvice = "Jama Connect's REST API is available only to users with a named creator license (`license_type = \"NAMED\"`); " +
	"floating creators (`FLOATING`) and reviewer, stakeholder, collaborator and test runner licenses have no REST API access."

// passwordNotSentDetail explains, for a plan that changes the password of
// an existing user, why the new value is not sent.
const passwordNotSentDetail = "Jama Connect's REST API cannot change the password of an existing user: `PUT /rest/v1/users/{id}` does not accept a password. " +
	"The new value is NOT sent to Jama, and the user keeps the password it has. Change it in Jama Connect instead (Admin > Users, or the user's own profile). " +
	"Terraform records the configured value (or `password_wo_version`) in the state only so that the plan stays clean; that does not mean Jama holds it."

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
		"phone":    optionalProfileString("The user's phone number."),
		"title":    optionalProfileString("The user's job title."),
		"location": optionalProfileString("The user's location."),
		"license_type": schema.StringAttribute{
			Required: true,
			MarkdownDescription: "Jama license type, one of " + backtickList(jama.LicenseTypes) + ". " + restLicenseAdvice + " " +
				"A floating creator (`FLOATING`) suits the classic JIRA Connector's \"JIRA User\" (the `jama_user` of an `almsync_jira_sync_connection`), " +
				"which runs the synchronization inside Jama; the JIRA Connector page recommends exactly that. An account an integration logs in with " +
				"through the REST API, such as Interchange's service account (the `username` of an `almsync_jama_connector`), must be `NAMED`: " +
				"the connector's plan warns when its user is not. The license types that are not creators (reviewers, stakeholders, collaborators, " +
				"test runners, trials, `INACTIVE`) can run neither integration and produce a plan-time warning.",
			Validators: []validator.String{stringvalidator.OneOf(jama.LicenseTypes...)},
		},
		"active": schema.BoolAttribute{
			Optional: true,
			Computed: true,
			Default:  booldefault.StaticBool(true),
			MarkdownDescription: "Whether the user is active. Jama Connect has no user delete: destroying this resource deactivates the user, " +
				"and creating a user whose username belongs to a deactivated user reactivates and updates that user, with a warning: its password stays the one it had, " +
				"since Jama's REST API cannot change an existing user's password. Default value is `true`.",
		},
	}
	for k, v := range passwordAttributes() {
		attrs[k] = v
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Jama Connect user (Admin > Users > Add), for example the dedicated service account an integration authenticates as. " +
			"Uses Jama's REST API (`/rest/v1/users`). " + creatorLicenseAdvice,
		Attributes: attrs,
	}
}

// optionalProfileString is an optional profile field of a Jama user. Jama
// stores an empty value as no value, so `""` means the same as leaving the
// attribute unset (handy for a variable with `default = ""`).
func optionalProfileString(what string) schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true,
		MarkdownDescription: what + " Jama Connect treats an empty value as none: `\"\"` means the same as leaving the attribute unset, " +
			"so a variable with `default = \"\"` can be passed through.",
	}
}

// passwordAttributes are password, password_wo and password_wo_version,
// described as Jama treats them: sent when the user is created, never
// after (Jama's REST API cannot change an existing user's password).
func passwordAttributes() map[string]schema.Attribute {
	const (
		what   = "The user's initial password, sent to Jama only when this resource creates the user. Exactly one of `password` and `password_wo` is required to create a user. "
		notPUT = "Jama's REST API cannot change an existing user's password, so a later change is not sent: the plan warns, and you change the password in Jama Connect " +
			"(Admin > Users, or the user's own profile). The state then records the configured value only so that the plan stays clean."
	)
	return map[string]schema.Attribute{
		"password": schema.StringAttribute{
			Optional:  true,
			Sensitive: true,
			MarkdownDescription: what + notPUT + " Sensitive: hidden in plans and logs but kept in state; prefer `password_wo` on Terraform 1.11 and later. " +
				"Conflicts with `password_wo`. Jama never returns it, so a change made in Jama is not detected.",
			Validators: []validator.String{
				stringvalidator.LengthAtLeast(1),
				stringvalidator.ConflictsWith(path.MatchRelative().AtParent().AtName("password_wo")),
			},
		},
		"password_wo": schema.StringAttribute{
			Optional:  true,
			Sensitive: true,
			WriteOnly: true,
			MarkdownDescription: what + "Write-only (Terraform 1.11 and later): never written to plan or state. Requires `password_wo_version`. " +
				"Conflicts with `password`. " + notPUT,
			Validators: []validator.String{
				stringvalidator.LengthAtLeast(1),
				stringvalidator.AlsoRequires(path.MatchRelative().AtParent().AtName("password_wo_version")),
			},
		},
		"password_wo_version": schema.Int64Attribute{
			Optional: true,
			MarkdownDescription: "Version of `password_wo`. For other resources a new version sends the write-only value again, but Jama's REST API cannot change " +
				"an existing user's password: a new version is NOT sent, the plan warns, and you change the password in Jama Connect (Admin > Users, or the user's own profile). " +
				"Requires `password_wo`.",
			Validators: []validator.Int64{
				int64validator.AlsoRequires(path.MatchRelative().AtParent().AtName("password_wo")),
			},
		},
	}
}

// IdentitySchema is the resource identity (Terraform 1.12 and later).
func (r *jamaUserResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema("Identifier of the user in Jama Connect, a positive number such as `12`: the resource's `id`.")
}

func (r *jamaUserResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFor(req.ProviderData, &resp.Diagnostics, "almsync_jama_user", jamaProduct)
}

// ModifyPlan requires a password to create a user (an imported user keeps
// its own), warns when a plan changes the password of an existing user,
// which Jama's REST API cannot do, when the license type can run no
// integration, and when a destroy will deactivate the user.
func (r *jamaUserResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		warnDeactivateOnDestroy(ctx, req, &resp.Diagnostics)
		return
	}
	var licenseType types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("license_type"), &licenseType)...)
	if lt := licenseType.ValueString(); !licenseType.IsNull() && !licenseType.IsUnknown() && !jama.IsCreator(lt) {
		resp.Diagnostics.AddAttributeWarning(path.Root("license_type"), "License Type Cannot Run an Integration",
			fmt.Sprintf("`license_type = %q` is not a Creator license type, so this account can run no integration: %s "+
				"For Interchange's service account set `license_type = \"NAMED\"`; for the JIRA Connector's \"JIRA User\" `NAMED` or `FLOATING`. %s",
				lt, restLicenseAdvice, creatorLicenseAdvice))
	}
	checkSecretsOnCreate(ctx, req, &resp.Diagnostics, []secretRequirement{{
		at: path.Root("password"), summary: "Missing Jama User Password",
		detail: "Jama needs a password to create a user: set exactly one of `password` and `password_wo` (with `password_wo_version`).",
	}})
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var planPassword, statePassword types.String
	var planVersion, stateVersion types.Int64
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("password"), &planPassword)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("password"), &statePassword)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("password_wo_version"), &planVersion)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("password_wo_version"), &stateVersion)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// A removed password or version changes nothing Jama holds: no warning.
	switch {
	case !planPassword.IsNull() && !planPassword.Equal(statePassword):
		resp.Diagnostics.AddAttributeWarning(path.Root("password"), "Jama User Password Not Changed", passwordNotSentDetail)
	case !planVersion.IsNull() && !planVersion.Equal(stateVersion):
		resp.Diagnostics.AddAttributeWarning(path.Root("password_wo_version"), "Jama User Password Not Changed", passwordNotSentDetail)
	}
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
		addAPIErrorFor(&resp.Diagnostics, "Unable to Create Jama User", err, userErrorContext(plan))
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
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: plan.ID})
	knownAfterFailure(&resp.State, &resp.Diagnostics)
}

// adoptDeactivated takes over a deactivated user with the same username,
// since destroying this resource only deactivates. An active user is left
// alone: conflictErr is returned. Jama cannot change the adopted user's
// password, which the warning says.
func (r *jamaUserResource) adoptDeactivated(ctx context.Context, body jama.UserRequest, conflictErr error, diags *diag.Diagnostics) (int64, error) {
	existing, found, err := r.client.FindUser(ctx, body.Username)
	if err != nil || !found || existing.Active {
		return 0, conflictErr
	}
	if err := r.client.UpdateUser(ctx, existing.ID, userUpdateFromRequest(body)); err != nil {
		return 0, err
	}
	if err := r.client.SetUserActive(ctx, existing.ID, true); err != nil {
		return 0, err
	}
	diags.AddWarning("Reactivated Existing Jama User",
		fmt.Sprintf("Jama Connect already had a deactivated user %q (id %d), for example from an earlier destroy. It was updated with this configuration and reactivated. "+
			"Its password was NOT changed: Jama's REST API cannot change an existing user's password, so the user keeps the password it had. "+
			"Set the configured password in Jama Connect (Admin > Users) if it should apply.",
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
		setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: state.ID})
		resp.State.RemoveResource(ctx)
		return
	}
	if !ok {
		return
	}
	modelFromUser(&state, obj)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: state.ID})
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
	// No password: Jama cannot change it (ModifyPlan warned). The plan's
	// password and password_wo_version go to state as configured.
	if err := r.client.UpdateUser(ctx, id, userUpdateFromRequest(userRequestFromModel(plan))); err != nil {
		addAPIErrorFor(&resp.Diagnostics, "Unable to Update Jama User", err, userErrorContext(plan))
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
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: plan.ID})
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

// userAPIFields are the attributes behind Jama's user fields, as its
// messages name them.
var userAPIFields = apiFields{
	"username": path.Root("username"), "email": path.Root("email"), "firstName": path.Root("first_name"), "lastName": path.Root("last_name"),
	"phone": path.Root("phone"), "title": path.Root("title"), "location": path.Root("location"), "licenseType": path.Root("license_type"),
	"password": path.Root("password"),
}

// userErrorContext makes Jama's errors about m actionable: a conflict is a
// user with the same username, imported by that username.
func userErrorContext(m jamaUserModel) apiErrorContext {
	return apiErrorContext{
		fields: userAPIFields, resourceType: "almsync_jama_user",
		importID: "username=" + m.Username.ValueString(), conflictFix: "choose another `username`",
	}
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

// userUpdateFromRequest is the PUT body for the fields of req: all but the
// password, which Jama does not accept on update.
func userUpdateFromRequest(req jama.UserRequest) jama.UserUpdate {
	return jama.UserUpdate{
		Username:    req.Username,
		FirstName:   req.FirstName,
		LastName:    req.LastName,
		Email:       req.Email,
		Phone:       req.Phone,
		Title:       req.Title,
		Location:    req.Location,
		LicenseType: req.LicenseType,
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
	m.Phone = stringOrEmpty(u.Phone, m.Phone)
	m.Title = stringOrEmpty(u.Title, m.Title)
	m.Location = stringOrEmpty(u.Location, m.Location)
	m.LicenseType = types.StringValue(u.LicenseType)
	m.Active = types.BoolValue(u.Active)
	m.PasswordWO = types.StringNull()
}

// warnDeactivateOnDestroy says, in the destroy plan, that Jama Connect
// keeps the user: destroy only deactivates it.
func warnDeactivateOnDestroy(ctx context.Context, req resource.ModifyPlanRequest, diags *diag.Diagnostics) {
	var username types.String
	diags.Append(req.State.GetAttribute(ctx, path.Root("username"), &username)...)
	diags.AddWarning("Destroy Deactivates the Jama User",
		fmt.Sprintf("Jama Connect has no user delete: destroying this resource deactivates the user %q, which stays in Jama Connect with its history. "+
			"Creating a user with the same username later reactivates it. To stop managing the user without deactivating it, "+
			"remove it from the configuration with a `removed { from = ... lifecycle { destroy = false } }` block instead.", username.ValueString()))
}
