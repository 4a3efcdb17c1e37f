package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/almsync/terraform-provider-almsync/internal/quartz"
)

var _ function.Function = cronDescribeFunction{}

func newCronDescribeFunction() function.Function { return cronDescribeFunction{} }

// cronDescribeFunction describes a Quartz cron expression in plain English.
type cronDescribeFunction struct{}

func (cronDescribeFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "cron_describe"
}

func (cronDescribeFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Describe a Quartz cron expression in plain English",
		MarkdownDescription: "Returns the plain-English meaning of a Quartz 2.x cron expression, the same text `almsync_jira_sync_connection` shows in `schedule_description`, " +
			"e.g. `At 10:15, on the last Friday of the month` for `0 15 10 ? * 6L`. Times are wall-clock times in the zone the schedule runs in (for Jama, its server's). " +
			"A schedule that never fires again, such as `0 0 12 31 2 ?` or one whose years are all past, is described as `Never fires: ` followed by its meaning. " +
			"An invalid expression fails with the field and the Quartz rule it breaks.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "expression",
				MarkdownDescription: "Quartz cron expression with 6 or 7 fields, e.g. `0 0/5 14 * * ?`.",
			},
		},
		Return: function.StringReturn{},
	}
}

func (cronDescribeFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var expression string
	resp.Error = req.Arguments.Get(ctx, &expression)
	if resp.Error != nil {
		return
	}
	text, err := quartz.Describe(expression)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(0, "Invalid Quartz cron expression: "+cronProblem(err))
		return
	}
	resp.Error = resp.Result.Set(ctx, text)
}
