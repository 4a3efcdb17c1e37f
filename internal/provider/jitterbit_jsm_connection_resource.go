package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

var (
	_ resource.ResourceWithConfigure      = &jsmConnectionResource{}
	_ resource.ResourceWithIdentity       = &jsmConnectionResource{}
	_ resource.ResourceWithImportState    = &jsmConnectionResource{}
	_ resource.ResourceWithValidateConfig = &jsmConnectionResource{}
	_ resource.ResourceWithModifyPlan     = &jsmConnectionResource{}
)

func newJSMConnectionResource() resource.Resource { return &jsmConnectionResource{} }

// jsmConnectionResource is a Jitterbit Jira Service Management connection.
type jsmConnectionResource struct {
	client *jitterbit.Client
	// defaultEnvironment is the provider block's environment_id.
	defaultEnvironment string
}

func (r *jsmConnectionResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jitterbit_jsm_connection"
}

func (r *jsmConnectionResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = jsmConnectionSchema()
}

// IdentitySchema is the resource identity (Terraform 1.12 and later).
func (r *jsmConnectionResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = jitterbitIdentitySchema("Identifier of the connection in Harmony: the resource's `id`.")
}

func (r *jsmConnectionResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client, r.defaultEnvironment = jitterbitClientFor(req.ProviderData, &resp.Diagnostics, "almsync_jitterbit_jsm_connection")
}

// ValidateConfig rejects the blocks the chosen auth scheme ignores. The
// scheme's required fields and secrets are checked in ModifyPlan, so that
// every missing one is reported in the same round.
func (r *jsmConnectionResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m jsmConnectionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	scheme, ok := knownScheme(m.AuthScheme)
	if !ok {
		return // unknown, a variable reference, or rejected by the attribute's own validator
	}
	// Which scheme uses each scheme-specific block.
	schemeBlocks := []struct {
		block, scheme string
		present       bool
	}{{"sso", schemeCrowd, m.SSO != nil}, {"oauth", schemeOAuth, m.OAuth != nil}}
	for _, b := range schemeBlocks {
		if b.present && scheme != b.scheme && scheme != schemeAuto {
			resp.Diagnostics.AddAttributeError(path.Root(b.block), "Block Not Used by Auth Scheme",
				fmt.Sprintf("The `%s` block is used only by `auth_scheme = %q` (or `Auto`), but `auth_scheme` is %q, which ignores it. "+
					"Remove the block, or set `auth_scheme = %q`.", b.block, b.scheme, scheme, b.scheme))
		}
	}
}

// knownScheme is the auth scheme a configuration or plan chooses (`Auto`
// when null), and false when it is unknown, a Jitterbit variable reference
// resolved at run time, or not one of Jitterbit's schemes.
func knownScheme(v types.String) (string, bool) {
	if v.IsUnknown() {
		return "", false
	}
	if v.IsNull() || v.ValueString() == "" {
		return schemeAuto, true
	}
	s := v.ValueString()
	return s, slices.Contains(jitterbit.AuthSchemes(), s)
}

// ModifyPlan sets the environment (the provider's default unless the
// configuration sets one), makes sure the connection contract is served
// (see jitterbit.Client.CheckContract), and applies the connection screen's rules for
// the chosen auth scheme and the seed's OAuth scenarios, all in one
// round: the fields the scheme needs, its secrets, and the warnings. Secrets are required when
// the plan creates the connection, or when an existing one changes its
// auth scheme or OAuth scenario, since Jitterbit then holds no secret for
// the new one; otherwise the connection keeps the secrets Jitterbit holds
// (after an import, for instance).
func (r *jsmConnectionResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var m jsmConnectionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if r.client != nil {
		m.EnvironmentID = planEnvironmentID(ctx, req, resp, r.defaultEnvironment)
		// A plan that creates or changes the connection fails now, with
		// the reason, when nothing serves the contract.
		if !req.Plan.Raw.Equal(req.State.Raw) {
			if err := r.client.CheckContract(ctx); err != nil {
				addJitterbitAPIError(&resp.Diagnostics, "Unable to Plan Jitterbit JSM Connection", err)
				return
			}
		}
	}
	scheme, ok := knownScheme(m.AuthScheme)
	if !ok {
		return
	}
	v := jsmRules{ctx: ctx, config: req.Config, diags: &resp.Diagnostics}
	v.requiredFields(m, scheme)
	v.ambiguities(m, scheme)
	warnCleartextJSMURLs(&resp.Diagnostics, m)
	if needsNewSecrets(ctx, req, m, scheme, &resp.Diagnostics) {
		checkSecrets(ctx, req.Config, &resp.Diagnostics, jsmSecretRequirements(m, scheme))
	}
}

// warnCleartextJSMURLs warns about every URL of the connection that
// carries a credential over http://: the site URL (the user's password,
// API token or OAuth token) and the Crowd login and exchange URLs (the
// Crowd application password).
func warnCleartextJSMURLs(diags *diag.Diagnostics, m jsmConnectionModel) {
	warnCleartextURL(diags, path.Root("url"), m.URL.ValueString(), "the connection's password, API token or OAuth token")
	if m.SSO != nil {
		warnCleartextURL(diags, path.Root("sso").AtName("login_url"), m.SSO.LoginURL.ValueString(), "the Crowd user's password")
		warnCleartextURL(diags, path.Root("sso").AtName("exchange_url"), m.SSO.ExchangeURL.ValueString(), "the Crowd application password")
	}
}

// needsNewSecrets reports whether the plan needs the secrets of the chosen
// scheme: on create, on replacement in another environment or project, or
// when the scheme or the OAuth scenario changes.
func needsNewSecrets(ctx context.Context, req resource.ModifyPlanRequest, m jsmConnectionModel, scheme string, diags *diag.Diagnostics) bool {
	if req.State.Raw.IsNull() {
		return true
	}
	var priorScheme, priorInitiate, priorEnvironment, priorProject types.String
	diags.Append(req.State.GetAttribute(ctx, path.Root("auth_scheme"), &priorScheme)...)
	if p, _ := knownScheme(priorScheme); p != scheme {
		return true
	}
	// Another environment or project replaces the connection: the new one
	// has no secrets.
	diags.Append(req.State.GetAttribute(ctx, path.Root("environment_id"), &priorEnvironment)...)
	diags.Append(req.State.GetAttribute(ctx, path.Root("project_guid"), &priorProject)...)
	if (!m.EnvironmentID.IsUnknown() && !m.EnvironmentID.Equal(priorEnvironment)) || (!m.ProjectGUID.IsUnknown() && !m.ProjectGUID.Equal(priorProject)) {
		return true
	}
	if m.OAuth == nil || m.OAuth.InitiateOAuth.IsUnknown() {
		return false
	}
	var priorOAuth types.Object
	diags.Append(req.State.GetAttribute(ctx, path.Root("oauth"), &priorOAuth)...)
	if priorOAuth.IsNull() {
		return true
	}
	diags.Append(req.State.GetAttribute(ctx, path.Root("oauth").AtName("initiate_oauth"), &priorInitiate)...)
	return priorInitiate.ValueString() != m.OAuth.InitiateOAuth.ValueString()
}

// initiateOAuthOf is the OAuth scenario of m, "" without an `oauth` block.
func initiateOAuthOf(m jsmConnectionModel) string {
	if m.OAuth == nil {
		return ""
	}
	return m.OAuth.InitiateOAuth.ValueString()
}

// jsmRules reports what a connection configuration lacks or leaves
// ambiguous.
type jsmRules struct {
	ctx    context.Context
	config tfsdk.Config
	diags  *diag.Diagnostics
}

func (v jsmRules) require(p path.Path, value types.String, why string) {
	if value.IsNull() || (!value.IsUnknown() && value.ValueString() == "") {
		v.diags.AddAttributeError(p, "Missing Attribute for Auth Scheme", why)
	}
}

// secretSet reports whether either form of the secret at p is configured.
func (v jsmRules) secretSet(p path.Path) bool {
	set, d := secretSet(v.ctx, v.config, p)
	v.diags.Append(d...)
	return set
}

// requiredFields reports every non-secret field the scheme needs.
func (v jsmRules) requiredFields(m jsmConnectionModel, scheme string) {
	switch scheme {
	case schemeBasic:
		v.require(path.Root("user"), m.User, "`auth_scheme = \"Basic\"` needs `user`, the Jira user the connection logs in as.")
	case schemeCrowd:
		v.require(path.Root("user"), m.User, "`auth_scheme = \"Crowd\"` needs `user`, the Jira user the connection logs in as.")
		if m.SSO == nil {
			v.diags.AddAttributeError(path.Root("sso"), "Missing SSO Block",
				"`auth_scheme = \"Crowd\"` needs an `sso` block with `login_url`, `app_name` and `app_password` (or `app_password_wo`).")
			return
		}
		v.require(path.Root("sso").AtName("login_url"), m.SSO.LoginURL, "`auth_scheme = \"Crowd\"` needs `sso.login_url`, the SSO login URL.")
		v.require(path.Root("sso").AtName("app_name"), m.SSO.AppName, "`auth_scheme = \"Crowd\"` needs `sso.app_name`, the Crowd application name.")
	case schemeOAuth:
		if m.OAuth == nil {
			v.diags.AddAttributeError(path.Root("oauth"), "Missing OAuth Block",
				"`auth_scheme = \"OAuth\"` needs an `oauth` block with `initiate_oauth` and the tokens of its scenario: "+
					"`OFF` with `access_token`, or `REFRESH` with `access_token` and `refresh_token`.")
			return
		}
		if !hasKey(m.AdvancedProperties, "OAuthSettingsLocation") {
			v.diags.AddAttributeWarning(path.Root("advanced_properties"), "OAuth Settings Location Not Set",
				"`advanced_properties` has no `OAuthSettingsLocation`. Jitterbit: \""+oauthSettingsLocationWarning+"\"")
		}
	}
	if m.OAuth != nil && (scheme == schemeOAuth || scheme == schemeAuto) {
		v.require(path.Root("oauth").AtName("initiate_oauth"), m.OAuth.InitiateOAuth,
			"The `oauth` block needs `initiate_oauth`: `OFF` with `access_token`, `REFRESH` with `access_token` and `refresh_token`, or `GETANDREFRESH` with `client_id` and `client_secret`.")
		v.oauthScenario(m.OAuth)
	}
}

// oauthScenario checks the fields the chosen Initiate OAuth needs.
func (v jsmRules) oauthScenario(o *jsmOAuthModel) {
	if o.InitiateOAuth.IsNull() || o.InitiateOAuth.IsUnknown() {
		return
	}
	at := func(name string) path.Path { return path.Root("oauth").AtName(name) }
	switch o.InitiateOAuth.ValueString() {
	case "OFF":
		v.diags.AddAttributeWarning(at("initiate_oauth"), "Connection Stops When the Access Token Expires",
			"With `initiate_oauth = \"OFF\"` the connector uses `access_token` as given, and the connection no longer works once the token expires. "+
				"Jitterbit calls `REFRESH` with `access_token` and `refresh_token` generally the best method.")
	case "GETANDREFRESH":
		v.require(at("client_id"), o.ClientID, "`initiate_oauth = \"GETANDREFRESH\"` needs `client_id` to obtain tokens.")
	}
}

// ambiguities reports credentials the scheme does not use, or uses in a
// way the configuration leaves open: `Basic` logs in with a password or an
// API token, not both; `Crowd` logs in with the user's password and the
// SSO application, never an API token; `Auto` chooses from the
// credentials given, so with none it has nothing to choose from.
func (v jsmRules) ambiguities(m jsmConnectionModel, scheme string) {
	password, token := v.secretSet(path.Root("password")), v.secretSet(path.Root("api_token"))
	switch scheme {
	case schemeBasic:
		if password && token {
			v.diags.AddAttributeWarning(path.Root("api_token"), "Both Password and API Token Set",
				"`auth_scheme = \"Basic\"` logs `user` in with a password or an API token, and both `password` and `api_token` are set, "+
					"so which one Jira checks is left to the connector. Keep `api_token` on Jira Cloud, `password` on Jira Server or Data Center, and remove the other.")
		}
	case schemeCrowd:
		if token {
			v.diags.AddAttributeError(path.Root("api_token"), "API Token Not Used by Auth Scheme",
				"`auth_scheme = \"Crowd\"` logs `user` in with `password` and the `sso` block's Crowd application; it never sends `api_token`. "+
					"Remove `api_token` (or `api_token_wo`), or set `auth_scheme = \"Basic\"` to log in with the token.")
		}
	case schemeAuto:
		if m.User.IsNull() && !password && !token && m.SSO == nil && m.OAuth == nil {
			v.diags.AddAttributeWarning(path.Root("auth_scheme"), "No Credentials for Auth Scheme Auto",
				"`auth_scheme = \"Auto\"` (the default) lets the connector choose a scheme from the credentials given, but the connection has none: "+
					"no `user`, `password`, `api_token`, `sso` or `oauth`. Only anonymous access to Jira Service Management would work. "+
					"Set `auth_scheme` and its credentials, e.g. `Basic` with `user` and `api_token`.")
		}
	}
}

// hasKey reports whether a map attribute has key, treating unknown maps as
// having it (they are not known until apply).
func hasKey(m types.Map, key string) bool {
	if m.IsUnknown() {
		return true
	}
	_, ok := m.Elements()[key]
	return ok
}

// jsmSecretRequirements are the secrets a connection's scheme needs.
func jsmSecretRequirements(m jsmConnectionModel, scheme string) []secretRequirement {
	need := func(p path.Path, summary, detail string, or ...path.Path) secretRequirement {
		return secretRequirement{at: p, anyOf: or, summary: summary, detail: detail}
	}
	oauth := func(name string) path.Path { return path.Root("oauth").AtName(name) }
	var reqs []secretRequirement
	switch scheme {
	case schemeBasic:
		reqs = append(reqs, need(path.Root("password"), "Missing Basic Credentials",
			"`auth_scheme = \"Basic\"` needs `password` or `api_token` (or their `_wo` forms) for `user`. On Jira Cloud use an API token.", path.Root("api_token")))
	case schemeCrowd:
		reqs = append(reqs, need(path.Root("password"), "Missing Secret for Auth Scheme", "`auth_scheme = \"Crowd\"` needs `password` (or `password_wo`) for `user`."))
		if m.SSO != nil {
			reqs = append(reqs, need(path.Root("sso").AtName("app_password"), "Missing Secret for Auth Scheme",
				"`auth_scheme = \"Crowd\"` needs `sso.app_password` (or `app_password_wo`), the Crowd application password."))
		}
	}
	if m.OAuth != nil && (scheme == schemeOAuth || scheme == schemeAuto) {
		switch m.OAuth.InitiateOAuth.ValueString() {
		case "OFF":
			reqs = append(reqs, need(oauth("access_token"), "Missing Secret for Auth Scheme",
				"`initiate_oauth = \"OFF\"` (scenario 1) needs `access_token`, the OAuth access token obtained from the endpoint."))
		case "REFRESH":
			reqs = append(reqs,
				need(oauth("access_token"), "Missing Secret for Auth Scheme", "`initiate_oauth = \"REFRESH\"` (scenario 2) needs `access_token`, the OAuth access token obtained from the endpoint."),
				need(oauth("refresh_token"), "Missing Secret for Auth Scheme", "`initiate_oauth = \"REFRESH\"` (scenario 2) needs `refresh_token`, the OAuth refresh token obtained from the endpoint."))
		case "GETANDREFRESH":
			reqs = append(reqs, need(oauth("client_secret"), "Missing Secret for Auth Scheme", "`initiate_oauth = \"GETANDREFRESH\"` needs `client_secret` to obtain tokens."))
		}
	}
	return reqs
}

func (r *jsmConnectionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan jsmConnectionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn, d := jsmConnectionFromModel(ctx, plan)
	resp.Diagnostics.Append(d...)
	resp.Diagnostics.Append(fillJSMSecrets(&conn, func(p path.Path) (string, diag.Diagnostics) {
		return secretForCreate(ctx, req.Config, p)
	})...)
	if resp.Diagnostics.HasError() {
		return
	}
	if _, ok := checkProject(ctx, r.client, &resp.Diagnostics, "Unable to Create Jitterbit JSM Connection", conn.EnvironmentID, conn.ProjectGUID); !ok {
		return
	}
	created, err := r.client.CreateJSMConnection(ctx, conn)
	if err != nil {
		addJSMAPIError(&resp.Diagnostics, "Unable to Create Jitterbit JSM Connection", err, plan)
		return
	}
	plan.ID = types.StringValue(created.ID)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), plan.ID)...)
	r.readInto(ctx, &plan, &resp.Diagnostics, "Unable to Read Jitterbit JSM Connection After Create")
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, jitterbitIdentity(plan.ID, plan.EnvironmentID, plan.ProjectGUID))
	knownAfterFailure(&resp.State, &resp.Diagnostics)
}

func (r *jsmConnectionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state jsmConnectionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn, err := r.client.GetJSMConnection(ctx, state.ID.ValueString())
	if errors.Is(err, api.ErrNotFound) {
		removedOutOfBand(ctx, &resp.Diagnostics, "Jitterbit JSM Connection", state.ID.ValueString())
		setIdentity(ctx, resp.Identity, &resp.Diagnostics, jitterbitIdentity(state.ID, state.EnvironmentID, state.ProjectGUID))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addJitterbitAPIError(&resp.Diagnostics, "Unable to Read Jitterbit JSM Connection", err)
		return
	}
	resp.Diagnostics.Append(modelFromJSMConnection(ctx, &state, conn)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, jitterbitIdentity(state.ID, state.EnvironmentID, state.ProjectGUID))
}

func (r *jsmConnectionResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state jsmConnectionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn, d := jsmConnectionFromModel(ctx, plan)
	resp.Diagnostics.Append(d...)
	// A new scheme needs its secrets even if they did not change.
	switched := !plan.AuthScheme.Equal(state.AuthScheme) || initiateOAuthOf(plan) != initiateOAuthOf(state)
	resp.Diagnostics.Append(fillJSMSecrets(&conn, func(p path.Path) (string, diag.Diagnostics) {
		return secretForUpdate(ctx, req.Config, req.Plan, req.State, p, switched)
	})...)
	if resp.Diagnostics.HasError() {
		return
	}
	if _, err := r.client.UpdateJSMConnection(ctx, state.ID.ValueString(), conn); err != nil {
		addJSMAPIError(&resp.Diagnostics, "Unable to Update Jitterbit JSM Connection", err, plan)
		return
	}
	plan.ID = state.ID
	r.readInto(ctx, &plan, &resp.Diagnostics, "Unable to Read Jitterbit JSM Connection After Update")
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, jitterbitIdentity(plan.ID, plan.EnvironmentID, plan.ProjectGUID))
}

func (r *jsmConnectionResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state jsmConnectionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.DeleteJSMConnection(ctx, state.ID.ValueString()); err != nil && !errors.Is(err, api.ErrNotFound) {
		addJitterbitAPIError(&resp.Diagnostics, "Unable to Delete Jitterbit JSM Connection", err)
	}
}

// ImportState accepts `<id>` or `<environment_id>/<project_guid>/name=<name>`
// (`<project_guid>/name=<name>` in the provider's default environment).
func (r *jsmConnectionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var ident jitterbitIdentityModel
	if importIdentity(ctx, req, &resp.Diagnostics, &ident) {
		r.importByIdentity(ctx, ident, resp)
		return
	}
	id := strings.TrimSpace(req.ID)
	const example = "`201/9a87b6c5-a1b2-34c5-6d7e-123456a7b001/name=JSM Production`, or the connection id"
	if parent, name, ok := strings.Cut(id, "/name="); ok {
		env, guid, hasEnv := strings.Cut(parent, "/")
		if !hasEnv {
			env, guid = r.defaultEnvironment, parent
		}
		if env == "" || !environmentIDPattern.MatchString(env) || !projectGUIDPattern.MatchString(guid) || name == "" {
			resp.Diagnostics.AddError("Invalid Import Identifier",
				fmt.Sprintf("%q: write `<environment_id>/<project_guid>/name=<name>` with a numeric environment ID and the project's GUID, e.g. %s.", req.ID, example))
			return
		}
		conn, found, err := r.client.FindJSMConnection(ctx, env, guid, name)
		if err != nil {
			addJitterbitAPIError(&resp.Diagnostics, "Unable to Import Jitterbit JSM Connection", err)
			return
		}
		if !found {
			resp.Diagnostics.AddError("Jitterbit JSM Connection Not Found",
				fmt.Sprintf("Project %s has no Jira Service Management connection named %q in Harmony environment %s.", guid, name, env))
			return
		}
		id = conn.ID
	}
	if id == "" || strings.ContainsAny(id, "/=") {
		resp.Diagnostics.AddError("Invalid Import Identifier",
			fmt.Sprintf("%q is neither a connection id nor `<environment_id>/<project_guid>/name=<name>`, e.g. %s.", req.ID, example))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
}

// importByIdentity imports the connection an identity names: its id, in
// the project and environment the identity gives (the environment
// defaulting to the provider's), which must be the connection's own.
func (r *jsmConnectionResource) importByIdentity(ctx context.Context, ident jitterbitIdentityModel, resp *resource.ImportStateResponse) {
	if resp.Diagnostics.HasError() {
		return
	}
	const example = `id             = "<connection id>"` + "\n    environment_id = \"201\"\n    project_guid   = \"9a87b6c5-a1b2-34c5-6d7e-123456a7b001\""
	id, env, guid := identityString(ident.ID), identityString(ident.EnvironmentID), identityString(ident.ProjectGUID)
	if env == "" {
		env = r.defaultEnvironment
	}
	switch {
	case id == "" || strings.ContainsAny(id, "/="):
		invalidIdentity(&resp.Diagnostics, "id", fmt.Sprintf("%q, which is not a connection id", ident.ID.ValueString()), example)
		return
	case env == "":
		invalidIdentity(&resp.Diagnostics, "environment_id", "unset, and the provider's `jitterbit` block sets no default `environment_id` (nor `JITTERBIT_ENVIRONMENT_ID`)", example)
		return
	case !environmentIDPattern.MatchString(env):
		invalidIdentity(&resp.Diagnostics, "environment_id", fmt.Sprintf("%q, which is not a Harmony environment ID (digits only)", env), example)
		return
	case !projectGUIDPattern.MatchString(guid):
		invalidIdentity(&resp.Diagnostics, "project_guid", fmt.Sprintf("%q, which is not a project GUID", ident.ProjectGUID.ValueString()), example)
		return
	}
	conn, err := r.client.GetJSMConnection(ctx, id)
	switch {
	case errors.Is(err, api.ErrNotFound):
		resp.Diagnostics.AddError("Jitterbit JSM Connection Not Found", fmt.Sprintf("Harmony has no Jira Service Management connection with id %q.", id))
		return
	case err != nil:
		addJitterbitAPIError(&resp.Diagnostics, "Unable to Import Jitterbit JSM Connection", err)
		return
	case conn.EnvironmentID != env || !strings.EqualFold(conn.ProjectGUID, guid):
		resp.Diagnostics.AddError("Jitterbit JSM Connection Not in This Project",
			fmt.Sprintf("Connection %q belongs to project %s in Harmony environment %s, not to project %s in environment %s. "+
				"Correct `project_guid` and `environment_id` of the import block's `identity`.", id, conn.ProjectGUID, conn.EnvironmentID, guid, env))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, jitterbitIdentity(types.StringValue(id), types.StringValue(conn.EnvironmentID), types.StringValue(conn.ProjectGUID)))
}

// jsmImportID is the import identifier of a connection by name.
func jsmImportID(environmentID, projectGUID, name string) string {
	return environmentID + "/" + projectGUID + "/name=" + name
}

func (r *jsmConnectionResource) readInto(ctx context.Context, m *jsmConnectionModel, diags *diag.Diagnostics, summary string) {
	conn, err := r.client.GetJSMConnection(ctx, m.ID.ValueString())
	if err != nil {
		addJitterbitAPIError(diags, summary, err)
		return
	}
	diags.Append(modelFromJSMConnection(ctx, m, conn)...)
}
