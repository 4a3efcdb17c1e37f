package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

var (
	_ resource.ResourceWithConfigure      = &aquaValueMappingResource{}
	_ resource.ResourceWithIdentity       = &aquaValueMappingResource{}
	_ resource.ResourceWithImportState    = &aquaValueMappingResource{}
	_ resource.ResourceWithValidateConfig = &aquaValueMappingResource{}
	_ resource.ResourceWithModifyPlan     = &aquaValueMappingResource{}
)

// Seed 003 on the resolution field.
const (
	resolutionRule   = "For the resolution field you must check that all values must be mapped, including null values."
	unresolvedAdvice = "We recommend adding a value 'Unresolved' to the aqua dictionary for resolution."
)

func newAquaValueMappingResource() resource.Resource { return &aquaValueMappingResource{} }

// aquaValueMappingResource maps the values of one field in a sync.
type aquaValueMappingResource struct {
	client *aqua.Client
}

type aquaValueMappingModel struct {
	ID        types.String `tfsdk:"id"`
	SyncID    types.String `tfsdk:"sync_id"`
	Field     types.String `tfsdk:"field"`
	Values    types.Map    `tfsdk:"values"`
	NullValue types.String `tfsdk:"null_value"`
}

func (r *aquaValueMappingResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_aqua_value_mapping"
}

func (r *aquaValueMappingResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Maps the values of one field between Jira and aqua in an aqua Jira sync (aqua's checklist: \"Field value mapping\"). " + resolutionRule + " " +
			unresolvedAdvice + " For `resolution`, each apply reads Jira's resolutions (`GET /rest/api/2/resolution` on the sync's Jira, through aqua with the sync's " +
			"configuration user) and warns about any the mapping leaves unmapped. " +
			"Import by `<sync_id>/<mapping_id>` or by the mapped field, `<sync_id>/field=<field>`, e.g. `3/field=resolution`." + aquaContractNote,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Identifier, `<sync_id>/<mapping_id>`. Import also accepts `<sync_id>/field=<field>`, e.g. `3/field=resolution` (the field compared without regard to case).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"sync_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Id of the `almsync_aqua_jira_sync`. Changing it moves the mapping to another sync (replace).",
				Validators:          []validator.String{numericID{}},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"field": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The field whose values are mapped, e.g. `resolution`, `priority` or `status`. One mapping per field and sync.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"values": schema.MapAttribute{
				Required:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "Jira value → aqua value, e.g. `{ \"Fixed\" = \"Fixed\", \"Won't Fix\" = \"Rejected\" }`. At least one entry: aqua rejects a value mapping that maps no values, so `{}` is an error at plan time.",
				Validators:          []validator.Map{mapvalidator.SizeAtLeast(1), mapvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
			},
			"null_value": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "The aqua value used when the Jira value is empty. Required for `resolution` (aqua's Jira sync guide recommends `Unresolved`: " +
					unresolvedAdvice + ").",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
		},
	}
}

// IdentitySchema is the resource identity (Terraform 1.12 and later).
func (r *aquaValueMappingResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = mappingIdentitySchema("value mapping")
}

func (r *aquaValueMappingResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFor(req.ProviderData, &resp.Diagnostics, "almsync_aqua_value_mapping", aquaProduct)
}

func (r *aquaValueMappingResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m aquaValueMappingModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.Field.IsUnknown() || !strings.EqualFold(m.Field.ValueString(), aqua.ResolutionField) {
		return
	}
	if m.NullValue.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("null_value"), "Missing Null Value for Resolution",
			"aqua: \""+resolutionRule+"\" Set `null_value`, the aqua value for an empty Jira resolution; aqua recommends `Unresolved`.")
	}
}

// ModifyPlan checks that a bridge serves the Jira Sync contract before a
// create or an update, and warns when the resolution's null value is not
// the one aqua recommends. It runs in the plan walk only, so the warning
// shows once per plan.
func (r *aquaValueMappingResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	checkAquaContract(ctx, r.client, req, &resp.Diagnostics, "aqua Value Mapping")
	if req.Plan.Raw.IsNull() {
		return
	}
	var m aquaValueMappingModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.Field.IsUnknown() || !strings.EqualFold(m.Field.ValueString(), aqua.ResolutionField) {
		return
	}
	if !m.NullValue.IsNull() && !m.NullValue.IsUnknown() && m.NullValue.ValueString() != "Unresolved" {
		resp.Diagnostics.AddAttributeWarning(path.Root("null_value"), "Resolution Null Value Is Not Unresolved",
			fmt.Sprintf("`null_value` is not `Unresolved`. aqua: \"%s\" Set `null_value = \"Unresolved\"` unless your aqua dictionary uses another value on purpose.", unresolvedAdvice))
	}
}

func (r *aquaValueMappingResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan aquaValueMappingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	syncID, _ := strconv.ParseInt(plan.SyncID.ValueString(), 10, 64)
	body := valueMappingFromModel(ctx, plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := r.client.CreateValueMapping(ctx, syncID, body)
	if err != nil {
		addMappingAPIError(&resp.Diagnostics, "Unable to Create aqua Value Mapping", err, "almsync_aqua_value_mapping", path.Root("field"),
			plan.SyncID.ValueString()+"/field="+plan.Field.ValueString())
		return
	}
	resp.Diagnostics.Append(modelFromValueMapping(ctx, &plan, created)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, mappingIdentityOf(plan.ID))
	r.warnUnmapped(ctx, syncID, created, &resp.Diagnostics)
}

func (r *aquaValueMappingResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state aquaValueMappingModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := parseMappingID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Invalid aqua Value Mapping ID", err.Error())
		return
	}
	m, err := r.client.GetValueMapping(ctx, id.sync, id.mapping)
	if errors.Is(err, api.ErrNotFound) {
		removedOutOfBand(ctx, &resp.Diagnostics, "aqua Value Mapping", state.ID.ValueString())
		setIdentity(ctx, resp.Identity, &resp.Diagnostics, mappingIdentityOf(state.ID))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to Read aqua Value Mapping", err)
		return
	}
	resp.Diagnostics.Append(modelFromValueMapping(ctx, &state, m)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, mappingIdentityOf(state.ID))
}

func (r *aquaValueMappingResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state aquaValueMappingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := parseMappingID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Invalid aqua Value Mapping ID", err.Error())
		return
	}
	body := valueMappingFromModel(ctx, plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	updated, err := r.client.UpdateValueMapping(ctx, id.sync, id.mapping, body)
	if err != nil {
		addMappingAPIError(&resp.Diagnostics, "Unable to Update aqua Value Mapping", err, "almsync_aqua_value_mapping", path.Root("field"),
			plan.SyncID.ValueString()+"/field="+plan.Field.ValueString())
		return
	}
	resp.Diagnostics.Append(modelFromValueMapping(ctx, &plan, updated)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, mappingIdentityOf(plan.ID))
	r.warnUnmapped(ctx, id.sync, updated, &resp.Diagnostics)
}

func (r *aquaValueMappingResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state aquaValueMappingModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := parseMappingID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Invalid aqua Value Mapping ID", err.Error())
		return
	}
	if err := r.client.DeleteValueMapping(ctx, id.sync, id.mapping); err != nil && !errors.Is(err, api.ErrNotFound) {
		addAPIError(&resp.Diagnostics, "Unable to Delete aqua Value Mapping", err)
	}
}

// ImportState accepts `<sync_id>/<mapping_id>` or `<sync_id>/field=<field>`.
func (r *aquaValueMappingResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importMapping(ctx, req, resp, "aqua Value Mapping", "3/field=resolution",
		func(ctx context.Context, sync int64, natural []string) (int64, bool, error) {
			all, err := r.client.ListValueMappings(ctx, sync)
			if err != nil {
				return 0, false, err
			}
			for _, m := range all {
				if strings.EqualFold(m.Field, natural[0]) {
					return m.ID, true, nil
				}
			}
			return 0, false, nil
		}, "field")
}

// warnUnmapped warns about Jira resolutions the mapping leaves unmapped.
func (r *aquaValueMappingResource) warnUnmapped(ctx context.Context, syncID int64, m aqua.ValueMapping, diags *diag.Diagnostics) {
	if !strings.EqualFold(m.Field, aqua.ResolutionField) {
		return
	}
	resolutions, err := r.client.JiraResolutions(ctx, syncID)
	if err != nil {
		diags.AddAttributeWarning(path.Root("values"), "Jira Resolutions Not Checked",
			fmt.Sprintf("Could not read the Jira resolutions of sync %d, so the mapping's completeness was not checked: %v. %s", syncID, err, resolutionRule))
		return
	}
	var unmapped []string
	for _, res := range resolutions {
		if _, ok := m.Values[res.Name]; !ok {
			unmapped = append(unmapped, res.Name)
		}
	}
	if len(unmapped) == 0 {
		return
	}
	slices.Sort(unmapped)
	diags.AddAttributeWarning(path.Root("values"), "Jira Resolutions Left Unmapped",
		fmt.Sprintf("Jira has resolutions this mapping does not map: %s. aqua: \"%s\" Add them to `values`.",
			backtickList(unmapped), resolutionRule))
}

func valueMappingFromModel(ctx context.Context, m aquaValueMappingModel, diags *diag.Diagnostics) aqua.ValueMapping {
	return aqua.ValueMapping{
		Field:     m.Field.ValueString(),
		Values:    mapStrings(ctx, m.Values, diags),
		NullValue: m.NullValue.ValueString(),
	}
}

func modelFromValueMapping(ctx context.Context, m *aquaValueMappingModel, v aqua.ValueMapping) diag.Diagnostics {
	m.ID = types.StringValue(mappingID{sync: v.SyncID, mapping: v.ID}.String())
	m.SyncID = types.StringValue(strconv.FormatInt(v.SyncID, 10))
	m.Field = types.StringValue(v.Field)
	m.NullValue = stringOrNull(v.NullValue)
	values, diags := types.MapValueFrom(ctx, types.StringType, v.Values)
	m.Values = values
	return diags
}
