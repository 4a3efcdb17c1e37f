package provider

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

var (
	_ resource.ResourceWithConfigure      = &jamaConnectorResource{}
	_ resource.ResourceWithIdentity       = &jamaConnectorResource{}
	_ resource.ResourceWithImportState    = &jamaConnectorResource{}
	_ resource.ResourceWithValidateConfig = &jamaConnectorResource{}
	_ resource.ResourceWithModifyPlan     = &jamaConnectorResource{}
)

// verifySSLAdvice is the seed's advice on Verify SSL, quoted in the warning.
const verifySSLAdvice = "Leave this option selected unless Jama Software Support instructed you to deselect it."

func newJamaConnectorResource() resource.Resource { return &jamaConnectorResource{} }

// jamaConnectorResource is an Interchange connector for a Jama Connect
// instance.
type jamaConnectorResource struct {
	client *interchange.Client
	// jama and jamaURL are the provider's Jama Connect client and URL, when
	// its jama block is configured: the plan then checks that a basic
	// connector's account can use Jama's REST API.
	jama    *jama.Client
	jamaURL string
}

type jamaConnectorModel struct {
	ID                    types.String `tfsdk:"id"`
	Application           types.String `tfsdk:"application"`
	Name                  types.String `tfsdk:"name"`
	URL                   types.String `tfsdk:"url"`
	VerifySSL             types.Bool   `tfsdk:"verify_ssl"`
	AuthType              types.String `tfsdk:"auth_type"`
	Username              types.String `tfsdk:"username"`
	Password              types.String `tfsdk:"password"`
	PasswordWO            types.String `tfsdk:"password_wo"`
	PasswordWOVersion     types.Int64  `tfsdk:"password_wo_version"`
	ClientID              types.String `tfsdk:"client_id"`
	ClientSecret          types.String `tfsdk:"client_secret"`
	ClientSecretWO        types.String `tfsdk:"client_secret_wo"`
	ClientSecretWOVersion types.Int64  `tfsdk:"client_secret_wo_version"`
}

func (r *jamaConnectorResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jama_connector"
}

func (r *jamaConnectorResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "Identifier of the connector in Interchange.",
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"application": schema.StringAttribute{
			Computed: true,
			MarkdownDescription: "The connector's application, always `" + interchange.ApplicationJamaConnect + "` (\"Application — Select Jama Connect\"). " +
				"If you configure several integrations with the same Jama Connect instance, you need only one connector for that instance: reuse it.",
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"name": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "A descriptive name for the connector. Unique in Interchange (compared without regard to case); renaming updates the connector in place.",
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1), noSurroundingSpace{}},
		},
		"url": schema.StringAttribute{
			Required: true,
			MarkdownDescription: "Your Jama Connect URL, an absolute `https://` URL such as `https://acme.jamacloud.com`. " +
				"The URL of Jama's REST API (ending in `/rest/v1`) is accepted too: the connector is given the instance URL without that path, and the plan stays clean. " +
				"`http://` is accepted with a plan-time warning, since the connector's credentials then travel in clear text.",
			Validators: []validator.String{urlValidator{}},
		},
		"verify_ssl": schema.BoolAttribute{
			Optional: true,
			Computed: true,
			Default:  booldefault.StaticBool(true),
			MarkdownDescription: "Whether Interchange verifies the TLS certificate of the Jama Connect instance. " + verifySSLAdvice +
				" Setting `false` produces a plan-time warning. Default value is `true`.",
		},
		"auth_type": schema.StringAttribute{
			Required: true,
			MarkdownDescription: "Authentication type: `basic` (needs `username` and a password) or `oauth` (needs `client_id` and a client secret), " +
				"whichever your environment uses. If your Jama Connect instance uses SAML authentication, select `oauth`. Changing it updates the connector in place.",
			Validators: []validator.String{stringvalidator.OneOf(interchange.AuthBasic, interchange.AuthOAuth)},
		},
		"username": schema.StringAttribute{
			Optional: true,
			MarkdownDescription: "With `auth_type = \"basic\"`: the username of the Jama Connect user the integration service authenticates as " +
				"(for example a dedicated `InterchangeServiceAccount`). Required with `basic`, not allowed with `oauth`. Updates made by the integration appear to come from this account, " +
				"which must have administrative privileges, a Creator license type and read/write access to the integrated items. Interchange reaches Jama through its REST API, " +
				"which only users with a named creator license (`NAMED`) can use. When the provider's `jama` block points at the same Jama Connect URL, the plan looks the user up " +
				"there and warns if its license type is not `NAMED`.",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"client_id": schema.StringAttribute{
			Optional: true,
			MarkdownDescription: "With `auth_type = \"oauth\"`: the Client ID associated with the Jama Connect user account (Jama: Set API credentials). " +
				"Required with `oauth`, not allowed with `basic`.",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
	}
	for k, v := range secretAttributes("password", "With `auth_type = \"basic\"`: the password of the Jama Connect user. Exactly one of `password` and `password_wo` is required with `basic`; neither is allowed with `oauth`.") {
		attrs[k] = v
	}
	for k, v := range secretAttributes("client_secret", "With `auth_type = \"oauth\"`: the Client Secret associated with the user account. Exactly one of `client_secret` and `client_secret_wo` is required with `oauth`; neither is allowed with `basic`.") {
		attrs[k] = v
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Jama Connect Interchange connector for a Jama Connect instance: the account Interchange uses to authenticate with Jama Connect " +
			"(Interchange: Connectors > Add Connector > Application: Jama Connect)." +
			"\n\n**Contract.** Interchange publishes no API for connectors: this resource uses the provider's own published contract `interchange-connectors` (version 1.0.0), " +
			"which no Interchange serves by itself. A bridge implementing it serves it at the `interchange` block's `contract_url` (default: its `url`), " +
			"below `/almsync/interchange-connectors/v1`, with the `interchange` block's credentials. Without such a bridge, plans, refreshes and imports fail " +
			"with an error saying that the contract is not served, never with a connector read as deleted.",
		Attributes: attrs,
	}
}

// IdentitySchema is the resource identity (Terraform 1.12 and later).
func (r *jamaConnectorResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema("Identifier of the connector in Interchange, a positive number such as `12`: the resource's `id`.")
}

func (r *jamaConnectorResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFor(req.ProviderData, &resp.Diagnostics, "almsync_jama_connector", interchangeProduct)
	if data, ok := req.ProviderData.(*providerData); ok {
		r.jama, r.jamaURL = data.jamaClient, data.jama.get("url")
	}
}

// ValidateConfig applies the form's rules: the fields of the chosen
// authentication type are required, the other type's are not allowed.
// Warnings are ModifyPlan's, so that each appears once per plan.
func (r *jamaConnectorResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	// It runs for every connector of every plan: read the three
	// attributes it needs, not the whole model.
	cfg := readRaw(req.Config.Raw)
	authTypeValue, username, clientID := cfg.String("auth_type"), cfg.String("username"), cfg.String("client_id")
	resp.Diagnostics.Append(cfg.diags...)
	if resp.Diagnostics.HasError() || authTypeValue.IsNull() || authTypeValue.IsUnknown() {
		return
	}
	authType := authTypeValue.ValueString()
	fields := authFields{
		interchange.AuthBasic: {id: "username", idValue: username, secret: "password"},
		interchange.AuthOAuth: {id: "client_id", idValue: clientID, secret: "client_secret"},
	}
	resp.Diagnostics.Append(fields.validate(ctx, req.Config, authType)...)
}

// authFields names, per authentication type, its identity attribute and
// its secret.
type authFields map[string]struct {
	id      string
	idValue types.String
	secret  string
}

// validate requires the chosen type's identity and rejects the other
// types' attributes. Its secret is required on create (ModifyPlan).
func (f authFields) validate(ctx context.Context, config tfsdk.Config, chosen string) diag.Diagnostics {
	var diags diag.Diagnostics
	for authType, a := range f {
		secretGiven, d := secretSet(ctx, config, path.Root(a.secret))
		diags.Append(d...)
		if authType == chosen {
			if a.idValue.IsNull() {
				diags.AddAttributeError(path.Root(a.id), "Missing Attribute for Authentication Type",
					fmt.Sprintf("`auth_type = %q` needs `%s`. Set it, or choose another `auth_type`.", chosen, a.id))
			}
			continue
		}
		if !a.idValue.IsNull() {
			diags.AddAttributeError(path.Root(a.id), "Attribute Not Used by Authentication Type",
				fmt.Sprintf("`%s` is used only with `auth_type = %q`, but `auth_type` is %q. Remove `%s`, or set `auth_type = %q`.", a.id, authType, chosen, a.id, authType))
		}
		if secretGiven {
			diags.AddAttributeError(path.Root(a.secret), "Attribute Not Used by Authentication Type",
				fmt.Sprintf("`%s` (or `%s_wo`) is used only with `auth_type = %q`, but `auth_type` is %q. Remove it, or set `auth_type = %q`.", a.secret, a.secret, authType, chosen, authType))
		}
	}
	return diags
}

// ModifyPlan requires the chosen authentication type's secret to create a
// connector or to switch an existing one to that type (an imported
// connector that keeps its type keeps the secret Interchange holds), gives
// the plan's warnings and, for a create or an update, checks that the
// connector contract is served.
func (r *jamaConnectorResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	// It runs for every connector of every plan, mostly with nothing to
	// change: read the attributes it needs, not the whole model.
	planValues := readRaw(req.Plan.Raw)
	plan := jamaConnectorModel{
		VerifySSL: planValues.Bool("verify_ssl"),
		URL:       planValues.String("url"),
		AuthType:  planValues.String("auth_type"),
		Username:  planValues.String("username"),
	}
	resp.Diagnostics.Append(planValues.diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !plan.VerifySSL.IsNull() && !plan.VerifySSL.IsUnknown() && !plan.VerifySSL.ValueBool() {
		resp.Diagnostics.AddAttributeWarning(path.Root("verify_ssl"), "TLS Verification Disabled",
			"`verify_ssl = false` makes Interchange accept any certificate from the Jama Connect instance. "+
				"Jama's advice: \""+verifySSLAdvice+"\"")
	}
	if !plan.URL.IsUnknown() {
		warnCleartextURL(&resp.Diagnostics, path.Root("url"), plan.URL.ValueString(), "the connector's password or client secret")
	}
	authType := plan.AuthType.ValueString()
	secret := map[string]string{interchange.AuthBasic: "password", interchange.AuthOAuth: "client_secret"}[authType]
	if secret == "" || plan.AuthType.IsUnknown() {
		r.checkContract(ctx, req, &resp.Diagnostics)
		return
	}
	requirement := secretRequirement{
		at: path.Root(secret), summary: "Missing Secret for Authentication Type",
		detail: fmt.Sprintf("`auth_type = %q` needs exactly one of `%s` and `%s_wo` (with `%s_wo_version`) to create the connector.",
			authType, secret, secret, secret),
	}
	if req.State.Raw.IsNull() {
		checkSecretsOnCreate(ctx, req, &resp.Diagnostics, []secretRequirement{requirement})
	} else {
		stateValues := readRaw(req.State.Raw)
		stateAuthType := stateValues.String("auth_type")
		resp.Diagnostics.Append(stateValues.diags...)
		if !stateAuthType.IsNull() && stateAuthType.ValueString() != authType {
			requirement.detail = fmt.Sprintf("Changing `auth_type` from %q to %q needs the new type's secret: Interchange holds none for it. "+
				"Set exactly one of `%s` and `%s_wo` (with `%s_wo_version`).", stateAuthType.ValueString(), authType, secret, secret, secret)
			checkSecrets(ctx, req.Config, &resp.Diagnostics, []secretRequirement{requirement})
		}
	}
	if authType == interchange.AuthBasic {
		r.warnNoRESTAccess(ctx, req, plan, &resp.Diagnostics)
	}
	r.checkContract(ctx, req, &resp.Diagnostics)
}

// checkContract checks, for a create or an update, that the connector
// contract is served at the interchange block's contract_url.
func (r *jamaConnectorResource) checkContract(ctx context.Context, req resource.ModifyPlanRequest, diags *diag.Diagnostics) {
	if r.client != nil && !diags.HasError() {
		checkContractWhenWriting(ctx, req, diags, r.client.CheckContract)
	}
}

// warnNoRESTAccess warns when a basic connector's account has a license
// without REST API access, so Interchange could not use it. It asks the
// provider's Jama client, and only when that client serves the connector's
// Jama Connect URL and the plan creates the connector or changes its
// username or URL. The check is advice: a failed lookup is only logged.
// plan holds the planned username and URL.
func (r *jamaConnectorResource) warnNoRESTAccess(ctx context.Context, req resource.ModifyPlanRequest, plan jamaConnectorModel, diags *diag.Diagnostics) {
	if diags.HasError() || r.jama == nil || plan.Username.IsNull() || plan.Username.IsUnknown() || plan.URL.IsUnknown() ||
		!sameJamaInstance(plan.URL.ValueString(), r.jamaURL) {
		return
	}
	if !req.State.Raw.IsNull() {
		state := readRaw(req.State.Raw)
		username, u := state.String("username"), state.String("url")
		diags.Append(state.diags...)
		if diags.HasError() || (username.Equal(plan.Username) && u.Equal(plan.URL)) {
			return
		}
	}
	u, found, err := r.jama.FindUser(ctx, plan.Username.ValueString())
	if err != nil {
		tflog.Debug(ctx, "could not check the connector account's Jama license", map[string]any{"username": plan.Username.ValueString(), "error": err.Error()})
		return
	}
	if found && !jama.HasRESTAccess(u.LicenseType) {
		diags.AddAttributeWarning(path.Root("username"), "Connector Account Without REST API Access",
			fmt.Sprintf("The Jama Connect user %q has `licenseType` %q. Jama Connect's REST API is available only to users with a named creator license (`NAMED`), "+
				"and Interchange reaches Jama through that API, so this connector will fail to authenticate. Give the user a named creator license "+
				"(`license_type = \"NAMED\"` on its `almsync_jama_user`), or use another account.", u.Username, u.LicenseType))
	}
}

// sameJamaInstance reports whether two Jama Connect URLs name the same
// instance: the same scheme and host (ignoring case) and the same path
// (ignoring a trailing slash and the REST API path `/rest/v1`).
func sameJamaInstance(a, b string) bool {
	ua, errA := url.Parse(jamaBaseURL(a))
	ub, errB := url.Parse(jamaBaseURL(b))
	return errA == nil && errB == nil && ua.Host != "" &&
		strings.EqualFold(ua.Scheme, ub.Scheme) && strings.EqualFold(ua.Host, ub.Host) &&
		strings.TrimRight(ua.Path, "/") == strings.TrimRight(ub.Path, "/")
}

func (r *jamaConnectorResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan jamaConnectorModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn := connectorFromModel(plan)
	var d diag.Diagnostics
	conn.Password, d = secretForCreate(ctx, req.Config, path.Root("password"))
	resp.Diagnostics.Append(d...)
	conn.ClientSecret, d = secretForCreate(ctx, req.Config, path.Root("client_secret"))
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := r.client.CreateConnector(ctx, conn)
	if err != nil {
		addAPIErrorFor(&resp.Diagnostics, "Unable to Create Jama Connector", err, connectorErrorContext(plan))
		return
	}
	// Save the id first: if the read below fails, the connector is still tracked.
	plan.ID = types.StringValue(strconv.FormatInt(id, 10))
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), plan.ID)...)
	r.readInto(ctx, &plan, &resp.Diagnostics, "Unable to Read Jama Connector After Create")
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: plan.ID})
	knownAfterFailure(&resp.State, &resp.Diagnostics)
}

func (r *jamaConnectorResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state jamaConnectorModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	obj, ok, gone := getByID(ctx, state.ID, &resp.Diagnostics, "Unable to Read Jama Connector", r.client.GetConnector)
	if gone {
		removedOutOfBand(ctx, &resp.Diagnostics, "Jama Connector", state.ID.ValueString())
		setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: state.ID})
		resp.State.RemoveResource(ctx)
		return
	}
	if !ok {
		return
	}
	modelFromConnector(&state, obj)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: state.ID})
}

func (r *jamaConnectorResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state jamaConnectorModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := parseID(state.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid Jama Connector ID", err.Error())
		return
	}
	conn := connectorFromModel(plan)
	// A new authentication type needs its secret even if it did not change.
	switched := !plan.AuthType.Equal(state.AuthType)
	var d diag.Diagnostics
	conn.Password, d = secretForUpdate(ctx, req.Config, req.Plan, req.State, path.Root("password"), switched)
	resp.Diagnostics.Append(d...)
	conn.ClientSecret, d = secretForUpdate(ctx, req.Config, req.Plan, req.State, path.Root("client_secret"), switched)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.UpdateConnector(ctx, id, conn); err != nil {
		addAPIErrorFor(&resp.Diagnostics, "Unable to Update Jama Connector", err, connectorErrorContext(plan))
		return
	}
	plan.ID = state.ID
	r.readInto(ctx, &plan, &resp.Diagnostics, "Unable to Read Jama Connector After Update")
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: plan.ID})
}

func (r *jamaConnectorResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteByID(ctx, req.State, &resp.Diagnostics, "Unable to Delete Jama Connector", r.client.DeleteConnector)
}

func (r *jamaConnectorResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByIDOrKey(ctx, req, resp, "Jama Connector", `terraform import almsync_jama_connector.main "name=Production Jama"`,
		func(ctx context.Context, name string) (int64, bool, error) {
			c, found, err := r.client.FindConnector(ctx, name)
			return c.ID, found, err
		}, "name")
}

// connectorAPIFields are the attributes behind Interchange's connector
// fields, as its messages name them.
var connectorAPIFields = apiFields{
	"name": path.Root("name"), "url": path.Root("url"), "verifySSL": path.Root("verify_ssl"), "authType": path.Root("auth_type"),
	"username": path.Root("username"), "password": path.Root("password"), "clientId": path.Root("client_id"), "clientSecret": path.Root("client_secret"),
}

// connectorErrorContext makes Interchange's errors about m actionable: a
// conflict is a connector with the same name, imported by that name.
func connectorErrorContext(m jamaConnectorModel) apiErrorContext {
	return apiErrorContext{
		fields: connectorAPIFields, resourceType: "almsync_jama_connector",
		importID: "name=" + m.Name.ValueString(), conflictFix: "choose another `name`",
	}
}

// readInto refreshes m from the API after a write.
func (r *jamaConnectorResource) readInto(ctx context.Context, m *jamaConnectorModel, diags *diag.Diagnostics, summary string) {
	if obj, ok := getAfterWrite(ctx, m.ID, diags, summary, r.client.GetConnector); ok {
		modelFromConnector(m, obj)
	}
}

// connectorFromModel builds the API request from the plan; secrets are
// filled in by the caller.
func connectorFromModel(m jamaConnectorModel) interchange.Connector {
	return interchange.Connector{
		Application: interchange.ApplicationJamaConnect,
		Name:        m.Name.ValueString(),
		URL:         jamaBaseURL(m.URL.ValueString()),
		VerifySSL:   m.VerifySSL.ValueBool(),
		AuthType:    m.AuthType.ValueString(),
		Username:    m.Username.ValueString(),
		ClientID:    m.ClientID.ValueString(),
	}
}

// modelFromConnector copies what the API returns into m. Secrets are never
// returned, so m keeps them; write-only values stay null.
func modelFromConnector(m *jamaConnectorModel, c interchange.Connector) {
	m.ID = types.StringValue(strconv.FormatInt(c.ID, 10))
	m.Application = types.StringValue(c.Application)
	m.Name = types.StringValue(c.Name)
	// The configured URL may carry the REST API path, which is sent without it.
	if m.URL.IsNull() || m.URL.IsUnknown() || jamaBaseURL(m.URL.ValueString()) != c.URL {
		m.URL = types.StringValue(c.URL)
	}
	m.VerifySSL = types.BoolValue(c.VerifySSL)
	m.AuthType = types.StringValue(c.AuthType)
	m.Username = stringOrNull(c.Username)
	m.ClientID = stringOrNull(c.ClientID)
	m.PasswordWO = types.StringNull()
	m.ClientSecretWO = types.StringNull()
	if c.AuthType != interchange.AuthBasic {
		m.Password, m.PasswordWOVersion = types.StringNull(), types.Int64Null()
	}
	if c.AuthType != interchange.AuthOAuth {
		m.ClientSecret, m.ClientSecretWOVersion = types.StringNull(), types.Int64Null()
	}
}
