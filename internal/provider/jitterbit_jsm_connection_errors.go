package provider

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// jsmWireFields maps the connection contract's JSON field names, as
// Jitterbit's messages spell them, to the resource's attributes.
var jsmWireFields = wireFields{
	"environmentId":                  path.Root("environment_id"),
	"projectGuid":                    path.Root("project_guid"),
	"name":                           path.Root("name"),
	"authScheme":                     path.Root("auth_scheme"),
	"url":                            path.Root("url"),
	"user":                           path.Root("user"),
	"password":                       path.Root("password"),
	"apiToken":                       path.Root("api_token"),
	"useProxySettings":               path.Root("use_proxy_settings"),
	"advancedProperties":             path.Root("advanced_properties"),
	"sso":                            path.Root("sso"),
	"sso.loginUrl":                   path.Root("sso").AtName("login_url"),
	"sso.properties":                 path.Root("sso").AtName("properties"),
	"sso.exchangeUrl":                path.Root("sso").AtName("exchange_url"),
	"sso.appName":                    path.Root("sso").AtName("app_name"),
	"sso.appPassword":                path.Root("sso").AtName("app_password"),
	"oauth":                          path.Root("oauth"),
	"oauth.initiateOAuth":            path.Root("oauth").AtName("initiate_oauth"),
	"oauth.version":                  path.Root("oauth").AtName("version"),
	"oauth.clientId":                 path.Root("oauth").AtName("client_id"),
	"oauth.clientSecret":             path.Root("oauth").AtName("client_secret"),
	"oauth.accessToken":              path.Root("oauth").AtName("access_token"),
	"oauth.scope":                    path.Root("oauth").AtName("scope"),
	"oauth.cloudId":                  path.Root("oauth").AtName("cloud_id"),
	"oauth.verifier":                 path.Root("oauth").AtName("verifier"),
	"oauth.authToken":                path.Root("oauth").AtName("auth_token"),
	"oauth.authKey":                  path.Root("oauth").AtName("auth_key"),
	"oauth.refreshToken":             path.Root("oauth").AtName("refresh_token"),
	"oauth.expiresIn":                path.Root("oauth").AtName("expires_in"),
	"oauth.tokenTimestamp":           path.Root("oauth").AtName("token_timestamp"),
	"oauth.certificateStoreType":     path.Root("oauth").AtName("certificate_store_type"),
	"oauth.certificateStore":         path.Root("oauth").AtName("certificate_store"),
	"oauth.certificateStorePassword": path.Root("oauth").AtName("certificate_store_password"),
	"oauth.certificateSubject":       path.Root("oauth").AtName("certificate_subject"),
	"ssl":                            path.Root("ssl"),
	"ssl.clientCert":                 path.Root("ssl").AtName("client_cert"),
	"ssl.clientCertType":             path.Root("ssl").AtName("client_cert_type"),
	"ssl.clientCertPassword":         path.Root("ssl").AtName("client_cert_password"),
	"ssl.clientCertSubject":          path.Root("ssl").AtName("client_cert_subject"),
	"ssl.serverCert":                 path.Root("ssl").AtName("server_cert"),
}

// wireFieldWord matches a JSON field name, dotted for nested fields, in a
// vendor message.
var wireFieldWord = regexp.MustCompile(`\b[A-Za-z]+(\.[A-Za-z]+)?\b`)

// wireFields maps the JSON field names a product's messages use to the
// resource's attributes. The generic mechanism serves every resource whose
// vendor messages name wire fields (this connection's and aqua's).
type wireFields map[string]path.Path

// translate rewrites the field names in msg as the attributes they stand
// for, quoted as attributes are in diagnostics, and returns the first such
// attribute. A lower-case single word such as `user` is taken as a field
// only where it reads as one (`user is required`), not as an ordinary word.
func (f wireFields) translate(msg string) (string, *path.Path) {
	var first *path.Path
	out := wireFieldWord.ReplaceAllStringFunc(msg, func(w string) string {
		p, ok := f[w]
		if !ok {
			return w
		}
		plainWord := !strings.Contains(w, ".") && strings.ToLower(w) == w
		if plainWord && !strings.Contains(msg, w+" is ") && !strings.Contains(msg, w+" must ") {
			return w
		}
		if first == nil {
			first = &p
		}
		return "`" + p.String() + "`"
	})
	return out, first
}

// addWireAPIError adds the diagnostic for a product's rejection of an
// object's values (HTTP 400): the vendor's message with its field names
// rewritten as attributes, attached to the first it names. It reports
// whether err was such a rejection; the caller handles any other error.
func addWireAPIError(diags *diag.Diagnostics, summary string, err error, fields wireFields) bool {
	var apiErr *api.Error
	if !errors.Is(err, api.ErrBadRequest) || !errors.As(err, &apiErr) || apiErr.Message == "" {
		return false
	}
	msg, first := fields.translate(apiErr.Message)
	detail := strings.Replace(err.Error(), apiErr.Message, msg, 1)
	if first == nil {
		diags.AddError(summary, detail+"\n\nThe product rejected the values; correct the attribute its message names.")
		return true
	}
	diags.AddAttributeError(*first, summary, detail+"\n\nThe product rejected the value of `"+first.String()+"`; correct it.")
	return true
}

// addJSMAPIError adds the diagnostic for a failed connection call. A
// rejection naming contract fields (`sso.appPassword is required`) names
// the resource's attributes instead (`sso.app_password`) and is attached
// to the first of them; a conflict gives the import block that adopts the
// existing connection; a refused organization points at the provider
// block's `organization_id`. Other failures read as addAPIError's.
func addJSMAPIError(diags *diag.Diagnostics, summary string, err error, m jsmConnectionModel) {
	if addWireAPIError(diags, summary, err, jsmWireFields) {
		return
	}
	var apiErr *api.Error
	switch {
	case errors.Is(err, api.ErrConflict):
		diags.AddAttributeError(path.Root("name"), summary, err.Error()+"\n\n"+
			"Project "+m.ProjectGUID.ValueString()+" already has a Jira Service Management connection with this name in Harmony environment "+m.EnvironmentID.ValueString()+
			" (compared without regard to case). "+
			"Give this one another `name`, or bring the existing connection under Terraform with this block, with `to` set to this resource's address (the one Terraform names on the `with` line):\n\n"+
			importBlock("almsync_jitterbit_jsm_connection", jsmImportID(m.EnvironmentID.ValueString(), m.ProjectGUID.ValueString(), m.Name.ValueString())))
	case errors.Is(err, api.ErrForbidden) && errors.As(err, &apiErr) && strings.Contains(strings.ToLower(apiErr.Message), "organization"):
		diags.AddError(summary, err.Error()+"\n\n"+
			"The Harmony login does not belong to the organization the provider sends. Set `organization_id` in the provider's `jitterbit` block "+
			"(or `JITTERBIT_ORGANIZATION_ID`) to the id of the organization the user belongs to, as Harmony's Organizations page shows it.")
	default:
		addJitterbitAPIError(diags, summary, err)
	}
}

// importBlock is the import block adopting an existing object of type typ
// with import identifier id, for a resource to be named NAME.
func importBlock(typ, id string) string {
	return fmt.Sprintf("import {\n  to = %s.NAME\n  id = %q\n}", typ, id)
}
