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
// the check.
type jitterbitURL struct{}

var _ validator.String = jitterbitURL{}

func (jitterbitURL) Description(context.Context) string {
	return "value must be an absolute http(s) URL or a Jitterbit variable reference such as `[jsm_url]`"
}

func (v jitterbitURL) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (jitterbitURL) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || jitterbit.IsVariableReference(req.ConfigValue.ValueString()) {
		return
	}
	if msg := checkBaseURL(req.ConfigValue.ValueString()); msg != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid URL",
			fmt.Sprintf("%s: %s Or use a Jitterbit variable reference such as `[jsm_url]`.", req.Path, msg))
	}
}

// jitterbitOneOf checks an enumeration field, accepting a Jitterbit
// variable reference in its place.
type jitterbitOneOf struct{ values []string }

var _ validator.String = jitterbitOneOf{}

func (v jitterbitOneOf) Description(context.Context) string {
	return "value must be one of " + strings.Join(v.values, ", ") + ", or a Jitterbit variable reference"
}

func (v jitterbitOneOf) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v jitterbitOneOf) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	if slices.Contains(v.values, s) || jitterbit.IsVariableReference(s) {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid Value",
		fmt.Sprintf("%s is %q; it must be one of %s (exactly as Jitterbit lists them), or a Jitterbit variable reference such as `[name]`.",
			req.Path, s, backtickList(v.values)))
}

// jitterbitName checks a connection name: Jitterbit forbids `/` and `:`,
// since the name also identifies the endpoint.
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
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Connection Name",
			fmt.Sprintf("%s is %q: a Jitterbit connection name must not contain forward slashes (/) or colons (:). Replace them, e.g. with `-`.", req.Path, s))
	}
}
