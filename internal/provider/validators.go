package provider

import (
	"context"
	"crypto/x509"
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/almsync/terraform-provider-almsync/internal/quartz"
)

// pemValidator checks that a string holds at least one PEM certificate.
type pemValidator struct{}

var _ validator.String = pemValidator{}

func (pemValidator) Description(context.Context) string {
	return "value must hold at least one PEM-encoded certificate"
}

func (v pemValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (pemValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if !x509.NewCertPool().AppendCertsFromPEM([]byte(req.ConfigValue.ValueString())) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid CA Certificate",
			fmt.Sprintf("%s holds no PEM-encoded certificate. Paste the CA certificate including its BEGIN CERTIFICATE and END CERTIFICATE lines.", req.Path))
	}
}

// durationValidator checks a Go duration for request_timeout.
type durationValidator struct{}

var _ validator.String = durationValidator{}

func (durationValidator) Description(context.Context) string {
	return "value must be a positive duration of at most 10m, such as `30s`"
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, msg := parseTimeout(req.ConfigValue.ValueString()); msg != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Request Timeout",
			fmt.Sprintf("%s is %q: %s", req.Path, req.ConfigValue.ValueString(), msg))
	}
}

// parseTimeout parses a request timeout, returning why it is unusable.
func parseTimeout(s string) (time.Duration, string) {
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		return 0, "write a duration such as `30s`, `90s` or `2m`."
	case d <= 0:
		return 0, "the timeout must be positive."
	case d > 10*time.Minute:
		return 0, "the timeout must be at most `10m`."
	}
	return d, ""
}

// urlValidator checks an absolute http(s) URL with a host.
type urlValidator struct{}

var _ validator.String = urlValidator{}

func (urlValidator) Description(context.Context) string {
	return "value must be an absolute `http://` or `https://` URL with a host"
}

func (v urlValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (urlValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if msg := checkBaseURL(req.ConfigValue.ValueString()); msg != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid URL", fmt.Sprintf("%s: %s", req.Path, msg))
	}
}

// noSurroundingSpace rejects leading or trailing white space, which the
// products trim and which would then show as a diff forever.
type noSurroundingSpace struct{}

var _ validator.String = noSurroundingSpace{}

func (noSurroundingSpace) Description(context.Context) string {
	return "value must not begin or end with white space"
}

func (v noSurroundingSpace) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (noSurroundingSpace) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if s := req.ConfigValue.ValueString(); strings.TrimSpace(s) != s {
		resp.Diagnostics.AddAttributeError(req.Path, "Surrounding White Space",
			fmt.Sprintf("%s is %q: remove the white space at its start or end.", req.Path, s))
	}
}

// noWhiteSpace rejects any white space, e.g. in a username.
type noWhiteSpace struct{}

var _ validator.String = noWhiteSpace{}

func (noWhiteSpace) Description(context.Context) string { return "value must not contain white space" }

func (v noWhiteSpace) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (noWhiteSpace) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if s := req.ConfigValue.ValueString(); strings.ContainsFunc(s, unicode.IsSpace) {
		resp.Diagnostics.AddAttributeError(req.Path, "White Space Not Allowed",
			fmt.Sprintf("%s is %q: it must not contain spaces, tabs or line breaks.", req.Path, s))
	}
}

// emailValidator checks the shape of an email address.
type emailValidator struct{}

var _ validator.String = emailValidator{}

func (emailValidator) Description(context.Context) string {
	return "value must be an email address such as `jira.sync@example.com`"
}

func (v emailValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (emailValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if s := req.ConfigValue.ValueString(); !isEmail(s) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Email Address",
			fmt.Sprintf("%s is %q, which is not an email address. Write it as `name@domain`, e.g. `jira.sync@example.com`.", req.Path, s))
	}
}

// isEmail reports whether s is a single bare address (no display name).
func isEmail(s string) bool {
	addr, err := mail.ParseAddress(s)
	return err == nil && addr.Address == s && addr.Name == "" && strings.Contains(s[strings.LastIndex(s, "@"):], ".")
}

// backtickList renders values as `a`, `b`, `c` for descriptions.
func backtickList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	return strings.Join(quoted, ", ")
}

// cronValidator parses a Quartz cron expression with Quartz's own rules and
// warns about schedules that fire more than once a minute.
type cronValidator struct{}

var _ validator.String = cronValidator{}

func (cronValidator) Description(context.Context) string {
	return "value must be a valid Quartz cron expression of 6 or 7 fields"
}

func (v cronValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (cronValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	expr, err := quartz.Parse(req.ConfigValue.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Quartz Cron Expression",
			fmt.Sprintf("%q is not a valid Quartz cron expression: %s. "+
				"Fields are: seconds minutes hours day-of-month month day-of-week [year], e.g. `0 15 10 ? * 6L`.", req.ConfigValue.ValueString(), err))
		return
	}
	if expr.FiresMoreThanOncePerMinute() {
		resp.Diagnostics.AddAttributeWarning(req.Path, "Schedule Fires More Than Once a Minute",
			fmt.Sprintf("%q (%s) can start a synchronization more than once a minute. Jama recommends timing to be as infrequent as possible; "+
				"a seconds field of a single value such as `0` fires at most once a minute.", req.ConfigValue.ValueString(), expr.Describe()))
	}
}
