package main

import (
	"context"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

var _ provider.Provider = (*noopProvider)(nil)

// noopProvider has no configuration and one resource, the floor of
// almsync_jama_connector.
type noopProvider struct {
	// schema is the floor's schema (see floorSchema); diags explains why
	// it could not be built.
	schema schema.Schema
	diags  diag.Diagnostics
	// ids numbers the objects created by this process.
	ids *atomic.Int64
}

func newProvider() provider.Provider {
	s, diags := floorSchema(context.Background(), mirroredType)
	return &noopProvider{schema: s, diags: diags, ids: new(atomic.Int64)}
}

func (p *noopProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "noop"
	resp.Version = "bench"
}

func (p *noopProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (p *noopProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (p *noopProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return &floorResource{provider: p} }}
}

func (p *noopProvider) DataSources(context.Context) []func() datasource.DataSource {
	return nil
}
