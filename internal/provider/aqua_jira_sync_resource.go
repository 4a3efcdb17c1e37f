package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/objectvalidator"
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
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

var (
	_ resource.ResourceWithConfigure      = &aquaJiraSyncResource{}
	_ resource.ResourceWithIdentity       = &aquaJiraSyncResource{}
	_ resource.ResourceWithImportState    = &aquaJiraSyncResource{}
	_ resource.ResourceWithValidateConfig = &aquaJiraSyncResource{}
	_ resource.ResourceWithModifyPlan     = &aquaJiraSyncResource{}
)

// jiraSyncLicenseCode is the code of aqua's special Jira sync license.
const jiraSyncLicenseCode = "JIRASYNC"

func newAquaJiraSyncResource() resource.Resource { return &aquaJiraSyncResource{} }

// aquaJiraSyncResource is an aqua Jira sync definition.
type aquaJiraSyncResource struct {
	client *aqua.Client
}

type aquaJiraSyncModel struct {
	ID                types.String      `tfsdk:"id"`
	Name              types.String      `tfsdk:"name"`
	AquaProjectID     types.String      `tfsdk:"aqua_project_id"`
	JiraURL           types.String      `tfsdk:"jira_url"`
	JiraProjectKey    types.String      `tfsdk:"jira_project_key"`
	ConfigurationUser *jiraAccountModel `tfsdk:"configuration_user"`
	SyncUser          *jiraAccountModel `tfsdk:"sync_user"`
	AquaSyncUserID    types.String      `tfsdk:"aqua_sync_user_id"`
	Enabled           types.Bool        `tfsdk:"enabled"`
}

type jiraAccountModel struct {
	Username          types.String `tfsdk:"username"`
	Email             types.String `tfsdk:"email"`
	Password          types.String `tfsdk:"password"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
	APIToken          types.String `tfsdk:"api_token"`
	APITokenWO        types.String `tfsdk:"api_token_wo"`
	APITokenWOVersion types.Int64  `tfsdk:"api_token_wo_version"`
}

// jiraProjectKey is the shape of a Jira project key.
var jiraProjectKey = regexp.MustCompile(`^[A-Z][A-Z0-9_]+$`)

func jiraAccountBlock(what string) map[string]schema.Attribute {
	return withSecrets(map[string]schema.Attribute{
		"username": optionalNonEmptyString("Jira username (Server/Data Center). One of `username` and `email` is required; on Jira Cloud the email address must be used instead of the username."),
		"email":    optionalNonEmptyString("Email address of the Jira account; required on Jira Cloud (`*.atlassian.net`).", emailValidator{}),
	}, map[string]string{
		"password":  "Password of the " + what + " (Jira Server/Data Center).",
		"api_token": "API token of the " + what + ", required on Jira Cloud: a separate password created at https://id.atlassian.com/manage-profile/security/api-tokens so the user can log in via the REST API.",
	})
}

func (r *aquaJiraSyncResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_aqua_jira_sync"
}

func (r *aquaJiraSyncResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An aqua Jira sync: which aqua project synchronizes with which Jira project, and the accounts that do it (aqua's \"Checklist before start\"). " +
			"Administrative access to aqua and Jira is required for the initial setup. Before each create or update the provider checks, with aqua's public API, " +
			"that the aqua project exists and that the aqua sync user holds the Jira sync license and is `Project Administrator` in it." + aquaContractNote,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Identifier of the sync definition.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name of the sync, unique in aqua (compared without regard to case).",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1), noSurroundingSpace{}},
			},
			"aqua_project_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Id of the aqua project to synchronize. It must exist (checked at apply).",
				Validators:          []validator.String{numericID{}},
			},
			"jira_url": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "URL of the Jira system, e.g. `https://acme.atlassian.net`. On Jira Cloud the accounts need an email address and an API token.",
				Validators:          []validator.String{urlValidator{}},
			},
			"jira_project_key": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Key of the Jira project, e.g. `SYNC`: upper-case letters, digits and `_`, starting with a letter.",
				Validators:          []validator.String{stringvalidator.RegexMatches(jiraProjectKey, "must be a Jira project key such as `SYNC`")},
			},
			"aqua_sync_user_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Id of the separate aqua user used only for the sync (see `almsync_aqua_sync_user`). At apply it must hold the Jira sync license " +
					"(`" + jiraSyncLicenseCode + "`) and be `Project Administrator` in `aqua_project_id`.",
				Validators: []validator.String{numericID{}},
			},
			"enabled": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "Whether the synchronization runs. Default value is `true`.",
			},
		},
		Blocks: map[string]schema.Block{
			"configuration_user": schema.SingleNestedBlock{
				MarkdownDescription: "The Jira configuration user: the specific Jira user the sync is configured with. `username` or `email`, and `password` or `api_token`; " +
					"on Jira Cloud `email` and `api_token`.",
				Validators: []validator.Object{objectvalidator.IsRequired()},
				Attributes: jiraAccountBlock("configuration user"),
			},
			"sync_user": schema.SingleNestedBlock{
				MarkdownDescription: "Optional Jira sync user that handles the sync; it needs fewer permissions than the configuration user. " +
					"Without it the configuration user also runs the sync. Same rules as `configuration_user`.",
				Attributes: jiraAccountBlock("sync user"),
			},
		},
	}
}

// IdentitySchema is the resource identity (Terraform 1.12 and later).
func (r *aquaJiraSyncResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema("Identifier of the Jira sync in aqua, a positive number such as `3`: the resource's `id`.")
}

func (r *aquaJiraSyncResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFor(req.ProviderData, &resp.Diagnostics, "almsync_aqua_jira_sync", aquaProduct)
}

// ValidateConfig applies the checklist's rules for Jira accounts.
func (r *aquaJiraSyncResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m aquaJiraSyncModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cloud := !m.JiraURL.IsUnknown() && aqua.IsJiraCloud(m.JiraURL.ValueString())
	for block, acct := range map[string]*jiraAccountModel{"configuration_user": m.ConfigurationUser, "sync_user": m.SyncUser} {
		if acct == nil {
			continue
		}
		at := path.Root(block)
		if acct.Username.IsNull() && acct.Email.IsNull() {
			resp.Diagnostics.AddAttributeError(at.AtName("email"), "Missing Jira Login", fmt.Sprintf("`%s` needs `username` or `email`.", block))
		}
		if cloud && acct.Email.IsNull() {
			resp.Diagnostics.AddAttributeError(at.AtName("email"), "Jira Cloud Needs an Email Address",
				fmt.Sprintf("`jira_url` is a Jira Cloud site, where the email address must be used instead of the username: set `%s.email`.", block))
		}
		// A password given on Jira Cloud is a mistake whether or not the
		// object exists: Cloud's REST API accepts only API tokens.
		if password, d := secretSet(ctx, req.Config, at.AtName("password")); cloud && password {
			resp.Diagnostics.Append(d...)
			resp.Diagnostics.AddAttributeError(at.AtName("api_token"), "Jira Cloud Needs an API Token", cloudTokenDetail(block))
		}
	}
}

// cloudTokenDetail says why and how to set an API token on Jira Cloud.
func cloudTokenDetail(block string) string {
	return fmt.Sprintf("`jira_url` is a Jira Cloud site, where a separate password, the API token, must be created so the user can log in via the REST API "+
		"(https://id.atlassian.com/manage-profile/security/api-tokens): set `%s.api_token` or `api_token_wo`.", block)
}

// ModifyPlan checks that a bridge serves the Jira Sync contract before a
// create or an update, and requires each account's secret to create a sync
// (an API token on Jira Cloud); an imported sync keeps the secrets aqua
// holds.
func (r *aquaJiraSyncResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	checkAquaContract(ctx, r.client, req, &resp.Diagnostics, "aqua Jira Sync")
	if req.Plan.Raw.IsNull() || !req.State.Raw.IsNull() {
		return
	}
	var m aquaJiraSyncModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cloud := aqua.IsJiraCloud(m.JiraURL.ValueString())
	var reqs []secretRequirement
	for _, block := range []string{"configuration_user", "sync_user"} {
		if (block == "configuration_user" && m.ConfigurationUser == nil) || (block == "sync_user" && m.SyncUser == nil) {
			continue
		}
		at := path.Root(block)
		if cloud {
			reqs = append(reqs, secretRequirement{at: at.AtName("api_token"), summary: "Jira Cloud Needs an API Token", detail: cloudTokenDetail(block)})
			continue
		}
		reqs = append(reqs, secretRequirement{at: at.AtName("api_token"), anyOf: []path.Path{at.AtName("password")}, summary: "Missing Jira Secret",
			detail: fmt.Sprintf("`%s` needs `password` or `api_token` (or their `_wo` forms).", block)})
	}
	checkSecretsOnCreate(ctx, req, &resp.Diagnostics, reqs)
}

func (r *aquaJiraSyncResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan aquaJiraSyncModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	def := syncDefinitionFromModel(plan)
	resp.Diagnostics.Append(fillAccountSecrets(&def, func(p path.Path) (string, diag.Diagnostics) { return secretForCreate(ctx, req.Config, p) })...)
	resp.Diagnostics.Append(r.checkPrerequisites(ctx, def)...)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := r.client.CreateSyncDefinition(ctx, def)
	if err != nil {
		addSyncAPIError(&resp.Diagnostics, "Unable to Create aqua Jira Sync", err, plan)
		return
	}
	plan.ID = types.StringValue(strconv.FormatInt(created.ID, 10))
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), plan.ID)...)
	r.readInto(ctx, &plan, &resp.Diagnostics, "Unable to Read aqua Jira Sync After Create")
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: plan.ID})
	knownAfterFailure(&resp.State, &resp.Diagnostics)
}

func (r *aquaJiraSyncResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state aquaJiraSyncModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	obj, ok, gone := getByID(ctx, state.ID, &resp.Diagnostics, "Unable to Read aqua Jira Sync", r.client.GetSyncDefinition)
	if gone {
		removedOutOfBand(ctx, &resp.Diagnostics, "aqua Jira Sync", state.ID.ValueString())
		setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: state.ID})
		resp.State.RemoveResource(ctx)
		return
	}
	if !ok {
		return
	}
	modelFromSyncDefinition(&state, obj)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: state.ID})
}

func (r *aquaJiraSyncResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state aquaJiraSyncModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := parseID(state.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid aqua Jira Sync ID", err.Error())
		return
	}
	def := syncDefinitionFromModel(plan)
	resp.Diagnostics.Append(fillAccountSecrets(&def, func(p path.Path) (string, diag.Diagnostics) {
		return secretForUpdate(ctx, req.Config, req.Plan, req.State, p, false)
	})...)
	resp.Diagnostics.Append(r.checkPrerequisites(ctx, def)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if _, err := r.client.UpdateSyncDefinition(ctx, id, def); err != nil {
		addSyncAPIError(&resp.Diagnostics, "Unable to Update aqua Jira Sync", err, plan)
		return
	}
	plan.ID = state.ID
	r.readInto(ctx, &plan, &resp.Diagnostics, "Unable to Read aqua Jira Sync After Update")
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: plan.ID})
}

func (r *aquaJiraSyncResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteByID(ctx, req.State, &resp.Diagnostics, "Unable to Delete aqua Jira Sync", r.client.DeleteSyncDefinition)
}

func (r *aquaJiraSyncResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByIDOrKey(ctx, req, resp, "aqua Jira Sync", `terraform import almsync_aqua_jira_sync.main "name=Jira Sync Pilot"`,
		func(ctx context.Context, name string) (int64, bool, error) {
			d, found, err := r.client.FindSyncDefinition(ctx, name)
			return d.ID, found, err
		}, "name")
}

// checkPrerequisites verifies, with aqua's public API, what the checklist
// asks before a sync can start, so the error says exactly what is missing.
func (r *aquaJiraSyncResource) checkPrerequisites(ctx context.Context, def aqua.SyncDefinition) diag.Diagnostics {
	var diags diag.Diagnostics
	if _, err := r.client.GetProject(ctx, def.AquaProjectID); err != nil {
		if errors.Is(err, api.ErrNotFound) {
			diags.AddAttributeError(path.Root("aqua_project_id"), "aqua Project Not Found",
				fmt.Sprintf("aqua project %d does not exist. Check `aqua_project_id`: it is the id aqua shows for the project.", def.AquaProjectID))
		} else {
			addAPIError(&diags, "Unable to Read aqua Project", err)
		}
		return diags
	}
	if def.AquaSyncUserID == 0 {
		return diags
	}
	hasLicense, err := r.holdsJiraSyncLicense(ctx, def.AquaSyncUserID)
	if err != nil {
		addAPIError(&diags, "Unable to Read aqua Sync User Licenses", err)
		return diags
	}
	if !hasLicense {
		diags.AddAttributeError(path.Root("aqua_sync_user_id"), "aqua Sync User Lacks the Jira Sync License",
			fmt.Sprintf("aqua user %d has no Jira sync license (%s). Add it to the user's `licenses` (almsync_aqua_sync_user); "+
				"if you do not have a special license, contact aqua support (support@aqua-cloud.io).", def.AquaSyncUserID, jiraSyncLicenseCode))
	}
	a, found, err := r.client.FindAssignment(ctx, def.AquaProjectID, def.AquaSyncUserID)
	if err != nil {
		addAPIError(&diags, "Unable to Read aqua Project Roles", err)
		return diags
	}
	if !found || !strings.EqualFold(a.Role.Name, aqua.RoleProjectAdministrator) {
		role := "no role"
		if found {
			role = "role " + strconv.Quote(a.Role.Name)
		}
		diags.AddAttributeError(path.Root("aqua_sync_user_id"), "aqua Sync User Is Not Project Administrator",
			fmt.Sprintf("aqua user %d has %s in project %d, but the sync user must be %q there. Set `project_roles = { \"%d\" = \"%s\" }` on the almsync_aqua_sync_user.",
				def.AquaSyncUserID, role, def.AquaProjectID, aqua.RoleProjectAdministrator, def.AquaProjectID, aqua.RoleProjectAdministrator))
	}
	return diags
}

// holdsJiraSyncLicense reports whether the aqua user holds the Jira sync
// license: the license with its code, or one whose name says "Jira sync".
func (r *aquaJiraSyncResource) holdsJiraSyncLicense(ctx context.Context, userID int64) (bool, error) {
	held, err := r.client.UserLicenses(ctx, userID)
	if err != nil || len(held) == 0 {
		return false, err
	}
	if slices.ContainsFunc(held, func(l aqua.UserLicense) bool { return strings.EqualFold(l.Code, jiraSyncLicenseCode) }) {
		return true, nil
	}
	pools, err := r.client.ListLicenses(ctx)
	if err != nil {
		return false, err
	}
	for _, pool := range pools {
		if strings.Contains(strings.ToLower(pool.Name), "jira sync") &&
			slices.ContainsFunc(held, func(l aqua.UserLicense) bool { return strings.EqualFold(l.Code, pool.Code) }) {
			return true, nil
		}
	}
	return false, nil
}

func (r *aquaJiraSyncResource) readInto(ctx context.Context, m *aquaJiraSyncModel, diags *diag.Diagnostics, summary string) {
	if obj, ok := getAfterWrite(ctx, m.ID, diags, summary, r.client.GetSyncDefinition); ok {
		modelFromSyncDefinition(m, obj)
	}
}

func syncDefinitionFromModel(m aquaJiraSyncModel) aqua.SyncDefinition {
	project, _ := strconv.ParseInt(m.AquaProjectID.ValueString(), 10, 64)
	syncUser, _ := strconv.ParseInt(m.AquaSyncUserID.ValueString(), 10, 64)
	def := aqua.SyncDefinition{
		Name:           m.Name.ValueString(),
		AquaProjectID:  project,
		JiraURL:        m.JiraURL.ValueString(),
		JiraProjectKey: m.JiraProjectKey.ValueString(),
		AquaSyncUserID: syncUser,
		Enabled:        m.Enabled.ValueBool(),
	}
	if a := m.ConfigurationUser; a != nil {
		def.ConfigurationUser = aqua.JiraAccount{Username: a.Username.ValueString(), Email: a.Email.ValueString()}
	}
	if a := m.SyncUser; a != nil {
		def.SyncUser = &aqua.JiraAccount{Username: a.Username.ValueString(), Email: a.Email.ValueString()}
	}
	return def
}

// fillAccountSecrets sets the accounts' secrets that secret returns.
func fillAccountSecrets(def *aqua.SyncDefinition, secret func(path.Path) (string, diag.Diagnostics)) diag.Diagnostics {
	var diags diag.Diagnostics
	fill := func(a *aqua.JiraAccount, block string) {
		var d diag.Diagnostics
		a.Password, d = secret(path.Root(block).AtName("password"))
		diags.Append(d...)
		a.APIToken, d = secret(path.Root(block).AtName("api_token"))
		diags.Append(d...)
	}
	fill(&def.ConfigurationUser, "configuration_user")
	if def.SyncUser != nil {
		fill(def.SyncUser, "sync_user")
	}
	return diags
}

func modelFromSyncDefinition(m *aquaJiraSyncModel, d aqua.SyncDefinition) {
	m.ID = types.StringValue(strconv.FormatInt(d.ID, 10))
	m.Name = types.StringValue(d.Name)
	m.AquaProjectID = types.StringValue(strconv.FormatInt(d.AquaProjectID, 10))
	m.JiraURL = types.StringValue(d.JiraURL)
	m.JiraProjectKey = types.StringValue(d.JiraProjectKey)
	m.Enabled = types.BoolValue(d.Enabled)
	m.AquaSyncUserID = types.StringNull()
	if d.AquaSyncUserID != 0 {
		m.AquaSyncUserID = types.StringValue(strconv.FormatInt(d.AquaSyncUserID, 10))
	}
	m.ConfigurationUser = accountModel(m.ConfigurationUser, &d.ConfigurationUser)
	m.SyncUser = accountModel(m.SyncUser, d.SyncUser)
}

// accountModel is a Jira account as the API returns it; secrets, never
// returned, are kept from prior.
func accountModel(prior *jiraAccountModel, a *aqua.JiraAccount) *jiraAccountModel {
	if a == nil {
		return nil
	}
	out := &jiraAccountModel{Username: stringOrNull(a.Username), Email: stringOrNull(a.Email)}
	if prior != nil { // write-only values stay null
		out.Password, out.PasswordWOVersion = prior.Password, prior.PasswordWOVersion
		out.APIToken, out.APITokenWOVersion = prior.APIToken, prior.APITokenWOVersion
	}
	return out
}

// addSyncAPIError adds the diagnostic for a failed create or update: a
// rejection names the attributes instead of aqua's field names, a
// duplicate name gives the import block that adopts the existing sync,
// and other failures read as addAPIError's.
func addSyncAPIError(diags *diag.Diagnostics, summary string, err error, m aquaJiraSyncModel) {
	if addWireAPIError(diags, summary, err, aquaSyncWireFields()) {
		return
	}
	if errors.Is(err, api.ErrConflict) {
		diags.AddAttributeError(path.Root("name"), summary, err.Error()+"\n\n"+
			"aqua already has a Jira sync with this name (compared without regard to case). Give this one another `name`, "+
			"or bring the existing sync under Terraform with this block, with `to` set to this resource's address (the one Terraform names on the `with` line):\n\n"+
			importBlock("almsync_aqua_jira_sync", "name="+m.Name.ValueString()))
		return
	}
	addAPIError(diags, summary, err)
}
