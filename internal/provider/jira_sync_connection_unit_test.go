package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

func syncConfig(url, username string, schedule map[string]tftypes.Value) map[string]tftypes.Value {
	scheduleType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"interval_minutes": tftypes.Number, "cron": tftypes.String}}
	if schedule == nil {
		schedule = map[string]tftypes.Value{"interval_minutes": tftypes.NewValue(tftypes.Number, 60), "cron": tftypes.NewValue(tftypes.String, nil)}
	}
	return map[string]tftypes.Value{
		"jira_url": str(url), "jira_username": str(username), "jira_password": str("pw"), "jama_user": str("jira.user"),
		"schedule": tftypes.NewValue(scheduleType, schedule),
	}
}

func TestJiraSyncConnectionValidateConfig(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		url, username string
		wantError     string
		wantWarning   string
	}{
		"https server":            {url: "https://jira.example.com", username: "svc"},
		"http warns at plan only": {url: "http://jira.example.com", username: "svc"},
		"cloud with email":        {url: "https://acme.atlassian.net", username: "sync@example.com"},
		"cloud upper-case host":   {url: "https://ACME.Atlassian.NET", username: "svc", wantError: "email address"},
		"cloud without email":     {url: "https://acme.atlassian.net/", username: "svc-jama", wantError: "api-tokens"},
		"server may use username": {url: "https://jira.atlassian.example.com", username: "svc"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			diags := validate(t, &jiraSyncConnectionResource{}, syncConfig(tc.url, tc.username, nil))
			var errs, warns []string
			for _, d := range diags.Errors() {
				errs = append(errs, d.Detail())
			}
			for _, d := range diags.Warnings() {
				warns = append(warns, d.Detail())
			}
			if got := strings.Join(errs, "\n"); (tc.wantError == "") != (got == "") || !strings.Contains(got, tc.wantError) {
				t.Errorf("errors %q, want %q", got, tc.wantError)
			}
			if got := strings.Join(warns, "\n"); (tc.wantWarning == "") != (got == "") || !strings.Contains(got, tc.wantWarning) {
				t.Errorf("warnings %q, want %q", got, tc.wantWarning)
			}
		})
	}
}

func cronSchedule(expr string) map[string]tftypes.Value {
	return map[string]tftypes.Value{"interval_minutes": tftypes.NewValue(tftypes.Number, nil), "cron": str(expr)}
}

func TestJiraSyncConnectionScheduleValidation(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		schedule  map[string]tftypes.Value
		wantError string // a substring of the one error; empty: valid
		wantPath  path.Path
	}{
		"seed noon":            {schedule: cronSchedule("0 0 12 * * ?")},
		"seed every 5 minutes": {schedule: cronSchedule("0 0/5 14 * * ?")},
		"seed last friday":     {schedule: cronSchedule("0 15 10 ? * 6L")},
		"ignored parts parse":  {schedule: cronSchedule("0 0 12 1W,15 * ? 2030 extra")},
		"both day fields":      {schedule: cronSchedule("0 0 * * * *"), wantError: "the day-of-week field (position 6)", wantPath: scheduleCronPath},
		"32W":                  {schedule: cronSchedule("0/5 * * 32W 1 ?"), wantError: `the day-of-month field (position 4), "32W",`, wantPath: scheduleCronPath},
		"increment over 59":    {schedule: cronSchedule("/120 0 8-18 ? * 2-6"), wantError: "seconds", wantPath: scheduleCronPath},
		"L in a list":          {schedule: cronSchedule("0 43 9 ? * 6,7,L"), wantError: "day-of-week", wantPath: scheduleCronPath},
		"31st of February":     {schedule: cronSchedule("0 0 12 31 2 ?"), wantError: "never fires, and Quartz's scheduler refuses such a trigger: the day-of-month field (position 4)", wantPath: scheduleCronPath},
		"past year":            {schedule: cronSchedule("0 0 12 1 1 ? 2020"), wantError: "the year field (position 7), \"2020\",: every fire time is in the past", wantPath: scheduleCronPath},
		"L in the seconds":     {schedule: cronSchedule("L 0 12 * * ?"), wantError: "the seconds field (position 1)", wantPath: scheduleCronPath},
		"interval and cron": {
			schedule:  map[string]tftypes.Value{"interval_minutes": tftypes.NewValue(tftypes.Number, 60), "cron": str("0 0 12 * * ?")},
			wantError: "`schedule.interval_minutes` and `schedule.cron` are both set", wantPath: scheduleCronPath,
		},
		"neither interval nor cron": {
			schedule:  map[string]tftypes.Value{"interval_minutes": tftypes.NewValue(tftypes.Number, nil), "cron": tftypes.NewValue(tftypes.String, nil)},
			wantError: "sets neither `schedule.interval_minutes` nor `schedule.cron`", wantPath: schedulePath,
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			diags := validate(t, &jiraSyncConnectionResource{}, syncConfig("https://jira.example.com", "svc", tc.schedule))
			errs := diags.Errors()
			if tc.wantError == "" {
				if len(errs) > 0 {
					t.Fatalf("rejected: %v", errs)
				}
				return
			}
			if len(errs) != 1 {
				t.Fatalf("%d errors %v, want exactly one containing %q", len(errs), errs, tc.wantError)
			}
			d := errs[0]
			if !strings.Contains(d.Detail(), tc.wantError) || strings.Contains(d.Detail(), ".<.") {
				t.Errorf("error %q, want it to contain %q", d.Detail(), tc.wantError)
			}
			withPath, ok := d.(diag.DiagnosticWithPath)
			if !ok || !withPath.Path().Equal(tc.wantPath) {
				t.Errorf("error attached to %v, want %s", d, tc.wantPath)
			}
		})
	}
}

func TestAttributeOfProblem(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		problem  string
		wantPath path.Path
		wantText string
	}{
		"jama user": {`jamaUser "x" is not an active Jama user: no such user`, path.Root("jama_user"), "`jama_user` \"x\" is not an active Jama user: no such user"},
		"notification user": {`failureNotificationUser "y" is not an active Jama user: user 4 is deactivated`, path.Root("failure_notification_user"),
			"`failure_notification_user` \"y\" is not an active Jama user"},
		"interval": {"schedule.intervalMinutes must be between 1 and 525600 when schedule.type is interval, got 0", path.Root("schedule").AtName("interval_minutes"),
			"`schedule.interval_minutes` must be between 1 and 525600 when schedule.type is interval"},
		"cron":     {"schedule.cron must be a valid Quartz cron expression", path.Root("schedule").AtName("cron"), "`schedule.cron` must be"},
		"password": {"jiraPassword is required", path.Root("jira_password"), "`jira_password` is required"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			at, text, ok := attributeOfProblem(tc.problem)
			if !ok || !at.Equal(tc.wantPath) || !strings.Contains(text, tc.wantText) {
				t.Errorf("attributeOfProblem(%q) = %s, %q, %t; want %s, %q", tc.problem, at, text, ok, tc.wantPath, tc.wantText)
			}
		})
	}
	if _, _, ok := attributeOfProblem("jamaUserX is odd"); ok {
		t.Error("a longer JSON name matched jamaUser")
	}
}

func TestJiraSyncConnectionWriteErrorNamesAttributes(t *testing.T) {
	t.Parallel()
	var diags diag.Diagnostics
	err := &api.Error{Product: "Jama", Operation: "create JIRA connection", Method: "POST", Path: "/almsync/jama-jira-connector/v1/connections", StatusCode: 400,
		Message: `jamaUser "ghost" is not an active Jama user: no such user; jiraUrl must be an absolute http or https URL with a host, got "ftp://svc:hunter2@jira"`}
	(&jiraSyncConnectionResource{}).addWriteError(context.Background(), &diags, "Unable to Create JIRA Sync Connection", "ftp://jira", err)
	if len(diags) != 2 {
		t.Fatalf("diagnostics %v, want one per problem", diags)
	}
	for i, want := range []path.Path{path.Root("jama_user"), path.Root("jira_url")} {
		d, ok := diags[i].(diag.DiagnosticWithPath)
		if !ok || !d.Path().Equal(want) {
			t.Errorf("diagnostic %d %v, want it attached to %s", i, diags[i], want)
			continue
		}
		if strings.Contains(d.Detail(), "jamaUser") || strings.Contains(d.Detail(), "jiraUrl") || strings.Contains(d.Detail(), "hunter2") {
			t.Errorf("diagnostic %d names a JSON field or prints userinfo: %s", i, d.Detail())
		}
	}
}

func TestEquivalentCronPlanModifier(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		state, config types.String
		want          types.String
	}{
		"create":                {state: types.StringNull(), config: types.StringValue("0 0 12 ? * mon"), want: types.StringValue("0 0 12 ? * mon")},
		"same meaning kept":     {state: types.StringValue("0 0 12 ? * MON"), config: types.StringValue("0  0 12 ? * mon"), want: types.StringValue("0 0 12 ? * MON")},
		"other schedule wins":   {state: types.StringValue("0 0 12 ? * MON"), config: types.StringValue("0 0 13 ? * MON"), want: types.StringValue("0 0 13 ? * MON")},
		"removed stays null":    {state: types.StringValue("0 0 12 ? * MON"), config: types.StringNull(), want: types.StringNull()},
		"unknown stays unknown": {state: types.StringValue("0 0 12 ? * MON"), config: types.StringUnknown(), want: types.StringUnknown()},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			resp := planmodifier.StringResponse{PlanValue: tc.config}
			equivalentCronPlanModifier{}.PlanModifyString(context.Background(), planmodifier.StringRequest{
				StateValue: tc.state, ConfigValue: tc.config, PlanValue: tc.config,
			}, &resp)
			if !resp.PlanValue.Equal(tc.want) {
				t.Errorf("planned %v, want %v", resp.PlanValue, tc.want)
			}
		})
	}
}

func TestDescribeInterval(t *testing.T) {
	t.Parallel()
	for minutes, want := range map[int64]string{
		1: "Every minute", 5: "Every 5 minutes", 60: "Every hour", 90: "Every 90 minutes",
		720: "Every 12 hours", 1440: "Every day", 2880: "Every 2 days", 525600: "Every 365 days",
	} {
		if got := describeInterval(minutes); got != want {
			t.Errorf("describeInterval(%d) = %q, want %q", minutes, got, want)
		}
	}
}
