package provider_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
)

func TestAccFunctions_CronNextAndDescribe(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
output "last_fridays" {
  value = provider::almsync::cron_next("0 15 10 ? * 6L", "2026-01-01T00:00:00Z", 3)
}
output "noon" {
  value = provider::almsync::cron_describe("0 0 12 * * ?")
}
output "afternoon" {
  value = provider::almsync::cron_describe("0 0/5 14 * * ?")
}
output "last_friday" {
  value = provider::almsync::cron_describe("0 15 10 ? * 6L")
}
output "past_year" {
  value = provider::almsync::cron_next("0 0 12 1 1 ? 2020", "2026-01-01T00:00:00Z", 5)
}
output "never_fires" {
  value = provider::almsync::cron_describe("0 0 12 31 2 ?")
}
output "past_year_described" {
  value = provider::almsync::cron_describe("0 0 12 1 1 ? 2020")
}
output "whole_float_count" {
  value = provider::almsync::cron_next("0 0 12 * * ?", "2026-01-01T00:00:00Z", 2.0)
}
# 02:30 does not exist in New York on 8 March 2026: Quartz skips that day.
output "new_york" {
  value = provider::almsync::cron_next("0 30 2 * * ?", "2026-03-06T00:00:00Z", 3, "America/New_York")
}
output "utc_named" {
  value = provider::almsync::cron_next("0 30 2 * * ?", "2026-03-06T00:00:00Z", 1, "UTC")
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("last_fridays", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("2026-01-30T10:15:00Z"),
					knownvalue.StringExact("2026-02-27T10:15:00Z"),
					knownvalue.StringExact("2026-03-27T10:15:00Z"),
				})),
				statecheck.ExpectKnownOutputValue("noon", knownvalue.StringExact("At 12:00, every day")),
				statecheck.ExpectKnownOutputValue("afternoon", knownvalue.StringExact("Every 5 minutes, between 14:00 and 14:55, every day")),
				statecheck.ExpectKnownOutputValue("last_friday", knownvalue.StringExact("At 10:15, on the last Friday of the month")),
				statecheck.ExpectKnownOutputValue("past_year", knownvalue.ListExact([]knownvalue.Check{})),
				statecheck.ExpectKnownOutputValue("never_fires", knownvalue.StringExact("Never fires: at 12:00, on the 31st of the month, only in February")),
				statecheck.ExpectKnownOutputValue("past_year_described", knownvalue.StringRegexp(regexp.MustCompile(`^Never fires: at 12:00, .*only in 2020$`))),
				statecheck.ExpectKnownOutputValue("whole_float_count", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("2026-01-01T12:00:00Z"),
					knownvalue.StringExact("2026-01-02T12:00:00Z"),
				})),
				statecheck.ExpectKnownOutputValue("new_york", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("2026-03-06T07:30:00Z"),
					knownvalue.StringExact("2026-03-07T07:30:00Z"),
					knownvalue.StringExact("2026-03-09T06:30:00Z"),
				})),
				statecheck.ExpectKnownOutputValue("utc_named", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("2026-03-06T02:30:00Z"),
				})),
			},
		}},
	})
}

func TestAccFunctions_Errors(t *testing.T) {
	cases := map[string]struct{ expr, want string }{
		"invalid expression names the field": {`provider::almsync::cron_describe("0 0 * * * *")`, `Invalid Quartz cron expression.*day-of-week`},
		"after not RFC 3339":                 {`provider::almsync::cron_next("0 0 12 * * ?", "yesterday", 1)`, `RFC 3339`},
		"count zero":                         {`provider::almsync::cron_next("0 0 12 * * ?", "2026-01-01T00:00:00Z", 0)`, `count must be a whole number between 1 and 1000`},
		"count too large":                    {`provider::almsync::cron_next("0 0 12 * * ?", "2026-01-01T00:00:00Z", 1001)`, `count must be a whole number between 1 and 1000`},
		"count fractional":                   {`provider::almsync::cron_next("0 0 12 * * ?", "2026-01-01T00:00:00Z", 2.5)`, `count must be a whole number between 1 and 1000, got 2.5`},
		"cron_next invalid expression":       {`provider::almsync::cron_next("0 0 12 32 * ?", "2026-01-01T00:00:00Z", 1)`, `Invalid Quartz cron expression.*day-of-month`},
		"unknown time zone":                  {`provider::almsync::cron_next("0 0 12 * * ?", "2026-01-01T00:00:00Z", 1, "Mars/Olympus")`, `time_zone must be an IANA time zone name`},
		"Local is not a zone":                {`provider::almsync::cron_next("0 0 12 * * ?", "2026-01-01T00:00:00Z", 1, "Local")`, `time_zone must be an IANA time zone name`},
		"two time zones":                     {`provider::almsync::cron_next("0 0 12 * * ?", "2026-01-01T00:00:00Z", 1, "UTC", "UTC")`, `at most one time zone`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config:      `output "x" { value = ` + tc.expr + ` }`,
					ExpectError: acctest.MessagePattern(tc.want),
				}},
			})
		})
	}
}
