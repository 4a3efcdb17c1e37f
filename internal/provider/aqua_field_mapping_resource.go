package provider

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

var (
	_ resource.ResourceWithConfigure   = &aquaFieldMappingResource{}
	_ resource.ResourceWithIdentity    = &aquaFieldMappingResource{}
	_ resource.ResourceWithImportState = &aquaFieldMappingResource{}
	_ resource.ResourceWithModifyPlan  = &aquaFieldMappingResource{}
)

// readOnlyAdvice is the seed's advice on the fields a sync fills.
const readOnlyAdvice = "We recommend to make these fields read-only. Please never edit these fields manually."

// directions maps the attribute's values to the API's.
func directions() map[string]string {
	return map[string]string{"both": aqua.DirectionBoth, "to_jira": aqua.DirectionToJira, "to_aqua": aqua.DirectionToAqua}
}

func newAquaFieldMappingResource() resource.Resource { return &aquaFieldMappingResource{} }

// aquaFieldMappingResource maps an aqua field to a Jira field in a sync.
type aquaFieldMappingResource struct {
	client *aqua.Client
}

type aquaFieldMappingModel struct {
	ID        types.String `tfsdk:"id"`
	SyncID    types.String `tfsdk:"sync_id"`
	ItemType  types.String `tfsdk:"item_type"`
	AquaField types.String `tfsdk:"aqua_field"`
	JiraField types.String `tfsdk:"jira_field"`
	Direction types.String `tfsdk:"direction"`
	ReadOnly  types.Bool   `tfsdk:"read_only"`
}

func (r *aquaFieldMappingResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_aqua_field_mapping"
}

func (r *aquaFieldMappingResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Maps an aqua field to a Jira field in an aqua Jira sync (aqua's checklist: \"Field mapping\", the required fields you create in aqua, such as " +
			"`JiraKey`, `JiraStatus` and `JiraLink`). " + readOnlyAdvice + " " +
			"Import by `<sync_id>/<mapping_id>` or by the mapped aqua field, `<sync_id>/item_type=<item_type>/aqua_field=<aqua_field>`, e.g. `3/item_type=Defect/aqua_field=JiraKey`." +
			aquaContractNote,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Identifier, `<sync_id>/<mapping_id>`. Import also accepts `<sync_id>/item_type=<item_type>/aqua_field=<aqua_field>`, e.g. `3/item_type=Defect/aqua_field=JiraKey` (compared without regard to case).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"sync_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Id of the `almsync_aqua_jira_sync`. Changing it moves the mapping to another sync (replace).",
				Validators:          []validator.String{numericID{}},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"item_type": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "aqua item type: one of " + backtickList(aqua.SyncItemTypes()) + ", spelled exactly.",
				Validators:          []validator.String{stringvalidator.OneOf(aqua.SyncItemTypes()...)},
			},
			"aqua_field": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The aqua field (its id or name) of `item_type`, e.g. `JiraKey`.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"jira_field": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The Jira field (its id or name), e.g. `key` or `status`.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"direction": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Which way values flow: `both`, `to_jira` or `to_aqua`.",
				Validators:          []validator.String{stringvalidator.OneOf("both", "to_jira", "to_aqua")},
			},
			"read_only": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "Whether the aqua field is read-only for users. " + readOnlyAdvice + " `false` produces a plan-time warning. Default value is `true`.",
			},
		},
	}
}

// IdentitySchema is the resource identity (Terraform 1.12 and later).
func (r *aquaFieldMappingResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = mappingIdentitySchema("field mapping")
}

func (r *aquaFieldMappingResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFor(req.ProviderData, &resp.Diagnostics, "almsync_aqua_field_mapping", aquaProduct)
}

// ModifyPlan checks that a bridge serves the Jira Sync contract before a
// create or an update, and warns about an editable synchronized field. It
// runs in the plan walk only, so the warning shows once per plan.
func (r *aquaFieldMappingResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	checkAquaContract(ctx, r.client, req, &resp.Diagnostics, "aqua Field Mapping")
	if req.Plan.Raw.IsNull() {
		return
	}
	var readOnly types.Bool
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("read_only"), &readOnly)...)
	if !readOnly.IsNull() && !readOnly.IsUnknown() && !readOnly.ValueBool() {
		resp.Diagnostics.AddAttributeWarning(path.Root("read_only"), "Synchronized Field Left Editable",
			"`read_only = false` lets users edit a field the Jira sync fills. aqua: \""+readOnlyAdvice+"\"")
	}
}

func (r *aquaFieldMappingResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan aquaFieldMappingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	syncID, _ := strconv.ParseInt(plan.SyncID.ValueString(), 10, 64)
	created, err := r.client.CreateFieldMapping(ctx, syncID, fieldMappingFromModel(plan))
	if err != nil {
		addMappingAPIError(&resp.Diagnostics, "Unable to Create aqua Field Mapping", err, "almsync_aqua_field_mapping", path.Root("aqua_field"), fieldMappingImportID(plan))
		return
	}
	modelFromFieldMapping(&plan, created)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, mappingIdentityOf(plan.ID))
}

func (r *aquaFieldMappingResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state aquaFieldMappingModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := parseMappingID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Invalid aqua Field Mapping ID", err.Error())
		return
	}
	m, err := r.client.GetFieldMapping(ctx, id.sync, id.mapping)
	if errors.Is(err, api.ErrNotFound) {
		removedOutOfBand(ctx, &resp.Diagnostics, "aqua Field Mapping", state.ID.ValueString())
		setIdentity(ctx, resp.Identity, &resp.Diagnostics, mappingIdentityOf(state.ID))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to Read aqua Field Mapping", err)
		return
	}
	modelFromFieldMapping(&state, m)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, mappingIdentityOf(state.ID))
}

func (r *aquaFieldMappingResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state aquaFieldMappingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := parseMappingID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Invalid aqua Field Mapping ID", err.Error())
		return
	}
	updated, err := r.client.UpdateFieldMapping(ctx, id.sync, id.mapping, fieldMappingFromModel(plan))
	if err != nil {
		addMappingAPIError(&resp.Diagnostics, "Unable to Update aqua Field Mapping", err, "almsync_aqua_field_mapping", path.Root("aqua_field"), fieldMappingImportID(plan))
		return
	}
	modelFromFieldMapping(&plan, updated)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	setIdentity(ctx, resp.Identity, &resp.Diagnostics, mappingIdentityOf(plan.ID))
}

func (r *aquaFieldMappingResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state aquaFieldMappingModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := parseMappingID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Invalid aqua Field Mapping ID", err.Error())
		return
	}
	if err := r.client.DeleteFieldMapping(ctx, id.sync, id.mapping); err != nil && !errors.Is(err, api.ErrNotFound) {
		addAPIError(&resp.Diagnostics, "Unable to Delete aqua Field Mapping", err)
	}
}

// ImportState accepts `<sync_id>/<mapping_id>` or
// `<sync_id>/item_type=<item_type>/aqua_field=<aqua_field>`.
func (r *aquaFieldMappingResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importMapping(ctx, req, resp, "aqua Field Mapping", "3/item_type=Defect/aqua_field=JiraKey",
		func(ctx context.Context, sync int64, natural []string) (int64, bool, error) {
			all, err := r.client.ListFieldMappings(ctx, sync)
			if err != nil {
				return 0, false, err
			}
			for _, m := range all {
				if strings.EqualFold(m.ItemType, natural[0]) && strings.EqualFold(m.AquaField, natural[1]) {
					return m.ID, true, nil
				}
			}
			return 0, false, nil
		}, "item_type", "aqua_field")
}

// fieldMappingImportID is the natural import identifier of m.
func fieldMappingImportID(m aquaFieldMappingModel) string {
	return m.SyncID.ValueString() + "/item_type=" + m.ItemType.ValueString() + "/aqua_field=" + m.AquaField.ValueString()
}

func fieldMappingFromModel(m aquaFieldMappingModel) aqua.FieldMapping {
	return aqua.FieldMapping{
		ItemType:  m.ItemType.ValueString(),
		AquaField: m.AquaField.ValueString(),
		JiraField: m.JiraField.ValueString(),
		Direction: directions()[m.Direction.ValueString()],
		ReadOnly:  m.ReadOnly.ValueBool(),
	}
}

func modelFromFieldMapping(m *aquaFieldMappingModel, f aqua.FieldMapping) {
	m.ID = types.StringValue(mappingID{sync: f.SyncID, mapping: f.ID}.String())
	m.SyncID = types.StringValue(strconv.FormatInt(f.SyncID, 10))
	m.ItemType = types.StringValue(f.ItemType)
	m.AquaField = types.StringValue(f.AquaField)
	m.JiraField = types.StringValue(f.JiraField)
	m.ReadOnly = types.BoolValue(f.ReadOnly)
	m.Direction = types.StringValue(f.Direction)
	for attr, apiValue := range directions() {
		if apiValue == f.Direction {
			m.Direction = types.StringValue(attr)
		}
	}
}
