package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// providerDataFrom returns the provider's data handed to a resource or
// data source Configure, or nil (with no error) before the provider is
// configured.
func providerDataFrom(raw any, diags *diag.Diagnostics) *providerData {
	if raw == nil {
		return nil
	}
	data, ok := raw.(*providerData)
	if !ok {
		diags.AddError("Unexpected Provider Data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", raw))
		return nil
	}
	return data
}

// stringOrNull maps the API's empty string to null, so an attribute the
// user did not set shows no diff.
func stringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// stringOrEmpty is stringOrNull for an optional attribute where the product
// treats "" as unset: an empty answer keeps prior when prior is "", so a
// configured `""` reads back as it was written; otherwise it is null.
func stringOrEmpty(s string, prior types.String) types.String {
	if s == "" && !prior.IsNull() && !prior.IsUnknown() && prior.ValueString() == "" {
		return prior
	}
	return stringOrNull(s)
}

// parseID parses a numeric object id held in state.
func parseID(id types.String) (int64, error) {
	n, err := strconv.ParseInt(id.ValueString(), 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("id %q is not a positive number", id.ValueString())
	}
	return n, nil
}

// importID is a parsed import identifier: a numeric id, or KEY=VALUE for a
// lookup by a unique attribute.
type importID struct {
	id    int64
	key   string
	value string
}

// parseImportID accepts "123" or "<key>=<value>" for one of keys.
func parseImportID(raw string, keys ...string) (importID, error) {
	raw = strings.TrimSpace(raw)
	if n, err := strconv.ParseInt(raw, 10, 64); err == nil && n > 0 {
		return importID{id: n}, nil
	}
	for _, k := range keys {
		if v, ok := strings.CutPrefix(raw, k+"="); ok && v != "" {
			return importID{key: k, value: v}, nil
		}
	}
	forms := []string{"`<id>` (a positive number)"}
	for _, k := range keys {
		forms = append(forms, fmt.Sprintf("`%s=<%s>`", k, k))
	}
	return importID{}, fmt.Errorf("import identifier %q is not one of %s", raw, strings.Join(forms, ", "))
}

// addAPIError adds a diagnostic for a failed product call: the summary
// names the action; the detail says what happened and what to do. It is
// addAPIErrorFor with no attribute mapping and no import identifier.
func addAPIError(diags *diag.Diagnostics, summary string, err error) {
	addAPIErrorFor(diags, summary, err, apiErrorContext{})
}

// apiFields maps the JSON field names a product's messages use, e.g.
// `clientSecret` or `sso.appPassword`, to the Terraform attributes they
// come from, e.g. `client_secret` or `sso.app_password`.
type apiFields map[string]path.Path

// apiErrorContext is what a resource knows to make a product's error
// actionable: which attribute each API field comes from, and how to
// import the object a conflict (409) is about.
type apiErrorContext struct {
	// fields maps API field names to attributes; the diagnostic is
	// attached to the first one the product's message names.
	fields apiFields
	// resourceType and importID give the exact import block on a
	// conflict, e.g. "almsync_jama_connector" and "name=Production Jama".
	resourceType string
	importID     string
	// conflictFix is the other way out of a conflict, e.g. "choose another
	// `name`"; empty when the object has nothing to rename.
	conflictFix string
}

// addAPIErrorFor adds a diagnostic for a failed product call, naming the
// Terraform attributes instead of the API's fields and attaching it to the
// first one named, with a hint that fits the failure.
func addAPIErrorFor(diags *diag.Diagnostics, summary string, err error, c apiErrorContext) {
	if addContractError(diags, err) {
		return
	}
	detail, at := c.fields.rewrite(err.Error())
	switch {
	case errors.Is(err, api.ErrUnauthorized):
		detail += "\n\nCheck the credentials of the provider block for this product (or its environment variables)."
	case errors.Is(err, aqua.ErrNotLicensed), errors.Is(err, aqua.ErrNotPermitted):
		// aqua says which it lacks, and the error carries the fix.
	case errors.Is(err, api.ErrForbidden):
		detail += "\n\nThe account authenticates but lacks the permission for this operation: grant it to the account of the provider block, " +
			"or check that the object's parent ids (for example an organization, environment or project id) are ones this account can reach."
	case errors.Is(err, api.ErrConflict):
		detail += "\n\n" + c.conflictHint()
	case errors.Is(err, api.ErrBadRequest):
		if at.Equal(path.Empty()) {
			detail += "\n\nThe product rejected the values; correct the attribute its message names."
		} else {
			detail += fmt.Sprintf("\n\nThe product rejected the value of `%s`; correct it.", at)
		}
	case transport.IsPlainHTTPServer(err):
		detail += "\n\nThe server speaks plain HTTP, not HTTPS: the product's `url` in the provider block says `https://` where the server listens with `http://` " +
			"(or the port is another service's). Correct the scheme or the port of `url`; this was not retried, since repeating it cannot help."
	case transport.IsCertificateError(err):
		detail += "\n\nThe server's certificate does not verify against the trusted certificate authorities. If the product uses a private or corporate CA, " +
			"add that CA (PEM) to the provider's `ca_cert_pem` (or `ALMSYNC_CA_CERT_PEM`); if the name does not match, use the host name the certificate was issued for in `url`. " +
			"This was not retried."
	case transport.IsUnknownHost(err):
		detail += "\n\nThe host name does not exist (DNS has no such host). Check the product's `url` in the provider block for a typo. This was not retried."
	case transport.IsRateLimited(err):
		detail += "\n\nThe product kept answering 429 (rate limited) after the provider waited as it asked. Other integrations may be using the same limit: " +
			"lower the product block's `requests_per_second`, or run Terraform with less `-parallelism`, and apply again."
	case transport.IsTimeout(err):
		detail += "\n\nThe request timed out. Check that the product's `url` in the provider block is reachable from here, " +
			"or raise the provider's `request_timeout` (default `30s`) if the product is slow to answer."
	case transport.IsConnectionRefused(err):
		detail += "\n\nNothing accepted the connection. Check the product's `url` in the provider block (host, port and scheme) and that the product is running."
	}
	if at.Equal(path.Empty()) {
		diags.AddError(summary, detail)
		return
	}
	diags.AddAttributeError(at, summary, detail)
}

// addContractError adds the diagnostic of a provider contract that nothing
// serves, or serves at another version, and reports whether err was one.
// It stands alone: the object was neither read as missing nor written.
func addContractError(diags *diag.Diagnostics, err error) bool {
	var absent *contract.AbsentError
	if errors.As(err, &absent) {
		diags.AddError(absent.Summary(), absent.Error())
		return true
	}
	var version *contract.VersionError
	if errors.As(err, &version) {
		diags.AddError(version.Summary(), version.Error())
		return true
	}
	return false
}

// conflictHint is the fix for a 409: the exact import block of the
// existing object, and the other way out if there is one.
func (c apiErrorContext) conflictHint() string {
	if c.resourceType == "" || c.importID == "" {
		return "An object with the same unique key already exists. Bring it under Terraform with an `import` block, or change the key."
	}
	hint := fmt.Sprintf("The object already exists. To manage it with Terraform, add this block, with `to` set to this resource's address "+
		"(the one Terraform names on the `with` line, e.g. `%[1]s.main` or `%[1]s.this[0]`), and apply again:\n\n"+
		"import {\n  to = %[1]s.<name>\n  id = %[2]q\n}", c.resourceType, c.importID)
	if c.conflictFix != "" {
		hint += "\n\nOtherwise " + c.conflictFix + "."
	}
	return hint
}

// rewrite spells each API field that msg names as its attribute, and
// returns the attribute of the first one (path.Empty() when none).
func (f apiFields) rewrite(msg string) (string, path.Path) {
	at, first := path.Empty(), len(msg)+1
	// Longer names first, so `sso.appPassword` wins over `appPassword`.
	names := make([]string, 0, len(f))
	for name := range f {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		return len(names[i]) > len(names[j]) || (len(names[i]) == len(names[j]) && names[i] < names[j])
	})
	original := msg
	for _, name := range names {
		re := regexp.MustCompile(`(^|[^A-Za-z0-9_.` + "`" + `])` + regexp.QuoteMeta(name) + `($|[^A-Za-z0-9_])`)
		loc := re.FindStringIndex(original)
		if loc == nil {
			continue
		}
		if loc[0] < first {
			at, first = f[name], loc[0]
		}
		msg = re.ReplaceAllString(msg, fmt.Sprintf("${1}`%s` (API field `%s`)${2}", f[name], name))
	}
	return msg, at
}

// removedOutOfBand warns that an object is gone and drops it from state, so
// the next plan creates it again.
func removedOutOfBand(ctx context.Context, diags *diag.Diagnostics, what, id string) {
	tflog.Debug(ctx, "object deleted outside Terraform", map[string]any{"object": what, "id": id})
	diags.AddWarning(fmt.Sprintf("%s Deleted Outside Terraform", what),
		fmt.Sprintf("%s %s no longer exists in the product. It was removed from the Terraform state and will be planned for creation again.", what, id))
}

// keyParser parses the id a resource keeps in state into the key its
// client takes: numericKey, stringKey or parseChildKey, or the resource's
// own.
type keyParser[K any] func(raw string) (K, error)

// numericKey is the key of an object with a positive numeric id.
func numericKey(raw string) (int64, error) { return parseID(types.StringValue(raw)) }

// stringKey is the key of an object with an opaque string id, such as a
// Jitterbit connection's.
func stringKey(raw string) (string, error) {
	if raw == "" || strings.TrimSpace(raw) != raw {
		return "", fmt.Errorf("id %q is empty or has surrounding white space", raw)
	}
	return raw, nil
}

// childKey is the key of an object numbered within a parent, held in state
// as `<parent>/<id>`, such as an aqua mapping of a sync.
type childKey struct{ parent, id int64 }

func (k childKey) String() string { return fmt.Sprintf("%d/%d", k.parent, k.id) }

// parseChildKey parses `<parent>/<id>`, both positive numbers.
func parseChildKey(raw string) (childKey, error) {
	p, c, ok := strings.Cut(raw, "/")
	parent, errP := strconv.ParseInt(p, 10, 64)
	id, errC := strconv.ParseInt(c, 10, 64)
	if !ok || errP != nil || errC != nil || parent <= 0 || id <= 0 {
		return childKey{}, fmt.Errorf("id %q is not `<parent_id>/<id>` with two positive numbers", raw)
	}
	return childKey{parent: parent, id: id}, nil
}

// deleteByID deletes, with del, the object whose numeric id state holds;
// an object already gone is success. summary names the action for errors.
func deleteByID(ctx context.Context, state tfsdk.State, diags *diag.Diagnostics, summary string, del func(context.Context, int64) error) {
	deleteByKey(ctx, state, diags, summary, numericKey, del)
}

// deleteByKey deletes, with del, the object whose id state holds, parsed
// by parse; an object already gone is success.
func deleteByKey[K any](ctx context.Context, state tfsdk.State, diags *diag.Diagnostics, summary string, parse keyParser[K], del func(context.Context, K) error) {
	var raw types.String
	diags.Append(state.GetAttribute(ctx, path.Root("id"), &raw)...)
	if diags.HasError() {
		return
	}
	key, err := parse(raw.ValueString())
	if err != nil {
		diags.AddError(summary, err.Error())
		return
	}
	if err := del(ctx, key); err != nil && !errors.Is(err, api.ErrNotFound) {
		addAPIError(diags, summary, err)
	}
}

// importProblem is an import identifier the user must correct: in no
// accepted form, or naming no object. Its summary and detail are the
// diagnostic's.
type importProblem struct{ summary, detail string }

func (p importProblem) Error() string { return p.summary + ": " + p.detail }

// importLookup finds the key of the object an import identifier names by
// natural keys (e.g. `name=<name>` or `<sync_id>/field=<field>`). It
// returns an importProblem for an identifier to correct, any other error
// for a failed product call.
type importLookup[K any] func(ctx context.Context, raw string) (K, error)

// importByKey sets the id of an import given as the object's id (parsed
// by parse, written back by format) or in a form lookup resolves (nil: the
// id only). what names the object, example shows a valid identifier.
func importByKey[K any](ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse,
	what, example string, parse keyParser[K], format func(K) string, lookup importLookup[K],
) {
	// An import by identity names the object by its id: {id} is the whole
	// identity of the resources that import this way.
	var ident idIdentityModel
	if importIdentity(ctx, req, &resp.Diagnostics, &ident) {
		if resp.Diagnostics.HasError() {
			return
		}
		key, err := parse(identityString(ident.ID))
		if err != nil {
			invalidIdentity(&resp.Diagnostics, "id", fmt.Sprintf("%q: %v", ident.ID.ValueString(), err), `id = "12"`)
			return
		}
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), format(key))...)
		return
	}
	raw := strings.TrimSpace(req.ID)
	key, err := parse(raw)
	if err != nil && lookup != nil {
		key, err = lookup(ctx, raw)
		var problem importProblem
		switch {
		case errors.As(err, &problem):
			resp.Diagnostics.AddError(problem.summary, problem.detail)
			return
		case err != nil:
			addAPIError(&resp.Diagnostics, "Unable to Import "+what, err)
			return
		}
	}
	if err != nil {
		resp.Diagnostics.AddError("Invalid Import Identifier", fmt.Sprintf("%v. Example: `%s`.", err, example))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), format(key))...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, idIdentityModel{ID: types.StringValue(format(key))})
}

// importByIDOrKey sets the id of an import given as `<id>` or
// `<key>=<value>` for one of keys; find looks a value up. what names the
// object, example shows a valid identifier.
func importByIDOrKey(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse,
	what, example string, find func(ctx context.Context, value string) (int64, bool, error), keys ...string,
) {
	importByKey(ctx, req, resp, what, example, numericKey, func(id int64) string { return strconv.FormatInt(id, 10) },
		func(ctx context.Context, raw string) (int64, error) {
			imp, err := parseImportID(raw, keys...)
			if err != nil {
				return 0, importProblem{"Invalid Import Identifier", fmt.Sprintf("%v. Example: `%s`.", err, example)}
			}
			if imp.key == "" {
				return imp.id, nil
			}
			id, found, err := find(ctx, imp.value)
			if err == nil && !found {
				return 0, importProblem{what + " Not Found", fmt.Sprintf("There is no %s with %s %q.", what, imp.key, imp.value)}
			}
			return id, err
		})
}

// getByID reads, with get, the object whose numeric id raw holds. A 404 is
// reported as gone, with no diagnostic, so that Read can forget the object;
// other failures become diagnostics under summary.
func getByID[T any](ctx context.Context, raw types.String, diags *diag.Diagnostics, summary string, get func(context.Context, int64) (T, error)) (obj T, ok, gone bool) {
	return getByKey(ctx, raw, diags, summary, numericKey, get)
}

// getByKey is getByID for any id shape: parse turns the id in state into
// the key get takes.
func getByKey[K, T any](ctx context.Context, raw types.String, diags *diag.Diagnostics, summary string, parse keyParser[K], get func(context.Context, K) (T, error)) (obj T, ok, gone bool) {
	key, err := parse(raw.ValueString())
	if err != nil {
		diags.AddError(summary, err.Error())
		return obj, false, false
	}
	obj, err = get(ctx, key)
	switch {
	case errors.Is(err, api.ErrNotFound):
		return obj, false, true
	case err != nil:
		addAPIError(diags, summary, err)
		return obj, false, false
	}
	return obj, true, false
}

// getAfterWrite is getByID right after a create or update, where a missing
// object is an error.
func getAfterWrite[T any](ctx context.Context, raw types.String, diags *diag.Diagnostics, summary string, get func(context.Context, int64) (T, error)) (T, bool) {
	obj, ok, gone := getByID(ctx, raw, diags, summary, get)
	if gone {
		diags.AddError(summary, fmt.Sprintf("Object %s was not found right after it was written; something else may have deleted it. Run terraform apply again.", raw.ValueString()))
	}
	return obj, ok
}

// knownAfterFailure replaces the unknown values of a state written after a
// failed step (a create whose read-back failed) with nulls: Terraform
// refuses unknown values in the state an apply returns, and a null is
// filled in by the next refresh, while the id written before keeps the
// object tracked.
func knownAfterFailure(state *tfsdk.State, diags *diag.Diagnostics) {
	if !diags.HasError() || state.Raw.IsNull() {
		return
	}
	raw, err := tftypes.Transform(state.Raw, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if !v.IsKnown() {
			return tftypes.NewValue(v.Type(), nil), nil
		}
		return v, nil
	})
	if err != nil {
		diags.AddError("Unable to Save the State", "The state after a failed read could not be completed: "+err.Error()+". Run `terraform apply` again: the object's id is kept.")
		return
	}
	state.Raw = raw
}
