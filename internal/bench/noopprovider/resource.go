package main

import (
	"context"
	"strconv"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ resource.Resource = (*connectorResource)(nil)

// nextID numbers the connectors created by this process.
var nextID atomic.Int64

// connectorResource is noop_jama_connector: Create and Update store the
// plan, Read keeps the state, Delete forgets it. Nothing leaves the
// process.
type connectorResource struct{}

// connectorModel holds every attribute of the schema.
type connectorModel struct {
	ID                    types.String `tfsdk:"id"`
	Application           types.String `tfsdk:"application"`
	Name                  types.String `tfsdk:"name"`
	URL                   types.String `tfsdk:"url"`
	VerifySSL             types.Bool   `tfsdk:"verify_ssl"`
	AuthType              types.String `tfsdk:"auth_type"`
	Username              types.String `tfsdk:"username"`
	Password              types.String `tfsdk:"password"`
	PasswordWO            types.String `tfsdk:"password_wo"`
	PasswordWOVersion     types.Int64  `tfsdk:"password_wo_version"`
	ClientID              types.String `tfsdk:"client_id"`
	ClientSecret          types.String `tfsdk:"client_secret"`
	ClientSecretWO        types.String `tfsdk:"client_secret_wo"`
	ClientSecretWOVersion types.Int64  `tfsdk:"client_secret_wo_version"`
}

func newConnectorResource() resource.Resource { return &connectorResource{} }

func (r *connectorResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jama_connector"
}

func (r *connectorResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = connectorSchema()
}

// Create assigns the computed attributes and stores the plan.
func (r *connectorResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m connectorModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	m.ID = types.StringValue(strconv.FormatInt(nextID.Add(1), 10))
	m.Application = types.StringValue("JAMA_CONNECT")
	m.PasswordWO, m.ClientSecretWO = types.StringNull(), types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// Read leaves the prior state, which the framework has already copied
// into the response, untouched.
func (r *connectorResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

// Update stores the plan.
func (r *connectorResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var m connectorModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	m.PasswordWO, m.ClientSecretWO = types.StringNull(), types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// Delete has nothing to remove; the framework drops the state.
func (r *connectorResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}
