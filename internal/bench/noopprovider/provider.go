package main

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

var _ provider.Provider = (*noopProvider)(nil)

// noopProvider has no configuration and one resource.
type noopProvider struct{}

func newProvider() provider.Provider { return &noopProvider{} }

func (p *noopProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "noop"
	resp.Version = "bench"
}

func (p *noopProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (p *noopProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (p *noopProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{newConnectorResource}
}

func (p *noopProvider) DataSources(context.Context) []func() datasource.DataSource {
	return nil
}
