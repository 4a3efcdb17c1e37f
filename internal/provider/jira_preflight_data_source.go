package provider

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api/jira"
)

var (
	_ datasource.DataSourceWithConfigure      = &jiraPreflightDataSource{}
	_ datasource.DataSourceWithValidateConfig = &jiraPreflightDataSource{}
)

// jiraUsersGroup is the group the seed requires of the JIRA user.
const jiraUsersGroup = "jira-users"

// preflightSecretRule is the rule shared by the preflight's secrets.
const preflightSecretRule = "Exactly one of `password`, `api_token` and `personal_access_token`."

func newJiraPreflightDataSource() datasource.DataSource { return &jiraPreflightDataSource{} }

// jiraPreflightDataSource checks a Jira account against what the
// integrations need, through Jira's public REST API.
type jiraPreflightDataSource struct {
	data *providerData
}

type jiraPreflightModel struct {
	URL                 types.String `tfsdk:"url"`
	Username            types.String `tfsdk:"username"`
	Password            types.String `tfsdk:"password"`
	APIToken            types.String `tfsdk:"api_token"`
	PersonalAccessToken types.String `tfsdk:"personal_access_token"`
	ProjectKey          types.String `tfsdk:"project_key"`
	RequiredPermissions types.List   `tfsdk:"required_permissions"`
	DeploymentType      types.String `tfsdk:"deployment_type"`
	AccountID           types.String `tfsdk:"account_id"`
	Email               types.String `tfsdk:"email"`
	Groups              types.List   `tfsdk:"groups"`
	Permissions         types.Map    `tfsdk:"permissions"`
	MissingPermissions  types.List   `tfsdk:"missing_permissions"`
	Problems            types.List   `tfsdk:"problems"`
	OK                  types.Bool   `tfsdk:"ok"`
}

func (d *jiraPreflightDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jira_preflight"
}

func (d *jiraPreflightDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Checks a Jira account against what the integrations need, before apply, with Jira's public REST API only " +
			"(`serverInfo`, `myself?expand=groups`, `mypermissions`): Jira Cloud or Server/Data Center, the account's email and groups, " +
			"and each required permission. " + jiraUserPermissions + " A failed check is data (`ok = false` with `problems` and `missing_permissions`), " +
			"not an error, so it can be asserted in a `check` block.",
		Attributes: map[string]schema.Attribute{
			"url": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "URL of the Jira site, e.g. `https://acme.atlassian.net`, `https://api.atlassian.com/ex/jira/{cloudId}` " +
					"(Jira Cloud through Atlassian's API gateway) or `https://jira.example.com/jira`. Both Cloud forms are taken for Jira Cloud at plan time.",
				Validators: []validator.String{urlValidator{}},
			},
			"username": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "The Jira account to check. Required with `password` or `api_token`; on Jira Cloud it must be the account's email address " +
					"(checked at plan time when `url` is a Cloud URL, else reported in `problems`). With `personal_access_token` it is optional: " +
					"when set, the token must belong to this account (its username, user key or email address), else `problems` says whose it is.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"password": schema.StringAttribute{
				Optional: true, Sensitive: true,
				MarkdownDescription: "Password of the account (Jira Server/Data Center), sent with `username` as HTTP Basic credentials. " + preflightSecretRule,
				Validators: []validator.String{
					stringvalidator.LengthAtLeast(1),
					stringvalidator.ExactlyOneOf(path.MatchRoot("password"), path.MatchRoot("api_token"), path.MatchRoot("personal_access_token")),
					stringvalidator.AlsoRequires(path.MatchRoot("username")),
				},
			},
			"api_token": schema.StringAttribute{
				Optional: true, Sensitive: true,
				MarkdownDescription: "API token of the account (Jira Cloud: https://id.atlassian.com/manage-profile/security/api-tokens), sent with `username` " +
					"as HTTP Basic credentials. Scoped and service-account API tokens work only through `https://api.atlassian.com/ex/jira/{cloudId}` as `url`. " +
					preflightSecretRule,
				Validators: []validator.String{
					stringvalidator.LengthAtLeast(1),
					stringvalidator.AlsoRequires(path.MatchRoot("username")),
				},
			},
			"personal_access_token": schema.StringAttribute{
				Optional: true, Sensitive: true,
				MarkdownDescription: "Personal access token of the account (Jira Server and Data Center 8.14 or later: Profile > Personal Access Tokens), " +
					"sent as `Authorization: Bearer`. Jira Cloud has no personal access tokens: on a Cloud `url` this is an error at plan time, " +
					"and `api_token` with the account's email address is the way in. " + preflightSecretRule,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"project_key": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Project whose permissions are checked, e.g. `SYNC`. Without it, permissions are checked globally (in any project).",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"required_permissions": schema.ListAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Permission keys the account must hold. Default: the JIRA Connector's list `" + strings.Join(jira.DefaultRequiredPermissions(), "`, `") + "` " +
					"(add `MODIFY_REPORTER` if you map the Assignee field). An empty list (`[]`) means the same as leaving it unset: the default list is checked.",
				Validators: []validator.List{listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
			},
			"deployment_type": schema.StringAttribute{Computed: true, MarkdownDescription: "`Cloud`, `Server` or `DataCenter`, as Jira's `serverInfo` reports it."},
			"account_id":      schema.StringAttribute{Computed: true, MarkdownDescription: "The account's id: `accountId` on Cloud, the user key on Server/Data Center."},
			"email":           schema.StringAttribute{Computed: true, MarkdownDescription: "The account's email address, when Jira shows it."},
			"groups":          schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The account's groups. The JIRA user needs to be in the JIRA Users group (`" + jiraUsersGroup + "`)."},
			"permissions":     schema.MapAttribute{Computed: true, ElementType: types.BoolType, MarkdownDescription: "Each required permission key and whether the account has it."},
			"missing_permissions": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				MarkdownDescription: "Required permissions the account lacks.",
			},
			"problems": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				MarkdownDescription: "Everything else found wrong, each with its fix: unreachable site, refused credentials, a Cloud username that is not an email, " +
					"a personal access token on Jira Cloud, a token of another account, missing group.",
			},
			"ok": schema.BoolAttribute{Computed: true, MarkdownDescription: "True when `problems` and `missing_permissions` are both empty."},
		},
	}
}

func (d *jiraPreflightDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *jiraPreflightDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m jiraPreflightModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// An empty list means the same as none: the default list.
	required := jira.DefaultRequiredPermissions()
	if configured := listStrings(ctx, m.RequiredPermissions, &resp.Diagnostics); len(configured) > 0 {
		required = configured
	}
	creds := preflightCredentials(m)
	if d.data == nil {
		resp.Diagnostics.AddError("Provider Not Configured", "The provider was not configured before the preflight ran; this is a bug, please report it.")
		return
	}
	// Jira has no provider block: its rate limits come with Retry-After,
	// which the transport honours, so the preflight is not paced.
	tc, err := d.data.transport(endpointSpec{product: "Jira"}, endpointConfig{})
	if err != nil {
		resp.Diagnostics.AddError("Unable to Configure Jira Client", err.Error())
		return
	}
	client, err := jira.New(m.URL.ValueString(), creds, tc)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("url"), "Unable to Configure Jira Client", err.Error())
		return
	}
	result := runPreflight(ctx, client, creds, m.ProjectKey.ValueString(), required)
	resp.Diagnostics.Append(result.into(ctx, &m)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// preflightResult is what a preflight found.
type preflightResult struct {
	deploymentType, accountID, email string
	groups                           []string
	permissions                      map[string]bool
	missing, problems                []string
}

// runPreflight checks the account step by step; a failed step is a
// problem, not an error, and the steps after it that depend on it are
// skipped.
func runPreflight(ctx context.Context, client *jira.Client, creds jira.Credentials, projectKey string, required []string) preflightResult {
	r := preflightResult{permissions: map[string]bool{}}
	info, err := client.ServerInfo(ctx)
	if err != nil {
		r.problems = append(r.problems, fmt.Sprintf("Jira is not reachable or is not Jira: %v", err))
		return r
	}
	r.deploymentType = info.DeploymentType
	cloud := jira.IsCloud(info)
	if cloud && creds.BearerToken() {
		r.problems = append(r.problems, "This is a Jira Cloud site, which has no personal access tokens: "+
			"set `api_token` to an API token of the account and `username` to its email address instead of `personal_access_token`.")
		return r
	}
	if cloud && !isEmail(creds.Username) {
		r.problems = append(r.problems, fmt.Sprintf("On Jira Cloud the username must be the account's email address, and the password an API token; %q is not an email address.", creds.Username))
	}
	me, err := client.Myself(ctx)
	if err != nil {
		r.problems = append(r.problems, fmt.Sprintf("Jira refused the credentials of %s: %v", accountName(creds), err))
		return r
	}
	r.accountID, r.email, r.groups = me.AccountID, me.EmailAddress, me.Groups
	if r.accountID == "" {
		r.accountID = me.Key
	}
	who := fmt.Sprintf("%q", creds.Username)
	if creds.BearerToken() {
		if creds.Username != "" && !isAccount(me, creds.Username) {
			r.problems = append(r.problems, fmt.Sprintf("The personal access token belongs to %q, not to %q: use a token of %q, or set `username` to %q.",
				me.Name, creds.Username, creds.Username, me.Name))
		}
		who = fmt.Sprintf("%q", me.Name)
	}
	if !slices.ContainsFunc(me.Groups, func(g string) bool { return strings.EqualFold(g, jiraUsersGroup) }) {
		r.problems = append(r.problems, fmt.Sprintf("%s is not in the JIRA Users group (%s); add it there.", who, jiraUsersGroup))
	}
	perms, err := client.MyPermissions(ctx, required, projectKey)
	if err != nil {
		r.problems = append(r.problems, fmt.Sprintf("Jira did not report the permissions of %s: %v", who, err))
		return r
	}
	for _, key := range required {
		have := perms[key].HavePermission
		r.permissions[key] = have
		if !have {
			r.missing = append(r.missing, key)
		}
	}
	return r
}

// preflightCredentials are the credentials the configuration gives: a
// personal access token (Bearer, the username kept only to compare), else
// the username with the password or API token (Basic).
func preflightCredentials(m jiraPreflightModel) jira.Credentials {
	creds := jira.Credentials{Username: m.Username.ValueString()}
	switch {
	case !m.PersonalAccessToken.IsNull():
		creds.PersonalAccessToken = m.PersonalAccessToken.ValueString()
	case !m.APIToken.IsNull():
		creds.Password = m.APIToken.ValueString()
	default:
		creds.Password = m.Password.ValueString()
	}
	return creds
}

// accountName names the account credentials log in as, for problems.
func accountName(creds jira.Credentials) string {
	switch {
	case creds.BearerToken() && creds.Username != "":
		return fmt.Sprintf("the personal access token of %q", creds.Username)
	case creds.BearerToken():
		return "the personal access token"
	default:
		return fmt.Sprintf("%q", creds.Username)
	}
}

// isAccount reports whether username names the account u: its username,
// user key or email address, ignoring case as Jira does.
func isAccount(u jira.User, username string) bool {
	for _, id := range []string{u.Name, u.Key, u.EmailAddress} {
		if id != "" && strings.EqualFold(id, username) {
			return true
		}
	}
	return false
}

// ValidateConfig applies the rules of Jira Cloud at plan time when the URL
// says the site is Cloud (see jira.IsCloudURL): no personal access token,
// and the username is the account's email address.
func (d *jiraPreflightDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var m jiraPreflightModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.URL.IsNull() || m.URL.IsUnknown() {
		return
	}
	u, err := url.Parse(m.URL.ValueString())
	if err != nil || !jira.IsCloudURL(u) {
		return // the attribute validator reports a bad URL
	}
	if !m.PersonalAccessToken.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("personal_access_token"), "Jira Cloud Has No Personal Access Tokens",
			fmt.Sprintf("%q is a Jira Cloud site, and personal access tokens exist only on Jira Server and Data Center. "+
				"Remove `personal_access_token` and set `api_token` to an API token of the account (https://id.atlassian.com/manage-profile/security/api-tokens), "+
				"with `username` set to the account's email address.", u.Host))
	}
	if !m.Username.IsNull() && !m.Username.IsUnknown() && !isEmail(m.Username.ValueString()) {
		resp.Diagnostics.AddAttributeError(path.Root("username"), "Jira Cloud Needs an Email Address",
			fmt.Sprintf("%q is a Jira Cloud site, where the REST API accepts only the account's email address as username; %q is not one. "+
				"Set `username` to the email address and `api_token` to an API token of the account.", u.Host, m.Username.ValueString()))
	}
}

func (r preflightResult) into(ctx context.Context, m *jiraPreflightModel) diag.Diagnostics {
	var diags diag.Diagnostics
	list := func(values []string) types.List {
		v, d := types.ListValueFrom(ctx, types.StringType, nonNil(values))
		diags.Append(d...)
		return v
	}
	m.DeploymentType = stringOrNull(r.deploymentType)
	m.AccountID = stringOrNull(r.accountID)
	m.Email = stringOrNull(r.email)
	m.Groups = list(r.groups)
	m.MissingPermissions = list(r.missing)
	m.Problems = list(r.problems)
	perms, d := types.MapValueFrom(ctx, types.BoolType, r.permissions)
	diags.Append(d...)
	m.Permissions = perms
	m.OK = types.BoolValue(len(r.problems) == 0 && len(r.missing) == 0)
	return diags
}

// nonNil turns a nil slice into an empty one, so lists are [] not null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
