package provider

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
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
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/api/jira"
	"github.com/almsync/terraform-provider-almsync/internal/quartz"
)

var (
	_ resource.ResourceWithConfigure      = &jiraSyncConnectionResource{}
	_ resource.ResourceWithIdentity       = &jiraSyncConnectionResource{}
	_ resource.ResourceWithImportState    = &jiraSyncConnectionResource{}
	_ resource.ResourceWithValidateConfig = &jiraSyncConnectionResource{}
	_ resource.ResourceWithModifyPlan     = &jiraSyncConnectionResource{}
)

// jiraUserPermissions is what the seed asks of the Jira user.
const jiraUserPermissions = "The JIRA user needs to be in the JIRA Users group and have permissions to Browse projects, Create Issues, Edit Issues, " +
	"Add Comments, Create Attachments and possibly Modify Reporter (if mapping Assignee field)."

func newJiraSyncConnectionResource() resource.Resource { return &jiraSyncConnectionResource{} }

// jiraSyncConnectionResource is a connection of Jama's classic JIRA
// Connector.
type jiraSyncConnectionResource struct {
	client *jama.Client
}

type jiraSyncConnectionModel struct {
	ID                      types.String       `tfsdk:"id"`
	JiraURL                 types.String       `tfsdk:"jira_url"`
	JiraUsername            types.String       `tfsdk:"jira_username"`
	JiraPassword            types.String       `tfsdk:"jira_password"`
	JiraPasswordWO          types.String       `tfsdk:"jira_password_wo"`
	JiraPasswordWOVersion   types.Int64        `tfsdk:"jira_password_wo_version"`
	JamaUser                types.String       `tfsdk:"jama_user"`
	Schedule                *syncScheduleModel `tfsdk:"schedule"`
	FailureNotificationUser types.String       `tfsdk:"failure_notification_user"`
	Enabled                 types.Bool         `tfsdk:"enabled"`
	UsePlainText            types.Bool         `tfsdk:"use_plain_text"`
	ScheduleDescription     types.String       `tfsdk:"schedule_description"`
}

type syncScheduleModel struct {
	IntervalMinutes types.Int64  `tfsdk:"interval_minutes"`
	Cron            types.String `tfsdk:"cron"`
}

func (r *jiraSyncConnectionResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jira_sync_connection"
}

func (r *jiraSyncConnectionResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "Identifier of the connection in Jama.",
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"jira_url": schema.StringAttribute{
			Required: true,
			MarkdownDescription: "The URL used to access your JIRA instance, e.g. `https://acme.atlassian.net` for a site hosted by Atlassian. " +
				"An absolute `https://` URL; `http://` is accepted with a plan-time warning, since the JIRA credentials then travel in clear text. " +
				"Unique among the connections of a Jama instance.",
			Validators: []validator.String{urlValidator{}},
		},
		"jira_username": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The JIRA user the connection logs in as. On Jira Cloud (`*.atlassian.net`, or `https://api.atlassian.com/ex/jira/<cloudId>`) this must be the account's email address. " + jiraUserPermissions,
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"jama_user": schema.StringAttribute{
			Required: true,
			MarkdownDescription: "Username of the user in Jama that runs the synchronization job; it must be an active user with organization admin permissions. " +
				"Jama recommends a user called \"JIRA User\" with a floating creator license (see `almsync_jama_user`).",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"failure_notification_user": schema.StringAttribute{
			Optional: true,
			MarkdownDescription: "Username of the Jama user notified the first time a synchronization fails and, if email notification is enabled, the first time it succeeds after a failure. " +
				"Unset means no notification (the default). It must be an active Jama user.",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"enabled": schema.BoolAttribute{
			Optional:            true,
			Computed:            true,
			Default:             booldefault.StaticBool(true),
			MarkdownDescription: "\"Enable synchronization\": synchronization happens only when this is `true`. Default value is `true`.",
		},
		"use_plain_text": schema.BoolAttribute{
			Optional: true,
			Computed: true,
			Default:  booldefault.StaticBool(false),
			MarkdownDescription: "\"Use Plain Text in JIRA\": strip rich text formatting from data copied from Jama to JIRA (see Jama's pre-configuration notes to decide whether it is necessary). " +
				"Default value is `false`.",
		},
		"schedule_description": schema.StringAttribute{
			Computed: true,
			MarkdownDescription: "The schedule in plain English, e.g. `Every hour` or `At 10:15, on the last Friday of the month`, shown in the plan so reviewers see what a schedule means. " +
				"Times are wall-clock times in the time zone of the Jama server, which is where the JIRA Connector fires the schedule. " +
				"A schedule that will never fire again (for example one whose years have all passed since it was created) reads `Never fires: ` followed by its meaning. " +
				"Same text as `provider::almsync::cron_describe`.",
		},
	}
	for k, v := range secretAttributes("jira_password", "The password for the specified JIRA user; on Jira Cloud an API token (https://id.atlassian.com/manage-profile/security/api-tokens). Exactly one of `jira_password` and `jira_password_wo` is required to create a connection.") {
		attrs[k] = v
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A connection of Jama's classic JIRA Connector (Admin > JIRA Connector > Synchronization Configuration > Add JIRA Connection): " +
			"the JIRA instance and user, the Jama user running the job, and the synchronization schedule. " +
			"\n\n**Contract.** The JIRA Connector has no public API: this resource uses the provider's own published contract `jama-jira-connector` (version 1.0.0), " +
			"which no Jama instance serves by itself. A bridge implementing it serves it at the `jama` block's `contract_url` (default: its `url`), below `/almsync/jama-jira-connector/v1`, " +
			"with the `jama` block's credentials. Without such a bridge, plans, refreshes and imports fail with an error saying that the contract is not served, " +
			"never with a connection read as deleted.",
		Attributes: attrs,
		Blocks: map[string]schema.Block{
			"schedule": schema.SingleNestedBlock{
				MarkdownDescription: "The synchronization schedule: exactly one of `interval_minutes` (Simple Scheduling) and `cron` (Advanced Scheduling). " +
					"Jama recommends timing to be as infrequent as possible: `60` (hourly) is sufficient if you need frequent updates, `720` (12 hours) ensures at least a daily run.",
				Validators: []validator.Object{objectvalidator.IsRequired()},
				Attributes: map[string]schema.Attribute{
					"interval_minutes": schema.Int64Attribute{
						Optional:            true,
						MarkdownDescription: fmt.Sprintf("Simple Scheduling: an interval in minutes, from 1 to %d (one year). Conflicts with `cron`.", jama.MaxIntervalMinutes),
						Validators:          []validator.Int64{int64validator.Between(1, jama.MaxIntervalMinutes)},
					},
					"cron": schema.StringAttribute{
						Optional: true,
						// Computed only so that the plan may keep Jama's
						// equivalent spelling of the configured expression.
						Computed:      true,
						PlanModifiers: []planmodifier.String{equivalentCronPlanModifier{}},
						MarkdownDescription: "Advanced Scheduling: a Quartz cron string of 6 or 7 fields (seconds, minutes, hours, day-of-month, month, day-of-week, optional year), " +
							"validated at plan time with Quartz's own rules, e.g. `0 0 12 * * ?` (12pm every day), `0 0/5 14 * * ?` (every 5 minutes from 2pm to 2:55pm), " +
							"`0 15 10 ? * 6L` (10:15am on the last Friday of every month). Exactly one of day-of-month and day-of-week must be `?`. " +
							"An equivalent rewrite by Jama (upper-case names, single spaces) never shows as a change. " +
							"A schedule that never fires (e.g. `0 0 12 31 2 ?`, or only years in the past) and an expression Quartz accepts but cannot compute fire times for (e.g. `L` in the seconds field) are errors; " +
							"parts Quartz reads but ignores (an eighth field, `MON/2`, `0/0`, the `15` of `1W,15`) keep Quartz's meaning and get a warning, as does a schedule firing more than once a minute. " +
							"Jama fires the schedule in the time zone of its server; `provider::almsync::cron_next` computes the fire times in UTC or in a time zone you name. Conflicts with `interval_minutes`.",
					},
				},
			},
		},
	}
}

// IdentitySchema is the resource identity (Terraform 1.12 and later).
func (r *jiraSyncConnectionResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = idIdentitySchema("Identifier of the connection in Jama's JIRA Connector, a positive number such as `12`: the resource's `id`.")
}

func (r *jiraSyncConnectionResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFor(req.ProviderData, &resp.Diagnostics, "almsync_jira_sync_connection", jamaProduct)
}

// ValidateConfig reports the configuration's errors, one per mistake. Its
// warnings come from ModifyPlan, which Terraform calls once per plan.
func (r *jiraSyncConnectionResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m jiraSyncConnectionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	validateSchedule(m.Schedule, time.Now(), &resp.Diagnostics)
	if m.JiraURL.IsNull() || m.JiraURL.IsUnknown() {
		return
	}
	u, err := url.Parse(m.JiraURL.ValueString())
	if err != nil {
		return // the attribute validator reports it
	}
	if jira.IsCloudURL(u) && !m.JiraUsername.IsNull() && !m.JiraUsername.IsUnknown() && !isEmail(m.JiraUsername.ValueString()) {
		resp.Diagnostics.AddAttributeError(path.Root("jira_username"), "Jira Cloud Needs an Email Address",
			fmt.Sprintf("`jira_url` is a Jira Cloud site (%s), where the REST API accepts only the account's email address as username, and `jira_username` is not an email address. "+
				"Set `jira_username` to the email address and the password to an API token (https://id.atlassian.com/manage-profile/security/api-tokens).",
				u.Hostname()))
	}
}

// Where diagnostics about the schedule attach.
var (
	schedulePath     = path.Root("schedule")
	scheduleCronPath = schedulePath.AtName("cron")
)

// validateSchedule reports the errors of a schedule block: both or neither
// of its attributes set, a cron string Quartz rejects, and a schedule that
// Quartz would refuse to run because it never fires after now.
func validateSchedule(s *syncScheduleModel, now time.Time, diags *diag.Diagnostics) {
	if s == nil || s.IntervalMinutes.IsUnknown() || s.Cron.IsUnknown() {
		return // a missing block is reported by its validator
	}
	switch {
	case !s.IntervalMinutes.IsNull() && !s.Cron.IsNull():
		diags.AddAttributeError(scheduleCronPath, "Conflicting Schedule Attributes",
			"`schedule.interval_minutes` and `schedule.cron` are both set, but a schedule is either Simple Scheduling (`schedule.interval_minutes`) "+
				"or Advanced Scheduling (`schedule.cron`). Remove one of them.")
		return
	case s.IntervalMinutes.IsNull() && s.Cron.IsNull():
		diags.AddAttributeError(schedulePath, "Missing Schedule",
			"The `schedule` block sets neither `schedule.interval_minutes` nor `schedule.cron`. Set exactly one: "+
				"`interval_minutes = 720` runs every 12 hours, `cron = \"0 0 2 * * ?\"` every day at 02:00.")
		return
	case s.Cron.IsNull():
		return
	}
	expr, err := quartz.Parse(s.Cron.ValueString())
	if err != nil {
		diags.AddAttributeError(scheduleCronPath, "Invalid Quartz Cron Expression",
			fmt.Sprintf("`schedule.cron` is not a valid Quartz cron expression: %s. "+
				"Fields are: seconds minutes hours day-of-month month day-of-week [year], e.g. `0 15 10 ? * 6L`.", cronProblem(err)))
		return
	}
	if err := expr.CheckFires(now); err != nil {
		diags.AddAttributeError(scheduleCronPath, "Schedule Never Fires",
			fmt.Sprintf("`schedule.cron` never fires, and Quartz's scheduler refuses such a trigger: %s.", cronProblem(err)))
	}
}

// scheduleWarnings reports what in a valid schedule deserves a second look:
// parts of the cron string that Quartz ignores, and a schedule firing more
// than once a minute.
func scheduleWarnings(s *syncScheduleModel, diags *diag.Diagnostics) {
	if s == nil || s.Cron.IsNull() || s.Cron.IsUnknown() {
		return
	}
	expr, err := quartz.Parse(s.Cron.ValueString())
	if err != nil {
		return // reported by ValidateConfig
	}
	for _, n := range expr.Ignored() {
		diags.AddAttributeWarning(scheduleCronPath, "Part of the Cron Expression Has No Effect",
			fmt.Sprintf("In `schedule.cron`, %s has no effect: %s. The schedule keeps Quartz's meaning (%s); remove the part, or write what you meant in a form Quartz reads.",
				notePlace(n), n.Reason, expr.Describe()))
	}
	if expr.FiresMoreThanOncePerMinute() {
		diags.AddAttributeWarning(scheduleCronPath, "Schedule Fires More Than Once a Minute",
			fmt.Sprintf("`schedule.cron` (%s) can start a synchronization more than once a minute. Jama recommends timing to be as infrequent as possible; "+
				"a seconds field of a single value such as `0` fires at most once a minute.", expr.Describe()))
	}
}

// notePlace says where an ignored part is, quoting it only when it cannot
// carry a secret.
func notePlace(n quartz.Note) string {
	what := "the text"
	if tok, ok := safeCronText(n.Token); ok {
		what = fmt.Sprintf("%q", tok)
	}
	if n.Field == "" {
		return fmt.Sprintf("%s from position %d on", what, n.Position)
	}
	return fmt.Sprintf("%s in the %s field (position %d)", what, n.Field, n.Position)
}

// cronProblem renders a Quartz error. Text from the expression is quoted
// only when it cannot carry a secret: a cron string may be built from a
// sensitive variable, and Terraform shows diagnostics in clear text.
func cronProblem(err error) string {
	var pe *quartz.ParseError
	if !errors.As(err, &pe) {
		return "Quartz rejects it"
	}
	rule := quotedText.ReplaceAllStringFunc(pe.Rule, func(q string) string {
		if tok, ok := safeCronText(strings.Trim(q, `"`)); ok {
			return fmt.Sprintf("%q", tok)
		}
		return "this text"
	})
	if pe.Field == "" {
		return rule
	}
	where := fmt.Sprintf("the %s field (position %d)", pe.Field, pe.Position)
	if tok, ok := safeCronText(pe.Token); ok {
		where += fmt.Sprintf(", %q,", tok)
	}
	return where + ": " + rule
}

var (
	quotedText = regexp.MustCompile(`"[^"]*"`)
	// cronWords are the words a Quartz expression may hold besides digits
	// and its special characters.
	cronWords = regexp.MustCompile(`JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|SUN|MON|TUE|WED|THU|FRI|SAT`)
	cronChars = regexp.MustCompile(`^[0-9*?/,#LW \t-]*$`)
)

// safeCronText returns s when it is made only of Quartz's own vocabulary
// (digits, special characters, month and day names), which no secret is.
func safeCronText(s string) (string, bool) {
	if s == "" || !cronChars.MatchString(cronWords.ReplaceAllString(strings.ToUpper(s), "")) {
		return "", false
	}
	return s, true
}

// ModifyPlan puts the schedule's plain-English meaning into the plan, so a
// reviewer reads it before apply, gives the configuration's warnings, once
// per plan, and, for a create or an update, checks that the JIRA Connector
// contract is served at the jama block's contract_url.
func (r *jiraSyncConnectionResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	checkSecretsOnCreate(ctx, req, &resp.Diagnostics, []secretRequirement{{
		at: path.Root("jira_password"), summary: "Missing JIRA Password",
		detail: "Set exactly one of `jira_password` and `jira_password_wo` (with `jira_password_wo_version`): the password of the JIRA user, or on Jira Cloud an API token.",
	}})
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan jiraSyncConnectionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var config jiraSyncConnectionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	jiraURLWarnings(config.JiraURL, &resp.Diagnostics)
	scheduleWarnings(config.Schedule, &resp.Diagnostics)
	desc := types.StringUnknown()
	if text, ok := describeSchedule(plan.Schedule); ok {
		desc = types.StringValue(text)
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("schedule_description"), desc)...)
	if r.client != nil && !resp.Diagnostics.HasError() {
		checkContractWhenWriting(ctx, req, &resp.Diagnostics, r.client.CheckJiraConnectorContract)
	}
}

// jiraURLWarnings warns about a jira_url over http://, without printing the
// URL, which may carry user information.
func jiraURLWarnings(v types.String, diags *diag.Diagnostics) {
	if v.IsNull() || v.IsUnknown() {
		return
	}
	u, err := url.Parse(v.ValueString())
	if err != nil || !strings.EqualFold(u.Scheme, "http") {
		return
	}
	detail := "`jira_url` uses http://, so Jama sends the JIRA username and password unencrypted. Use the https:// URL of your JIRA instance."
	if u.User != nil {
		detail += " The URL also carries user information, which travels unencrypted too; leave it out and set `jira_username` and the password instead."
	}
	diags.AddAttributeWarning(path.Root("jira_url"), "JIRA Credentials in Clear Text", detail)
}

func (r *jiraSyncConnectionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan jiraSyncConnectionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn := jiraConnectionFromModel(plan)
	var d diag.Diagnostics
	conn.JiraPassword, d = secretForCreate(ctx, req.Config, path.Root("jira_password"))
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := r.client.CreateJiraConnection(ctx, conn)
	if err != nil {
		r.addWriteError(ctx, &resp.Diagnostics, "Unable to Create JIRA Sync Connection", conn.JiraURL, err)
		return
	}
	plan.ID = types.StringValue(strconv.FormatInt(id, 10))
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), plan.ID)...)
	r.readInto(ctx, &plan, &resp.Diagnostics, "Unable to Read JIRA Sync Connection After Create")
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: plan.ID})
	knownAfterFailure(&resp.State, &resp.Diagnostics)
}

func (r *jiraSyncConnectionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state jiraSyncConnectionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	obj, ok, gone := getByID(ctx, state.ID, &resp.Diagnostics, "Unable to Read JIRA Sync Connection", r.client.GetJiraConnection)
	if gone {
		removedOutOfBand(ctx, &resp.Diagnostics, "JIRA Sync Connection", state.ID.ValueString())
		setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: state.ID})
		resp.State.RemoveResource(ctx)
		return
	}
	if !ok {
		return
	}
	modelFromJiraConnection(&state, obj)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: state.ID})
}

func (r *jiraSyncConnectionResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state jiraSyncConnectionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := parseID(state.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid JIRA Sync Connection ID", err.Error())
		return
	}
	conn := jiraConnectionFromModel(plan)
	var d diag.Diagnostics
	conn.JiraPassword, d = secretForUpdate(ctx, req.Config, req.Plan, req.State, path.Root("jira_password"), false)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.UpdateJiraConnection(ctx, id, conn); err != nil {
		r.addWriteError(ctx, &resp.Diagnostics, "Unable to Update JIRA Sync Connection", conn.JiraURL, err)
		return
	}
	plan.ID = state.ID
	r.readInto(ctx, &plan, &resp.Diagnostics, "Unable to Read JIRA Sync Connection After Update")
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: plan.ID})
}

func (r *jiraSyncConnectionResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteByID(ctx, req.State, &resp.Diagnostics, "Unable to Delete JIRA Sync Connection", r.client.DeleteJiraConnection)
}

func (r *jiraSyncConnectionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByIDOrKey(ctx, req, resp, "JIRA Sync Connection", "terraform import almsync_jira_sync_connection.main jira_url=https://acme.atlassian.net",
		func(ctx context.Context, jiraURL string) (int64, bool, error) {
			c, found, err := r.client.FindJiraConnection(ctx, jiraURL)
			return c.ID, found, err
		}, "jira_url")
}

// jiraConnectionFields maps the JSON fields the JIRA Connector names in its
// messages to the attributes they come from.
var jiraConnectionFields = []struct {
	json string
	attr path.Path
	name string
}{
	// Longer names first, so "schedule.intervalMinutes" wins over "schedule".
	{"schedule.intervalMinutes", path.Root("schedule").AtName("interval_minutes"), "schedule.interval_minutes"},
	{"schedule.cron", path.Root("schedule").AtName("cron"), "schedule.cron"},
	{"schedule.type", path.Root("schedule"), "schedule"},
	{"failureNotificationUser", path.Root("failure_notification_user"), "failure_notification_user"},
	{"jiraUsername", path.Root("jira_username"), "jira_username"},
	{"jiraPassword", path.Root("jira_password"), "jira_password"},
	{"jiraUrl", path.Root("jira_url"), "jira_url"},
	{"jamaUser", path.Root("jama_user"), "jama_user"},
}

// urlUserinfo matches the user information of a URL in a message.
var urlUserinfo = regexp.MustCompile(`(?i)\b([a-z][a-z0-9+.-]*://)[^/?#@\s"]*@`)

// addWriteError reports a failed create or update. Each problem of a 400
// answer is attached to the attribute it concerns, named as in the
// configuration rather than by its JSON field; a 409 gives the import block
// that adopts the connection already using jiraURL.
func (r *jiraSyncConnectionResource) addWriteError(ctx context.Context, diags *diag.Diagnostics, summary, jiraURL string, err error) {
	var apiErr *api.Error
	if !errors.As(err, &apiErr) {
		addAPIError(diags, summary, err)
		return
	}
	message := urlUserinfo.ReplaceAllString(apiErr.Message, "$1")
	what := fmt.Sprintf("Jama %s (%s %s) answered HTTP %d", apiErr.Operation, apiErr.Method, apiErr.Path, apiErr.StatusCode)
	switch {
	case errors.Is(err, api.ErrConflict):
		detail := what + ": " + message + "\n\nA JIRA connection for this `jira_url` already exists, and a Jama instance holds one connection per JIRA instance. " +
			"Bring it under Terraform instead of creating another:\n\n"
		if existing, found, findErr := r.client.FindJiraConnection(ctx, jiraURL); findErr == nil && found {
			detail += fmt.Sprintf("import {\n  to = almsync_jira_sync_connection.this\n  id = %q\n}\n\n(with `to` naming this resource's address)", strconv.FormatInt(existing.ID, 10))
		} else {
			detail += fmt.Sprintf("import {\n  to = almsync_jira_sync_connection.this\n  id = %q\n}\n\n(with `to` naming this resource's address)", "jira_url="+jiraURL)
		}
		diags.AddAttributeError(path.Root("jira_url"), summary, detail)
		return
	case errors.Is(err, api.ErrBadRequest) && message != "":
		for _, problem := range strings.Split(message, "; ") {
			attr, text, ok := attributeOfProblem(problem)
			if !ok {
				diags.AddError(summary, fmt.Sprintf("%s: %s\n\nCorrect the configuration as the message says.", what, problem))
				continue
			}
			diags.AddAttributeError(attr, summary, fmt.Sprintf("%s: %s\n\nCorrect this attribute as the message says.", what, text))
		}
		return
	}
	addAPIError(diags, summary, err)
}

// attributeOfProblem finds the attribute a JIRA Connector problem is about
// and rewrites the problem with the attribute's configuration name.
func attributeOfProblem(problem string) (path.Path, string, bool) {
	for _, f := range jiraConnectionFields {
		rest, ok := strings.CutPrefix(problem, f.json)
		if !ok || (rest != "" && rest[0] != ' ' && rest[0] != ':') {
			continue
		}
		for _, other := range jiraConnectionFields {
			if other.json != "schedule.type" { // no attribute spells the type
				rest = strings.ReplaceAll(rest, other.json, "`"+other.name+"`")
			}
		}
		return f.attr, "`" + f.name + "`" + rest, true
	}
	return path.Empty(), "", false
}

func (r *jiraSyncConnectionResource) readInto(ctx context.Context, m *jiraSyncConnectionModel, diags *diag.Diagnostics, summary string) {
	if obj, ok := getAfterWrite(ctx, m.ID, diags, summary, r.client.GetJiraConnection); ok {
		modelFromJiraConnection(m, obj)
	}
}

// jiraConnectionFromModel builds the API request from the plan; the
// password is filled in by the caller.
func jiraConnectionFromModel(m jiraSyncConnectionModel) jama.JiraConnection {
	conn := jama.JiraConnection{
		JiraURL:                 m.JiraURL.ValueString(),
		JiraUsername:            m.JiraUsername.ValueString(),
		JamaUser:                m.JamaUser.ValueString(),
		FailureNotificationUser: m.FailureNotificationUser.ValueString(),
		Enabled:                 m.Enabled.ValueBool(),
		UsePlainText:            m.UsePlainText.ValueBool(),
	}
	if s := m.Schedule; s != nil {
		if !s.Cron.IsNull() {
			conn.Schedule = jama.SyncSchedule{Type: jama.ScheduleCron, Cron: s.Cron.ValueString()}
		} else {
			conn.Schedule = jama.SyncSchedule{Type: jama.ScheduleInterval, IntervalMinutes: int(s.IntervalMinutes.ValueInt64())}
		}
	}
	return conn
}

// modelFromJiraConnection copies what the API returns into m. The password
// is never returned, so m keeps it. A cron string that Jama rewrote into an
// equivalent form keeps the form in m, so no diff ever shows for it.
func modelFromJiraConnection(m *jiraSyncConnectionModel, c jama.JiraConnection) {
	m.ID = types.StringValue(strconv.FormatInt(c.ID, 10))
	m.JiraURL = types.StringValue(c.JiraURL)
	m.JiraUsername = types.StringValue(c.JiraUsername)
	m.JamaUser = types.StringValue(c.JamaUser)
	m.FailureNotificationUser = stringOrNull(c.FailureNotificationUser)
	m.Enabled = types.BoolValue(c.Enabled)
	m.UsePlainText = types.BoolValue(c.UsePlainText)
	m.JiraPasswordWO = types.StringNull()

	schedule := &syncScheduleModel{IntervalMinutes: types.Int64Null(), Cron: types.StringNull()}
	switch c.Schedule.Type {
	case jama.ScheduleCron:
		schedule.Cron = types.StringValue(c.Schedule.Cron)
		if prior := m.Schedule; prior != nil && !prior.Cron.IsNull() && !prior.Cron.IsUnknown() && quartz.Equivalent(prior.Cron.ValueString(), c.Schedule.Cron) {
			schedule.Cron = prior.Cron
		}
	default:
		schedule.IntervalMinutes = types.Int64Value(int64(c.Schedule.IntervalMinutes))
	}
	m.Schedule = schedule
	if text, ok := describeSchedule(schedule); ok {
		m.ScheduleDescription = types.StringValue(text)
	} else {
		m.ScheduleDescription = types.StringValue(c.Schedule.Cron)
	}
}

// describeSchedule is the plain-English meaning of a schedule; ok is false
// while the schedule is unknown or invalid.
func describeSchedule(s *syncScheduleModel) (string, bool) {
	switch {
	case s == nil || s.Cron.IsUnknown() || s.IntervalMinutes.IsUnknown():
		return "", false
	case !s.Cron.IsNull():
		text, err := quartz.Describe(s.Cron.ValueString())
		return text, err == nil
	case !s.IntervalMinutes.IsNull():
		return describeInterval(s.IntervalMinutes.ValueInt64()), true
	}
	return "", false
}

// describeInterval says how often a Simple Scheduling interval runs.
func describeInterval(minutes int64) string {
	switch {
	case minutes == 1:
		return "Every minute"
	case minutes == 60:
		return "Every hour"
	case minutes%1440 == 0 && minutes > 1440:
		return fmt.Sprintf("Every %d days", minutes/1440)
	case minutes == 1440:
		return "Every day"
	case minutes%60 == 0:
		return fmt.Sprintf("Every %d hours", minutes/60)
	}
	return fmt.Sprintf("Every %d minutes", minutes)
}

// equivalentCronPlanModifier plans the stored cron string when the
// configured one means the same schedule (Jama may rewrite names to upper
// case and collapse spaces), so an equivalent spelling, after an import for
// instance, never shows as a change. Otherwise the plan is the config.
type equivalentCronPlanModifier struct{}

var _ planmodifier.String = equivalentCronPlanModifier{}

func (equivalentCronPlanModifier) Description(context.Context) string {
	return "an equivalent Quartz expression in state is kept"
}

func (m equivalentCronPlanModifier) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (equivalentCronPlanModifier) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	resp.PlanValue = req.ConfigValue
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.StateValue.IsNull() || req.StateValue.IsUnknown() {
		return
	}
	if quartz.Equivalent(req.StateValue.ValueString(), req.ConfigValue.ValueString()) {
		resp.PlanValue = req.StateValue
	}
}
