package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
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
		"http warns":              {url: "http://jira.example.com", username: "svc", wantWarning: "unencrypted"},
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

func TestCronValidator(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		expr        string
		wantError   string
		wantWarning bool
	}{
		"seed noon":              {expr: "0 0 12 * * ?"},
		"seed every 5 minutes":   {expr: "0 0/5 14 * * ?"},
		"seed last friday":       {expr: "0 15 10 ? * 6L"},
		"every second warns":     {expr: "* * * * * ?", wantWarning: true},
		"every 10 seconds warns": {expr: "0/10 * * * * ?", wantWarning: true},
		"both day fields":        {expr: "0 0 * * * *", wantError: "day-of-week"},
		"32W":                    {expr: "0/5 * * 32W 1 ?", wantError: "day-of-month"},
		"increment over 59":      {expr: "/120 0 8-18 ? * 2-6", wantError: "seconds"},
		"L in a list":            {expr: "0 43 9 ? * 6,7,L", wantError: "day-of-week"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var resp validator.StringResponse
			cronValidator{}.ValidateString(context.Background(), validator.StringRequest{
				Path: path.Root("schedule").AtName("cron"), ConfigValue: types.StringValue(tc.expr),
			}, &resp)
			if tc.wantError != "" {
				if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), tc.wantError) {
					t.Fatalf("%q: diagnostics %v, want an error naming %q", tc.expr, resp.Diagnostics, tc.wantError)
				}
				return
			}
			if resp.Diagnostics.HasError() {
				t.Fatalf("%q rejected: %v", tc.expr, resp.Diagnostics)
			}
			if got := len(resp.Diagnostics.Warnings()) > 0; got != tc.wantWarning {
				t.Errorf("%q: warnings %v, want warning %t", tc.expr, resp.Diagnostics.Warnings(), tc.wantWarning)
			}
		})
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
