package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// TestEverySchemaAttributeIsDescribed: schema descriptions are the user
// documentation, so a missing one fails the build.
func TestEverySchemaAttributeIsDescribed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	p := &almsyncProvider{version: "test"}

	var ps pschema.SchemaResponse
	p.Schema(ctx, pschema.SchemaRequest{}, &ps)
	for name, a := range ps.Schema.Attributes {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("provider attribute %s has no description", name)
		}
	}
	for name, b := range ps.Schema.Blocks {
		if b.GetMarkdownDescription() == "" {
			t.Errorf("provider block %s has no description", name)
		}
		for attr, a := range b.GetNestedObject().GetAttributes() {
			if a.GetMarkdownDescription() == "" {
				t.Errorf("provider attribute %s.%s has no description", name, attr)
			}
		}
	}

	if n, m := len(p.Resources(ctx)), len(p.DataSources(ctx)); n != 9 || m != 4 {
		t.Fatalf("walked %d resources and %d data sources, want 9 and 4: add new ones to this check", n, m)
	}
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "almsync"}, &meta)
		var s resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &s)
		if s.Schema.MarkdownDescription == "" {
			t.Errorf("%s has no description", meta.TypeName)
		}
		checkResourceAttributes(t, meta.TypeName, s.Schema.Attributes, s.Schema.Blocks)
	}
	for _, newDataSource := range p.DataSources(ctx) {
		d := newDataSource()
		var meta datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "almsync"}, &meta)
		var s datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &s)
		if s.Schema.MarkdownDescription == "" {
			t.Errorf("data source %s has no description", meta.TypeName)
		}
		checkDataSourceAttributes(t, meta.TypeName, s.Schema.Attributes)
	}
}

func checkResourceAttributes(t *testing.T, prefix string, attrs map[string]rschema.Attribute, blocks map[string]rschema.Block) {
	t.Helper()
	for name, a := range attrs {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("%s.%s has no description", prefix, name)
		}
	}
	for name, b := range blocks {
		if b.GetMarkdownDescription() == "" {
			t.Errorf("%s.%s has no description", prefix, name)
		}
		nested := map[string]rschema.Attribute{}
		for k, a := range b.GetNestedObject().GetAttributes() {
			nested[k] = a.(rschema.Attribute)
		}
		checkResourceAttributes(t, prefix+"."+name, nested, nil)
	}
}

func checkDataSourceAttributes(t *testing.T, prefix string, attrs map[string]dschema.Attribute) {
	t.Helper()
	for name, a := range attrs {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("%s.%s has no description", prefix, name)
		}
		if n, ok := a.(dschema.ListNestedAttribute); ok {
			nested := map[string]dschema.Attribute{}
			for k, v := range n.NestedObject.Attributes {
				nested[k] = v
			}
			checkDataSourceAttributes(t, prefix+"."+name, nested)
		}
	}
}
