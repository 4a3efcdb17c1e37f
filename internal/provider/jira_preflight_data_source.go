package provider

import (
	"context"
	"fmt"
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

var _ datasource.DataSourceWithConfigure = &jiraPreflightDataSource{}

// jiraUsersGroup is the group the seed requires of the JIRA user.
const jiraUsersGroup = "jira-users"

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
				Required:            true,
				MarkdownDescription: "URL of the Jira site, e.g. `https://acme.atlassian.net`.",
				Validators:          []validator.String{urlValidator{}},
			},
			"username": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The Jira account to check. On Jira Cloud it must be the account's email address (a username that is not one is reported in `problems`).",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"password": schema.StringAttribute{
				Optional: true, Sensitive: true,
				MarkdownDescription: "Password of the account (Jira Server/Data Center). Exactly one of `password` and `api_token`.",
				Validators: []validator.String{
					stringvalidator.LengthAtLeast(1),
					stringvalidator.ExactlyOneOf(path.MatchRoot("password"), path.MatchRoot("api_token")),
				},
			},
			"api_token": schema.StringAttribute{
				Optional: true, Sensitive: true,
				MarkdownDescription: "API token of the account (Jira Cloud: https://id.atlassian.com/manage-profile/security/api-tokens). Exactly one of `password` and `api_token`.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
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
					"(add `MODIFY_REPORTER` if you map the Assignee field).",
				Validators: []validator.List{listvalidator.SizeAtLeast(1), listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
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
				MarkdownDescription: "Everything else found wrong, each with its fix: unreachable site, refused credentials, a Cloud username that is not an email, missing group.",
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
	required := jira.DefaultRequiredPermissions()
	if !m.RequiredPermissions.IsNull() {
		required = nil
		resp.Diagnostics.Append(m.RequiredPermissions.ElementsAs(ctx, &required, false)...)
	}
	secret := m.Password.ValueString()
	if !m.APIToken.IsNull() {
		secret = m.APIToken.ValueString()
	}
	if d.data == nil {
		resp.Diagnostics.AddError("Provider Not Configured", "The provider was not configured before the preflight ran; this is a bug, please report it.")
		return
	}
	tc, err := d.data.transport("Jira")
	if err != nil {
		resp.Diagnostics.AddError("Unable to Configure Jira Client", err.Error())
		return
	}
	client, err := jira.New(m.URL.ValueString(), jira.Credentials{Username: m.Username.ValueString(), Password: secret}, tc)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("url"), "Invalid Jira URL", err.Error())
		return
	}
	result := runPreflight(ctx, client, m.Username.ValueString(), m.ProjectKey.ValueString(), required)
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
func runPreflight(ctx context.Context, client *jira.Client, username, projectKey string, required []string) preflightResult {
	r := preflightResult{permissions: map[string]bool{}}
	info, err := client.ServerInfo(ctx)
	if err != nil {
		r.problems = append(r.problems, fmt.Sprintf("Jira is not reachable or is not Jira: %v", err))
		return r
	}
	r.deploymentType = info.DeploymentType
	if jira.IsCloud(info) && !isEmail(username) {
		r.problems = append(r.problems, fmt.Sprintf("On Jira Cloud the username must be the account's email address, and the password an API token; %q is not an email address.", username))
	}
	me, err := client.Myself(ctx)
	if err != nil {
		r.problems = append(r.problems, fmt.Sprintf("Jira refused the credentials of %q: %v", username, err))
		return r
	}
	r.accountID, r.email, r.groups = me.AccountID, me.EmailAddress, me.Groups
	if r.accountID == "" {
		r.accountID = me.Key
	}
	if !slices.ContainsFunc(me.Groups, func(g string) bool { return strings.EqualFold(g, jiraUsersGroup) }) {
		r.problems = append(r.problems, fmt.Sprintf("%q is not in the JIRA Users group (%s); add it there.", username, jiraUsersGroup))
	}
	perms, err := client.MyPermissions(ctx, required, projectKey)
	if err != nil {
		r.problems = append(r.problems, fmt.Sprintf("Jira did not report the permissions of %q: %v", username, err))
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
