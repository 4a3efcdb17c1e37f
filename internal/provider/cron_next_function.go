package provider

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/quartz"
)

var _ function.Function = cronNextFunction{}

// Bounds of cron_next's count argument.
const maxCronNextCount = 1000

// Argument positions of cron_next, for errors.
const (
	cronNextExpressionArg = iota
	cronNextAfterArg
	cronNextCountArg
	cronNextTimeZoneArg
)

func newCronNextFunction() function.Function { return cronNextFunction{} }

// cronNextFunction computes the next fire times of a Quartz cron expression.
type cronNextFunction struct{}

func (cronNextFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "cron_next"
}

func (cronNextFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Next fire times of a Quartz cron expression",
		MarkdownDescription: "Returns the next `count` fire times of a Quartz 2.x cron expression (as Jama's JIRA Connector schedules use) strictly after `after`, " +
			"as RFC 3339 timestamps in UTC, computed exactly as Quartz's `getNextValidTimeAfter` does. " +
			"The expression is evaluated in UTC unless a fourth argument names a time zone: Jama fires a schedule in the time zone of its server, so pass that zone " +
			"(e.g. `provider::almsync::cron_next(\"0 0 2 * * ?\", timestamp(), 3, \"Europe/Berlin\")`) to see the instants it fires at. " +
			"In a zone with daylight saving time the results follow Quartz: a time the clocks skip does not fire that day, and a time that occurs twice fires once, the second time. " +
			"The list is shorter when the expression stops firing (for example a year in the past). An invalid expression fails with the field and the Quartz rule it breaks.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "expression",
				MarkdownDescription: "Quartz cron expression with 6 or 7 fields: seconds, minutes, hours, day-of-month, month, day-of-week and an optional year, e.g. `0 15 10 ? * 6L`.",
			},
			function.StringParameter{
				Name:                "after",
				MarkdownDescription: "RFC 3339 timestamp, e.g. `2026-01-01T00:00:00Z` or `timestamp()`. Fire times strictly after it are returned.",
			},
			function.NumberParameter{
				Name:                "count",
				MarkdownDescription: fmt.Sprintf("How many fire times to return: a whole number from 1 to %d.", maxCronNextCount),
			},
		},
		VariadicParameter: function.StringParameter{
			Name: "time_zone",
			MarkdownDescription: "Optional: the IANA time zone to evaluate the expression in, e.g. `America/New_York` or `Europe/Berlin`; at most one. " +
				"Without it the expression is evaluated in UTC.",
		},
		Return: function.ListReturn{ElementType: types.StringType},
	}
}

func (cronNextFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var expression, after string
	var count *big.Float
	var zones []string
	resp.Error = req.Arguments.Get(ctx, &expression, &after, &count, &zones)
	if resp.Error != nil {
		return
	}
	expr, err := quartz.Parse(expression)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(cronNextExpressionArg, "Invalid Quartz cron expression: "+cronProblem(err))
		return
	}
	start, err := time.Parse(time.RFC3339, after)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(cronNextAfterArg, fmt.Sprintf("after must be an RFC 3339 timestamp such as 2026-01-01T00:00:00Z, got %q", after))
		return
	}
	n, ok := wholeCount(count)
	if !ok {
		resp.Error = function.NewArgumentFuncError(cronNextCountArg, fmt.Sprintf("count must be a whole number between 1 and %d, got %s", maxCronNextCount, count.Text('g', -1)))
		return
	}
	loc, funcErr := cronTimeZone(zones)
	if funcErr != nil {
		resp.Error = funcErr
		return
	}
	times := expr.NextNIn(start, n, loc)
	out := make([]string, len(times))
	for i, t := range times {
		out[i] = t.UTC().Format(time.RFC3339)
	}
	resp.Error = resp.Result.Set(ctx, out)
}

// wholeCount returns count as an int when it is a whole number from 1 to
// maxCronNextCount.
func wholeCount(count *big.Float) (int, bool) {
	if count == nil || !count.IsInt() {
		return 0, false
	}
	n, acc := count.Int64()
	if acc != big.Exact || n < 1 || n > maxCronNextCount {
		return 0, false
	}
	return int(n), true
}

// cronTimeZone returns the time zone cron_next evaluates in: UTC, or the
// one IANA zone named.
func cronTimeZone(zones []string) (*time.Location, *function.FuncError) {
	switch len(zones) {
	case 0:
		return time.UTC, nil
	case 1:
	default:
		return nil, function.NewArgumentFuncError(cronNextTimeZoneArg+1,
			fmt.Sprintf("cron_next takes at most one time zone, got %d: remove all but one", len(zones)))
	}
	name := zones[0]
	loc, err := time.LoadLocation(name)
	if name == "" || strings.EqualFold(name, "Local") || err != nil {
		return nil, function.NewArgumentFuncError(cronNextTimeZoneArg,
			fmt.Sprintf("time_zone must be an IANA time zone name such as America/New_York, Europe/Berlin or UTC, got %q", name))
	}
	return loc, nil
}
