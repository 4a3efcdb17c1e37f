package provider

import (
	"context"
	"crypto/x509"
	"fmt"
	"math"
	"net"
	"net/mail"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
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
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid URL", fmt.Sprintf("`%s`: %s", req.Path, msg))
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
	// The value is not quoted: it may come from a sensitive variable.
	if s := req.ConfigValue.ValueString(); strings.TrimSpace(s) != s {
		resp.Diagnostics.AddAttributeError(req.Path, "Surrounding White Space",
			fmt.Sprintf("`%s` begins or ends with white space (a space, tab or line break), which the product trims: remove it.", req.Path))
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

// warnCleartextURL warns when raw, a URL that carries credentials, uses
// http://: what names the credentials, e.g. "the connector's password".
// The URL itself is never printed, since it may hold userinfo or a value
// from a sensitive variable. Every credential-carrying URL warns this way,
// except one to a loopback host (`localhost`, `127.0.0.1`, `::1`), whose
// traffic never leaves the machine, such as the local sandbox.
func warnCleartextURL(diags *diag.Diagnostics, at path.Path, raw, what string) {
	u, err := url.Parse(raw)
	if err != nil || !strings.EqualFold(u.Scheme, "http") || u.Host == "" || isLoopbackHost(u.Hostname()) {
		return
	}
	diags.AddAttributeWarning(at, "Credentials Sent in Clear Text",
		fmt.Sprintf("`%s` uses `http://`, so %s travel unencrypted to that host. Use its `https://` URL.", at, what))
}

// isLoopbackHost reports whether host names the local machine.
func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// rateValidator accepts a request rate between 0 (unlimited) and max.
type rateValidator struct{ max float64 }

func (v rateValidator) Description(context.Context) string {
	return fmt.Sprintf("a number of requests per second between 0 (unlimited) and %g", v.max)
}

func (v rateValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v rateValidator) ValidateFloat64(_ context.Context, req validator.Float64Request, resp *validator.Float64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if n := req.ConfigValue.ValueFloat64(); math.IsNaN(n) || n < 0 || n > v.max {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Request Rate",
			fmt.Sprintf("`%s` is %g; it must be a number of requests per second between 0 (unlimited) and %g. "+
				"Leave it out for the product's documented limit.", req.Path, n, v.max))
	}
}
