package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

// jitterbitURL checks a URL field of a Jitterbit connection; a Jitterbit
// variable reference such as `[jsm_url]` is resolved at run time and skips
// the check, and an empty string means unset. The message never quotes the
// value: a URL may carry userinfo or a value from a sensitive variable.
type jitterbitURL struct{}

var _ validator.String = jitterbitURL{}

func (jitterbitURL) Description(context.Context) string {
	return "value must be an absolute http(s) URL or a Jitterbit variable reference such as `[jsm_url]`"
}

func (v jitterbitURL) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (jitterbitURL) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueString() == "" ||
		jitterbit.IsVariableReference(req.ConfigValue.ValueString()) {
		return
	}
	if msg := checkBaseURL(req.ConfigValue.ValueString()); msg != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid URL",
			fmt.Sprintf("`%s`: %s Or use a Jitterbit variable reference such as `[variable_name]`.", req.Path, msg))
	}
}

// jitterbitOneOf checks an enumeration field, accepting a Jitterbit
// variable reference in its place; an empty string means unset. A value
// that differs from an allowed one only in case gets the right spelling,
// since Jitterbit's values are case-sensitive. The message never quotes
// the value given, which may come from a sensitive variable.
type jitterbitOneOf struct{ values []string }

var _ validator.String = jitterbitOneOf{}

func (v jitterbitOneOf) Description(context.Context) string {
	return "value must be one of " + strings.Join(v.values, ", ") + " (case-sensitive), or a Jitterbit variable reference"
}

func (v jitterbitOneOf) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v jitterbitOneOf) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	if s == "" || slices.Contains(v.values, s) || jitterbit.IsVariableReference(s) {
		return
	}
	if i := slices.IndexFunc(v.values, func(allowed string) bool { return strings.EqualFold(allowed, s) }); i >= 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Value Case",
			fmt.Sprintf("`%s` must be written `%s`: Jitterbit's values are case-sensitive. Change the value to `%s`.", req.Path, v.values[i], v.values[i]))
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid Value",
		fmt.Sprintf("`%s` must be one of %s (exactly as Jitterbit lists them), or a Jitterbit variable reference such as `[variable_name]`.",
			req.Path, backtickList(v.values)))
}

// jitterbitName checks a connection name: Jitterbit forbids `/` and `:`,
// since the name also identifies the endpoint. The message never quotes
// the name, which may come from a sensitive variable.
type jitterbitName struct{}

var _ validator.String = jitterbitName{}

func (jitterbitName) Description(context.Context) string {
	return "value must not contain `/` or `:`"
}

func (v jitterbitName) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (jitterbitName) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if s := req.ConfigValue.ValueString(); strings.ContainsAny(s, "/:") {
		var found []string
		for _, c := range []string{"/", ":"} {
			if strings.Contains(s, c) {
				found = append(found, "`"+c+"`")
			}
		}
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Connection Name",
			fmt.Sprintf("`%s` contains %s: a Jitterbit connection name must not contain forward slashes (/) or colons (:), since it also names the endpoint. "+
				"Replace them, e.g. with `-`.", req.Path, strings.Join(found, " and ")))
	}
}
