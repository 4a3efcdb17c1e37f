package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/quartz"
)

var _ function.Function = cronNextFunction{}

// Bounds of cron_next's count argument.
const maxCronNextCount = 1000

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
			"as RFC 3339 timestamps in UTC, evaluated exactly as Quartz's `getNextValidTimeAfter` does in the UTC time zone. " +
			"The list is shorter when the expression stops firing (for example a year in the past). An invalid expression fails with the field, the token and the Quartz rule it breaks.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "expression",
				MarkdownDescription: "Quartz cron expression with 6 or 7 fields: seconds, minutes, hours, day-of-month, month, day-of-week and an optional year, e.g. `0 15 10 ? * 6L`.",
			},
			function.StringParameter{
				Name:                "after",
				MarkdownDescription: "RFC 3339 timestamp, e.g. `2026-01-01T00:00:00Z` or `timestamp()`. Fire times strictly after it are returned.",
			},
			function.Int64Parameter{
				Name:                "count",
				MarkdownDescription: fmt.Sprintf("How many fire times to return, from 1 to %d.", maxCronNextCount),
			},
		},
		Return: function.ListReturn{ElementType: types.StringType},
	}
}

func (cronNextFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var expression, after string
	var count int64
	resp.Error = req.Arguments.Get(ctx, &expression, &after, &count)
	if resp.Error != nil {
		return
	}
	expr, err := quartz.Parse(expression)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(0, fmt.Sprintf("Invalid Quartz cron expression %q: %s", expression, err))
		return
	}
	start, err := time.Parse(time.RFC3339, after)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(1, fmt.Sprintf("after must be an RFC 3339 timestamp such as 2026-01-01T00:00:00Z, got %q", after))
		return
	}
	if count < 1 || count > maxCronNextCount {
		resp.Error = function.NewArgumentFuncError(2, fmt.Sprintf("count must be between 1 and %d, got %d", maxCronNextCount, count))
		return
	}
	times := expr.NextN(start, int(count))
	out := make([]string, len(times))
	for i, t := range times {
		out[i] = t.UTC().Format(time.RFC3339)
	}
	resp.Error = resp.Result.Set(ctx, out)
}
