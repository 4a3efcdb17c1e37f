package provider

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// mappingID is the id of an aqua mapping: its sync and its own id, written
// `<sync_id>/<mapping_id>` since mappings live under their sync.
type mappingID struct{ sync, mapping int64 }

func (m mappingID) String() string { return fmt.Sprintf("%d/%d", m.sync, m.mapping) }

// parseMappingID parses `<sync_id>/<mapping_id>`.
func parseMappingID(raw string) (mappingID, error) {
	syncPart, mappingPart, ok := strings.Cut(strings.TrimSpace(raw), "/")
	s, err1 := strconv.ParseInt(syncPart, 10, 64)
	m, err2 := strconv.ParseInt(mappingPart, 10, 64)
	if !ok || err1 != nil || err2 != nil || s <= 0 || m <= 0 {
		return mappingID{}, fmt.Errorf("%q is not `<sync_id>/<mapping_id>`, e.g. `3/12`", raw)
	}
	return mappingID{sync: s, mapping: m}, nil
}

// mappingImport is a parsed import identifier of an aqua mapping: its id,
// or its sync and the natural keys that identify it there.
type mappingImport struct {
	id      mappingID
	sync    int64
	natural []string // values of the keys, in their order; nil for an id
}

// parseMappingImport parses `<sync_id>/<mapping_id>` or
// `<sync_id>/<key1>=<value1>[/<key2>=<value2>...]` for keys, in that
// order. A value may contain `/`, but not `/<next key>=`.
func parseMappingImport(raw string, keys ...string) (mappingImport, error) {
	forms := "`<sync_id>/<mapping_id>`"
	for i, k := range keys {
		if i == 0 {
			forms += " or `<sync_id>"
		}
		forms += "/" + k + "=<" + k + ">"
	}
	forms += "`"
	raw = strings.TrimSpace(raw)
	if id, err := parseMappingID(raw); err == nil {
		return mappingImport{id: id}, nil
	}
	syncPart, rest, _ := strings.Cut(raw, "/")
	sync, err := strconv.ParseInt(syncPart, 10, 64)
	if err != nil || sync <= 0 {
		return mappingImport{}, fmt.Errorf("the import identifier must be %s, starting with the numeric sync id", forms)
	}
	out := mappingImport{sync: sync}
	for i, k := range keys {
		v, ok := strings.CutPrefix(rest, k+"=")
		if !ok {
			return mappingImport{}, fmt.Errorf("the import identifier must be %s; `%s=` is missing or out of order", forms, k)
		}
		if i+1 < len(keys) {
			v, rest, ok = strings.Cut(v, "/"+keys[i+1]+"=")
			if !ok {
				return mappingImport{}, fmt.Errorf("the import identifier must be %s; `/%s=` is missing", forms, keys[i+1])
			}
			rest = keys[i+1] + "=" + rest
		}
		if v == "" {
			return mappingImport{}, fmt.Errorf("the import identifier must be %s; `%s` is empty", forms, k)
		}
		out.natural = append(out.natural, v)
	}
	return out, nil
}

// importMapping sets the id of an imported mapping given as an id or by
// its natural keys; find returns the id of the mapping of a sync whose keys
// have the given values (compared without regard to case). what names the
// object, example shows a natural identifier.
func importMapping(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, what, example string,
	find func(ctx context.Context, sync int64, natural []string) (int64, bool, error), keys ...string,
) {
	var ident mappingIdentityModel
	if importIdentity(ctx, req, &resp.Diagnostics, &ident) {
		if resp.Diagnostics.HasError() {
			return
		}
		id, err := mappingIDFromIdentity(ident)
		if err != nil {
			resp.Diagnostics.AddError("Invalid Import Identity", fmt.Sprintf("The `identity` of the import block %v. Example:\n\n  identity = {\n    sync_id = \"3\"\n    id      = \"12\"\n  }", err))
			return
		}
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id.String())...)
		return
	}
	imp, err := parseMappingImport(req.ID, keys...)
	if err != nil {
		resp.Diagnostics.AddError("Invalid Import Identifier", fmt.Sprintf("%v. Example: `%s`.", err, example))
		return
	}
	id := imp.id
	if imp.natural != nil {
		found, ok, err := find(ctx, imp.sync, imp.natural)
		if err != nil {
			addAPIError(&resp.Diagnostics, "Unable to Import "+what, err)
			return
		}
		if !ok {
			var pairs []string
			for i, k := range keys {
				pairs = append(pairs, fmt.Sprintf("`%s` %q", k, imp.natural[i]))
			}
			resp.Diagnostics.AddError(what+" Not Found",
				fmt.Sprintf("aqua Jira sync %d has no %s with %s.", imp.sync, strings.ToLower(strings.TrimPrefix(what, "aqua ")), strings.Join(pairs, " and ")))
			return
		}
		id = mappingID{sync: imp.sync, mapping: found}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id.String())...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, id.identity())
}

// identity is the resource identity of the mapping.
func (m mappingID) identity() mappingIdentityModel {
	return mappingIdentityModel{
		ID:     types.StringValue(strconv.FormatInt(m.mapping, 10)),
		SyncID: types.StringValue(strconv.FormatInt(m.sync, 10)),
	}
}

// mappingIDFromIdentity is the mapping an identity names; the error says
// which attribute is wrong.
func mappingIDFromIdentity(ident mappingIdentityModel) (mappingID, error) {
	sync, err := strconv.ParseInt(identityString(ident.SyncID), 10, 64)
	if err != nil || sync <= 0 {
		return mappingID{}, fmt.Errorf("has `sync_id` %q, which is not a positive number", ident.SyncID.ValueString())
	}
	mapping, err := strconv.ParseInt(identityString(ident.ID), 10, 64)
	if err != nil || mapping <= 0 {
		return mappingID{}, fmt.Errorf("has `id` %q, which is not a positive number (the mapping's own id, without the sync's)", ident.ID.ValueString())
	}
	return mappingID{sync: sync, mapping: mapping}, nil
}

// mappingIdentityOf is the identity of the mapping whose id state holds
// as `<sync_id>/<mapping_id>`; an id in no such form (nothing is stored
// yet) gives a null identity.
func mappingIdentityOf(stateID types.String) mappingIdentityModel {
	id, err := parseMappingID(stateID.ValueString())
	if err != nil {
		return mappingIdentityModel{ID: types.StringNull(), SyncID: types.StringNull()}
	}
	return id.identity()
}

// addMappingAPIError adds the diagnostic for a failed mapping call. A
// rejection names the attributes instead of aqua's field names; a conflict
// means the sync already has this mapping (mappings have no name to
// change), so it gives the import block that adopts it; other failures
// read as addAPIError's.
func addMappingAPIError(diags *diag.Diagnostics, summary string, err error, typ string, at path.Path, importID string) {
	if addWireAPIError(diags, summary, err, aquaMappingWireFields) {
		return
	}
	if !errors.Is(err, api.ErrConflict) {
		addAPIError(diags, summary, err)
		return
	}
	diags.AddAttributeError(at, summary, err.Error()+"\n\n"+
		"The sync already has this mapping. Remove this resource, or bring the existing mapping under Terraform with this block, with `to` set to this resource's address (the one Terraform names on the `with` line):\n\n"+
		importBlock(typ, importID))
}

// aquaSyncWireFields maps the Jira Sync contract's field names, as aqua's
// messages spell them, to the attributes of almsync_aqua_jira_sync.
func aquaSyncWireFields() wireFields {
	f := wireFields{
		"Name":           path.Root("name"),
		"AquaProjectId":  path.Root("aqua_project_id"),
		"JiraUrl":        path.Root("jira_url"),
		"JiraProjectKey": path.Root("jira_project_key"),
		"AquaSyncUserId": path.Root("aqua_sync_user_id"),
		"Enabled":        path.Root("enabled"),
	}
	for wire, block := range map[string]string{"ConfigurationUser": "configuration_user", "SyncUser": "sync_user"} {
		f[wire] = path.Root(block)
		for field, attr := range map[string]string{"Username": "username", "Email": "email", "Password": "password", "ApiToken": "api_token"} {
			f[wire+"."+field] = path.Root(block).AtName(attr)
		}
	}
	return f
}

// aquaMappingWireFields maps the mapping fields of the Jira Sync contract
// to the attributes of the mapping resources.
var aquaMappingWireFields = wireFields{
	"ItemType":  path.Root("item_type"),
	"AquaField": path.Root("aqua_field"),
	"JiraField": path.Root("jira_field"),
	"Direction": path.Root("direction"),
	"ReadOnly":  path.Root("read_only"),
	"Field":     path.Root("field"),
	"Values":    path.Root("values"),
	"NullValue": path.Root("null_value"),
}

// checkAquaContract fails the plan of a create or an update of a resource
// of the Jira Sync contract (what names it) when no bridge serves the
// contract at aqua's contract_url, so that the plan says so instead of
// promising a change that cannot be made. A refresh, import or delete
// meets the same error through the contract call itself. Nothing is asked
// while the provider is not configured, and the discovery is sent once
// per run.
func checkAquaContract(ctx context.Context, client *aqua.Client, req resource.ModifyPlanRequest, diags *diag.Diagnostics, what string) {
	if client == nil || req.Plan.Raw.IsNull() || (!req.State.Raw.IsNull() && req.Plan.Raw.Equal(req.State.Raw)) {
		return
	}
	if err := client.CheckContract(ctx); err != nil {
		addAPIError(diags, "Unable to Plan "+what, err)
	}
}

// aquaContractNote is the "Contract" note of the resources of the Jira
// Sync contract.
const aquaContractNote = "\n\n**Contract.** aqua publishes no API for its Jira sync (it is configured only in the desktop SyncConfigurator), " +
	"so this resource uses the provider's own published contract `aqua-jira-sync` (version 1.0.0, routes below `/almsync/aqua-jira-sync/v1`, " +
	"with aqua's bearer token), which no aqua server serves by itself: a bridge implementing it does. Point `aqua.contract_url` " +
	"(or `AQUA_CONTRACT_URL`) at the bridge; it defaults to `aqua.url`. Where no bridge answers, a plan, refresh or import fails with an error " +
	"saying so, never with a deletion or a planned re-create. See the guide \"How the provider reaches each product\"."
